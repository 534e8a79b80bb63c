# The budget workbook recalculates: one wage changed on pm report's inputs sheet, LibreOffice
# (headless) recalculates the workbook, and every line, total and fee equals pm's own figures for
# rates with that wage changed. In both languages (the sheet names differ). Skipped (77) only
# where soffice is not installed; .ci/deps --test installs it.
foreach(lang zh en)
  add_test(NAME xlsx_recalc/${lang}
           COMMAND bash ${PM_SOURCE}/tests/xlsx_recalc/run.sh ${PM_BIN} ${PM_SOURCE}
                   ${CMAKE_CURRENT_BINARY_DIR}/xlsx_recalc/${lang} ${lang})
  set_tests_properties(xlsx_recalc/${lang} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180)
endforeach()
# pm budget's workbook, the same way.
add_test(NAME xlsx_recalc/budget
         COMMAND bash ${PM_SOURCE}/tests/xlsx_recalc/run.sh ${PM_BIN} ${PM_SOURCE}
                 ${CMAKE_CURRENT_BINARY_DIR}/xlsx_recalc/budget zh budget)
set_tests_properties(xlsx_recalc/budget PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180)
