pm staff ../../../examples/residential-145k.yaml --labor ../../../lib/data/labor/cn.toml --norms ../../../lib/data/norms/cn-practice.toml --lang en
