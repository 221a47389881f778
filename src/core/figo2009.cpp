// FIGO 2009 staging for uterine sarcomas, with the AJCC 7th ed. corpus uteri sarcoma TNM
// equivalents (docs/rules.md §2 and §2b). Sources: FIGO 2009 as reprinted in NCI PDQ Uterine
// Sarcoma Treatment, Tables 1-2; NCI SEER TNM 2.1 tables tnm7_stage_ubu and tnm7_stage_ubt.
#include <string>

#include "core/detail.hpp"

namespace lmsstage {
using namespace detail;
namespace {

// "T1-T3" of each system: the uterine LMS/ESS T1 has no T1c, adenosarcoma's has.
constexpr Set<T> k_uterine_t1_to_t3{T::t1a, T::t1b, T::t2a, T::t2b, T::t3a, T::t3b};
constexpr Set<T> k_adenosarcoma_t1_to_t3{T::t1a, T::t1b, T::t1c, T::t2a, T::t2b, T::t3a, T::t3b};

// FIGO 2009, uterine leiomyosarcoma and endometrial stromal sarcoma: primary tumour.
// clang-format off
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
// clang-format on

// FIGO 2009, uterine adenosarcoma: stage I differs, II-IV as for leiomyosarcoma.
// clang-format off
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
// clang-format on

// FIGO 2009 uterine sarcoma stages with their TNM equivalents. Precedence lives in the cells:
// M1 is IVB whatever else; T4 is IVA with any N; N1 is IIIC only with T1-T3.
// FIGO does not use grade or mitotic rate (any).
// clang-format off
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
// clang-format on

// clang-format off
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
// clang-format on

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

constexpr std::string_view k_summary_scheme = "SEER Summary Stage 2018, corpus sarcoma";

// Stage I by size (leiomyosarcoma, ESS: IA 5 cm or less, IB more than 5 cm) and by myometrial
// invasion (adenosarcoma: IA none, IB half or less, IC more than half), PDQ Tables 1 and 2.
// clang-format off
constexpr Band k_size_bands[] = {
    {5.0,        T::t1a, "<= 5 cm"},
    {k_no_bound, T::t1b, "> 5 cm"},
};
constexpr Band k_invasion_bands[] = {
    {0.0,        T::t1a, "(none)"},
    {50.0,       T::t1b, "<= half"},
    {k_no_bound, T::t1c, "> half"},
};
// clang-format on

// clang-format off
constexpr RuleSet k_uterine_rules{
    {"figo2009-uterine", "FIGO 2009 and AJCC 8th edition ch. 54, uterine leiomyosarcoma and endometrial stromal sarcoma",
     Grouping::figo},
    "FIGO 2009 for leiomyosarcoma (Prat J, Int J Gynaecol Obstet 2009;104:177-178), as reprinted in NCI PDQ Uterine "
    "Sarcoma Treatment, Table 1, applied to endometrial stromal sarcoma as AJCC does; AJCC Cancer Staging Manual, "
    "7th ed. (2010) corpus uteri sarcoma (NCI SEER TNM 2.1 table tnm7_stage_ubu) and 8th ed. (2017) chapter 54",
    k_uterine_t,
    k_uterine_groups,
    k_uterine_notes,
    false,
    false,
    k_summary_scheme,
    k_routing_fields | field_mask({Field::size, Field::adnexa, Field::pelvic, Field::bladder_rectum,
                                   Field::abdominal_sites, Field::cervix, Field::peritoneal_cytology}),
    field_mask({Field::size}),
    k_size_bands,
};
// clang-format on

// clang-format off
constexpr RuleSet k_adenosarcoma_rules{
    {"figo2009-adenosarcoma", "FIGO 2009, uterine adenosarcoma", Grouping::figo},
    "FIGO 2009 (Prat J, Int J Gynaecol Obstet 2009;104:177-178), as reprinted in NCI PDQ Uterine Sarcoma Treatment, "
    "Table 2; AJCC Cancer Staging Manual, 7th ed. (2010) corpus uteri adenosarcoma (NCI SEER TNM 2.1 table "
    "tnm7_stage_ubt) and 8th ed. (2017) chapter 54",
    k_adenosarcoma_t,
    k_adenosarcoma_groups,
    k_adenosarcoma_notes,
    false,
    false,
    k_summary_scheme,
    k_routing_fields | field_mask({Field::myometrial_invasion, Field::adnexa, Field::pelvic, Field::bladder_rectum,
                                   Field::abdominal_sites, Field::cervix, Field::peritoneal_cytology}),
    field_mask({Field::myometrial_invasion}),
    {},
    k_invasion_bands,
};
// clang-format on

// How far the tumour reaches, furthest first: the first finding present decides T (FIGO 2009
// precedence), with the summary stage SEER Summary Stage 2018 (corpus sarcoma) gives that extent.
// A finding explicitly unknown keeps its row and every row below it possible.
struct SpreadRow {
    Field field;
    long long at_least;  ///< abdominal_sites: the number of sites; 0 for yes/no findings
    T t;
    Extent extent;
    std::string_view omitted;  ///< its words in the "not reported" assumption
};
// clang-format off
constexpr SpreadRow k_spread[] = {
    {Field::bladder_rectum,  0, T::t4,  {SummaryStage::distant, "bladder and/or rectum invaded (FIGO IVA)"},
     "bladder or rectum"},
    {Field::abdominal_sites, 2, T::t3b, {SummaryStage::distant, "more than one abdominal site invaded (FIGO IIIB)"},
     "abdominal sites"},
    {Field::abdominal_sites, 1, T::t3a, {SummaryStage::distant, "one abdominal site invaded (FIGO IIIA)"},
     "abdominal sites"},
    {Field::pelvic,          0, T::t2b, {SummaryStage::regional, "other pelvic tissues involved (FIGO IIB)"},
     "other pelvic tissues"},
    {Field::adnexa,          0, T::t2a, {SummaryStage::regional, "adnexa involved (FIGO IIA)"}, "adnexa"},
};
// clang-format on

// Limited to the uterus: localized, but regional with either of these (SEER Summary Stage 2018,
// corpus sarcoma); neither changes the FIGO stage.
struct UterineFinding {
    Field field;
    Extent extent;
};
constexpr UterineFinding k_stage_i_findings[] = {
    {Field::cervix, {SummaryStage::regional, "endocervical stromal involvement (FIGO stage unchanged)"}},
    {Field::peritoneal_cytology, {SummaryStage::regional, "positive peritoneal cytology (FIGO stage unchanged)"}},
};
constexpr Extent k_limited{SummaryStage::localized, "limited to the uterus"};

enum class Presence { no, maybe, yes };

Presence finding(const std::optional<Finding>& f) noexcept {
    if (!f || *f == Finding::absent) {
        return Presence::no;
    }
    return *f == Finding::present ? Presence::yes : Presence::maybe;
}

Presence presence(const Case& c, const SpreadRow& row) noexcept {
    switch (row.field) {
        case Field::bladder_rectum: return finding(c.bladder_rectum);
        case Field::pelvic: return finding(c.pelvic);
        case Field::adnexa: return finding(c.adnexa);
        case Field::abdominal_sites:
            if (!c.abdominal_sites) {
                return Presence::no;
            }
            if (!c.abdominal_sites->known()) {
                return Presence::maybe;
            }
            return *c.abdominal_sites->value >= row.at_least ? Presence::yes : Presence::no;
        default: return Presence::no;
    }
}

const std::optional<Finding>& finding_of(const Case& c, Field field) noexcept {
    return field == Field::cervix ? c.cervix : c.peritoneal_cytology;
}

/// T of a tumour limited to the uterus, with its trace words (when `tracing`).
Few<T> confined_t(const Case& input, bool adenosarcoma, std::string& because, bool tracing) {
    if (adenosarcoma) {
        if (!input.myometrial_invasion || !input.myometrial_invasion->known()) {
            because += input.myometrial_invasion ? "limited to the uterus, myometrial invasion unknown"
                                                 : "limited to the uterus, myometrial invasion not given";
            return {T::t1a, T::t1b, T::t1c};
        }
        const double invasion = *input.myometrial_invasion->value;
        const Band& band = band_of(k_adenosarcoma_rules.invasion_bands, invasion);
        if (tracing) {
            because += "limited to the uterus, myometrial invasion ";
            because += format_number(invasion);
            because += "% ";
            because += band.text;
        }
        return {band.t};
    }
    if (!input.size || !input.size->known()) {
        because += input.size ? "limited to the uterus, size unknown" : "limited to the uterus, size not given";
        return {T::t1a, T::t1b};
    }
    const Band& band = band_of(k_uterine_rules.size_bands, *input.size->value);
    if (tracing) {
        because += "limited to the uterus, size ";
        because += describe_length(*input.size->value);
        because += ' ';
        because += band.text;
    }
    return {band.t};
}

/// The extents of a tumour limited to the uterus: regional with cervix or cytology, localized otherwise.
void add_confined_extents(const Case& input, Few<Extent>& extents, Result& result) {
    bool any_present = false;
    for (const UterineFinding& f : k_stage_i_findings) {
        const Presence p = finding(finding_of(input, f.field));
        if (p != Presence::no) {
            extents.insert(f.extent);
        }
        any_present = any_present || p == Presence::yes;
    }
    if (!any_present) {
        extents.insert(k_limited);
    }
    if (!input.cervix && !input.peritoneal_cytology) {
        result.assumptions.emplace_back(
            "cervical stromal involvement and peritoneal cytology not reported: taken as negative (summary stage)");
    } else if (!input.cervix || !input.peritoneal_cytology) {
        add(result.assumptions, {!input.cervix ? "cervical stromal involvement" : "peritoneal cytology",
                                 " not reported: taken as negative (summary stage)"});
    }
}

/// Findings left out that rank above the one that decided T: taken as not involved, and said so.
void state_omitted(const Case& input, std::size_t decided, Result& result) {
    if (!result.assumptions.recording()) {
        return;
    }
    std::string* text = nullptr;  // written in the list's reused storage: no allocation once warm
    for (std::size_t i = std::size(k_spread); i-- > 0;) {
        const SpreadRow& row = k_spread[i];
        if (i >= decided || input.has(row.field) || (i > 0 && k_spread[i - 1].field == row.field)) {
            continue;
        }
        if (text == nullptr) {
            text = &result.assumptions.next();
            text->assign("not reported, taken as not involved: ");
        } else {
            *text += ", ";
        }
        *text += row.omitted;
    }
}

}  // namespace

const RuleSet& figo2009_uterine_rules() noexcept { return k_uterine_rules; }
const RuleSet& figo2009_adenosarcoma_rules() noexcept { return k_adenosarcoma_rules; }

namespace detail {

Few<T> stage_figo2009(const Case& input, bool adenosarcoma, Result& result) {
    const RuleSet& rules = adenosarcoma ? k_adenosarcoma_rules : k_uterine_rules;
    result.system = rules.system;

    // T: the furthest extent reported wins; an unknown finding leaves the rows below it open.
    Candidates c;
    Few<Extent> extents;
    std::string& because = begin_trace(result, "T");
    std::size_t decided = std::size(k_spread);
    for (std::size_t i = 0; i < std::size(k_spread) && decided == std::size(k_spread); ++i) {
        const SpreadRow& row = k_spread[i];
        const Presence p = presence(input, row);
        if (p == Presence::no) {
            continue;
        }
        c.t.insert(row.t);
        extents.insert(row.extent);
        because += because.empty() ? "" : "; ";
        because += p == Presence::yes ? "" : "possibly ";
        because += row.extent.because;
        if (p == Presence::yes) {
            decided = i;
        }
    }
    const bool may_be_confined = decided == std::size(k_spread);
    if (may_be_confined) {
        because += because.empty() ? "" : "; or ";
        for (T t : confined_t(input, adenosarcoma, because, result.trace.recording())) {
            c.t.insert(t);
        }
    }
    result.categories.t = category_text(c.t);
    because += " -> ";
    because += result.categories.t;
    state_omitted(input, decided, result);
    if (may_be_confined) {
        add_confined_extents(input, extents, result);
    }

    c.n = derive_n(input, NodeWording{"pelvic and/or para-aortic node", "pelvic or para-aortic node"}, result);
    c.m = derive_m(input, result);
    result.categories.g = {};  // grade does not enter FIGO staging
    stage_combinations(rules, c, input,
                       {adenosarcoma ? Field::myometrial_invasion : Field::size, Field::adnexa, Field::pelvic,
                        Field::abdominal_sites, Field::bladder_rectum, Field::nodes, Field::metastasis},
                       result);
    summarize(input, extents, c.m, k_summary_scheme, result);
    if (result.possible_stages.contains(Stage::IVA)) {
        add_note(result, NoteId::figo_iva_wall_only);
    }
    add_note(result, NoteId::figo2009_current);
    if (input.histology == Histology::ess) {
        add_note(result, NoteId::ess_staging_sources);
    }
    return c.t;
}

}  // namespace detail
}  // namespace lmsstage
