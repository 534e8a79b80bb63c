# The seed's plans as written (issue 16, item 4): tests/seed/check_planN.py checks the numbers,
# dates and names of tests/seed/planN.tsv against pm's output, one ctest seed/planN each.
file(GLOB PM_SEED_CHECKS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/check_plan*.py)
foreach(f IN LISTS PM_SEED_CHECKS)
  get_filename_component(name ${f} NAME_WE)
  string(REPLACE "check_" "" name ${name})
  add_test(NAME seed/${name} COMMAND python3 ${f} ${PM_BIN} ${PM_SOURCE})
endforeach()
