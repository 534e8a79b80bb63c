pm staff ../../../examples/villa-riverside.yaml --explain --lang en
