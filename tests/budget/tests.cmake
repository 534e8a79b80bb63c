# pm budget: golden output for every format on the plan 1 example, JSON checked with ajv against
# schemas/budget.schema.json and its arithmetic re-done independently (check_json.py), the
# textbook fee example end to end, and located rates-file errors.
# Regenerate golden files with PM_UPDATE_GOLDEN=1 ctest -R budget/, then review them by eye.
set(PM_BUDGET_DIR ${CMAKE_CURRENT_LIST_DIR})
set(PM_BUDGET_TB --norms tests/budget/textbook-norms.toml --rates tests/budget/textbook-rates.toml)

function(pm_budget_golden name rc)
  add_test(NAME budget/${name} COMMAND bash ${PM_BUDGET_DIR}/golden.sh ${PM_BIN} ${PM_SOURCE} ${name} ${rc} ${ARGN})
endfunction()

pm_budget_golden(table 0 budget examples/residential-145k.yaml)
pm_budget_golden(table-en-explain 0 --lang en budget examples/residential-145k.yaml --explain)
pm_budget_golden(md 0 budget examples/residential-145k.yaml --format md --explain)
pm_budget_golden(csv 0 budget examples/residential-145k.yaml --format csv)
pm_budget_golden(json 0 budget examples/residential-145k.yaml --format json)
pm_budget_golden(villa-en 0 --lang en budget examples/villa-riverside.yaml)
pm_budget_golden(textbook 0 budget tests/budget/textbook.yaml ${PM_BUDGET_TB})
pm_budget_golden(bad-rates 1 budget examples/residential-145k.yaml --rates tests/budget/bad-rates.toml)
pm_budget_golden(bad-rates-zh 1 --lang zh budget examples/residential-145k.yaml --rates tests/budget/bad-rates.toml)
pm_budget_golden(unknown-rates 2 budget examples/residential-145k.yaml --rates exampel)
pm_budget_golden(bad-format 2 budget examples/residential-145k.yaml --format xml)

function(pm_budget_json name expect)
  add_test(NAME budget/json-${name}
           COMMAND bash ${PM_BUDGET_DIR}/json.sh ${PM_BIN} ${PM_SOURCE} ${CMAKE_CURRENT_BINARY_DIR}/budget/${name}.json
                   ${expect} ${ARGN})
endfunction()

pm_budget_json(residential - examples/residential-145k.yaml)
pm_budget_json(residential-en - examples/residential-145k.yaml --lang en)
pm_budget_json(villa - examples/villa-riverside.yaml --norms cn-practice)
# The worked textbook example: 5.00 M元 × 1.10 ÷ (1 − 5.5 %) ÷ 12 ÷ 200,000 m² = 2.43 元/m²/month.
pm_budget_json(textbook 2.43 tests/budget/textbook.yaml ${PM_BUDGET_TB})

# The format follows -o FILE's extension when --format is not given.
add_test(NAME budget/output-extension
         COMMAND bash -c "out=$1/budget/out.json && rm -f \"$out\" && mkdir -p $1/budget && cd $2 && $0 budget examples/residential-145k.yaml -o \"$out\" && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' \"$out\""
                 ${PM_BIN} ${CMAKE_CURRENT_BINARY_DIR} ${PM_SOURCE})

# The man pages of pm budget and the rates file lint clean.
add_test(NAME budget/man-lint
         COMMAND mandoc -T lint -W warning ${PM_SOURCE}/man/pm-budget.1 ${PM_SOURCE}/man/pm-rates.5)
# The README's fee table is what pm computes (tests/fees/table.py).
add_test(NAME fees/readme COMMAND python3 ${PM_SOURCE}/tests/fees/table.py ${PM_BIN} ${PM_SOURCE} --check
                                  ${PM_SOURCE}/README.md)
