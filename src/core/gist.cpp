// AJCC Cancer Staging Manual, 7th ed. (2010) and 8th ed. (2017), gastrointestinal stromal tumour
// (docs/rules.md §3). The 8th edition kept the 7th's T definitions and stage groups; the
// mitotic rate is counted per 5 mm^2 instead of per 50 high-power fields.
#include <string>

#include "lmsstage/gist_risk.hpp"

#include "core/detail.hpp"

namespace lmsstage {
using namespace detail;
namespace {

constexpr Set<Rate> k_low{Rate::low};
constexpr Set<Rate> k_high{Rate::high};

}  // namespace

// The chapter's tables, shared with UICC TNM 9 (uicc9.cpp), whose GIST stage groups are the same rows.
// AJCC GIST, primary tumour (T), by greatest dimension.
// AJCC GIST, T by size: each boundary belongs to the lower category.
// clang-format off
constexpr Band detail::k_gist_size_bands[] = {
    {2.0,        T::t1, "<= 2 cm"},
    {5.0,        T::t2, "> 2 cm, <= 5 cm"},
    {10.0,       T::t3, "> 5 cm, <= 10 cm"},
    {k_no_bound, T::t4, "> 10 cm"},
};
// clang-format on

constexpr TDefinition detail::k_gist_t_definitions[] = {
    {T::tx, "primary tumour cannot be assessed (size unknown)"},
    {T::t1, "tumour 2 cm or less"},
    {T::t2, "tumour more than 2 cm but not more than 5 cm"},
    {T::t3, "tumour more than 5 cm but not more than 10 cm"},
    {T::t4, "tumour more than 10 cm in greatest dimension"},
};

// AJCC GIST, gastric (stomach, omentum): stage groups by T, N, M and mitotic rate (not grade).
// clang-format off
constexpr GroupRow detail::k_gist_gastric_groups[] = {
    {{T::t1, T::t2}, {N::n0}, {M::m0}, k_any_g, k_low,      Stage::IA,   ""},
    {{T::t3},        {N::n0}, {M::m0}, k_any_g, k_low,      Stage::IB,   ""},
    {{T::t1, T::t2}, {N::n0}, {M::m0}, k_any_g, k_high,     Stage::II,   ""},
    {{T::t4},        {N::n0}, {M::m0}, k_any_g, k_low,      Stage::II,   ""},
    {{T::t3},        {N::n0}, {M::m0}, k_any_g, k_high,     Stage::IIIA, ""},
    {{T::t4},        {N::n0}, {M::m0}, k_any_g, k_high,     Stage::IIIB, ""},
    {k_any_t,        {N::n1}, {M::m0}, k_any_g, k_any_rate, Stage::IV,   ""},
    {k_any_t,        k_any_n, {M::m1}, k_any_g, k_any_rate, Stage::IV,   ""},
};
// clang-format on

// AJCC GIST, small intestine, oesophagus, colon/rectum, mesentery, peritoneum.
// clang-format off
constexpr GroupRow detail::k_gist_intestinal_groups[] = {
    {{T::t1, T::t2},        {N::n0}, {M::m0}, k_any_g, k_low,      Stage::I,    ""},
    {{T::t3},               {N::n0}, {M::m0}, k_any_g, k_low,      Stage::II,   ""},
    {{T::t1},               {N::n0}, {M::m0}, k_any_g, k_high,     Stage::IIIA, ""},
    {{T::t4},               {N::n0}, {M::m0}, k_any_g, k_low,      Stage::IIIA, ""},
    {{T::t2, T::t3, T::t4}, {N::n0}, {M::m0}, k_any_g, k_high,     Stage::IIIB, ""},
    {k_any_t,               {N::n1}, {M::m0}, k_any_g, k_any_rate, Stage::IV,   ""},
    {k_any_t,               k_any_n, {M::m1}, k_any_g, k_any_rate, Stage::IV,   ""},
};
// clang-format on

namespace {

// The notes of the two editions, which differ only in how they count mitoses.
constexpr std::string_view k_note_nodes = "N0 includes unknown nodal status; N1 or M1 is stage IV.";
constexpr std::string_view k_note_unknown =
    "Size or mitotic rate unknown gives every stage consistent with the possible values.";
constexpr std::string_view k_notes_7[] = {
    k_note_gist_size_boundaries,
    "Mitotic rate per 50 high-power fields: low 5 or less, high more than 5 (exactly 5 is low).",
    k_note_nodes,
    k_note_unknown,
};
constexpr std::string_view k_notes_8[] = {
    k_note_gist_size_boundaries,
    "Mitotic rate per 5 mm^2 (about 50 high-power fields): low 5 or less, high more than 5.",
    k_note_nodes,
    k_note_unknown,
};

constexpr std::string_view k_source_7 =
    "AJCC Cancer Staging Manual, 7th ed. (2010), gastrointestinal stromal tumor (NCI PDQ Gastrointestinal Stromal "
    "Tumors Treatment, health professional version, Stage Information; Collaborative Stage 02.05.50 tables "
    "ajcc7_stage_uap, gastric, and ajcc7_stage_upy, small intestine)";
constexpr std::string_view k_source_8 =
    "AJCC Cancer Staging Manual, 8th ed. (2017), chapter 43, gastrointestinal stromal tumor (NCI PDQ "
    "Gastrointestinal Stromal Tumors Treatment, health professional version, Stage Information)";
// clang-format off
constexpr RuleSet k_gastric_7 = gist_rule_set({"ajcc7-gist", "AJCC 7th edition, GIST (gastric and omental)"}, k_source_7, k_gist_gastric_groups, k_notes_7);
constexpr RuleSet k_intestinal_7 = gist_rule_set({"ajcc7-gist", "AJCC 7th edition, GIST (intestinal, oesophageal, mesenteric, peritoneal)"}, k_source_7, k_gist_intestinal_groups, k_notes_7);
constexpr RuleSet k_gastric_8 = gist_rule_set({"ajcc8-gist", "AJCC 8th edition, GIST (gastric and omental)"}, k_source_8, k_gist_gastric_groups, k_notes_8);
constexpr RuleSet k_intestinal_8 = gist_rule_set({"ajcc8-gist", "AJCC 8th edition, GIST (intestinal, oesophageal, mesenteric, peritoneal)"}, k_source_8, k_gist_intestinal_groups, k_notes_8);
// clang-format on

bool gastric(GiSite site) noexcept { return site == GiSite::stomach || site == GiSite::omentum; }

// Mitotic rate: 5 or less is low (the boundary belongs to low).
constexpr double k_low_rate_up_to = 5.0;

Few<Rate> derive_rate(const Case& input, bool per_area, Result& result) {
    const std::string_view per = per_area ? " per 5 mm^2" : " per 50 HPF";
    if (input.mitotic_rate && input.mitotic_rate->known()) {
        const double rate = *input.mitotic_rate->value;
        const Rate r = rate > k_low_rate_up_to ? Rate::high : Rate::low;
        result.categories.rate = name(r);
        if (result.trace.recording()) {
            trace(result, "mitotic_rate",
                  {"mitotic rate ", format_number(rate), per, r == Rate::high ? " > 5 -> high" : " <= 5 -> low"});
        }
        return {r};
    }
    result.categories.rate = "unknown";
    trace(result, "mitotic_rate",
          {input.mitotic_rate ? "mitotic rate unknown" : "mitotic rate not given", " -> low or high"});
    return {Rate::low, Rate::high};
}

/// "low (3.6 %)", "insufficient-data", "none".
void append_cell(std::string& out, const AfipCell& cell) {
    out += name(cell.category);
    if (!cell.percent.empty()) {
        out += " (";
        out += cell.percent;
        out += " %)";
    }
}

/// The risk of progression beside the stage (gist_risk.hpp): the result, its trace, its notes.
void assess_risk(const Case& input, Result& result) {
    result.gist_risk = assess_gist_risk(input);
    const GistRisk& risk = result.gist_risk;
    if (risk.metastatic) {
        add_note(result, NoteId::gist_risk_metastatic);
        trace(result, "afip_risk", {"not given: nodal or distant metastasis (N1 or M1)"});
        trace(result, "nih_risk", {"not given: nodal or distant metastasis (N1 or M1)"});
        return;
    }
    if (risk.rupture_assumed) {
        add(result.assumptions, {"tumour rupture not reported: no rupture (modified NIH risk)"});
    }
    if (!risk.afip_note.empty()) {
        add(result.notes, {risk.afip_note});
    }
    if (!risk.nih_note.empty()) {
        add(result.notes, {risk.nih_note});
    }
    for (const NihCell* cell : risk.nih_possible()) {
        if (!cell->note.empty()) {
            add(result.notes, {"modified NIH: ", cell->note});
            break;
        }
    }
    if (!result.trace.recording()) {
        return;
    }
    std::string& afip = begin_trace(result, "afip_risk");
    if (risk.afip_count == 0) {
        afip += "no AFIP column for gi_site ";
        afip += name(*input.gi_site);
    }
    for (std::size_t i = 0; i < risk.afip_count; ++i) {
        const AfipCell& cell = *risk.afip_cells[i];
        afip += i == 0 ? "" : "; ";
        afip += name(cell.site);
        afip += ", ";
        afip += name(cell.size);
        afip += ", ";
        afip += name(cell.rate);
        afip += " -> ";
        append_cell(afip, cell);
    }
    std::string& nih = begin_trace(result, "nih_risk");
    if (risk.rupture == Finding::present) {
        nih += "tumour rupture -> high";
        return;
    }
    nih += risk.rupture == Finding::unknown ? "rupture unknown (high if ruptured); " : "";
    for (std::size_t i = 0; i < risk.nih_count; ++i) {
        const NihCell& cell = *risk.nih_cells[i];
        nih += i == 0 ? "" : "; ";
        nih += cell.gastric ? "gastric, " : "non-gastric, ";
        nih += name(cell.size);
        nih += ", ";
        nih += name(cell.rate);
        nih += " -> ";
        nih += cell.row;
    }
}

}  // namespace

const RuleSet& ajcc7_gist_gastric_rules() noexcept { return k_gastric_7; }
const RuleSet& ajcc7_gist_intestinal_rules() noexcept { return k_intestinal_7; }
const RuleSet& ajcc8_gist_gastric_rules() noexcept { return k_gastric_8; }
const RuleSet& ajcc8_gist_intestinal_rules() noexcept { return k_intestinal_8; }

namespace detail {

Few<T> stage_gist(const Case& input, bool eighth, Result& result) {
    const UnknownNodes nodes{NoteId::gist_nodes_unknown_n0, "GIST: N0 includes unknown nodal status", N::n0};
    return eighth ? stage_gist_by(input, k_gastric_8, k_intestinal_8, true, nodes, result)
                  : stage_gist_by(input, k_gastric_7, k_intestinal_7, false, nodes, result);
}

Few<T> stage_gist_by(const Case& input, const RuleSet& gastric_rules, const RuleSet& intestinal_rules, bool per_area,
                     const UnknownNodes& nodes, Result& result) {
    const GiSite site = *input.gi_site;  // validated: present
    const bool is_gastric = gastric(site);
    const RuleSet& rules = is_gastric ? gastric_rules : intestinal_rules;
    result.system = rules.system;

    Candidates c;
    c.t = size_t_candidates(rules.size_bands, input.size, result);
    result.categories.t = category_text(c.t);
    c.n = derive_n_unknown_is_n0(input, nodes.note, nodes.why, result, nodes.shown);
    c.m = derive_m(input, result);
    c.rate = derive_rate(input, per_area, result);
    c.show_rate = true;
    result.categories.g = {};  // grade does not enter GIST staging

    trace(result, "site", {name(site), is_gastric ? " -> gastric table" : " -> intestinal table"});
    stage_combinations(rules, c, input, {Field::size, Field::metastasis, Field::mitotic_rate}, result);

    // Summary stage: an adjacent organ invaded is distant for GIST (SEER Summary Stage 2018).
    summarize(input, extension_extents(input, true), c.m, rules.summary_source, result);
    if (input.extension == Extension::adjacent_organ) {
        add_note(result, NoteId::gist_adjacent_organ_ss2000);
    }
    assess_risk(input, result);
    return c.t;
}

}  // namespace detail
}  // namespace lmsstage
