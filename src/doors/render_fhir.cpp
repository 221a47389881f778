#include "doors/render_fhir.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "doors/render_json.hpp"

namespace lmsstage::doors {
namespace {

// Code systems (FHIR R4 terminology; mCODE STU4 input/fsh/AL_CodeSystems.fsh).
constexpr std::string_view k_snomed = "http://snomed.info/sct";
constexpr std::string_view k_loinc = "http://loinc.org";
constexpr std::string_view k_ucum = "http://unitsofmeasure.org";
constexpr std::string_view k_ajcc = "http://cancerstaging.org";
constexpr std::string_view k_ncit = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";
constexpr std::string_view k_observation_category = "http://terminology.hl7.org/CodeSystem/observation-category";
constexpr std::string_view k_data_absent = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
constexpr std::string_view k_specimen_type = "http://terminology.hl7.org/CodeSystem/v2-0487";

struct Code {
    std::string_view system;
    std::string_view code;
    std::string_view display;
};

// mCODE STU4 input/fsh/VS_Staging_TNM.fsh: TNMStagingMethodVS, TNMStageGroupStagingTypeVS and the
// T, N and M staging type value sets (the codes that do not say clinical or pathological: lmsstage
// derives the stage from what the record gives).
constexpr Code k_ajcc7_method{k_snomed, "443830009",
                              "American Joint Commission on Cancer, Cancer Staging Manual, 7th edition neoplasm "
                              "staging system (tumor staging)"};
constexpr Code k_ajcc8_method{k_snomed, "897275008",
                              "American Joint Commission on Cancer, Cancer Staging Manual, 8th edition neoplasm "
                              "staging system (tumor staging)"};
constexpr Code k_stage_group{k_snomed, "399390009", "TNM stage grouping"};
constexpr Code k_t_category{k_snomed, "78873005", "T category"};
constexpr Code k_n_category{k_snomed, "277206009", "N category"};
constexpr Code k_m_category{k_snomed, "277208005", "M category"};
// The same value sets' codes that say clinical or pathological, chosen by the basis (mCODE STU4 has
// one TNMStageGroup profile; the basis is in Observation.code). Post-therapy (yp) is a pathological
// classification and takes the pathological codes (the value sets have no yp code; its values, ypT2,
// say it). M is cM under every basis (pM0 does not exist: mCODE's own pathological example,
// EX_ExtendedExample.fsh, notes it), so its code is cM category.
constexpr Code k_clinical_stage_group{k_snomed, "399537006", "Clinical TNM stage grouping"};
constexpr Code k_pathological_stage_group{k_snomed, "399588009", "Pathologic TNM stage grouping"};
constexpr Code k_ct_category{k_snomed, "399504009", "cT category"};
constexpr Code k_pt_category{k_snomed, "384625004", "pT category"};
constexpr Code k_cn_category{k_snomed, "399534004", "cN category"};
constexpr Code k_pn_category{k_snomed, "371494008", "pN category"};
constexpr Code k_cm_category{k_snomed, "399387003", "cM category"};
// mCODE STU4 input/fsh/SD_Staging_Other.fsh (GynecologicTumorFIGOStage: code) and
// VS_Staging_Other.fsh (FIGOStagingMethodVS: is-a 254383006).
constexpr Code k_figo_stage{k_snomed, "385361009",
                            "International Federation of Gynecology and Obstetrics stage for gynecological "
                            "malignancy (observable entity)"};
constexpr Code k_figo_method{k_snomed, "254383006",
                             "International Federation of Gynecology and Obstetrics staging system of "
                             "gynecological malignancy (tumor staging)"};
// mCODE STU4 input/fsh/SD_TumorSize.fsh: TumorSize code and its longest dimension component.
constexpr Code k_tumor_size{k_loinc, "21889-1", "Size Tumor"};
constexpr Code k_longest_dimension{k_loinc, "33728-7", "Size.maximum dimension in Tumor"};

/// FIGO stage values: mCODE STU4 input/fsh/VS_Staging_Other.fsh, FIGOStageValueVS (NCIt).
struct FigoValue {
    Stage stage;
    Code code;
};
constexpr std::array<FigoValue, 14> k_figo_values{{
    {Stage::I, {k_ncit, "C96244", "FIGO Stage I"}},
    {Stage::IA, {k_ncit, "C96245", "FIGO Stage IA"}},
    {Stage::IB, {k_ncit, "C96248", "FIGO Stage IB"}},
    {Stage::IC, {k_ncit, "C96251", "FIGO Stage IC"}},
    {Stage::II, {k_ncit, "C96252", "FIGO Stage II"}},
    {Stage::IIA, {k_ncit, "C96253", "FIGO Stage IIA"}},
    {Stage::IIB, {k_ncit, "C96254", "FIGO Stage IIB"}},
    {Stage::III, {k_ncit, "C96255", "FIGO Stage III"}},
    {Stage::IIIA, {k_ncit, "C96256", "FIGO Stage IIIA"}},
    {Stage::IIIB, {k_ncit, "C96257", "FIGO Stage IIIB"}},
    {Stage::IIIC, {k_ncit, "C96258", "FIGO Stage IIIC"}},
    {Stage::IV, {k_ncit, "C96261", "FIGO Stage IV"}},
    {Stage::IVA, {k_ncit, "C96262", "FIGO Stage IVA"}},
    {Stage::IVB, {k_ncit, "C96263", "FIGO Stage IVB"}},
}};

const Code& figo_value(Stage stage) {
    for (const FigoValue& value : k_figo_values) {
        if (value.stage == stage) {
            return value.code;
        }
    }
    return k_figo_values.front().code;  // every Stage is listed (tests/cli/test_fhir.cpp)
}

/// A UUID (RFC 9562 version 8: name-based, of our own hash) for a resource of a record: the same
/// record and resource give the same UUID.
std::string uuid_of(std::string_view record_key, std::string_view resource) {
    const auto fnv = [&](std::uint64_t hash) {
        for (const std::string_view part : {record_key, std::string_view("\x1f"), resource}) {
            for (const char c : part) {
                hash ^= static_cast<unsigned char>(c);
                hash *= 0x100000001b3ULL;
            }
        }
        return hash;
    };
    const auto mix = [](std::uint64_t x) {  // splitmix64's finaliser: every input bit moves every output bit
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    };
    std::uint64_t high = mix(fnv(0xcbf29ce484222325ULL));
    std::uint64_t low = mix(fnv(0x84222325cbf29ce4ULL));
    high = (high & ~0xf000ULL) | 0x8000ULL;      // version 8
    low = (low & ~(3ULL << 62)) | (2ULL << 62);  // variant 10
    constexpr std::string_view k_hex = "0123456789abcdef";
    std::string text = "urn:uuid:";
    const auto hex = [&](std::uint64_t value, int from, int to) {
        for (int shift = from; shift >= to; shift -= 4) {
            text += k_hex[(value >> shift) & 0xf];
        }
    };
    hex(high, 60, 32);
    text += '-';
    hex(high, 28, 16);
    text += '-';
    hex(high, 12, 0);
    text += '-';
    hex(low, 60, 48);
    text += '-';
    hex(low, 44, 0);
    return text;
}

void codeable(JsonWriter& json, const Code& code) {
    json.begin_object().key("coding").begin_array().begin_object();
    json.key("system").string(code.system).key("code").string(code.code);
    if (!code.display.empty()) {
        json.key("display").string(code.display);
    }
    json.end_object().end_array().end_object();
}

void reference(JsonWriter& json, std::string_view url) {
    json.begin_object().key("reference").string(url).end_object();
}

/// What every resource of a record refers to.
struct Context {
    std::string key;
    std::string patient;
    std::string condition;
};

/// Starts an entry with its resource: {"fullUrl": url, "resource": {"resourceType": type, "id": ...
void begin_entry(JsonWriter& json, std::string_view url, std::string_view type, std::string_view profile) {
    json.begin_object().key("fullUrl").string(url).key("resource").begin_object();
    json.key("resourceType").string(type).key("id").string(url.substr(std::string_view("urn:uuid:").size()));
    if (!profile.empty()) {
        json.key("meta").begin_object().key("profile").begin_array();
        json.string(mcode_profile(profile));
        if (profile == "mcode-gynecologic-tumor-figo-stage") {
            json.string(mcode_profile("mcode-cancer-stage"));
        }
        json.end_array().end_object();
    }
}

void end_entry(JsonWriter& json) { json.end_object().end_object(); }

/// The members every staging Observation has: status, category, code, subject, focus, method.
void observation_start(JsonWriter& json, const Context& context, const Code& code, const Code& method) {
    json.key("status").string("final");
    // US Core Observation (simple) asks for a category; staging is an examination finding.
    json.key("category").begin_array();
    codeable(json, Code{k_observation_category, "exam", "Exam"});
    json.end_array();
    json.key("code");
    codeable(json, code);
    json.key("subject");
    reference(json, context.patient);
    json.key("focus").begin_array();
    reference(json, context.condition);
    json.end_array();
    json.key("method");
    codeable(json, method);
}

struct Category {
    std::string_view resource;  ///< "T"
    std::string_view profile;
    Code code;
    std::string value;  ///< as written under the basis (pT2; T2 when not stated)
};

/// The codes of the stage group, T, N and M Observations for a basis (not stated: the codes that do
/// not say clinical or pathological).
std::array<Code, 4> staging_codes(std::optional<Basis> basis) {
    if (!basis) {
        return {k_stage_group, k_t_category, k_n_category, k_m_category};
    }
    if (*basis == Basis::clinical) {
        return {k_clinical_stage_group, k_ct_category, k_cn_category, k_cm_category};
    }
    return {k_pathological_stage_group, k_pt_category, k_pn_category, k_cm_category};
}

/// What lmsstage writes for a category the record leaves open that is no AJCC code: MX ("M0 or
/// M1", docs/rules.md §5 and §8b), and a range such as G1-G3; empty for an AJCC category (TX and NX
/// are AJCC's own: docs/rules.md §1).
std::string_view undetermined_category(std::string_view value) {
    if (value == "MX") {
        return "M0 or M1";
    }
    return value.find('-') != std::string_view::npos ? value : std::string_view();
}

void category_entry(JsonWriter& json, const Context& context, const Category& category, const Code& method) {
    begin_entry(json, uuid_of(context.key, category.resource), "Observation", category.profile);
    observation_start(json, context, category.code, method);
    const std::string_view open = undetermined_category(category.value);
    if (open.empty()) {
        json.key("valueCodeableConcept");
        codeable(json, Code{k_ajcc, category.value, {}});
    } else {
        // The profiles bind the value to AJCC codes: none fits, so the value is absent (as for an
        // undetermined stage group), and the note says what the record leaves open.
        json.key("dataAbsentReason");
        codeable(json, Code{k_data_absent, "unknown", "Unknown"});
        json.key("note").begin_array();
        json.begin_object().key("text").string(std::string(category.resource) +
                                               " category not determined by the record: " + std::string(open));
        json.end_object().end_array();
    }
    end_entry(json);
}

void notes(JsonWriter& json, const Result& result, bool possible) {
    json.key("note").begin_array();
    json.begin_object().key("text").string(std::string("Staged by lmsstage: ") + std::string(result.system.name));
    json.end_object();
    if (possible && !result.stage) {
        std::string text = "Stage not determined by the record; possible stages:";
        for (const Stage stage : result.possible_stages.members()) {
            text += ' ';
            text += name(stage);
        }
        json.begin_object().key("text").string(text).end_object();
    }
    for (const std::string& assumption : result.assumptions) {
        json.begin_object().key("text").string("Assumption: " + assumption).end_object();
    }
    json.end_array();
}

void stage_value(JsonWriter& json, const Result& result, bool figo) {
    if (result.stage) {
        json.key("valueCodeableConcept");
        codeable(json, figo ? figo_value(*result.stage) : Code{k_ajcc, name(*result.stage), {}});
        return;
    }
    json.key("dataAbsentReason");
    codeable(json, Code{k_data_absent, "unknown", "Unknown"});
}

/// The shortest text that reads back as `value` ("6", "6.5").
std::string number_text(double value) {
    std::array<char, 32> digits{};
#if defined(__cpp_lib_to_chars)
    const auto written = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    return std::string(digits.data(), written.ptr);
#else
    // No floating-point to_chars (Emscripten 3.1's libc++): the fewest digits that read back.
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(digits.data(), digits.size(), "%.*g", precision, value);
        if (std::strtod(digits.data(), nullptr) == value) {
            break;
        }
    }
    return std::string(digits.data());
#endif
}

void tumor_size(JsonWriter& json, const Context& context, const Length& size) {
    const std::string specimen = uuid_of(context.key, "specimen");
    begin_entry(json, specimen, "Specimen", {});
    json.key("type");
    codeable(json, Code{k_specimen_type, "TUMOR", "Tumor"});
    json.key("subject");
    reference(json, context.patient);
    end_entry(json);

    begin_entry(json, uuid_of(context.key, "size"), "Observation", "mcode-tumor-size");
    json.key("status").string("final");
    json.key("code");
    codeable(json, k_tumor_size);
    json.key("subject");
    reference(json, context.patient);
    json.key("specimen");
    reference(json, specimen);
    json.key("component").begin_array().begin_object().key("code");
    codeable(json, k_longest_dimension);
    const std::string_view unit = size.unit == LengthUnit::mm ? "mm" : "cm";
    json.key("valueQuantity").begin_object();
    json.key("value").number(number_text(size.value));
    json.key("unit").string(unit).key("system").string(k_ucum).key("code").string(unit);
    json.end_object().end_object().end_array();
    end_entry(json);
}

/// What a record's UUIDs are derived from: its id, or without one its place (the line, the index
/// in a JSON array and the CSV row, then the file's name, last so that no name can read as another
/// place), so that records without an id, in one input or in two, get UUIDs of their own.
std::string record_key(std::string_view id_text, RecordPlace place) {
    if (!id_text.empty()) {
        return "id:" + std::string(id_text);
    }
    return "at:" + std::to_string(place.line) + ':' + std::to_string(place.index) + ':' + std::to_string(place.row) +
           ':' + std::string(place.file);
}

}  // namespace

