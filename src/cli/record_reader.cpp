#include "cli/record_reader.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <optional>

#include "cli/fields.hpp"

namespace lmsstage::cli {
namespace {

constexpr int k_max_depth = 64;
constexpr std::size_t k_echo_limit = 40;  // how much of a bad value an error message repeats

/// The JSON value just read, as far as field assignment needs to know it.
struct Value {
    enum class Type { string, number, boolean, null, object, array } type = Type::null;
    std::string_view raw;  ///< the value's JSON text
    std::string_view text; ///< decoded string (strings only): into the record, or into `storage`
    std::string storage;   ///< a string's decoded text when it had escapes
    bool boolean = false;
};

std::string_view type_word(Value::Type t) {
    switch (t) {
        case Value::Type::string: return "a string";
        case Value::Type::number: return "a number";
        case Value::Type::boolean: return "a boolean";
        case Value::Type::null: return "null";
        case Value::Type::object: return "an object";
        case Value::Type::array: return "an array";
    }
    return "a value";
}

/// At most k_echo_limit bytes of `text`, cut at a UTF-8 character boundary, "..." when cut.
std::string shorten(std::string_view text) {
    if (text.size() <= k_echo_limit) {
        return std::string(text);
    }
    std::size_t cut = k_echo_limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
        --cut;  // do not split a multi-byte character
    }
    return std::string(text.substr(0, cut)) + "...";
}

/// The given value as an error message repeats it: short, and always valid JSON-ish text.
std::string echo(const Value& v) {
    if (v.type == Value::Type::object || v.type == Value::Type::array) {
        return std::string(type_word(v.type));
    }
    return shorten(v.raw);
}

/// Syntax-level reader over one record's bytes.
class Parser {
public:
    explicit Parser(std::string_view bytes) : m_p(bytes.data()), m_begin(bytes.data()), m_end(bytes.data() + bytes.size()) {}

    bool failed() const { return !m_error.empty(); }
    const std::string& error() const { return m_error; }

    void skip_ws() {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r')) {
            ++m_p;
        }
    }
    bool at_end() const { return m_p >= m_end; }
    char peek() const { return m_p < m_end ? *m_p : '\0'; }
    bool consume(char ch) {
        if (m_p < m_end && *m_p == ch) {
            ++m_p;
            return true;
        }
        return false;
    }

    void fail(std::string message) {
        if (m_error.empty()) {
            m_error = "invalid JSON at byte " + std::to_string(m_p - m_begin + 1) + ": " +
                      (m_p >= m_end ? "the record ends early (truncated?): " : "") + std::move(message);
        }
    }

