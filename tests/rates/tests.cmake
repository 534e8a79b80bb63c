# CLI tests of `pm rates` (included by tests/CMakeLists.txt; PM_BIN, PM_SOURCE): golden output
# of each case in tests/rates/cases, run by tests/staffing/golden.sh.
set(PM_RATES_DIR ${PM_SOURCE}/tests/rates)
file(GLOB PM_RATES_CASES CONFIGURE_DEPENDS ${PM_RATES_DIR}/cases/*.cmd)
foreach(f IN LISTS PM_RATES_CASES)
  get_filename_component(name ${f} NAME_WE)
  add_test(NAME rates/${name}
           COMMAND bash ${PM_SOURCE}/tests/staffing/golden.sh ${PM_BIN} ${PM_RATES_DIR}/cases ${name}
                   ${CMAKE_CURRENT_BINARY_DIR}/rates/${name})
endforeach()
