# A misspelt key: did you mean (exit 2).
pm compare ../compound.yaml --variant "norm=cn-practice"
