#pragma once
// One output record for each input record (batch): the staged result or the error, as the run
// writes them: full result objects (JSON), chosen columns (NDJSON, CSV, TSV), FHIR bundles, or the
// Tumors of a NAACCR XML document written back.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "doors/result_schema.hpp"

namespace lmsstage::doors {

enum class OutputFormat : std::uint8_t;  // doors/columns.hpp
struct ColumnSet;

/// What writes the output: result objects or rows (RecordFormat::to), NAACCR XML, or FHIR.
enum class Writer : std::uint8_t { records, naaccr_xml, fhir };

/// How each record is written.
struct RecordFormat {
    Writer writer = Writer::records;
    OutputFormat to{};              ///< Writer::records: json (the first: the full result objects), or rows
    std::vector<std::string> keep;  ///< the input columns passed through (batch --keep), in order
};

/// Appends one record's output: its result (view.result set) or its error, and its line end; rows
/// have the `columns`. `input` is the case staged (FHIR reads it). With Writer::naaccr_xml, `tumor` is the record's
/// encoded Tumor (doors/naaccr_xml.hpp), written back with view.naaccr's codes, or unchanged with
/// the error as a comment; a record without a Tumor (a fault of the input) is a comment alone.
void append_record(std::string& out, const RecordFormat& format, const ColumnSet& columns, const RecordView& view,
                   const Case& input, std::string_view tumor = {});

}  // namespace lmsstage::doors
