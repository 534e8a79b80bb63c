# Names, never ids (issue 15): every command's Chinese and English output for every example
# and two calibration estates, searched for the data's ids outside JSON id fields, CSV id
# columns and quoted estate keys.
add_test(NAME names/ids COMMAND python3 ${PM_SOURCE}/tests/names/check.py ${PM_BIN} ${PM_SOURCE}
                                ${CMAKE_CURRENT_BINARY_DIR}/names/ids)
# One language rule for every command: --lang, else the estates' locale, else LANG.
add_test(NAME names/language COMMAND bash ${PM_SOURCE}/tests/names/language.sh ${PM_BIN} ${PM_SOURCE}
                                     ${CMAKE_CURRENT_BINARY_DIR}/names/language)
