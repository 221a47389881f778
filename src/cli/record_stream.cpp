#include "cli/record_stream.hpp"

#include <cstring>
#include <string>
#include <vector>

namespace lmsstage::cli {
namespace {

using OnRecord = std::function<bool(const RawRecord&)>;

constexpr std::size_t k_chunk = std::size_t{1} << 18;
constexpr std::string_view k_too_long = "record longer than 1 MiB (1048576 bytes): not read";
constexpr std::string_view k_truncated = "the input ends inside this record (truncated?)";
constexpr std::string_view k_rest = "; the rest of this input was not read";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_space(char c) { return is_blank(c) || c == '\n'; }
bool ends_scalar(char c) { return is_space(c) || std::string_view(",:[]{}\"").find(c) != std::string_view::npos; }

class Framer {
public:
    Framer(const ReadFn& read, const OnRecord& on_record) : m_read(read), m_on_record(on_record), m_buf(k_chunk) {}

    StreamEnd run() {
        start();
        if (m_consumer_stopped || m_error != 0) {
            return StreamEnd{m_consumer_stopped ? StreamEnd::Kind::consumer_stopped : StreamEnd::Kind::read_error,
                             m_error, m_line};
        }
        return StreamEnd{};
    }

private:
    // ---- the input buffer --------------------------------------------------------------------

    /// Makes at least `n` unread bytes available unless the input ends first; false if it did.
    bool ensure(std::size_t n) {
        while (m_end - m_pos < n && !m_eof) {
            std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end - m_pos);
            m_end -= m_pos;
            m_pos = 0;
            const ReadResult got = m_read(m_buf.data() + m_end, m_buf.size() - m_end);
            m_error = got.error;
            m_eof = got.bytes == 0 || got.error != 0;
            m_end += got.bytes;
        }
        return m_end - m_pos >= n;
    }
    int peek() { return ensure(1) ? static_cast<unsigned char>(m_buf[m_pos]) : -1; }
    void advance() {
        if (m_buf[m_pos++] == '\n') {
            ++m_line;
            m_line_start = m_consumed + 1;
        }
        ++m_consumed;
    }
    [[nodiscard]] long long column() const { return m_consumed - m_line_start + 1; }

    // ---- records -----------------------------------------------------------------------------

    /// Hands a record on; false (and reading ends) when the consumer stops or when `stops`.
    bool emit(std::string_view bytes, RecordPlace place, std::string_view problem, bool stops = false) {
        m_consumer_stopped =
            !m_on_record(RawRecord{problem.empty() ? bytes : std::string_view{}, place, problem, stops});
        return !m_consumer_stopped && !stops;
    }
    /// Reading this input stops at the current byte: one error record saying where and why.
    bool stop(const std::string& why) {
        const RecordPlace place{m_line, column(), -1, {}};
        m_problem = "invalid JSON at line " + std::to_string(m_line) + ", column " + std::to_string(place.column) +
                    ": " + why + std::string(k_rest);
        return emit({}, place, m_problem, true);
    }
    /// Keeps a record's bytes up to the limit (one more, so that a CR can still be taken off).
    void keep(const char* bytes, std::size_t n) {
        m_record_size += n;
        if (m_record.size() <= k_max_record_bytes) {
            m_record.append(bytes, std::min(n, k_max_record_bytes + 1 - m_record.size()));
        }
    }

    bool start() {
        ensure(4);
        const std::string_view head(m_buf.data(), m_end);
        if (const std::string_view problem = wide_input_problem(head); !problem.empty()) {
            return emit({}, RecordPlace{1, 1, -1, {}}, problem, true);
        }
        if (head.substr(0, 3) == "\xEF\xBB\xBF") {
            m_pos = 3;  // a UTF-8 byte-order mark is not data, nor part of the first line's columns
            m_consumed = 3;
            m_line_start = 3;
        }
        int c = peek();
        for (; c >= 0 && is_space(static_cast<char>(c)); c = peek()) {
            advance();
        }
        if (c == '[' || (c == '{' && lone_brace())) {
            return json_text();
        }
        return ndjson();
    }

    /// True when the '{' at the read position is alone on its line (blanks aside; looked at for
    /// up to 256 KiB), or the input ends after it.
    bool lone_brace() {
        std::size_t k = 1;
        while (k < k_chunk && ensure(k + 1) && is_blank(m_buf[m_pos + k])) {
            ++k;
        }
        return k == k_chunk || !ensure(k + 1) || m_buf[m_pos + k] == '\n';
    }

    // ---- NDJSON: one record a line -----------------------------------------------------------

    bool ndjson() {
        while (ensure(1)) {
            const char* begin = m_buf.data() + m_pos;
            const std::size_t available = m_end - m_pos;
            const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', available));
            const std::string_view piece(begin,
                                         newline != nullptr ? static_cast<std::size_t>(newline - begin) : available);
            m_pos += piece.size();
            m_consumed += static_cast<long long>(piece.size());
            if (!piece.empty()) {
                m_last = piece.back();
                m_nonblank = m_nonblank || piece.find_first_not_of(" \t\r") != std::string_view::npos;
            }
            const bool whole = newline != nullptr && m_record_size == 0;  // no copy: the line is in the buffer
            if (whole) {
                m_record_size = piece.size();
            } else {
                keep(piece.data(), piece.size());
            }
            if (newline != nullptr) {
                if (!end_line(whole ? piece : std::string_view(m_record))) {
                    return false;
                }
                advance();
            }
        }
        return m_record_size == 0 || m_error != 0 || end_line(m_record);
    }

