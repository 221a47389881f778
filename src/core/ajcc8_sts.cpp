// AJCC Cancer Staging Manual, 8th ed. (2017), soft tissue sarcoma by site, chapters 40-42 and 44,
// as reprinted in NCI PDQ Soft Tissue Sarcoma Treatment, Tables 1-3: trunk and extremities,
// retroperitoneum (stage groups), head and neck and abdominal/thoracic visceral organs (T only).
#include <limits>
#include <string>

#include "core/detail.hpp"

namespace lmsstage {
using namespace detail;

// T by size: trunk, extremities and retroperitoneum (shared with UICC TNM 9, uicc9.cpp, whose
// definitions are the same words). Each boundary is the lower band's.
// clang-format off
constexpr Band detail::k_sts_size_bands[] = {
    {5.0,        T::t1, "<= 5 cm"},
    {10.0,       T::t2, "> 5 cm, <= 10 cm"},
    {15.0,       T::t3, "> 10 cm, <= 15 cm"},
    {k_no_bound, T::t4, "> 15 cm"},
};
// clang-format on

namespace {

// Trunk & extremities and retroperitoneum: T by greatest dimension; no depth letter.
constexpr TDefinition k_trunk_t[] = {
    {T::tx, "primary tumour cannot be assessed (size unknown)"},
    {T::t1, "tumour 5 cm or less in greatest dimension"},
    {T::t2, "tumour more than 5 cm and not more than 10 cm"},
    {T::t3, "tumour more than 10 cm and not more than 15 cm"},
    {T::t4, "tumour more than 15 cm in greatest dimension"},
};

// AJCC 8th ed., trunk and extremities: stage groups.
// clang-format off
constexpr GroupRow k_trunk_groups[] = {
    {{T::t1},               {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IA,   ""},
    {{T::t2, T::t3, T::t4}, {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IB,   ""},
    {{T::t1},               {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::II,   ""},
    {{T::t2},               {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::IIIA, ""},
    {{T::t3, T::t4},        {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::IIIB, ""},
    {k_any_t,               {N::n1}, {M::m0}, k_any_g,        k_any_rate, Stage::IV,   ""},
    {k_any_t,               k_any_n, {M::m1}, k_any_g,        k_any_rate, Stage::IV,   ""},
};
// clang-format on

// AJCC 8th ed., retroperitoneum: as trunk and extremities, but N1 M0 is IIIB.
// clang-format off
constexpr GroupRow k_retro_groups[] = {
    {{T::t1},               {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IA,   ""},
    {{T::t2, T::t3, T::t4}, {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IB,   ""},
    {{T::t1},               {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::II,   ""},
    {{T::t2},               {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::IIIA, ""},
    {{T::t3, T::t4},        {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::IIIB, ""},
    {k_any_t,               {N::n1}, {M::m0}, k_any_g,        k_any_rate, Stage::IIIB, ""},
    {k_any_t,               k_any_n, {M::m1}, k_any_g,        k_any_rate, Stage::IV,   ""},
};
// clang-format on

// AJCC 8th ed., head and neck: T only.
// clang-format off
constexpr TDefinition k_head_neck_t[] = {
    {T::tx,  "primary tumour cannot be assessed (size unknown)"},
    {T::t1,  "tumour 2 cm or less"},
    {T::t2,  "tumour more than 2 cm and not more than 4 cm"},
    {T::t3,  "tumour more than 4 cm"},
    {T::t4a, "invades the orbit, skull base or dura, central-compartment viscera, facial skeleton or pterygoid "
             "muscles"},
    {T::t4b, "invades the brain parenchyma, encases the carotid artery, invades prevertebral muscle or the "
             "central nervous system by perineural spread"},
};
// clang-format on

// AJCC 8th ed., abdominal and thoracic visceral organs: T only.
// clang-format off
constexpr TDefinition k_visceral_t[] = {
    {T::t1,  "organ-confined"},
    {T::t2a, "invades the serosa or visceral peritoneum"},
    {T::t2b, "extends beyond the serosa (mesentery)"},
    {T::t3,  "invades another organ"},
    {T::t4a, "multifocal, 2 sites"},
    {T::t4b, "multifocal, 3 to 5 sites"},
    {T::t4c, "multifocal, more than 5 sites"},
};
// clang-format on

constexpr std::string_view k_trunk_notes[] = {
    "Every size boundary belongs to the lower category: exactly 5, 10 and 15 cm are T1, T2 and T3.",
    "No depth letter in the 8th edition. N0 includes unknown nodal status (no NX).",
    "GX (grade cannot be assessed) is grouped with G1. N1 M0 is stage IV for trunk and extremities.",
};
constexpr std::string_view k_retro_notes[] = {
    "Every size boundary belongs to the lower category: exactly 5, 10 and 15 cm are T1, T2 and T3.",
    "No depth letter in the 8th edition. N0 includes unknown nodal status (no NX).",
    "GX (grade cannot be assessed) is grouped with G1. N1 M0 is stage IIIB for the retroperitoneum.",
};
constexpr std::string_view k_head_neck_notes[] = {
    "No stage grouping: the 8th edition gives the T category only.",
    "Invasion of adjoining structures (T4a, T4b) takes precedence over size.",
    "Every size boundary belongs to the lower category: exactly 2 and 4 cm are T1 and T2.",
};
constexpr std::string_view k_visceral_notes[] = {
    "No stage grouping: the 8th edition gives the T category only.",
    "Multifocality (T4a, T4b, T4c) takes precedence over extent.",
};

constexpr std::string_view k_source_trunk =
    "AJCC Cancer Staging Manual, 8th ed. (2017), chapter 41, soft tissue sarcoma of the trunk and extremities "
    "(NCI PDQ Soft Tissue Sarcoma Treatment, Table 2)";
constexpr std::string_view k_source_retro =
    "AJCC Cancer Staging Manual, 8th ed. (2017), chapter 44, soft tissue sarcoma of the retroperitoneum (NCI PDQ "
    "Soft Tissue Sarcoma Treatment, Table 2)";
constexpr std::string_view k_source_head_neck =
    "AJCC Cancer Staging Manual, 8th ed. (2017), chapter 40, soft tissue sarcoma of the head and neck (NCI PDQ "
    "Soft Tissue Sarcoma Treatment, Table 1)";
constexpr std::string_view k_source_visceral =
    "AJCC Cancer Staging Manual, 8th ed. (2017), chapter 42, soft tissue sarcoma of the abdomen and thoracic "
    "visceral organs (NCI PDQ Soft Tissue Sarcoma Treatment, Table 3)";

constexpr std::uint32_t k_trunk_reads =
    k_routing_fields | field_mask({Field::size, Field::grade, Field::extension, Field::edition});
constexpr std::uint32_t k_trunk_asks = field_mask({Field::size, Field::grade});

// T by size, head and neck. Each boundary is the lower band's.
// clang-format off
constexpr Band k_head_neck_bands[] = {
    {2.0,        T::t1, "<= 2 cm"},
    {4.0,        T::t2, "> 2 cm, <= 4 cm"},
    {k_no_bound, T::t3, "> 4 cm"},
};
// clang-format on

// clang-format off
constexpr RuleSet k_trunk{{"ajcc8-sts-trunk-extremity", "AJCC 8th edition, soft tissue sarcoma of the trunk and extremities"},
                          k_source_trunk, k_trunk_t, k_trunk_groups, k_trunk_notes, true, false,
                          "SEER Summary Stage 2018, soft tissue", k_trunk_reads, k_trunk_asks, k_sts_size_bands};
constexpr RuleSet k_retro{{"ajcc8-sts-retroperitoneum", "AJCC 8th edition, soft tissue sarcoma of the retroperitoneum"},
                          k_source_retro, k_trunk_t, k_retro_groups, k_retro_notes, true, false,
                          "SEER Summary Stage 2018, retroperitoneum", k_trunk_reads, k_trunk_asks, k_sts_size_bands};
constexpr RuleSet k_head_neck{{"ajcc8-sts-head-neck", "AJCC 8th edition, soft tissue sarcoma of the head and neck",
                               Grouping::t_only},
                              k_source_head_neck, k_head_neck_t, {}, k_head_neck_notes, true, false,
                              "SEER Summary Stage 2018, soft tissue head and neck (EOD primary tumor codes 500, 600)",
                              k_routing_fields | field_mask({Field::size, Field::grade, Field::extension, Field::edition,
                                                             Field::adjoining_invasion}),
                              field_mask({Field::size}), k_head_neck_bands};
constexpr RuleSet k_visceral{{"ajcc8-sts-visceral", "AJCC 8th edition, sarcoma of abdominal and thoracic visceral organs",
                              Grouping::t_only},
                             k_source_visceral, k_visceral_t, {}, k_visceral_notes, true, false,
                             "SEER Summary Stage 2018, soft tissue abdomen and thoracic visceral organs",
                             k_routing_fields | field_mask({Field::grade, Field::extension, Field::edition,
                                                            Field::visceral_extent, Field::foci}),
                             field_mask({Field::visceral_extent})};


// Head and neck: invasion of adjoining structures gives T4a/T4b, which SEER Summary Stage 2018 codes
// as distant whatever the nodes.
struct InvasionRow {
    AdjoiningInvasion invasion;
    T t;
    Extent extent;
};
constexpr InvasionRow k_invasions[] = {
    {AdjoiningInvasion::t4a,
     T::t4a,
     {SummaryStage::distant,
      "invasion of the orbit, skull base or dura, central-compartment viscera, facial "
      "skeleton or pterygoid muscles (T4a)"}},
    {AdjoiningInvasion::t4b,
     T::t4b,
     {SummaryStage::distant,
      "invasion of the brain, carotid encasement, prevertebral muscle or CNS by "
      "perineural spread (T4b)"}},
};

// Visceral organs: extent of a unifocal tumour, and what SEER Summary Stage 2018 makes of it.
struct VisceralRow {
    VisceralExtent extent;
    T t;
    Extent summary;
};
// clang-format off
constexpr VisceralRow k_visceral_rows[] = {
    {VisceralExtent::confined,      T::t1,  {SummaryStage::localized, "organ-confined"}},
    {VisceralExtent::serosa,        T::t2a, {SummaryStage::regional, "invades the serosa or visceral peritoneum"}},
    {VisceralExtent::beyond_serosa, T::t2b, {SummaryStage::regional, "extends beyond the serosa"}},
    {VisceralExtent::other_organ,   T::t3,  {SummaryStage::regional, "invades another organ"}},
};
// clang-format on
// Multifocal: 2 sites T4a, 3 to 5 T4b, more than 5 T4c (regional in SEER Summary Stage 2018).
struct FociRow {
    long long up_to;
    T t;
};
constexpr FociRow k_foci_rows[] = {{2, T::t4a}, {5, T::t4b}, {std::numeric_limits<long long>::max(), T::t4c}};

constexpr Extent k_no_extent_from_t{SummaryStage::localized, ""};

/// False when a visceral extent contradicts the given extension: organ-confined with spread beyond
/// the site, or beyond the organ with "confined" (validation refuses both given together).
bool consistent(VisceralExtent extent, const std::optional<Extension>& extension) {
    if (!extension || *extension == Extension::unknown) {
        return true;
    }
    return (extent == VisceralExtent::confined) == (*extension == Extension::confined);
}

/// The closing steps of a system with a T category only (head and neck, visceral organs): T, N
/// (unknown is N0) and M, the grade shown when given (no stage group uses it), the note that there is
/// no stage group, and the summary stage from `extents`.
void finish_t_only(const Case& input, const RuleSet& rules, NoteId no_stage_group, const Few<T>& ts,
                   const Few<Extent>& extents, Result& result) {
    result.categories.t = category_text(ts);
    (void)derive_n_unknown_is_n0(input, NoteId::ajcc8_nodes_unknown_n0, "8th edition: no NX", result);
    const Few<M> ms = derive_m(input, result);
    if (input.grade) {
        (void)derive_g(input, result);
    }
    add_note(result, no_stage_group);
    trace(result, "stage", {rules.system.name, ": no stage grouping -> none"});
    summarize(input, extents, ms, rules.summary_source, result);
}

}  // namespace

const RuleSet& ajcc8_sts_trunk_extremity_rules() noexcept { return k_trunk; }
const RuleSet& ajcc8_sts_retroperitoneum_rules() noexcept { return k_retro; }
const RuleSet& ajcc8_sts_head_neck_rules() noexcept { return k_head_neck; }
const RuleSet& ajcc8_sts_visceral_rules() noexcept { return k_visceral; }

namespace detail {

Few<T> stage_ajcc8_trunk_retro(const Case& input, bool retroperitoneum, Result& result) {
    return stage_sts_by_size_and_grade(input, retroperitoneum ? k_retro : k_trunk,
                                       {NoteId::ajcc8_nodes_unknown_n0, "8th edition: no NX", N::n0}, result);
}

Few<T> stage_sts_by_size_and_grade(const Case& input, const RuleSet& rules, const UnknownNodes& nodes, Result& result) {
    result.system = rules.system;
    Candidates c;
    c.t = size_t_candidates(rules.size_bands, input.size, result);
    result.categories.t = category_text(c.t);
    c.n = derive_n_unknown_is_n0(input, nodes.note, nodes.why, result, nodes.shown);
    c.m = derive_m(input, result);
    c.g = derive_g(input, result);
    c.show_g = true;
    stage_combinations(rules, c, input, {Field::size, Field::metastasis, Field::grade}, result);
    summarize(input, extension_extents(input, false), c.m, rules.summary_source, result);
    return c.t;
}

Few<Extent> adjoining_invasion_extents(const Case& input, Few<T>& ts) {
    const AdjoiningInvasion invasion = input.adjoining_invasion.value_or(AdjoiningInvasion::none);
    Few<Extent> from_t;
    // A given "confined" extension rules out T4a/T4b (validation refuses them given together).
    const bool may_invade = input.extension != Extension::confined;
    for (const InvasionRow& row : k_invasions) {
        if (invasion == row.invasion || (invasion == AdjoiningInvasion::unknown && may_invade)) {
            ts.insert(row.t);
            from_t.insert(row.extent);
        }
    }
    if (!ts.single() || invasion == AdjoiningInvasion::unknown) {
        from_t.insert(k_no_extent_from_t);
    }
    return from_t;
}

Few<T> stage_ajcc8_head_neck(const Case& input, Result& result) {
    result.system = k_head_neck.system;
    const AdjoiningInvasion invasion = input.adjoining_invasion.value_or(AdjoiningInvasion::none);
    Few<T> ts;
    const Few<Extent> from_t = adjoining_invasion_extents(input, ts);
    if (ts.single() && invasion != AdjoiningInvasion::unknown) {
        trace(result, "T", {from_t.front().because, " -> ", name(ts.front())});
    } else {
        if (!input.adjoining_invasion) {
            result.assumptions.emplace_back("no invasion of adjoining structures reported: T by size");
        }
        for (T t : size_t_candidates(k_head_neck.size_bands, input.size, result,
                                     invasion == AdjoiningInvasion::unknown ? ", or T4a/T4b (invasion unknown)" : "")) {
            ts.insert(t);
        }
    }
    finish_t_only(input, k_head_neck, NoteId::no_stage_group_head_neck, ts,
                  combine_extents(from_t, extension_extents(input, false)), result);
    return ts;
}

Few<Extent> visceral_extents(const Case& input, bool eighth, Few<T>& ts, Result& result) {
    const long long foci = input.foci.value_or(1);
    Few<Extent> from_t;
    if (foci >= 2) {
        for (const FociRow& row : k_foci_rows) {
            if (foci <= row.up_to) {
                ts.insert(row.t);
                break;
            }
        }
        from_t.insert(Extent{SummaryStage::regional, "multifocal"});
        if (eighth) {
            trace(result, "T", {"multifocal, ", std::to_string(foci), " sites -> ", name(ts.front())});
        }
    } else if (!input.visceral_extent && !eighth) {
        from_t.insert(k_no_extent_from_t);
    } else {
        const bool open = !input.visceral_extent || *input.visceral_extent == VisceralExtent::unknown;
        for (const VisceralRow& row : k_visceral_rows) {
            if (open ? consistent(row.extent, input.extension) : *input.visceral_extent == row.extent) {
                ts.insert(row.t);
                from_t.insert(row.summary);
            }
        }
        if (!eighth) {
            // no T category: the AJCC 7th edition does not stage the tumour
        } else if (open) {
            trace(result, "T",
                  {input.visceral_extent ? "extent unknown" : "extent not given", ", unifocal -> TX (T1 to T3)"});
        } else {
            trace(result, "T", {"extent ", name(*input.visceral_extent), ", unifocal -> ", name(ts.front())});
        }
    }
    Few<Extent> from_extension;
    for (const Extent& e : extension_extents(input, false)) {
        // An organ-confined tumour has not spread beyond its organ (validation refuses both given).
        if (input.visceral_extent != VisceralExtent::confined || e.level == SummaryStage::localized) {
            from_extension.insert(e);
        }
    }
    return combine_extents(from_t, from_extension);
}

Few<T> stage_ajcc8_visceral(const Case& input, Result& result) {
    result.system = k_visceral.system;
    if (!input.foci) {
        result.assumptions.emplace_back("number of tumour sites not reported: 1 (unifocal)");
    }
    Few<T> ts;
    const Few<Extent> extents = visceral_extents(input, true, ts, result);
    finish_t_only(input, k_visceral, NoteId::no_stage_group_visceral, ts, extents, result);
    return ts;
}

}  // namespace detail
}  // namespace lmsstage
