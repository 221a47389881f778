# Project warnings live on a private INTERFACE target that is linked with $<BUILD_INTERFACE:...>,
# so they never reach the exported targets or anyone who consumes the installed package.
add_library(lmsstage_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(lmsstage_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
    -Wnon-virtual-dtor -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough
    -Wformat=2 -Wcast-qual -Wundef)
  if(LMSSTAGE_WARNINGS_AS_ERRORS)
    target_compile_options(lmsstage_warnings INTERFACE -Werror)
  endif()
endif()
