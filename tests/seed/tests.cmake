# Tests that hold the seed (issue 16, item 4): each tests/seed/check_planN.py reads the seed's
# figures for plan N from tests/seed/planN.tsv and checks them against pm's output (argv: the
# pm binary, the source root). Registered as seed/planN.
file(GLOB PM_SEED_CHECKS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/check_plan*.py)
foreach(check ${PM_SEED_CHECKS})
  get_filename_component(name ${check} NAME_WE)
  string(REPLACE "check_" "" name ${name})
  add_test(NAME seed/${name} COMMAND python3 ${check} ${PM_BIN} ${PM_SOURCE})
endforeach()
