# Chinese column names (one with its unit in brackets), 是/否, blank cells left out, a derived id, assumptions said in comments; the files written, shown.
pm import zh.csv --into $GOLDEN_WORK/out && cd $GOLDEN_WORK/out && for f in *.yaml; do echo "== $f"; cat "$f"; done
