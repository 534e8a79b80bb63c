# init copies a built-in set, which checks clean, and never writes over a file.
src=$PWD/../../../lib/data/rates/example.toml; cd "$work" && rm -f mine.toml && pm rates init mine.toml && pm rates check mine.toml && cmp mine.toml "$src" && pm rates init mine.toml
