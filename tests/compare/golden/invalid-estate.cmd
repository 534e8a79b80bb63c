# An estate that fails validation: its errors at FILE:LINE:COL (exit 1).
pm compare invalid.yaml --variant grade=1
