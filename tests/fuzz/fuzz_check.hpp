#pragma once
// Shared by the fuzz targets: a property check that stops the run with a message, so that
// libFuzzer records the input as a crash ("deadly signal") and prints the stack.

#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(cond, what)                                                                                   \
    do {                                                                                                         \
        if (!(cond)) {                                                                                           \
            std::fprintf(stderr, "\nPROPERTY VIOLATED at %s:%d: %s\n  (%s)\n", __FILE__, __LINE__, what, #cond); \
            std::abort();                                                                                        \
        }                                                                                                        \
    } while (0)

namespace lmsstage_fuzz {

/// Prints `text` to stderr with non-printable bytes escaped (for property messages).
inline void print_escaped(const char* label, std::string_view text, std::size_t limit = 2000) {
    std::fprintf(stderr, "%s (%zu bytes): \"", label, text.size());
    std::size_t n = 0;
    for (const char ch : text) {
        if (n++ == limit) {
            std::fprintf(stderr, "...");
            break;
        }
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            std::fprintf(stderr, "\\%c", c);
        } else if (c >= 0x20 && c < 0x7f) {
            std::fputc(c, stderr);
        } else {
            std::fprintf(stderr, "\\x%02X", c);
        }
    }
    std::fprintf(stderr, "\"\n");
}

}  // namespace lmsstage_fuzz
