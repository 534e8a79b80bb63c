pm --lang zh norms check ../errors/several-errors.toml ../errors/labor-missing.toml
