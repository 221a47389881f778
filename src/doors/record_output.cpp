#include "doors/record_output.hpp"

#include "doors/columns.hpp"
#include "doors/naaccr_xml.hpp"
#include "doors/render_fhir.hpp"
#include "doors/render_json.hpp"

namespace lmsstage::doors {
namespace {

/// The kept input columns as members of the JSON object written from `start`: after its id, or
/// first when it has none; a blank cell is null.
void splice_kept(std::string& out, std::size_t start, const RecordFormat& format, const RecordView& view) {
    if (format.keep.empty()) {
        return;
    }
    thread_local std::string members;
    members.clear();
    for (std::size_t i = 0; i < format.keep.size(); ++i) {
        append_json_string(members, format.keep[i]);
        members += ':';
        const std::string_view cell = i < view.kept.size() ? std::string_view(view.kept[i]) : "";
        if (cell.empty()) {
            members += "null";
        } else {
            append_json_string(members, cell);
        }
        members += ',';
    }
    std::size_t at = start + 1;  // after '{'
    const std::string_view id_member = "\"id\":";
    if (!view.id_json.empty() && std::string_view(out).substr(at, id_member.size()) == id_member) {
        at += id_member.size() + view.id_json.size() + 1;  // after the id and its comma
    }
    out.insert(at, members);
}

}  // namespace

void append_record(std::string& out, const RecordFormat& format, const ColumnSet& columns, const RecordView& view,
                   const Case& input, std::string_view tumor) {
    const bool error = view.result == nullptr;
    switch (format.writer) {
        case Writer::naaccr_xml:
            if (!tumor.empty()) {
                append_xml_tumor(out, tumor, view.naaccr, error ? view.error_message : std::string_view());
            } else {
                // A problem of the input itself (a tumour's own error is a comment in its Tumor).
                append_xml_comment(out,
                                   (view.error_field.empty() ? std::string() : std::string(view.error_field) + ": ") +
                                       std::string(view.error_message));
            }
            return;
        case Writer::fhir:
            if (error) {
                append_fhir_outcome(out, view.error_field, view.error_message, view.id_text, view.place);
            } else {
                append_fhir_bundle(out, *view.result, input, view.id_text, view.place);
            }
            out += '\n';
            return;
        case Writer::records: break;
    }
    if (format.to != OutputFormat::json) {
        append_row(out, columns, view, format.to);
        return;
    }
    const std::size_t start = out.size();
    if (error) {
        append_error_json(out, view.error_field, view.error_message, view.id_json, view.place);
    } else {
        append_result_json(out, view);
    }
    splice_kept(out, start, format, view);
    out += '\n';
}

}  // namespace lmsstage::doors
