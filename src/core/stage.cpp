// The one routing place: validates a case, chooses the staging system and the survival table,
// flags given fields the system does not use, and hands over to the system's rules. route() tells
// a form the same choice before the case is complete.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cmath>
#include <string>

#include "core/detail.hpp"
#include "lmsstage/lmsstage.hpp"

#ifndef LMSSTAGE_VERSION
#error "LMSSTAGE_VERSION must be defined by the build"
#endif

namespace lmsstage {
namespace {

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
    ajcc7_gi_lms,  ///< outside the AJCC 7 soft tissue chapter: no stage
};

struct SystemInfo {
    SystemId id;
    std::string_view system_id;       ///< as in the result (gi_lms is reported as ajcc7-sts)
    std::string_view survival_table;  ///< empty: no table fits
    std::array<Field, 10> used;       ///< fields the system reads; the rest draw a warning
    std::size_t used_count;
};

// Which survival table fits each system (survival.md), and which fields each system reads.
constexpr SystemInfo k_systems[] = {
    {SystemId::ajcc7_sts,
     "ajcc7-sts",
     "soft-tissue-sarcoma",
     {Field::site, Field::histology, Field::size, Field::depth, Field::grade, Field::nodes, Field::metastasis,
      Field::extension, Field::edition},
     9},
    {SystemId::figo2009_uterine,
     "figo2009-uterine",
     "uterine-leiomyosarcoma",
     {Field::site, Field::histology, Field::size, Field::nodes, Field::metastasis, Field::adnexa, Field::pelvic,
      Field::bladder_rectum, Field::abdominal_sites},
     9},
    {SystemId::figo2009_adenosarcoma,
     "figo2009-adenosarcoma",
     "",
     {Field::site, Field::histology, Field::myometrial_invasion, Field::nodes, Field::metastasis, Field::adnexa,
      Field::pelvic, Field::bladder_rectum, Field::abdominal_sites},
     9},
    {SystemId::ajcc7_gist,
     "ajcc7-gist",
     "gist",
     {Field::site, Field::histology, Field::size, Field::nodes, Field::metastasis, Field::extension,
      Field::mitotic_rate, Field::gi_site, Field::edition},
     9},
    {SystemId::ajcc8_gist,
     "ajcc8-gist",
     "gist",
     {Field::site, Field::histology, Field::size, Field::nodes, Field::metastasis, Field::extension,
      Field::mitotic_rate, Field::gi_site, Field::edition},
     9},
    {SystemId::ajcc8_sts_trunk_extremity,
     "ajcc8-sts-trunk-extremity",
     "soft-tissue-sarcoma",
     {Field::site, Field::histology, Field::size, Field::grade, Field::nodes, Field::metastasis, Field::extension,
      Field::edition},
     8},
    {SystemId::ajcc8_sts_retroperitoneum,
     "ajcc8-sts-retroperitoneum",
     "soft-tissue-sarcoma",
     {Field::site, Field::histology, Field::size, Field::grade, Field::nodes, Field::metastasis, Field::extension,
      Field::edition},
     8},
    {SystemId::ajcc8_sts_head_neck,
     "ajcc8-sts-head-neck",
     "soft-tissue-sarcoma",
     {Field::site, Field::histology, Field::size, Field::grade, Field::nodes, Field::metastasis, Field::extension,
      Field::edition, Field::adjoining_invasion},
     9},
    {SystemId::ajcc8_sts_visceral,
     "ajcc8-sts-visceral",
     "",
     {Field::site, Field::histology, Field::grade, Field::nodes, Field::metastasis, Field::extension, Field::edition,
      Field::visceral_extent, Field::foci},
     9},
    {SystemId::ajcc7_gi_lms,
     "ajcc7-sts",
     "",
     {Field::site, Field::histology, Field::nodes, Field::metastasis, Field::extension, Field::edition},
     6},
};

const SystemInfo& info(SystemId id) noexcept {
    for (const SystemInfo& s : k_systems) {
        if (s.id == id) {
            return s;
        }
    }
    return k_systems[0];
}


std::uint32_t used_fields(const SystemInfo& sys) noexcept {
    std::uint32_t mask = 0;
    for (std::size_t i = 0; i < sys.used_count; ++i) {
        mask |= field_bit(sys.used[i]);
    }
    return mask;
}

/// The survival table of a system, looked up by id once.
const SurvivalTable* survival_table_of(SystemId system) {
    static const std::array<const SurvivalTable*, std::size(k_systems)> k_tables = [] {
        std::array<const SurvivalTable*, std::size(k_systems)> tables{};
        for (std::size_t i = 0; i < std::size(k_systems); ++i) {
            tables[i] = k_systems[i].survival_table.empty() ? nullptr : find_survival_table(k_systems[i].survival_table);
        }
        return tables;
    }();
    for (std::size_t i = 0; i < std::size(k_systems); ++i) {
        if (k_systems[i].id == system) {
            return k_tables[i];
        }
    }
    return nullptr;
}

CaseError error(Field field, std::string problem) { return CaseError{field, std::move(problem)}; }

std::string got(double value) { return ", got " + detail::format_number(value); }

/// Values out of range, whatever the system.
std::optional<CaseError> check_values(const Case& c) {
    if (c.size && c.size->known()) {
        const Length& len = *c.size->value;
        if (!std::isfinite(len.value) || len.value <= 0.0) {
            return error(Field::size, "must be a positive length (a number of cm, or with unit: 55 mm, 5.5cm), got " +
                                          detail::format_number(len.value) + ' ' + std::string(name(len.unit)));
        }
    }
    if (c.abdominal_sites && *c.abdominal_sites < 0) {
        return error(Field::abdominal_sites,
                     "must be a whole number of sites, 0 or more" + got(static_cast<double>(*c.abdominal_sites)));
    }
    if (c.myometrial_invasion &&
        (!std::isfinite(*c.myometrial_invasion) || *c.myometrial_invasion < 0.0 || *c.myometrial_invasion > 100.0)) {
        return error(Field::myometrial_invasion, "must be a percentage from 0 to 100" + got(*c.myometrial_invasion));
    }
    if (c.mitotic_rate && c.mitotic_rate->known() &&
        (!std::isfinite(*c.mitotic_rate->value) || *c.mitotic_rate->value < 0.0)) {
        return error(Field::mitotic_rate, "must be a number of mitoses per 50 HPF, 0 or more, or unknown" +
                                              got(*c.mitotic_rate->value));
    }
    if (c.foci && *c.foci < 1) {
        return error(Field::foci, "must be a whole number of sites, 1 or more" + got(static_cast<double>(*c.foci)));
    }
    if (c.edition && *c.edition != 7 && *c.edition != 8) {
        return error(Field::edition, "must be 7 or 8" + got(*c.edition));
    }
    return std::nullopt;
}

/// Which system applies; a CaseError when the combination is invalid.
std::variant<SystemId, CaseError> choose_system(const Case& c) {
    const Site site = c.site.value_or(Site::soft_tissue);
    const bool eighth = c.edition == 8;
    if (site == Site::gi) {
        if (!c.histology) {
            return error(Field::histology,
                         "is required with site gi: gist (gastrointestinal stromal tumour, AJCC GIST staging) or lms "
                         "(leiomyosarcoma of the GI tract: no AJCC 7 stage; with edition 8, the visceral T category)");
        }
        if (*c.histology == Histology::gist) {
            return eighth ? SystemId::ajcc8_gist : SystemId::ajcc7_gist;
        }
        if (*c.histology == Histology::lms) {
            return eighth ? SystemId::ajcc8_sts_visceral : SystemId::ajcc7_gi_lms;
        }
        return error(Field::histology, std::string(name(*c.histology)) +
                                           " does not apply to site gi (accepted there: gist or lms)");
    }
    const Histology histology = c.histology.value_or(Histology::lms);
    if (histology == Histology::gist) {
        return error(Field::histology,
                     "gist applies only to site gi (with gi_site); got site " + std::string(name(site)));
    }
    if (site == Site::uterus) {
        return histology == Histology::adenosarcoma ? SystemId::figo2009_adenosarcoma : SystemId::figo2009_uterine;
    }
    if (histology != Histology::lms) {
        return error(Field::histology, std::string(name(histology)) + " applies only to site uterus; got site " +
                                           std::string(name(site)) + " (accepted here: lms)");
    }
    if (!eighth) {
        if (site == Site::visceral) {
            return error(Field::edition,
                         "must be 8 for site visceral: only the AJCC 8th edition stages sarcomas of visceral organs");
        }
        return SystemId::ajcc7_sts;
    }
    switch (site) {
        case Site::extremity:
        case Site::trunk: return SystemId::ajcc8_sts_trunk_extremity;
        case Site::retroperitoneum: return SystemId::ajcc8_sts_retroperitoneum;
        case Site::head_neck: return SystemId::ajcc8_sts_head_neck;
        case Site::visceral: return SystemId::ajcc8_sts_visceral;
        default: break;
    }
    return error(Field::site, std::string(c.site ? "soft-tissue is ambiguous in the AJCC 8th edition"
                                                 : "is required with edition 8") +
                                  ", which stages soft tissue sarcoma by site: give extremity, trunk, "
                                  "retroperitoneum, head-neck or visceral");
}

/// Fields each system cannot do without.
std::optional<CaseError> check_required(const Case& c, SystemId system) {
    const bool needs_size = system != SystemId::figo2009_adenosarcoma && system != SystemId::ajcc8_sts_visceral &&
                            system != SystemId::ajcc7_gi_lms;
    if (needs_size && !c.size) {
        return error(Field::size, "is required: the greatest dimension (6, 55 mm, 5.5cm) or unknown");
    }
    const bool needs_grade = system == SystemId::ajcc7_sts || system == SystemId::ajcc8_sts_trunk_extremity ||
                             system == SystemId::ajcc8_sts_retroperitoneum;
    if (needs_grade && !c.grade) {
        return error(Field::grade, "is required for soft tissue sarcoma: 1, 2, 3, or X (cannot be assessed)");
    }
    if (system == SystemId::ajcc7_sts && c.site == Site::retroperitoneum && c.depth == Depth::superficial) {
        return error(Field::depth,
                     "cannot be superficial for site retroperitoneum: retroperitoneal tumours are deep by "
                     "definition (accepted: deep, or omit it)");
    }
    if (system == SystemId::figo2009_adenosarcoma && !c.myometrial_invasion) {
        return error(Field::myometrial_invasion,
                     "is required for adenosarcoma: the percentage of myometrium invaded, 0 to 100");
    }
    if (system == SystemId::ajcc7_gist || system == SystemId::ajcc8_gist) {
        if (!c.gi_site) {
            return error(Field::gi_site, "is required for GIST: stomach, omentum (gastric table), small-intestine, "
                                         "esophagus, colorectum, mesentery or peritoneum (intestinal table)");
        }
        if (!c.mitotic_rate) {
            return error(Field::mitotic_rate,
                         "is required for GIST: mitoses per 50 HPF (5 mm2), 0 or more, or unknown");
        }
    }
    if (system == SystemId::ajcc8_sts_visceral && !c.visceral_extent && c.foci.value_or(1) < 2) {
        return error(Field::visceral_extent,
                     "is required for a unifocal visceral sarcoma: confined, serosa, beyond-serosa or other-organ");
    }
    return std::nullopt;
}

bool is_ajcc8_sts(SystemId system) {
    return system == SystemId::ajcc8_sts_trunk_extremity || system == SystemId::ajcc8_sts_retroperitoneum ||
           system == SystemId::ajcc8_sts_head_neck || system == SystemId::ajcc8_sts_visceral;
}

std::string unused_warning(Field field, SystemId system, std::string_view system_name) {
    const bool figo = system == SystemId::figo2009_uterine || system == SystemId::figo2009_adenosarcoma;
    if (figo) {
        switch (field) {
            case Field::grade: return "grade was given but is not used: FIGO 2009 staging does not use grade";
            case Field::extension:
                return "extension was given but is not used: the summary stage of a uterine sarcoma follows from "
                       "its FIGO stage";
            case Field::edition:
                return "edition was given but is not used: uterine sarcomas are staged by FIGO 2009 (the AJCC TNM "
                       "equivalents are the same in the 7th and 8th editions)";
            case Field::size:
                return "size was given but is not used: FIGO 2009 stage I adenosarcoma is defined by myometrial "
                       "invasion, not size";
            default: break;
        }
    }
    if (field == Field::depth && is_ajcc8_sts(system)) {
        return "depth was given but is not used: the AJCC 8th edition has no depth subcategory";
    }
    if (field == Field::grade && (system == SystemId::ajcc7_gist || system == SystemId::ajcc8_gist)) {
        return "grade was given but is not used: GIST staging uses the mitotic rate, not grade";
    }
    if (system == SystemId::ajcc7_gi_lms) {
        return std::string(field_name(field)) +
               " was given but is not used: the AJCC 7th edition does not stage sarcomas of the GI tract";
    }
    return std::string(field_name(field)) + " was given but is not used by " + std::string(system_name);
}

}  // namespace

