// The one routing place: validates a case, chooses the staging system and the survival table,
// flags given fields the system does not use, and hands over to the system's rules. route() tells
// a form the same choice before the case is complete.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/detail.hpp"
#include "lmsstage/fields.hpp"
#include "lmsstage/lmsstage.hpp"

#ifndef LMSSTAGE_VERSION
#error "LMSSTAGE_VERSION must be defined by the build"
#endif

namespace lmsstage {
namespace {

using detail::Few;
using detail::NoteId;

enum class SystemId {
    ajcc7_sts,
    figo2009_uterine,
    figo2009_adenosarcoma,
    ajcc7_gist,
    ajcc8_gist,
    ajcc8_sts_trunk_extremity,
    ajcc8_sts_retroperitoneum,
    ajcc8_sts_head_neck,
    ajcc8_sts_visceral,
    ajcc7_gi_lms,  ///< outside the AJCC 7 soft tissue chapter: not staged
    uicc9_sts_trunk_extremity,
    uicc9_sts_retroperitoneum,
    uicc9_gist,
};

/// Each system's rule set: what it reads and asks for are the rule set's own (its staging file).
struct SystemInfo {
    SystemId id;
    const RuleSet& (*rules)() noexcept;  ///< for GIST, either table: both read the same fields

    [[nodiscard]] std::uint32_t used() const noexcept { return rules().reads; }
    [[nodiscard]] std::uint32_t needed() const noexcept { return rules().asks; }
};

constexpr SystemInfo k_systems[] = {
    {SystemId::ajcc7_sts, &ajcc7_sts_rules},
    {SystemId::figo2009_uterine, &figo2009_uterine_rules},
    {SystemId::figo2009_adenosarcoma, &figo2009_adenosarcoma_rules},
    {SystemId::ajcc7_gist, &ajcc7_gist_gastric_rules},
    {SystemId::ajcc8_gist, &ajcc8_gist_gastric_rules},
    {SystemId::ajcc8_sts_trunk_extremity, &ajcc8_sts_trunk_extremity_rules},
    {SystemId::ajcc8_sts_retroperitoneum, &ajcc8_sts_retroperitoneum_rules},
    {SystemId::ajcc8_sts_head_neck, &ajcc8_sts_head_neck_rules},
    {SystemId::ajcc8_sts_visceral, &ajcc8_sts_visceral_rules},
    {SystemId::ajcc7_gi_lms, &ajcc7_gi_lms_rules},
    {SystemId::uicc9_sts_trunk_extremity, &uicc9_sts_trunk_extremity_rules},
    {SystemId::uicc9_sts_retroperitoneum, &uicc9_sts_retroperitoneum_rules},
    {SystemId::uicc9_gist, &uicc9_gist_gastric_rules},
};

constexpr const SystemInfo& info(SystemId id) noexcept { return k_systems[static_cast<std::size_t>(id)]; }
static_assert(
    [] {
        for (std::size_t i = 0; i < std::size(k_systems); ++i) {
            if (static_cast<std::size_t>(k_systems[i].id) != i) {
                return false;
            }
        }
        return true;
    }(),
    "k_systems rows must follow the SystemId order");

CaseError error(Field field, std::string problem) { return CaseError{field, std::move(problem)}; }

/// The rows a predicate picks, in table order.
template <typename Pick>
std::vector<const FieldInfo*> rows_where(Pick pick) {
    std::vector<const FieldInfo*> rows;
    for (const FieldInfo& f : fields()) {
        if (pick(f)) {
            rows.push_back(&f);
        }
    }
    return rows;
}

/// The fields a system may ask for: listed once, as every case checks them.
const std::vector<const FieldInfo*>& asked_fields() {
    static const auto k_rows = rows_where([](const FieldInfo& f) { return !f.asked.empty(); });
    return k_rows;
}

std::string got(double value) { return ", got " + detail::format_number(value); }

/// Values out of range, whatever the system.
std::optional<CaseError> check_values(const Case& c) {
    if (c.size && c.size->known()) {
        const Length& len = *c.size->value;
        if (!std::isfinite(len.value) || len.value <= 0.0) {
            std::string problem =
                std::isfinite(len.value) ? "must be a positive length, got " : "must be a finite positive length, got ";
            problem += detail::format_number(len.value);
            if (len.unit_stated) {
                problem += ' ';
                problem += name(len.unit);
            }
            return error(Field::size, std::move(problem));
        }
    }
    // Each number field's range is its row's (fields.cpp), in table order.
    if (const FieldInfo* f = detail::first_out_of_range(c)) {
        return error(f->field, "must be " + std::string(f->numbers) + got(*f->number(c)));
    }
    if (c.edition && *c.edition != 7 && *c.edition != 8 && *c.edition != k_uicc9) {
        return error(Field::edition, "must be 7, 8 or uicc9 (UICC TNM 9th edition)" + got(*c.edition));
    }
    return std::nullopt;
}

/// "liposarcoma (ICD-O-3 8850/3)": a histologic type as messages name it.
std::string named(const HistologyType& type) {
    const std::string word = type.word();
    const std::string code = type.code_text();
    return word == code ? "ICD-O-3 " + code + " (" + std::string(type.row().name) + ")"
                        : word + " (ICD-O-3 " + code + ")";
}

CaseError histology_error(const HistologyType& type, std::string_view why) {
    return error(Field::histology, named(type) + ": " + std::string(why));
}

/// UICC TNM 9 gives head and neck and visceral sarcomas a T category only, which lmsstage does not
/// derive (docs/rules.md §10): the refusal says what to give instead.
CaseError uicc9_not_derived(std::string_view what) {
    return error(Field::edition,
                 "uicc9 stages soft tissue sarcoma of the extremity, superficial trunk and retroperitoneum, and "
                 "GIST; " +
                     std::string(what) +
                     " has a UICC T category only, which lmsstage does not derive (its definitions are not verified "
                     "against a public source): give edition 8 for the AJCC 8th edition T category");
}

std::variant<SystemId, CaseError> choose_gi_system(const Case& c, bool eighth) {
    if (!c.histology) {
        return error(Field::histology,
                     "is required with site gi: gist (gastrointestinal stromal tumour, AJCC GIST staging), or the "
                     "sarcoma's type such as lms (a sarcoma of the GI tract: not staged by AJCC 7; with edition 8, "
                     "the visceral T category)");
    }
    const HistologyRow& row = c.histology->row();
    switch (row.gi) {
        case StagedAs::gist:
            if (c.edition == k_uicc9) {
                return SystemId::uicc9_gist;
            }
            return eighth ? SystemId::ajcc8_gist : SystemId::ajcc7_gist;
        case StagedAs::visceral:
            if (c.edition == k_uicc9) {
                return uicc9_not_derived("a sarcoma of the GI tract (a visceral organ)");
            }
            if (eighth && !row.ajcc8) {
                return histology_error(*c.histology, row.refusal);
            }
            return eighth ? SystemId::ajcc8_sts_visceral : SystemId::ajcc7_gi_lms;
        default: break;
    }
    return histology_error(*c.histology,
                           "does not apply to site gi (accepted there: gist, or a soft tissue "
                           "sarcoma's type such as lms)");
}

std::variant<SystemId, CaseError> choose_ajcc8_site(const Case& c, Site site) {
    switch (site) {
        case Site::extremity:
        case Site::trunk: return SystemId::ajcc8_sts_trunk_extremity;
        case Site::retroperitoneum: return SystemId::ajcc8_sts_retroperitoneum;
        case Site::head_neck:
        case Site::head_neck_organ: return SystemId::ajcc8_sts_head_neck;
        case Site::visceral:
        case Site::mediastinum: return SystemId::ajcc8_sts_visceral;  // ch. 42: thoracic visceral organs
        default: break;
    }
    return error(Field::site, std::string(c.site ? "soft-tissue is ambiguous in the AJCC 8th edition"
                                                 : "is required with edition 8") +
                                  ", which stages soft tissue sarcoma by site: give extremity, trunk, "
                                  "retroperitoneum, head-neck, head-neck-organ or visceral");
}

std::variant<SystemId, CaseError> choose_uicc9_site(const Case& c, Site site) {
    switch (site) {
        case Site::extremity:
        case Site::trunk: return SystemId::uicc9_sts_trunk_extremity;
        case Site::retroperitoneum: return SystemId::uicc9_sts_retroperitoneum;
        case Site::head_neck:
        case Site::head_neck_organ: return uicc9_not_derived("a sarcoma of the head and neck");
        case Site::visceral: return uicc9_not_derived("a sarcoma of a visceral organ");
        case Site::mediastinum: return uicc9_not_derived("a sarcoma of the mediastinum");
        default: break;
    }
    return error(Field::site,
                 std::string(c.site ? "soft-tissue is ambiguous in UICC TNM 9" : "is required with edition uicc9") +
                     ", which stages soft tissue sarcoma by site: give extremity, trunk or "
                     "retroperitoneum");
}

/// FIGO 2009 uterine sarcoma staging, or why the histology is not staged at the uterus.
std::variant<SystemId, CaseError> choose_uterine_system(const HistologyType& histology) {
    switch (histology.row().uterus) {
        case StagedAs::figo: return SystemId::figo2009_uterine;
        case StagedAs::adenosarcoma: return SystemId::figo2009_adenosarcoma;
        default: break;
    }
    return histology_error(histology,
                           "is not staged by FIGO 2009 uterine sarcoma staging, which covers leiomyosarcoma, "
                           "endometrial stromal sarcoma, sarcoma NOS, rhabdomyosarcoma and stromal sarcoma NOS "
                           "(Collaborative Stage schema Corpus Sarcoma, AJCC 7 histologies 8800, 8890-8898, "
                           "8900-8921, 8930-8931, 8935) and adenosarcoma (8933)");
}

/// Which system applies; a CaseError when the combination is invalid.
std::variant<SystemId, CaseError> choose_system(const Case& c) {
    const Site site = c.site.value_or(Site::soft_tissue);
    const bool eighth = c.edition == 8;
    const HistologyType histology = c.histology_or_lms();
    const HistologyRow& row = histology.row();
    if (row.refused()) {
        return histology_error(histology, row.refusal);
    }
    if (site == Site::gi) {
        return choose_gi_system(c, eighth);
    }
    if (site == Site::uterus) {
        return choose_uterine_system(histology);
    }
    if (row.family == Histology::gist) {
        return histology_error(histology, row.refusal);
    }
    if (row.gi == StagedAs::gist && site == Site::retroperitoneum) {
        return histology_error(
            histology,
            "at the retroperitoneum or peritoneum, SEER's GIST schemas take stromal sarcoma NOS (Collaborative "
            "Stage GIST Peritoneum, C48.0-C48.8, 8935-8936): if it is a GIST, give site gi, gi_site peritoneum "
            "and histology gist; otherwise give the sarcoma's type");
    }
    if (row.uterus != StagedAs::none && row.ajcc7 == false && row.ajcc8 == false) {
        return histology_error(histology, row.refusal);  // adenosarcoma: a uterine tumour
    }
    if (eighth || c.edition == k_uicc9) {
        if (!row.ajcc8) {  // UICC TNM 9 leaves out the types the AJCC 8th edition leaves out
            return histology_error(histology, row.refusal);
        }
        return eighth ? choose_ajcc8_site(c, site) : choose_uicc9_site(c, site);
    }
    if (site == Site::visceral || site == Site::head_neck_organ) {
        return error(Field::edition,
                     std::string("must be 8 for site ") + std::string(name(site)) +
                         ": only the AJCC 8th edition stages sarcomas of " +
                         (site == Site::visceral ? "visceral organs" : "the organs of the head and neck") +
                         " (the 7th edition's soft tissue chapter leaves out parenchymatous organs and hollow "
                         "viscera)");
    }
    if (!row.ajcc7) {
        return histology_error(histology, row.refusal);
    }
    return SystemId::ajcc7_sts;
}

/// Findings that contradict each other, and inputs no value of which makes sense for the system.
std::optional<CaseError> check_system_inputs(const Case& c, SystemId system) {
    const bool gist =
        system == SystemId::ajcc7_gist || system == SystemId::ajcc8_gist || system == SystemId::uicc9_gist;
    if (gist && !c.gi_site) {
        return error(Field::gi_site,
                     "is required for GIST: stomach, omentum (gastric table), small-intestine, "
                     "esophagus, colorectum, mesentery or peritoneum (intestinal table)");
    }
    if (system == SystemId::ajcc7_sts && c.site == Site::retroperitoneum && c.depth == Depth::superficial) {
        return error(Field::depth,
                     "cannot be superficial for site retroperitoneum: retroperitoneal tumours are deep by "
                     "definition (accepted: deep, or omit it)");
    }
    const bool t4 = c.adjoining_invasion == AdjoiningInvasion::t4a || c.adjoining_invasion == AdjoiningInvasion::t4b;
    const bool head_neck =
        system == SystemId::ajcc8_sts_head_neck || (system == SystemId::ajcc7_sts && c.site == Site::head_neck);
    if (head_neck && c.extension == Extension::confined && t4) {
        return error(Field::extension,
                     "confined contradicts adjoining_invasion " + std::string(name(*c.adjoining_invasion)) +
                         ": invasion of adjoining structures is spread beyond the site of origin (distant in SEER "
                         "Summary Stage 2018); leave extension out, or give adjacent or further");
    }
    const bool visceral = system == SystemId::ajcc8_sts_visceral || system == SystemId::ajcc7_gi_lms;
    if (visceral && c.visceral_extent && c.extension) {
        const bool beyond =
            *c.visceral_extent != VisceralExtent::confined && *c.visceral_extent != VisceralExtent::unknown;
        if (*c.extension == Extension::confined && beyond) {
            return error(Field::extension,
                         "confined contradicts visceral_extent " + std::string(name(*c.visceral_extent)) +
                             ", which reaches beyond the organ (regional in SEER Summary Stage 2018); leave "
                             "extension out, or give adjacent, adjacent-organ or further");
        }
        const bool spread = *c.extension != Extension::confined && *c.extension != Extension::unknown;
        if (*c.visceral_extent == VisceralExtent::confined && spread) {
            return error(Field::visceral_extent,
                         "confined (organ-confined) contradicts extension " + std::string(name(*c.extension)) +
                             "; give the visceral extent the extension reaches (serosa, beyond-serosa, "
                             "other-organ) or leave extension out");
        }
    }
    return std::nullopt;
}

/// The warning for a given field the system does not use, written into `out` (reused storage).
void unused_warning(std::string& out, Field field, SystemId system, std::string_view system_name) {
    const bool figo = system == SystemId::figo2009_uterine || system == SystemId::figo2009_adenosarcoma;
    if (figo) {
        switch (field) {
            case Field::grade:
                out.assign("grade was given but is not used: FIGO 2009 staging does not use grade");
                return;
            case Field::extension:
                out.assign(
                    "extension was given but is not used: the summary stage of a uterine sarcoma follows from "
                    "its FIGO stage (and cervix and peritoneal_cytology)");
                return;
            case Field::edition:
                out.assign(
                    "edition was given but is not used: uterine sarcomas are staged by FIGO 2009 (the AJCC TNM "
                    "equivalents are the same in the 7th and 8th editions)");
                return;
            case Field::size:
                out.assign(
                    "size was given but is not used: FIGO 2009 stage I adenosarcoma is defined by myometrial "
                    "invasion, not size");
                return;
            default: break;
        }
    }
    const bool ajcc8_sts = system == SystemId::ajcc8_sts_trunk_extremity ||
                           system == SystemId::ajcc8_sts_retroperitoneum || system == SystemId::ajcc8_sts_head_neck ||
                           system == SystemId::ajcc8_sts_visceral;
    if (field == Field::depth && ajcc8_sts) {
        out.assign("depth was given but is not used: the AJCC 8th edition has no depth subcategory");
        return;
    }
    if (field == Field::depth &&
        (system == SystemId::uicc9_sts_trunk_extremity || system == SystemId::uicc9_sts_retroperitoneum)) {
        out.assign("depth was given but is not used: UICC TNM 9 has no depth subcategory");
        return;
    }
    if (field == Field::grade &&
        (system == SystemId::ajcc7_gist || system == SystemId::ajcc8_gist || system == SystemId::uicc9_gist)) {
        out.assign("grade was given but is not used: GIST staging uses the mitotic rate, not grade");
        return;
    }
    if (system == SystemId::ajcc7_gi_lms) {
        detail::assign_parts(
            out, {field_name(field),
                  " was given but is not used: the AJCC 7th edition does not stage sarcomas of the GI tract"});
        return;
    }
    detail::assign_parts(out, {field_name(field), " was given but is not used by ", system_name});
}

// The warnings with values of the case in them (valued_warning_templates).
constexpr std::string_view k_size_large =
    "size {} has no unit and was taken as {} cm, which is unusually large; if you meant {} mm, write {}mm";
constexpr std::string_view k_size_small =
    "size {} has no unit and was taken as {} mm, which is unusually small; if you meant {} cm, write {}cm";
constexpr std::string_view k_mitotic_rate_high =
    "mitotic rate {} per 50 HPF is unusually high; check that it is a count per 50 HPF (5 mm2)";
constexpr std::string_view k_abdominal_sites_many = "{} abdominal sites is unusually many; check the count";
constexpr std::string_view k_foci_many = "{} tumour sites (foci) is unusually many; check the count";
constexpr std::array<std::string_view, 5> k_valued_warnings{k_size_large, k_size_small, k_mitotic_rate_high,
                                                            k_abdominal_sites_many, k_foci_many};

/// Values that are valid but unlikely: most often a unit slip. Warned, never refused.
void plausibility_warnings(const Case& c, Result& result) {
    if (!result.warnings.recording()) {
        return;
    }
    const bool bare_cm =
        c.size && c.size->known() && c.size->value->unit == LengthUnit::cm && !c.size->value->unit_stated;
    if (bare_cm && c.size->value->value > 40.0) {
        const std::string v = detail::format_number(c.size->value->value);
        fill_template(result.warnings.next(), k_size_large, {v, v, v, v});
    }
    // A bare number the caller took as millimetres (batch --size-unit mm): under 1 mm is no sarcoma
    // that is staged, but is a size in centimetres.
    const bool bare_mm =
        c.size && c.size->known() && c.size->value->unit == LengthUnit::mm && !c.size->value->unit_stated;
    if (bare_mm && c.size->value->value < 1.0) {
        const std::string v = detail::format_number(c.size->value->value);
        fill_template(result.warnings.next(), k_size_small, {v, v, v, v});
    }
    if (c.mitotic_rate && c.mitotic_rate->known() && *c.mitotic_rate->value > 200.0) {
        fill_template(result.warnings.next(), k_mitotic_rate_high, {detail::format_number(*c.mitotic_rate->value)});
    }
    if (c.abdominal_sites && c.abdominal_sites->known() && *c.abdominal_sites->value > 20) {
        fill_template(result.warnings.next(), k_abdominal_sites_many, {std::to_string(*c.abdominal_sites->value)});
    }
    if (c.foci && *c.foci > 20) {
        fill_template(result.warnings.next(), k_foci_many, {std::to_string(*c.foci)});
    }
}

Few<T> stage_by(SystemId system, const Case& input, Result& result) {
    switch (system) {
        case SystemId::ajcc7_sts: return detail::stage_ajcc7_sts(input, result);
        case SystemId::figo2009_uterine: return detail::stage_figo2009(input, false, result);
        case SystemId::figo2009_adenosarcoma: return detail::stage_figo2009(input, true, result);
        case SystemId::ajcc7_gist: return detail::stage_gist(input, false, result);
        case SystemId::ajcc8_gist: return detail::stage_gist(input, true, result);
        case SystemId::ajcc8_sts_trunk_extremity: return detail::stage_ajcc8_trunk_retro(input, false, result);
        case SystemId::ajcc8_sts_retroperitoneum: return detail::stage_ajcc8_trunk_retro(input, true, result);
        case SystemId::ajcc8_sts_head_neck: return detail::stage_ajcc8_head_neck(input, result);
        case SystemId::ajcc8_sts_visceral: return detail::stage_ajcc8_visceral(input, result);
        case SystemId::ajcc7_gi_lms: return detail::stage_ajcc7_gi_lms(input, result);
        case SystemId::uicc9_sts_trunk_extremity: return detail::stage_uicc9_trunk_retro(input, false, result);
        case SystemId::uicc9_sts_retroperitoneum: return detail::stage_uicc9_trunk_retro(input, true, result);
        case SystemId::uicc9_gist: return detail::stage_uicc9_gist(input, result);
    }
    return {};
}

/// The case with a left-out field set to the i-th of the values its row says to try (one in every
/// band or class any system tells apart); false past the last.
bool with_value(const Case& input, const FieldInfo& field, std::size_t i, Case& out) {
    if (i >= field.representatives.size()) {
        return false;
    }
    out = input;
    return !read_field(out, field, field.representatives[i]).has_value();
}

/// The answer a result gives: its possible stages, or its T category where there are no stage groups.
bool same_answer(const Result& a, const Result& b) {
    const bool grouped = a.system.grouping == Grouping::ajcc || a.system.grouping == Grouping::figo;
    return grouped ? a.possible_stages == b.possible_stages : a.categories.t == b.categories.t;
}

/// A needed field left out is staged as if unknown (`result`). When every value of it gives that
/// same answer it was not needed, and the result says so; otherwise it is asked for.
std::optional<CaseError> settle_left_out(const Case& input, const SystemInfo& sys, const Few<T>& ts, Result& result) {
    const bool grouped = result.system.grouping == Grouping::ajcc || result.system.grouping == Grouping::figo;
    const std::uint32_t needed = sys.needed();
    for (const FieldInfo* asked : asked_fields()) {
        const FieldInfo& request = *asked;
        if ((needed & field_bit(request.field)) == 0 || input.has(request.field)) {
            continue;
        }
        if (request.field == Field::visceral_extent && input.foci.value_or(1) >= 2) {
            continue;  // multifocal: the extent does not enter T
        }
        bool same = grouped || ts.single();
        Case filled;
        Result concrete;
        for (std::size_t i = 0; same && with_value(input, request, i, filled); ++i) {
            same = !stage(filled, concrete).has_value() && same_answer(result, concrete);
        }
        if (!same) {
            return error(request.field, std::string(request.asked));
        }
        const std::string answer =
            grouped ? detail::join_stages(result.possible_stages) : std::string(result.categories.t);
        detail::add(result.notes, {field_name(request.field), " was not given and is not needed: every value gives ",
                                   grouped ? (result.stage ? "stage " : "the same possible stages, ") : "", answer});
    }
    return std::nullopt;
}

void choose_survival_table(const Case& input, SystemId system, Result& result) {
    const Site site = input.site.value_or(Site::soft_tissue);
    const Histology family = result.histology.family();
    result.survival = survival_table_for(site, family);
    if (result.survival) {
        if (result.summary_stage) {
            detail::trace(result, "survival", {result.survival->title, " table, row ", name(*result.summary_stage)});
        } else {
            detail::trace(result, "survival", {result.survival->title, " table, no row: summary stage undetermined"});
        }
        return;
    }
    detail::trace(result, "survival", {"no survival table covers this case"});
    if (family == Histology::ess) {
        detail::add_note(result, NoteId::no_table_ess);
    } else if (family == Histology::adenosarcoma) {
        detail::add_note(result, NoteId::no_table_adenosarcoma);
    } else if (site == Site::uterus) {
        detail::add_note(result, NoteId::no_table_uterine_other);
    } else if (site == Site::retroperitoneum) {
        detail::add_note(result, NoteId::no_table_retroperitoneum);
    } else if (site == Site::head_neck_organ) {
        detail::add_note(result, NoteId::no_table_head_neck_organ);
    } else if (site == Site::mediastinum) {
        detail::add_note(result, NoteId::no_table_mediastinum);
    } else if (system == SystemId::ajcc8_sts_visceral || system == SystemId::ajcc7_gi_lms) {
        detail::add_note(result, NoteId::no_table_visceral);
    }
}

/// The fields a system reads for this case: adjoining invasion only at the head and neck.
std::uint32_t used_fields(const Case& input, const SystemInfo& sys) {
    const bool head_neck = input.site == Site::head_neck;
    return head_neck ? sys.used() : sys.used() & ~field_bit(Field::adjoining_invasion);
}

void warn_unused(const Case& input, const SystemInfo& sys, SystemId system, Result& result) {
    if (!result.warnings.recording()) {
        return;  // nothing to write it into (StageOptions::texts off)
    }
    const std::uint32_t unused = input.given_fields() & ~used_fields(input, sys);
    if (unused == 0) {
        return;
    }
    for (Field field : k_all_fields) {
        if ((unused & field_bit(field)) != 0) {
            unused_warning(result.warnings.next(), field, system, result.system.name);
        }
    }
}

/// The chosen system, or why the case cannot be staged.
std::variant<SystemId, CaseError> checked_system(const Case& input) {
    if (auto bad = check_values(input)) {
        return *bad;
    }
    auto chosen = choose_system(input);
    if (const auto* system = std::get_if<SystemId>(&chosen)) {
        if (auto bad = check_system_inputs(input, *system)) {
            return *bad;
        }
    }
    return chosen;
}

}  // namespace

std::variant<Route, CaseError> route(const Case& input) {
    auto chosen = choose_system(input);
    if (auto* bad = std::get_if<CaseError>(&chosen)) {
        return *bad;
    }
    const SystemInfo& sys = info(std::get<SystemId>(chosen));
    return Route{sys.rules().system.id, used_fields(input, sys), sys.needed()};
}

std::optional<CaseError> validate(const Case& input) {
    Result scratch;
    return stage(input, scratch);
}

Outcome stage(const Case& input) {
    Result result;
    if (auto bad = stage(input, result)) {
        return *std::move(bad);
    }
    return result;
}

std::optional<CaseError> stage(const Case& input, Result& result) { return stage(input, result, StageOptions{}); }

std::optional<CaseError> stage(const Case& input, Result& result, StageOptions options) {
    auto chosen = checked_system(input);
    if (auto* bad = std::get_if<CaseError>(&chosen)) {
        return *bad;
    }
    const SystemId system = std::get<SystemId>(chosen);
    const SystemInfo& sys = info(system);

    result.clear();
    result.histology = input.histology_or_lms();
    result.trace.set_recording(options.trace);
    result.assumptions.set_recording(options.texts);
    result.warnings.set_recording(options.texts);
    result.notes.set_recording(options.notes);
    const Few<T> ts = stage_by(system, input, result);
    if (auto bad = settle_left_out(input, sys, ts, result)) {
        return bad;
    }
    result.basis = input.basis;
    warn_unused(input, sys, system, result);
    plausibility_warnings(input, result);
    choose_survival_table(input, system, result);
    if (result.stage == Stage::IV && result.summary_stage == SummaryStage::regional) {
        detail::add_note(result, NoteId::stage_iv_summary_regional);
    }
    return std::nullopt;
}

std::string_view version() noexcept { return LMSSTAGE_VERSION; }

std::string_view rule_set_editions() noexcept {
    return "AJCC 7th edition (2010) soft tissue sarcoma and GIST; FIGO 2009 uterine sarcoma; AJCC 8th edition (2017) "
           "soft tissue sarcoma by site and GIST; UICC TNM 9th edition (2025) soft tissue sarcoma of the extremity, "
           "trunk and retroperitoneum, and GIST";
}

std::string_view survival_caveat() noexcept {
    return "These are population figures by extent of spread (SEER summary stage), not a prediction for one "
           "patient.";
}

std::string_view clinical_judgment_reminder() noexcept {
    return "lmsstage supports and does not replace clinical judgment.";
}

std::span<const RuleSet* const> all_rule_sets() noexcept {
    static const std::array<const RuleSet*, 15> k_sets = {&ajcc7_sts_rules(),
                                                          &figo2009_uterine_rules(),
                                                          &figo2009_adenosarcoma_rules(),
                                                          &ajcc7_gist_gastric_rules(),
                                                          &ajcc7_gist_intestinal_rules(),
                                                          &ajcc8_gist_gastric_rules(),
                                                          &ajcc8_gist_intestinal_rules(),
                                                          &ajcc8_sts_trunk_extremity_rules(),
                                                          &ajcc8_sts_retroperitoneum_rules(),
                                                          &ajcc8_sts_head_neck_rules(),
                                                          &ajcc8_sts_visceral_rules(),
                                                          &uicc9_sts_trunk_extremity_rules(),
                                                          &uicc9_sts_retroperitoneum_rules(),
                                                          &uicc9_gist_gastric_rules(),
                                                          &uicc9_gist_other_rules()};
    return k_sets;
}

std::span<const std::string_view> valued_warning_templates() noexcept { return k_valued_warnings; }

void fill_template(std::string& out, std::string_view text_template, std::initializer_list<std::string_view> values) {
    out.clear();
    const std::string_view* value = values.begin();
    for (std::size_t hole = text_template.find("{}"); hole != std::string_view::npos && value != values.end();
         hole = text_template.find("{}")) {
        out.append(text_template.substr(0, hole)).append(*value++);
        text_template.remove_prefix(hole + 2);
    }
    out.append(text_template);
}

}  // namespace lmsstage
