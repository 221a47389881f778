#pragma once
// One JSON value of a record -> one case field, through the field table (cli/fields.hpp), by the
// field's ValueKind alone: no code per field, so new fields and new words ("unknown") are taken up
// without edits here. Which JSON types a kind takes is the contract's (interface.md): numbers as
// JSON numbers, yes/no as true/false, words as strings.

#include <optional>
#include <string>
#include <string_view>

#include "cli/record_reader.hpp"
#include "doors/fields.hpp"
#include "doors/flat_json.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;

/// Puts `given` into the field `spec` of `c`; the error names the field and says what to write.
std::optional<RecordError> assign_json(Case& c, const FieldSpec& spec, const JsonValue& given);

/// The error for an unknown key, with the nearest key ("did you mean") and the accepted ones.
RecordError unknown_key(std::string_view key, bool check_keys);

/// At most 40 bytes of `text` for a message, cut at a UTF-8 character boundary, "..." when cut.
std::string shorten(std::string_view text);

}  // namespace lmsstage::cli
