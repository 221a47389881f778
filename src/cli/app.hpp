#pragma once
// The command-line program as a library function, so every behaviour (exit codes, stdout/stderr
// separation, help) is testable without starting a process.

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "doors/context.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;  // exit codes, Environment

/// Runs lmsstage with `args` (without the program name); records from `in` (batch, check), data to
/// `out`, diagnostics to `err`.
int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
        const Environment& env);
/// Same, with nothing on standard input.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env);

/// `main` for the real process: reads the environment, wires std::cout/std::cerr, catches everything.
int main_entry(int argc, char** argv);

}  // namespace lmsstage::cli
