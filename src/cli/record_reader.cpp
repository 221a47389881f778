#include "cli/record_reader.hpp"

#include <simdjson.h>

#include <cstring>
#include <utility>
#include <vector>

#include "cli/fields.hpp"

namespace lmsstage::cli {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

constexpr std::size_t k_echo_limit = 40;  // how much of a bad value an error message repeats

/// A parser per thread, and the record copied into a buffer of its own: simdjson reads up to
/// SIMDJSON_PADDING bytes past the end of what it parses.
struct ThreadParser {
    od::parser parser;
    std::vector<char> padded;
    std::vector<std::string_view> seen;  // the keys given so far in the record (static texts)
};

ThreadParser& thread_parser() {
    thread_local ThreadParser state;
    return state;
}

/// A token without the blank space simdjson leaves after it.
std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
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

/// The JSON number grammar (RFC 8259): simdjson checks it only when converting, and the
/// conversion here is the field table's, from the token's text.
bool is_json_number(std::string_view t) {
    std::size_t i = 0;
    const auto digits = [&] {
        const std::size_t start = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
            ++i;
        }
        return i > start;
    };
    i += (i < t.size() && t[i] == '-') ? 1U : 0U;
    if (i < t.size() && t[i] == '0') {
        ++i;
    } else if (!digits()) {
        return false;
    }
    if (i < t.size() && t[i] == '.' && (++i, !digits())) {
        return false;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        i += (i < t.size() && (t[i] == '+' || t[i] == '-')) ? 1U : 0U;
        return digits() && i == t.size();
    }
    return i == t.size();
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
        case simdjson::DEPTH_ERROR: return "nested too deeply";
        default: return "a missing or extra comma, colon, quote, brace or bracket";
    }
}

RecordError syntax_error(std::string_view what, const char* at, std::string_view bytes) {
    std::string message = "invalid JSON";
    if (at != nullptr && at >= bytes.data() && at <= bytes.data() + bytes.size()) {
        message += " at byte " + std::to_string(at - bytes.data() + 1);
    }
    RecordError e{"", message + ": " + std::string(what), false, true};
    return e;
}

std::string_view type_word(od::json_type t) {
    switch (t) {
        case od::json_type::string: return "a string";
        case od::json_type::number: return "a number";
        case od::json_type::boolean: return "a boolean";
        case od::json_type::null: return "null";
        case od::json_type::object: return "an object";
        case od::json_type::array: return "an array";
    }
    return "a value";
}

/// A field's value as the field table takes it: the text of a string (decoded) or of a number
/// (as written), or a boolean. Objects and arrays are not read (no field takes one).
struct Scalar {
    od::json_type type = od::json_type::null;
    std::string_view text;  ///< decoded string, or the number token
    std::string_view raw;   ///< as written, for messages
    bool boolean = false;
};

/// Reads `v` into `out`, validating its JSON; the syntax error when it is not valid.
std::optional<std::string_view> read_scalar(od::value& v, Scalar& out) {
    out.raw = trim(v.raw_json_token());
    if (v.type().get(out.type) != simdjson::SUCCESS) {
        return syntax_text(simdjson::TAPE_ERROR);
    }
    bool null = false;
    switch (out.type) {
        case od::json_type::string:
            if (const error_code e = v.get_string().get(out.text)) {
                return syntax_text(e);
            }
            return std::nullopt;
        case od::json_type::number:
            out.text = out.raw;
            return is_json_number(out.raw) ? std::nullopt : std::optional(syntax_text(simdjson::NUMBER_ERROR));
        case od::json_type::boolean:
            return v.get_bool().get(out.boolean) ? std::optional(syntax_text(simdjson::T_ATOM_ERROR)) : std::nullopt;
        case od::json_type::null:
            return v.is_null().get(null) || !null ? std::optional(syntax_text(simdjson::N_ATOM_ERROR)) : std::nullopt;
        case od::json_type::object:
        case od::json_type::array: out.raw = type_word(out.type); return std::nullopt;
    }
    return std::nullopt;
}

/// The JSON types a field of `kind` takes (new kinds take all three; the field table decides).
struct JsonTypes {
    bool string = true;
    bool number = true;
    bool boolean = true;
};

JsonTypes json_types(ValueKind kind) {
    if (kind == ValueKind::count || kind == ValueKind::percent || kind == ValueKind::edition) {
        return {false, true, false};
    }
    if (kind == ValueKind::length || kind == ValueKind::grade || kind == ValueKind::rate) {
        return {true, true, false};
    }
    if (kind == ValueKind::finding || kind == ValueKind::yes_no) {
        return {true, false, true};
    }
    if (kind == ValueKind::choice) {
        return {true, false, false};
    }
    return {};
}

RecordError value_error(const FieldSpec& spec, std::string message) {
    return RecordError{std::string(spec.key), std::string(spec.key) + " " + std::move(message), true, false};
}

