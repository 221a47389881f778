#include "cli/json_fields.hpp"

#include <utility>

#include "doors/safe_text.hpp"

namespace lmsstage::cli {
namespace {

constexpr std::size_t k_echo_limit = 40;  // how much of a bad value an error message repeats

RecordError value_error(const FieldSpec& spec, std::string message) {
    return RecordError{std::string(spec.key), std::string(spec.key) + " " + std::move(message), true, false};
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

}  // namespace

// JSON takes what the command line takes: a string or a number is read as the words of the
// vocabulary ("3", "yes", "55 mm", "unknown"), true and false answer a yes/no field, and null is a
// value not given (what CSV converters and pandas write for a missing value).
std::optional<RecordError> assign_json(Case& c, const FieldSpec& spec, const JsonValue& given) {
    switch (given.type) {
        case JsonValue::Type::null: return std::nullopt;
        case JsonValue::Type::string: return from_case_error(set_from_text(c, spec, given.text), given.text);
        case JsonValue::Type::number: return from_case_error(set_from_text(c, spec, given.text), given.text);
        case JsonValue::Type::boolean:
            if (spec.kind == ValueKind::finding) {
                return from_case_error(set_from_bool(c, spec, given.boolean), given.raw);
            }
            break;
        case JsonValue::Type::object:
        case JsonValue::Type::array: break;
    }
    return value_error(spec, "must be " + accepted_values(spec) + " (a JSON string or number" +
                                 std::string(spec.kind == ValueKind::finding ? ", or true or false" : "") + "), got " +
                                 shorten(given.raw));
}

RecordError unknown_key(std::string_view key, bool check_keys) {
    std::vector<std::string_view> keys;
    Closest closest(key);
    for (const FieldSpec& spec : field_specs()) {
        keys.push_back(spec.key);
    }
    if (check_keys) {
        keys.insert(keys.end(), {"expect", "source"});
    }
    for (const std::string_view k : keys) {
        closest.consider(k);
    }
    const std::string shown = shorten(key);
    return RecordError{shown,
                       "unknown field \"" + shown + "\"" + closest.hint("\"") + "; accepted fields: " + joined(keys),
                       false, false};
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

}  // namespace lmsstage::cli
