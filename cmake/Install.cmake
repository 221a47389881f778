# What `cmake --install` puts under the prefix, in two components: `program` (the program, its
# manual page, shell completions, licence and README, and the offline page when one is supplied),
# which is also the Debian package (cmake/Package.cmake), and `development` (the core library, its
# headers and a package config, so that find_package(lmsstage) gives consumers the same
# lmsstage::core target as in-tree users). Every destination is relative: nothing goes outside
# the prefix.
include(CMakePackageConfigHelpers)

install(TARGETS lmsstage RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT program)

# Shell completions, in the directories each shell searches under the prefix (written at build
# time from the field table: src/CMakeLists.txt).
set(completions "${PROJECT_BINARY_DIR}/completions")
install(FILES "${completions}/lmsstage"
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT program)
install(FILES "${completions}/_lmsstage"
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions COMPONENT program)
install(FILES "${completions}/lmsstage.fish"
  DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d COMPONENT program)

# Documentation; the licence also under the name Debian looks for.
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/docs/rules.md"
  DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT program)
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright COMPONENT program)

# The offline page comes from the Emscripten build (the web preset); name the file it wrote to
# install it with the program.
set(LMSSTAGE_WEB_PAGE "" CACHE FILEPATH "A built lmsstage.html (build-web/src/web/lmsstage.html) to install with the program")
if(LMSSTAGE_WEB_PAGE)
  if(NOT EXISTS "${LMSSTAGE_WEB_PAGE}")
    message(FATAL_ERROR "LMSSTAGE_WEB_PAGE: no file ${LMSSTAGE_WEB_PAGE} (build it with cmake --workflow --preset web)")
  endif()
  install(FILES "${LMSSTAGE_WEB_PAGE}" DESTINATION ${CMAKE_INSTALL_DATADIR}/lmsstage RENAME lmsstage.html
    COMPONENT program)
endif()

install(TARGETS lmsstage_core EXPORT lmsstage-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/lmsstage" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT development)
install(EXPORT lmsstage-targets NAMESPACE lmsstage::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/lmsstage COMPONENT development)
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/lmsstage-config.cmake.in"
  "${PROJECT_BINARY_DIR}/lmsstage-config.cmake"
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/lmsstage)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/lmsstage-config-version.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/lmsstage-config.cmake" "${PROJECT_BINARY_DIR}/lmsstage-config-version.cmake"
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/lmsstage COMPONENT development)
