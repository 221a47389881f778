#pragma once
// Parses JSON text with nlohmann_json (strict RFC 8259, UTF-8 checked) and reports what the fuzz
// properties need: whether it parsed, the value, its deepest nesting, and whether any object
// repeats a key (nlohmann_json itself would silently keep the last one).

#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace lmsstage_fuzz {

struct Inspected {
    bool parsed = false;
    nlohmann::json value;
    std::size_t max_depth = 0;  ///< 1 for a flat object or array, 0 for a scalar
    bool duplicate_key = false;
};

/// True when `token` is one JSON number (RFC 8259 grammar): -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
inline bool is_json_number(std::string_view token) {
    std::size_t i = 0;
    const auto digit = [&](std::size_t at) { return at < token.size() && token[at] >= '0' && token[at] <= '9'; };
    if (i < token.size() && token[i] == '-') {
        ++i;
    }
    if (!digit(i)) {
        return false;
    }
    if (token[i] == '0') {
        ++i;
    } else {
        while (digit(i)) {
            ++i;
        }
    }
    if (i < token.size() && token[i] == '.') {
        ++i;
        if (!digit(i)) {
            return false;
        }
        while (digit(i)) {
            ++i;
        }
    }
    if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
        ++i;
        if (i < token.size() && (token[i] == '+' || token[i] == '-')) {
            ++i;
        }
        if (!digit(i)) {
            return false;
        }
        while (digit(i)) {
            ++i;
        }
    }
    return i == token.size();
}

/// `text` with every JSON number outside strings that overflows a double replaced by 0. RFC 8259
/// lets a parser limit the range of numbers, and nlohmann_json rejects 1e400 ("number overflow");
/// lmsstage reads such a number as valid JSON (and reports the field out of range), and echoes an
/// id as written. A number is replaced only where the whole run of number characters is one valid
/// number, so the text is valid JSON after the replacement exactly when it was before.
inline std::string without_number_ranges(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool in_string = false;
    bool escape = false;
    const auto number_char = [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    };
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (in_string) {
            out += c;
            ++i;
            if (escape) {
                escape = false;
            } else if (c == '\\') {
                escape = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
            out += c;
            ++i;
            continue;
        }
        if (number_char(c)) {
            std::size_t end = i;
            while (end < text.size() && number_char(text[end])) {
                ++end;
            }
            const std::string_view run = text.substr(i, end - i);
            if (is_json_number(run) && !std::isfinite(std::strtod(std::string(run).c_str(), nullptr))) {
                out += '0';
            } else {
                out += run;
            }
            i = end;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

/// An iterator over bytes that is ours: nlohmann_json's parser instantiated with it is not the one
/// lmsstage_cli uses (that copy carries libFuzzer instrumentation), so the properties' own parsing
/// stays out of the coverage feedback (coverage_ignorelist.txt) and runs at full speed.
struct ByteIterator {
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;
    const char* at = nullptr;
    reference operator*() const { return *at; }
    ByteIterator& operator++() {
        ++at;
        return *this;
    }
    ByteIterator operator++(int) {
        ByteIterator before = *this;
        ++at;
        return before;
    }
    friend bool operator==(ByteIterator a, ByteIterator b) { return a.at == b.at; }
    friend bool operator!=(ByteIterator a, ByteIterator b) { return a.at != b.at; }
};

/// Parses `text` as it is; when that fails, again with numbers out of nlohmann_json's range read
/// as 0 (see without_number_ranges).
inline Inspected inspect_json(std::string_view original) {
    Inspected out;
    if (original.find('\0') != std::string_view::npos) {
        return out;  // never valid JSON; nlohmann_json would take the NUL byte for the end of input
    }
    const auto parse = [&](std::string_view text) {
        std::vector<std::set<std::string>> open;  // one entry per open object or array
        using Event = nlohmann::json::parse_event_t;
        out.max_depth = 0;
        out.duplicate_key = false;
        const nlohmann::json::parser_callback_t callback = [&](int /*depth*/, Event event, nlohmann::json& parsed) {
            switch (event) {
                case Event::object_start:
                case Event::array_start:
                    open.emplace_back();
                    out.max_depth = std::max(out.max_depth, open.size());
                    break;
                case Event::object_end:
                case Event::array_end:
                    if (!open.empty()) {
                        open.pop_back();
                    }
                    break;
                case Event::key:
                    if (!open.empty() && !open.back().insert(parsed.get<std::string>()).second) {
                        out.duplicate_key = true;
                    }
                    break;
                case Event::value: break;
            }
            return true;
        };
        out.value = nlohmann::json::parse(ByteIterator{text.data()}, ByteIterator{text.data() + text.size()}, callback,
                                          /*allow_exceptions=*/false);
        out.parsed = !out.value.is_discarded();
    };
    parse(original);
    if (!out.parsed) {
        const std::string normalized = without_number_ranges(original);
        if (normalized != original) {
            parse(normalized);
        }
    }
    return out;
}

}  // namespace lmsstage_fuzz
