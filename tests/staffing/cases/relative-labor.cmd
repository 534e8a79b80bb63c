# A norm file naming its labour profile by a relative path: relative to the norm file.
pm staff ../../../examples/residential-145k.yaml --norms relative/norms.toml --explain --lang en | awk '/h\/year/ && !done { print; done = 1 }'
