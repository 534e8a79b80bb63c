# "-" with --format json.
pm validate --format json - < escaping.yaml
