pm staff ../../../examples/residential-145k.yaml --norms cn-practice --explain
