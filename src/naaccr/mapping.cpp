#include "naaccr/naaccr.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "lmsstage/fields.hpp"
#include "lmsstage/histology.hpp"
#include "lmsstage/lmsstage.hpp"
#include "naaccr/tables.hpp"

namespace lmsstage::naaccr {
namespace {

// NAACCR Data Standards and Data Dictionary, Volume II, version 25: XML id, item number, name.
constexpr ItemInfo k_items[] = {
    {Item::primary_site, "primarySite", 400, "Primary Site"},
    {Item::histology, "histologicTypeIcdO3", 522, "Histologic Type ICD-O-3"},
    {Item::behavior, "behaviorCodeIcdO3", 523, "Behavior Code ICD-O-3"},
    {Item::size_summary, "tumorSizeSummary", 756, "Tumor Size Summary"},
    {Item::size_pathologic, "tumorSizePathologic", 754, "Tumor Size Pathologic"},
    {Item::size_clinical, "tumorSizeClinical", 752, "Tumor Size Clinical"},
    {Item::grade_clinical, "gradeClinical", 3843, "Grade Clinical"},
    {Item::grade_pathological, "gradePathological", 3844, "Grade Pathological"},
    {Item::nodes_positive, "regionalNodesPositive", 820, "Regional Nodes Positive"},
    {Item::mets_bone, "metsAtDxBone", 1112, "Mets at DX-Bone"},
    {Item::mets_brain, "metsAtDxBrain", 1113, "Mets at DX-Brain"},
    {Item::mets_distant_ln, "metsAtDxDistantLn", 1114, "Mets at Dx-Distant LN"},
    {Item::mets_liver, "metsAtDxLiver", 1115, "Mets at DX-Liver"},
    {Item::mets_lung, "metsAtDxLung", 1116, "Mets at DX-Lung"},
    {Item::mets_other, "metsAtDxOther", 1117, "Mets at DX-Other"},
    {Item::tnm_edition, "tnmEditionNumber", 1060, "TNM Edition Number"},
    {Item::discriminator_1, "schemaDiscriminator1", 3926, "Schema Discriminator 1"},
    {Item::discriminator_2, "schemaDiscriminator2", 3927, "Schema Discriminator 2"},
    {Item::cs_ssf10, "csSiteSpecificFactor10", 2864, "CS Site-Specific Factor10"},
    {Item::ajcc_clin_t, "ajccTnmClinT", 1001, "AJCC TNM Clin T"},
    {Item::ajcc_clin_n, "ajccTnmClinN", 1002, "AJCC TNM Clin N"},
    {Item::ajcc_clin_m, "ajccTnmClinM", 1003, "AJCC TNM Clin M"},
    {Item::ajcc_path_t, "ajccTnmPathT", 1011, "AJCC TNM Path T"},
    {Item::ajcc_path_n, "ajccTnmPathN", 1012, "AJCC TNM Path N"},
    {Item::ajcc_path_m, "ajccTnmPathM", 1013, "AJCC TNM Path M"},
    {Item::ajcc_post_therapy_t, "ajccTnmPostTherapyT", 1021, "AJCC TNM Post Therapy Path (yp) T"},
    {Item::ajcc_post_therapy_n, "ajccTnmPostTherapyN", 1022, "AJCC TNM Post Therapy Path (yp) N"},
    {Item::ajcc_post_therapy_m, "ajccTnmPostTherapyM", 1023, "AJCC TNM Post Therapy Path (yp) M"},
    {Item::tnm_path_t, "tnmPathT", 880, "TNM Path T"},
    {Item::tnm_path_n, "tnmPathN", 890, "TNM Path N"},
    {Item::tnm_path_m, "tnmPathM", 900, "TNM Path M"},
    {Item::tnm_clin_t, "tnmClinT", 940, "TNM Clin T"},
    {Item::tnm_clin_n, "tnmClinN", 950, "TNM Clin N"},
    {Item::tnm_clin_m, "tnmClinM", 960, "TNM Clin M"},
    {Item::date_of_diagnosis, "dateOfDiagnosis", 390, "Date of Diagnosis"},
};
static_assert(std::size(k_items) == k_item_count);

/// The case fields map_record derives, and the items they come from.
struct Derived {
    Field field;
    std::string_view from;
};
constexpr Derived k_derived[] = {
    {Field::site, "primarySite [400]"},
    {Field::histology, "histologicTypeIcdO3 [522]"},
    {Field::size, "tumorSizeSummary [756] (or tumorSizePathologic [754], tumorSizeClinical [752])"},
    {Field::nodes, "regionalNodesPositive [820]"},
    {Field::metastasis, "the Mets at DX items metsAtDxBone .. metsAtDxOther [1112-1117]"},
    {Field::mitotic_rate, "gradeClinical [3843] and gradePathological [3844] (GIST: L, H)"},
    {Field::gi_site, "primarySite [400] (and schemaDiscriminator1 [3926] for C48.1)"},
    {Field::edition, "tnmEditionNumber [1060]"},
    {Field::basis,
     "the AJCC TNM Clin, Path and Post Therapy T, N, M items [1001-1003, 1011-1013, 1021-1023] "
     "and TNM Clin and Path T, N, M [940-960, 880-900]"},
};

/// Size items in the order they are consulted: the summary is "the most accurate measurement".
constexpr Item k_size_items[] = {Item::size_summary, Item::size_pathologic, Item::size_clinical};
constexpr Item k_mets_items[] = {Item::mets_bone,  Item::mets_brain, Item::mets_distant_ln,
                                 Item::mets_liver, Item::mets_lung,  Item::mets_other};

Refusal refuse(Item item, std::string_view value, std::string reason) {
    return Refusal{info(item).id, std::string(value), std::move(reason)};
}

/// What the mapping has learnt so far.
struct Work {
    const Record& record;
    Mapped out;
    std::string histology;                            ///< "8850/3"
    std::vector<std::string_view> histology_classes;  ///< the primary_site.csv classes it is routed by, in order
    std::string_view histology_class;                 ///< the class that routed it
    int edition = 0;                                  ///< 7 or 8 when given
    std::string site;
    std::string gi_site;
    std::optional<FieldText> size, grade, nodes, metastasis, mitotic_rate, basis;
};

std::optional<Refusal> required(const Work& w, Item item, std::string_view& value) {
    const auto given = w.record.get(item);
    if (!given) {
        return refuse(item, "", "is required");
    }
    value = *given;
    return std::nullopt;
}

std::optional<Refusal> read_behavior(Work& w) {
    std::string_view value;
    if (auto missing = required(w, Item::behavior, value)) {
        return missing;
    }
    const int code = code_number(value);
    for (const BehaviorRow& row : tables().behavior) {
        if (row.code == code && value.size() == 1) {
            return row.accepted ? std::nullopt : std::optional<Refusal>(refuse(Item::behavior, value, row.refusal));
        }
    }
    return refuse(Item::behavior, value, "is not an ICD-O-3 behaviour code (0, 1, 2 or 3)");
}

/// The histology through the core's histology table (data/histology.csv): code and behaviour as
/// ICD-O-3 writes them ("8850/3"), refused with the table's reason where it stages nothing.
std::optional<Refusal> read_histology(Work& w) {
    std::string_view value;
    if (auto missing = required(w, Item::histology, value)) {
        return missing;
    }
    const std::string_view behaviour = w.record.get(Item::behavior).value_or("3");
    const bool digits =
        value.size() == 4 && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
        return refuse(Item::histology, value, "is not an ICD-O-3 histology code (four digits, 8000-9999)");
    }
    Case scratch;
    const std::string code = std::string(value) + "/" + std::string(behaviour);
    if (auto bad = read_field(scratch, field_info(Field::histology), code)) {
        return refuse(Item::histology, value, bad->problem);
    }
    const HistologyRow& row = scratch.histology->row();
    if (row.refused()) {
        return refuse(Item::histology, value, scratch.histology->word() + ": " + std::string(row.refusal));
    }
    w.histology = code;
    // Which rows of primary_site.csv route it: GIST, adenosarcoma, or every other sarcoma. Stromal
    // sarcoma NOS (8935) is a GIST where SEER's GIST schemas take it, a sarcoma elsewhere.
    if (row.family == Histology::gist) {
        w.histology_classes = {"gist"};
    } else if (row.family == Histology::adenosarcoma) {
        w.histology_classes = {"adenosarcoma"};
    } else if (row.gi == StagedAs::gist) {
        w.histology_classes = {"gist", "sarcoma"};
    } else {
        w.histology_classes = {"sarcoma"};
    }
    return std::nullopt;
}

/// The first year of the AJCC 8th edition: cases diagnosed on or after 1 January 2018 (AJCC
/// Cancer Staging Manual, 8th edition, implementation date; SEER Program Coding and Staging Manual
/// 2018 onward, and the NAACCR edits, code tnmEditionNumber 08 from 2018 diagnoses).
constexpr int k_ajcc8_from_year = 2018;

/// No tnmEditionNumber: the edition of the year of diagnosis (dateOfDiagnosis, YYYYMMDD, the month
/// and day may be left out), AJCC 8 from 2018, else lmsstage's default (AJCC 7).
std::optional<Refusal> edition_by_year(Work& w) {
    const auto date = w.record.get(Item::date_of_diagnosis);
    if (!date) {
        return std::nullopt;
    }
    const bool digits = std::all_of(date->begin(), date->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || (date->size() != 4 && date->size() != 6 && date->size() != 8)) {
        return refuse(Item::date_of_diagnosis, *date,
                      "is not a NAACCR date: YYYYMMDD, YYYYMM or YYYY (the month and day may be left out)");
    }
    const int year = code_number(date->substr(0, 4));
    w.edition = year >= k_ajcc8_from_year ? 8 : 7;
    std::string note = std::string(info(Item::date_of_diagnosis).id) + " " + std::string(*date) + " and no " +
                       std::string(info(Item::tnm_edition).id) + ": diagnosed in " + std::to_string(year) +
                       (w.edition == 8 ? ", so the AJCC 8th edition (used for cases diagnosed from 2018)"
                                       : ", before 2018, so the AJCC 7th edition");
    w.out.notes.push_back(std::move(note));
    return std::nullopt;
}

std::optional<Refusal> read_edition(Work& w) {
    const auto value = w.record.get(Item::tnm_edition);
    if (!value) {
        return edition_by_year(w);
    }
    const int code = value->size() <= 2 ? code_number(*value) : -1;
    for (const EditionRow& row : tables().tnm_edition) {
        if (row.code != code) {
            continue;
        }
        if (row.action == "refuse") {
            return refuse(Item::tnm_edition, *value, row.note);
        }
        if (row.action == "edition") {
            w.edition = row.edition;
        } else {
            w.out.notes.push_back(std::string(info(Item::tnm_edition).id) + " " + std::string(*value) + ": " +
                                  row.note);
        }
        return std::nullopt;
    }
    return refuse(Item::tnm_edition, *value, "is not a TNM Edition Number code (00-09, 88, 99)");
}

/// Discriminator codes compare as numbers when both are numbers ("020" = "20"), else as text.
bool same_code(std::string_view a, std::string_view b) noexcept {
    const int x = code_number(a);
    const int y = code_number(b);
    return (x >= 0 && y >= 0) ? x == y : a == b;
}

bool discriminator_matches(const Work& w, const SiteRow& row) {
    if (row.discriminator_item.empty()) {
        return true;
    }
    const ItemInfo* item = find_input_item(row.discriminator_item);
    const auto value = item != nullptr ? w.record.get(item->item) : std::nullopt;
    if (!value) {
        return false;
    }
    return std::any_of(row.discriminator_values.begin(), row.discriminator_values.end(),
                       [&](const std::string& wanted) { return same_code(*value, wanted); });
}

std::optional<Refusal> read_site(Work& w) {
    std::string_view value;
    if (auto missing = required(w, Item::primary_site, value)) {
        return missing;
    }
    const int topography = topography_number(value);
    if (topography < 0) {
        return refuse(Item::primary_site, value, "is not an ICD-O-3 topography code (C000-C809)");
    }
    const int edition = w.edition != 0 ? w.edition : 7;  // lmsstage's default edition
    std::optional<Refusal> refused;
    for (const std::string_view histology_class : w.histology_classes) {
        for (const SiteRow& row : tables().primary_site) {
            if (row.histology_class != histology_class || topography < row.from || topography > row.to ||
                (row.edition != 0 && row.edition != edition) || !discriminator_matches(w, row)) {
                continue;
            }
            if (row.site.empty()) {
                if (!refused) {
                    refused = refuse(Item::primary_site, value, row.refusal);
                }
                break;  // the next class, if the histology has one, may route it
            }
            w.site = row.site;
            w.gi_site = row.gi_site;
            w.histology_class = histology_class;
            return std::nullopt;
        }
    }
    if (refused) {
        return refused;
    }
    return refuse(Item::primary_site, value, "is not an ICD-O-3 topography code (C000-C809)");
}

std::string item_label(Item item, std::string_view value) {
    return std::string(info(item).id) + " " + std::string(value);
}

/// The first size item that tells a size; else the first one present (unknown), else none.
std::optional<Refusal> read_size(Work& w) {
    bool unknown_noted = false;
    for (const Item item : k_size_items) {
        const auto value = w.record.get(item);
        if (!value) {
            continue;
        }
        const int code = value->size() <= 3 ? code_number(*value) : -1;
        const auto row = std::find_if(tables().tumor_size.begin(), tables().tumor_size.end(),
                                      [code](const SizeRow& r) { return code >= r.from && code <= r.to; });
        if (row == tables().tumor_size.end()) {
            return refuse(item, *value, "is not a tumour size code (000-990, 998, 999)");
        }
        if (row->action == "refuse") {
            return refuse(item, *value, row->note);
        }
        if (row->action == "unknown") {
            if (!unknown_noted) {
                w.size = FieldText{field_name(Field::size), "unknown"};
                w.out.notes.push_back(item_label(item, *value) + ": " + row->note);
                unknown_noted = true;
            }
            continue;
        }
        const int mm = row->action == "exact" ? code : row->size_mm;
        w.size = FieldText{field_name(Field::size), std::to_string(mm) + "mm"};
        if (!row->note.empty()) {
            w.out.notes.push_back(item_label(item, *value) + ": " + row->note);
        }
        if (unknown_noted) {
            w.out.notes.push_back("size taken from " + item_label(item, *value));
        }
        return std::nullopt;
    }
    return std::nullopt;
}

std::string grade_schema(const Work& w) {
    if (w.histology_class == "gist") {
        return "gist";
    }
    if (w.site == "uterus") {
        return w.histology_class == "adenosarcoma" ? "corpus_adenosarcoma" : "corpus_sarcoma";
    }
    return "soft_tissue";
}

/// The grade row of one grade item; a refusal when the code is not one of the schema's.
std::optional<Refusal> grade_row(Item item, std::string_view value, const std::string& schema, const GradeRow*& row) {
    for (const GradeRow& r : tables().grade) {
        if (r.schema == schema && r.code == value) {
            row = &r;
            return std::nullopt;
        }
    }
    return refuse(item, value, "is not a grade code of the " + schema + " schemas (SEER Grade Manual)");
}

std::optional<Refusal> apply_grade(Work& w, Item item, std::string_view value, const GradeRow& row) {
    const std::string label = item_label(item, value);
    if (row.target == "refuse") {
        return refuse(item, value, row.note);
    }
    if (row.target == "grade") {
        w.grade = FieldText{field_name(Field::grade), row.value};
    } else if (row.target == "mitotic_rate") {
        w.mitotic_rate = FieldText{field_name(Field::mitotic_rate), row.value};
    }
    if (!row.note.empty()) {
        (row.warn ? w.out.warnings : w.out.notes).push_back(label + ": " + row.note);
    }
    return std::nullopt;
}

/// The higher of Grade Clinical and Grade Pathological, as SEER's Derived Summary Grade takes it.
std::optional<Refusal> read_grade(Work& w) {
    const std::string schema = grade_schema(w);
    const GradeRow* best = nullptr;
    Item best_item = Item::grade_clinical;
    std::string_view best_value;
    for (const Item item : {Item::grade_clinical, Item::grade_pathological}) {
        const auto value = w.record.get(item);
        if (!value) {
            continue;
        }
        const GradeRow* row = nullptr;
        if (auto bad = grade_row(item, *value, schema, row)) {
            return bad;
        }
        if (best == nullptr || row->rank > best->rank) {
            best = row;
            best_item = item;
            best_value = *value;
        }
    }
    return best != nullptr ? apply_grade(w, best_item, best_value, *best) : std::nullopt;
}

std::optional<Refusal> read_nodes(Work& w) {
    const auto value = w.record.get(Item::nodes_positive);
    if (!value) {
        return std::nullopt;
    }
    const int code = value->size() <= 2 ? code_number(*value) : -1;
    for (const NodesRow& row : tables().regional_nodes) {
        if (code < row.from || code > row.to) {
            continue;
        }
        if (row.nodes != "not_given") {
            w.nodes = FieldText{field_name(Field::nodes), row.nodes};
        }
        if (!row.note.empty()) {
            w.out.notes.push_back(row.note);
        }
        return std::nullopt;
    }
    return refuse(Item::nodes_positive, *value, "is not a Regional Nodes Positive code (00-90, 95, 97, 98, 99)");
}

const MetsRow* mets_row(Item item, std::string_view value) {
    const int code = value.size() == 1 ? code_number(value) : -1;
    for (const MetsRow& row : tables().mets_at_dx) {
        if (row.code == code && (row.items == "all" || row.items == info(item).id)) {
            return &row;
        }
    }
    return nullptr;
}

/// Any involved site gives metastasis yes; every given site absent gives no; a site coded
/// unknown (and none involved) leaves metastasis not given, which lmsstage states as M0.
std::optional<Refusal> read_mets(Work& w) {
    bool present = false;
    bool absent = false;
    std::vector<std::string> unknown;
    for (const Item item : k_mets_items) {
        const auto value = w.record.get(item);
        if (!value) {
            continue;
        }
        const MetsRow* row = mets_row(item, *value);
        if (row == nullptr) {
            return refuse(item, *value, "is not a Mets at DX code (0, 1, 8, 9; metsAtDxOther also 2)");
        }
        present = present || row->finding == "present";
        absent = absent || row->finding == "absent";
        if (row->finding == "unknown") {
            unknown.emplace_back(info(item).id);
        }
    }
    if (present || (absent && unknown.empty())) {
        w.metastasis = FieldText{field_name(Field::metastasis), present ? "yes" : "no"};
    } else if (!unknown.empty()) {
        std::string items;
        for (const std::string& id : unknown) {
            items += (items.empty() ? "" : ", ") + id;
        }
        w.out.notes.push_back(items +
                              " 9 (unknown) and no site involved: metastasis not given, so lmsstage "
                              "assumes M0 and says so");
    }
    return std::nullopt;
}

/// The TNM items of each classification, in the order the basis is taken from them: post-therapy
/// (yp) first, then pathological, then clinical (the latest classification the record carries).
struct BasisItems {
    std::string_view basis;
    std::array<Item, 3> items;
};
constexpr BasisItems k_basis_items[] = {
    {"post-therapy", {Item::ajcc_post_therapy_t, Item::ajcc_post_therapy_n, Item::ajcc_post_therapy_m}},
    {"pathological", {Item::ajcc_path_t, Item::ajcc_path_n, Item::ajcc_path_m}},
    {"pathological", {Item::tnm_path_t, Item::tnm_path_n, Item::tnm_path_m}},
    {"clinical", {Item::ajcc_clin_t, Item::ajcc_clin_n, Item::ajcc_clin_m}},
    {"clinical", {Item::tnm_clin_t, Item::tnm_clin_n, Item::tnm_clin_m}},
};

/// The staging basis, from the TNM items the record carries: an item with a code other than 88
/// (not applicable) says the registry recorded that classification. Only which items are coded
/// is read, never their codes: lmsstage derives the categories itself.
std::optional<Refusal> read_basis(Work& w) {
    for (const BasisItems& group : k_basis_items) {
        for (const Item item : group.items) {
            const auto value = w.record.get(item);
            if (value && *value != "88") {
                w.basis = FieldText{field_name(Field::basis), std::string(group.basis)};
                w.out.notes.push_back(std::string(info(item).id) + " [" + std::to_string(info(item).number) + "] " +
                                      std::string(*value) + ": the record carries the " + std::string(group.basis) +
                                      " classification, so the categories are written as " + std::string(group.basis) +
                                      " ones");
                return std::nullopt;
            }
        }
    }
    return std::nullopt;
}

/// The mapped fields, in the field table's order.
void collect_fields(Work& w) {
    auto add = [&w](Field field, std::string text) { w.out.fields.push_back({field_name(field), std::move(text)}); };
    add(Field::site, w.site);
    add(Field::histology, w.histology);
    for (auto* field : {&w.size, &w.grade, &w.nodes, &w.metastasis, &w.mitotic_rate}) {
        if (*field) {
            w.out.fields.push_back(**field);
        }
    }
    if (!w.gi_site.empty()) {
        add(Field::gi_site, w.gi_site);
    }
    if (w.edition != 0) {
        add(Field::edition, std::to_string(w.edition));
    }
    if (w.basis) {
        w.out.fields.push_back(*w.basis);
    }
}

}  // namespace