std::string_view figo_stage_code(Stage stage) { return figo_value(stage).code; }

std::string mcode_profile(std::string_view id) {
    return "http://hl7.org/fhir/us/mcode/StructureDefinition/" + std::string(id);
}

void append_fhir_bundle(std::string& out, const Result& result, const Case& input, std::string_view id_text,
                        RecordPlace place) {
    Context context;
    context.key = record_key(id_text, place);
    context.patient = uuid_of(context.key, "patient");
    context.condition = uuid_of(context.key, "condition");
    JsonWriter json(out);
    json.begin_object().key("resourceType").string("Bundle");
    json.key("id").string(uuid_of(context.key, "bundle").substr(std::string_view("urn:uuid:").size()));
    json.key("type").string("collection");
    json.key("entry").begin_array();

    begin_entry(json, context.patient, "Patient", {});
    if (!id_text.empty()) {
        json.key("identifier").begin_array().begin_object().key("value").string(id_text).end_object().end_array();
    }
    end_entry(json);
    begin_entry(json, context.condition, "Condition", {});
    json.key("subject");
    reference(json, context.patient);
    end_entry(json);

    const Grouping grouping = result.system.grouping;
    const std::string_view system_id = result.system.id;
    const bool figo = grouping == Grouping::figo;
    const Code& method = figo || system_id.starts_with("ajcc8") ? k_ajcc8_method : k_ajcc7_method;
    const std::array<Code, 4> codes = staging_codes(result.basis);
    const std::array<Category, 3> categories{{
        {"T", "mcode-tnm-primary-tumor-category", codes[1], prefixed_category(result.basis, 'T', result.categories.t)},
        {"N", "mcode-tnm-regional-nodes-category", codes[2], prefixed_category(result.basis, 'N', result.categories.n)},
        {"M", "mcode-tnm-distant-metastases-category", codes[3],
         prefixed_category(result.basis, 'M', result.categories.m)},
    }};
    // mCODE's TNM profiles take AJCC's editions only (TNMStagingMethodVS): a UICC TNM result has no
    // staging Observation there (docs/rules.md §10).
    const bool uicc = system_id.starts_with("uicc");
    if (grouping != Grouping::not_staged && !uicc) {
        if (grouping != Grouping::t_only) {
            begin_entry(json, uuid_of(context.key, "stage"), "Observation",
                        figo ? "mcode-gynecologic-tumor-figo-stage" : "mcode-tnm-stage-group");
            observation_start(json, context, figo ? k_figo_stage : codes[0], figo ? k_figo_method : method);
            stage_value(json, result, figo);
            json.key("hasMember").begin_array();
            for (const Category& category : categories) {
                if (!category.value.empty()) {
                    reference(json, uuid_of(context.key, category.resource));
                }
            }
            json.end_array();
            notes(json, result, true);
            end_entry(json);
        }
        for (const Category& category : categories) {
            if (!category.value.empty()) {
                category_entry(json, context, category, method);
            }
        }
    }
    if (input.size && input.size->known()) {
        tumor_size(json, context, *input.size->value);
    }
    json.end_array().end_object();
}

void append_fhir_outcome(std::string& out, std::string_view field, std::string_view message, std::string_view id_text,
                         RecordPlace place) {
    JsonWriter json(out);
    json.begin_object().key("resourceType").string("OperationOutcome");
    json.key("issue").begin_array().begin_object();
    json.key("severity").string("error").key("code").string("invalid");
    std::string text;
    if (!id_text.empty()) {
        text += "record " + std::string(id_text) + ": ";
    } else if (place.line > 0) {
        text += "line " + std::to_string(place.line) + ": ";
    }
    text += message;
    json.key("diagnostics").string(text);
    if (!field.empty()) {
        json.key("expression").begin_array().string(field).end_array();
    }
    json.end_object().end_array().end_object();
}

}  // namespace lmsstage::doors
