# cmake -DPROGRAM=lmsstage -DSHELL=bash -DOUTPUT=FILE -P WriteCompletion.cmake: writes the
# completion script the program prints for SHELL (`lmsstage completion SHELL`) into FILE.
get_filename_component(directory "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${directory}")
execute_process(COMMAND "${PROGRAM}" completion "${SHELL}" OUTPUT_FILE "${OUTPUT}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} completion ${SHELL} failed: ${result}")
endif()
