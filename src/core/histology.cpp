// The histology table's look-ups: a code and behaviour to its row, a word to its type.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/histology_data.hpp"
#include "lmsstage/histology.hpp"

namespace lmsstage {
namespace {

constexpr std::uint16_t k_no_row = 0xFFFF;

/// The row of a code and behaviour: the narrowest row containing it (a code's own row before the
/// range around it), or k_no_row.
std::uint16_t row_of(std::uint16_t code, std::uint8_t behaviour) noexcept {
    const auto rows = detail::histology_rows();
    std::uint16_t best = k_no_row;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].contains(code, behaviour) &&
            (best == k_no_row || rows[i].code_to - rows[i].code_from < rows[best].code_to - rows[best].code_from)) {
            best = static_cast<std::uint16_t>(i);
        }
    }
    return best;
}

/// A word of the table and the row it names, sorted by word for a binary search: a million
/// records look their histology up a million times.
struct WordEntry {
    std::string_view word;
    std::uint16_t row;
    friend bool operator<(const WordEntry& a, const WordEntry& b) noexcept { return a.word < b.word; }
};

const std::vector<WordEntry>& word_index() {
    static const std::vector<WordEntry> k_index = [] {
        std::vector<WordEntry> index;
        const auto rows = detail::histology_rows();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto row = static_cast<std::uint16_t>(i);
            if (!rows[i].word.empty()) {
                index.push_back({rows[i].word, row});
            }
            std::string_view rest = rows[i].synonyms;
            while (!rest.empty()) {
                const std::size_t bar = rest.find('|');
                index.push_back({rest.substr(0, bar), row});
                rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
            }
        }
        std::sort(index.begin(), index.end());
        return index;
    }();
    return k_index;
}

/// The usual code of each family (Histology order).
constexpr std::array<std::uint16_t, 7> k_family_codes = {8890, 8930, 8933, 8936, 8980, 8800, 9140};

/// The row of each family's usual code, found once.
std::uint16_t family_row(Histology family) noexcept {
    static const auto k_rows = [] {
        std::array<std::uint16_t, k_family_codes.size()> rows{};
        for (std::size_t i = 0; i < rows.size(); ++i) {
            rows[i] = row_of(k_family_codes[i], 3);
        }
        return rows;
    }();
    return k_rows[static_cast<std::size_t>(family)];
}

}  // namespace

std::span<const HistologyRow> histology_table() noexcept { return detail::histology_rows(); }

HistologyType::HistologyType(Histology family) noexcept
    : m_code(k_family_codes[static_cast<std::size_t>(family)]), m_behaviour(3), m_row(family_row(family)) {}

std::optional<HistologyType> HistologyType::of(std::uint16_t code, std::uint8_t behaviour) noexcept {
    const std::uint16_t row = row_of(code, behaviour);
    if (row == k_no_row) {
        return std::nullopt;
    }
    return HistologyType(code, behaviour, row);
}

std::optional<HistologyType> HistologyType::named(std::string_view folded_word) noexcept {
    const auto& index = word_index();
    const auto found = std::lower_bound(index.begin(), index.end(), WordEntry{folded_word, 0});
    if (found == index.end() || found->word != folded_word) {
        return std::nullopt;
    }
    const HistologyRow& row = histology_table()[found->row];
    return HistologyType(row.code_from, row.behaviour, found->row);
}

std::string HistologyType::code_text() const {
    return std::to_string(m_code) + '/' + static_cast<char>('0' + m_behaviour);
}

std::string HistologyType::word() const {
    const std::string_view w = row().word;
    return w.empty() || row().code_from != m_code ? code_text() : std::string(w);
}

}  // namespace lmsstage
