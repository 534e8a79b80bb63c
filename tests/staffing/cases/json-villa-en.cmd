pm staff ../../../examples/villa-riverside.yaml -f json --lang en
