# Chinese column names (one with its unit in brackets), 是/否, blank cells left out, a derived id, assumptions said in comments; the files written, shown.
cd $GOLDEN_WORK && cp $OLDPWD/zh.csv . && pm import zh.csv --into out && for f in out/*.yaml; do echo "== $f"; cat "$f"; done
