#pragma once
/// Five-year survival tables by SEER summary stage. The figures live in data/survival.json and are
/// compiled into the library at build time; nothing is read from disk at run time.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "lmsstage/vocabulary.hpp"

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

/// One published table and the truth about it: its primary source, the secondary source the figures
/// were actually copied from, its cohort, when it was recorded, and the population it describes.
struct SurvivalTable {
    std::string_view id;                     ///< "soft-tissue-sarcoma"
    std::string_view title;                  ///< "Soft tissue sarcoma"
    std::string_view measure;                ///< "5-year relative survival"
    std::string_view source;                 ///< the primary source that published the figures
    std::string_view cohort;                 ///< diagnosis years, or "not stated"
    std::string_view taken;                  ///< when the figures were recorded in lmsstage (ISO date)
    std::string_view cited_in;               ///< the secondary source the figures were quoted from
    std::string_view population;             ///< who the figures describe, in words (sites, histologies, exclusions)
    std::span<const Site> sites;             ///< the lmsstage sites inside the population
    std::span<const Histology> histologies;  ///< the lmsstage histologies inside it
    std::array<SurvivalRow, 3> rows;

    /// True when a case of this site and histology belongs to the table's population.
    [[nodiscard]] constexpr bool covers(Site site, Histology histology) const noexcept {
        bool site_in = false;
        for (Site s : sites) {
            site_in = site_in || s == site;
        }
        bool histology_in = false;
        for (Histology h : histologies) {
            histology_in = histology_in || h == histology;
        }
        return site_in && histology_in;
    }
};

/// Every table lmsstage carries, in data-file order.
std::span<const SurvivalTable> survival_tables() noexcept;
/// The table with this id, or nullptr.
const SurvivalTable* find_survival_table(std::string_view id) noexcept;
/// The table whose population covers a case of this site and histology, or nullptr.
const SurvivalTable* survival_table_for(Site site, Histology histology) noexcept;

}  // namespace lmsstage
