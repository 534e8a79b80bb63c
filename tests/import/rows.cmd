# Every problem a row can have, each at its line and the cell's column, all reported at once; nothing is written (exit 1).
pm import rows.csv --into $GOLDEN_WORK/out; rc=$?; ls $GOLDEN_WORK/out 2>&1 | sed "s|$GOLDEN_WORK/||"; exit $rc
