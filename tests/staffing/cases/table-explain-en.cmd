pm staff ../../../examples/residential-145k.yaml --explain --lang en
