# Runs PROGRAM with ARGS (a ;-list) and checks EXPECT_EXIT, EXPECT_STDOUT / EXPECT_STDERR
# (regular expressions), STDOUT_EMPTY / STDERR_EMPTY (YES to require no output on that stream).
execute_process(
  COMMAND "${PROGRAM}" ${ARGS}
  RESULT_VARIABLE code
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  ENCODING UTF-8)
set(failures "")
if(NOT "${EXPECT_EXIT}" STREQUAL "" AND NOT code STREQUAL EXPECT_EXIT)
  string(APPEND failures "exit code ${code}, expected ${EXPECT_EXIT}\n")
endif()
if(NOT "${EXPECT_STDOUT}" STREQUAL "" AND NOT out MATCHES "${EXPECT_STDOUT}")
  string(APPEND failures "stdout does not match: ${EXPECT_STDOUT}\n")
endif()
if(NOT "${EXPECT_STDERR}" STREQUAL "" AND NOT err MATCHES "${EXPECT_STDERR}")
  string(APPEND failures "stderr does not match: ${EXPECT_STDERR}\n")
endif()
if(STDOUT_EMPTY AND NOT out STREQUAL "")
  string(APPEND failures "stdout should be empty\n")
endif()
if(STDERR_EMPTY AND NOT err STREQUAL "")
  string(APPEND failures "stderr should be empty\n")
endif()
if(failures)
  message(FATAL_ERROR "lmsstage ${ARGS}\n${failures}--- stdout ---\n${out}--- stderr ---\n${err}")
endif()
