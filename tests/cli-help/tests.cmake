# The help of the command line speaks the language of messages, chosen before parsing:
# --lang, else PM_LANG / LC_ALL / LC_MESSAGES / LANG (check.sh says what each case expects).
add_test(NAME cli-help/lang COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check.sh ${PM_BIN})
