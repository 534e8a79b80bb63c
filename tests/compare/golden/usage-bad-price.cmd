# A price that is not one (exit 2).
pm --lang zh compare ../compound.yaml --variant "outsource=security:cheap"