std::span<const ItemInfo> input_items() noexcept { return k_items; }

const ItemInfo& info(Item item) noexcept { return k_items[static_cast<std::size_t>(item)]; }

const ItemInfo* find_input_item(std::string_view naaccr_id) noexcept {
    for (const ItemInfo& item : k_items) {
        if (item.id == naaccr_id) {
            return &item;
        }
    }
    return nullptr;
}

void Record::set(Item item, std::string_view value) {
    m_values[static_cast<std::size_t>(item)] = trimmed(value);
    m_set |= std::uint64_t{1} << static_cast<unsigned>(item);
}

bool Record::set(std::string_view naaccr_id, std::string_view value) {
    const ItemInfo* item = find_input_item(naaccr_id);
    if (item == nullptr) {
        return false;
    }
    set(item->item, value);
    return true;
}

std::optional<std::string_view> Record::get(Item item) const noexcept {
    const std::string& value = m_values[static_cast<std::size_t>(item)];
    if (value.empty()) {
        return std::nullopt;
    }
    return value;
}

void Record::clear() noexcept {
    for (std::size_t i = 0; m_set != 0; ++i, m_set >>= 1U) {
        if ((m_set & 1U) != 0) {
            m_values[i].clear();
        }
    }
}

std::optional<std::string_view> Mapped::field(std::string_view key) const noexcept {
    for (const FieldText& f : fields) {
        if (f.key == key) {
            return f.text;
        }
    }
    return std::nullopt;
}

