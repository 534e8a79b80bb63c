# "-" reads the estate from standard input; messages call it <stdin>.
pm validate - < multi-error.yaml
