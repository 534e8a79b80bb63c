pm staff ../../../examples/residential-145k.yaml --norms every-kind.toml --format json
