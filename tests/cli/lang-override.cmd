# --lang en wins over PM_LANG=zh.
PM_LANG=zh pm --lang en validate multi-error.yaml
