#pragma once
// Splits one input into records, holding at most one record in memory, by rules that never guess:
//
//  - An input whose first non-blank character is '[', or whose first non-blank line is a lone '{'
//    (as jq, Python and JavaScript pretty-print), is a JSON text: its values are read one after
//    another; the elements of a top-level array are records, and so is every other top-level value.
//    A fault inside a record (its brackets balanced) makes that record an error. A fault outside
//    the records (a missing or extra comma or bracket, a line break inside a string, the input
//    ending inside an array) makes the record boundaries unknowable: reading that input stops, and
//    the problem says where and that the rest was not read.
//  - Any other input is NDJSON: every non-blank line is exactly one record; lines are never joined
//    or split.
//
// A UTF-8 byte-order mark at the very start is skipped; UTF-16 and UTF-32 input is refused.

#include <cstddef>
#include <functional>
#include <string_view>

#include "doors/records.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;

/// The longest record accepted; a longer one becomes an error record, and reading goes on after it.
inline constexpr std::size_t k_max_record_bytes = std::size_t{1} << 20;

/// What one read from an input gave: `bytes` read (0 at the end of the input), or an errno value.
struct ReadResult {
    std::size_t bytes = 0;
    int error = 0;
};
using ReadFn = std::function<ReadResult(char* buffer, std::size_t size)>;

struct RawRecord {
    std::string_view bytes;    ///< the record's text (empty when `problem` is set)
    RecordPlace place;         ///< its line (and index in an array); line and column of a stop
    std::string_view problem;  ///< non-empty: the record could not be framed, or reading stops here
    bool stops = false;        ///< the problem stopped reading this input: nothing after it was read
};

/// How reading an input ended.
struct StreamEnd {
    enum class Kind { complete, consumer_stopped, read_error } kind = Kind::complete;
    int error = 0;       ///< read_error: the errno value
    long long line = 0;  ///< read_error: the line being read
};

/// The problem of an input whose first bytes (`head`) are a UTF-16 byte-order mark or hold a NUL
/// byte: UTF-16 or UTF-32, which is refused. Empty when the input may be UTF-8.
std::string_view wide_input_problem(std::string_view head) noexcept;

/// Calls `on_record` for every record in order. Stops as soon as `on_record` returns false.
StreamEnd split_records(const ReadFn& read, const std::function<bool(const RawRecord&)>& on_record);

}  // namespace lmsstage::cli
