pm norms check ../errors/unknown-role.toml no-such-file.toml
