#pragma once
// The subcommands: batch (stage a stream of records), check (regression cases with expectations),
// rules (print the tables the binary applies).

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace lmsstage::cli {

/// Where a subcommand reads and writes.
struct Streams {
    std::istream& in;   ///< standard input, when `stdin_fd` is negative
    std::ostream& out;
    std::ostream& err;
    int stdin_fd = -1;  ///< the real process reads standard input from this descriptor (0)
};

struct Environment;

/// Writes a command's whole output; 74 with one line on stderr when it cannot be written.
int write_output(std::ostream& out, std::ostream& err, const std::string& text);

/// `lmsstage [CASE FIELD...]`: one case from the command line.
int run_case(const std::vector<std::string>& args, const Streams& io, const Environment& env);

/// `lmsstage batch [FILE...]`: NDJSON out, one line per record, in order.
int run_batch(const std::vector<std::string>& files, const Streams& io);

struct CheckOptions {
    std::vector<std::string> files;  ///< at least one; "-" is standard input
    std::string junit;               ///< --junit FILE: where to write a JUnit XML report (empty: none)
};
/// `lmsstage check [--junit FILE] FILE...`: one line per unmet expectation, then "N passed, N failed".
int run_check(const CheckOptions& options, const Streams& io);

/// `lmsstage rules [SYSTEM] [--json]`.
int run_rules(const std::string& system, bool json, std::ostream& out, std::ostream& err);

}  // namespace lmsstage::cli
