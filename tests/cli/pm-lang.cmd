# PM_LANG=zh chooses Chinese when --lang is not given.
PM_LANG=zh pm validate multi-error.yaml
