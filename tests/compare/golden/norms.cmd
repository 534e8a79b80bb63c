# Plan 1 under the two built-in norm sets, side by side (the terminal table).
pm compare ../../../examples/residential-145k.yaml --variant "norms=cn-practice" --variant "norms=cn-standard"
