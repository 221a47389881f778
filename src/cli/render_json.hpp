#pragma once
// Results and errors as JSON, written directly into a string (one object, no trailing newline).
// Key order is the contract's; the same writer serves single cases and batch.

#include <optional>
#include <string>
#include <string_view>

#include "lmsstage/result.hpp"

namespace lmsstage::cli {

/// Where a record came from, for error objects: 1-based NDJSON line or 0-based array index.
struct RecordPlace {
    enum class Kind { none, line, index } kind = Kind::none;
    long long number = 0;
    std::string_view file;  ///< the input file's name, empty for stdin

    static RecordPlace line(long long n) { return RecordPlace{Kind::line, n, {}}; }
    static RecordPlace index(long long n) { return RecordPlace{Kind::index, n, {}}; }
};

/// Appends `text` as a JSON string literal (quotes included), escaping as RFC 8259 requires.
void append_json_string(std::string& out, std::string_view text);

/// Appends the result object. `id_json` is the record's id as raw JSON text (empty: no id key).
void append_result_json(std::string& out, const Result& result, std::string_view id_json);
/// Appends the error object for an invalid record.
void append_error_json(std::string& out, const CaseError& error, std::string_view id_json, RecordPlace place);
/// Same, for a record that could not be read as a case at all (field may be empty: not one field's fault).
void append_error_json(std::string& out, std::string_view field, std::string_view message, std::string_view id_json,
                       RecordPlace place);

}  // namespace lmsstage::cli
