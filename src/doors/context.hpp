#pragma once
// The bottom of the doors: what a door runs in. Exit codes (documented in the README, --help and the
// man page) and the environment a program reads once at start. No door header is below this one.

#include <cstddef>
#include <string>

namespace lmsstage::doors {

/// Exit codes (sysexits.h values where one fits); documented in the README and --help.
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int check_failed = 1;
inline constexpr int usage = 64;
inline constexpr int data = 65;
inline constexpr int no_input = 66;
inline constexpr int internal = 70;
inline constexpr int os_error = 71;  ///< out of memory, or another resource the system refused
inline constexpr int io = 74;
/// Stopped by a signal: 128 + its number (SIGINT 130, SIGTERM 143).
inline constexpr int signal_base = 128;
}  // namespace exit_code

struct Environment {
    bool stdout_is_terminal = false;
    bool no_color = false;     ///< NO_COLOR is set to a non-empty value
    int stdin_fd = -1;         ///< read standard input ("-") from this descriptor rather than the stream
    bool term_dumb = false;    ///< TERM=dumb: no colour
    std::size_t columns = 80;  ///< the width to wrap the report to: COLUMNS, else the terminal's, else 80
    std::size_t rows = 0;      ///< stdout's terminal rows (LINES, else the terminal's); 0: not a terminal
    std::string pager{};       ///< PAGER, else "less -FRX"; empty: never page
};

}  // namespace lmsstage::doors
