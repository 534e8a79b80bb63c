pm staff zero-area.yaml --format json --lang en
