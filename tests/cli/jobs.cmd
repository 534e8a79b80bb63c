# --jobs: every reproducer of tests/errors checked on 1 and on 7 threads gives the same bytes, in order.
pm validate -v -j 1 ../errors > "$GOLDEN_WORK/one" 2>&1; pm validate -v --jobs 7 ../errors > "$GOLDEN_WORK/seven" 2>&1; grep -q 'stray-bracket.yaml:8:14' "$GOLDEN_WORK/one" && cmp "$GOLDEN_WORK/one" "$GOLDEN_WORK/seven" && echo same
