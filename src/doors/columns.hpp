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

#include "doors/records.hpp"
#include "doors/result_schema.hpp"
#include "lmsstage/result.hpp"
#include "naaccr/naaccr.hpp"

namespace lmsstage::doors {

/// How batch writes each record: the full result object (as lmsstage --json), or chosen columns.
enum class OutputFormat : std::uint8_t { json, ndjson, csv, tsv };

/// A column: a member of the result schema (doors/result_schema.hpp), or an input column passed
/// through (batch --keep).
struct Column {
    const Member* member = nullptr;      ///< nullptr: a kept input column
    std::string name;                    ///< as selected: the CSV header, the NDJSON key
    std::string json_name;               ///< the name as a JSON string, quotes included (a kept name may need escaping)
    std::size_t run_end = 0;             ///< columns rendered together with this one, up to this index (0: none)
    std::size_t kept = 0;                ///< a kept column: its index in RecordView::kept
    const MemberGroup* group = nullptr;  ///< the member's group (member_group): null where a record has none
};

/// The columns of an output, and which staging work they need.
struct ColumnSet {
    std::vector<Column> columns;
    bool trace = false;      ///< some column reads the rule trace
    bool texts = false;      ///< some column reads the assumptions or warnings
    bool notes = false;      ///< some column reads the notes
    bool naaccr = false;     ///< some column is a NAACCR output item
    bool raw_cells = false;  ///< CSV/TSV cells as they came (csv::Dialect::raw_cells)
    std::uint64_t id = 0;    ///< tells sets apart in the per-thread store of rendered cells
};

/// id, ok, system, stage, possible_stages, T, N, M, G, summary_stage, survival_percent,
/// survival_table, error_field, error_message, warnings, assumptions; then the NAACCR output items
/// when `naaccr`.
ColumnSet default_columns(bool naaccr);
/// The names of the default set but the NAACCR output items, in order (for help and messages).
std::vector<std::string_view> default_column_names();

/// The columns named in a --columns list (comma-separated; "default" stands for the default set),
/// or why it cannot be used: an unknown name (with the nearest one), a name given twice, an empty list.
std::variant<ColumnSet, std::string> parse_columns(std::string_view list, bool naaccr);

/// The set with the id first, then the input columns `kept` names (RecordView::kept, in order), then
/// the other columns of `set`; or why not: a kept name that is also a column of the set.
std::variant<ColumnSet, std::string> with_kept(const ColumnSet& set, std::span<const std::string> kept);

/// Every column name, in the result schema's order, for help and messages.
std::string column_names();
/// The column names but the NAACCR output items, comma-separated, in the result schema's order.
std::string column_list();

/// One output row: a staged result, or an error.
using RowView = RecordView;

/// The header row (CSV and TSV; nothing for NDJSON).
void append_header(std::string& out, const ColumnSet& set, OutputFormat format);
/// One row, with its line end.
void append_row(std::string& out, const ColumnSet& set, const RowView& row, OutputFormat format);

}  // namespace lmsstage::doors
