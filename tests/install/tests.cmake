# Installation: `cmake --install` lays out pm, man pages, completions, schemas and docs and the
# installed pm runs (layout.sh); CPack's .deb has the right control fields, Depends and files
# (deb.sh). Both read the whole build directory, so they don't run beside each other.
# The clean-Debian-12 check of the .deb (deb-clean.sh) needs a mirror and a minute: run by hand.
add_test(NAME install/layout
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/layout.sh ${CMAKE_COMMAND} ${PROJECT_BINARY_DIR} ${PM_SOURCE} ${PROJECT_VERSION})
add_test(NAME install/deb
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/deb.sh ${CMAKE_CPACK_COMMAND} ${PROJECT_BINARY_DIR} ${PM_SOURCE} ${PROJECT_VERSION})
set_tests_properties(install/layout install/deb PROPERTIES RESOURCE_LOCK pm_install SKIP_RETURN_CODE 77 TIMEOUT 300)
