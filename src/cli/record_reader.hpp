#pragma once
// One JSON record (the bytes of one NDJSON line or one array element) -> a Case, strictly: the
// whole record must be one valid JSON object in valid UTF-8, with known keys, each given once,
// each of its documented type. Hand-written so that a bad record costs no allocation storm and
// every error names the field at fault.

#include <string>
#include <string_view>

#include "lmsstage/case.hpp"

namespace lmsstage::cli {

/// What a record carries besides the case.
struct Record {
    Case input;
    std::string id_json;      ///< the id exactly as written (JSON text), empty when absent
    std::string expect_json;  ///< check mode: the "expect" object as JSON text
    std::string source;       ///< check mode: the "source" note
    void clear();
};

/// Why a record could not be read. `field` is empty when the fault is not one field's (bad JSON).
struct RecordError {
    std::string field;
    std::string message;
    /// True when the record is well-formed but a case field's value is not acceptable (a wrong
    /// type or an out-of-range value): the case is invalid, the record itself was readable.
    bool bad_value = false;
};

enum class RecordKind { batch, check };

/// Reads `bytes` into `out` (cleared first). On error, `out.id_json` still holds the id when it
/// could be read. Keys accepted: the case fields and "id"; with RecordKind::check also "expect"
/// and "source".
std::optional<RecordError> read_record(std::string_view bytes, RecordKind kind, Record& out);

}  // namespace lmsstage::cli