std::optional<CaseError> validate(const Case& input) {
    if (auto bad = check_values(input)) {
        return bad;
    }
    auto system = choose_system(input);
    if (auto* bad = std::get_if<CaseError>(&system)) {
        return *bad;
    }
    return check_required(input, std::get<SystemId>(system));
}

std::variant<Route, CaseError> route(const Case& input) {
    auto chosen = choose_system(input);
    if (auto* bad = std::get_if<CaseError>(&chosen)) {
        return *bad;
    }
    const SystemInfo& sys = info(std::get<SystemId>(chosen));
    return Route{sys.system_id, used_fields(sys)};
}

Outcome stage(const Case& input) {
    Result result;
    if (auto bad = stage(input, result)) {
        return *std::move(bad);
    }
    return result;
}

std::optional<CaseError> stage(const Case& input, Result& result) {
    if (auto bad = check_values(input)) {
        return bad;
    }
    auto chosen = choose_system(input);
    if (auto* bad = std::get_if<CaseError>(&chosen)) {
        return *bad;
    }
    const SystemId system = std::get<SystemId>(chosen);
    if (auto bad = check_required(input, system)) {
        return bad;
    }

    result.clear();
    const Histology histology = input.histology.value_or(Histology::lms);
    switch (system) {
        case SystemId::ajcc7_sts: detail::stage_ajcc7_sts(input, result); break;
        case SystemId::figo2009_uterine: detail::stage_figo2009(input, false, result); break;
        case SystemId::figo2009_adenosarcoma: detail::stage_figo2009(input, true, result); break;
        case SystemId::ajcc7_gist: detail::stage_gist(input, false, result); break;
        case SystemId::ajcc8_gist: detail::stage_gist(input, true, result); break;
        case SystemId::ajcc8_sts_trunk_extremity: detail::stage_ajcc8_trunk_retro(input, false, result); break;
        case SystemId::ajcc8_sts_retroperitoneum: detail::stage_ajcc8_trunk_retro(input, true, result); break;
        case SystemId::ajcc8_sts_head_neck: detail::stage_ajcc8_head_neck(input, result); break;
        case SystemId::ajcc8_sts_visceral: detail::stage_ajcc8_visceral(input, result); break;
        case SystemId::ajcc7_gi_lms: detail::stage_ajcc7_gi_lms(input, result); break;
    }

    const SystemInfo& sys = info(system);
    const std::uint32_t unused = input.given_fields() & ~used_fields(sys);
    if (unused != 0) {
        for (Field field : k_all_fields) {
            if ((unused & field_bit(field)) != 0) {
                result.warnings.push_back(unused_warning(field, system, result.system.name));
            }
        }
    }

    // Survival: the table for the site and histology, the row for the summary stage. The uterine
    // table is for leiomyosarcoma only: ESS and adenosarcoma get none rather than a wrong one.
    const bool table_fits = system != SystemId::figo2009_uterine || histology == Histology::lms;
    result.survival = table_fits ? survival_table_of(system) : nullptr;
    if (result.survival) {
        if (result.summary_stage) {
            detail::trace(result, "survival", {result.survival->title, " table, row ", name(*result.summary_stage)});
        } else {
            detail::trace(result, "survival", {result.survival->title, " table, no row: summary stage undetermined"});
        }
    } else {
        detail::trace(result, "survival", {"no survival table fits this case"});
        if (system == SystemId::figo2009_uterine || system == SystemId::figo2009_adenosarcoma) {
            detail::add(result.notes, {"no survival table is included for uterine ",
                                       histology == Histology::ess ? "endometrial stromal sarcoma" : "adenosarcoma",
                                       "; the uterine leiomyosarcoma figures do not describe it"});
        } else {
            result.notes.emplace_back("no survival table is included for sarcomas of visceral organs or the GI "
                                      "tract; the soft tissue sarcoma figures do not describe them");
        }
    }

    // Context from the seed article: recurrence and metastatic sites (never part of the stage).
    const bool uterine = system == SystemId::figo2009_uterine || system == SystemId::figo2009_adenosarcoma;
    if (histology == Histology::lms) {
        result.notes.emplace_back(!uterine ? "leiomyosarcoma outside the uterus recurs in about 40% of cases; the most "
                                             "common metastatic sites are lung and liver"
                                           : "uterine leiomyosarcoma recurs in up to 70% of cases; the most common "
                                             "metastatic sites are lung and liver");
    }
    if (result.survival != nullptr && result.survival->id == "soft-tissue-sarcoma") {
        result.notes.emplace_back(
            "the survival figures cover all soft tissue sarcomas; leiomyosarcoma-specific figures are not well "
            "established");
    }
    return std::nullopt;
}

