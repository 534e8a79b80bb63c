# A warning alone: exit 0, with severity "warning" in the JSON.
pm validate --format json ../errors/missing-licence.yaml
