# The benchmark script (bench/run.sh) in its smoke mode: 20 generated estates, one run of each
# benchmark, 2-week rosters. It keeps the script from rotting and checks pm's answers on the
# corpus (all files valid, a spoilt one rejected, portfolio counts every estate, rosters pass
# pm roster check). No speed is asserted: the goals live in the benchmarks (README).
# Skipped (77) when ajv-cli is missing, after the rest has passed, unless CI=true.
add_test(NAME bench_smoke COMMAND bash ${PM_SOURCE}/bench/run.sh $<TARGET_FILE_DIR:pm> --smoke)
set_tests_properties(bench_smoke PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
