#pragma once
/// The one table of case fields: for each, its names, how its value is written, the words it
/// accepts (and the other words clinicians type for them), its help text and what leaving it out
/// means. Both doors (command line and JSON), the web form, `--help`, the manual page and the shell
/// completions are built from it; the staging systems say which fields they read (rules.hpp).
///
/// Reading a value only converts text to a value ("55mm" -> 55 mm); whether the value is valid
/// (a positive size, edition 7 or 8) is decided in one place, by `stage()` and `validate()`.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lmsstage/case_error.hpp"
#include "lmsstage/vocabulary.hpp"

namespace lmsstage {

struct Case;

/// How a field's value is written: the same words on the command line, in JSON and in the page.
enum class ValueKind : std::uint8_t {
    choice,   ///< one word from a fixed list (site, histology, depth, ...)
    length,   ///< a number of cm, a number with its unit (55mm, 5.5 cm), or unknown
    grade,    ///< 1, 2, 3 or X
    finding,  ///< yes, no or unknown (a flag on the command line: --nodes, --no-nodes, --nodes=unknown)
    count,    ///< a whole number
    percent,  ///< a number 0 to 100, or unknown
    rate,     ///< a number 0 or more, or unknown
    edition,  ///< 7 or 8
    id,       ///< a record's identifier, echoed back; not part of the case (JSON only)
};

/// Another word for a value, as clinicians and registries write it: "III" for grade 3,
/// "oesophagus" for esophagus.
struct Synonym {
    std::string_view word;   ///< as typed, in lower case with - for spaces ("g3", "small-bowel")
    std::string_view means;  ///< the canonical word it stands for ("3", "small-intestine")
};

/// The closed range a number must fall in (a count, a percentage, a rate). stage() and validate()
/// refuse a value outside it with "must be " and the row's `numbers` text.
struct Bounds {
    double min;
    double max;  ///< infinity when there is no upper bound
};

/// One case field.
struct FieldInfo {
    Field field;
    std::string_view key;     ///< the JSON key: abdominal_sites
    std::string_view option;  ///< the command-line option: --abdominal-sites (the key with - for _)
    ValueKind kind;
    std::string_view placeholder;  ///< the value's name in help: N, LENGTH, SITE
    std::string_view topic;        ///< the part of the help it belongs to: "Where and what", "Uterus", ...
    std::string_view help;         ///< what it means, its values, when it applies
    std::string_view numbers;      ///< what to write when it is not a word: "a whole number of sites, 0 or more"
    std::string_view left_out;     ///< what leaving it out means, or "" when nothing is assumed
    std::span<const Synonym> synonyms;
    // How the field lives in a Case, made from the Case member by the table (fields.cpp).
    bool (*given)(const Case&) noexcept;                                          ///< nullptr for the id
    std::optional<CaseError> (*read)(Case&, const FieldInfo&, std::string_view);  ///< nullptr for the id
    std::span<const std::string_view> (*words)() noexcept;                        ///< the fixed list, if any
    /// A number's value as a double when it is given and known (count, percent, rate), else nothing.
    std::optional<double> (*number)(const Case&) noexcept;
    std::optional<Bounds> bounds;  ///< the range of a number field; every count, percent and rate has one
    /// What to say when a system needs the field, it is left out and its value would change the
    /// answer ("is required: the greatest dimension ..."); empty when a system never asks for it.
    std::string_view asked;
    /// For a field a system asks for: one value in every band or class any system tells apart (sizes
    /// either side of 2, 4, 5, 10 and 15 cm, every grade...). Staging tries each to learn whether a
    /// left-out field changes the answer; a test checks that every band of every rule set has one.
    std::span<const std::string_view> representatives;
};

/// Every field, in help order.
std::span<const FieldInfo> fields() noexcept;
/// The row of a field.
const FieldInfo& field_info(Field field) noexcept;
/// The field with this JSON key ("abdominal_sites"), or nullptr.
const FieldInfo* find_field(std::string_view key) noexcept;
/// The canonical words a field accepts when they are a fixed list, in help order; empty for
/// numbers, lengths and the id. Refused words (carcinosarcoma) are not among them.
std::span<const std::string_view> value_words(const FieldInfo& field) noexcept;
/// What a field accepts, for messages and help: "one of superficial or deep", "1, 2, 3 or X".
std::string accepted_values(const FieldInfo& field);

/// Reads a field's value from its text, as typed on the command line or found in a JSON string or
/// number: canonical words in any case, their synonyms, numbers, lengths with units, "unknown"
/// where the field allows it. The CaseError names the field, repeats what was given and says what
/// to write instead (a close word, "use a decimal point", "give the greatest dimension", the
/// field a body site or organ belongs in).
std::optional<CaseError> read_field(Case& target, const FieldInfo& field, std::string_view text);
/// Sets a yes/no/unknown finding from a boolean (a bare --nodes, JSON true/false).
std::optional<CaseError> read_field(Case& target, const FieldInfo& field, bool value);
/// A C string is text (without this, "3" would convert to bool and read as yes).
inline std::optional<CaseError> read_field(Case& target, const FieldInfo& field, const char* text) {
    return read_field(target, field, std::string_view(text));
}

/// The text without surrounding blanks (spaces and tabs), as a field's value is read, and as the
/// other doors read a value or a name before they look it up.
constexpr std::string_view trimmed(std::string_view text) noexcept {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

/// Levenshtein distance, for "did you mean" (99 for words over 63 bytes).
std::size_t edit_distance(std::string_view a, std::string_view b) noexcept;

}  // namespace lmsstage
