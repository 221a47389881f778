#include "cli/record_stream.hpp"

#include <cstring>
#include <string>

namespace lmsstage::cli {
namespace {

constexpr std::size_t k_chunk = std::size_t{1} << 18;
constexpr std::string_view k_too_long = "record longer than 1 MiB (1048576 bytes): not read";
constexpr std::string_view k_truncated = "input ended inside this record (truncated)";
constexpr std::string_view k_broken_line = "the record's JSON is not complete on its line (truncated?)";
constexpr std::string_view k_no_comma = "expected ',' between the records of the array";

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// A sliding window over the input: [pos, end) is unread data.
class Window {
public:
    explicit Window(std::istream& in) : m_in(in), m_buf(k_max_record_bytes + 2 * k_chunk, '\0') {}

    /// Reads more after moving unread data to the front; false at end of input.
    bool fill() {
        if (m_eof) {
            return false;
        }
        if (m_pos > 0) {
            std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end - m_pos);
            m_end -= m_pos;
            m_pos = 0;
        }
        const std::size_t room = m_buf.size() - m_end;
        m_in.read(m_buf.data() + m_end, static_cast<std::streamsize>(room));
        const auto got = static_cast<std::size_t>(m_in.gcount());
        m_end += got;
        if (got == 0) {
            m_eof = true;
            return false;
        }
        return true;
    }
    [[nodiscard]] const char* data() const { return m_buf.data(); }
    [[nodiscard]] std::size_t pos() const { return m_pos; }
    [[nodiscard]] std::size_t end() const { return m_end; }
    void set_pos(std::size_t p) { m_pos = p; }
    [[nodiscard]] bool eof() const { return m_eof; }

private:
    std::istream& m_in;
    std::string m_buf;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    bool m_eof = false;
};

/// True when `line` leaves an object, array or string open at its end.
bool structurally_open(std::string_view line) {
    int depth = 0;
    bool in_string = false;
    bool escape = false;
    for (char c : line) {
        if (in_string) {
            if (escape) {
                escape = false;
            } else if (c == '\\') {
                escape = true;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return in_string || depth > 0;
}

/// True when a first line opens an object it does not close: the start of a pretty-printed JSON
/// document rather than an NDJSON record (a broken line of anything else stays one record).
bool starts_document(std::string_view line) {
    const std::size_t first = line.find_first_not_of(" \t");
    return first != std::string_view::npos && line[first] == '{' && structurally_open(line);
}

class Splitter {
public:
    Splitter(std::istream& in, const std::function<bool(const RawRecord&)>& on_record,
             const std::function<void(const StreamProblem&)>& on_problem)
        : m_window(in), m_on_record(on_record), m_on_problem(on_problem) {}

    bool run() {
        m_window.fill();
        // A UTF-8 byte-order mark at the very start is not part of the data.
        if (m_window.end() >= 3 && std::memcmp(m_window.data(), "\xEF\xBB\xBF", 3) == 0) {
            m_window.set_pos(3);
        }
        std::size_t i = m_window.pos();
        while (i < m_window.end() && is_ws(m_window.data()[i])) {
            ++i;
        }
        if (i < m_window.end() && m_window.data()[i] == '[') {
            return structural(true, 1);
        }
        return ndjson();
    }

private:
    bool emit(std::string_view bytes, RecordPlace place, std::string_view problem) {
        return m_on_record(RawRecord{problem.empty() ? bytes : std::string_view{}, place, problem});
    }

    /// NDJSON from the window's position; `line` is the number of the line before it.
    bool ndjson(long long line = 0, bool first = true) {
        bool skipping = false;  // inside an over-long line whose error is already out
        std::size_t scan = m_window.pos();
        while (true) {
            const char* base = m_window.data();
            const void* hit = scan < m_window.end() ? std::memchr(base + scan, '\n', m_window.end() - scan) : nullptr;
            if (hit == nullptr) {
                const std::size_t pending = m_window.end() - m_window.pos();
                if (!skipping && pending > k_max_record_bytes + 1) {
                    ++line;
                    skipping = true;
                    first = false;  // an over-long line is a record: the next one is not the first
                    if (!emit({}, RecordPlace::line(line), k_too_long)) {
                        return false;
                    }
                }
                if (skipping) {
                    m_window.set_pos(m_window.end());  // drop what was read of the long line
                }
                const std::size_t kept = m_window.end() - m_window.pos();
                if (!m_window.fill()) {
                    if (!skipping && kept > 0) {
                        ++line;
                        std::string_view text(m_window.data() + m_window.pos(), kept);
                        if (!text.empty() && text.back() == '\r') {
                            text.remove_suffix(1);
                        }
                        if (text.size() > k_max_record_bytes) {
                            return emit({}, RecordPlace::line(line), k_too_long);
                        }
                        if (!blank(text)) {
                            if (first && starts_document(text)) {
                                return emit({}, RecordPlace::line(line), k_broken_line);
                            }
                            return emit(text, RecordPlace::line(line), {});
                        }
                    }
                    return true;
                }
                scan = m_window.pos() + kept;
                continue;
            }
            const auto nl = static_cast<std::size_t>(static_cast<const char*>(hit) - base);
            if (skipping) {
                skipping = false;
                m_window.set_pos(nl + 1);
                scan = nl + 1;
                continue;
            }
            ++line;
            std::string_view text(base + m_window.pos(), nl - m_window.pos());
            if (!text.empty() && text.back() == '\r') {
                text.remove_suffix(1);
            }
            if (text.size() > k_max_record_bytes) {
                first = false;
                if (!emit({}, RecordPlace::line(line), k_too_long)) {
                    return false;
                }
            } else if (!blank(text)) {
                if (first && starts_document(text)) {
                    // A JSON document laid out over several lines (pretty-printed): read it
                    // value by value from this line on (back to lines if it was a broken line).
                    return structural(false, line);
                }
                first = false;
                if (!emit(text, RecordPlace::line(line), {})) {
                    return false;
                }
            }
            m_window.set_pos(nl + 1);
            scan = nl + 1;
        }
    }

    static bool blank(std::string_view text) {
        for (char c : text) {
            if (!is_ws(c)) {
                return false;
            }
        }
        return true;
    }

    enum class Shape { container, string, scalar };

    /// Byte-wise reading of a JSON array of records (array = true) or of whitespace-separated
    /// JSON values. `line` is the line number at the window's position.
    bool structural(bool array, long long line) {
        std::string record;
        bool in_value = false;
        bool overflow = false;
        Shape shape = Shape::scalar;
        int depth = 0;
        bool in_string = false;
        bool escape = false;
        long long start_line = line;
        long long index = 0;
        bool opened = false;     // array: '[' seen
        bool closed = false;     // array: ']' seen
        bool need_comma = false; // array: a record ended, ',' or ']' must come next
        bool missing_comma = false;
        bool line_start = false;  // the previous byte was a newline (it may be at a window's end)

        auto place = [&]() {
            return array ? RecordPlace::index(index) : RecordPlace::line(start_line);
        };
        auto finish = [&]() -> bool {
            in_value = false;
            std::string_view problem = overflow ? k_too_long : (missing_comma ? k_no_comma : std::string_view{});
            const bool go_on = emit(record, place(), problem);
            ++index;
            need_comma = array;
            missing_comma = false;
            overflow = false;
            return go_on;
        };
        auto append = [&](char c) {
            if (record.size() < k_max_record_bytes) {
                record += c;
            } else {
                overflow = true;
            }
        };

        while (true) {
            if (m_window.pos() >= m_window.end() && !m_window.fill()) {
                break;
            }
            const char* data = m_window.data();
            std::size_t i = m_window.pos();
            const std::size_t end = m_window.end();
            for (; i < end; ++i) {
                const char c = data[i];
                // Inside a multi-line value, a '{' opening a line starts the next NDJSON record, and
                // a raw newline cannot be inside a JSON string: the value was a broken line. Go
                // back to reading lines from the line that follows it.
                if (line_start && in_value && !array) {
                    line_start = false;
                    if (c == '{' && shape == Shape::container && !in_string) {
                        if (!emit({}, place(), k_broken_line)) {
                            return false;
                        }
                        m_window.set_pos(i);
                        return ndjson(line - 1, false);
                    }
                }
                if (in_value && !array && c == '\n' && in_string) {
                    if (!emit({}, place(), k_broken_line)) {
                        return false;
                    }
                    m_window.set_pos(i + 1);
                    return ndjson(line, false);
                }
                line_start = c == '\n';
                if (in_value) {
                    if (in_string) {
                        append(c);
                        if (escape) {
                            escape = false;
                        } else if (c == '\\') {
                            escape = true;
                        } else if (c == '"') {
                            in_string = false;
                            if (shape == Shape::string && !finish()) {
                                return false;
                            }
                        }
                        if (c == '\n') {
                            ++line;
                        }
                        continue;
                    }
                    if (shape == Shape::scalar) {
                        if (is_ws(c) || c == ',' || c == ']' || c == '}' || c == '[' || c == '{' || c == '"') {
                            if (!finish()) {
                                return false;
                            }
                            // fall through: the terminator is read between values
                        } else {
                            append(c);
                            continue;
                        }
                    } else {
                        append(c);
                        if (c == '"') {
                            in_string = true;
                        } else if (c == '{' || c == '[') {
                            ++depth;
                        } else if (c == '}' || c == ']') {
                            if (--depth == 0 && !finish()) {
                                return false;
                            }
                        } else if (c == '\n') {
                            ++line;
                        }
                        continue;
                    }
                }
                // Between values.
                if (c == '\n') {
                    ++line;
                    continue;
                }
                if (is_ws(c)) {
                    continue;
                }
                if (array) {
                    if (closed) {
                        m_on_problem({line, "unexpected text after the closing ] of the array"});
                        m_window.set_pos(end);
                        return true;
                    }
                    if (!opened) {
                        opened = c == '[';
                        continue;
                    }
                    if (c == ']') {
                        closed = true;
                        continue;
                    }
                    if (c == ',') {
                        if (!need_comma) {
                            // "[,": an empty slot is a record that is missing.
                            record.clear();
                            if (!emit(record, place(), "missing value between commas")) {
                                return false;
                            }
                            ++index;
                        }
                        need_comma = false;
                        continue;
                    }
                    missing_comma = need_comma;
                }
                // A value starts.
                in_value = true;
                record.clear();
                start_line = line;
                depth = 0;
                escape = false;
                in_string = false;
                record += c;
                if (c == '{' || c == '[') {
                    shape = Shape::container;
                    depth = 1;
                } else if (c == '"') {
                    shape = Shape::string;
                    in_string = true;
                } else {
                    shape = Shape::scalar;
                }
            }
            m_window.set_pos(end);
        }
        if (in_value) {
            if (shape == Shape::scalar) {
                return finish();
            }
            in_value = false;
            if (!emit({}, place(), k_truncated)) {
                return false;
            }
        }
        if (array && opened && !closed) {
            m_on_problem({line, "input ended before the closing ] of the array"});
        }
        return true;
    }

    Window m_window;
    const std::function<bool(const RawRecord&)>& m_on_record;
    const std::function<void(const StreamProblem&)>& m_on_problem;
};

}  // namespace

bool split_records(std::istream& in, const std::function<bool(const RawRecord&)>& on_record,
                   const std::function<void(const StreamProblem&)>& on_problem) {
    Splitter splitter(in, on_record, on_problem);
    return splitter.run();
}

}  // namespace lmsstage::cli
