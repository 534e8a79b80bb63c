# Seed tests (issue 16 item 4): each plan's numbers, names and rules, from a table in tests/seed,
# checked against what pm prints for its example.
add_test(NAME seed/plan3 COMMAND python3 ${PM_SOURCE}/tests/seed/check_plan3.py ${PM_BIN} ${PM_SOURCE})
