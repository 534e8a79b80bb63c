# Plans 2-6: pm portfolio, pm init, pm diff, the examples of every plan, and the rules of the
# estate sections they use (reproducers in tests/plans/errors with golden output).
foreach(c portfolio init diff examples directories)
  add_test(NAME plans/${c} COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/check.py ${PM_BIN} ${PM_SOURCE} ${c})
endforeach()
foreach(r overlapping-phases reversed-phase group-without-lead unknown-group role-conflict inspection-times)
  add_test(NAME plans/errors/${r} COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/golden.sh ${PM_BIN} ${CMAKE_CURRENT_LIST_DIR} ${r}
                                          validate errors/${r}.yaml)
endforeach()
add_test(NAME plans/errors/not-an-estate COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/golden.sh ${PM_BIN}
                                                 ${CMAKE_CURRENT_LIST_DIR} not-an-estate staff errors/not-an-estate.yaml)
