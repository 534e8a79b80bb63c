# No sentence outside the message catalogue: no inline language choice, no Chinese in code.
add_test(NAME i18n/inline COMMAND python3 ${PM_SOURCE}/tests/i18n/check_inline.py ${PM_SOURCE})
# Chinese output holds no English phrase and cites no internal document, on every example.
add_test(NAME i18n/zh-output COMMAND python3 ${PM_SOURCE}/tests/i18n/check_zh_output.py ${PM_BIN} ${PM_SOURCE})
