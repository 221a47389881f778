#include "doors/csv_writer.hpp"

namespace lmsstage::doors::csv {

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

}  // namespace lmsstage::doors::csv