std::string_view version() noexcept { return LMSSTAGE_VERSION; }

std::string_view rule_set_editions() noexcept {
    return "AJCC 7th edition (2010) soft tissue sarcoma and GIST; FIGO 2009 uterine sarcoma; AJCC 8th edition (2017) "
           "soft tissue sarcoma by site and GIST";
}

std::string_view survival_caveat() noexcept {
    return "These are population figures by extent of spread (SEER summary stage), not a prediction for one "
           "patient.";
}

std::string_view clinical_judgment_reminder() noexcept {
    return "lmsstage supports and does not replace clinical judgment.";
}

}  // namespace lmsstage

namespace lmsstage {

std::span<const RuleSet* const> all_rule_sets() noexcept {
    static const std::array<const RuleSet*, 11> k_sets = {
        &ajcc7_sts_rules(),          &figo2009_uterine_rules(),         &figo2009_adenosarcoma_rules(),
        &ajcc7_gist_gastric_rules(), &ajcc7_gist_intestinal_rules(),    &ajcc8_gist_gastric_rules(),
        &ajcc8_gist_intestinal_rules(), &ajcc8_sts_trunk_extremity_rules(), &ajcc8_sts_retroperitoneum_rules(),
        &ajcc8_sts_head_neck_rules(), &ajcc8_sts_visceral_rules()};
    return k_sets;
}

}  // namespace lmsstage
