#pragma once
/// The histology table (data/histology.csv, compiled in): every ICD-O-3 morphology lmsstage knows,
/// with its name, the words clinicians and registries write for it, and which system stages it at
/// which site, or why none does. A case names its histology by a word (`liposarcoma`, `ups`, `lms`)
/// or by its ICD-O-3 code (`8850`, `8850/3`); both doors and the NAACCR door read it from here.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "lmsstage/vocabulary.hpp"

namespace lmsstage {

/// How a histology is staged at a group of sites: not at all, or by which rules.
enum class StagedAs : std::uint8_t {
    none,          ///< not staged there: the row's refusal, or the site's, says why
    figo,          ///< uterus: FIGO 2009 leiomyosarcoma and endometrial stromal sarcoma table
    adenosarcoma,  ///< uterus: FIGO 2009 adenosarcoma table
    gist,          ///< GI tract and peritoneum: the AJCC GIST chapter
    visceral,      ///< GI tract: a sarcoma of a hollow viscus (AJCC 8 visceral T; AJCC 7 does not stage it)
};

/// One row of the histology table: an ICD-O-3 code (or a range of codes) with one behaviour.
struct HistologyRow {
    std::uint16_t code_from;
    std::uint16_t code_to;
    std::uint8_t behaviour;     ///< ICD-O-3 behaviour: 3 malignant; 1 for the refused intermediate tumours
    std::string_view word;      ///< the canonical word ("liposarcoma"); empty for a range (written as its code)
    std::string_view name;      ///< the ICD-O-3 term in words ("liposarcoma, NOS")
    std::string_view synonyms;  ///< other words for it, separated by '|', folded ("lps|...")
    Histology family;           ///< what the staging rules tell apart
    bool ajcc7;                 ///< staged by the AJCC 7th edition soft tissue chapter (ch. 28)
    bool ajcc8;                 ///< staged by the AJCC 8th edition soft tissue chapters (ch. 40-42, 44)
    StagedAs uterus;            ///< at site uterus
    StagedAs gi;                ///< at site gi
    std::string_view refusal;   ///< why it is not staged where a column says none (and what stages it)
    std::string_view source;    ///< where the row comes from

    [[nodiscard]] constexpr bool refused() const noexcept {
        return family == Histology::excluded || family == Histology::carcinosarcoma;
    }
    [[nodiscard]] constexpr bool contains(std::uint16_t code, std::uint8_t b) const noexcept {
        return code >= code_from && code <= code_to && b == behaviour;
    }
};

/// Every row, in code order. A code may lie in a range row and in a row of its own: the row of
/// its own (the narrower) is the code's.
std::span<const HistologyRow> histology_table() noexcept;

/// A histologic type: an ICD-O-3 code and behaviour that has a row in the histology table.
class HistologyType {
public:
    /// The usual type of a family: lms 8890/3, ess 8930/3, adenosarcoma 8933/3, gist 8936/3,
    /// carcinosarcoma 8980/3, sarcoma 8800/3.
    HistologyType(Histology family) noexcept;  // NOLINT(google-explicit-constructor)
    /// The type of an ICD-O-3 code and behaviour, or nullopt when the table has no row for it.
    static std::optional<HistologyType> of(std::uint16_t code, std::uint8_t behaviour) noexcept;
    /// The type a word of the table stands for (its word or a synonym, folded: lower case, - for
    /// spaces), or nullopt.
    static std::optional<HistologyType> named(std::string_view folded_word) noexcept;

    [[nodiscard]] std::uint16_t code() const noexcept { return m_code; }
    [[nodiscard]] std::uint8_t behaviour() const noexcept { return m_behaviour; }
    [[nodiscard]] const HistologyRow& row() const noexcept { return histology_table()[m_row]; }
    [[nodiscard]] Histology family() const noexcept { return row().family; }
    /// "8850/3".
    [[nodiscard]] std::string code_text() const;
    /// The word it is written as: the row's word, or its code ("8857/3") for a range row.
    [[nodiscard]] std::string word() const;

    friend bool operator==(const HistologyType&, const HistologyType&) = default;
    /// Compares the family: `c.histology == Histology::gist`.
    friend bool operator==(const HistologyType& type, Histology family) noexcept { return type.family() == family; }

private:
    HistologyType(std::uint16_t code, std::uint8_t behaviour, std::uint16_t row) noexcept
        : m_code(code), m_behaviour(behaviour), m_row(row) {}
    std::uint16_t m_code;
    std::uint8_t m_behaviour;
    std::uint16_t m_row;
};

}  // namespace lmsstage
