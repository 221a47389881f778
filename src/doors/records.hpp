#pragma once
// The bottom of the doors: where a record came from and what was wrong with it, shared by the
// readers that frame records (cli/) and the writers that report them (doors/).

#include <string>
#include <string_view>

namespace lmsstage::doors {

/// Where a record came from, for error objects: the 1-based line where it starts, its 0-based index
/// in a JSON array or its 1-based row in a CSV table, and for a fault that stopped reading the
/// input, the line and column of the fault.
struct RecordPlace {
    long long line = 0;     ///< 0: none
    long long column = 0;   ///< 0: none
    long long index = -1;   ///< -1: not an array element
    std::string_view file;  ///< the input file's name, empty for stdin
    long long row = 0;      ///< CSV/TSV: the row number, the header being row 1; 0: none

    static RecordPlace at_line(long long n) { return RecordPlace{n, 0, -1, {}}; }
};

/// The warning of a CSV/TSV row that spans lines (a quoted cell holds a line break), a template as
/// lmsstage::valued_warning_templates() gives them: the first line and the last fill it.
inline constexpr std::string_view k_lines_spanned_warning =
    "this row spans lines {}-{}: a quoted cell holds a line break (a stray quote joins the rows up to the next "
    "quote)";

/// Why a record could not be read. `field` is empty when the fault is not one field's (bad JSON).
struct RecordError {
    std::string field;
    std::string message;
    /// True when the record is well-formed but a case field's value is not acceptable (a wrong
    /// type or an out-of-range value): the case is invalid, the record itself was readable.
    bool bad_value = false;
    /// True when the record is not valid JSON (or not UTF-8).
    bool syntax = false;
};

}  // namespace lmsstage::doors
