pm norms check ../errors/unknown-role.toml ../errors/labor-bad-value.toml ../errors/toml-syntax.toml
