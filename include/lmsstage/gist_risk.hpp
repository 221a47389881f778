#pragma once
/// The risk of progression of a resected primary GIST, shown beside its AJCC stage: the AFIP table
/// (Miettinen and Lasota 2006) by site, size and mitotic rate, with the percentage of patients of
/// its series whose disease progressed, and the modified NIH criteria (Joensuu 2008), where tumour
/// rupture is high risk. Both are population figures from the source series, not a prediction for
/// one patient; lmsstage gives no treatment advice. The tables are data (docs/rules.md §3a), looked
/// up by pure functions.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "lmsstage/vocabulary.hpp"

namespace lmsstage {

struct Case;
struct Length;

/// Greatest dimension, as both tables band it; every boundary belongs to the lower band.
enum class GistSizeBand : std::uint8_t { up_to_2, over_2_to_5, over_5_to_10, over_10 };
/// Mitotic rate per 50 HPF as the AFIP table bands it.
enum class AfipRateBand : std::uint8_t { up_to_5, over_5 };
/// Mitotic rate per 50 HPF as the modified NIH criteria band it: 5 or less, 6 to 10, more than 10.
enum class NihRateBand : std::uint8_t { up_to_5, from_6_to_10, over_10 };
/// The AFIP table's site columns.
enum class AfipSite : std::uint8_t { gastric, duodenum, jejunum_ileum, rectum };
/// The risk categories of both tables; `moderate` is AFIP's word, `intermediate` NIH's.
enum class RiskCategory : std::uint8_t { none, very_low, low, moderate, intermediate, high, insufficient_data };

inline constexpr std::array k_all_gist_size_bands = {GistSizeBand::up_to_2, GistSizeBand::over_2_to_5,
                                                     GistSizeBand::over_5_to_10, GistSizeBand::over_10};
inline constexpr std::array k_all_afip_rate_bands = {AfipRateBand::up_to_5, AfipRateBand::over_5};
inline constexpr std::array k_all_nih_rate_bands = {NihRateBand::up_to_5, NihRateBand::from_6_to_10,
                                                    NihRateBand::over_10};
inline constexpr std::array k_all_afip_sites = {AfipSite::gastric, AfipSite::duodenum, AfipSite::jejunum_ileum,
                                                AfipSite::rectum};
inline constexpr std::array k_all_risk_categories = {RiskCategory::none,
                                                     RiskCategory::very_low,
                                                     RiskCategory::low,
                                                     RiskCategory::moderate,
                                                     RiskCategory::intermediate,
                                                     RiskCategory::high,
                                                     RiskCategory::insufficient_data};

std::string_view name(GistSizeBand value) noexcept;  ///< "<= 2 cm", "> 2 cm, <= 5 cm", ...
std::string_view name(AfipRateBand value) noexcept;  ///< "<= 5 per 50 HPF", "> 5 per 50 HPF"
std::string_view name(NihRateBand value) noexcept;   ///< "<= 5 per 50 HPF", "6-10 per 50 HPF", "> 10 per 50 HPF"
std::string_view name(AfipSite value) noexcept;      ///< "gastric", "duodenum", "jejunum-ileum", "rectum"
std::string_view name(RiskCategory value) noexcept;  ///< "none", "very-low", ..., "insufficient-data"

/// The band of a length (exact at the boundaries: 5 cm is <= 5, 5.0000001 cm is > 5).
GistSizeBand size_band(const Length& length) noexcept;
/// The bands of a mitotic rate per 50 HPF (5 is <= 5; 10 is 6-10; 10.5 is > 10).
AfipRateBand afip_rate_band(double rate) noexcept;
NihRateBand nih_rate_band(double rate) noexcept;

/// One cell of the AFIP table, with where its values come from.
struct AfipCell {
    AfipSite site;
    GistSizeBand size;
    AfipRateBand rate;
    RiskCategory category;
    std::string_view percent;  ///< % of the series with progressive disease, as printed ("3.6"); "" when none is
    bool small_numbers;        ///< the source marks the cell "small numbers of cases"
    std::string_view source;
    std::string_view note;  ///< where public copies disagree and how it was settled; "" when they agree
};
/// The 32 cells: every site, size band and rate band, in that order.
std::span<const AfipCell> afip_table() noexcept;
const AfipCell& afip_cell(AfipSite site, GistSizeBand size, AfipRateBand rate) noexcept;

/// One cell of the modified NIH criteria, gastric or non-gastric, without rupture.
struct NihCell {
    bool gastric;
    GistSizeBand size;
    NihRateBand rate;
    RiskCategory category;
    RiskCategory alternative;  ///< == category, unless the public copies of the criteria disagree on the cell
    std::string_view row;      ///< the criterion's row that gives it, in its words
    std::string_view note;     ///< the disagreement, when there is one
};
/// The 24 cells: gastric then non-gastric, by size band and rate band.
std::span<const NihCell> nih_table() noexcept;
const NihCell& nih_cell(bool gastric, GistSizeBand size, NihRateBand rate) noexcept;

inline constexpr std::string_view k_afip_name = "AFIP (Miettinen and Lasota 2006)";
inline constexpr std::string_view k_nih_name = "modified NIH (Joensuu 2008)";
/// Where the AFIP table's cells come from, unless a cell says otherwise.
extern const std::string_view k_afip_source;
/// Where the modified NIH criteria come from.
extern const std::string_view k_nih_source;
/// "population figures from the source series, not a prediction for one patient; ..."
std::string_view gist_risk_caveat() noexcept;

/// A set of risk categories.
class RiskSet {
public:
    constexpr void insert(RiskCategory c) noexcept { m_bits = static_cast<std::uint8_t>(m_bits | bit(c)); }
    [[nodiscard]] constexpr bool contains(RiskCategory c) const noexcept { return (m_bits & bit(c)) != 0; }
    [[nodiscard]] constexpr bool empty() const noexcept { return m_bits == 0; }
    [[nodiscard]] int size() const noexcept;
    friend constexpr bool operator==(RiskSet, RiskSet) noexcept = default;

private:
    static constexpr std::uint8_t bit(RiskCategory c) noexcept {
        return static_cast<std::uint8_t>(1U << static_cast<unsigned>(c));
    }
    std::uint8_t m_bits = 0;
};

/// The risk of progression of one GIST: every cell the inputs leave possible (a size or mitotic rate
/// unknown gives every band; small-intestine both of its parts; rupture unknown adds high).
struct GistRisk {
    bool assessed = false;  ///< false: not a GIST, or a metastatic one (nothing else here is set)
    /// A GIST with regional node or distant metastasis (nodes or metastasis present): outside the
    /// tables' series of resected primary tumours, so not assessed.
    bool metastatic = false;

