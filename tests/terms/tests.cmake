# The right words and sections for each estate type: pm report of the starter of every type and
# of two calibration estates (an office tower; an old compound without lifts, control room or
# cameras) and the college and institution examples in Chinese and English, checked against tests/terms/check.py's forbidden words.
foreach(type residential villa mixed_use office campus_dormitory institution industrial_park)
  add_test(NAME terms/starter-${type}
           COMMAND bash -c "rm -f \"$1\" && mkdir -p \"$(dirname \"$1\")\" && \"$0\" init -t ${type} \"$1\" && python3 \"$2\" \"$0\" \"$1\""
                   ${PM_BIN} ${CMAKE_CURRENT_BINARY_DIR}/terms/${type}.yaml ${PM_SOURCE}/tests/terms/check.py)
endforeach()
foreach(estate office-tower-65k old-compound-20k)
  add_test(NAME terms/${estate}
           COMMAND python3 ${PM_SOURCE}/tests/terms/check.py ${PM_BIN}
                   ${PM_SOURCE}/tests/calibration/estates/${estate}.yaml)
endforeach()
foreach(example college-dormitories institution-centre)
  add_test(NAME terms/${example}
           COMMAND python3 ${PM_SOURCE}/tests/terms/check.py ${PM_BIN} ${PM_SOURCE}/examples/${example}.yaml)
endforeach()