RecordError type_error(const FieldSpec& spec, const Scalar& given) {
    const JsonTypes types = json_types(spec.kind);
    std::string forms = types.number ? "a number" : "";
    if (types.boolean) {
        forms += forms.empty() ? "true or false" : ", true or false";
    }
    if (types.string) {
        forms += forms.empty() ? "a string" : (types.number && !types.boolean ? " or a string" : ", or a string");
    }
    std::string message = "must be " + forms + " (" + accepted_values(spec);
    message += types.boolean ? "; yes and no as JSON true and false)" : ")";
    return value_error(spec, message + ", got " + shorten(given.raw));
}

/// The field table's error, repeating at most k_echo_limit bytes of what was given.
std::optional<RecordError> from_case_error(const std::optional<CaseError>& e, std::string_view given) {
    if (!e) {
        return std::nullopt;
    }
    std::string message = e->message();
    if (const std::size_t at = message.rfind(given); given.size() > k_echo_limit && at != std::string::npos) {
        message.replace(at, given.size(), shorten(given));
    }
    return RecordError{std::string(field_name(e->field)), std::move(message), true, false};
}

/// A string for a field that also takes numbers or booleans must not spell one: "3", "yes".
std::optional<RecordError> string_value(Case& c, const FieldSpec& spec, const Scalar& given) {
    const JsonTypes types = json_types(spec.kind);
    if (types.number && spec.kind != ValueKind::length && is_json_number(given.text)) {
        return value_error(spec, "must be a JSON number, got " + shorten(given.raw) + " (a string): write " +
                                     shorten(given.text));
    }
    if (types.boolean) {
        Case as_text = c;
        if (!set_from_text(as_text, spec, given.text)) {
            for (const bool b : {true, false}) {
                Case as_bool = c;
                if (!set_from_bool(as_bool, spec, b) && as_bool == as_text) {
                    return value_error(spec, "must be true or false, got " + shorten(given.raw) +
                                                 " (a string): write " + (b ? "true" : "false"));
                }
            }
        }
    }
    return from_case_error(set_from_text(c, spec, given.text), given.text);
}

/// Puts one JSON value into a case field, through the field table, by the field's kind.
std::optional<RecordError> assign(Case& c, const FieldSpec& spec, const Scalar& given) {
    const JsonTypes types = json_types(spec.kind);
    if (given.type == od::json_type::string && types.string) {
        return string_value(c, spec, given);
    }
    if (given.type == od::json_type::number && types.number) {
        return from_case_error(set_from_text(c, spec, given.text), given.text);
    }
    if (given.type == od::json_type::boolean && types.boolean) {
        return from_case_error(set_from_bool(c, spec, given.boolean), given.raw);
    }
    return type_error(spec, given);
}

RecordError unknown_key(std::string_view key, RecordKind kind) {
    std::string keys;
    std::string suggestion;
    std::size_t best = 3;
    auto consider = [&](std::string_view k) {
        keys += keys.empty() ? "" : ", ";
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
    const std::string shown = shorten(key);
    std::string message = "unknown field \"" + shown + "\"";
    if (!suggestion.empty()) {
        message += " (did you mean \"" + suggestion + "\"?)";
    }
    return RecordError{shown, message + "; accepted fields: " + keys, false, false};
}

}  // namespace

void Record::clear() {
    input = Case{};
    id_json.clear();
    expect_json.clear();
    source.clear();
}

namespace {

/// Reads the fields of one record's object, in order.
class FieldReader {
public:
    FieldReader(RecordKind kind, Record& out, std::vector<std::string_view>& seen)
        : m_kind(kind), m_out(out), m_seen(seen) {
        m_seen.clear();
    }

