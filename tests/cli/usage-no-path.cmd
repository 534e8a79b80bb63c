# pm validate without a path is a usage error (exit 2).
pm validate
