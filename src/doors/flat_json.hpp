#pragma once
// One JSON value as a case field takes it, and a quick reading of the commonest record: one flat
// object whose keys and strings are printable ASCII without escapes, and whose values are strings,
// numbers, true, false or null. Any other record (an escape, a byte outside printable ASCII, an
// object or array value, any fault at all) is not read here: the full parser (cli/record_reader)
// reads it, gives the same values for what both read, and words each fault.

#include <string_view>
#include <vector>

namespace lmsstage::doors {

/// A JSON value as a field takes it: a string (decoded), a number (its token), a boolean; objects,
/// arrays and null only by their type.
struct JsonValue {
    enum class Type { string, number, boolean, null, object, array } type = Type::null;
    std::string_view text;  ///< the decoded string, or the number's token
    std::string_view raw;   ///< as written (or the type's name for an object or array), for messages
    bool boolean = false;
};

/// A member of a flat object: its key (as written: it has no escapes) and its value.
struct FlatMember {
    std::string_view key;
    JsonValue value;
};

/// The members of `bytes`, in order, when the record is a flat object as above (blank space
/// around any token); false, and `members` to be ignored, when it is anything else. At least 15
/// readable bytes must follow `bytes` (they are read, whatever they are, and not taken).
bool read_flat_object(std::string_view bytes, std::vector<FlatMember>& members);

/// True when `token` follows the JSON number grammar (RFC 8259).
bool is_json_number(std::string_view token);

}  // namespace lmsstage::doors
