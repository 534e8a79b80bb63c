# Golden tests of the pm command line (output formats, languages, stdin, directories, usage
# errors): one test per NAME.expected here, run by golden.sh (which explains the case files
# and how to regenerate golden files: PM_UPDATE_GOLDEN=1).
file(GLOB PM_CLI_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.expected)
foreach(f IN LISTS PM_CLI_CASES)
  get_filename_component(name ${f} NAME_WLE)
  add_test(NAME golden/cli/${name}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/golden.sh ${PM_BIN} ${CMAKE_CURRENT_LIST_DIR} ${name}
                   ${CMAKE_CURRENT_BINARY_DIR}/golden/cli/${name})
endforeach()