    /// A string: validates UTF-8 and escapes. `text` views the record's bytes when the string has
    /// no escapes (the usual case, no copy), else the decoded text in `storage`.
    bool string(std::string_view& text, std::string& storage) {
        if (!consume('"')) {
            fail("expected a string");
            return false;
        }
        const char* start = m_p;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) {
                break;
            }
            ++m_p;
        }
        if (m_p < m_end && *m_p == '"') {
            text = std::string_view(start, static_cast<std::size_t>(m_p - start));
            ++m_p;
            return true;
        }
        storage.assign(start, static_cast<std::size_t>(m_p - start));
        const bool ok = decode(storage);
        text = storage;
        return ok;
    }

    /// The rest of a string with escapes or non-ASCII bytes, appended to `out`.
    bool decode(std::string& out) {
        while (true) {
            // Fast path: copy a run of plain ASCII.
            const char* run = m_p;
            while (m_p < m_end) {
                const auto c = static_cast<unsigned char>(*m_p);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) {
                    break;
                }
                ++m_p;
            }
            out.append(run, static_cast<std::size_t>(m_p - run));
            if (m_p >= m_end) {
                fail("unterminated string");
                return false;
            }
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c < 0x20) {
                fail("control character in a string (must be escaped)");
                return false;
            }
            if (c == '\\') {
                if (!escape(out)) {
                    return false;
                }
                continue;
            }
            if (!utf8(out)) {
                return false;
            }
        }
    }

    /// A number token, validated against the JSON grammar; returns its text.
    bool number(std::string_view& token) {
        const char* start = m_p;
        consume('-');
        if (consume('0')) {
            // no leading zeros
        } else if (m_p < m_end && *m_p >= '1' && *m_p <= '9') {
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
                ++m_p;
            }
        } else {
            fail("invalid number");
            return false;
        }
        if (consume('.')) {
            if (!digits()) {
                return false;
            }
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (!consume('+')) {
                consume('-');
            }
            if (!digits()) {
                return false;
            }
        }
        token = std::string_view(start, static_cast<std::size_t>(m_p - start));
        return true;
    }

    /// Any value, read into `v` (nested values are validated and kept as raw text only).
    bool value(Value& v, int depth) {
        skip_ws();
        const char* start = m_p;
        const char c = peek();
        bool ok = true;
        if (c == '"') {
            v.type = Value::Type::string;
            ok = string(v.text, v.storage);
        } else if (c == '{' || c == '[') {
            v.type = c == '{' ? Value::Type::object : Value::Type::array;
            ok = nested(depth + 1);
        } else if (c == 't' || c == 'f' || c == 'n') {
            ok = literal(v);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            v.type = Value::Type::number;
            std::string_view token;
            ok = number(token);
        } else {
            fail(at_end() ? "unexpected end of record" : "unexpected character '" + printable(c) + "'");
            ok = false;
        }
        v.raw = std::string_view(start, static_cast<std::size_t>(m_p - start));
        return ok;
    }

private:
    static std::string printable(char c) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f) {
            return std::string(1, c);
        }
        static constexpr std::array<char, 16> k_hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                       '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
        return std::string("\\x") + k_hex[u >> 4U] + k_hex[u & 0xFU];
    }

    bool digits() {
        if (m_p >= m_end || *m_p < '0' || *m_p > '9') {
            fail("invalid number");
            return false;
        }
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
            ++m_p;
        }
        return true;
    }

    bool literal(Value& v) {
        auto match = [&](std::string_view word) {
            if (static_cast<std::size_t>(m_end - m_p) >= word.size() && std::string_view(m_p, word.size()) == word) {
                m_p += word.size();
                return true;
            }
            return false;
        };
        if (match("true")) {
            v.type = Value::Type::boolean;
            v.boolean = true;
            return true;
        }
        if (match("false")) {
            v.type = Value::Type::boolean;
            v.boolean = false;
            return true;
        }
        if (match("null")) {
            v.type = Value::Type::null;
            return true;
        }
        fail("invalid literal");
        return false;
    }

    bool nested(int depth) {
        if (depth > k_max_depth) {
            fail("nested more than " + std::to_string(k_max_depth) + " levels deep");
            return false;
        }
        const char open = *m_p++;
        const char close = open == '{' ? '}' : ']';
        skip_ws();
        if (consume(close)) {
            return true;
        }
        std::string scratch;
        std::string_view key;
        Value inner;
        while (true) {
            if (open == '{') {
                skip_ws();
                if (!string(key, scratch)) {
                    return false;
                }
                skip_ws();
                if (!consume(':')) {
                    fail("expected ':' after an object key");
                    return false;
                }
            }
            if (!value(inner, depth)) {
                return false;
            }
            skip_ws();
            if (consume(close)) {
                return true;
            }
            if (!consume(',')) {
                fail(std::string("expected ',' or '") + close + "'");
                return false;
            }
        }
    }

    static int hex_digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    bool hex4(std::uint32_t& out) {
        if (m_end - m_p < 4) {
            fail("truncated \\u escape");
            return false;
        }
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const int d = hex_digit(*m_p++);
            if (d < 0) {
                fail("invalid \\u escape");
                return false;
            }
            out = (out << 4U) | static_cast<std::uint32_t>(d);
        }
        return true;
    }

    static void put_utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0U | (cp >> 6U));
            out += static_cast<char>(0x80U | (cp & 0x3FU));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0U | (cp >> 12U));
            out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
            out += static_cast<char>(0x80U | (cp & 0x3FU));
        } else {
            out += static_cast<char>(0xF0U | (cp >> 18U));
            out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
            out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
            out += static_cast<char>(0x80U | (cp & 0x3FU));
        }
    }

    bool escape(std::string& out) {
        ++m_p;  // backslash
        if (m_p >= m_end) {
            fail("unterminated string");
            return false;
        }
        const char e = *m_p++;
        switch (e) {
            case '"': out += '"'; return true;
            case '\\': out += '\\'; return true;
            case '/': out += '/'; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': {
                std::uint32_t cp = 0;
                if (!hex4(cp)) {
                    return false;
                }
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    std::uint32_t low = 0;
                    if (!(consume('\\') && consume('u')) || !hex4(low) || low < 0xDC00 || low > 0xDFFF) {
                        fail("unpaired surrogate in a \\u escape");
                        return false;
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10U) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    fail("unpaired surrogate in a \\u escape");
                    return false;
                }
                put_utf8(out, cp);
                return true;
            }
            default: fail("invalid escape"); return false;
        }
    }

    /// One multi-byte UTF-8 sequence, validated (no overlongs, no surrogates, <= U+10FFFF).
    bool utf8(std::string& out) {
        const auto* s = reinterpret_cast<const unsigned char*>(m_p);
        const auto* e = reinterpret_cast<const unsigned char*>(m_end);
        const unsigned char c = s[0];
        int len = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1FU;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0FU;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07U;
        } else {
            fail("invalid UTF-8");
            return false;
        }
        if (e - s < len) {
            fail("invalid UTF-8 (truncated sequence)");
            return false;
        }
        for (int i = 1; i < len; ++i) {
            if ((s[i] & 0xC0U) != 0x80U) {
                fail("invalid UTF-8");
                return false;
            }
            cp = (cp << 6U) | (s[i] & 0x3FU);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
            fail("invalid UTF-8");
            return false;
        }
        out.append(m_p, static_cast<std::size_t>(len));
        m_p += len;
        return true;
    }

    const char* m_p;
    const char* m_begin;
    const char* m_end;
    std::string m_error;
};

