#include "cli/csv.hpp"

#include <utility>

namespace lmsstage::cli::csv {
namespace {

constexpr std::size_t k_chunk = std::size_t{64} << 10U;
constexpr int k_end_of_input = -1;

}  // namespace

Reader::Reader(std::istream& in, Dialect dialect, std::size_t max_row_bytes)
    : m_in(in), m_dialect(dialect), m_max_row_bytes(max_row_bytes), m_buffer(k_chunk) {}

int Reader::peek() {
    if (m_pos == m_end) {
        if (m_done) {
            return k_end_of_input;
        }
        m_in.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        m_end = static_cast<std::size_t>(m_in.gcount());
        m_pos = 0;
        if (m_end == 0) {
            m_done = true;
            return k_end_of_input;
        }
        if (!m_started) {
            m_started = true;
            // A UTF-8 byte order mark is not part of the first header name.
            if (m_end >= 3 && m_buffer[0] == '\xEF' && m_buffer[1] == '\xBB' && m_buffer[2] == '\xBF') {
                m_pos = 3;
                return peek();
            }
        }
    }
    return static_cast<unsigned char>(m_buffer[m_pos]);
}

void Reader::advance(int ch) noexcept {
    ++m_pos;
    if (ch == '\n') {
        ++m_line;
    }
}

/// Consumes a line end that starts with `ch` (LF, CR or CRLF) and counts it as one line.
Reader::End Reader::finish_line(int ch) {
    ++m_pos;
    if (ch == '\r') {
        if (peek() == '\n') {
            ++m_pos;
        }
    }
    ++m_line;
    return End::line;
}

bool Reader::skip_blank_lines() {
    for (;;) {
        const int ch = peek();
        if (ch == k_end_of_input) {
            return false;
        }
        if (ch != '\n' && ch != '\r') {
            return true;
        }
        finish_line(ch);
        ++m_row;  // a blank line keeps its number, as in a spreadsheet or an editor
    }
}

void Reader::fail(Row& row, std::string message) {
    if (!row.error) {
        row.error = std::move(message);
    }
}

void Reader::append(std::string& cell, char ch, Row& row) {
    if (++m_row_bytes > m_max_row_bytes) {
        fail(row, "the row is longer than " + std::to_string(m_max_row_bytes) + " bytes");
        return;
    }
    cell += ch;
}

Reader::End Reader::read_quoted(std::string& cell, Row& row, std::size_t column) {
    const std::size_t opened = m_line;
    advance(peek());  // the opening quote
    for (;;) {
        const int ch = peek();
        if (ch == k_end_of_input) {
            fail(row, "column " + std::to_string(column) + ": unterminated quoted field (opened on line " +
                          std::to_string(opened) + ")");
            return End::input;
        }
        advance(ch);
        if (ch == '"') {
            if (peek() != '"') {
                return read_unquoted(cell, row, column, true);
            }
            advance('"');
        }
        append(cell, static_cast<char>(ch), row);
    }
}

Reader::End Reader::read_unquoted(std::string& cell, Row& row, std::size_t column, bool after_quote) {
    for (;;) {
        const int ch = peek();
        if (ch == k_end_of_input) {
            return End::input;
        }
        if (ch == static_cast<unsigned char>(m_dialect.delimiter)) {
            advance(ch);
            return End::delimiter;
        }
        if (ch == '\n' || ch == '\r') {
            return finish_line(ch);
        }
        if (after_quote) {
            fail(row, "column " + std::to_string(column) + ": text after the closing quote (a quote inside a "
                                                           "quoted field is written twice)");
        } else if (ch == '"') {
            fail(row, "column " + std::to_string(column) +
                          ": a quote inside an unquoted field (quote the whole field and write the quote twice)");
        }
        advance(ch);
        append(cell, static_cast<char>(ch), row);
    }
}

Reader::End Reader::read_field(std::string& cell, Row& row, std::size_t column) {
    cell.clear();
    if (peek() == '"') {
        return read_quoted(cell, row, column);
    }
    return read_unquoted(cell, row, column, false);
}

bool Reader::next(Row& row) {
    row.error.reset();
    if (!skip_blank_lines()) {
        row.cells.clear();
        return false;
    }
    row.number = ++m_row;
    row.line = m_line;
    m_row_bytes = 0;
    std::size_t count = 0;
    End end = End::delimiter;
    while (end == End::delimiter) {
        if (count == row.cells.size()) {
            row.cells.emplace_back();
        }
        end = read_field(row.cells[count], row, count + 1);
        ++count;
    }
    row.cells.resize(count);
    if (m_width == 0) {
        m_width = count;
    } else if (count != m_width) {
        fail(row, "has " + std::to_string(count) + (count == 1 ? " cell" : " cells") + ", the header has " +
                      std::to_string(m_width));
    }
    return true;
}

bool needs_quotes(std::string_view text, const Dialect& dialect) noexcept {
    if (text.empty()) {
        return false;
    }
    const auto edge = [](char ch) { return ch == ' ' || ch == '\t'; };
    if (edge(text.front()) || edge(text.back())) {
        return true;
    }
    for (const char ch : text) {
        if (ch == dialect.delimiter || ch == '"' || ch == '\n' || ch == '\r') {
            return true;
        }
    }
    return false;
}

void append_field(std::string& out, std::string_view text, const Dialect& dialect) {
    if (!needs_quotes(text, dialect)) {
        out += text;
        return;
    }
    out += '"';
    for (const char ch : text) {
        if (ch == '"') {
            out += '"';
        }
        out += ch;
    }
    out += '"';
}

namespace {

template <typename Text>
void append_cells(std::string& out, std::span<const Text> cells, const Dialect& dialect) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            out += dialect.delimiter;
        }
        append_field(out, cells[i], dialect);
    }
    // A row of one empty cell would read back as a blank line, which readers skip.
    if (cells.size() == 1 && std::string_view(cells[0]).empty()) {
        out += "\"\"";
    }
    out += dialect.line_end;
}

}  // namespace

void append_row(std::string& out, std::span<const std::string_view> cells, const Dialect& dialect) {
    append_cells(out, cells, dialect);
}

void append_row(std::string& out, std::span<const std::string> cells, const Dialect& dialect) {
    append_cells(out, cells, dialect);
}

}  // namespace lmsstage::cli::csv
