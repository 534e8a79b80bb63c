pm --lang en staff ../../../examples/residential-145k.yaml -n cn-practice
