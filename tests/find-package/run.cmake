# The find_package(lmsstage) test, as {fmt}'s find-package-test: install the built project into a
# directory of the build tree, check that every installed file is under that prefix, then
# configure, build and run the consumer project against it.
#
#   cmake -DBUILD_DIR=... -DPREFIX=... -DCONSUMER_SOURCE=... -DCONSUMER_BUILD=... -DCONFIG=...
#         -DGENERATOR=... -DCXX_COMPILER=... -DCXX_FLAGS=... -DLINKER_FLAGS=... -P run.cmake
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    list(JOIN ARGN " " command)
    message(FATAL_ERROR "failed (${status}): ${command}")
  endif()
endfunction()

# cmake --install rewrites install_manifest.txt in the build directory, which the README's
# uninstall reads: keep the one a real install wrote.
set(manifest "${BUILD_DIR}/install_manifest.txt")
if(EXISTS "${manifest}")
  file(COPY_FILE "${manifest}" "${manifest}.kept")
endif()
file(REMOVE_RECURSE "${PREFIX}" "${CONSUMER_BUILD}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" --config "${CONFIG}"
  RESULT_VARIABLE status OUTPUT_QUIET)
file(STRINGS "${manifest}" installed)
if(EXISTS "${manifest}.kept")
  file(RENAME "${manifest}.kept" "${manifest}")
else()
  file(REMOVE "${manifest}")
endif()
if(NOT status EQUAL 0)
  message(FATAL_ERROR "cmake --install ${BUILD_DIR} --prefix ${PREFIX} failed (${status})")
endif()
foreach(file IN LISTS installed)
  cmake_path(IS_PREFIX PREFIX "${file}" NORMALIZE inside)
  if(NOT inside)
    message(FATAL_ERROR "installed outside the prefix ${PREFIX}: ${file}")
  endif()
endforeach()
list(LENGTH installed count)
message(STATUS "${count} files installed under ${PREFIX}")

run("${CMAKE_COMMAND}" -S "${CONSUMER_SOURCE}" -B "${CONSUMER_BUILD}" -G "${GENERATOR}"
  "-DCMAKE_PREFIX_PATH=${PREFIX}" "-DCMAKE_BUILD_TYPE=${CONFIG}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
  "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}")
run("${CMAKE_COMMAND}" --build "${CONSUMER_BUILD}" --config "${CONFIG}")
find_program(consumer consumer PATHS "${CONSUMER_BUILD}" "${CONSUMER_BUILD}/${CONFIG}" NO_DEFAULT_PATH REQUIRED)
run("${consumer}")
