# duplicate-estate-id: two estates of a directory with the same id; pm staff stops before writing anything (exit 1).
rm -rf $GOLDEN_WORK/dup && mkdir -p $GOLDEN_WORK/dup && cp ../../examples/villa-riverside.yaml $GOLDEN_WORK/dup/a.yaml && cp ../../examples/villa-riverside.yaml $GOLDEN_WORK/dup/b.yaml && cd $GOLDEN_WORK && pm --lang en staff dup
