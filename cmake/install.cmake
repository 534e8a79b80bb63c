# What `cmake --install` puts where, and the .deb that CPack builds from the same rules
# (`cpack -G DEB` in the build directory). Included by the top-level CMakeLists.txt.
include(GNUInstallDirs)

install(TARGETS pm RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Man pages, gzipped as Debian policy wants (man reads them either way); -n leaves out the
# name and time, so the same page gives the same bytes.
find_program(PM_GZIP gzip)
file(GLOB PM_MAN_PAGES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/man/*.[1-9])
set(PM_MAN_OUTPUTS "")
foreach(page IN LISTS PM_MAN_PAGES)
  get_filename_component(name ${page} NAME)
  string(REGEX REPLACE "^.*\\.([1-9])$" "\\1" section ${name})
  if(PM_GZIP)
    set(out ${PROJECT_BINARY_DIR}/man/${name}.gz)
    add_custom_command(OUTPUT ${out}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
      COMMAND sh -c "\"$0\" -9nc \"$1\" > \"$2\"" ${PM_GZIP} ${page} ${out}
      DEPENDS ${page} VERBATIM)
    list(APPEND PM_MAN_OUTPUTS ${out})
  else()
    set(out ${page})
  endif()
  install(FILES ${out} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
endforeach()
add_custom_target(pm_man ALL DEPENDS ${PM_MAN_OUTPUTS})

# Completions where bash-completion and Debian's zsh look for them.
install(FILES completions/pm.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME pm)
install(FILES completions/_pm DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

# The schemas (also embedded in pm), for editors and other validators.
install(DIRECTORY schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pm/schemas FILES_MATCHING PATTERN "*.json")
# The built-in rate sets (also embedded in pm), to read and copy (`pm rates init` does the same).
install(DIRECTORY lib/data/rates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pm/rates FILES_MATCHING PATTERN "*.toml")

# README, changelog and copyright in share/doc/pm (Debian's /usr/share/doc/PACKAGE); the
# changelog gzipped and named as Debian policy asks of a native package.
install(FILES README.md packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
if(PM_GZIP)
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/changelog.gz
    COMMAND sh -c "\"$0\" -9nc \"$1\" > \"$2\"" ${PM_GZIP} ${PROJECT_SOURCE_DIR}/CHANGELOG.md
            ${PROJECT_BINARY_DIR}/changelog.gz
    DEPENDS ${PROJECT_SOURCE_DIR}/CHANGELOG.md VERBATIM)
  add_custom_target(pm_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/changelog.gz)
  install(FILES ${PROJECT_BINARY_DIR}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
else()
  install(FILES CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()

# The .deb: `cpack -G DEB` (or `cmake --build build --target package`) in the build
# directory writes pm_VERSION_ARCH.deb. Depends is computed by dpkg-shlibdeps (dpkg-dev)
# from the libraries pm links.
set(PM_PACKAGE_MAINTAINER "pm maintainers <maintainers@users.noreply.r-seed-76963989.example>"
    CACHE STRING "Maintainer field of the .deb")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pm)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${PM_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "staffing plans for property management")
# Debian wants the long description in lines of at most 80 characters.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
  "pm turns a YAML description of an estate (a housing estate, villas, college\n"
  "dormitories, an institution's service centre, a city's portfolio) into what a\n"
  "property-management plan needs: a validated estate file, the headcount by\n"
  "department and role with the reasons, lawful shift rosters, the cost budget\n"
  "and fee per square metre, and the written staffing proposal (Markdown, HTML,\n"
  "XLSX, JSON). Messages in English and Chinese.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
include(CPack)
