# A grade out of range (exit 2).
pm compare ../compound.yaml --variant "grade=5"
