# io: a file that does not exist (exit 2).
pm validate no-such-estate.yaml
