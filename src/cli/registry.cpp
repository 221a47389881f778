#include "cli/registry.hpp"

#include <variant>

#include "cli/json_fields.hpp"
#include "doors/fields.hpp"
#include "doors/safe_text.hpp"
#include "naaccr/tables.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;
namespace {

/// A key that is neither an item lmsstage reads, nor a case field, nor a NAACCR item.
std::string unknown_naaccr_key(std::string_view key, bool check_keys) {
    Closest closest(key);
    for (const naaccr::ItemInfo& item : naaccr::input_items()) {
        closest.consider(item.id);
    }
    for (const FieldSpec& spec : field_specs()) {
        if (naaccr::derived_from(spec.field).empty()) {
            closest.consider(spec.key);
        }
    }
    if (check_keys) {
        closest.consider("expect");
        closest.consider("source");
    }
    return "unknown key \"" + shorten(key) + "\": not a NAACCR item" + closest.hint("\"") +
           "; the items lmsstage reads: " + joined(naaccr::input_items(), ", ", &naaccr::ItemInfo::id) +
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
        if (const std::string_view from = naaccr::derived_from(spec->field); !from.empty()) {
            return NaaccrKey{NaaccrKey::Kind::refused, nullptr, nullptr,
                             std::string(spec->key) + " is derived from " + std::string(from) +
                                 " in a NAACCR-keyed record (--naaccr): give that item instead"};
        }
        return NaaccrKey{NaaccrKey::Kind::case_field, nullptr, spec, {}};
    }
    return NaaccrKey{NaaccrKey::Kind::refused, nullptr, nullptr, unknown_naaccr_key(key, check_keys)};
}

std::optional<RecordError> stage_record(Record& record, bool naaccr, Result& result, StageOptions options) {
    std::optional<CaseError> invalid;
    if (!naaccr) {
        invalid = stage(record.input, result, options);
    } else if (auto problem = naaccr::stage_record(record.naaccr, record.input, result, options)) {
        if (const auto* refusal = std::get_if<naaccr::Refusal>(&*problem)) {
            return RecordError{std::string(refusal->item), refusal->message(), true, false};
        }
        invalid = std::get<CaseError>(std::move(*problem));
    }
    if (!invalid) {
        return std::nullopt;
    }
    return RecordError{std::string(field_name(invalid->field)), invalid->message(), true, false};
}

}  // namespace lmsstage::cli
