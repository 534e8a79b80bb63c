# an unknown --format is a usage error (exit 2).
pm validate --format xml multi-error.yaml