std::string Refusal::message() const {
    const ItemInfo* item_info = find_input_item(item);
    std::string text(item);
    if (item_info != nullptr) {
        text += " [" + std::to_string(item_info->number) + "]";
    }
    if (!value.empty()) {
        // The codes read are a few characters: a longer value is repeated only in part, so that a
        // record cannot make a message of any size (the door escapes what is repeated).
        constexpr std::size_t k_shown = 32;
        std::size_t cut = std::min(value.size(), k_shown);
        while (cut < value.size() && cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0U) == 0x80U) {
            --cut;  // do not split a character
        }
        text += ' ';
        text.append(value, 0, cut);
        if (cut < value.size()) {
            text += "... (";
            text += std::to_string(value.size());
            text += " bytes)";
        }
    }
    text += ": ";
    text += reason;
    return text;
}

Mapping map_record(const Record& record) {
    Work w{record, {}, {}, {}, {}, 0, {}, {}, {}, {}, {}, {}, {}, {}};
    using Step = std::optional<Refusal> (*)(Work&);
    // Behaviour and histology first: they decide whether the record is a case lmsstage stages at
    // all; the edition before the site, whose AJCC 8 chapter may differ from the AJCC 7 one.
    for (const Step step : {Step{read_behavior}, Step{read_histology}, Step{read_edition}, Step{read_site},
                            Step{read_size}, Step{read_grade}, Step{read_nodes}, Step{read_mets}, Step{read_basis}}) {
        if (auto refusal = step(w)) {
            return *refusal;
        }
    }
    collect_fields(w);
    return std::move(w.out);
}

