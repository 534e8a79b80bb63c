pm rates check ../../budget/bad-rates.toml
