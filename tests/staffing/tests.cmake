# CLI tests of `pm staff` and `pm norms` (included by tests/CMakeLists.txt; PM_BIN, PM_SOURCE).
set(PM_STAFFING_DIR ${PM_SOURCE}/tests/staffing)
# Not REQUIRED: a build without the test tools must still configure (bash .ci/deps --test
# installs them); the tests then fail, saying python3 is missing.
find_program(PM_PYTHON3 python3)
if(NOT PM_PYTHON3)
  set(PM_PYTHON3 python3)
endif()

# Golden output of each format, language and error: cases/*.cmd and errors/*.toml.
file(GLOB PM_STAFFING_CASES CONFIGURE_DEPENDS ${PM_STAFFING_DIR}/cases/*.cmd)
foreach(f IN LISTS PM_STAFFING_CASES)
  get_filename_component(name ${f} NAME_WE)
  add_test(NAME staffing_golden_${name}
           COMMAND bash ${PM_STAFFING_DIR}/golden.sh ${PM_BIN} ${PM_STAFFING_DIR}/cases ${name}
                   ${CMAKE_CURRENT_BINARY_DIR}/staffing/golden/${name})
endforeach()
file(GLOB PM_STAFFING_ERRORS CONFIGURE_DEPENDS ${PM_STAFFING_DIR}/errors/*.toml)
foreach(f IN LISTS PM_STAFFING_ERRORS)
  get_filename_component(name ${f} NAME_WE)
  add_test(NAME staffing_error_${name}
           COMMAND bash ${PM_STAFFING_DIR}/golden.sh ${PM_BIN} ${PM_STAFFING_DIR}/errors ${name}
                   ${CMAKE_CURRENT_BINARY_DIR}/staffing/errors/${name})
endforeach()

# Plan 1 reproduced by cn-practice; the lawful default; sums on every example.
add_test(NAME staffing_plan1 COMMAND ${PM_PYTHON3} ${PM_STAFFING_DIR}/check_staffing.py ${PM_BIN} ${PM_SOURCE} plan1)
add_test(NAME staffing_default COMMAND ${PM_PYTHON3} ${PM_STAFFING_DIR}/check_staffing.py ${PM_BIN} ${PM_SOURCE} default)
add_test(NAME staffing_sums COMMAND ${PM_PYTHON3} ${PM_STAFFING_DIR}/check_staffing.py ${PM_BIN} ${PM_SOURCE} sums)
# A custom norm file with one ratio changed changes exactly the lines that use it.
add_test(NAME staffing_one_ratio COMMAND ${PM_PYTHON3} ${PM_STAFFING_DIR}/check_staffing.py ${PM_BIN} ${PM_SOURCE}
                                         one-ratio ${CMAKE_CURRENT_BINARY_DIR}/staffing/one-ratio)
# -o writes atomically and never over an input (estate, norm file, labour file).
add_test(NAME staffing_output COMMAND bash ${PM_STAFFING_DIR}/output.sh ${PM_BIN} ${PM_SOURCE}
                                      ${CMAKE_CURRENT_BINARY_DIR}/staffing/output)
# The JSON of every example, norm set and language is valid against the schema (ajv).
add_test(NAME staffing_schema COMMAND bash ${PM_STAFFING_DIR}/schema.sh ${PM_BIN} ${PM_SOURCE}
                                      ${CMAKE_CURRENT_BINARY_DIR}/staffing/schema)
# The man pages are clean for mandoc and document every option of `pm staff --help`.
add_test(NAME staffing_man COMMAND bash ${PM_STAFFING_DIR}/man.sh ${PM_BIN} ${PM_SOURCE})
