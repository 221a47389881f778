#include "doors/csv_writer.hpp"

#include <array>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "doors/safe_text.hpp"

namespace lmsstage::doors::csv {
namespace {

/// A C0 control but tab, LF and CR, or DEL: written escaped in a safe cell.
bool is_escaped_control(unsigned char byte) noexcept {
    return (byte < 0x20U && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7FU;
}

/// True when `text` (holding a byte >= 0x80) is not valid UTF-8, or holds a C1 control.
bool needs_utf8_care(std::string_view text, bool raw) noexcept {
    if (!is_valid_utf8(text)) {
        return true;
    }
    if (raw) {
        return false;
    }
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (static_cast<unsigned char>(text[i]) == 0xC2U && static_cast<unsigned char>(text[i + 1]) < 0xA0U) {
            return true;  // U+0080-U+009F
        }
    }
    return false;
}

void append_control_escape(std::string& out, unsigned value) {
    static constexpr std::array<char, 16> k_hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                   '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    out += "\\u00";
    out += k_hex[(value >> 4U) & 0xFU];
    out += k_hex[value & 0xFU];
}

}  // namespace

bool is_formula_trigger(char c) noexcept {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

namespace {

/// Scans `text` from `i` byte by byte (the careful way), adding to what `scan` found.
FieldScan scan_bytes(std::string_view text, std::size_t i, const Dialect& dialect, FieldScan scan) noexcept {
    bool wide = false;
    for (; i < text.size(); ++i) {
        const char ch = text[i];
        const auto byte = static_cast<unsigned char>(ch);
        if (ch == dialect.delimiter || ch == '\n' || ch == '\r') {
            scan.quote = true;
        } else if (ch == '"') {
            scan.quote = true;
            scan.doubled = true;
        } else if (!dialect.raw_cells && is_escaped_control(byte)) {
            scan.quote = true;
            scan.safe = true;
        }
        wide = wide || byte >= 0x80U;
    }
    if (wide && needs_utf8_care(text, dialect.raw_cells)) {
        scan.quote = true;
        scan.safe = true;
    }
    return scan;
}

}  // namespace

FieldScan scan_field(std::string_view text, const Dialect& dialect) noexcept {
    FieldScan scan;
    if (text.empty()) {
        return scan;
    }
    const auto edge = [](char ch) { return ch == ' ' || ch == '\t'; };
    if (edge(text.front()) || edge(text.back())) {
        scan.quote = true;
    }
    if (!dialect.raw_cells && is_formula_trigger(text.front())) {
        scan.quote = true;
        scan.safe = true;
    }
    std::size_t i = 0;
#ifdef __SSE2__
    // Sixteen bytes at a time while they are printable ASCII other than '"' (the delimiter only
    // asks for quotes); the first other byte sends the rest to the byte-wise scan.
    const __m128i below_space = _mm_set1_epi8(0x20);
    const __m128i del = _mm_set1_epi8(0x7F);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i delimiter = _mm_set1_epi8(dialect.delimiter);
    // True when the sixteen bytes at `p` are all plain; notes a delimiter among them.
    const auto plain = [&](const char* p) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        // Signed: bytes from 0x80 are negative, so below 0x20 too.
        const __m128i special = _mm_or_si128(_mm_cmplt_epi8(chunk, below_space),
                                             _mm_or_si128(_mm_cmpeq_epi8(chunk, del), _mm_cmpeq_epi8(chunk, quote)));
        if (_mm_movemask_epi8(special) != 0) {
            return false;
        }
        scan.quote = scan.quote || _mm_movemask_epi8(_mm_cmpeq_epi8(chunk, delimiter)) != 0;
        return true;
    };
    if (text.size() < 16) {
        // A short cell (an id, a code): padded with a plain letter to sixteen bytes.
        std::array<char, 16> padded{};
        padded.fill('a');
        std::memcpy(padded.data(), text.data(), text.size());
        return plain(padded.data()) ? scan : scan_bytes(text, 0, dialect, scan);
    }
    for (; i + 16 <= text.size(); i += 16) {
        if (!plain(text.data() + i)) {
            return scan_bytes(text, i, dialect, scan);
        }
    }
    // The last sixteen bytes, overlapping what was checked: no byte-wise tail.
    if (i == text.size() || plain(text.data() + text.size() - 16)) {
        return scan;
    }
#endif
    return scan_bytes(text, i, dialect, scan);
}

bool needs_quotes(std::string_view text, const Dialect& dialect) noexcept { return scan_field(text, dialect).quote; }

std::string safe_cell(std::string_view text, const Dialect& dialect) {
    std::string valid = valid_utf8(text);
    if (dialect.raw_cells) {
        return valid;
    }
    std::string out;
    out.reserve(valid.size() + 1);
    if (!valid.empty() && is_formula_trigger(valid.front())) {
        out += '\'';
    }
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const auto byte = static_cast<unsigned char>(valid[i]);
        if (is_escaped_control(byte)) {
            append_control_escape(out, byte);
        } else if (byte == 0xC2U && i + 1 < valid.size() && static_cast<unsigned char>(valid[i + 1]) < 0xA0U) {
            append_control_escape(out, static_cast<unsigned char>(valid[i + 1]));  // C1 control
            ++i;
        } else {
            out += valid[i];
        }
    }
    return out;
}

void append_field(std::string& out, std::string_view text, const Dialect& dialect) {
    append_field(out, text, dialect, scan_field(text, dialect));
}

void append_field(std::string& out, std::string_view text, const Dialect& dialect, const FieldScan& scan) {
    if (!scan.quote) {
        out += text;
        return;
    }
    if (!scan.safe && !scan.doubled) {
        // Printable text with the delimiter or a line break: safe as it is, only quoted.
        out += '"';
        out += text;
        out += '"';
        return;
    }
    const std::string safe = scan.safe ? safe_cell(text, dialect) : std::string(text);
    out += '"';
    for (const char ch : safe) {
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

}  // namespace lmsstage::doors::csv
