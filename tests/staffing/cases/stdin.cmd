pm staff - --lang en < ../../../examples/residential-145k.yaml
