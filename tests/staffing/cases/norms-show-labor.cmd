pm norms show cn | diff - ../../../lib/data/labor/cn.toml && echo same
