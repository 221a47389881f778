# Install the program, the core library and its headers, and a package config so that
# find_package(lmsstage) gives consumers the same lmsstage::core target as in-tree users.
include(CMakePackageConfigHelpers)

install(TARGETS lmsstage RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS lmsstage_core EXPORT lmsstage-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/lmsstage" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT lmsstage-targets NAMESPACE lmsstage::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/lmsstage)
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/lmsstage-config.cmake.in"
  "${PROJECT_BINARY_DIR}/lmsstage-config.cmake"
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/lmsstage)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/lmsstage-config-version.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/lmsstage-config.cmake" "${PROJECT_BINARY_DIR}/lmsstage-config-version.cmake"
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/lmsstage)
