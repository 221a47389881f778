# Turns data/survival.json into a C++ source holding the same tables as constexpr data, so the
# installed binary never reads a file. Run as: cmake -DINPUT=... -DOUTPUT=... -P EmbedSurvival.cmake
cmake_minimum_required(VERSION 3.25)

file(READ "${INPUT}" json)
string(JSON count LENGTH "${json}" tables)
if(count EQUAL 0)
  message(FATAL_ERROR "${INPUT}: no survival tables")
endif()

function(cxx_string out value)
  string(REPLACE "\\" "\\\\" value "${value}")
  string(REPLACE "\"" "\\\"" value "${value}")
  set(${out} "\"${value}\"" PARENT_SCOPE)
endfunction()

set(body "")
set(arrays "")
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  set(fields "")
  foreach(key id title measure source cohort taken cited_in population)
    string(JSON value ERROR_VARIABLE err GET "${json}" tables ${i} ${key})
    if(err)
      message(FATAL_ERROR "${INPUT}: table ${i}: missing \"${key}\"")
    endif()
    if(value STREQUAL "")
      message(FATAL_ERROR "${INPUT}: table ${i}: \"${key}\" is empty (write \"not stated\" where the source says nothing)")
    endif()
    cxx_string(quoted "${value}")
    string(APPEND fields "     ${quoted}sv,\n")
  endforeach()
  # The population as lmsstage values: which sites and histologies the table is shown for.
  foreach(list sites histologies)
    string(JSON n ERROR_VARIABLE err LENGTH "${json}" tables ${i} ${list})
    if(err OR n EQUAL 0)
      message(FATAL_ERROR "${INPUT}: table ${i}: \"${list}\" must be a non-empty array")
    endif()
    if(list STREQUAL "sites")
      set(enum Site)
    else()
      set(enum Histology)
    endif()
    set(items "")
    math(EXPR n_last "${n} - 1")
    foreach(j RANGE ${n_last})
      string(JSON item GET "${json}" tables ${i} ${list} ${j})
      if(NOT item MATCHES "^[a-z][a-z-]*$")
        message(FATAL_ERROR "${INPUT}: table ${i}: ${list}[${j}] '${item}' is not an lmsstage value")
      endif()
      string(REPLACE "-" "_" item "${item}")
      string(APPEND items "${enum}::${item}, ")
    endforeach()
    set(array_name "k_${list}_${i}")
    string(APPEND arrays "constexpr std::array ${array_name} = {${items}};\n")
    string(APPEND fields "     ${array_name},\n")
  endforeach()
  set(rows "")
  foreach(stage localized regional distant)
    string(JSON pct ERROR_VARIABLE err GET "${json}" tables ${i} rows ${stage})
    if(err OR NOT pct MATCHES "^[0-9]+(\\.[0-9]+)?$")
      message(FATAL_ERROR "${INPUT}: table ${i}: rows.${stage} must be a percentage as a string, got '${pct}'")
    endif()
    string(APPEND rows "      SurvivalRow{SummaryStage::${stage}, ${pct}, \"${pct}\"sv},\n")
  endforeach()
  string(APPEND body "    SurvivalTable{\n${fields}     {{\n${rows}     }}},\n")
endforeach()

set(content "// Generated from data/survival.json by cmake/EmbedSurvival.cmake. Do not edit.
#include <string_view>

#include \"core/detail.hpp\"

namespace lmsstage::detail {
using namespace std::string_view_literals;

namespace {
${arrays}
constexpr std::array<SurvivalTable, ${count}> k_survival_tables = {{
${body}}};
}  // namespace

std::span<const SurvivalTable> survival_table_data() noexcept { return k_survival_tables; }

}  // namespace lmsstage::detail
")
file(CONFIGURE OUTPUT "${OUTPUT}" CONTENT "${content}" @ONLY)
