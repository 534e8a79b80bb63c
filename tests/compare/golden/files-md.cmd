# Two versions of an estate file, as Markdown.
pm compare ../compound.yaml ../compound-outsourced.yaml -f md
