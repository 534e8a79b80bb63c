pm --lang zh staff ../../../examples/residential-145k.yaml --norms cn-standrd
