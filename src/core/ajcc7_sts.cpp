// AJCC Cancer Staging Manual, 7th ed. (2010), soft tissue sarcoma chapter (docs/rules.md §1).
// Machine-readable counterpart: NCI SEER TNM 2.1 algorithm table tnm7_stage_ubj.
#include <string>

#include "core/detail.hpp"

namespace lmsstage {
using namespace detail;
namespace {

// AJCC 7th ed., soft tissue sarcoma, primary tumour (T). Size is the greatest dimension.
// clang-format off
constexpr TDefinition k_t_definitions[] = {
    {T::tx,  "primary tumour cannot be assessed (size unknown)"},
    {T::t1,  "tumour 5 cm or less in greatest dimension"},
    {T::t1a, "T1, superficial tumour (above the superficial fascia, not invading it)"},
    {T::t1b, "T1, deep tumour (beneath the superficial fascia, or invading or through it)"},
    {T::t2,  "tumour more than 5 cm in greatest dimension"},
    {T::t2a, "T2, superficial tumour"},
    {T::t2b, "T2, deep tumour"},
};
// clang-format on

// AJCC 7th ed., soft tissue sarcoma, anatomic stage / prognostic groups.
// The T column holds the size category; the a/b depth letter never changes the stage.
// clang-format off
constexpr GroupRow k_groups[] = {
    {{T::t1}, {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IA,  ""},
    {{T::t2}, {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IB,  ""},
    {{T::t1}, {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::IIA, ""},
    {{T::t2}, {N::n0}, {M::m0}, {G::g2},        k_any_rate, Stage::IIB, ""},
    {{T::t2}, {N::n0}, {M::m0}, {G::g3},        k_any_rate, Stage::III, ""},
    {k_any_t, {N::n1}, {M::m0}, k_any_g,        k_any_rate, Stage::III, ""},
    {k_any_t, k_any_n, {M::m1}, k_any_g,        k_any_rate, Stage::IV,  ""},
};
// clang-format on

constexpr std::string_view k_notes[] = {
    "Every size boundary belongs to the lower category: exactly 5 cm is T1.",
    "GX (grade cannot be assessed) is grouped with G1.",
    "Retroperitoneal, intrathoracic and intra-abdominal tumours are deep by definition.",
    "Depth unknown: T1 or T2 without a letter; depth never changes the stage.",
    "NX (nodes unknown) and TX (size unknown) give every stage consistent with the possible values.",
    "Omitted nodes or metastasis are taken as N0 / M0, and the result says so.",
};

// T by size: 5 cm or less is T1 (the boundary belongs to T1).
// clang-format off
constexpr Band k_bands[] = {
    {5.0,        T::t1, "<= 5 cm"},
    {k_no_bound, T::t2, "> 5 cm"},
};
// The depth letter: superficial (above the superficial fascia) a, deep b; the groups use the band.
constexpr DepthLetter k_depth_letters[] = {
    {T::t1, Depth::superficial, T::t1a}, {T::t1, Depth::deep, T::t1b},
    {T::t2, Depth::superficial, T::t2a}, {T::t2, Depth::deep, T::t2b},
};
// clang-format on

// clang-format off
constexpr RuleSet k_rules{
    {"ajcc7-sts", "AJCC 7th edition, soft tissue sarcoma"},
    "AJCC Cancer Staging Manual, 7th ed. (2010), soft tissue sarcoma; NCI SEER TNM 2.1 table tnm7_stage_ubj",
    k_t_definitions,
    k_groups,
    k_notes,
    true,
    false,
    "SEER Summary Stage 2018, soft tissue",
    k_routing_fields |
        field_mask({Field::size, Field::depth, Field::grade, Field::extension, Field::edition, Field::adjoining_invasion}),
    field_mask({Field::size, Field::grade}),
    k_bands,
    {},
    k_depth_letters,
};
// clang-format on

/// The category with its depth letter (the band alone when the depth is not given).
T with_depth(T band, std::optional<Depth> depth) noexcept {
    for (const DepthLetter& letter : k_rules.depth_letters) {
        if (depth && letter.band == band && letter.depth == *depth) {
            return letter.t;
        }
    }
    return band;
}

// Leiomyosarcoma of the GI tract under AJCC 7: outside the soft tissue chapter, not staged.
// clang-format off
constexpr RuleSet k_gi_lms{
    {"ajcc7-gi-lms", "not staged by AJCC 7 (hollow-viscus sarcomas are outside the soft tissue chapter)",
     Grouping::not_staged},
    "AJCC Cancer Staging Manual, 7th ed. (2010), soft tissue sarcoma: sarcomas of hollow viscera are excluded",
    {},
    {},
    {},
    false,
    false,
    "SEER Summary Stage 2018, soft tissue abdomen and thoracic visceral organs",
    k_routing_fields | field_mask({Field::extension, Field::edition, Field::visceral_extent, Field::foci}),
    0,
};
// clang-format on

}  // namespace

const RuleSet& ajcc7_sts_rules() noexcept { return k_rules; }
const RuleSet& ajcc7_gi_lms_rules() noexcept { return k_gi_lms; }

namespace detail {

Few<T> stage_ajcc7_sts(const Case& input, Result& result) {
    result.system = k_rules.system;
    const Site site = input.site.value_or(Site::soft_tissue);

    // Depth: retroperitoneal tumours are deep by definition (validation rejects "superficial").
    std::optional<Depth> depth = input.depth;
    std::string_view depth_text;
    if (site == Site::retroperitoneum) {
        depth = Depth::deep;
        depth_text = ", retroperitoneal, deep by definition";
    } else if (depth) {
        depth_text = depth == Depth::deep ? ", deep" : ", superficial";
    } else {
        depth_text = ", depth not given, so no a/b letter (depth never changes the stage)";
    }

    // T: size band, then depth letter (the letter is shown; the groups use the band).
    Candidates c;
    if (input.size && input.size->known()) {
        const Band& band = band_of(k_rules.size_bands, *input.size->value);
        const T t = with_depth(band.t, depth);
        c.t = {band.t};
        result.categories.t = name(t);
        if (result.trace.recording()) {
            trace(result, "T",
                  {"size ", describe_length(*input.size->value), " ", band.text, depth_text, " -> ", name(t)});
        }
    } else {
        c.t = size_t_candidates(k_rules.size_bands, input.size, result);
        result.categories.t = name(T::tx);
    }

    c.n = derive_n(input, NodeWording{"regional node", "regional node"}, result);
    c.m = derive_m(input, result);
    c.g = derive_g(input, result);  // GX is grouped with G1 in the table
    c.show_g = true;
    stage_combinations(k_rules, c, input, {Field::size, Field::nodes, Field::metastasis, Field::grade}, result);
    // Head and neck: invasion of the structures the AJCC 8th edition calls T4a/T4b is distant in
    // SEER Summary Stage 2018 whatever the edition (the 7th edition's T is by size alone).
    Few<T> invaded;
    const Few<Extent> extents = site == Site::head_neck ? combine_extents(adjoining_invasion_extents(input, invaded),
                                                                          extension_extents(input, false))
                                                        : extension_extents(input, false);
    summarize(input, extents, c.m, k_rules.summary_source, result);

    const bool named_site = input.site.has_value() && *input.site != Site::soft_tissue;
    add_note(result, named_site ? NoteId::ajcc8_current_named_site : NoteId::ajcc8_current_generic_site);
    return c.t;
}

Few<T> stage_ajcc7_gi_lms(const Case& input, Result& result) {
    result.system = k_gi_lms.system;
    (void)derive_n(input, NodeWording{"regional node", "regional node"}, result);
    const Few<M> ms = derive_m(input, result);
    add_note(result, NoteId::gi_lms_not_staged_ajcc7);
    trace(result, "stage",
          {"leiomyosarcoma of the gastrointestinal tract: outside the AJCC 7 soft tissue chapter -> "
           "not staged"});
    // The visceral extent and foci do not give an AJCC 7 T, but SEER Summary Stage 2018 reads them.
    Few<T> unused;
    summarize(input, visceral_extents(input, false, unused, result), ms, k_gi_lms.summary_source, result);
    return {T::tx};
}

}  // namespace detail
}  // namespace lmsstage
