#pragma once
// Helpers shared by the tests that run the program (command line, batch, check, rules): the program run
// in-process on given arguments and standard input, and text helpers for its output. Expected
// values live in the test files themselves.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <istream>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "cli/app.hpp"
#include "support/text_support.hpp"

namespace lmsstage_door_test {

using lmsstage::cli::Environment;
namespace exit_code = lmsstage::cli::exit_code;

/// What one run of the program gave.
struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

/// Runs lmsstage in-process: `args` without the program name, standard input read from `input` (a
/// stream buffer that fails or stops part way, as a test needs).
inline Run run_cli(const std::vector<std::string>& args, std::streambuf& input, const Environment& env = {}) {
    std::istream in(&input);
    std::ostringstream out;
    std::ostringstream err;
    Run r;
    r.code = lmsstage::cli::run(args, in, out, err, env);
    r.out = out.str();
    r.err = err.str();
    return r;
}
/// Runs lmsstage in-process: `args` without the program name, `input` on standard input.
inline Run run_cli(const std::vector<std::string>& args, const std::string& input = {}, const Environment& env = {}) {
    std::stringbuf in(input, std::ios::in);
    return run_cli(args, in, env);
}
inline Run run_cli(const std::vector<std::string>& args, const Environment& env) { return run_cli(args, {}, env); }

}  // namespace lmsstage_door_test
