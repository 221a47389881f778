#pragma once
// Results and errors as JSON, written directly into a string (one object, no trailing newline).
// Key order is the contract's; the same writer serves single cases and batch.

#include <optional>
#include <string>
#include <string_view>

#include "doors/records.hpp"
#include "doors/result_schema.hpp"
#include "lmsstage/result.hpp"

namespace lmsstage::doors {

/// Appends `text` as a JSON string literal (quotes included), escaping as RFC 8259 requires.
void append_json_string(std::string& out, std::string_view text);

/// A compact streaming JSON writer for documents other than results (`rules --json`): the same
/// string escaping as the result records, numbers written as their text ("82.4", "37"), commas
/// placed for the caller.
class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : m_out(out) {}
    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    /// The key of the next value in an object.
    JsonWriter& key(std::string_view name);
    JsonWriter& string(std::string_view text);
    JsonWriter& number(std::string_view text);  ///< a number as written
    JsonWriter& boolean(bool value);
    JsonWriter& null();
    /// An array of strings.
    template <typename Range>
    JsonWriter& strings(const Range& items) {
        begin_array();
        for (const auto& item : items) {
            string(item);
        }
        return end_array();
    }

private:
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);
    void before_value();
    std::string& m_out;
    std::string m_first;  ///< per open container: '1' until its first element is written
    bool m_after_key = false;
};

/// Appends the result object of a staged record (view.result set), its members as the result
/// schema lists them: the id when the record has one, the NAACCR codes when view.naaccr has them.
void append_result_json(std::string& out, const RecordView& view);
/// The same for a result alone. `id_json` is the record's id as raw JSON text (empty: no id key).
void append_result_json(std::string& out, const Result& result, std::string_view id_json);
/// Appends the error object for an invalid record.
void append_error_json(std::string& out, const CaseError& error, std::string_view id_json, RecordPlace place);
/// Same, for a record that could not be read as a case at all (field may be empty: not one field's fault).
void append_error_json(std::string& out, std::string_view field, std::string_view message, std::string_view id_json,
                       RecordPlace place);

}  // namespace lmsstage::doors
