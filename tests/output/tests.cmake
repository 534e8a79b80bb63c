# -o never damages data (tests/output/check.sh).
add_test(NAME output/never-damages
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check.sh ${PM_BIN} ${PM_SOURCE} ${CMAKE_CURRENT_BINARY_DIR}/output)
