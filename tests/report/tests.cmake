# pm report: every format for every example (examples/*.yaml; the portfolio directory is not
# one estate), numbers equal to pm staff / pm budget / pm roster, the XLSX read back by exceljs,
# determinism, a self-contained HTML, usage errors, the man page; and, for three estates at once
# (report/print), the PDF printed by Chromium and the DOCX opened by LibreOffice. The cases are
# in tests/report/run.sh.
file(GLOB PM_REPORT_EXAMPLES CONFIGURE_DEPENDS ${PM_SOURCE}/examples/*.yaml)
foreach(f IN LISTS PM_REPORT_EXAMPLES)
  get_filename_component(name ${f} NAME_WE)
  foreach(t formats numbers xlsx deterministic selfcontained)
    add_test(NAME report/${t}-${name}
             COMMAND bash ${PM_SOURCE}/tests/report/run.sh ${PM_BIN} ${PM_SOURCE}
                     ${CMAKE_CURRENT_BINARY_DIR}/report/${t}-${name} ${t} ${name})
    set_tests_properties(report/${t}-${name} PROPERTIES SKIP_RETURN_CODE 77)
  endforeach()
endforeach()
foreach(t checker-fails refused usage print)
  add_test(NAME report/${t} COMMAND bash ${PM_SOURCE}/tests/report/run.sh ${PM_BIN} ${PM_SOURCE}
                                    ${CMAKE_CURRENT_BINARY_DIR}/report/${t} ${t})
  set_tests_properties(report/${t} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()
add_test(NAME report/man-lint COMMAND mandoc -T lint -W warning ${PM_SOURCE}/man/pm-report.1)
# Client text only (issue 15): no internal notes, no English in Chinese text or Chinese in
# English, reference marks that resolve, for every example, every estate type's starter and two
# calibration estates, in both languages and every format.
add_test(NAME report/client-text COMMAND python3 ${PM_SOURCE}/tests/report/client_text.py ${PM_BIN} ${PM_SOURCE}
                                         ${CMAKE_CURRENT_BINARY_DIR}/report/client-text)
