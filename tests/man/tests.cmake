# The man pages: mandoc lints them clean, man renders them, and they describe what the code
# does (commands, pm validate's options, every key, choice and role of the estate format).
add_test(NAME man/lint COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check.sh lint ${PM_SOURCE})
add_test(NAME man/render COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check.sh render ${PM_SOURCE})
add_test(NAME man/sync
         COMMAND bash ${PM_SOURCE}/tests/schema/python.sh ${CMAKE_CURRENT_LIST_DIR}/sync.py ${PM_SOURCE} ${PM_BIN})
set_tests_properties(man/lint man/render man/sync PROPERTIES SKIP_RETURN_CODE 77)
