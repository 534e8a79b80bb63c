pm rates check no-such.toml
