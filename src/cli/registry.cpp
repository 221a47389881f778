#include "cli/registry.hpp"

#include <algorithm>
#include <iterator>
#include <variant>

#include "cli/json_fields.hpp"
#include "doors/fields.hpp"
#include "naaccr/tables.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;
namespace {

/// The case fields the NAACCR mapping derives, and the items they come from.
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

std::string refused_field(const FieldSpec& spec, std::string_view from) {
    return std::string(spec.key) + " is derived from " + std::string(from) +
           " in a NAACCR-keyed record (--naaccr): give that item instead";
}

/// A key that is neither an item lmsstage reads, nor a case field, nor a NAACCR item.
std::string unknown_naaccr_key(std::string_view key, bool check_keys) {
    Closest closest(key);
    std::string items;
    for (const naaccr::ItemInfo& item : naaccr::input_items()) {
        closest.consider(item.id);
        items += items.empty() ? "" : ", ";
        items += item.id;
    }
    for (const FieldSpec& spec : field_specs()) {
        const bool derived = std::any_of(std::begin(k_derived), std::end(k_derived),
                                         [&](const Derived& d) { return d.field == spec.field; });
        if (!derived) {
            closest.consider(spec.key);
        }
    }
    if (check_keys) {
        closest.consider("expect");
        closest.consider("source");
    }
    std::string message = "unknown key \"" + shorten(key) + "\": not a NAACCR item";
    if (!closest.suggestion().empty()) {
        message += " (did you mean \"" + closest.suggestion() + "\"?)";
    }
    return message + "; the items lmsstage reads: " + items +
           "; and the case fields no NAACCR item carries, as in lmsstage --help";
}

}  // namespace

NaaccrKey classify_naaccr_key(std::string_view key, bool check_keys) {
    if (const naaccr::ItemInfo* item = naaccr::find_input_item(key)) {
        return NaaccrKey{NaaccrKey::Kind::item, item, nullptr, {}};
    }
    // A NAACCR item id is that item even where a case field has the same name (item 440, the
    // pre-2018 grade, is keyed "grade" in every full-layout extract): lmsstage does not read it.
    if (naaccr::find_dictionary_item(key) != nullptr) {
        return NaaccrKey{NaaccrKey::Kind::passed_over, nullptr, nullptr, {}};
    }
    if (const FieldSpec* spec = find_field_by_key(key)) {
        for (const Derived& derived : k_derived) {
            if (derived.field == spec->field) {
                return NaaccrKey{NaaccrKey::Kind::refused, nullptr, nullptr, refused_field(*spec, derived.from)};
            }
        }
        return NaaccrKey{NaaccrKey::Kind::case_field, nullptr, spec, {}};
    }
    return NaaccrKey{NaaccrKey::Kind::refused, nullptr, nullptr, unknown_naaccr_key(key, check_keys)};
}

/// A field the chosen system asks for that the record leaves out (no NAACCR item carries the
/// visceral extent or the myometrial invasion; a size or grade item may be missing) is staged as
/// explicitly unknown, so that the result lists every stage it allows instead of refusing the
/// record, and says so. Returns those notes.
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
        const FieldSpec* spec = find_field_by_key(field_name(field));
        if (spec != nullptr && !set_from_text(input, *spec, "unknown")) {
            notes.push_back(std::string(field_name(field)) +
                            " is not given by the record: taken as unknown, so every stage its possible values "
                            "allow is listed");
        }
    }
    return notes;
}

std::optional<RecordError> stage_naaccr(Record& record, Result& result, StageOptions options) {
    const naaccr::Mapping mapping = naaccr::map_record(record.naaccr);
    if (const auto* refusal = std::get_if<naaccr::Refusal>(&mapping)) {
        return RecordError{std::string(refusal->item), refusal->message(), true, false};
    }
    const auto& mapped = std::get<naaccr::Mapped>(mapping);
    std::optional<CaseError> invalid = naaccr::apply(mapped, record.input);
    std::vector<std::string> left_out;
    if (!invalid) {
        left_out = unknown_where_left_out(record.input);
        invalid = stage(record.input, result, options);
    }
    if (invalid) {
        return RecordError{std::string(field_name(invalid->field)), invalid->message(), true, false};
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

}  // namespace lmsstage::cli
