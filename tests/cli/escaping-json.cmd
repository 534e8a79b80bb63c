# JSON escapes the line break in a message.
pm validate --format json escaping.yaml