    /// Reads every field; the syntax error that stopped reading, if any.
    std::optional<std::string_view> read(od::object& object) {
        for (auto item : object) {
            od::field field;
            std::string_view key;
            if (const error_code e = std::move(item).get(field)) {
                return syntax_text(e);
            }
            if (const error_code e = field.unescaped_key().get(key)) {
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

    std::optional<RecordError>& problem() { return m_problem; }

private:
    void confirm_id() {
        if (!m_pending_id.empty()) {
            m_out.id_json.assign(m_pending_id);
            m_pending_id = {};
        }
    }

    void note(std::optional<RecordError> problem) {
        if (problem && !m_problem) {
            m_problem = std::move(problem);
        }
    }

    /// `key` is the field table's spelling (or a literal): it outlives the record.
    bool first_time(std::string_view key) {
        for (const std::string_view seen : m_seen) {
            if (seen.data() == key.data()) {  // static texts: one address per key
                return false;
            }
        }
        m_seen.push_back(key);
        return true;
    }

    std::optional<std::string_view> one_field(std::string_view key, od::value& value) {
        const FieldSpec* spec = find_field_by_key(key);
        const bool check_key = m_kind == RecordKind::check && (key == "expect" || key == "source");
        const std::string_view known = spec != nullptr ? spec->key : (key == "expect" ? "expect" : "source");
        if ((spec != nullptr || check_key) && !first_time(known)) {
            note(RecordError{std::string(key), std::string(key) + " is given more than once", false, false});
            return std::nullopt;  // the loop skips the value
        }
        if (check_key) {
            return check_field(key, value);
        }
        if (spec == nullptr) {
            note(unknown_key(key, m_kind));
            return std::nullopt;
        }
        Scalar given;
        if (auto bad = read_scalar(value, given)) {
            return bad;
        }
        if (spec->kind == ValueKind::id) {
            if (given.type == od::json_type::string || given.type == od::json_type::number) {
                m_pending_id = given.raw;
            } else {
                note(RecordError{"id", "id must be a string or a number, got " + shorten(given.raw), false, false});
            }
        } else if (!m_problem) {  // after a field error, only the id is still of use
            note(assign(m_out.input, *spec, given));
        }
        return std::nullopt;
    }

    std::optional<std::string_view> check_field(std::string_view key, od::value& value) {
        od::json_type type{};
        if (value.type().get(type) != simdjson::SUCCESS) {
            return syntax_text(simdjson::TAPE_ERROR);
        }
        if (key == "expect" && type == od::json_type::object) {
            od::object object;
            std::string_view raw;
            if (const error_code e = value.get_object().get(object)) {
                return syntax_text(e);
            }
            if (const error_code e = object.raw_json().get(raw)) {
                return syntax_text(e);
            }
            m_out.expect_json.assign(raw);
        } else if (key == "source" && type == od::json_type::string) {
            std::string_view text;
            if (const error_code e = value.get_string().get(text)) {
                return syntax_text(e);
            }
            m_out.source.assign(text);
        } else {
            const std::string what = key == "expect" ? "an object" : "a string";
            note(RecordError{std::string(key), std::string(key) + " must be " + what + ", got " + std::string(type_word(type)),
                             false, false});
        }
        return std::nullopt;
    }

    RecordKind m_kind;
    Record& m_out;
    std::vector<std::string_view>& m_seen;
    std::string_view m_pending_id;
    std::optional<RecordError> m_problem;
};

/// A record that is valid JSON but not an object: say what it is.
RecordError not_an_object(od::document& doc, std::string_view bytes) {
    od::json_type type{};
    if (doc.type().get(type) != simdjson::SUCCESS) {
        return syntax_error(syntax_text(simdjson::TAPE_ERROR), nullptr, bytes);
    }
    bool valid = true;
    bool null = false;
    std::string_view text;
    bool boolean = false;
    if (type == od::json_type::number) {
        std::string_view token;
        valid = doc.raw_json_token().get(token) == simdjson::SUCCESS && is_json_number(trim(token));
    } else if (type == od::json_type::string) {
        valid = doc.get_string().get(text) == simdjson::SUCCESS;
    } else if (type == od::json_type::boolean) {
        valid = doc.get_bool().get(boolean) == simdjson::SUCCESS;
    } else if (type == od::json_type::null) {
        valid = doc.is_null().get(null) == simdjson::SUCCESS && null;
    }
    if (!valid) {
        return syntax_error(syntax_text(simdjson::TAPE_ERROR), nullptr, bytes);
    }
    return RecordError{"", "a record must be a JSON object (a case), got " + std::string(type_word(type)), false,
                       false};
}

const char* location(od::document& doc) {
    const char* at = nullptr;
    return doc.current_location().get(at) == simdjson::SUCCESS ? at : nullptr;
}

}  // namespace

std::optional<RecordError> read_padded_record(std::string_view bytes, RecordKind kind, Record& out) {
    static_assert(k_record_padding >= simdjson::SIMDJSON_PADDING);
    out.clear();
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        return syntax_error("a byte-order mark (EF BB BF) may only start the input, not a record", nullptr, bytes);
    }
    ThreadParser& state = thread_parser();
    od::document doc;
    if (const error_code e = state.parser.iterate(bytes.data(), bytes.size(), bytes.size() + k_record_padding).get(doc)) {
        return syntax_error(syntax_text(e), nullptr, bytes);
    }
    od::object object;
    const error_code not_object = doc.get_object().get(object);
    if (not_object == simdjson::INCORRECT_TYPE) {
        return not_an_object(doc, bytes);
    }
    if (not_object != simdjson::SUCCESS) {
        return syntax_error(syntax_text(not_object), nullptr, bytes);
    }
    FieldReader reader(kind, out, state.seen);
    if (const auto bad = reader.read(object)) {
        return syntax_error(*bad, location(doc), bytes);
    }
    if (const char* after = location(doc); after != nullptr) {
        return syntax_error("unexpected text after the object", after, bytes);
    }
    return std::move(reader.problem());
}

std::optional<RecordError> read_record(std::string_view bytes, RecordKind kind, Record& out) {
    std::vector<char>& padded = thread_parser().padded;
    padded.resize(bytes.size() + k_record_padding);
    std::memcpy(padded.data(), bytes.data(), bytes.size());
    std::memset(padded.data() + bytes.size(), '\n', k_record_padding);
    return read_padded_record(std::string_view(padded.data(), bytes.size()), kind, out);
}

}  // namespace lmsstage::cli
