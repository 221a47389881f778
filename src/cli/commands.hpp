#pragma once
// The subcommands: batch (stage a stream of records), check (regression cases with expectations),
// rules (print the tables the binary applies).

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace lmsstage::cli {

/// `lmsstage batch [FILE...]`: NDJSON out, one line per record, in order.
int run_batch(const std::vector<std::string>& files, std::istream& in, std::ostream& out, std::ostream& err);
/// `lmsstage check FILE...`: one line per unmet expectation, then "N passed, N failed".
int run_check(const std::vector<std::string>& files, std::istream& in, std::ostream& out, std::ostream& err);
/// `lmsstage rules [SYSTEM] [--json]`.
int run_rules(const std::string& system, bool json, std::ostream& out, std::ostream& err);

}  // namespace lmsstage::cli
