# JSON Schema tests with an independent validator (ajv, installed by `.ci/deps --test`):
# - schema/agreement: ajv and pm agree on what the estate schema accepts (examples, reproducers);
# - schema/diagnostics-output: `pm validate --format json` matches schemas/diagnostics.schema.json
#   and says what the text output says.
# Skipped when ajv or python3-yaml is missing, except with CI=true, where they fail.
add_test(NAME schema/agreement
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/python.sh ${CMAKE_CURRENT_LIST_DIR}/agreement.py
                 ${PM_SOURCE} ${CMAKE_CURRENT_BINARY_DIR}/schema/agreement ${PM_BIN})
add_test(NAME schema/diagnostics-output
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/python.sh ${CMAKE_CURRENT_LIST_DIR}/diagnostics.py
                 ${PM_SOURCE} ${CMAKE_CURRENT_BINARY_DIR}/schema/diagnostics ${PM_BIN})
set_tests_properties(schema/agreement schema/diagnostics-output PROPERTIES SKIP_RETURN_CODE 77)
