# --lang zh: the messages in Chinese.
pm --lang zh validate multi-error.yaml