RecordError type_error(const FieldSpec& spec, const Value& v, std::string_view expected) {
    return RecordError{std::string(spec.key),
                       std::string(spec.key) + " must be " + std::string(expected) + ", got " + echo(v), true};
}

std::optional<double> to_double(std::string_view token) {
    double value = 0.0;
    auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc{} || end != token.data() + token.size()) {
        return std::nullopt;
    }
    return value == 0.0 ? 0.0 : value;  // -0 is 0: no "-0" in texts
}

bool is_integer_token(std::string_view token) {
    return token.find_first_of(".eE") == std::string_view::npos;
}

RecordError from_case_error(const CaseError& e) {
    return RecordError{std::string(field_name(e.field)), e.message(), true};
}

/// Assigns one JSON value to a case field, checking its JSON type.
std::optional<RecordError> assign(Case& c, const FieldSpec& spec, const Value& v) {
    using Type = Value::Type;
    auto out_of_range = [&]() {
        return RecordError{std::string(spec.key), std::string(spec.key) + " is out of range, got " + echo(v), true};
    };
    auto text = [&]() -> std::optional<RecordError> {
        if (auto e = set_from_text(c, spec, v.text)) {
            return from_case_error(*e);
        }
        return std::nullopt;
    };
    switch (spec.kind) {
        case ValueKind::choice:
            if (v.type != Type::string) {
                return type_error(spec, v, "a string, " + accepted_values(spec));
            }
            return text();
        case ValueKind::length:
            if (v.type == Type::string) {
                return text();
            }
            if (v.type == Type::number) {
                const auto value = to_double(v.raw);
                if (!value) {
                    return out_of_range();
                }
                if (!(*value > 0.0)) {
                    return RecordError{std::string(spec.key),
                                       std::string(spec.key) + " must be a positive length, got " + echo(v), true};
                }
                c.size = Measured<Length>::of(Length{*value, LengthUnit::cm});
                return std::nullopt;
            }
            return type_error(spec, v, "a number of cm, a string with unit (\"55 mm\"), or \"unknown\"");
        case ValueKind::grade:
            if (v.type == Type::number && (v.raw == "1" || v.raw == "2" || v.raw == "3")) {
                if (auto e = set_from_text(c, spec, v.raw)) {  // the token is the grade's spelling
                    return from_case_error(*e);
                }
                return std::nullopt;
            }
            if (v.type == Type::string && (v.text == "X" || v.text == "x")) {
                c.grade = Grade::gx;
                return std::nullopt;
            }
            return type_error(spec, v, "the number 1, 2 or 3, or the string \"X\"");
        case ValueKind::finding:
            if (v.type == Type::boolean) {
                if (auto e = set_from_bool(c, spec, v.boolean)) {
                    return from_case_error(*e);
                }
                return std::nullopt;
            }
            if (v.type == Type::string && v.text == "unknown") {
                (void)set_from_text(c, spec, v.text);
                return std::nullopt;
            }
            return type_error(spec, v, "true, false or \"unknown\"");
        case ValueKind::yes_no:
            if (v.type == Type::boolean) {
                if (auto e = set_from_bool(c, spec, v.boolean)) {
                    return from_case_error(*e);
                }
                return std::nullopt;
            }
            return type_error(spec, v, "true or false");
        case ValueKind::count:
        case ValueKind::edition: {
            if (spec.field == Field::abdominal_sites && v.type == Type::string && v.text == "unknown") {
                (void)set_from_text(c, spec, v.text);
                return std::nullopt;
            }
            if (v.type != Type::number || !is_integer_token(v.raw)) {
                return type_error(spec, v, "a whole number (" + accepted_values(spec) + ")");
            }
            long long n = 0;
            auto [end, ec] = std::from_chars(v.raw.data(), v.raw.data() + v.raw.size(), n);
            if (ec != std::errc{} || end != v.raw.data() + v.raw.size()) {
                return out_of_range();
            }
            if (spec.kind == ValueKind::edition) {
                if (n != 7 && n != 8) {
                    return type_error(spec, v, "7 or 8");
                }
                c.edition = static_cast<int>(n);
            } else if (spec.field == Field::abdominal_sites) {
                c.abdominal_sites = n;
            } else {
                c.foci = n;
            }
            return std::nullopt;
        }
        case ValueKind::percent:
        case ValueKind::rate: {
            if (v.type == Type::string && v.text == "unknown") {
                (void)set_from_text(c, spec, v.text);
                return std::nullopt;
            }
            if (v.type != Type::number) {
                return type_error(spec, v, spec.kind == ValueKind::rate ? "a number or \"unknown\"" : "a number, 0 to 100");
            }
            const auto value = to_double(v.raw);
            if (!value) {
                return out_of_range();
            }
            if (spec.kind == ValueKind::rate) {
                c.mitotic_rate = Measured<MitoticRate>::of(*value);
            } else {
                c.myometrial_invasion = *value;
            }
            return std::nullopt;
        }
        case ValueKind::id: break;
    }
    return std::nullopt;
}


