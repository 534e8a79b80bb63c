# CLI tests of pm roster (tests/roster/run.sh holds each case).
foreach(t plan1-check staffed-check year ics schema deterministic refused unlawful-pattern check-errors check-malformed formats usage fair)
  add_test(NAME roster_${t}
           COMMAND bash ${PM_SOURCE}/tests/roster/run.sh ${PM_BIN} ${PM_SOURCE} ${CMAKE_CURRENT_BINARY_DIR}/roster/${t} ${t})
endforeach()
# Issue 17: the minimum headcount, proven; refusals whose number works (tests/roster/minimum.py).
foreach(t tight min refusal property)
  add_test(NAME roster_minimum_${t}
           COMMAND python3 ${PM_SOURCE}/tests/roster/minimum.py ${PM_BIN} ${CMAKE_CURRENT_BINARY_DIR}/roster/minimum-${t} ${t})
endforeach()