    /// A line read: a record unless it is blank. `text` holds its first bytes (all, up to the limit).
    bool end_line(std::string_view text) {
        const std::size_t size = m_record_size - (m_record_size > 0 && m_last == '\r' ? 1 : 0);  // CRLF: no CR
        const bool go_on = !m_nonblank || emit(text.substr(0, size), RecordPlace::at_line(m_line),
                                               size > k_max_record_bytes ? k_too_long : "");
        m_record_size = 0;
        m_nonblank = false;
        m_last = '\0';
        m_record.clear();
        return go_on;
    }

    // ---- a JSON text: values one after another ------------------------------------------------

    enum class At { top, array_first, array_next, array_after };

    bool json_text() {
        At at = At::top;
        long long index = 0;
        for (int c = peek(); c >= 0; c = peek()) {
            if (is_space(static_cast<char>(c))) {
                advance();
            } else if (!outside_records(static_cast<char>(c), at, index)) {
                return false;
            }
        }
        if (m_error == 0 && at != At::top) {
            return stop("the input ends inside an array: ']' is missing (truncated?)");
        }
        return true;
    }

    /// One step between records; false when reading stops.
    bool outside_records(char c, At& at, long long& index) {
        const bool close = c == ']' && at != At::top && at != At::array_next;
        if (c == '[' && at == At::top) {
            index = 0;
            at = At::array_first;
        } else if (close || (c == ',' && at == At::array_after)) {
            at = close ? At::top : At::array_next;
        } else if (at == At::array_after) {
            return stop("expected ',' or ']' after a record");
        } else if (c == ']' || c == '}' || c == ',' || c == ':') {
            return stop(std::string("unexpected '") + c + "'" + (at == At::top ? "" : ": expected a record"));
        } else {
            RecordPlace place = RecordPlace::at_line(m_line);
            if (at != At::top) {
                place.index = index++;
                at = At::array_after;
            }
            return record(place);
        }
        advance();
        return true;
    }

    /// One value, from its first byte to its last, kept (up to the limit) and handed on.
    bool record(RecordPlace place) {
        m_record.clear();
        m_record_size = 0;
        const char first = m_buf[m_pos];
        bool complete = false;
        if (first == '{' || first == '[' || first == '"') {
            if (!container(complete)) {
                return false;
            }
        } else {
            do {  // a scalar (or any other text): its first byte, then up to a delimiter
                keep(&m_buf[m_pos], 1);
                advance();
            } while (peek() >= 0 && !ends_scalar(m_buf[m_pos]));
            complete = true;
        }
        const bool too_long = m_record_size > k_max_record_bytes;
        m_record_size = 0;
        return m_error == 0 && emit(m_record, place, !complete ? k_truncated : (too_long ? k_too_long : ""), !complete);
    }

    /// An object, array or string: brackets matched by kind, strings on one line.
    bool container(bool& complete) {
        m_open.clear();
        bool in_string = false;
        bool escaped = false;
        for (int i = peek(); i >= 0; i = peek()) {
            const char c = static_cast<char>(i);
            if (in_string) {
                if (c == '\n') {
                    return stop("a line ends inside a string (a JSON string cannot hold a raw line break)");
                }
                in_string = escaped || c != '"';
                escaped = !escaped && c == '\\';
            } else if (c == '"') {
                in_string = true;
            } else if (c == '{' || c == '[') {
                m_open += c;
                if (m_open.size() > k_max_record_bytes) {
                    return stop("nested more than 1048576 levels deep");
                }
            } else if (c == '}' || c == ']') {
                if (m_open.empty() || m_open.back() != (c == '}' ? '{' : '[')) {
                    return stop(
                        std::string("'") + c + "' does not close " +
                        (m_open.empty() ? std::string("anything") : "the '" + m_open.substr(m_open.size() - 1) + "'"));
                }
                m_open.pop_back();
            }
            keep(&m_buf[m_pos], 1);
            advance();
            if (m_open.empty() && !in_string) {
                complete = true;
                return true;
            }
        }
        return true;  // the input ended inside the value: complete stays false
    }

    const ReadFn& m_read;
    const OnRecord& m_on_record;
    std::vector<char> m_buf;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    bool m_eof = false;
    int m_error = 0;
    long long m_line = 1;
    long long m_consumed = 0;       // bytes read past, for columns
    long long m_line_start = 0;     // m_consumed at the start of the current line
    std::string m_record;           // the record's bytes when they are not in the buffer in one piece
    std::size_t m_record_size = 0;  // the whole record's size, kept or not
    bool m_nonblank = false;        // NDJSON: the line so far has a character other than blanks
    char m_last = '\0';             // NDJSON: the line's last byte so far
    bool m_consumer_stopped = false;
    std::string m_open;  // the brackets open in the current value
    std::string m_problem;
};

}  // namespace

std::string_view wide_input_problem(std::string_view head) noexcept {
    if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF" ||
        head.substr(0, 2).find('\0') != std::string_view::npos) {
        return "the input is UTF-16 or UTF-32 (it starts with a byte-order mark or a NUL byte): lmsstage reads UTF-8; "
               "convert it first, e.g. iconv -f UTF-16 -t UTF-8; the rest of this input was not read";
    }
    return {};
}

StreamEnd split_records(const ReadFn& read, const std::function<bool(const RawRecord&)>& on_record) {
    Framer framer(read, on_record);
    return framer.run();
}

}  // namespace lmsstage::cli
