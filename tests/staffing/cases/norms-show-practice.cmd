pm norms show cn-practice | diff - ../../../lib/data/norms/cn-practice.toml && echo same
