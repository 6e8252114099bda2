# The Debian package: `cpack --config build/release/CPackConfig.cmake` after a
# release build writes sluice_<version>_<arch>.deb. Its dependencies are read
# off the binary by dpkg-shlibdeps, so they are the libraries it really links.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sluice)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Sluice team")
set(CPACK_PACKAGE_CONTACT "The Sluice team <team@sluice.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Reverse ETL for sync operators: warehouse models into CRMs and ad platforms")
set(CPACK_PACKAGE_DESCRIPTION "Sluice syncs a governed projection of the customer model in the warehouse\n(PostgreSQL, SQLite) into the tools that act on it (CRMs, marketing\nautomation, ad audiences, tables and files), sending only what changed.\nIt comes with a Qt GUI, a CLI for scripts and a tray agent that runs\nschedules and raises alerts.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The Qt SQL drivers are plugins: no linker sees them, so they are named.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://sluice.invalid/")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

# What Debian policy asks every package to carry: its copyright and a
# changelog (changelog.gz: the package is native, its version has no revision).
install(FILES ${PROJECT_SOURCE_DIR}/resources/debian/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/sluice)
set(SLUICE_CHANGELOG_GZ ${PROJECT_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${SLUICE_CHANGELOG_GZ}
                   COMMAND gzip -9 -n -c ${PROJECT_SOURCE_DIR}/resources/debian/changelog > ${SLUICE_CHANGELOG_GZ}
                   DEPENDS ${PROJECT_SOURCE_DIR}/resources/debian/changelog)
add_custom_target(sluice_changelog ALL DEPENDS ${SLUICE_CHANGELOG_GZ})
install(FILES ${SLUICE_CHANGELOG_GZ} DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/sluice)
include(CPack)