    std::array<const AfipCell*, 16> afip_cells{};  ///< distinct cells, in table order
    std::uint8_t afip_count = 0;                   ///< 0: the site has no AFIP column (afip_note says so)
    RiskSet afip;
    std::string_view afip_note;  ///< why the site has no column, or which columns a site stands for

    std::array<const NihCell*, 24> nih_cells{};  ///< distinct cells, in table order (none when ruptured)
    std::uint8_t nih_count = 0;
    RiskSet nih;
    Finding rupture = Finding::absent;  ///< as given; absent also when left out (rupture_assumed)
    bool rupture_assumed = false;       ///< rupture left out: no rupture, stated as an assumption
    std::string_view nih_note;          ///< how the site was read (omentum), when it needed reading

    [[nodiscard]] std::span<const AfipCell* const> afip_possible() const noexcept {
        return {afip_cells.data(), afip_count};
    }
    [[nodiscard]] std::span<const NihCell* const> nih_possible() const noexcept {
        return {nih_cells.data(), nih_count};
    }
};

/// The risk of progression of a GIST case (site gi, histology gist, gi_site given), unless the case
/// has regional node or distant metastasis (then `metastatic`, not `assessed`). Pure.
GistRisk assess_gist_risk(const Case& input) noexcept;

}  // namespace lmsstage
