# Hostile inputs (tests/hostile/cases*.tsv): one test per case, run by run.sh with pm limited
# to 2 s and 500 MB. In a sanitizer build (PM_SANITIZE, PM_FUZZ) the memory cap is left out and
# the time limit raised, since ASan reserves terabytes of address space and runs slower; an
# unoptimised Debug build gets more time too. The 2 s limit is for the optimised build CI runs.
# The cases are split over cases*.tsv by subject; names are unique across them.
file(GLOB PM_HOSTILE_FILES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/cases*.tsv)
foreach(f IN LISTS PM_HOSTILE_FILES)
  # Only the names: a command may hold ';', which a CMake list would split on.
  file(STRINGS ${f} names REGEX "^[a-z0-9-]+\t")
  list(TRANSFORM names REPLACE "\t.*" "")
  foreach(name IN LISTS names)
    add_test(NAME hostile/${name}
             COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run.sh ${PM_BIN} ${PM_SOURCE}
                     ${CMAKE_CURRENT_BINARY_DIR}/hostile/${name} ${name})
    set_tests_properties(hostile/${name} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120
                         ENVIRONMENT "PM_SANITIZED=$<OR:$<BOOL:${PM_SANITIZE}>,$<BOOL:${PM_FUZZ}>>;PM_DEBUG_BUILD=$<CONFIG:Debug>")
  endforeach()
endforeach()
