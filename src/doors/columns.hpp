#pragma once
// Chosen columns of a staged result, as CSV, TSV or compact NDJSON rows (batch --to, --columns):
// the flat form registries, spreadsheets, DuckDB and data frames read. Each column is a field of the
// result record named by its dotted path (survival.table, categories.T), or a NAACCR output item.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "doors/render_json.hpp"
#include "lmsstage/result.hpp"
#include "naaccr/naaccr.hpp"

namespace lmsstage::doors {

/// How batch writes each record: the full result object (as lmsstage --json), or chosen columns.
enum class OutputFormat : std::uint8_t { json, ndjson, csv, tsv };

/// What a column holds.
enum class ColumnKind : std::uint8_t {
    id,
    ok,
    file,
    line,
    row,
    index,
    system_id,
    system_name,
    t,
    n,
    m,
    g,
    mitotic_rate,
    stage,
    possible_stages,
    summary_stage,
    survival_table,
    survival_title,
    survival_matched,
    survival_percent,
    survival_measure,
    survival_source,
    survival_cohort,
    survival_taken,
    survival_cited_in,
    survival_population,
    survival_rows,
    survival_note,
    assumptions,
    warnings,
    notes,
    trace,
    version,
    error_field,
    error_message,
    naaccr,  ///< a NAACCR output item (naaccr::output_item_ids()[naaccr_index])
};

struct Column {
    ColumnKind kind;
    std::string name;  ///< as selected: the CSV header, the NDJSON key
    std::size_t naaccr_index = 0;
    std::size_t run_end = 0;  ///< columns rendered together with this one, up to this index (0: none)
};

/// The columns of an output, and which staging work they need.
struct ColumnSet {
    std::vector<Column> columns;
    bool trace = false;      ///< some column reads the rule trace
    bool texts = false;      ///< some column reads the assumptions, warnings or notes
    bool naaccr = false;     ///< some column is a NAACCR output item
    bool raw_cells = false;  ///< CSV/TSV cells as they came (csv::Dialect::raw_cells)
    std::uint64_t id = 0;    ///< tells sets apart in the per-thread store of rendered cells
};

/// id, ok, system, stage, possible_stages, T, N, M, G, summary_stage, survival_percent,
/// survival_table, error_field, error_message; then the NAACCR output items when `naaccr`.
ColumnSet default_columns(bool naaccr);

/// The columns named in a --columns list (comma-separated; "default" stands for the default set),
/// or why it cannot be used: an unknown name (with the nearest one), a name given twice, an empty list.
std::variant<ColumnSet, std::string> parse_columns(std::string_view list, bool naaccr);

/// Every column name, in catalogue order, for help and messages.
std::string column_names();

/// One output row: a staged result, or an error.
struct RowView {
    std::string_view id_json;  ///< the record's id as JSON text (empty: none)
    std::string_view id_text;  ///< the same as text: a string's contents, a number's digits
    RecordPlace place;
    const Result* result = nullptr;  ///< nullptr: the record is an error
    std::string_view error_field;
    std::string_view error_message;
    std::span<const naaccr::OutputItem> naaccr;  ///< empty unless the columns need them
};

/// The header row (CSV and TSV; nothing for NDJSON).
void append_header(std::string& out, const ColumnSet& set, OutputFormat format);
/// One row, with its line end.
void append_row(std::string& out, const ColumnSet& set, const RowView& row, OutputFormat format);

}  // namespace lmsstage::doors
