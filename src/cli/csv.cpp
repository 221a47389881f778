#include "cli/csv.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <algorithm>
#include <cstring>
#include <utility>

namespace lmsstage::cli::csv {
namespace {

constexpr std::size_t k_chunk = std::size_t{1} << 18;

/// The first LF, CR or quote from `p`, or `end`: where a plain row ends, or where it is not plain.
const char* find_row_special(const char* p, const char* end) {
#ifdef __SSE2__
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i quote = _mm_set1_epi8('"');
    for (; end - p >= 16; p += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(chunk, lf),
                                         _mm_or_si128(_mm_cmpeq_epi8(chunk, cr), _mm_cmpeq_epi8(chunk, quote)));
        if (const int mask = _mm_movemask_epi8(hit); mask != 0) {
            return p + __builtin_ctz(static_cast<unsigned>(mask));
        }
    }
#endif
    while (p < end && *p != '\n' && *p != '\r' && *p != '"') {
        ++p;
    }
    return p;
}

}  // namespace

/// Where scanning a row has got to: it stops at the end of the buffer and goes on after a read.
struct RowFramer::Scan {
    std::size_t start = 0;  ///< the row's first byte in the buffer (of the kept part, once too long)
    std::size_t i = 0;      ///< the next byte to look at
    State state = State::field_start;
    std::size_t column = 1;
    std::size_t quote_line = 0;  ///< the line on which the open quote was opened
    std::size_t line = 0;        ///< the line of byte i
    std::size_t dropped = 0;     ///< bytes of a too-long row no longer kept
    bool too_long = false;
    std::size_t line_end = 0;  ///< when the row has ended at i: the length of its line end
};

RowFramer::RowFramer(ReadFn read, Dialect dialect, std::size_t max_row_bytes)
    : m_read(std::move(read)), m_dialect(dialect), m_max_row_bytes(max_row_bytes), m_buf(k_chunk) {}

/// Reads more after what is unread (from m_pos), keeping the buffer's unread bytes; false at the
/// end of the input (or on a read error).
bool RowFramer::fill() {
    if (m_eof) {
        return false;
    }
    std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end - m_pos);
    m_end -= m_pos;
    m_pos = 0;
    if (m_end == m_buf.size()) {
        m_buf.resize(m_buf.size() * 2);  // a row longer than the buffer, but within the cap
    }
    const ReadResult got = m_read(m_buf.data() + m_end, m_buf.size() - m_end);
    m_error = got.error;
    m_eof = got.bytes == 0 || got.error != 0;
    m_end += got.bytes;
    return got.bytes > 0;
}

/// The start of the input: a byte-order mark skipped, UTF-16 and UTF-32 refused.
bool RowFramer::start() {
    m_started = true;
    while (m_end - m_pos < 4 && fill()) {
    }
    const std::string_view head(m_buf.data() + m_pos, m_end - m_pos);
    if (const std::string_view problem = wide_input_problem(head); !problem.empty()) {
        m_problem = problem;
        return false;
    }
    if (head.substr(0, 3) == "\xEF\xBB\xBF") {
        m_pos += 3;
    }
    return true;
}

void RowFramer::skip_empty_lines() {
    while (m_pos < m_end || fill()) {
        const char c = m_buf[m_pos];
        if (c != '\n' && c != '\r') {
            return;
        }
        ++m_pos;
        if (c == '\r' && (m_pos < m_end || fill()) && m_buf[m_pos] == '\n') {
            ++m_pos;
        }
        ++m_line;
        ++m_row;  // an empty line keeps its number, as in a spreadsheet or an editor
    }
}

bool RowFramer::next(RawRow& row) {
    if (m_done) {
        return false;
    }
    if (!m_started && !start()) {
        m_done = true;
        row = RawRow{{}, 1, 1, m_problem, true};
        return true;
    }
    skip_empty_lines();
    if (m_pos == m_end) {
        m_done = true;
        return false;
    }
    row = RawRow{{}, ++m_row, m_line, {}, false};
    return fast_row(row) || scan_row(row);  // false: a read error cut the row
}

/// A row on one line without quotes, ending in LF or CRLF whole in the buffer: found in one scan.
bool RowFramer::fast_row(RawRow& row) {
    const char* begin = m_buf.data() + m_pos;
    const char* end = m_buf.data() + m_end;
    const char* at = find_row_special(begin, end);
    std::size_t line_end = 0;
    if (at < end && *at == '\n') {
        line_end = 1;
    } else if (at + 1 < end && at[0] == '\r' && at[1] == '\n') {
        line_end = 2;
    }
    const auto text = static_cast<std::size_t>(at - begin);
    if (line_end == 0 || text > m_max_row_bytes) {
        return false;  // a quote, a lone CR, or the row goes on past the buffer
    }
    row.bytes = std::string_view(begin, text);
    m_pos += text + line_end;
    ++m_line;
    return true;
}

