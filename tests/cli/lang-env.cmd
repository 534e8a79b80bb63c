# LANG=zh_CN.UTF-8 chooses Chinese when neither --lang nor PM_LANG is given.
LANG=zh_CN.UTF-8 pm validate multi-error.yaml
