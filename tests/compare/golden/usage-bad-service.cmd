# A misspelt service (exit 2).
pm compare ../compound.yaml --variant "outsource=securty"
