# The walls between the libraries: no file includes a header of a layer above its own, and the
# program (src/cli) and the page (src/web) do not include each other. Layers, bottom to top:
#   0 include/lmsstage, src/core   the staging rules
#   1 src/naaccr                   pure NAACCR mappings
#   2 src/doors                    what every door shares (renderers, result schema, writers)
#   3 src/cli, src/web             the program, the page
#   4 src/main.cpp
# And the include graph is at most 6 layers deep (issue 18).
# Run as: cmake -DROOT=<source dir> -P CheckWalls.cmake; prints the deepest include chain too.
cmake_minimum_required(VERSION 3.25)

# Each row: a layer, and the paths that stand in it. The unit tests and their helpers stand in
# the layer of the library they test.
set(layers
    "0 ^(include/lmsstage|src/core|tests/core)/"
    "0 ^tests/support/((core|text)_test_support|text_support|catch_main)"
    "1 ^(src|tests)/naaccr/"
    "1 ^tests/support/naaccr_test_support"
    "2 ^(src|tests)/doors/"
    "3 ^(src/(cli|web)|tests/cli)/"
    "3 ^tests/support/(cli_test|output)_support")

function(layer_of path out)
  foreach(row IN LISTS layers)
    string(REGEX MATCH "^([0-9]) (.*)$" row "${row}")
    set(layer ${CMAKE_MATCH_1})
    if(path MATCHES "${CMAKE_MATCH_2}")
      set(${out} ${layer} PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out} 4 PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE files RELATIVE "${ROOT}" "${ROOT}/src/*.hpp" "${ROOT}/src/*.cpp" "${ROOT}/include/*.hpp")
# The unit tests stand in the layer of the library they test (tests/core, tests/naaccr, tests/doors,
# tests/cli), with their helpers (tests/support); they are checked for upward includes, not counted
# in the depth of the program's own include graph.
file(GLOB tests RELATIVE "${ROOT}" "${ROOT}/tests/core/*.cpp" "${ROOT}/tests/naaccr/*.cpp"
     "${ROOT}/tests/doors/*.cpp" "${ROOT}/tests/cli/*.cpp" "${ROOT}/tests/support/*.hpp" "${ROOT}/tests/support/*.cpp")
set(faults "")
set(count 0)
foreach(file IN LISTS files tests)
  layer_of("${file}" own)
  file(STRINGS "${ROOT}/${file}" includes REGEX "^#include \"")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" header "${line}")
    if(EXISTS "${ROOT}/src/${header}")
      set(target "src/${header}")
    elseif(EXISTS "${ROOT}/include/${header}")
      set(target "include/${header}")
    elseif(EXISTS "${ROOT}/tests/${header}")
      set(target "tests/${header}")
    else()
      continue()  # a generated or third-party header
    endif()
    math(EXPR count "${count} + 1")
    string(MAKE_C_IDENTIFIER "${file}" key)
    list(APPEND includes_of_${key} "${target}")
    layer_of("${target}" theirs)
    if(theirs GREATER own)
      string(APPEND faults "  ${file} includes ${header}, a layer above it\n")
    elseif(own EQUAL 3 AND theirs EQUAL 3 AND file MATCHES "^src/")
      string(REGEX MATCH "^src/[a-z]+/" mine "${file}")
      string(REGEX MATCH "^src/[a-z]+/" other "${target}")
      if(NOT mine STREQUAL other)
        string(APPEND faults "  ${file} includes ${header}: the program and the page do not include each other\n")
      endif()
    endif()
  endforeach()
endforeach()
list(LENGTH files nfiles)
if(faults)
  message(FATAL_ERROR "Includes that cross a wall upward:\n${faults}")
endif()

# The depth of the include graph: a file that includes no project header is layer 1, any other
# stands one layer above the deepest file it includes. Found by relaxing until nothing changes.
set(max_depth 6)
foreach(file IN LISTS files)
  string(MAKE_C_IDENTIFIER "${file}" key)
  set(depth_${key} 1)
  set(chain_${key} "${file}")
endforeach()
set(changed TRUE)
set(rounds 0)
while(changed)
  set(changed FALSE)
  math(EXPR rounds "${rounds} + 1")
  if(rounds GREATER 64)
    message(FATAL_ERROR "The include graph has a cycle")
  endif()
  foreach(file IN LISTS files)
    string(MAKE_C_IDENTIFIER "${file}" key)
    foreach(target IN LISTS includes_of_${key})
      string(MAKE_C_IDENTIFIER "${target}" theirs)
      math(EXPR candidate "${depth_${theirs}} + 1")
      if(candidate GREATER depth_${key})
        set(depth_${key} ${candidate})
        set(chain_${key} "${file} -> ${chain_${theirs}}")
        set(changed TRUE)
      endif()
    endforeach()
  endforeach()
endwhile()
set(deepest 0)
set(deepest_chain "")
foreach(file IN LISTS files)
  string(MAKE_C_IDENTIFIER "${file}" key)
  if(depth_${key} GREATER deepest)
    set(deepest ${depth_${key}})
    set(deepest_chain "${chain_${key}}")
  endif()
endforeach()
if(deepest GREATER max_depth)
  message(FATAL_ERROR "The include graph is ${deepest} layers deep (at most ${max_depth}):\n  ${deepest_chain}")
endif()
list(LENGTH tests ntests)
message(STATUS "walls: ${nfiles} files and ${ntests} test files, ${count} project includes, none upward; "
               "${deepest} layers deep (at most ${max_depth}): ${deepest_chain}")
