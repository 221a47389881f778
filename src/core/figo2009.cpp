// FIGO 2009 staging for uterine sarcomas, with the AJCC 7th ed. corpus uteri sarcoma TNM
// equivalents (rules.md sections 2 and 2b). Sources: FIGO 2009 as reprinted in NCI PDQ Uterine
// Sarcoma Treatment, Tables 1-2; NCI SEER TNM 2.1 tables tnm7_stage_ubu and tnm7_stage_ubt.
#include <string>
#include <vector>

#include "core/detail.hpp"

namespace lmsstage {
using namespace std::string_view_literals;
namespace {

constexpr auto k_any_t = Set<T>::any();
constexpr auto k_any_n = Set<N>::any();
constexpr auto k_any_g = Set<G>::any();
constexpr auto k_any_rate = Set<Rate>::any();  // FIGO does not use grade
// "T1-T3" of each system: the uterine LMS/ESS T1 has no T1c, adenosarcoma's has.
constexpr Set<T> k_uterine_t1_to_t3{T::t1a, T::t1b, T::t2a, T::t2b, T::t3a, T::t3b};
constexpr Set<T> k_adenosarcoma_t1_to_t3{T::t1a, T::t1b, T::t1c, T::t2a, T::t2b, T::t3a, T::t3b};

// FIGO 2009, uterine leiomyosarcoma and endometrial stromal sarcoma: primary tumour.
constexpr TDefinition k_uterine_t[] = {
    {T::tx,  "primary tumour cannot be assessed"},
    {T::t1a, "limited to the uterus, 5 cm or less (FIGO IA)"},
    {T::t1b, "limited to the uterus, more than 5 cm (FIGO IB)"},
    {T::t2a, "extends beyond the uterus within the pelvis: adnexa (FIGO IIA)"},
    {T::t2b, "extends to other pelvic tissues (FIGO IIB)"},
    {T::t3a, "invades abdominal tissues, one site (FIGO IIIA)"},
    {T::t3b, "invades abdominal tissues, more than one site (FIGO IIIB)"},
    {T::t4,  "invades bladder and/or rectum (FIGO IVA)"},
};

// FIGO 2009, uterine adenosarcoma: stage I differs, II-IV as for leiomyosarcoma.
constexpr TDefinition k_adenosarcoma_t[] = {
    {T::tx,  "primary tumour cannot be assessed"},
    {T::t1a, "limited to endometrium/endocervix, no myometrial invasion (FIGO IA)"},
    {T::t1b, "myometrial invasion half or less (FIGO IB)"},
    {T::t1c, "myometrial invasion more than half (FIGO IC)"},
    {T::t2a, "extends beyond the uterus within the pelvis: adnexa (FIGO IIA)"},
    {T::t2b, "extends to other pelvic tissues (FIGO IIB)"},
    {T::t3a, "invades abdominal tissues, one site (FIGO IIIA)"},
    {T::t3b, "invades abdominal tissues, more than one site (FIGO IIIB)"},
    {T::t4,  "invades bladder and/or rectum (FIGO IVA)"},
};

// FIGO 2009 uterine sarcoma stages with their TNM equivalents. Precedence lives in the cells:
// M1 is IVB whatever else; T4 is IVA with any N; N1 is IIIC only with T1-T3.
constexpr GroupRow k_uterine_groups[] = {
    {{T::t1a},   {N::n0}, {M::m0}, k_any_g, k_any_rate, Stage::IA,   "limited to the uterus, 5 cm or less"},
    {{T::t1b},   {N::n0}, {M::m0}, k_any_g, k_any_rate, Stage::IB,   "limited to the uterus, more than 5 cm"},
    {{T::t2a},   {N::n0}, {M::m0}, k_any_g, k_any_rate, Stage::IIA,  "adnexa involved"},
    {{T::t2b},   {N::n0}, {M::m0}, k_any_g, k_any_rate, Stage::IIB,  "other pelvic tissues involved"},
    {{T::t3a},   {N::n0}, {M::m0}, k_any_g, k_any_rate, Stage::IIIA, "one abdominal site invaded"},
    {{T::t3b},   {N::n0}, {M::m0}, k_any_g, k_any_rate, Stage::IIIB, "more than one abdominal site invaded"},
    {k_uterine_t1_to_t3, {N::n1}, {M::m0}, k_any_g, k_any_rate, Stage::IIIC, "pelvic and/or para-aortic lymph node metastasis"},
    {{T::t4},    k_any_n, {M::m0}, k_any_g, k_any_rate, Stage::IVA,  "bladder and/or rectum invaded"},
    {k_any_t,    k_any_n, {M::m1}, k_any_g, k_any_rate, Stage::IVB,  "distant metastasis"},
};

constexpr GroupRow k_adenosarcoma_groups[] = {
    {{T::t1a},   {N::n0}, {M::m0}, k_any_g, k_any_rate, Stage::IA,   "limited to endometrium/endocervix, no myometrial invasion"},
    {{T::t1b},   {N::n0}, {M::m0}, k_any_g, k_any_rate, Stage::IB,   "myometrial invasion half or less"},
    {{T::t1c},   {N::n0}, {M::m0}, k_any_g, k_any_rate, Stage::IC,   "myometrial invasion more than half"},
    {{T::t2a},   {N::n0}, {M::m0}, k_any_g, k_any_rate, Stage::IIA,  "adnexa involved"},
    {{T::t2b},   {N::n0}, {M::m0}, k_any_g, k_any_rate, Stage::IIB,  "other pelvic tissues involved"},
    {{T::t3a},   {N::n0}, {M::m0}, k_any_g, k_any_rate, Stage::IIIA, "one abdominal site invaded"},
    {{T::t3b},   {N::n0}, {M::m0}, k_any_g, k_any_rate, Stage::IIIB, "more than one abdominal site invaded"},
    {k_adenosarcoma_t1_to_t3, {N::n1}, {M::m0}, k_any_g, k_any_rate, Stage::IIIC, "pelvic and/or para-aortic lymph node metastasis"},
    {{T::t4},    k_any_n, {M::m0}, k_any_g, k_any_rate, Stage::IVA,  "bladder and/or rectum invaded"},
    {k_any_t,    k_any_n, {M::m1}, k_any_g, k_any_rate, Stage::IVB,  "distant metastasis"},
};

constexpr std::string_view k_uterine_notes[] = {
    "Precedence: M1 -> IVB; else bladder/rectum (T4) -> IVA, even with positive nodes; else N1 -> IIIC; "
    "else the T category decides.",
    "Every size boundary belongs to the lower category: exactly 5 cm is IA.",
    "Grade does not enter FIGO staging. Cervical involvement does not change stage I.",
    "NX (nodes unknown) and size unknown give every stage consistent with the possible values.",
};

constexpr std::string_view k_adenosarcoma_notes[] = {
    "Precedence: M1 -> IVB; else bladder/rectum (T4) -> IVA, even with positive nodes; else N1 -> IIIC; "
    "else the T category decides.",
    "Myometrial invasion of exactly half is IB. T1c exists only for adenosarcoma.",
    "Grade does not enter FIGO staging.",
};

constexpr RuleSet k_uterine_rules{
    {"figo2009-uterine", "FIGO 2009, uterine leiomyosarcoma and endometrial stromal sarcoma"},
    "FIGO 2009 (NCI PDQ Uterine Sarcoma Treatment, Table 1); AJCC 7th ed. corpus uteri sarcoma, "
    "NCI SEER TNM 2.1 table tnm7_stage_ubu",
    k_uterine_t,
    k_uterine_groups,
    k_uterine_notes,
    false,
    false,
};

constexpr RuleSet k_adenosarcoma_rules{
    {"figo2009-adenosarcoma", "FIGO 2009, uterine adenosarcoma"},
    "FIGO 2009 (NCI PDQ Uterine Sarcoma Treatment, Table 2); AJCC 7th ed. corpus uteri adenosarcoma, "
    "NCI SEER TNM 2.1 table tnm7_stage_ubt",
    k_adenosarcoma_t,
    k_adenosarcoma_groups,
    k_adenosarcoma_notes,
    false,
    false,
};

// SEER Summary Stage 2018, corpus sarcoma: summary stage by FIGO stage. IIIC is regional unless
// abdominal tissue is also involved (handled in code below).
struct SummaryRow {
    Stage stage;
    SummaryStage summary;
};
constexpr SummaryRow k_summary_by_stage[] = {
    {Stage::IA, SummaryStage::localized},   {Stage::IB, SummaryStage::localized},
    {Stage::IC, SummaryStage::localized},   {Stage::IIA, SummaryStage::regional},
    {Stage::IIB, SummaryStage::regional},   {Stage::IIIA, SummaryStage::distant},
    {Stage::IIIB, SummaryStage::distant},   {Stage::IIIC, SummaryStage::regional},
    {Stage::IVA, SummaryStage::distant},    {Stage::IVB, SummaryStage::distant},
};

SummaryStage summary_of(Stage stage, T t) noexcept {
    if (stage == Stage::IIIC && (t == T::t3a || t == T::t3b)) {
        return SummaryStage::distant;
    }
    for (const SummaryRow& row : k_summary_by_stage) {
        if (row.stage == stage) {
            return row.summary;
        }
    }
    return SummaryStage::distant;  // unreachable: every FIGO stage has a row (tested)
}

struct Finding4 {
    bool bladder_rectum;
    long long abdominal_sites;
    bool pelvic;
    bool adnexa;
};

}  // namespace

const RuleSet& figo2009_uterine_rules() noexcept { return k_uterine_rules; }
const RuleSet& figo2009_adenosarcoma_rules() noexcept { return k_adenosarcoma_rules; }

namespace detail {

void stage_figo2009(const Case& input, bool adenosarcoma, Result& result) {
    const RuleSet& rules = adenosarcoma ? k_adenosarcoma_rules : k_uterine_rules;
    result.system = rules.system;

    // T: the furthest extent reported wins (bladder/rectum > abdominal > pelvic > adnexa > uterus).
    const Finding4 f{input.bladder_rectum.value_or(false), input.abdominal_sites.value_or(0),
                     input.pelvic.value_or(false), input.adnexa.value_or(false)};
    Few<T> ts;
    // The T trace line, written in place (the first trace step of this system).
    std::string& t_because = begin_trace(result, "T");
    int rank = 0;  // how far the reported extent reaches: 0 uterus .. 4 bladder/rectum
    if (f.bladder_rectum) {
        ts = {T::t4};
        t_because += "bladder and/or rectum invaded";
        rank = 4;
    } else if (f.abdominal_sites >= 2) {
        ts = {T::t3b};
        t_because += std::to_string(f.abdominal_sites);
        t_because += " abdominal sites invaded";
        rank = 3;
    } else if (f.abdominal_sites == 1) {
        ts = {T::t3a};
        t_because += "1 abdominal site invaded";
        rank = 3;
    } else if (f.pelvic) {
        ts = {T::t2b};
        t_because += "other pelvic tissues involved";
        rank = 2;
    } else if (f.adnexa) {
        ts = {T::t2a};
        t_because += "adnexa involved";
        rank = 1;
    } else if (adenosarcoma) {
        const double invasion = *input.myometrial_invasion;  // validated: present, 0-100
        const T t = invasion == 0.0 ? T::t1a : (invasion <= 50.0 ? T::t1b : T::t1c);
        ts = {t};
        t_because += "limited to the uterus, myometrial invasion ";
        t_because += format_number(invasion);
        t_because += "% ";
        t_because += invasion == 0.0 ? "(none)" : (invasion <= 50.0 ? "<= half" : "> half");
    } else {
        const Measured<Length>& size = *input.size;  // validated: present
        if (size.known()) {
            const bool over = size.value->exceeds_cm(5.0);
            ts = {over ? T::t1b : T::t1a};
            t_because += "limited to the uterus, size ";
            t_because += describe_length(*size.value);
            t_because += over ? " > 5 cm" : " <= 5 cm";
        } else {
            ts = {T::t1a, T::t1b};
            t_because += "limited to the uterus, size unknown (T1a or T1b)";
        }
    }
    if (ts.size() == 1) {
        result.categories.t = name(ts.front());
    } else {
        const std::string_view common = common_category(name(ts.front()), name(ts.back()));
        result.categories.t = common.empty() ? name(T::tx) : common;
    }
    t_because += " -> ";
    t_because += result.categories.t;

    // Findings not reported that would have raised T are taken as absent, and the result says so.
    struct Omittable {
        bool given;
        int rank;
        std::string_view what;
    };
    const Omittable findings[] = {{input.adnexa.has_value(), 1, "adnexa"},
                                  {input.pelvic.has_value(), 2, "other pelvic tissues"},
                                  {input.abdominal_sites.has_value(), 3, "abdominal sites"},
                                  {input.bladder_rectum.has_value(), 4, "bladder or rectum"}};
    bool any_omitted = false;
    for (const Omittable& o : findings) {
        any_omitted = any_omitted || (!o.given && o.rank > rank);
    }
    if (any_omitted) {
        std::string& text = result.assumptions.next();
        text = "not reported, taken as not involved: ";
        bool first = true;
        for (const Omittable& o : findings) {
            if (!o.given && o.rank > rank) {
                text += first ? "" : ", ";
                text += o.what;
                first = false;
            }
        }
    }

    // N (pelvic and/or para-aortic nodes).
    const Few<N> ns = derive_n(input, NodeWording{"pelvic and/or para-aortic node", "pelvic or para-aortic node"}, result);
    const M m = derive_m(input, result);
    result.categories.g = {};  // grade does not enter FIGO staging

    // Stage and summary stage over every combination the inputs allow.
    std::string& combos = begin_trace(result, "stage");
    bool summary_set = false;
    bool summary_open = false;
    SummaryStage summary = SummaryStage::localized;
    bool iva = false;
    for (T t : ts) {
        for (N n : ns) {
            const std::optional<Stage> s = look_up_group(rules, t, n, m, G::gx);
            if (!s) {
                continue;  // unreachable: the table is total (tested)
            }
            result.possible_stages.insert(*s);
            iva = iva || *s == Stage::IVA;
            const SummaryStage this_summary = summary_of(*s, t);
            if (summary_set && this_summary != summary) {
                summary_open = true;
            }
            summary = this_summary;
            summary_set = true;
            if (!combos.empty()) {
                combos += "; ";
            }
            for (std::string_view part : {name(t), " "sv, name(n), " "sv, name(m), " -> FIGO "sv, name(*s)}) {
                combos += part;
            }
        }
    }
    result.stage = result.possible_stages.single();
    if (!result.stage) {
        combos += "; undetermined: one of ";
        combos += join_stages(result.possible_stages);
        add(result.notes, {"stage undetermined (", unknowns_text(ts.size() > 1, ns.size() > 1, false), "): one of ",
                           join_stages(result.possible_stages)});
    }

    if (summary_open) {
        result.summary_stage.reset();
        trace(result, "summary_stage", {"depends on the undetermined stage -> undetermined"});
        result.notes.emplace_back("summary stage undetermined: it depends on the stage, which the inputs leave open");
    } else {
        result.summary_stage = summary;
        std::string because = cat({"FIGO ", join_stages(result.possible_stages), " -> ", name(summary)});
        if (result.stage == Stage::IIIC && summary == SummaryStage::distant) {
            because += " (abdominal tissue also involved)";
        }
        because += " (SEER Summary Stage 2018, corpus sarcoma)";
        trace(result, "summary_stage", {because});
    }
    if (iva) {
        result.notes.emplace_back(
            "FIGO IVA counts as distant for the summary stage; it is regional when only the bladder or rectal "
            "wall, not the mucosa, is involved");
    }
}

}  // namespace detail
}  // namespace lmsstage
