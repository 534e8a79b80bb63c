# No sentence outside the message catalogue: no inline language choice, no Chinese in code.
add_test(NAME i18n/inline COMMAND python3 ${PM_SOURCE}/tests/i18n/check_inline.py ${PM_SOURCE})
