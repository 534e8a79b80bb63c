pm staff ../../../examples/residential-145k.yaml --format json --explain --lang en | diff - json-en.stdout && echo "--explain changes nothing in json"
