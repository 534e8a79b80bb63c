# An empty ledger, and one with a header and no rows.
pm import empty.csv --into $GOLDEN_WORK/out; printf 'name,area\n\n' > $GOLDEN_WORK/h.csv; cd $GOLDEN_WORK && pm import h.csv --into out
