#pragma once
// Delimited text in and out: an RFC 4180 reader that streams rows with their numbers, and a
// writer that quotes the way spreadsheets and csv libraries read back. The same rules serve
// CSV (comma) and TSV (tab): quoted fields, doubled quotes, line breaks inside quotes.

#include <cstddef>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lmsstage::cli::csv {

/// Field separator and line end of one delimited format.
struct Dialect {
    char delimiter = ',';
    std::string_view line_end = "\r\n";

    /// RFC 4180: comma, CRLF line ends.
    static constexpr Dialect csv() noexcept { return Dialect{',', "\r\n"}; }
    /// Tab-separated, LF line ends, quoting as for CSV (as spreadsheets and Python's csv module do).
    static constexpr Dialect tsv() noexcept { return Dialect{'\t', "\n"}; }
};

/// One row as read. An empty cell means "not given".
struct Row {
    std::size_t number = 0;  ///< 1-based row number, the header being row 1; blank lines are counted
    std::size_t line = 0;    ///< 1-based line on which the row starts (rows may span lines)
    std::vector<std::string> cells;
    std::optional<std::string> error;  ///< why the row is malformed; its cells are then unreliable
};

/// Default cap on one row's bytes: past it the row is reported as too long, not stored.
inline constexpr std::size_t k_default_max_row_bytes = std::size_t{16} << 20U;

/// Reads rows one at a time; memory holds one row. The first row fixes the expected cell count
/// (the header): a later row with another count is reported as ragged, and reading goes on. A
/// UTF-8 byte order mark before the first row is skipped; lines end with LF, CRLF or CR; blank
/// lines are skipped (but counted). An unterminated quoted field is the last row read.
class Reader {
public:
    explicit Reader(std::istream& in, Dialect dialect = Dialect::csv(),
                    std::size_t max_row_bytes = k_default_max_row_bytes);

    /// Reads the next row into `row` (its storage reused); false at the end of the input.
    bool next(Row& row);

private:
    enum class End { delimiter, line, input };

    int peek();
    void advance(int ch) noexcept;
    bool skip_blank_lines();
    End read_field(std::string& cell, Row& row, std::size_t column);
    End read_quoted(std::string& cell, Row& row, std::size_t column);
    End read_unquoted(std::string& cell, Row& row, std::size_t column, bool after_quote);
    End finish_line(int ch);
    void append(std::string& cell, char ch, Row& row);
    void fail(Row& row, std::string message);

    std::istream& m_in;
    Dialect m_dialect;
    std::size_t m_max_row_bytes;
    std::vector<char> m_buffer;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    bool m_started = false;
    bool m_done = false;
    std::size_t m_line = 1;
    std::size_t m_row = 0;
    std::size_t m_row_bytes = 0;
    std::size_t m_width = 0;
};

/// True when a field must be quoted to read back as itself: it holds the delimiter, a quote, a
/// line break, or starts or ends with a space or tab (which some spreadsheet imports trim).
bool needs_quotes(std::string_view text, const Dialect& dialect) noexcept;
/// Appends one field, quoted (and its quotes doubled) only when needed.
void append_field(std::string& out, std::string_view text, const Dialect& dialect);
/// Appends a whole row and its line end.
void append_row(std::string& out, std::span<const std::string_view> cells, const Dialect& dialect);
void append_row(std::string& out, std::span<const std::string> cells, const Dialect& dialect);

}  // namespace lmsstage::cli::csv
