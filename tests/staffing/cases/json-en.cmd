pm staff ../../../examples/residential-145k.yaml --format json --lang en
