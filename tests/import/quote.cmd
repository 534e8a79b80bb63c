# Malformed quoting (csv-syntax), and bytes that are neither UTF-8 nor GB18030 (not-utf8) or NUL (nul-byte).
pm import quote.csv --into $GOLDEN_WORK/out; cd $GOLDEN_WORK && printf 'name,area\n\xff\xff,1\n' > bin.csv && pm import bin.csv --into out; printf 'name,area\na\0,1\n' > nul.csv && pm import nul.csv --into out
