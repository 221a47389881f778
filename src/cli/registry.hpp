#pragma once
// The registry door: records keyed by NAACCR XML item ids (batch --naaccr, check --naaccr), as JSON
// objects or CSV/TSV columns. Their items are mapped by the sourced tables of data/naaccr/ (see
// naaccr/naaccr.hpp, docs/naaccr.md) into lmsstage's own case fields, staged like any other case,
// and the mapping's notes are added to the result's.
//
// Besides the items it reads, such a record may give lmsstage case fields that no NAACCR item
// carries (depth, extension, the FIGO findings, ...) and an id. A case field that the mapping
// derives (site from primarySite, ...: naaccr::derived_from) is refused, so that nothing is given
// twice. Other NAACCR
// items (a registry export carries hundreds) are passed over, `grade` included: an item id that is
// also a case field's name is the item (440, the pre-2018 Grade); a key that is no NAACCR item of any
// base dictionary since version 14 is an error with the nearest key, as in any other record.

#include <optional>
#include <string>
#include <string_view>

#include "cli/record_reader.hpp"
#include "doors/fields.hpp"
#include "lmsstage/lmsstage.hpp"
#include "naaccr/naaccr.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;

/// What a key of a NAACCR-keyed record is.
struct NaaccrKey {
    enum class Kind {
        item,         ///< an item lmsstage reads
        case_field,   ///< a case field no NAACCR item carries, or the id
        passed_over,  ///< another NAACCR item
        refused,      ///< a derived case field, or no NAACCR item at all
    };
    Kind kind = Kind::refused;
    const naaccr::ItemInfo* item = nullptr;  ///< Kind::item
    const FieldSpec* spec = nullptr;         ///< Kind::case_field
    std::string problem;                     ///< Kind::refused: why, and what to write instead
};

/// Classifies a key (a JSON key or a CSV header name). `check_keys`: "expect" and "source" are
/// accepted by the caller, and offered in suggestions.
NaaccrKey classify_naaccr_key(std::string_view key, bool check_keys);

/// The record's case staged with `options`, mapped from its NAACCR items first when `naaccr`
/// (naaccr::stage_record, on `record.input`, which may already hold the case fields the record
/// gave): the error names the item that was refused, or the field at fault.
std::optional<RecordError> stage_record(Record& record, bool naaccr, Result& result, StageOptions options = {});

}  // namespace lmsstage::cli
