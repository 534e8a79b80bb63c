# io: a directory holding no *.yaml or *.yml file (exit 2).
pm validate no-yaml-dir
