pm staff ../../../examples/residential-145k.yaml --strict --lang en
