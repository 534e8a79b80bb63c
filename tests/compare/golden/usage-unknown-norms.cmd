# A norm set that does not exist: did you mean (exit 2).
pm compare ../compound.yaml --variant "norms=cn-practise"
