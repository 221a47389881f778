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
    {{T::t1}, {N::n0}, {M::m0}, {G::g1, G::gx}, Stage::IA,  ""},
    {{T::t2}, {N::n0}, {M::m0}, {G::g1, G::gx}, Stage::IB,  ""},
    {{T::t1}, {N::n0}, {M::m0}, {G::g2, G::g3}, Stage::IIA, ""},
    {{T::t2}, {N::n0}, {M::m0}, {G::g2},        Stage::IIB, ""},
    {{T::t2}, {N::n0}, {M::m0}, {G::g3},        Stage::III, ""},
    {k_any_t, {N::n1}, {M::m0}, k_any_g,        Stage::III, ""},
    {k_any_t, k_any_n, {M::m1}, k_any_g,        Stage::IV,  ""},
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
};

constexpr G to_g(Grade grade) noexcept {
    switch (grade) {
        case Grade::g1: return G::g1;
        case Grade::g2: return G::g2;
        case Grade::g3: return G::g3;
        case Grade::gx: return G::gx;
    }
    return G::gx;
}

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
    // The trace line is written in place (its storage is reused across cases); no other trace step
    // is added until it is complete, so the reference stays valid.
    std::string& combos = begin_trace(result, "stage");
    for (T band : bands) {
        for (N n : ns) {
            const std::optional<Stage> s = look_up_group(k_rules, band, n, m, g);
            if (!s) {
                continue;  // unreachable: the table is total (tested)
            }
            result.possible_stages.insert(*s);
            if (!combos.empty()) {
                combos += "; ";
            }
            for (std::string_view part : {name(band), " "sv, name(n), " "sv, name(m), " "sv, name(g), " -> "sv,
                                          name(*s)}) {
                combos += part;
            }
        }
    }
    result.stage = result.possible_stages.single();
    if (!result.stage) {
        combos += "; undetermined: one of ";
        combos += join_stages(result.possible_stages);
        std::string why;
        if (!size.known()) {
            why = "size unknown";
        }
        if (ns.size() > 1) {
            why += why.empty() ? "nodes unknown" : " and nodes unknown";
        }
        result.notes.push_back("stage undetermined (" + why + "): one of " + join_stages(result.possible_stages));
    }

    // Summary stage (SEER): M1 distant; further extension distant; N1 or adjacent extension regional.
    const Extension extension = input.extension.value_or(Extension::confined);
    SummaryStage summary = SummaryStage::localized;
    std::string_view because;
    std::string_view assumed;
    std::string_view nodes_note;
    if (m == M::m1) {
        summary = SummaryStage::distant;
        because = "distant metastasis";
    } else {
        if (!input.extension) {
            result.assumptions.emplace_back("no extension beyond the site of origin reported: confined");
        }
        if (extension == Extension::further) {
            summary = SummaryStage::distant;
            because = "further contiguous extension";
        } else if (ns.size() == 1 && ns.front() == N::n1) {
            summary = SummaryStage::regional;
            because = "regional node metastasis";
        } else if (extension == Extension::adjacent || extension == Extension::adjacent_organ) {
            summary = SummaryStage::regional;
            because = extension == Extension::adjacent ? "extension to adjacent tissue, bone or major vessel"
                                                       : "extension to an adjacent organ";
        } else {
            because = "confined to the site of origin";
            if (!input.extension) {
                assumed = " (assumed)";
            }
            if (ns.size() > 1) {
                nodes_note = ", nodes unknown counted as negative (SEER convention)";
            }
        }
    }
    result.summary_stage = summary;
    trace(result, "summary_stage", {because, assumed, nodes_note, " -> ", name(summary)});
}

}  // namespace detail
}  // namespace lmsstage
