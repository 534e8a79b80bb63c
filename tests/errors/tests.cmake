# The reproducer corpus of pm validate: one golden test per case (NAME.expected), run by
# tests/cli/golden.sh from this directory, plus a check that every diagnostic code has one.
# Regenerate golden files with PM_UPDATE_GOLDEN=1 (see tests/cli/golden.sh), then review them.
file(GLOB PM_ERROR_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.expected)
foreach(f IN LISTS PM_ERROR_CASES)
  get_filename_component(name ${f} NAME_WLE)
  add_test(NAME golden/errors/${name}
           COMMAND bash ${PM_SOURCE}/tests/cli/golden.sh ${PM_BIN} ${CMAKE_CURRENT_LIST_DIR} ${name}
                   ${CMAKE_CURRENT_BINARY_DIR}/golden/errors/${name})
endforeach()
add_test(NAME errors/coverage COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/coverage.sh ${PM_SOURCE})
