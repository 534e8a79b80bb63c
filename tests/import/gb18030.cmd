# The ledger of zh.csv saved in GB18030, as Chinese Excel and WPS save CSV: the same files.
pm import gb18030.csv --into $GOLDEN_WORK/gb && pm import zh.csv --into $GOLDEN_WORK/utf8 >/dev/null 2>&1 && sed 1d $GOLDEN_WORK/gb/hp-001.yaml | diff - <(sed 1d $GOLDEN_WORK/utf8/hp-001.yaml) && sed 1d $GOLDEN_WORK/gb/hp-002.yaml | diff - <(sed 1d $GOLDEN_WORK/utf8/hp-002.yaml) && ls $GOLDEN_WORK/gb
