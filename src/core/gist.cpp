// AJCC Cancer Staging Manual, 7th ed. (2010) and 8th ed. (2017), gastrointestinal stromal tumour
// (rules.md section 3). The 8th edition kept the 7th's T definitions and stage groups; the
// mitotic rate is counted per 5 mm^2 instead of per 50 high-power fields.
#include <string>

#include "core/detail.hpp"

namespace lmsstage {
using namespace detail;
namespace {

constexpr auto k_any_t = Set<T>::any();
constexpr auto k_any_n = Set<N>::any();
constexpr auto k_any_g = Set<G>::any();  // GIST stage groups do not use grade
constexpr auto k_any_rate = Set<Rate>::any();
constexpr Set<Rate> k_low{Rate::low};
constexpr Set<Rate> k_high{Rate::high};

// AJCC GIST, primary tumour (T), by greatest dimension.
constexpr TDefinition k_t_definitions[] = {
    {T::tx, "primary tumour cannot be assessed (size unknown)"},
    {T::t1, "tumour 2 cm or less"},
    {T::t2, "tumour more than 2 cm but not more than 5 cm"},
    {T::t3, "tumour more than 5 cm but not more than 10 cm"},
    {T::t4, "tumour more than 10 cm in greatest dimension"},
};

// AJCC GIST, gastric (stomach, omentum): stage groups by T, N, M and mitotic rate.
constexpr GroupRow k_gastric_groups[] = {
    {{T::t1, T::t2}, {N::n0}, {M::m0}, k_any_g, k_low,      Stage::IA,   ""},
    {{T::t3},        {N::n0}, {M::m0}, k_any_g, k_low,      Stage::IB,   ""},
    {{T::t1, T::t2}, {N::n0}, {M::m0}, k_any_g, k_high,     Stage::II,   ""},
    {{T::t4},        {N::n0}, {M::m0}, k_any_g, k_low,      Stage::II,   ""},
    {{T::t3},        {N::n0}, {M::m0}, k_any_g, k_high,     Stage::IIIA, ""},
    {{T::t4},        {N::n0}, {M::m0}, k_any_g, k_high,     Stage::IIIB, ""},
    {k_any_t,        {N::n1}, {M::m0}, k_any_g, k_any_rate, Stage::IV,   ""},
    {k_any_t,        k_any_n, {M::m1}, k_any_g, k_any_rate, Stage::IV,   ""},
};

// AJCC GIST, small intestine, oesophagus, colon/rectum, mesentery, peritoneum.
constexpr GroupRow k_intestinal_groups[] = {
    {{T::t1, T::t2},        {N::n0}, {M::m0}, k_any_g, k_low,      Stage::I,    ""},
    {{T::t3},               {N::n0}, {M::m0}, k_any_g, k_low,      Stage::II,   ""},
    {{T::t1},               {N::n0}, {M::m0}, k_any_g, k_high,     Stage::IIIA, ""},
    {{T::t4},               {N::n0}, {M::m0}, k_any_g, k_low,      Stage::IIIA, ""},
    {{T::t2, T::t3, T::t4}, {N::n0}, {M::m0}, k_any_g, k_high,     Stage::IIIB, ""},
    {k_any_t,               {N::n1}, {M::m0}, k_any_g, k_any_rate, Stage::IV,   ""},
    {k_any_t,               k_any_n, {M::m1}, k_any_g, k_any_rate, Stage::IV,   ""},
};

constexpr std::string_view k_notes_7[] = {
    "Every size boundary belongs to the lower category: exactly 2, 5 and 10 cm are T1, T2 and T3.",
    "Mitotic rate per 50 high-power fields: low 5 or less, high more than 5 (exactly 5 is low).",
    "N0 includes unknown nodal status; N1 or M1 is stage IV.",
    "Size or mitotic rate unknown gives every stage consistent with the possible values.",
};
constexpr std::string_view k_notes_8[] = {
    "Every size boundary belongs to the lower category: exactly 2, 5 and 10 cm are T1, T2 and T3.",
    "Mitotic rate per 5 mm^2 (about 50 high-power fields): low 5 or less, high more than 5.",
    "N0 includes unknown nodal status; N1 or M1 is stage IV.",
    "Size or mitotic rate unknown gives every stage consistent with the possible values.",
};

constexpr std::string_view k_source_7 = "AJCC Cancer Staging Manual, 7th ed. (2010), gastrointestinal stromal tumor";
constexpr std::string_view k_source_8 =
    "AJCC Cancer Staging Manual, 8th ed. (2017), gastrointestinal stromal tumor (NCI PDQ Soft Tissue Sarcoma "
    "Treatment, Table 7)";

constexpr RuleSet k_gastric_7{{"ajcc7-gist", "AJCC 7th edition, GIST (gastric and omental)"},
                              k_source_7, k_t_definitions, k_gastric_groups, k_notes_7, false, true};
constexpr RuleSet k_intestinal_7{{"ajcc7-gist", "AJCC 7th edition, GIST (intestinal, oesophageal, mesenteric, peritoneal)"},
                                 k_source_7, k_t_definitions, k_intestinal_groups, k_notes_7, false, true};
constexpr RuleSet k_gastric_8{{"ajcc8-gist", "AJCC 8th edition, GIST (gastric and omental)"},
                              k_source_8, k_t_definitions, k_gastric_groups, k_notes_8, false, true};
constexpr RuleSet k_intestinal_8{{"ajcc8-gist", "AJCC 8th edition, GIST (intestinal, oesophageal, mesenteric, peritoneal)"},
                                 k_source_8, k_t_definitions, k_intestinal_groups, k_notes_8, false, true};

bool gastric(GiSite site) noexcept { return site == GiSite::stomach || site == GiSite::omentum; }

T size_band(const Length& size) noexcept {
    if (!size.exceeds_cm(2.0)) {
        return T::t1;
    }
    if (!size.exceeds_cm(5.0)) {
        return T::t2;
    }
    return size.exceeds_cm(10.0) ? T::t4 : T::t3;
}

std::string_view band_text(T t) noexcept {
    switch (t) {
        case T::t1: return " <= 2 cm";
        case T::t2: return " > 2 cm, <= 5 cm";
        case T::t3: return " > 5 cm, <= 10 cm";
        default: return " > 10 cm";
    }
}

}  // namespace

const RuleSet& ajcc7_gist_gastric_rules() noexcept { return k_gastric_7; }
const RuleSet& ajcc7_gist_intestinal_rules() noexcept { return k_intestinal_7; }
const RuleSet& ajcc8_gist_gastric_rules() noexcept { return k_gastric_8; }
const RuleSet& ajcc8_gist_intestinal_rules() noexcept { return k_intestinal_8; }

namespace detail {

void stage_gist(const Case& input, bool eighth, Result& result) {
    const GiSite site = *input.gi_site;  // validated: present
    const bool is_gastric = gastric(site);
    const RuleSet& rules = eighth ? (is_gastric ? k_gastric_8 : k_intestinal_8)
                                  : (is_gastric ? k_gastric_7 : k_intestinal_7);
    result.system = rules.system;

    // T by size.
    const Measured<Length>& size = *input.size;  // validated: present
    Candidates c;
    if (size.known()) {
        const T t = size_band(*size.value);
        c.t = {t};
        result.categories.t = name(t);
        trace(result, "T", {"size ", describe_length(*size.value), band_text(t), " -> ", name(t)});
    } else {
        c.t = {T::t1, T::t2, T::t3, T::t4};
        result.categories.t = name(T::tx);
        trace(result, "T", {"size unknown -> TX (T1 to T4)"});
    }

    // N: N0 includes unknown nodal status (AJCC GIST).
    if (input.nodes == Finding::unknown) {
        c.n = {N::n0};
        result.categories.n = name(N::n0);
        result.notes.emplace_back("nodes unknown: N0, since GIST staging counts unknown nodal status as N0");
        trace(result, "N", {"nodes unknown -> N0 (GIST: N0 includes unknown nodal status)"});
    } else {
        c.n = derive_n(input, NodeWording{"regional node", "regional node"}, result);
    }
    c.m = derive_m(input, result);

    // Mitotic rate: low <= 5, high > 5.
    const Measured<MitoticRate>& rate = *input.mitotic_rate;  // validated: present
    const std::string_view per = eighth ? " per 5 mm^2" : " per 50 HPF";
    if (rate.known()) {
        const Rate r = *rate.value > 5.0 ? Rate::high : Rate::low;
        c.rate = {r};
        result.categories.rate = name(r);
        trace(result, "mitotic_rate", {"mitotic rate ", format_number(*rate.value), per,
                                       r == Rate::high ? " > 5 -> high" : " <= 5 -> low"});
    } else {
        c.rate = {Rate::low, Rate::high};
        trace(result, "mitotic_rate", {"mitotic rate unknown -> low or high"});
    }
    c.show_rate = true;
    result.categories.g = {};  // grade does not enter GIST staging

    trace(result, "site", {name(site), is_gastric ? " -> gastric table" : " -> intestinal table"});
    stage_combinations(rules, c, unknowns_text(!size.known(), false, !rate.known()), result);

    // Summary stage: an adjacent organ invaded is distant for GIST (SEER Summary Stage 2018).
    summarize_soft_tissue(input, c.m, c.n, true, result);
}

}  // namespace detail
}  // namespace lmsstage
