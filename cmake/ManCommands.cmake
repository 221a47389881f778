# cmake -DPROGRAM=lmsstage -DOUTPUT=commands.h2m -P ManCommands.cmake: a COMMANDS section for
# help2man with the help of every command, as `lmsstage help COMMAND` prints it; the commands are
# those the program completes as its first word (`lmsstage __complete ''`).
execute_process(COMMAND "${PROGRAM}" __complete "" OUTPUT_VARIABLE listed RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} __complete failed: ${result}")
endif()
string(REPLACE "\n" ";" listed "${listed}")
set(text "[COMMANDS]\n.PP\nThe help of each command, as\n.B lmsstage help\n.I COMMAND\nprints it.\n")
foreach(line IN LISTS listed)
  if(line STREQUAL "")
    continue()
  endif()
  string(REGEX REPLACE "\t.*" "" command "${line}")
  execute_process(COMMAND "${PROGRAM}" help "${command}" OUTPUT_VARIABLE help RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} help ${command} failed: ${result}")
  endif()
  # As roff reads it: a backslash written \e, a line that starts with . or ' (never the first: "Usage:") escaped with \&.
  string(REPLACE "\\" "\\e" help "${help}")
  string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" help "${help}")
  string(APPEND text ".SS ${command}\n.nf\n${help}.fi\n")
endforeach()
file(WRITE "${OUTPUT}" "${text}")
