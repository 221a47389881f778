#pragma once
// The one list of case fields: key, option spelling, accepted values and help. The command-line
// options, the JSON reader and the help text are all built from it, so they cannot drift apart.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lmsstage/case.hpp"
#include "lmsstage/result.hpp"

namespace lmsstage::cli {

/// How a field's value is written.
enum class ValueKind {
    choice,         ///< one word from a fixed list
    length,         ///< a number of cm, a number with unit, or unknown
    grade,          ///< 1, 2, 3 or X
    finding,        ///< yes / no / unknown (flag form on the command line)
    yes_no,         ///< yes / no (flag form on the command line)
    count,          ///< a whole number
    percent,        ///< a number 0-100
    rate,           ///< a number, or unknown
    edition,        ///< 7 or 8
    id,             ///< echoed back untouched (JSON only)
};

struct FieldSpec {
    Field field;
    std::string_view key;          ///< JSON key: abdominal_sites
    std::string_view option;       ///< command line: --abdominal-sites
    ValueKind kind;
    std::string_view placeholder;  ///< TEXT shown in --help
    std::string_view help;         ///< one line of help, with accepted values and when it applies
};

/// Every case field, in help order.
std::span<const FieldSpec> field_specs() noexcept;
const FieldSpec& spec_of(Field field) noexcept;
const FieldSpec* find_field_by_key(std::string_view key) noexcept;

/// The accepted values of a field, as a sentence fragment: "1, 2, 3 or X".
std::string accepted_values(const FieldSpec& spec);
/// The words a field accepts when they are a fixed list (a choice, grade, yes/no, edition), in
/// the order help gives them; empty for a number, a length or an id.
std::vector<std::string_view> value_words(const FieldSpec& spec);

/// Reads the text form of a field into the case (command-line value, or a JSON string). The
/// CaseError names the field; its problem says what was given and what is accepted.
std::optional<CaseError> set_from_text(Case& target, const FieldSpec& spec, std::string_view text);
/// Sets a yes/no field (or nodes) from a boolean.
std::optional<CaseError> set_from_bool(Case& target, const FieldSpec& spec, bool value);

/// Levenshtein distance, for "did you mean" suggestions (99 for words over 63 bytes).
std::size_t edit_distance(std::string_view a, std::string_view b) noexcept;

/// Parses "6", "5.5cm", "55 mm" or "unknown" (the size-with-unit parser).
std::optional<CaseError> parse_length(std::string_view text, std::optional<Measured<Length>>& out);

}  // namespace lmsstage::cli
