# Directory modes (issue 18): pm staff, budget and portfolio on a directory stream, so their
# peak memory does not grow with the number of estates (a few seconds). The walk, duplicate
# ids and targets files are hostile cases (tests/hostile/cases-dirs.tsv).
add_test(NAME dirs/memory-growth
         COMMAND python3 -B ${CMAKE_CURRENT_LIST_DIR}/growth.py ${PM_BIN} ${PM_SOURCE}
                 ${CMAKE_CURRENT_BINARY_DIR}/dirs-growth)
