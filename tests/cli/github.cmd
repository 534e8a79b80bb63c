# --format github on a file with several problems: annotations on stdout.
pm validate --format github multi-error.yaml
