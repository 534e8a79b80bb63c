# pm compare: plan 1 under two norm sets and a compound with security in house against a
# contract, their numbers checked against pm staff and pm budget (check.py), the JSON against
# schemas/compare.schema.json (ajv), every format, and golden output and usage errors (golden/,
# run by tests/cli/golden.sh; regenerate with PM_UPDATE_GOLDEN=1 ctest -R compare/, then review).
foreach(case norms outsourced schema formats)
  add_test(NAME compare/${case}
           COMMAND bash ${PM_SOURCE}/tests/schema/python.sh ${CMAKE_CURRENT_LIST_DIR}/check.py ${case} ${PM_BIN}
                   ${PM_SOURCE} ${CMAKE_CURRENT_BINARY_DIR}/compare/${case})
  set_tests_properties(compare/${case} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()
file(GLOB PM_COMPARE_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/golden/*.cmd)
foreach(f IN LISTS PM_COMPARE_CASES)
  get_filename_component(name ${f} NAME_WLE)
  add_test(NAME compare/golden-${name}
           COMMAND bash ${PM_SOURCE}/tests/cli/golden.sh ${PM_BIN} ${CMAKE_CURRENT_LIST_DIR}/golden ${name}
                   ${CMAKE_CURRENT_BINARY_DIR}/compare/golden/${name})
endforeach()
add_test(NAME compare/man-lint COMMAND mandoc -T lint -W warning ${PM_SOURCE}/man/pm-compare.1)
