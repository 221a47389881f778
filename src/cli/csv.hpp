#pragma once
// Delimited text in (RFC 4180): rows framed from a stream of bytes with their numbers and cells
// split from a row (the writer is doors/csv_writer.hpp). The
// same rules serve CSV (comma) and TSV (tab): quoted fields, doubled quotes, line breaks in quotes.
//
// Framing and splitting are apart so that batch frames rows on its reading thread (which must only
// find where each row ends) and splits them on its workers.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/record_stream.hpp"
#include "doors/csv_writer.hpp"

namespace lmsstage::cli::csv {

using namespace lmsstage::doors::csv;  // Dialect and the writer

/// One row as framed: its bytes as they are in the input (quotes kept, no line end), or the problem
/// that makes it unreadable.
struct RawRow {
    std::string_view bytes;
    std::size_t number = 0;    ///< 1-based row number, the header being row 1; blank lines are counted
    std::size_t line = 0;      ///< 1-based line on which the row starts (a row may span lines)
    std::string_view problem;  ///< too long, or a quote never closed (then it is the last row)
    bool stops = false;        ///< the problem stopped reading: nothing after this row was read
};

/// Finds where each row ends, holding at most one row (up to a byte cap) in memory. Rows end with
/// LF, CRLF or CR outside quotes; empty lines are skipped but counted; a UTF-8 byte order mark at
/// the start is skipped; UTF-16 and UTF-32 input is refused (one problem row that stops).
class RowFramer {
public:
    RowFramer(ReadFn read, Dialect dialect, std::size_t max_row_bytes);

    /// The next row (its bytes valid until the next call); false at the end of the input, or when
    /// reading failed (error()): a row that a read error cut is never given, and line() is then
    /// the line it starts on.
    bool next(RawRow& row);
    /// Frames the rows after the current one with another delimiter (found from the header row).
    void set_delimiter(char delimiter) noexcept { m_dialect.delimiter = delimiter; }
    /// The errno value of a failed read, 0 if none.
    [[nodiscard]] int error() const noexcept { return m_error; }
    /// The line being read when reading stopped.
    [[nodiscard]] std::size_t line() const noexcept { return m_line; }

private:
    enum class State { field_start, unquoted, quoted, after_quote };
    struct Scan;

    bool fill();
    bool start();
    void skip_empty_lines();
    bool fast_row(RawRow& row);
    bool scan_row(RawRow& row);
    bool step(Scan& s);
    void finish_row(RawRow& row, const Scan& s, std::size_t end, std::size_t line_end);

    ReadFn m_read;
    Dialect m_dialect;
    std::size_t m_max_row_bytes;
    std::vector<char> m_buf;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    bool m_eof = false;
    bool m_started = false;
    bool m_done = false;
    int m_error = 0;
    std::size_t m_line = 1;
    std::size_t m_row = 0;
    std::string m_problem;
};

/// Splits one framed row into its cells, unquoted. The views point into `row`, or into `scratch`
/// for a quoted cell with doubled quotes (`scratch` is reserved once, so they stay valid). The
/// problem names the column (1-based): a quote inside an unquoted cell, text after a closing quote.
std::optional<std::string> split_cells(std::string_view row, const Dialect& dialect,
                                       std::vector<std::string_view>& cells, std::string& scratch);

/// The cells of a row split_cells refuses, read as RowFramer reads a row: a delimiter outside
/// quotes ends a cell, and a quote opens quoting only at a cell's start or right after a closing
/// quote. Each cell that split_cells reads on its own is unquoted; a malformed one is nullopt. So a
/// row with one malformed cell still gives its other cells (the id of an error record).
std::vector<std::optional<std::string>> split_cells_leniently(std::string_view row, const Dialect& dialect);

/// The delimiter of a table whose header row is `row`: of , ; and tab, the one found most often
/// outside quotes; `fallback` when none is, or on a tie with it.
char header_delimiter(std::string_view row, char fallback) noexcept;

}  // namespace lmsstage::cli::csv
