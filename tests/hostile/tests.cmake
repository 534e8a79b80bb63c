# Hostile inputs (tests/hostile/cases.tsv): one test per case, run by run.sh with pm limited
# to 2 s and 500 MB. In a sanitizer build (PM_SANITIZE, PM_FUZZ) the memory cap is left out and
# the time limit raised, since ASan reserves terabytes of address space and runs slower; an
# unoptimised Debug build gets more time too. The 2 s limit is for the optimised build CI runs.
file(STRINGS ${CMAKE_CURRENT_LIST_DIR}/cases.tsv PM_HOSTILE_LINES REGEX "^[a-z0-9-]+\t")
foreach(line IN LISTS PM_HOSTILE_LINES)
  string(REGEX MATCH "^[a-z0-9-]+" name "${line}")
  add_test(NAME hostile/${name}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run.sh ${PM_BIN} ${PM_SOURCE}
                   ${CMAKE_CURRENT_BINARY_DIR}/hostile/${name} ${name})
  set_tests_properties(hostile/${name} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120
                       ENVIRONMENT "PM_SANITIZED=$<OR:$<BOOL:${PM_SANITIZE}>,$<BOOL:${PM_FUZZ}>>;PM_DEBUG_BUILD=$<CONFIG:Debug>")
endforeach()
