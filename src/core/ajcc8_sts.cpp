// AJCC Cancer Staging Manual, 8th ed. (2017), soft tissue sarcoma by site (rules.md section 4),
// as reprinted in NCI PDQ Soft Tissue Sarcoma Treatment, Tables 1-3: trunk and extremities,
// retroperitoneum (stage groups), head and neck and abdominal/thoracic visceral organs (T only).
#include <string>

#include "core/detail.hpp"

namespace lmsstage {
using namespace detail;
namespace {

constexpr auto k_any_t = Set<T>::any();
constexpr auto k_any_n = Set<N>::any();
constexpr auto k_any_g = Set<G>::any();
constexpr auto k_any_rate = Set<Rate>::any();

// Trunk & extremities and retroperitoneum: T by greatest dimension; no depth letter.
constexpr TDefinition k_trunk_t[] = {
    {T::tx, "primary tumour cannot be assessed (size unknown)"},
    {T::t1, "tumour 5 cm or less in greatest dimension"},
    {T::t2, "tumour more than 5 cm and not more than 10 cm"},
    {T::t3, "tumour more than 10 cm and not more than 15 cm"},
    {T::t4, "tumour more than 15 cm in greatest dimension"},
};

// AJCC 8th ed., trunk and extremities: stage groups.
constexpr GroupRow k_trunk_groups[] = {
    {{T::t1},               {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IA,   ""},
    {{T::t2, T::t3, T::t4}, {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IB,   ""},
    {{T::t1},               {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::II,   ""},
    {{T::t2},               {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::IIIA, ""},
    {{T::t3, T::t4},        {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::IIIB, ""},
    {k_any_t,               {N::n1}, {M::m0}, k_any_g,        k_any_rate, Stage::IV,   ""},
    {k_any_t,               k_any_n, {M::m1}, k_any_g,        k_any_rate, Stage::IV,   ""},
};

// AJCC 8th ed., retroperitoneum: as trunk and extremities, but N1 M0 is IIIB.
constexpr GroupRow k_retro_groups[] = {
    {{T::t1},               {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IA,   ""},
    {{T::t2, T::t3, T::t4}, {N::n0}, {M::m0}, {G::g1, G::gx}, k_any_rate, Stage::IB,   ""},
    {{T::t1},               {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::II,   ""},
    {{T::t2},               {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::IIIA, ""},
    {{T::t3, T::t4},        {N::n0}, {M::m0}, {G::g2, G::g3}, k_any_rate, Stage::IIIB, ""},
    {k_any_t,               {N::n1}, {M::m0}, k_any_g,        k_any_rate, Stage::IIIB, ""},
    {k_any_t,               k_any_n, {M::m1}, k_any_g,        k_any_rate, Stage::IV,   ""},
};

// AJCC 8th ed., head and neck: T only.
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

// AJCC 8th ed., abdominal and thoracic visceral organs: T only.
constexpr TDefinition k_visceral_t[] = {
    {T::t1,  "organ-confined"},
    {T::t2a, "invades the serosa or visceral peritoneum"},
    {T::t2b, "extends beyond the serosa (mesentery)"},
    {T::t3,  "invades another organ"},
    {T::t4a, "multifocal, 2 sites"},
    {T::t4b, "multifocal, 3 to 5 sites"},
    {T::t4c, "multifocal, more than 5 sites"},
};

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

constexpr std::string_view k_source =
    "AJCC Cancer Staging Manual, 8th ed. (2017), soft tissue sarcoma chapters (NCI PDQ Soft Tissue Sarcoma "
    "Treatment, Tables 1-3)";

constexpr RuleSet k_trunk{{"ajcc8-sts-trunk-extremity", "AJCC 8th edition, soft tissue sarcoma of the trunk and extremities"},
                          k_source, k_trunk_t, k_trunk_groups, k_trunk_notes, true, false};
constexpr RuleSet k_retro{{"ajcc8-sts-retroperitoneum", "AJCC 8th edition, soft tissue sarcoma of the retroperitoneum"},
                          k_source, k_trunk_t, k_retro_groups, k_retro_notes, true, false};
constexpr RuleSet k_head_neck{{"ajcc8-sts-head-neck", "AJCC 8th edition, soft tissue sarcoma of the head and neck"},
                              k_source, k_head_neck_t, {}, k_head_neck_notes, true, false};
constexpr RuleSet k_visceral{{"ajcc8-sts-visceral", "AJCC 8th edition, sarcoma of abdominal and thoracic visceral organs"},
                             k_source, k_visceral_t, {}, k_visceral_notes, true, false};


/// N in the 8th edition: N0 includes unknown nodal status, and the result says so.
Few<N> derive_n8(const Case& input, Result& result) {
    if (input.nodes == Finding::unknown) {
        result.categories.n = name(N::n0);
        result.notes.emplace_back("nodes unknown: N0, since the AJCC 8th edition counts unknown nodal status as N0");
        trace(result, "N", {"nodes unknown -> N0 (8th edition: no NX)"});
        return {N::n0};
    }
    return derive_n(input, NodeWording{"regional node", "regional node"}, result);
}

void derive_g(const Case& input, Result& result, G& g) {
    if (!input.grade) {
        return;  // optional where no stage group uses it
    }
    g = to_g(*input.grade);
    result.categories.g = name(g);
    trace(result, "G", {"grade ", name(*input.grade), " -> ", name(g), g == G::gx ? " (grouped with G1)" : ""});
}

void no_stage_group(const RuleSet& rules, std::string_view site_words, Result& result) {
    add(result.notes, {"the AJCC 8th edition has no stage grouping for ", site_words,
                       ": the T category is the staging result"});
    trace(result, "stage", {rules.system.name, ": no stage grouping -> none"});
}

}  // namespace

const RuleSet& ajcc8_sts_trunk_extremity_rules() noexcept { return k_trunk; }
const RuleSet& ajcc8_sts_retroperitoneum_rules() noexcept { return k_retro; }
const RuleSet& ajcc8_sts_head_neck_rules() noexcept { return k_head_neck; }
const RuleSet& ajcc8_sts_visceral_rules() noexcept { return k_visceral; }

namespace detail {

void stage_ajcc8_trunk_retro(const Case& input, bool retroperitoneum, Result& result) {
    const RuleSet& rules = retroperitoneum ? k_retro : k_trunk;
    result.system = rules.system;
    Candidates c;
    const Measured<Length>& size = *input.size;  // validated: present
    if (size.known()) {
        const Length& len = *size.value;
        const T t = !len.exceeds_cm(5.0) ? T::t1 : !len.exceeds_cm(10.0) ? T::t2 : !len.exceeds_cm(15.0) ? T::t3 : T::t4;
        c.t = {t};
        result.categories.t = name(t);
        std::string_view band = t == T::t1 ? " <= 5 cm" : t == T::t2 ? " > 5 cm, <= 10 cm" : t == T::t3 ? " > 10 cm, <= 15 cm" : " > 15 cm";
        trace(result, "T", {"size ", describe_length(len), band, " -> ", name(t)});
    } else {
        c.t = {T::t1, T::t2, T::t3, T::t4};
        result.categories.t = name(T::tx);
        trace(result, "T", {"size unknown -> TX (T1 to T4)"});
    }
    c.n = derive_n8(input, result);
    c.m = derive_m(input, result);
    derive_g(input, result, c.g);  // validated: present for these sites
    c.show_g = true;
    stage_combinations(rules, c, unknowns_text(!size.known(), false, false), result);
    summarize_soft_tissue(input, c.m, c.n, false, result);
}

void stage_ajcc8_head_neck(const Case& input, Result& result) {
    result.system = k_head_neck.system;
    const AdjoiningInvasion invasion = input.adjoining_invasion.value_or(AdjoiningInvasion::none);
    const Measured<Length>& size = *input.size;  // validated: present
    if (invasion != AdjoiningInvasion::none) {
        const T t = invasion == AdjoiningInvasion::t4a ? T::t4a : T::t4b;
        result.categories.t = name(t);
        trace(result, "T", {"invasion of adjoining structures (", name(invasion), ") -> ", name(t)});
    } else {
        if (!input.adjoining_invasion) {
            result.assumptions.emplace_back("no invasion of adjoining structures reported: T by size");
        }
        if (size.known()) {
            const Length& len = *size.value;
            const T t = !len.exceeds_cm(2.0) ? T::t1 : !len.exceeds_cm(4.0) ? T::t2 : T::t3;
            result.categories.t = name(t);
            std::string_view band = t == T::t1 ? " <= 2 cm" : t == T::t2 ? " > 2 cm, <= 4 cm" : " > 4 cm";
            trace(result, "T", {"size ", describe_length(len), band, " -> ", name(t)});
        } else {
            result.categories.t = name(T::tx);
            trace(result, "T", {"size unknown -> TX"});
        }
    }
    const Few<N> ns = derive_n8(input, result);
    const M m = derive_m(input, result);
    G g = G::gx;
    derive_g(input, result, g);
    no_stage_group(k_head_neck, "head and neck sarcoma", result);
    summarize_soft_tissue(input, m, ns, false, result);
}

void stage_ajcc8_visceral(const Case& input, Result& result) {
    result.system = k_visceral.system;
    const long long foci = input.foci.value_or(1);
    if (!input.foci) {
        result.assumptions.emplace_back("number of tumour sites not reported: 1 (unifocal)");
    }
    if (foci >= 2) {
        const T t = foci == 2 ? T::t4a : foci <= 5 ? T::t4b : T::t4c;
        result.categories.t = name(t);
        trace(result, "T", {"multifocal, ", std::to_string(foci), " sites -> ", name(t)});
    } else {
        const VisceralExtent extent = *input.visceral_extent;  // validated: present
        const T t = extent == VisceralExtent::confined ? T::t1
                    : extent == VisceralExtent::serosa ? T::t2a
                    : extent == VisceralExtent::beyond_serosa ? T::t2b
                                                              : T::t3;
        result.categories.t = name(t);
        trace(result, "T", {"extent ", name(extent), ", unifocal -> ", name(t)});
    }
    const Few<N> ns = derive_n8(input, result);
    const M m = derive_m(input, result);
    G g = G::gx;
    derive_g(input, result, g);
    no_stage_group(k_visceral, "sarcomas of visceral organs", result);
    summarize_soft_tissue(input, m, ns, false, result);
}

void stage_ajcc7_gi_lms(const Case& input, Result& result) {
    result.system = {"ajcc7-sts", "AJCC 7th edition, soft tissue sarcoma"};
    const Few<N> ns = derive_n(input, NodeWording{"regional node", "regional node"}, result);
    const M m = derive_m(input, result);
    result.notes.emplace_back(
        "the AJCC 7th edition soft tissue sarcoma chapter does not apply to sarcomas of hollow viscera such as the "
        "gastrointestinal tract: no AJCC 7 stage (edition 8 gives the visceral T category)");
    trace(result, "stage", {"leiomyosarcoma of the gastrointestinal tract: outside the AJCC 7 soft tissue chapter -> none"});
    summarize_soft_tissue(input, m, ns, false, result);
}

}  // namespace detail
}  // namespace lmsstage
