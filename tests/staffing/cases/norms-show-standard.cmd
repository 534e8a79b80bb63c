pm norms show cn-standard | diff - ../../../lib/data/norms/cn-standard.toml && echo same
