pm staff ../../../examples/villa-riverside.yaml --norms cn-practice --explain
