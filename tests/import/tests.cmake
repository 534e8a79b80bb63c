# pm import: golden cases (NAME.cmd with its ledger NAME.csv, run by tests/cli/golden.sh: the
# messages, the files written and the exit status), the round trip of a generated 244-row
# ledger through pm validate and pm portfolio, pm init's output read by another YAML reader,
# and a check that every import diagnostic has a case and a place in man/pm-import.1.
file(GLOB PM_IMPORT_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.expected)
foreach(f IN LISTS PM_IMPORT_CASES)
  get_filename_component(name ${f} NAME_WLE)
  add_test(NAME golden/import/${name}
           COMMAND bash ${PM_SOURCE}/tests/cli/golden.sh ${PM_BIN} ${CMAKE_CURRENT_LIST_DIR} ${name}
                   ${CMAKE_CURRENT_BINARY_DIR}/golden/import/${name})
endforeach()
foreach(c roundtrip init coverage)
  add_test(NAME import/${c} COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/check.py ${PM_BIN} ${PM_SOURCE} ${c})
endforeach()
