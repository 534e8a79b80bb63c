# The sources pm prints cite public documents or plans in practice, or say they are assumptions.
add_test(NAME sources/public COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check.sh ${PM_SOURCE})
