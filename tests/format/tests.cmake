# The C++ sources are formatted as .clang-format says (clang-format 14, Debian 12's).
add_test(NAME format COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check.sh ${PM_SOURCE})
set_tests_properties(format PROPERTIES SKIP_RETURN_CODE 77)
