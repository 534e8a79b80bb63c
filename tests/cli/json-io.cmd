# --format json with an I/O error: line and column are 0, exit 2.
pm validate --format json multi-error.yaml no-such-estate.yaml
