#pragma once
// Delimited text out (RFC 4180): a writer that quotes the way spreadsheets and csv libraries read
// back. The same rules serve CSV (comma) and TSV (tab): quoted fields, doubled quotes, line breaks
// in quotes. The reader that frames such text is the program's (cli/csv.hpp).

#include <span>
#include <string>
#include <string_view>

namespace lmsstage::doors::csv {

/// Field separator and line end of one delimited format.
struct Dialect {
    char delimiter = ',';
    std::string_view line_end = "\r\n";

    /// RFC 4180: comma, CRLF line ends.
    static constexpr Dialect csv() noexcept { return Dialect{',', "\r\n"}; }
    /// Tab-separated, LF line ends, quoting as for CSV (as spreadsheets and Python's csv module do).
    static constexpr Dialect tsv() noexcept { return Dialect{'\t', "\n"}; }
};

/// True when a field must be quoted to read back as itself: it holds the delimiter, a quote, a
/// line break, or starts or ends with a space or tab (which some spreadsheet imports trim).
bool needs_quotes(std::string_view text, const Dialect& dialect) noexcept;
/// Appends one field, quoted (and its quotes doubled) only when needed.
void append_field(std::string& out, std::string_view text, const Dialect& dialect);
/// Appends a whole row and its line end.
void append_row(std::string& out, std::span<const std::string_view> cells, const Dialect& dialect);
void append_row(std::string& out, std::span<const std::string> cells, const Dialect& dialect);

}  // namespace lmsstage::doors::csv
