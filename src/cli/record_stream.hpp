#pragma once
// Splits an input stream into records without holding more than one record in memory: NDJSON
// (one record a line), a JSON array of records, or one or more whitespace-separated JSON values.
// Framing problems (a record over the size limit, input ending inside a record) are reported as
// records with a problem, in their place, so no record is ever lost or shifted.

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "cli/render_json.hpp"

namespace lmsstage::cli {

/// The longest record accepted; a longer one becomes an error record and reading resumes after it.
inline constexpr std::size_t k_max_record_bytes = std::size_t{1} << 20;

struct RawRecord {
    std::string_view bytes;   ///< the record's text (empty when `problem` is set)
    RecordPlace place;        ///< 1-based line (NDJSON, documents) or 0-based index (array)
    std::string_view problem; ///< non-empty: the record could not be framed (too long, truncated)
};

/// Problems with the stream as a whole (not one record's), e.g. an array never closed.
struct StreamProblem {
    long long line = 0;
    std::string message;
};

/// Calls `on_record` for every record in order; returns false as soon as `on_record` does (the
/// reader stops: output is gone). Stream-level problems go to `on_problem`.
bool split_records(std::istream& in, const std::function<bool(const RawRecord&)>& on_record,
                   const std::function<void(const StreamProblem&)>& on_problem);

}  // namespace lmsstage::cli
