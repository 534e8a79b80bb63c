# The calibration suite (tests/calibration): the default staffing of a dozen estates of every kind
# and size against published figures, and properties that hold for any estate.
set(PM_CALIBRATION_DIR ${PM_SOURCE}/tests/calibration)
find_program(PM_PYTHON3 python3)
if(NOT PM_PYTHON3)
  set(PM_PYTHON3 python3)
endif()
foreach(check ranges readme monotone outsourcing)
  add_test(NAME calibration/${check}
           COMMAND ${PM_PYTHON3} ${PM_CALIBRATION_DIR}/check.py ${PM_BIN} ${PM_SOURCE} ${check}
                   ${CMAKE_CURRENT_BINARY_DIR}/calibration/${check})
endforeach()
