# The command line's property test (fuzz_cli.py): random commands, options and inputs, each
# checked against the exit-code and no-damage contract. 250 runs of a fixed seed here; under
# the sanitizers (several times slower) 60 runs of another seed, so CI's two stages together
# try 310 different command lines. PM_FUZZ_CLI_RUNS and --seed replay or extend it locally.
if(PM_SANITIZE OR PM_FUZZ)
  set(pm_fuzz_cli_args --runs 60 --seed 2)
else()
  set(pm_fuzz_cli_args --runs 250 --seed 1)
endif()
add_test(NAME cli_fuzz
         COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/fuzz_cli.py ${PM_BIN} ${PM_SOURCE}
                 ${CMAKE_CURRENT_BINARY_DIR}/cli_fuzz ${pm_fuzz_cli_args})
set_tests_properties(cli_fuzz PROPERTIES TIMEOUT 900)
