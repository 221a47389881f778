#pragma once
// The subcommands: batch (stage a stream of records), check (regression cases with expectations),
// rules (print the tables the binary applies).

#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "cli/record_stream.hpp"
#include "doors/context.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;

/// Where a subcommand reads and writes.
struct Streams {
    std::istream& in;  ///< standard input, when `stdin_fd` is negative
    std::ostream& out;
    std::ostream& err;
    int stdin_fd = -1;  ///< the real process reads standard input from this descriptor (0)
    /// A test seam: when set, batch reads every input through the read function it returns for
    /// the input's own (to inject read errors and short reads at chosen bytes). The program sets none.
    std::function<ReadFn(ReadFn)> read_through{};
};

struct CaseLine;
struct CommandLine;

/// Writes a command's whole output; 74 with one line on stderr when it cannot be written.
int write_output(std::ostream& out, std::ostream& err, const std::string& text);

/// `lmsstage [CASE FIELD...]`: one case from the command line, parsed (cli/options.hpp).
int run_case(const CaseLine& line, const Streams& io, const Environment& env);

/// `lmsstage batch [OPTIONS] [FILE...]`: one output record per input record, in order, from the
/// command's options as given (their values checked here: a usage error, exit 64, names the option)
/// and its operands (none: standard input; "-" is standard input).
int run_batch(const CommandLine& line, const Streams& io);

/// `lmsstage check [--junit FILE] [--naaccr] FILE...`: one line per unmet expectation, then
/// "N passed, N failed".
int run_check(const CommandLine& line, const Streams& io);

/// `lmsstage rules [SYSTEM] [--json]`.
int run_rules(const std::string& system, bool json, std::ostream& out, std::ostream& err);

}  // namespace lmsstage::cli
