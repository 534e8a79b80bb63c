# Header problems: a required column missing (area), two names of one column, and an unknown column (a warning, with a likely match).
pm import header.csv --into $GOLDEN_WORK/out
