pm staff ../../../examples/residential-145k.yaml --norms no-such-file.toml
