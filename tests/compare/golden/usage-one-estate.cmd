# One estate and no variant: nothing to compare (exit 2).
pm compare ../compound.yaml
