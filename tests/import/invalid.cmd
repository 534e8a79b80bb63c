# A row whose cells are each well-formed but whose estate would not validate: pm validate's diagnostic, at the row and the cell it came from.
pm import invalid.csv --into $GOLDEN_WORK/out
