pm staff ../../../examples/villa-riverside.yaml --format csv
