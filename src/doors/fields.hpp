#pragma once
// The doors' names for the core field table (include/lmsstage/fields.hpp): the command line, the
// JSON reader, the web page and the completions all read fields through these.

#include <algorithm>
#include <cctype>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "lmsstage/case.hpp"
#include "lmsstage/fields.hpp"

namespace lmsstage::doors {

using FieldSpec = lmsstage::FieldInfo;
using lmsstage::accepted_values;
using lmsstage::edit_distance;
using lmsstage::value_words;
using lmsstage::ValueKind;

/// Every case field, in help order.
inline std::span<const FieldSpec> field_specs() noexcept { return fields(); }
inline const FieldSpec& spec_of(Field field) noexcept { return field_info(field); }
inline const FieldSpec* find_field_by_key(std::string_view key) noexcept { return find_field(key); }

/// Reads the text form of a field into the case (a command-line value, a JSON string or number).
inline std::optional<CaseError> set_from_text(Case& target, const FieldSpec& spec, std::string_view text) {
    return read_field(target, spec, text);
}
/// Sets a yes/no/unknown finding from a boolean.
inline std::optional<CaseError> set_from_bool(Case& target, const FieldSpec& spec, bool value) {
    return read_field(target, spec, value);
}

/// Reads "6", "5.5cm", "55 mm" or "unknown" as a size (whether it is a valid size is the core's
/// to say: -3 reads as -3 cm).
inline std::optional<CaseError> parse_length(std::string_view text, std::optional<Measured<Length>>& out) {
    Case c;
    auto bad = read_field(c, field_info(Field::size), text);
    if (!bad) {
        out = c.size;
    }
    return bad;
}

/// A name in lower case (its ASCII letters), to match names in any letter case.
inline std::string lowercase(std::string_view name) {
    std::string out(name);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

/// " (did you mean X?)" for a suggestion, as every message that offers one words it; nothing when
/// there is none.
inline std::string did_you_mean(std::string_view suggestion) {
    return suggestion.empty() ? std::string() : " (did you mean " + std::string(suggestion) + "?)";
}

/// The known name nearest a misspelt one, for "did you mean": the first considered at the smallest
/// distance, if within two edits; empty when none is that close.
class Closest {
public:
    explicit Closest(std::string_view word) : m_word(word) {}
    void consider(std::string_view candidate) {
        if (const std::size_t d = edit_distance(m_word, candidate); d < m_best) {
            m_best = d;
            m_suggestion = std::string(candidate);
            m_ties = m_suggestion;
        } else if (d == m_best && !m_suggestion.empty()) {
            m_ties.append(" or ").append(candidate);
        }
    }
    [[nodiscard]] const std::string& suggestion() const noexcept { return m_suggestion; }
    /// Every name at the smallest distance, in the order considered: "--size or --site".
    [[nodiscard]] const std::string& ties() const noexcept { return m_ties; }
    /// " (did you mean X?)", the suggestion within `quote`s, or nothing when none is close.
    [[nodiscard]] std::string hint(std::string_view quote = {}) const {
        return m_suggestion.empty() ? std::string()
                                    : did_you_mean(std::string(quote) + m_suggestion + std::string(quote));
    }

private:
    std::string_view m_word;
    std::size_t m_best = 3;  // suggest only close matches
    std::string m_suggestion;
    std::string m_ties;
};

/// True for the fields written as flags on the command line (--nodes, --no-nodes, --nodes=unknown).
inline bool is_flag_form(const FieldSpec& spec) noexcept { return spec.kind == ValueKind::finding; }

}  // namespace lmsstage::doors
