pm staff no-such-estate.yaml