/// Byte by byte through quotes, reading more as needed; a row over the cap is scanned to its end
/// without being kept.
bool RowFramer::scan_row(RawRow& row) {
    Scan s;
    s.start = m_pos;
    s.i = m_pos;
    s.line = m_line;
    while (!step(s)) {
        // At the end of the buffer: keep the row (or, once too long, nothing) and read more.
        const std::size_t keep_from = s.too_long ? s.i : s.start;
        s.dropped += keep_from - s.start;
        m_pos = keep_from;
        const std::size_t scanned = s.i - keep_from;
        const bool more = fill();
        s.start = m_pos;
        s.i = m_pos + scanned;
        if (!more && s.i >= m_end) {
            if (m_error != 0) {
                // A read failed inside the row: the row is cut, never framed (error() reports it,
                // at the line the row starts on).
                m_line = row.line;
                m_done = true;
                return false;
            }
            s.line_end = 0;  // the input ends: so does the row
            break;
        }
    }
    finish_row(row, s, s.i, s.line_end);
    return true;
}

/// Scans from s.i; true when the row ends at s.i (s.line_end set), false at the end of the buffer.
bool RowFramer::step(Scan& s) {
    const char delimiter = m_dialect.delimiter;
    for (; s.i < m_end; ++s.i) {
        if (!s.too_long && s.dropped + (s.i - s.start) > m_max_row_bytes) {
            s.too_long = true;
        }
        const char c = m_buf[s.i];
        if (s.state == State::quoted) {
            s.line += c == '\n' ? 1 : 0;
            s.state = c == '"' ? State::after_quote : State::quoted;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && s.i + 1 == m_end && !m_eof) {
                return false;  // a CR at the end of the buffer: is it CRLF?
            }
            s.line_end = c == '\r' && s.i + 1 < m_end && m_buf[s.i + 1] == '\n' ? 2 : 1;
            return true;
        } else if (c == delimiter) {
            s.state = State::field_start;
            ++s.column;
        } else if (c == '"' && (s.state == State::field_start || s.state == State::after_quote)) {
            s.quote_line = s.state == State::field_start ? s.line : s.quote_line;
            s.state = State::quoted;  // an opening quote, or the second of a doubled one
        } else {
            s.state = State::unquoted;  // after a closing quote: split_cells reports it
        }
    }
    return false;
}

void RowFramer::finish_row(RawRow& row, const Scan& s, std::size_t end, std::size_t line_end) {
    row.bytes = s.too_long ? std::string_view() : std::string_view(m_buf.data() + s.start, end - s.start);
    m_pos = end + line_end;
    m_line = s.line + (line_end > 0 ? 1 : 0);
    if (s.state == State::quoted && line_end == 0) {
        m_problem = "column " + std::to_string(s.column) + ": unterminated quoted field (opened on line " +
                    std::to_string(s.quote_line) + ")";
        row.problem = m_problem;
        row.stops = true;  // the rest of the input was taken into this row
        m_done = true;
    } else if (s.too_long) {
        m_problem = "row longer than " + std::to_string(m_max_row_bytes) + " bytes: not read";
        row.problem = m_problem;
    }
    if (line_end == 0) {
        m_done = m_done || m_pos == m_end;
    }
}

