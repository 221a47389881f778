// fuzz_record: one record's bytes -> exactly what `lmsstage batch` does for one record
// (src/cli/batch.cpp, process(): read_record, then lmsstage::stage, then the JSON writer).
//
// Properties checked beyond "no crash, no leak, no UB":
//  - the output object is exactly one line (no newline inside it);
//  - it parses as a JSON object (strict, UTF-8 checked; numbers of any range, see json_inspect.hpp)
//    with no key given twice;
//  - "ok" is a bool; ok true: "stage" is null or a member of "possible_stages" (and then the only
//    one), a null stage never hides a single possible stage; ok false: "error" is an object whose
//    "message" is a non-empty string and "field" a string or null;
//  - a record's id is echoed back untouched (its JSON text as written);
//  - the output does not depend on what the reused Record/Result held before (batch reuses them);
//  - read_padded_record (batch's path: the record parsed in place, followed by a newline and other
//    bytes) gives exactly what read_record gives, whatever those other bytes are;
//  - the flat reading (doors/flat_json) gives what simdjson gives: a record read as batch reads
//    it (flat when it can be) and as check reads it (always simdjson) gives the same case, id and
//    error;
//  - read_record and nlohmann_json agree on JSON syntax: a record read without any error is a JSON
//    object for nlohmann_json too, and a JSON object (nested at most 64 deep) is never reported as
//    invalid JSON (a field's value may still be refused).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cli/record_reader.hpp"
#include "doors/render_json.hpp"
#include "fuzz_check.hpp"
#include "json_inspect.hpp"
#include "lmsstage/lmsstage.hpp"

