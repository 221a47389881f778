#include "cli/record_reader.hpp"

#include <simdjson.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

#include "cli/json_fields.hpp"
#include "cli/registry.hpp"

namespace lmsstage::cli {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;
using Type = JsonValue::Type;

/// A parser per thread, a buffer for records it must copy, a flat record's members and the keys
/// seen in the record.
struct ThreadParser {
    od::parser parser;
    std::vector<char> padded;
    std::vector<char> object;  // a record's object without the text after it, padded
    std::vector<FlatMember> flat;
    std::vector<std::string_view> seen;  // static texts (check's keys, NAACCR item ids): one address each
};

ThreadParser& thread_parser() {
    thread_local ThreadParser state;
    return state;
}

bool is_blank(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

/// One past the brace that closes the object `bytes` starts with (after blank space), found by its
/// braces and brackets outside strings; 0 when `bytes` does not start with an object that closes.
std::size_t object_end(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size() && is_blank(bytes[i])) {
        ++i;
    }
    if (i == bytes.size() || bytes[i] != '{') {
        return 0;
    }
    std::size_t depth = 0;
    bool in_string = false;
    for (; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (in_string) {
            if (c == '\\') {
                ++i;  // the escaped character
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return i + 1;
        }
    }
    return 0;
}

/// A token without the blank space simdjson leaves after it.
std::string_view trim(std::string_view text) {
    while (!text.empty() && is_blank(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

std::string_view syntax_text(error_code e) {
    switch (e) {
        case simdjson::UTF8_ERROR: return "invalid UTF-8";
        case simdjson::UNESCAPED_CHARS: return "a control character in a string (write it escaped, e.g. \\n)";
        case simdjson::UNCLOSED_STRING: return "a string is not closed (truncated?)";
        case simdjson::STRING_ERROR: return "an invalid escape or an unpaired surrogate in a string";
        case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
            return "the object does not end where the record ends (truncated, or text after it?)";
        case simdjson::NUMBER_ERROR: return "an invalid number";
        case simdjson::T_ATOM_ERROR:
        case simdjson::F_ATOM_ERROR:
        case simdjson::N_ATOM_ERROR: return "an invalid literal (only true, false and null)";
        case simdjson::EMPTY: return "an empty record";
        default: return "a missing or extra comma, colon, quote, brace or bracket";
    }
}

RecordError syntax_error(std::string_view what, const char* at, std::string_view bytes) {
    std::string message = "invalid JSON";
    if (at != nullptr && at >= bytes.data() && at <= bytes.data() + bytes.size()) {
        message += " at byte " + std::to_string(at - bytes.data() + 1);
    }
    return RecordError{"", message + ": " + std::string(what), false, true};
}

Type type_of(od::json_type t) {
    switch (t) {
        case od::json_type::string: return Type::string;
        case od::json_type::number: return Type::number;
        case od::json_type::boolean: return Type::boolean;
        case od::json_type::object: return Type::object;
        case od::json_type::array: return Type::array;
        case od::json_type::null: break;
    }
    return Type::null;
}

std::string_view type_word(Type t) {
    constexpr std::string_view k_words[] = {"a string", "a number", "a boolean", "null", "an object", "an array"};
    return k_words[static_cast<int>(t)];
}

/// Reads a value (of a field, or the whole record) into `out`, validating its JSON; the syntax
/// error when it is not valid. Objects and arrays are not read: no field takes one.
template <typename Value>
std::optional<std::string_view> read_value(Value& v, JsonValue& out) {
    od::json_type type{};
    std::string_view raw;
    if (v.type().get(type) != simdjson::SUCCESS ||
        simdjson::simdjson_result<std::string_view>(v.raw_json_token()).get(raw)) {
        return syntax_text(simdjson::TAPE_ERROR);
    }
    out.type = type_of(type);
    out.raw = trim(raw);
    bool null = false;
    switch (out.type) {
        case Type::string:
            return v.get_string().get(out.text) ? std::optional(syntax_text(simdjson::STRING_ERROR)) : std::nullopt;
        case Type::number:
            out.text = out.raw;
            return is_json_number(out.raw) ? std::nullopt : std::optional(syntax_text(simdjson::NUMBER_ERROR));
        case Type::boolean:
            return v.get_bool().get(out.boolean) ? std::optional(syntax_text(simdjson::T_ATOM_ERROR)) : std::nullopt;
        case Type::null:
            return v.is_null().get(null) || !null ? std::optional(syntax_text(simdjson::N_ATOM_ERROR)) : std::nullopt;
        case Type::object:
        case Type::array: out.raw = type_word(out.type); return std::nullopt;
    }
    return std::nullopt;
}

/// A value read beforehand (a flat record's, doors/flat_json.hpp).
std::optional<std::string_view> read_value(const JsonValue& v, JsonValue& out) {
    out = v;
    return std::nullopt;
}

/// Reads the fields of one record's object, in order. After the first field error, reading goes
/// on for what a report needs: the id, and in check mode the expectation (a case may be expected
/// to fail on that field).
class FieldReader {
public:
    FieldReader(RecordKind kind, RecordKeys keys, Record& out, std::vector<std::string_view>& seen)
        : m_kind(kind), m_naaccr(keys == RecordKeys::naaccr), m_out(out), m_seen(seen) {
        m_seen.clear();
    }

    /// Reads every field; the syntax error that stopped reading, if any.
    std::optional<std::string_view> read(od::object& object) {
        for (auto item : object) {
            od::field field;
            std::string_view key;
            error_code e = std::move(item).get(field);
            if (e != simdjson::SUCCESS ||
                (e = field.unescaped_key().get(key)) != simdjson::SUCCESS) {  // a key is unescaped once
                return syntax_text(e);
            }
            confirm_id();  // reaching the next key, the id's value was read to its end
            od::value value = field.value();
            if (auto bad = one_field(key, value)) {
                return bad;
            }
        }
        confirm_id();
        return std::nullopt;
    }

    /// Reads the members of a flat record, read beforehand (they hold no syntax error).
    void read(const std::vector<FlatMember>& members) {
        for (const FlatMember& member : members) {
            one_field(member.key, member.value);
        }
        confirm_id();
    }

    std::optional<RecordError>& problem() { return m_problem; }

private:
    void confirm_id() {
        if (!m_pending_id.empty()) {
            m_out.id_json.assign(m_pending_id);
            m_out.id_text.assign(m_pending_id_text);
            m_pending_id = {};
        }
    }

    void note(std::optional<RecordError> problem) {
        if (problem && !m_problem) {
            m_problem = std::move(problem);
        }
    }

    /// A case field (or the id) by its row: one bit each.
    bool first_field(Field field) {
        const auto row = static_cast<std::size_t>(field);
        const std::uint64_t bit = std::uint64_t{1} << (row % 64U);
        std::uint64_t& word = m_fields_seen[row / 64U];
        const bool first = (word & bit) == 0U;
        word |= bit;
        return first;
    }

    bool first_time(std::string_view key) {
        for (const std::string_view seen : m_seen) {
            if (seen.data() == key.data()) {
                return false;
            }
        }
        m_seen.push_back(key);
        return true;
    }

    template <typename Value>
    std::optional<std::string_view> one_field(std::string_view key, Value& value) {
        if constexpr (std::is_same_v<Value, od::value>) {  // a flat record is read in batch mode only
            if (m_kind == RecordKind::check && (key == "expect" || key == "source")) {
                return check_field(key == "expect" ? "expect" : "source", value);
            }
        }
        if (m_naaccr) {
            return naaccr_field(key, value);
        }
        const FieldSpec* spec = find_field_by_key(key);
        if (spec == nullptr) {
            note(unknown_key(key, m_kind == RecordKind::check));
            return std::nullopt;  // the loop skips the value
        }
        return case_field(*spec, value);
    }

    /// check mode: "expect" (kept as JSON text) and "source".
    std::optional<std::string_view> check_field(std::string_view key, od::value& value) {
        if (!first_time(key)) {
            note(RecordError{std::string(key), std::string(key) + " is given more than once", false, false});
            return std::nullopt;
        }
        if (key == "expect") {
            return expect_field(value);
        }
        JsonValue given;
        if (auto bad = read_value(value, given)) {
            return bad;
        }
        if (given.type == Type::string) {
            m_out.source.assign(given.text);
        } else {
            note(wrong_type("source", "a string", given));
        }
        return std::nullopt;
    }

    /// A case field, or the id.
    template <typename Value>
    std::optional<std::string_view> case_field(const FieldSpec& spec, Value& value) {
        if (!first_field(spec.field)) {
            note(RecordError{std::string(spec.key), std::string(spec.key) + " is given more than once", false, false});
            return std::nullopt;
        }
        JsonValue given;
        if (auto bad = read_value(value, given)) {
            return bad;
        }
        if (spec.kind == ValueKind::id && (given.type == Type::string || given.type == Type::number)) {
            m_pending_id = given.raw;
            m_pending_id_text = given.text;
        } else if (spec.kind == ValueKind::id) {
            note(wrong_type("id", "a string or a number", given));
        } else if (!m_problem) {
            note(assign_json(m_out.input, spec, given));
        }
        return std::nullopt;
    }

    /// A key of a NAACCR-keyed record: an item read as its code (a string or a number; null is
    /// not given), a case field no item carries, another NAACCR item (passed over), or an error.
    template <typename Value>
    std::optional<std::string_view> naaccr_field(std::string_view key, Value& value) {
        const NaaccrKey role = classify_naaccr_key(key, m_kind == RecordKind::check);
        switch (role.kind) {
            case NaaccrKey::Kind::case_field: return case_field(*role.spec, value);
            case NaaccrKey::Kind::passed_over: return std::nullopt;
            case NaaccrKey::Kind::refused:
                note(RecordError{shorten(key), role.problem, false, false});
                return std::nullopt;
            case NaaccrKey::Kind::item: break;
        }
        if (!first_time(role.item->id)) {
            note(RecordError{std::string(key), std::string(key) + " is given more than once", false, false});
            return std::nullopt;
        }
        JsonValue given;
        if (auto bad = read_value(value, given)) {
            return bad;
        }
        if (given.type == Type::string || given.type == Type::number) {
            m_out.naaccr.set(role.item->item, given.text);
        } else if (given.type != Type::null) {
            note(wrong_type(key, "a NAACCR code, as a string or a number", given));
        }
        return std::nullopt;
    }

    std::optional<std::string_view> expect_field(od::value& value) {
        od::json_type type{};
        od::object object;
        std::string_view raw;
        if (value.type().get(type) != simdjson::SUCCESS) {
            return syntax_text(simdjson::TAPE_ERROR);
        }
        if (type != od::json_type::object) {
            note(RecordError{"expect", "expect must be an object, got " + std::string(type_word(type_of(type))), false,
                             false});
        } else if (const error_code e = value.get_object().get(object) != simdjson::SUCCESS
                                            ? simdjson::TAPE_ERROR
                                            : object.raw_json().get(raw)) {
            return syntax_text(e);
        } else {
            m_out.expect_json.assign(raw);  // parsed by check
        }
        return std::nullopt;
    }

    static RecordError wrong_type(std::string_view key, std::string_view what, const JsonValue& given) {
        return RecordError{std::string(key),
                           std::string(key) + " must be " + std::string(what) + ", got " + shorten(given.raw), false,
                           false};
    }

    RecordKind m_kind;
    bool m_naaccr;
    Record& m_out;
    std::vector<std::string_view>& m_seen;  // other keys: check mode's, NAACCR items
    std::array<std::uint64_t, 2> m_fields_seen{};
    static_assert(k_all_fields.size() <= 128, "m_fields_seen holds a bit for each case field");
    std::string_view m_pending_id;
    std::string_view m_pending_id_text;
    std::optional<RecordError> m_problem;
};

/// A record that is not an object: say what it is (when it is valid JSON at all).
RecordError not_an_object(od::document& doc, std::string_view bytes) {
    JsonValue value;
    if (const auto bad = read_value(doc, value)) {
        return syntax_error(*bad, nullptr, bytes);
    }
    return RecordError{"", "a record must be a JSON object (a case), got " + std::string(type_word(value.type)), false,
                       false};
}

const char* location(od::document& doc) {
    const char* at = nullptr;
    return doc.current_location().get(at) == simdjson::SUCCESS ? at : nullptr;
}

/// A record whose object closes before the record ends (`end`, one past its closing brace): the
/// object is read on its own, so that its id is kept as when text after it follows a '}' (which
/// simdjson reads up to), and the error is the object's own, or the text after it.
std::optional<RecordError> object_then_text(std::string_view bytes, std::size_t end, RecordKind kind, Record& out,
                                            RecordKeys keys) {
    std::size_t after = end;
    while (after < bytes.size() && is_blank(bytes[after])) {
        ++after;
    }
    std::vector<char>& object = thread_parser().object;
    object.assign(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(end));
    object.resize(end + k_record_padding, '\n');
    std::optional<RecordError> error = read_padded_record(std::string_view(object.data(), end), kind, out, keys);
    if (error && error->syntax) {
        return error;  // at the same byte: the object starts where the record does
    }
    return syntax_error("unexpected text after the object", bytes.data() + after, bytes);
}

}  // namespace

void Record::clear() {
    input = Case{};
    id_json.clear();
    id_text.clear();
    naaccr.clear();
    kept.clear();
    expect_json.clear();
    source.clear();
}

std::optional<RecordError> read_padded_record(std::string_view bytes, RecordKind kind, Record& out, RecordKeys keys) {
    static_assert(k_record_padding >= simdjson::SIMDJSON_PADDING);
    out.clear();
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        return syntax_error("a byte-order mark (EF BB BF) may only start the input, not a record", nullptr, bytes);
    }
    ThreadParser& state = thread_parser();
    if (kind == RecordKind::batch && read_flat_object(bytes, state.flat)) {
        FieldReader reader(kind, keys, out, state.seen);
        reader.read(state.flat);
        return std::move(reader.problem());
    }
    od::document doc;
    if (const error_code e =
            state.parser.iterate(bytes.data(), bytes.size(), bytes.size() + k_record_padding).get(doc)) {
        return syntax_error(syntax_text(e), nullptr, bytes);
    }
    od::object object;
    if (const error_code e = doc.get_object().get(object)) {
        // simdjson refuses a root object whose record does not end in '}' before reading any of
        // it; when the object closes before text that follows it, the object is read alone.
        if (const std::size_t end = object_end(bytes);
            e == simdjson::INCOMPLETE_ARRAY_OR_OBJECT && end != 0 && end < trim(bytes).size()) {
            return object_then_text(bytes, end, kind, out, keys);
        }
        return e == simdjson::INCORRECT_TYPE ? not_an_object(doc, bytes) : syntax_error(syntax_text(e), nullptr, bytes);
    }
    FieldReader reader(kind, keys, out, state.seen);
    if (const auto bad = reader.read(object)) {
        return syntax_error(*bad, location(doc), bytes);
    }
    if (const char* after = location(doc); after != nullptr) {
        return syntax_error("unexpected text after the object", after, bytes);
    }
    return std::move(reader.problem());
}

std::optional<RecordError> read_record(std::string_view bytes, RecordKind kind, Record& out, RecordKeys keys) {
    std::vector<char>& padded = thread_parser().padded;
    padded.resize(bytes.size() + k_record_padding);
    std::memcpy(padded.data(), bytes.data(), bytes.size());
    std::memset(padded.data() + bytes.size(), '\n', k_record_padding);
    return read_padded_record(std::string_view(padded.data(), bytes.size()), kind, out, keys);
}

}  // namespace lmsstage::cli
