// The staged case in NAACCR codes: Summary Stage 2018, the TNM edition number, and T, N, M and
// stage group in the code formats of the NAACCR items whose definition is a stage derived by an
// algorithm from coded items (Derived AJCC-7 for the 7th edition, Derived EOD 2018 for the 8th).
// lmsstage fills them with its own derivation, so a registry can set them beside its own.

#include <stdexcept>
#include <utility>

#include "lmsstage/lmsstage.hpp"
#include "naaccr/naaccr.hpp"
#include "naaccr/tables.hpp"

namespace lmsstage::naaccr {
namespace {

using namespace std::string_view_literals;

// clang-format off
constexpr std::string_view k_output_ids[] = {
    "summaryStage2018"sv, "tnmEditionNumber"sv, "derivedAjcc7T"sv,   "derivedAjcc7N"sv,
    "derivedAjcc7M"sv,    "derivedAjcc7StageGrp"sv, "derivedEod2018T"sv, "derivedEod2018N"sv,
    "derivedEod2018M"sv,  "derivedEod2018StageGroup"sv,
};
// clang-format on
constexpr std::string_view k_edition7_ids[] = {"derivedAjcc7T", "derivedAjcc7N", "derivedAjcc7M",
                                               "derivedAjcc7StageGrp"};
constexpr std::string_view k_edition8_ids[] = {"derivedEod2018T", "derivedEod2018N", "derivedEod2018M",
                                               "derivedEod2018StageGroup"};

bool starts_with(std::string_view text, std::string_view prefix) noexcept {
    return text.substr(0, prefix.size()) == prefix;
}

/// The AJCC edition the result belongs to. FIGO 2009 systems carry the corpus sarcoma TNM of
/// both editions (unchanged in the 8th): the case's edition decides, 7 by default.
int edition_of(const Result& result, const Case& input) noexcept {
    if (starts_with(result.system.id, "ajcc8-")) {
        return 8;
    }
    if (starts_with(result.system.id, "ajcc7-")) {
        return 7;
    }
    return input.edition.value_or(7);
}

/// The code of `value` for an output item: the row for the result's system, else the row for any.
std::string code_of(std::string_view naaccr_id, std::string_view system, std::string_view value) {
    const TnmRow* any = nullptr;
    for (const TnmRow& row : tables().tnm_output) {
        if (row.naaccr_id != naaccr_id || row.lmsstage != value) {
            continue;
        }
        if (row.system == system) {
            return row.code;
        }
        if (row.system == "*" && any == nullptr) {
            any = &row;
        }
    }
    if (any == nullptr) {
        throw std::logic_error("data/naaccr/tnm_output.csv has no " + std::string(naaccr_id) + " code for " +
                               std::string(value) + " (" + std::string(system) + ")");
    }
    return any->code;
}

std::string_view category_or_none(std::string_view category) noexcept { return category.empty() ? "none"sv : category; }

/// The stage group without its letter: I for IA and IB, III for IIIA to IIIC.
std::string_view group_of(std::string_view stage) noexcept {
    while (!stage.empty() && stage.back() != 'I' && stage.back() != 'V') {
        stage.remove_suffix(1);
    }
    return stage;
}

/// The stage, or where the possible stages all lie within one group (IA or IB), that group NOS
/// ("I NOS"), as Collaborative Stage writes it; else undetermined.
std::string stage_text(const Result& result) {
    if (result.stage) {
        return std::string(name(*result.stage));
    }
    if (result.possible_stages.empty()) {
        return "none";
    }
    std::string_view group;
    for (Stage s : result.possible_stages.members()) {
        const std::string_view g = group_of(name(s));
        if (!group.empty() && g != group) {
            return "undetermined";
        }
        group = g;
    }
    return std::string(group) + " NOS";
}

/// True when a row of ss2018_direct_extension.csv says this input means direct extension.
bool extension_row(std::string_view input, std::string_view system, std::string_view value) {
    for (const ExtensionRow& row : tables().ss2018_direct_extension) {
        if (row.input == input && row.value == value && (row.system == "*" || row.system == system)) {
            return row.direct_extension;
        }
    }
    return false;
}

/// Regional by direct extension: the case's extension field says so, or its cervix or peritoneal
/// cytology finding (uterus), visceral extent or multifocality does, or the result's T does.
/// An omitted extension is lmsstage's stated assumption "confined".
bool direct_extension(const Result& result, const Case& input) {
    if (input.extension && extension_row("extension", "*", name(*input.extension))) {
        return true;
    }
    for (const auto& [field, finding] :
         {std::pair{"cervix"sv, input.cervix}, std::pair{"peritoneal_cytology"sv, input.peritoneal_cytology}}) {
        if (finding && extension_row(field, result.system.id, name(*finding))) {
            return true;
        }
    }
    if (input.visceral_extent && extension_row("visceral_extent", "*", name(*input.visceral_extent))) {
        return true;
    }
    if (input.foci >= 2 && extension_row("foci", "*", "multifocal")) {
        return true;
    }
    return extension_row("T", result.system.id, result.categories.t);
}

bool matches(std::string_view pattern, bool value) noexcept {
    return pattern == "*" || pattern == (value ? "yes" : "no");
}

std::string summary_stage_code(const Result& result, const Case& input) {
    const std::string_view stage = result.summary_stage ? name(*result.summary_stage) : "undetermined"sv;
    const bool nodes = result.categories.n == "N1";
    const bool extension = direct_extension(result, input);
    for (const SummaryStageRow& row : tables().summary_stage_2018) {
        if (row.summary_stage == stage && matches(row.nodes_involved, nodes) &&
            matches(row.direct_extension, extension)) {
            return row.code;
        }
    }
    throw std::logic_error("data/naaccr/summary_stage_2018.csv has no row for " + std::string(stage));
}

}  // namespace

std::span<const std::string_view> output_item_ids() noexcept { return k_output_ids; }

std::vector<OutputItem> output_items(const Result& result, const Case& input) {
    std::vector<OutputItem> items;
    for (const std::string_view id : k_output_ids) {
        items.push_back(OutputItem{id, {}});
    }
    items[0].code = summary_stage_code(result, input);
    if (result.system.id.starts_with("uicc")) {
        return items;  // the derived TNM items are AJCC's: a UICC TNM stage has none (docs/naaccr.md)
    }
    const int edition = edition_of(result, input);
    items[1].code = edition == 8 ? "08" : "07";
    const auto& ids = edition == 8 ? k_edition8_ids : k_edition7_ids;
    const std::size_t first = edition == 8 ? 6 : 2;
    const std::string stage = stage_text(result);
    const std::string_view values[] = {category_or_none(result.categories.t), category_or_none(result.categories.n),
                                       category_or_none(result.categories.m), stage};
    for (std::size_t i = 0; i < 4; ++i) {
        items[first + i].code = code_of(ids[i], result.system.id, values[i]);
    }
    return items;
}

}  // namespace lmsstage::naaccr
