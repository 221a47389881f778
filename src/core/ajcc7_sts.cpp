// AJCC Cancer Staging Manual, 7th ed. (2010), soft tissue sarcoma chapter (rules.md section 1).
// Machine-readable counterpart: NCI SEER TNM 2.1 algorithm table tnm7_stage_ubj.
#include <string>
#include <vector>

#include "core/detail.hpp"

namespace lmsstage {
using namespace std::string_view_literals;
namespace {

constexpr auto k_any_t = Set<T>::any();
constexpr auto k_any_n = Set<N>::any();
constexpr auto k_any_g = Set<G>::any();
constexpr auto k_any_rate = Set<Rate>::any();

// AJCC 7th ed., soft tissue sarcoma, primary tumour (T). Size is the greatest dimension.
constexpr TDefinition k_t_definitions[] = {
    {T::tx,  "primary tumour cannot be assessed (size unknown)"},
    {T::t1,  "tumour 5 cm or less in greatest dimension"},
    {T::t1a, "T1, superficial tumour (above the superficial fascia, not invading it)"},
    {T::t1b, "T1, deep tumour (beneath the superficial fascia, or invading or through it)"},
    {T::t2,  "tumour more than 5 cm in greatest dimension"},
    {T::t2a, "T2, superficial tumour"},
    {T::t2b, "T2, deep tumour"},
};

// AJCC 7th ed., soft tissue sarcoma, anatomic stage / prognostic groups.
// The T column holds the size category; the a/b depth letter never changes the stage.
constexpr GroupRow k_groups[] = {
    {{T::t1}, {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IA,  ""},
    {{T::t2}, {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IB,  ""},
    {{T::t1}, {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::IIA, ""},
    {{T::t2}, {N::n0}, {M::m0}, {G::g2},        k_any_rate, Stage::IIB, ""},
    {{T::t2}, {N::n0}, {M::m0}, {G::g3},        k_any_rate, Stage::III, ""},
    {k_any_t, {N::n1}, {M::m0}, k_any_g,        k_any_rate, Stage::III, ""},
    {k_any_t, k_any_n, {M::m1}, k_any_g,        k_any_rate, Stage::IV,  ""},
};

constexpr std::string_view k_notes[] = {
    "Every size boundary belongs to the lower category: exactly 5 cm is T1.",
    "GX (grade cannot be assessed) is grouped with G1.",
    "Retroperitoneal, intrathoracic and intra-abdominal tumours are deep by definition.",
    "Depth unknown: T1 or T2 without a letter; depth never changes the stage.",
    "NX (nodes unknown) and TX (size unknown) give every stage consistent with the possible values.",
    "Omitted nodes or metastasis are taken as N0 / M0, and the result says so.",
};

constexpr RuleSet k_rules{
    {"ajcc7-sts", "AJCC 7th edition, soft tissue sarcoma"},
    "AJCC Cancer Staging Manual, 7th ed. (2010), soft tissue sarcoma; NCI SEER TNM 2.1 table tnm7_stage_ubj",
    k_t_definitions,
    k_groups,
    k_notes,
    true,
    false,
};


constexpr T with_depth(T band, std::optional<Depth> depth) noexcept {
    if (!depth) {
        return band;
    }
    const bool deep = *depth == Depth::deep;
    if (band == T::t1) {
        return deep ? T::t1b : T::t1a;
    }
    return deep ? T::t2b : T::t2a;
}

}  // namespace

const RuleSet& ajcc7_sts_rules() noexcept { return k_rules; }

namespace detail {

void stage_ajcc7_sts(const Case& input, Result& result) {
    result.system = k_rules.system;
    const Site site = input.site.value_or(Site::soft_tissue);

    // Depth: retroperitoneal tumours are deep by definition (validation rejects "superficial").
    std::optional<Depth> depth = input.depth;
    std::string_view depth_text;
    if (site == Site::retroperitoneum) {
        depth = Depth::deep;
        depth_text = "retroperitoneal, deep by definition";
    } else if (depth) {
        depth_text = name(*depth);
    } else {
        depth_text = "depth not given, so no a/b letter (depth never changes the stage)";
    }

    // T: size band, then depth letter.
    const Measured<Length>& size = *input.size;  // validated: present
    Few<T> bands;
    if (size.known()) {
        const bool over = size.value->exceeds_cm(5.0);
        bands = {over ? T::t2 : T::t1};
        const T t = with_depth(bands.front(), depth);
        result.categories.t = name(t);
        trace(result, "T", {"size ", describe_length(*size.value), over ? " > 5 cm" : " <= 5 cm", ", ",
                                          depth_text, " -> ", name(t)});
    } else {
        bands = {T::t1, T::t2};
        result.categories.t = name(T::tx);
        trace(result, "T", {"size unknown -> TX (T1 or T2)"});
    }

    // N: omitted = N0 (assumed); unknown = NX (both N0 and N1 considered).
    const Few<N> ns = derive_n(input, NodeWording{"regional node", "regional node"}, result);
    const M m = derive_m(input, result);

    // G: FNCLCC grade; GX is grouped with G1.
    const G g = to_g(*input.grade);  // validated: present
    result.categories.g = name(g);
    trace(result, "G", {"grade ", name(*input.grade), " -> ", name(g), g == G::gx ? " (grouped with G1)" : ""});

    // Stage: every combination the inputs allow.
    Candidates candidates;
    candidates.t = bands;
    candidates.n = ns;
    candidates.m = m;
    candidates.g = g;
    candidates.show_g = true;
    stage_combinations(k_rules, candidates, unknowns_text(!size.known(), ns.size() > 1, false), result);

    summarize_soft_tissue(input, m, ns, false, result);
}

}  // namespace detail
}  // namespace lmsstage
