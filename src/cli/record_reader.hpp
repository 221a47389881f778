#pragma once
// One JSON record (the bytes of one NDJSON line or one value of a JSON text) -> a Case, strictly:
// the whole record must be one valid JSON object in valid UTF-8, with known keys, each given once,
// each of a JSON type its field takes. A flat batch record of printable ASCII is read by
// doors/flat_json.hpp; a check record and any other by simdjson (On-Demand), which also words every
// syntax fault. Each value goes into the case through the field table, so every error names the
// field at fault.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doors/records.hpp"
#include "lmsstage/case.hpp"
#include "naaccr/naaccr.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;

/// What a record carries besides the case.
struct Record {
    Case input;
    std::string id_json;            ///< the id exactly as written (JSON text), empty when absent
    std::string id_text;            ///< the same as text: a string's contents, a number's digits
    std::string expect_json;        ///< check mode: the "expect" object as JSON text
    std::string source;             ///< check mode: the "source" note
    naaccr::Record naaccr;          ///< a NAACCR-keyed record: the items lmsstage reads (see cli/registry.hpp)
    std::vector<std::string> kept;  ///< the cells of the columns --keep names, in its order (CSV/TSV)
    void clear();
};

enum class RecordKind { batch, check };
/// What a record is keyed by: lmsstage's case fields, or NAACCR XML item ids (cli/registry.hpp).
enum class RecordKeys { case_fields, naaccr };

/// Reads `bytes` into `out` (cleared first). On error, `out.id_json` still holds the id when the
/// record was read past the end of its id value (a whole object followed by other text is read, and
/// the text after it is the error). Keys accepted: the case fields and "id"; with
/// RecordKind::check also "expect" and "source". Each thread keeps its own parser.
std::optional<RecordError> read_record(std::string_view bytes, RecordKind kind, Record& out,
                                       RecordKeys keys = RecordKeys::case_fields);

/// How many readable bytes read_padded_record needs after a record (simdjson's padding).
inline constexpr std::size_t k_record_padding = 64;

/// Same, without copying the record: `bytes` must be followed by a newline and then at least
/// k_record_padding - 1 more readable bytes, whatever they are. (The parser reads past the end of
/// what it parses; simdjson 3.0.1 takes a '}' right after an unbalanced record for its end, so the
/// byte after a record is fixed to be one it cannot take for JSON.)
std::optional<RecordError> read_padded_record(std::string_view bytes, RecordKind kind, Record& out,
                                              RecordKeys keys = RecordKeys::case_fields);

}  // namespace lmsstage::cli
