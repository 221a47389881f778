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

/// Writes a command's whole output; 74 with one line on stderr when it cannot be written.
int write_output(std::ostream& out, std::ostream& err, const std::string& text);

/// `lmsstage [CASE FIELD...]`: one case from the command line, parsed (cli/options.hpp).
int run_case(const CaseLine& line, const Streams& io, const Environment& env);

/// `lmsstage batch [OPTIONS] [FILE...]`: one output record per input record, in order. The option
/// values are checked by run_batch (a usage error, exit 64, names the option).
struct BatchOptions {
    std::vector<std::string> files;  ///< none: standard input; "-" is standard input
    std::string from;                ///< --from json|csv|tsv; empty: by file name (.csv, .tsv), else JSON
    std::string to;                  ///< --to json|ndjson|csv|tsv; empty: json, or ndjson with --columns
    std::string columns;             ///< --columns LIST; empty: the default columns
    bool naaccr = false;             ///< --naaccr: records keyed by NAACCR items; NAACCR-coded output
    bool exit_zero = false;          ///< --exit-zero: invalid records do not set the exit status
    std::string encoding;            ///< --encoding NAME; empty: UTF-8
    bool raw_cells = false;          ///< --raw-cells: CSV/TSV cells as they came
    std::string keep;                ///< --keep LIST: input columns passed through; empty: none
    std::string delimiter;           ///< --delimiter CHAR; empty: found from the header row
    std::string size_unit;           ///< --size-unit cm|mm; empty: cm
    std::string blank;               ///< --blank not-given|unknown; empty: not-given
    std::string summary;             ///< --summary[=text|json]; empty: none ("true": text)
};
int run_batch(const BatchOptions& options, const Streams& io);

struct CheckOptions {
    std::vector<std::string> files;  ///< at least one; "-" is standard input
    std::string junit;               ///< --junit FILE: where to write a JUnit XML report (empty: none)
    bool naaccr = false;             ///< --naaccr: the cases are keyed by NAACCR items (cli/registry.hpp)
};
/// `lmsstage check [--junit FILE] FILE...`: one line per unmet expectation, then "N passed, N failed".
int run_check(const CheckOptions& options, const Streams& io);

/// `lmsstage rules [SYSTEM] [--json]`.
int run_rules(const std::string& system, bool json, std::ostream& out, std::ostream& err);

}  // namespace lmsstage::cli
