pm staff ../../../examples/residential-145k.yaml --format xlsx