std::optional<CaseError> apply(const Mapped& mapped, Case& target) {
    for (const FieldText& field : mapped.fields) {
        const FieldInfo* spec = find_field(field.key);
        if (spec == nullptr) {
            return CaseError{Field::id, "is not a case field: " + std::string(field.key)};
        }
        if (auto error = read_field(target, *spec, field.text)) {
            return error;
        }
    }
    return std::nullopt;
}

std::string_view derived_from(Field field) noexcept {
    for (const Derived& derived : k_derived) {
        if (derived.field == field) {
            return derived.from;
        }
    }
    return {};
}

namespace {

/// The fields the chosen system asks for that `input` leaves out, taken as unknown; a note for each.
std::vector<std::string> unknown_where_left_out(Case& input) {
    std::vector<std::string> notes;
    const std::variant<Route, CaseError> routed = route(input);
    const auto* chosen = std::get_if<Route>(&routed);
    if (chosen == nullptr) {
        return notes;  // staging says why
    }
    for (const Field field : k_all_fields) {
        if ((chosen->asks & field_bit(field)) == 0 || input.has(field)) {
            continue;
        }
        if (!read_field(input, field_info(field), "unknown")) {
            notes.push_back(std::string(field_name(field)) +
                            " is not given by the record: taken as unknown, so every stage its possible values "
                            "allow is listed");
        }
    }
    return notes;
}

}  // namespace

std::optional<std::variant<Refusal, CaseError>> stage_record(const Record& record, Case& input, Result& result,
                                                             const StageOptions& options) {
    Mapping mapping = map_record(record);
    if (auto* refusal = std::get_if<Refusal>(&mapping)) {
        return std::move(*refusal);
    }
    const auto& mapped = std::get<Mapped>(mapping);
    std::optional<CaseError> invalid = apply(mapped, input);
    std::vector<std::string> left_out;
    if (!invalid) {
        left_out = unknown_where_left_out(input);
        invalid = stage(input, result, options);
    }
    if (invalid) {
        return std::move(*invalid);
    }
    for (const std::string& note : mapped.notes) {
        result.notes.push_back(note);
    }
    for (const std::string& warning : mapped.warnings) {
        result.warnings.push_back(warning);
    }
    for (const std::string& note : left_out) {
        result.notes.push_back(note);
    }
    return std::nullopt;
}

}  // namespace lmsstage::naaccr
