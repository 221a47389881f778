// simdjson's shared library, loaded when the first JSON record is parsed rather than when the
// program starts: a case from flags, a CSV table or NAACCR XML never parses JSON, and loading the
// library (and the C++ runtime it links) at start cost more than the case itself. The program
// uses one function of the library, simdjson::get_active_implementation() (the kernel chosen for
// the processor, from which On-Demand's parser takes its stage 1); everything else of simdjson it
// uses is compiled in from the header, but for two tables of 256 flags the header declares and the
// library defines (which bytes are JSON structure or blank space: { } : [ ] , space, tab, LF, CR,
// RFC 8259 section 2). This file defines the function, forwarding to the library's, and the two
// tables: it is the only place the library is named.
#include <dlfcn.h>

#include <simdjson.h>

#include <cstdio>
#include <cstdlib>

#ifndef LMSSTAGE_SIMDJSON_LIBRARY
#error "LMSSTAGE_SIMDJSON_LIBRARY: the file name of simdjson's shared library (src/CMakeLists.txt)"
#endif

namespace simdjson {
namespace {

using ActiveImplementation = internal::atomic_ptr<const implementation>& (*)();

/// The library's own get_active_implementation; a missing library ends the program (exit 70, an
/// installation fault), naming the library.
ActiveImplementation load() {
    void* library = ::dlopen(LMSSTAGE_SIMDJSON_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    // The mangled name of simdjson::get_active_implementation().
    void* symbol = library != nullptr ? ::dlsym(library, "_ZN8simdjson25get_active_implementationEv") : nullptr;
    if (symbol == nullptr) {
        const char* why = ::dlerror();
        std::fprintf(stderr, "lmsstage: cannot load %s, which reads JSON input (%s); install it (Debian: %s)\n",
                     LMSSTAGE_SIMDJSON_LIBRARY, why != nullptr ? why : "no get_active_implementation",
                     LMSSTAGE_SIMDJSON_PACKAGE);
        std::exit(70);
    }
    return reinterpret_cast<ActiveImplementation>(symbol);
}

}  // namespace

namespace internal {
// simdjson declares these tables bool and writes them as 0 and 1, as here.
// NOLINTBEGIN(readability-implicit-bool-conversion)
// clang-format off
/// 1 for the bytes that are not JSON structure or blank space (those that may continue an atom).
SIMDJSON_DLLIMPORTEXPORT const bool structural_or_whitespace_negated[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};
/// 1 for { } : [ ] , space, tab, LF and CR.
SIMDJSON_DLLIMPORTEXPORT const bool structural_or_whitespace[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
// clang-format on
// NOLINTEND(readability-implicit-bool-conversion)
}  // namespace internal

internal::atomic_ptr<const implementation>& get_active_implementation() {
    static const ActiveImplementation library = load();
    return library();
}

}  // namespace simdjson
