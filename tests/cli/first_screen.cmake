# The report's first screen: run the program as on an 80x24 terminal (COLUMNS=80 LINES=24; the
# output is a pipe, so no pager) and check that the first 24 lines hold the stage, the categories,
# the survival figure, the assumptions and the stage by the current edition.
# cmake -DPROGRAM=lmsstage -P first_screen.cmake
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env COLUMNS=80 LINES=24 "${PROGRAM}" --size 6 --grade 3
  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "exit ${rc}")
endif()
string(REPLACE "\n" ";" lines "${out}")
list(LENGTH lines count)
if(count LESS 25)
  message(FATAL_ERROR "expected a report longer than the screen, got ${count} lines")
endif()
list(SUBLIST lines 0 24 screen)
string(REPLACE ";" "\n" screen "${screen}")
foreach(expected
    "^Stage III  \\(AJCC 7th edition, soft tissue sarcoma\\)\n"          # the stage and system
    "\n  T2 N0 M0 G3    summary stage: localized\n"                     # the categories
    "\n  Five-year survival: 82\\.4% \\(localized"                      # SEER soft tissue, localized
    "\n  AJCC 8th edition \\(2017, current\\): IIIA for trunk/extremity" # AJCC 8 ch. 41: T2 N0 M0 G3
    "\n  T2   size 6 cm"                                                 # each category's reason
    "\nAssumptions\n  - no regional node involvement reported: N0\n  - no distant metastasis reported: M0\n")
  if(NOT screen MATCHES "${expected}")
    message(FATAL_ERROR "the first 24 lines lack /${expected}/:\n${screen}")
  endif()
endforeach()
foreach(line IN LISTS lines)
  string(LENGTH "${line}" width)
  if(width GREATER 80)
    message(FATAL_ERROR "a line wider than 80 columns: ${line}")
  endif()
endforeach()
