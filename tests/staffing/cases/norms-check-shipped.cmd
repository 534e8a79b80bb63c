pm norms check ../../../lib/data/norms/cn-standard.toml ../../../lib/data/norms/cn-practice.toml ../../../lib/data/labor/cn.toml