RecordError unknown_key(std::string_view key, RecordKind kind) {
    std::string keys;
    std::string suggestion;
    std::size_t best = 3;
    auto consider = [&](std::string_view k) {
        if (!keys.empty()) {
            keys += ", ";
        }
        keys += k;
        const std::size_t d = edit_distance(key, k);
        if (d < best) {
            best = d;
            suggestion = std::string(k);
        }
    };
    for (const FieldSpec& spec : field_specs()) {
        consider(spec.key);
    }
    if (kind == RecordKind::check) {
        consider("expect");
        consider("source");
    }
    std::string shown = shorten(key);
    std::string message = "unknown field \"" + shown + "\"";
    if (!suggestion.empty()) {
        message += " (did you mean \"" + suggestion + "\"?)";
    }
    message += "; accepted fields: " + keys;
    return RecordError{shown, message};
}

}  // namespace

void Record::clear() {
    input = Case{};
    id_json.clear();
    expect_json.clear();
    source.clear();
}

std::optional<RecordError> read_record(std::string_view bytes, RecordKind kind, Record& out) {
    out.clear();
    Parser p(bytes);
    p.skip_ws();
    if (p.peek() != '{') {
        // Say what it is when it is valid JSON of another type.
        Value v;
        if (p.value(v, 0)) {
            p.skip_ws();
            if (p.at_end()) {
                return RecordError{"", "a record must be a JSON object (a case), got " + std::string(type_word(v.type))};
            }
        }
        return RecordError{"", p.failed() ? p.error() : "a record must be a JSON object (a case)"};
    }
    p.consume('{');

    std::optional<RecordError> first_problem;  // the first field error; reading goes on to find the id
    std::uint32_t seen = 0;                    // field specs already given, by index
    bool seen_expect = false;
    bool seen_source = false;
    std::string_view key;
    std::string key_storage;
    Value v;
    const auto specs = field_specs();

    p.skip_ws();
    if (!p.consume('}')) {
        while (true) {
            p.skip_ws();
            if (!p.string(key, key_storage)) {
                break;
            }
            p.skip_ws();
            if (!p.consume(':')) {
                p.fail("expected ':' after an object key");
                break;
            }
            if (!p.value(v, 1)) {
                break;
            }
            // After a field error, reading goes on for what an error report needs: the id, and in
            // check mode the expectation (a case may be expected to fail on that field).
            if (!first_problem || key == "id" || (kind == RecordKind::check && (key == "expect" || key == "source"))) {
                std::optional<RecordError> problem;
                const FieldSpec* spec = find_field_by_key(key);
                bool duplicate = false;
                if (spec != nullptr) {
                    const auto bit = std::uint32_t{1} << static_cast<unsigned>(spec - specs.data());
                    duplicate = (seen & bit) != 0;
                    seen |= bit;
                } else if (kind == RecordKind::check && key == "expect") {
                    duplicate = seen_expect;
                    seen_expect = true;
                } else if (kind == RecordKind::check && key == "source") {
                    duplicate = seen_source;
                    seen_source = true;
                }
                if (duplicate) {
                    problem = RecordError{std::string(key), std::string(key) + " is given more than once"};
                } else if (spec != nullptr && spec->field == Field::id) {
                    if (v.type == Value::Type::string || v.type == Value::Type::number) {
                        out.id_json.assign(v.raw);
                    } else {
                        problem = RecordError{"id", "id must be a string or a number, got " + echo(v)};
                    }
                } else if (spec != nullptr) {
                    problem = assign(out.input, *spec, v);
                } else if (kind == RecordKind::check && key == "expect") {
                    if (v.type != Value::Type::object) {
                        problem = RecordError{"expect", "expect must be an object, got " + echo(v)};
                    } else {
                        out.expect_json.assign(v.raw);
                    }
                } else if (kind == RecordKind::check && key == "source") {
                    if (v.type != Value::Type::string) {
                        problem = RecordError{"source", "source must be a string, got " + echo(v)};
                    } else {
                        out.source = v.text;
                    }
                } else {
                    problem = unknown_key(key, kind);
                }
                if (problem && !first_problem) {
                    first_problem = std::move(problem);
                }
            }
            p.skip_ws();
            if (p.consume('}')) {
                break;
            }
            if (!p.consume(',')) {
                p.fail("expected ',' or '}'");
                break;
            }
        }
    }
    if (!p.failed()) {
        p.skip_ws();
        if (!p.at_end()) {
            p.fail("unexpected text after the object");
        }
    }
    if (p.failed()) {
        return RecordError{"", p.error()};
    }
    return first_problem;
}

}  // namespace lmsstage::cli
