# The bash and zsh completions (completions/) complete what `pm COMMAND --help` says: every
# command, option and choice, the built-in names and the right kind of file. Each shell is
# driven for real: bash calls _pm with COMP_WORDS set; zsh presses TAB in a pseudo-terminal.
foreach(shell bash zsh)
  add_test(NAME completion/${shell}
           COMMAND bash ${PM_SOURCE}/tests/schema/python.sh ${CMAKE_CURRENT_LIST_DIR}/check.py ${shell} ${PM_SOURCE} ${PM_BIN})
endforeach()
set_tests_properties(completion/bash completion/zsh PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
