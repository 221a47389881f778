// The risk of progression of a resected primary GIST (include/lmsstage/gist_risk.hpp, docs/rules.md
// §3a): the AFIP table (Miettinen and Lasota 2006) and the modified NIH criteria (Joensuu 2008), as
// data, and their lookup over every value the inputs leave possible.
#include "lmsstage/gist_risk.hpp"

#include "lmsstage/case.hpp"

#include <algorithm>
#include <bit>

namespace lmsstage {

namespace {
constexpr std::string_view k_pdq =
    "NCI PDQ Gastrointestinal Stromal Tumors Treatment, health professional version, Table 1 \"Risk "
    "Stratification of Primary GIST by Mitotic Index, Tumor Size, and Tumor Location\" (Miettinen and Lasota, "
    "Semin Diagn Pathol 2006;23:70-83, as adapted by Corless and Heinrich, Annu Rev Pathol 2008;3:557-86)";
}  // namespace

const std::string_view k_afip_source = k_pdq;
const std::string_view k_nih_source =
    "Joensuu H. Risk stratification of patients diagnosed with gastrointestinal stromal tumor. Hum Pathol "
    "2008;39:1411-9, modified NIH consensus criteria (rows as reproduced by medicalalgorithms.com, \"Risk "
    "categories of Joensuu for a gastrointestinal stromal tumor (GIST)\", and by Kobe University Hospital, "
    "Department of Diagnostic Pathology, citing Joensuu 2008 and Rutkowski et al., Eur J Surg Oncol "
    "2011;37:890-6)";

namespace {

using S = GistSizeBand;
using A = AfipRateBand;
using R = RiskCategory;
using N = NihRateBand;

// Where the NCI PDQ's cell is evidently a misprint: the same table adapted from Miettinen and Lasota
// 2006 (Hindawi ISRN Oncology 2012, review of GIST, Table 2; the NCCN table as reproduced in J
// Gastrointest Dig Syst 2014;4:176, Table 2) prints 71.
constexpr std::string_view k_rectum_71 =
    "Miettinen and Lasota 2006, as adapted in ISRN Oncology 2012 (review of GIST, Table 2) and in the NCCN "
    "table reproduced in J Gastrointest Dig Syst 2014;4:176 (Table 2)";
constexpr std::string_view k_note_71 =
    "NCI PDQ prints 7 in this cell, which it also calls high: a misprint of 71, the figure of every other public "
    "copy of the table; 71 is used";
constexpr std::string_view k_note_columns =
    "column labels as NCI PDQ prints them; some copies give the duodenal and jejunal/ileal columns the other way "
    "round (docs/rules.md 3a)";
constexpr std::string_view k_note_52 = "one copy (NCCN table, J Gastrointest Dig Syst 2014) prints 54; NCI PDQ's 52";
constexpr std::string_view k_note_10 = "some copies print 12; NCI PDQ's 10";
constexpr std::string_view k_note_gastric_small =
    "NCI PDQ prints \"None\" without a percentage (one copy prints 0); small numbers of cases in the series";

// clang-format off
constexpr AfipCell k_afip[] = {
    // Gastric
    {AfipSite::gastric, S::up_to_2,      A::up_to_5, R::none,     "0",   false, k_pdq, ""},
    {AfipSite::gastric, S::over_2_to_5,  A::up_to_5, R::very_low, "1.9", false, k_pdq, ""},
    {AfipSite::gastric, S::over_5_to_10, A::up_to_5, R::low,      "3.6", false, k_pdq, ""},
    {AfipSite::gastric, S::over_10,      A::up_to_5, R::moderate, "10",  false, k_pdq, k_note_10},
    {AfipSite::gastric, S::up_to_2,      A::over_5,  R::none,     "",    false, k_pdq, k_note_gastric_small},
    {AfipSite::gastric, S::over_2_to_5,  A::over_5,  R::moderate, "16",  false, k_pdq, ""},
    {AfipSite::gastric, S::over_5_to_10, A::over_5,  R::high,     "55",  false, k_pdq, ""},
    {AfipSite::gastric, S::over_10,      A::over_5,  R::high,     "86",  false, k_pdq, ""},
    // Duodenum (NCI PDQ's second column)
    {AfipSite::duodenum, S::up_to_2,      A::up_to_5, R::none,     "0",   false, k_pdq, k_note_columns},
    {AfipSite::duodenum, S::over_2_to_5,  A::up_to_5, R::low,      "4.3", false, k_pdq, k_note_columns},
    {AfipSite::duodenum, S::over_5_to_10, A::up_to_5, R::moderate, "24",  false, k_pdq, k_note_columns},
    {AfipSite::duodenum, S::over_10,      A::up_to_5, R::high,     "52",  false, k_pdq, k_note_52},
    {AfipSite::duodenum, S::up_to_2,      A::over_5,  R::high,     "",    true,  k_pdq, k_note_columns},
    {AfipSite::duodenum, S::over_2_to_5,  A::over_5,  R::high,     "73",  false, k_pdq, k_note_columns},
    {AfipSite::duodenum, S::over_5_to_10, A::over_5,  R::high,     "85",  false, k_pdq, k_note_columns},
    {AfipSite::duodenum, S::over_10,      A::over_5,  R::high,     "90",  false, k_pdq, k_note_columns},
    // Jejunum/ileum (NCI PDQ's third column)
    {AfipSite::jejunum_ileum, S::up_to_2,      A::up_to_5, R::none,              "0",   false, k_pdq, k_note_columns},
    {AfipSite::jejunum_ileum, S::over_2_to_5,  A::up_to_5, R::low,               "8.3", false, k_pdq, k_note_columns},
    {AfipSite::jejunum_ileum, S::over_5_to_10, A::up_to_5, R::insufficient_data, "",    false, k_pdq, k_note_columns},
    {AfipSite::jejunum_ileum, S::over_10,      A::up_to_5, R::high,              "34",  false, k_pdq, k_note_columns},
    {AfipSite::jejunum_ileum, S::up_to_2,      A::over_5,  R::insufficient_data, "",    false, k_pdq, k_note_columns},
    {AfipSite::jejunum_ileum, S::over_2_to_5,  A::over_5,  R::high,              "50",  false, k_pdq, k_note_columns},
    {AfipSite::jejunum_ileum, S::over_5_to_10, A::over_5,  R::insufficient_data, "",    false, k_pdq, k_note_columns},
    {AfipSite::jejunum_ileum, S::over_10,      A::over_5,  R::high,              "86",  false, k_pdq, k_note_columns},
    // Rectum
    {AfipSite::rectum, S::up_to_2,      A::up_to_5, R::none,              "0",   false, k_pdq, ""},
    {AfipSite::rectum, S::over_2_to_5,  A::up_to_5, R::low,               "8.5", false, k_pdq, ""},
    {AfipSite::rectum, S::over_5_to_10, A::up_to_5, R::insufficient_data, "",    false, k_pdq, ""},
    {AfipSite::rectum, S::over_10,      A::up_to_5, R::high,              "57",  false, k_pdq, ""},
    {AfipSite::rectum, S::up_to_2,      A::over_5,  R::high,              "54",  false, k_pdq, ""},
    {AfipSite::rectum, S::over_2_to_5,  A::over_5,  R::high,              "52",  false, k_pdq, ""},
    {AfipSite::rectum, S::over_5_to_10, A::over_5,  R::insufficient_data, "",    false, k_pdq, ""},
    {AfipSite::rectum, S::over_10,      A::over_5,  R::high,              "71",  false, k_rectum_71, k_note_71},
};
// clang-format on
static_assert(std::size(k_afip) ==
              k_all_afip_sites.size() * k_all_gist_size_bands.size() * k_all_afip_rate_bands.size());

// The modified NIH criteria's rows (Joensuu 2008), in their words.
constexpr std::string_view k_very_low = "very low: <= 2.0 cm, <= 5 per 50 HPF, any site";
constexpr std::string_view k_low = "low: 2.1-5.0 cm, <= 5 per 50 HPF, any site";
constexpr std::string_view k_int_small = "intermediate: <= 5.0 cm, 6-10 per 50 HPF, gastric";
constexpr std::string_view k_int_mid = "intermediate: 5.1-10.0 cm, <= 5 per 50 HPF, gastric";
constexpr std::string_view k_high_size = "high: > 10 cm, any mitotic rate, any site";
constexpr std::string_view k_high_rate = "high: any size, > 10 per 50 HPF, any site";
constexpr std::string_view k_high_both = "high: > 5.0 cm, > 5 per 50 HPF, any site";
constexpr std::string_view k_high_small_ng = "high: <= 5.0 cm, > 5 per 50 HPF, non-gastric";
constexpr std::string_view k_high_mid_ng = "high: 5.1-10.0 cm, <= 5 per 50 HPF, non-gastric";
constexpr std::string_view k_disputed_row =
    "high: <= 5.0 cm, > 5 per 50 HPF, non-gastric; or intermediate: < 2.0 cm, 6-10 per 50 HPF, any site";
constexpr std::string_view k_disputed_note =
    "the public copies of the criteria disagree on this cell: those that list the non-gastric high-risk row as "
    "<= 5.0 cm with > 5 mitoses make it high; those that list the non-gastric row as 2.1-5.0 cm and an "
    "intermediate row of < 2.0 cm with 6-10 mitoses at any site make it intermediate; both are given";

// clang-format off
constexpr NihCell k_nih[] = {
    {true,  S::up_to_2,      N::up_to_5,      R::very_low,     R::very_low,     k_very_low,     ""},
    {true,  S::up_to_2,      N::from_6_to_10, R::intermediate, R::intermediate, k_int_small,    ""},
    {true,  S::up_to_2,      N::over_10,      R::high,         R::high,         k_high_rate,    ""},
    {true,  S::over_2_to_5,  N::up_to_5,      R::low,          R::low,          k_low,          ""},
    {true,  S::over_2_to_5,  N::from_6_to_10, R::intermediate, R::intermediate, k_int_small,    ""},
    {true,  S::over_2_to_5,  N::over_10,      R::high,         R::high,         k_high_rate,    ""},
    {true,  S::over_5_to_10, N::up_to_5,      R::intermediate, R::intermediate, k_int_mid,      ""},
    {true,  S::over_5_to_10, N::from_6_to_10, R::high,         R::high,         k_high_both,    ""},
    {true,  S::over_5_to_10, N::over_10,      R::high,         R::high,         k_high_both,    ""},
    {true,  S::over_10,      N::up_to_5,      R::high,         R::high,         k_high_size,    ""},
    {true,  S::over_10,      N::from_6_to_10, R::high,         R::high,         k_high_size,    ""},
    {true,  S::over_10,      N::over_10,      R::high,         R::high,         k_high_size,    ""},
    {false, S::up_to_2,      N::up_to_5,      R::very_low,     R::very_low,     k_very_low,     ""},
    {false, S::up_to_2,      N::from_6_to_10, R::high,         R::intermediate, k_disputed_row, k_disputed_note},
    {false, S::up_to_2,      N::over_10,      R::high,         R::high,         k_high_rate,    ""},
    {false, S::over_2_to_5,  N::up_to_5,      R::low,          R::low,          k_low,          ""},
    {false, S::over_2_to_5,  N::from_6_to_10, R::high,         R::high,         k_high_small_ng, ""},
    {false, S::over_2_to_5,  N::over_10,      R::high,         R::high,         k_high_rate,    ""},
    {false, S::over_5_to_10, N::up_to_5,      R::high,         R::high,         k_high_mid_ng,  ""},
    {false, S::over_5_to_10, N::from_6_to_10, R::high,         R::high,         k_high_both,    ""},
    {false, S::over_5_to_10, N::over_10,      R::high,         R::high,         k_high_both,    ""},
    {false, S::over_10,      N::up_to_5,      R::high,         R::high,         k_high_size,    ""},
    {false, S::over_10,      N::from_6_to_10, R::high,         R::high,         k_high_size,    ""},
    {false, S::over_10,      N::over_10,      R::high,         R::high,         k_high_size,    ""},
};
// clang-format on
static_assert(std::size(k_nih) == 2 * k_all_gist_size_bands.size() * k_all_nih_rate_bands.size());

// Boundaries, in cm and mitoses per 50 HPF; each belongs to the lower band.
constexpr double k_size_bounds[] = {2.0, 5.0, 10.0};
constexpr double k_low_rate = 5.0;
constexpr double k_mid_rate = 10.0;

// Sites: which AFIP columns and which NIH site kinds a gi_site stands for.
struct SiteReading {
    std::array<AfipSite, 2> afip;
    std::uint8_t afip_count;
    std::string_view afip_note;
    bool gastric;
    bool non_gastric;
    std::string_view nih_note;
    [[nodiscard]] bool has_column(AfipSite column) const noexcept {
        return std::find(afip.begin(), afip.begin() + afip_count, column) != afip.begin() + afip_count;
    }
};

constexpr std::string_view k_no_column =
    "AFIP: the table has columns for gastric, duodenal, jejunal/ileal and rectal GIST only; no risk is given for "
    "this site";
constexpr std::string_view k_colorectum_note =
    "AFIP: the table's rectal column is for rectal GIST; give gi_site rectum for a rectal GIST (the table has no "
    "column for the colon)";
constexpr std::string_view k_small_intestine_note =
    "AFIP: small-intestine stands for the duodenal and the jejunal/ileal columns; give gi_site duodenum or "
    "jejunum-ileum to choose one";
constexpr std::string_view k_omentum_note =
    "modified NIH: the criteria tell gastric from non-gastric GIST only; an omental GIST is given both readings "
    "(AJCC stages it with the gastric table)";

SiteReading read_site(GiSite site) noexcept {
    switch (site) {
        case GiSite::stomach: return {{AfipSite::gastric, AfipSite::gastric}, 1, "", true, false, ""};
        case GiSite::duodenum: return {{AfipSite::duodenum, AfipSite::duodenum}, 1, "", false, true, ""};
        case GiSite::jejunum_ileum: return {{AfipSite::jejunum_ileum, AfipSite::jejunum_ileum}, 1, "", false, true, ""};
        case GiSite::small_intestine:
            return {{AfipSite::duodenum, AfipSite::jejunum_ileum}, 2, k_small_intestine_note, false, true, ""};
        case GiSite::rectum: return {{AfipSite::rectum, AfipSite::rectum}, 1, "", false, true, ""};
        case GiSite::colorectum: return {{}, 0, k_colorectum_note, false, true, ""};
        case GiSite::omentum: return {{}, 0, k_no_column, true, true, k_omentum_note};
        case GiSite::esophagus:
        case GiSite::mesentery:
        case GiSite::peritoneum: return {{}, 0, k_no_column, false, true, ""};
    }
    return {{}, 0, k_no_column, false, true, ""};
}

/// A few values, inline: the bands an input leaves possible.
template <typename E>
struct Bands {
    std::array<E, 4> items{};
    std::size_t count = 0;
    [[nodiscard]] const E* begin() const noexcept { return items.data(); }
    [[nodiscard]] const E* end() const noexcept { return items.data() + count; }
    [[nodiscard]] bool has(E value) const noexcept { return std::find(begin(), end(), value) != end(); }
};

template <typename E, std::size_t K>
Bands<E> all_of(const std::array<E, K>& values) noexcept {
    Bands<E> out;
    for (E v : values) {
        out.items[out.count++] = v;
    }
    return out;
}

template <typename E>
Bands<E> one(E value) noexcept {
    Bands<E> out;
    out.items[0] = value;
    out.count = 1;
    return out;
}

}  // namespace

std::string_view name(GistSizeBand value) noexcept {
    switch (value) {
        case GistSizeBand::up_to_2: return "<= 2 cm";
        case GistSizeBand::over_2_to_5: return "> 2 cm, <= 5 cm";
        case GistSizeBand::over_5_to_10: return "> 5 cm, <= 10 cm";
        case GistSizeBand::over_10: return "> 10 cm";
    }
    return "?";
}

std::string_view name(AfipRateBand value) noexcept {
    switch (value) {
        case AfipRateBand::up_to_5: return "<= 5 per 50 HPF";
        case AfipRateBand::over_5: return "> 5 per 50 HPF";
    }
    return "?";
}

std::string_view name(NihRateBand value) noexcept {
    switch (value) {
        case NihRateBand::up_to_5: return "<= 5 per 50 HPF";
        case NihRateBand::from_6_to_10: return "6-10 per 50 HPF";
        case NihRateBand::over_10: return "> 10 per 50 HPF";
    }
    return "?";
}

std::string_view name(AfipSite value) noexcept {
    switch (value) {
        case AfipSite::gastric: return "gastric";
        case AfipSite::duodenum: return "duodenum";
        case AfipSite::jejunum_ileum: return "jejunum-ileum";
        case AfipSite::rectum: return "rectum";
    }
    return "?";
}

std::string_view name(RiskCategory value) noexcept {
    switch (value) {
        case RiskCategory::none: return "none";
        case RiskCategory::very_low: return "very-low";
        case RiskCategory::low: return "low";
        case RiskCategory::moderate: return "moderate";
        case RiskCategory::intermediate: return "intermediate";
        case RiskCategory::high: return "high";
        case RiskCategory::insufficient_data: return "insufficient-data";
    }
    return "?";
}

std::string_view gist_risk_caveat() noexcept {
    return "Risk of progression: population figures from the source series (resected primary GIST, most before "
           "imatinib), not a prediction for one patient.";
}

int RiskSet::size() const noexcept { return std::popcount(m_bits); }

GistSizeBand size_band(const Length& length) noexcept {
    for (std::size_t i = 0; i < std::size(k_size_bounds); ++i) {
        if (!length.exceeds_cm(k_size_bounds[i])) {
            return k_all_gist_size_bands[i];
        }
    }
    return GistSizeBand::over_10;
}

AfipRateBand afip_rate_band(double rate) noexcept {
    return rate > k_low_rate ? AfipRateBand::over_5 : AfipRateBand::up_to_5;
}

NihRateBand nih_rate_band(double rate) noexcept {
    if (rate > k_mid_rate) {
        return NihRateBand::over_10;
    }
    return rate > k_low_rate ? NihRateBand::from_6_to_10 : NihRateBand::up_to_5;
}

std::span<const AfipCell> afip_table() noexcept { return k_afip; }
std::span<const NihCell> nih_table() noexcept { return k_nih; }

const AfipCell& afip_cell(AfipSite site, GistSizeBand size, AfipRateBand rate) noexcept {
    for (const AfipCell& cell : k_afip) {
        if (cell.site == site && cell.size == size && cell.rate == rate) {
            return cell;
        }
    }
    return k_afip[0];  // unreachable: every combination has its cell (static_assert and tests)
}

const NihCell& nih_cell(bool gastric, GistSizeBand size, NihRateBand rate) noexcept {
    for (const NihCell& cell : k_nih) {
        if (cell.gastric == gastric && cell.size == size && cell.rate == rate) {
            return cell;
        }
    }
    return k_nih[0];  // unreachable
}

GistRisk assess_gist_risk(const Case& input) noexcept {
    GistRisk risk;
    if (!input.gi_site || input.histology_or_lms().family() != Histology::gist) {
        return risk;
    }
    if (input.nodes == Finding::present || input.metastasis == Finding::present) {
        risk.metastatic = true;  // the tables' series are resected primary tumours (NoteId::gist_risk_metastatic)
        return risk;
    }
    risk.assessed = true;
    const SiteReading site = read_site(*input.gi_site);

    const Bands<GistSizeBand> sizes =
        input.size && input.size->known() ? one(size_band(*input.size->value)) : all_of(k_all_gist_size_bands);
    const bool rate_known = input.mitotic_rate && input.mitotic_rate->known();
    const double rate = rate_known ? *input.mitotic_rate->value : 0.0;
    const Bands<AfipRateBand> afip_rates = rate_known ? one(afip_rate_band(rate)) : all_of(k_all_afip_rate_bands);
    const Bands<NihRateBand> nih_rates = rate_known ? one(nih_rate_band(rate)) : all_of(k_all_nih_rate_bands);

    // AFIP: the cells of the site's columns, in table order.
    risk.afip_note = site.afip_note;
    for (const AfipCell& cell : k_afip) {
        if (site.has_column(cell.site) && sizes.has(cell.size) && afip_rates.has(cell.rate)) {
            risk.afip_cells[risk.afip_count++] = &cell;
            risk.afip.insert(cell.category);
        }
    }

    // Modified NIH: rupture is high whatever else; otherwise (or when unknown) the cells.
    risk.rupture = input.rupture.value_or(Finding::absent);
    risk.rupture_assumed = !input.rupture.has_value();
    risk.nih_note = site.nih_note;
    if (risk.rupture != Finding::absent) {
        risk.nih.insert(RiskCategory::high);
    }
    if (risk.rupture != Finding::present) {
        for (const NihCell& cell : k_nih) {
            const bool site_ok = cell.gastric ? site.gastric : site.non_gastric;
            if (site_ok && sizes.has(cell.size) && nih_rates.has(cell.rate)) {
                risk.nih_cells[risk.nih_count++] = &cell;
                risk.nih.insert(cell.category);
                risk.nih.insert(cell.alternative);
            }
        }
    }
    return risk;
}

}  // namespace lmsstage
