# English column names and cells that YAML must quote: ": ", "#", quotes, a leading "-" or "@", a line break, words a reader takes for a boolean, date or number.
cd $GOLDEN_WORK && cp $OLDPWD/en.csv . && pm --lang en import en.csv --into out && for f in out/*.yaml; do echo "== $f"; cat "$f"; done
