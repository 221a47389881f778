#pragma once
/// Five-year survival tables by SEER summary stage. The figures live in data/survival.json and are
/// compiled into the library at build time; nothing is read from disk at run time.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace lmsstage {

/// SEER summary stage: the extent of spread that published survival figures are grouped by.
enum class SummaryStage : std::uint8_t { localized, regional, distant };
inline constexpr std::array k_all_summary_stages = {SummaryStage::localized, SummaryStage::regional,
                                                    SummaryStage::distant};
std::string_view name(SummaryStage value) noexcept;

struct SurvivalRow {
    SummaryStage summary_stage;
    double percent;
    std::string_view percent_text;  ///< the figure exactly as published ("82.4")
};

struct SurvivalTable {
    std::string_view id;       ///< "soft-tissue-sarcoma"
    std::string_view title;    ///< "Soft tissue sarcoma"
    std::string_view measure;  ///< "5-year relative survival"
    std::string_view source;   ///< who published the figures
    std::string_view cohort;   ///< diagnosis years, empty when the source does not say
    std::string_view taken;    ///< when the figures were taken into lmsstage (ISO date)
    std::string_view cited_in; ///< the publication the figures were taken from
    std::array<SurvivalRow, 3> rows;
};

/// Every table lmsstage carries, in data-file order.
std::span<const SurvivalTable> survival_tables() noexcept;
/// The table with this id, or nullptr.
const SurvivalTable* find_survival_table(std::string_view id) noexcept;

}  // namespace lmsstage
