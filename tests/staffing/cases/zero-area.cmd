pm staff zero-area.yaml --lang en
