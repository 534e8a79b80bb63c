# The folders of lib/pm/ include only those below them, in the order ARCHITECTURE.md declares.
add_test(NAME layers COMMAND python3 ${PM_SOURCE}/tests/layers/check.py ${PM_SOURCE})
