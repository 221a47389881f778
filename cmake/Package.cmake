# The Debian package of the program: `cpack -G DEB` in the build directory writes
# lmsstage_<version>_<arch>.deb from the `program` install component (cmake/Install.cmake): the
# program, its manual page, the shell completions, the licence (as copyright), README and
# rules.md, and the offline page when LMSSTAGE_WEB_PAGE names one. dpkg-shlibdeps (package
# dpkg-dev) works out the Depends line from the shared libraries the program links; the one it
# loads on use (simdjson's and Expat's) are added by name.
set(LMSSTAGE_PACKAGE_CONTACT "lmsstage developers <lmsstage@localhost>"
  CACHE STRING "The Maintainer field of the Debian package: whoever publishes the package")

set(CPACK_PACKAGE_NAME lmsstage)
set(CPACK_PACKAGE_VENDOR "lmsstage developers")
set(CPACK_PACKAGE_CONTACT "${LMSSTAGE_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "staging calculator for leiomyosarcoma, uterine sarcoma and GIST")
set(CPACK_PACKAGE_DESCRIPTION [[
lmsstage stages a leiomyosarcoma, uterine sarcoma or gastrointestinal stromal
tumour from its size, grade, depth, nodes, metastasis and site-specific
findings, by the AJCC 7th and 8th edition soft tissue sarcoma and GIST rules
and FIGO 2009 for uterine sarcoma, with the SEER Summary Stage 2018 summary
stage and the matching five-year survival table. It explains each rule it
applied, stages JSON records in batch, checks regression cases, and prints the
rule tables it applies. It supports and does not replace clinical judgment.]])
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR "")  # no source package: `git archive` makes one
# One package of the program component alone: the development files are for `cmake --install`.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL program)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # lmsstage_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# simdjson's and Expat's shared libraries are loaded when JSON or NAACCR XML is first read
# (src/cli/libraries_on_use.cpp), not linked, so dpkg-shlibdeps cannot see
# them: their packages are named here (src/CMakeLists.txt finds them).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${LMSSTAGE_SIMDJSON_PACKAGE}, ${LMSSTAGE_EXPAT_PACKAGE}")
# Directories in the package as Debian has them (CPack otherwise takes the build tree's umask).
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

include(CPack)
