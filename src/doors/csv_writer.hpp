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
    bool raw_cells = false;  ///< formula triggers and control characters written as they came

    /// RFC 4180: comma, CRLF line ends.
    static constexpr Dialect csv(bool raw = false) noexcept { return Dialect{',', "\r\n", raw}; }
    /// Tab-separated, LF line ends, quoting as for CSV (as spreadsheets and Python's csv module do).
    static constexpr Dialect tsv(bool raw = false) noexcept { return Dialect{'\t', "\n", raw}; }
};

/// True when a cell beginning with `c` is taken for a formula by a spreadsheet: = + - @ tab CR.
bool is_formula_trigger(char c) noexcept;

/// True when a field is not written as its bytes: it is quoted because it holds the delimiter, a
/// quote, a line break, or starts or ends with a space or tab (which some spreadsheet imports
/// trim); or it is made safe first (a formula trigger, a control character, invalid UTF-8), and
/// then quoted too.
bool needs_quotes(std::string_view text, const Dialect& dialect) noexcept;
/// What writing a field takes, found in one scan: quotes (needs_quotes), making it safe first
/// (safe_cell: a formula trigger, a control character, invalid UTF-8), doubling its quotes.
struct FieldScan {
    bool quote = false;
    bool safe = false;
    bool doubled = false;
};
FieldScan scan_field(std::string_view text, const Dialect& dialect) noexcept;
/// The text of a cell made safe as the dialect asks (see above), before quoting.
std::string safe_cell(std::string_view text, const Dialect& dialect);
/// Appends one field, made safe and quoted (its quotes doubled) only when needed.
void append_field(std::string& out, std::string_view text, const Dialect& dialect);
/// The same, with the field scanned beforehand (scan_field of the same text and dialect).
void append_field(std::string& out, std::string_view text, const Dialect& dialect, const FieldScan& scan);
/// Appends a whole row and its line end.
void append_row(std::string& out, std::span<const std::string_view> cells, const Dialect& dialect);
void append_row(std::string& out, std::span<const std::string> cells, const Dialect& dialect);

}  // namespace lmsstage::doors::csv
