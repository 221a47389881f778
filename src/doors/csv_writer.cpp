#include "doors/csv_writer.hpp"

#include <array>

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

bool needs_quotes(std::string_view text, const Dialect& dialect) noexcept {
    if (text.empty()) {
        return false;
    }
    const auto edge = [](char ch) { return ch == ' ' || ch == '\t'; };
    if (edge(text.front()) || edge(text.back()) || (!dialect.raw_cells && is_formula_trigger(text.front()))) {
        return true;
    }
    bool wide = false;
    for (const char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        if (ch == dialect.delimiter || ch == '"' || ch == '\n' || ch == '\r' ||
            (!dialect.raw_cells && is_escaped_control(byte))) {
            return true;
        }
        wide = wide || byte >= 0x80U;
    }
    return wide && needs_utf8_care(text, dialect.raw_cells);
}

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
    if (!needs_quotes(text, dialect)) {
        out += text;
        return;
    }
    const std::string safe = safe_cell(text, dialect);
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
