# Installation: `cmake --install` lays out pm, man pages, completions, schemas and docs and the
# installed pm runs (layout.sh); CPack's .deb has the right control fields, Depends and files
# (deb.sh). Both read the whole build directory, so they don't run beside each other.
# install/deb-clean installs the .deb on a clean Debian 12 (deb-clean.sh); it needs a Debian
# mirror and 40-100 s, so it runs only with PM_DEB_CLEAN=1 (the README records a run).
add_test(NAME install/layout
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/layout.sh ${CMAKE_COMMAND} ${PROJECT_BINARY_DIR} ${PM_SOURCE} ${PROJECT_VERSION})
add_test(NAME install/deb
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/deb.sh ${CMAKE_CPACK_COMMAND} ${PROJECT_BINARY_DIR} ${PM_SOURCE} ${PROJECT_VERSION})
add_test(NAME install/deb-clean
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/deb-clean-test.sh ${CMAKE_CPACK_COMMAND} ${PROJECT_BINARY_DIR} ${PM_SOURCE})
set_tests_properties(install/layout install/deb install/deb-clean PROPERTIES RESOURCE_LOCK pm_install SKIP_RETURN_CODE 77)
set_tests_properties(install/layout install/deb PROPERTIES TIMEOUT 300)
set_tests_properties(install/deb-clean PROPERTIES TIMEOUT 600)
