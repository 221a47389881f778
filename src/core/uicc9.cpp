// UICC TNM Classification of Malignant Tumours, 9th ed. (2025): soft tissues (pp. 126-128) and
// gastrointestinal stromal tumour (pp. 129-132), as the NHS England National Disease Registration
// Service publishes them in its TNM 9 staging guidance sheets (docs/rules.md §10):
//   Soft tissues: digital.nhs.uk/ndrs/data/cancer-data-training-materials/staging-sheets-v9/soft-tissues
//   GIST: digital.nhs.uk/ndrs/data/cancer-data-training-materials/staging-sheets-v9/
//         gastrointestinal-stromal-tumours-gist
// The T categories by size, the N, M and G derivations are those of AJCC 8 (ajcc8_sts.cpp, gist.cpp),
// whose definitions the sheets repeat word for word; the stage groups below are UICC's own rows.
#include "core/detail.hpp"

namespace lmsstage {
using namespace detail;
namespace {

// NDRS TNM 9 sheet, soft tissues: T by greatest dimension, the same for extremity and superficial
// trunk and for the retroperitoneum.
constexpr TDefinition k_sts_t[] = {
    {T::tx, "primary tumour cannot be assessed (size unknown)"},
    {T::t1, "tumour 5 cm or less in greatest dimension"},
    {T::t2, "tumour more than 5 cm but no more than 10 cm in greatest dimension"},
    {T::t3, "tumour more than 10 cm but no more than 15 cm in greatest dimension"},
    {T::t4, "tumour more than 15 cm in greatest dimension"},
};

// NDRS TNM 9 sheet, soft tissues, "Stage groupings: Extremity and Superficial Trunk and
// Retroperitoneum" (UICC TNM 9 pp. 126-128): one table for both sites. Any T N1 M0 is IIIB, with
// the sheet's footnote "AJCC classifies N1 as stage IV for extremity and superficial trunk".
// clang-format off
constexpr GroupRow k_sts_groups[] = {
    {{T::t1},               {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IA,   "low grade"},
    {{T::t2, T::t3, T::t4}, {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IB,   "low grade"},
    {{T::t1},               {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::II,   "high grade"},
    {{T::t2},               {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::IIIA, "high grade"},
    {{T::t3, T::t4},        {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::IIIB, "high grade"},
    {k_any_t,               {N::n1}, {M::m0}, k_any_g,        k_any_rate, Stage::IIIB, ""},
    {k_any_t,               k_any_n, {M::m1}, k_any_g,        k_any_rate, Stage::IV,   ""},
};
// clang-format on

// NDRS TNM 9 sheet, GIST (UICC TNM 9 pp. 129-132): the T definitions and both stage-group tables,
// "Gastric GIST (including primary omental)" and "Non gastric (small intestine and other sites)
// GIST" (whose criteria "can be applied to GISTs in less common sites, such as oesophagus, colon,
// rectum and mesentery"), are row for row those of the AJCC GIST chapter: k_gist_t_definitions,
// k_gist_gastric_groups and k_gist_intestinal_groups (gist.cpp). tests/core/test_uicc9.cpp checks
// every cell against the sheet's tables written out by hand.

// The notes `lmsstage rules` prints with each table: its rules that are not rows, and every
// difference from the AJCC 8th edition.
constexpr std::string_view k_note_sts_size_boundaries =
    "Every size boundary belongs to the lower category: exactly 5, 10 and 15 cm are T1, T2 and T3.";
constexpr std::string_view k_note_sts_grade =
    "GX (grade cannot be assessed) is grouped with G1 (low grade); G2 and G3 are high grade.";
constexpr std::string_view k_note_nx =
    "Differs from AJCC 8: NX is kept; nodes not assessed could be considered N0, and are staged as N0.";
constexpr std::string_view k_trunk_notes[] = {
    k_note_sts_size_boundaries,
    k_note_sts_grade,
    "Differs from AJCC 8: N1 M0 is stage IIIB for extremity and superficial trunk (AJCC 8: IV).",
    k_note_nx,
    "Head and neck and viscera: T category only in UICC 9, not derived here (unverified): use edition 8.",
};
constexpr std::string_view k_retro_notes[] = {
    k_note_sts_size_boundaries,
    k_note_sts_grade,
    "The same stage groups as AJCC 8 for the retroperitoneum (N1 M0 is IIIB in both).",
    k_note_nx,
};
constexpr std::string_view k_gist_notes[] = {
    k_note_gist_size_boundaries,
    "Mitotic rate per 50 high-power fields: low 5 or fewer, high more than 5 (exactly 5 is low).",
    "The same stage groups as AJCC 8; the gastric table applies to primary, solitary omental GISTs.",
    k_note_nx,
};

constexpr std::string_view k_source_sts =
    "UICC TNM Classification of Malignant Tumours, 9th ed. (2025), soft tissues, pp. 126-128 (NHS England NDRS, "
    "Cancer staging guidance sheets, TNM 9th edition: soft tissues)";
constexpr std::string_view k_source_gist =
    "UICC TNM Classification of Malignant Tumours, 9th ed. (2025), gastrointestinal stromal tumour, pp. 129-132 "
    "(NHS England NDRS, Cancer staging guidance sheets, TNM 9th edition: gastrointestinal stromal tumours)";

/// A soft tissue rule set: the sheet's one T and stage-group table, with the notes and summary stage
/// scheme of its sites.
constexpr RuleSet sts_rule_set(System system, std::span<const std::string_view> notes, std::string_view summary) {
    return {system,
            k_source_sts,
            k_sts_t,
            k_sts_groups,
            notes,
            true,
            false,
            summary,
            k_routing_fields | field_mask({Field::size, Field::grade, Field::extension, Field::edition}),
            field_mask({Field::size, Field::grade}),
            k_sts_size_bands};
}

// Summary stage and survival: those of the same sites under AJCC 8 (SEER Summary Stage 2018).
// clang-format off
constexpr RuleSet k_trunk = sts_rule_set({"uicc9-sts-trunk-extremity", "UICC TNM 9, soft tissue sarcoma of the extremity and trunk"}, k_trunk_notes, "SEER Summary Stage 2018, soft tissue");
constexpr RuleSet k_retro = sts_rule_set({"uicc9-sts-retroperitoneum", "UICC TNM 9, soft tissue sarcoma of the retroperitoneum"}, k_retro_notes, "SEER Summary Stage 2018, retroperitoneum");
constexpr RuleSet k_gist_gastric = gist_rule_set({"uicc9-gist", "UICC TNM 9, GIST (gastric and omental)"}, k_source_gist, k_gist_gastric_groups, k_gist_notes);
constexpr RuleSet k_gist_other = gist_rule_set({"uicc9-gist", "UICC TNM 9, GIST (small intestine and other sites)"}, k_source_gist, k_gist_intestinal_groups, k_gist_notes);
// clang-format on

constexpr UnknownNodes k_sts_nodes{NoteId::uicc9_nodes_unknown_nx, "UICC: NX could be considered N0", N::nx};
constexpr UnknownNodes k_gist_nodes{NoteId::uicc9_nodes_unknown_nx, "UICC: NX could be considered N0 for GIST", N::nx};

}  // namespace

const RuleSet& uicc9_sts_trunk_extremity_rules() noexcept { return k_trunk; }
const RuleSet& uicc9_sts_retroperitoneum_rules() noexcept { return k_retro; }
const RuleSet& uicc9_gist_gastric_rules() noexcept { return k_gist_gastric; }
const RuleSet& uicc9_gist_other_rules() noexcept { return k_gist_other; }

namespace detail {

Few<T> stage_uicc9_trunk_retro(const Case& input, bool retroperitoneum, Result& result) {
    const Few<T> ts = stage_sts_by_size_and_grade(input, retroperitoneum ? k_retro : k_trunk, k_sts_nodes, result);
    if (!retroperitoneum && input.nodes == Finding::present && input.metastasis != Finding::present) {
        add_note(result, NoteId::uicc9_n1_iiib);
    }
    return ts;
}

Few<T> stage_uicc9_gist(const Case& input, Result& result) {
    return stage_gist_by(input, k_gist_gastric, k_gist_other, false, k_gist_nodes, result);
}

}  // namespace detail
}  // namespace lmsstage
