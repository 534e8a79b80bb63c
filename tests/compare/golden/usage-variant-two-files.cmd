# --variant makes variants of one estate file, not of several (exit 2).
pm compare ../compound.yaml ../compound-outsourced.yaml --variant grade=1
