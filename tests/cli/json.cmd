# --format json on a file with several problems: the JSON goes to stdout.
pm validate --format json multi-error.yaml