namespace {

using lmsstage::Result;
using lmsstage::cli::Record;
using lmsstage::cli::RecordKind;
using lmsstage::doors::RecordError;
using lmsstage::doors::RecordPlace;

struct Outcome {
    std::string line;  ///< the output object, without batch's trailing '\n'
    std::optional<RecordError> read_error;
    std::string id_json;
};

/// batch.cpp's process() for one item without a framing problem.
Outcome process_one(std::string_view bytes, Record& record, Result& result) {
    Outcome o;
    const RecordPlace place = RecordPlace::at_line(1);
    if (auto error = read_record(bytes, RecordKind::batch, record)) {
        lmsstage::doors::append_error_json(o.line, error->field, error->message, record.id_json, place);
        o.read_error = std::move(error);
    } else if (auto invalid = lmsstage::stage(record.input, result)) {
        lmsstage::doors::append_error_json(o.line, *invalid, record.id_json, place);
    } else {
        lmsstage::doors::append_result_json(o.line, result, record.id_json);
    }
    o.id_json = record.id_json;
    return o;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

/// The reader's own syntax verdict: the record is not valid JSON, or not an object.
bool is_syntax_error(const std::optional<RecordError>& e) {
    return e && (e->syntax || starts_with(e->message, "a record must be a JSON object"));
}

/// read_padded_record on the bytes followed by a newline and `after` (repeated to fill the padding).
std::string padded_outcome(std::string_view bytes, char after) {
    std::string buffer(bytes);
    buffer += '\n';
    buffer.append(lmsstage::cli::k_record_padding, after);
    Record record;
    const auto error =
        lmsstage::cli::read_padded_record(std::string_view(buffer.data(), bytes.size()), RecordKind::batch, record);
    return error ? "error " + error->field + ": " + error->message + " id " + record.id_json
                 : "ok id " + record.id_json;
}

void fail_with(std::string_view input, std::string_view output, const char* what) {
    lmsstage_fuzz::print_escaped("input", input);
    lmsstage_fuzz::print_escaped("output", output);
    FUZZ_CHECK(false, what);
}

#define RECORD_CHECK(cond, what)                             \
    do {                                                     \
        if (!(cond)) {                                       \
            fail_with(bytes, out.line, what " (" #cond ")"); \
        }                                                    \
    } while (0)

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    // Fresh state, as for the first record of a batch.
    Record fresh_record;
    Result fresh_result;
    const Outcome out = process_one(bytes, fresh_record, fresh_result);

    // Reused state, as for every later record a batch worker stages.
    static Record reused_record;
    static Result reused_result;
    const Outcome again = process_one(bytes, reused_record, reused_result);
    RECORD_CHECK(again.line == out.line, "output depends on the previous record (reused Record/Result)");

    // Parsed in place, followed by any bytes: the same verdict as from a copy.
    const std::string copied =
        out.read_error ? "error " + out.read_error->field + ": " + out.read_error->message + " id " + out.id_json
                       : "ok id " + out.id_json;
    for (const char after : {'}', '"', '1', '\0', ']'}) {
        RECORD_CHECK(padded_outcome(bytes, after) == copied, "read_padded_record differs from read_record");
    }

    // The flat reading (doors/flat_json) and simdjson's agree: a check record is always read by
    // simdjson, and for the keys both kinds take (no "expect" or "source") reads as a batch one,
    // but for the nearest key and the list of accepted keys an unknown key's message gives.
    if (bytes.find("expect") == std::string_view::npos && bytes.find("source") == std::string_view::npos) {
        Record checked;
        const auto error = lmsstage::cli::read_record(bytes, RecordKind::check, checked);
        const auto cut = [](const std::string& message) {  // the hint and the list may name expect and source
            return message.substr(0, std::min(message.find(" (did you mean"), message.find("; accepted fields:")));
        };
        RECORD_CHECK(error.has_value() == out.read_error.has_value(), "a batch and a check record read differently");
        RECORD_CHECK(
            !error || (error->field == out.read_error->field && cut(error->message) == cut(out.read_error->message) &&
                       error->syntax == out.read_error->syntax && error->bad_value == out.read_error->bad_value),
            "a batch and a check record give different errors");
        RECORD_CHECK(checked.id_json == fresh_record.id_json && checked.id_text == fresh_record.id_text,
                     "a batch and a check record give different ids");
        // Compared by what they stage to: a size of "nan" is read alike, but NaN is not equal to itself.
        Result staged;
        std::string line;
        if (!error) {
            if (auto invalid = lmsstage::stage(checked.input, staged)) {
                lmsstage::doors::append_error_json(line, *invalid, checked.id_json, RecordPlace::at_line(1));
            } else {
                lmsstage::doors::append_result_json(line, staged, checked.id_json);
            }
        }
        RECORD_CHECK(error || line == out.line, "a batch and a check record give different cases");
    }

    // One line.
    RECORD_CHECK(out.line.find('\n') == std::string::npos, "output object contains a newline");
    RECORD_CHECK(!out.line.empty(), "empty output");

    // A JSON object, no repeated key.
    const lmsstage_fuzz::Inspected parsed = lmsstage_fuzz::inspect_json(out.line);
    RECORD_CHECK(parsed.parsed, "output is not valid JSON");
    const nlohmann::json& j = parsed.value;
    RECORD_CHECK(j.is_object(), "output is not a JSON object");
    RECORD_CHECK(!parsed.duplicate_key, "output object repeats a key");

    RECORD_CHECK(j.contains("ok") && j["ok"].is_boolean(), "ok is not a bool");
    if (j["ok"].get<bool>()) {
        RECORD_CHECK(j.contains("stage") && j.contains("possible_stages"), "stage or possible_stages missing");
        const nlohmann::json& stage = j["stage"];
        const nlohmann::json& possible = j["possible_stages"];
        RECORD_CHECK(possible.is_array(), "possible_stages is not an array");
        for (const auto& s : possible) {
            RECORD_CHECK(s.is_string(), "possible_stages holds a non-string");
        }
        if (!stage.is_null()) {
            RECORD_CHECK(stage.is_string(), "stage is neither null nor a string");
            bool member = false;
            for (const auto& s : possible) {
                member = member || s == stage;
            }
            RECORD_CHECK(member, "stage is not a member of possible_stages");
            RECORD_CHECK(possible.size() == 1, "a determined stage with other possible stages");
        } else {
            RECORD_CHECK(possible.size() != 1, "stage null although exactly one stage is possible");
        }
    } else {
        RECORD_CHECK(j.contains("error") && j["error"].is_object(), "ok false without an error object");
        const nlohmann::json& error = j["error"];
        RECORD_CHECK(
            error.contains("message") && error["message"].is_string() && !error["message"].get<std::string>().empty(),
            "error.message is not a non-empty string");
        RECORD_CHECK(error.contains("field") && (error["field"].is_string() || error["field"].is_null()),
                     "error.field is neither a string nor null");
    }

    // The id comes back untouched: its JSON text as written in the record, first in the object.
    if (!out.id_json.empty()) {
        RECORD_CHECK(j.contains("id"), "the record's id is not echoed");
        RECORD_CHECK(bytes.find(out.id_json) != std::string_view::npos, "the id is not text of the record");
        RECORD_CHECK(starts_with(out.line, "{\"id\":" + out.id_json + ",\"ok\":"), "the id is not echoed as written");
    } else {
        RECORD_CHECK(!j.contains("id"), "an id is echoed for a record without one");
    }

    // Syntax verdicts agree with nlohmann_json.
    const lmsstage_fuzz::Inspected in = lmsstage_fuzz::inspect_json(bytes);
    const bool reader_syntax_error = is_syntax_error(out.read_error);
    if (!out.read_error) {
        RECORD_CHECK(in.parsed && in.value.is_object(), "read_record accepted a record that is not a JSON object");
    }
    const bool bom = starts_with(bytes, "\xEF\xBB\xBF");  // nlohmann_json skips it; records may not start with one
    if (in.parsed && in.value.is_object() && in.max_depth <= 64 && !bom) {
        RECORD_CHECK(!reader_syntax_error, "read_record reports invalid JSON for a valid JSON object");
    }
    return 0;
}