namespace {

std::string column_problem(std::size_t column, std::string_view what) {
    return "column " + std::to_string(column) + ": " + std::string(what);
}

/// A quoted cell from just after its opening quote; `p` ends after the closing quote.
std::optional<std::string> quoted_cell(const char*& p, const char* end, std::size_t column,
                                       std::vector<std::string_view>& cells, std::string& scratch) {
    const char* begin = p;
    const std::size_t from = scratch.size();
    bool doubled = false;
    while (true) {
        const auto* quote = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        if (quote == nullptr) {
            return column_problem(column, "unterminated quoted field");
        }
        if (quote + 1 < end && quote[1] == '"') {
            scratch.append(p, quote + 1);  // one quote of the two
            doubled = true;
            p = quote + 2;
            continue;
        }
        if (doubled) {
            scratch.append(p, quote);
            cells.emplace_back(scratch.data() + from, scratch.size() - from);
        } else {
            cells.emplace_back(begin, static_cast<std::size_t>(quote - begin));
        }
        p = quote + 1;
        return std::nullopt;
    }
}

/// A row without quotes: its cells are what lies between the delimiters.
void split_plain(std::string_view row, char delimiter, std::vector<std::string_view>& cells) {
    const char* p = row.data();
    const char* const end = p + row.size();
    const char* begin = p;
#ifdef __SSE2__
    const __m128i wanted = _mm_set1_epi8(delimiter);
    for (; end - p >= 16; p += 16) {
        auto mask = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), wanted)));
        for (; mask != 0; mask &= mask - 1) {
            const char* at = p + __builtin_ctz(mask);
            cells.emplace_back(begin, static_cast<std::size_t>(at - begin));
            begin = at + 1;
        }
    }
#endif
    for (; p < end; ++p) {
        if (*p == delimiter) {
            cells.emplace_back(begin, static_cast<std::size_t>(p - begin));
            begin = p + 1;
        }
    }
    cells.emplace_back(begin, static_cast<std::size_t>(end - begin));
}

}  // namespace

std::optional<std::string> split_cells(std::string_view row, const Dialect& dialect,
                                       std::vector<std::string_view>& cells, std::string& scratch) {
    cells.clear();
    if (std::memchr(row.data(), '"', row.size()) == nullptr) {
        split_plain(row, dialect.delimiter, cells);  // most rows: one pass, no quoting rules to apply
        return std::nullopt;
    }
    scratch.clear();
    scratch.reserve(row.size());  // every unquoted cell fits: the views into it stay valid
    const char delimiter = dialect.delimiter;
    const char* p = row.data();
    const char* const end = p + row.size();
    for (std::size_t column = 1;; ++column) {
        if (p < end && *p == '"') {
            if (auto problem = quoted_cell(++p, end, column, cells, scratch)) {
                return problem;
            }
            if (p < end && *p != delimiter) {
                return column_problem(column,
                                      "text after the closing quote (a quote inside a quoted field is written twice)");
            }
        } else {
            const char* begin = p;
            for (; p < end && *p != delimiter; ++p) {
                if (*p == '"') {
                    return column_problem(
                        column, "a quote inside an unquoted field (quote the whole field and write the quote twice)");
                }
            }
            cells.emplace_back(begin, static_cast<std::size_t>(p - begin));
        }
        if (p >= end) {
            return std::nullopt;
        }
        ++p;  // the delimiter
    }
}

std::vector<std::optional<std::string>> split_cells_leniently(std::string_view row, const Dialect& dialect) {
    std::vector<std::optional<std::string>> out;
    std::vector<std::string_view> one;
    std::string scratch;
    const auto add = [&](std::string_view cell) {
        if (split_cells(cell, dialect, one, scratch) || one.size() != 1) {
            out.emplace_back();
        } else {
            out.emplace_back(std::string(one.front()));
        }
    };
    bool quoted = false;
    bool cell_start = true;  // or right after a closing quote: where a quote opens quoting
    std::size_t begin = 0;
    for (std::size_t i = 0; i < row.size(); ++i) {
        const char c = row[i];
        if (quoted) {
            quoted = c != '"';
            cell_start = c == '"';
        } else if (c == dialect.delimiter) {
            add(row.substr(begin, i - begin));
            begin = i + 1;
            cell_start = true;
        } else {
            quoted = c == '"' && cell_start;
            cell_start = false;
        }
    }
    add(row.substr(begin));
    return out;
}

char header_delimiter(std::string_view row, char fallback) noexcept {
    std::size_t comma = 0;
    std::size_t semicolon = 0;
    std::size_t tab = 0;
    bool quoted = false;
    for (const char c : row) {
        if (c == '"') {
            quoted = !quoted;  // a doubled quote turns it off and on again
        } else if (!quoted) {
            comma += c == ',' ? 1 : 0;
            semicolon += c == ';' ? 1 : 0;
            tab += c == '\t' ? 1 : 0;
        }
    }
    const std::size_t most = std::max({comma, semicolon, tab});
    if (most == 0) {
        return fallback;
    }
    const std::size_t of_fallback = fallback == ',' ? comma : (fallback == ';' ? semicolon : tab);
    if (of_fallback == most) {
        return fallback;
    }
    return comma == most ? ',' : (semicolon == most ? ';' : '\t');
}

}  // namespace lmsstage::cli::csv
