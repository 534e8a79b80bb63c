# English column names and cells that YAML must quote: ": ", "#", quotes, a leading "-" or "@", a line break, words a reader takes for a boolean, date or number.
pm import en.csv --into $GOLDEN_WORK/out && cd $GOLDEN_WORK/out && for f in *.yaml; do echo "== $f"; cat "$f"; done
