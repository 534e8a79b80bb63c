# -v with a valid and an invalid file, and an I/O error: exit 2 wins over exit 1.
pm validate -v ../errors/crlf.yaml multi-error.yaml no-such-estate.yaml
