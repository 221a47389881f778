#include "cli/csv_records.hpp"

#include <algorithm>
#include <unordered_map>

#include "cli/interrupt.hpp"
#include "cli/json_fields.hpp"
#include "cli/registry.hpp"
#include "doors/render_json.hpp"
#include "doors/safe_text.hpp"
#include "naaccr/tables.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;
namespace {

/// A header name as a key: "--bladder-rectum", "bladder-rectum" and "Bladder_Rectum" are
/// "bladder_rectum".
std::string key_of(std::string_view name) {
    if (name.substr(0, 2) == "--") {
        name.remove_prefix(2);
    }
    std::string key(name);
    std::replace(key.begin(), key.end(), '-', '_');
    return key;
}

RecordError header_error(std::size_t column, std::string_view name, const std::string& message) {
    return RecordError{shorten(name), "header, column " + std::to_string(column) + ": " + message, false, false};
}

/// A case field named in any letter case ("ID", "Size"), or nullptr.
const FieldSpec* field_named(const std::string& key) {
    const FieldSpec* spec = find_field_by_key(key);
    return spec != nullptr ? spec : find_field_by_key(lowercase(key));
}

/// A NAACCR-keyed column: an item by its id (in any letter case) or number, or a case field.
NaaccrKey naaccr_column(const std::string& key) {
    NaaccrKey role = classify_naaccr_key(key, false);
    if (role.kind != NaaccrKey::Kind::refused || find_field_by_key(key) != nullptr) {
        return role;
    }
    if (const naaccr::ItemRow* item = naaccr::find_dictionary_item_loosely(key)) {
        return classify_naaccr_key(item->id, false);
    }
    if (find_field_by_key(lowercase(key)) != nullptr) {
        return classify_naaccr_key(lowercase(key), false);
    }
    return role;  // no item and no field: the caller passes it over
}

/// One header cell as a column; the error when it names what lmsstage refuses (a case field the
/// NAACCR mapping derives). A name that is no case field (nor, with --naaccr, a NAACCR item) is a
/// column passed over.
std::optional<RecordError> read_column(std::size_t number, std::string_view cell, bool naaccr, CsvHeader::Column& out) {
    const std::string_view name = trimmed(cell);
    out.name = std::string(name);
    if (name.empty()) {
        out.kind = CsvHeader::Column::Kind::unnamed;
        return std::nullopt;
    }
    const std::string key = key_of(name);
    if (!naaccr) {
        out.spec = field_named(key);
        out.kind = out.spec == nullptr ? CsvHeader::Column::Kind::other : CsvHeader::Column::Kind::field;
        return std::nullopt;
    }
    const NaaccrKey role = naaccr_column(key);
    switch (role.kind) {
        case NaaccrKey::Kind::item:
            out.kind = CsvHeader::Column::Kind::item;
            out.item = role.item->item;
            out.naaccr_id = role.item->id;
            break;
        case NaaccrKey::Kind::case_field:
            out.kind = CsvHeader::Column::Kind::field;
            out.spec = role.spec;
            break;
        case NaaccrKey::Kind::passed_over:
            out.kind = CsvHeader::Column::Kind::passed_over;
            if (const naaccr::ItemRow* item = naaccr::find_dictionary_item_loosely(key)) {
                out.naaccr_id = item->id;
            }
            break;
        case NaaccrKey::Kind::refused:
            if (find_field_by_key(key) != nullptr || find_field_by_key(lowercase(key)) != nullptr) {
                return header_error(number, name, role.problem);
            }
            out.kind = CsvHeader::Column::Kind::other;
            break;
    }
    return std::nullopt;
}

/// The column a --keep name picks: the first whose header text, or NAACCR item id (a header may give
/// its number), is the name in any letter case.
std::optional<std::size_t> kept_column(const CsvHeader& header, const std::string& name) {
    const std::string wanted = lowercase(name);
    for (std::size_t i = 0; i < header.columns.size(); ++i) {
        if (lowercase(header.columns[i].name) == wanted || lowercase(header.columns[i].naaccr_id) == wanted) {
            return i;
        }
    }
    return std::nullopt;
}

/// The message for a --keep name that no column of the header has.
std::string not_in_header(const CsvHeader& header, const std::string& name) {
    Closest closest(name);
    std::string names;
    for (const CsvHeader::Column& column : header.columns) {
        closest.consider(column.name);
        if (names.size() < 400) {
            names += names.empty() ? "" : ", ";
            names += printable(column.name);
        }
    }
    return "header: --keep " + printable(name) + ": no such column" + did_you_mean(printable(closest.suggestion())) +
           "; the columns: " + names;
}

/// The message for a column that names what an earlier one already does (written piece by piece:
/// g++ 12 reports a false -Wrestrict on a long chain of string additions).
std::string repeated(const CsvHeader::Column& column, std::size_t earlier, const CsvHeader::Column& first) {
    std::string message = "\"";
    message += echo(column.name);
    message += "\" names the same ";
    message += column.kind == CsvHeader::Column::Kind::item ? "NAACCR item" : "field";
    message += " as column ";
    message += std::to_string(earlier);
    message += " (\"";
    message += echo(first.name);
    message += "\"): each is given once";
    return message;
}

struct RowCells {
    std::vector<std::string_view> cells;
    std::string scratch;
};

RowCells& row_cells() {
    thread_local RowCells state;
    return state;
}

/// True when a text is written as a JSON string as it is: printable ASCII without quote or backslash.
bool plain_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x20U && byte < 0x7FU && c != '"' && c != '\\';
    });
}

/// The error of a row that is not valid UTF-8: the first such cell's column, and what to type.
RecordError not_utf8(const std::vector<std::string_view>& cells, const CsvHeader& header) {
    std::size_t i = 0;
    while (i + 1 < cells.size() && is_valid_utf8(cells[i])) {
        ++i;
    }
    const std::string name = i < header.columns.size() ? header.columns[i].name : std::string();
    return RecordError{valid_utf8(shorten(name)),
                       "column " + std::to_string(i + 1) +
                           " is not valid UTF-8; if the file was saved by Excel or another Windows program, "
                           "add --encoding windows-1252 (or --encoding latin-1)",
                       false, false};
}

/// The id cell, read first so that an error row still carries it: a JSON string.
void read_id(std::string_view cell, Record& out) {
    out.id_text.assign(cell);
    if (plain_ascii(cell)) {
        out.id_json.reserve(cell.size() + 2);
        out.id_json += '"';
        out.id_json += cell;
        out.id_json += '"';
    } else {
        append_json_string(out.id_json, valid_utf8(cell));
    }
}

/// The row's id: its id cell, or with --naaccr and no id column "patient/tumour" (CsvHeader);
/// `cell_at(column)` is a cell's text, nullopt when the row has no such cell or it cannot be read.
template <typename CellAt>
void read_row_id(const CsvHeader& header, const CellAt& cell_at, Record& out) {
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    if (header.id_column != none) {
        if (const std::optional<std::string_view> cell = cell_at(header.id_column); cell && !cell->empty()) {
            read_id(*cell, out);
        }
        return;
    }
    const std::optional<std::string_view> patient = cell_at(header.patient_column);
    if (!patient || trimmed(*patient).empty()) {
        return;
    }
    std::string id(trimmed(*patient));
    if (const std::optional<std::string_view> tumor = cell_at(header.tumor_column); tumor && !trimmed(*tumor).empty()) {
        id += '/';
        id += trimmed(*tumor);
    }
    read_id(id, out);
}

}  // namespace

std::optional<RecordError> read_csv_header(std::string_view row, const csv::Dialect& dialect, bool naaccr,
                                           CsvHeader& out, std::span<const std::string> keep, bool blank_unknown) {
    out = CsvHeader{};
    out.dialect = dialect;
    out.naaccr = naaccr;
    RowCells& state = row_cells();
    if (auto problem = csv::split_cells(row, dialect, state.cells, state.scratch)) {
        return RecordError{"", "header: " + *problem, false, false};
    }
    // Where each field and item was first named: one lookup a column, so that the check is linear
    // in the number of columns.
    std::unordered_map<const FieldSpec*, std::size_t> fields;
    std::unordered_map<int, std::size_t> items;
    out.columns.reserve(state.cells.size());
    for (std::size_t i = 0; i < state.cells.size(); ++i) {
        if (i % 4096 == 4095 && stop_signal() != 0) {
            return RecordError{
                "", "header: not read to its end (stopped by " + std::string(signal_name(stop_signal())) + ")", false,
                false};
        }
        CsvHeader::Column column;
        if (auto error = read_column(i + 1, state.cells[i], naaccr, column)) {
            return error;
        }
        std::optional<std::size_t> earlier;
        if (column.kind == CsvHeader::Column::Kind::field) {
            const auto [at, added] = fields.emplace(column.spec, i);
            earlier = added ? std::nullopt : std::optional(at->second);
        } else if (column.kind == CsvHeader::Column::Kind::item) {
            const auto [at, added] = items.emplace(static_cast<int>(column.item), i);
            earlier = added ? std::nullopt : std::optional(at->second);
        }
        if (earlier) {
            return header_error(i + 1, column.name, repeated(column, *earlier + 1, out.columns[*earlier]));
        }
        if (column.kind == CsvHeader::Column::Kind::field && column.spec->kind == ValueKind::id) {
            out.id_column = out.columns.size();
        } else if (column.naaccr_id == "patientIdNumber") {
            out.patient_column = out.columns.size();
        } else if (column.naaccr_id == "tumorRecordNumber") {
            out.tumor_column = out.columns.size();
        }
        out.columns.push_back(std::move(column));
    }
    out.cells.reserve(out.columns.size());
    for (const CsvHeader::Column& column : out.columns) {
        using Kind = CsvHeader::Column::Kind;
        using Action = CsvHeader::Cell::Action;
        const bool field = column.kind == Kind::field && column.spec->kind != ValueKind::id;
        const Action action = field                          ? Action::field
                              : column.kind == Kind::item    ? Action::item
                              : column.kind == Kind::unnamed ? Action::unnamed
                                                             : Action::none;
        out.cells.push_back(CsvHeader::Cell{action, field && blank_unknown, column.item, column.spec});
    }
    for (const std::string& name : keep) {
        const std::optional<std::size_t> at = kept_column(out, name);
        if (!at) {
            return RecordError{shorten(name), not_in_header(out, name), false, false};
        }
        out.kept.push_back(*at);
        out.columns[*at].kept = true;
    }
    return std::nullopt;
}

std::vector<std::string> CsvHeader::passed_over() const {
    std::vector<std::string> names;
    for (const Column& column : columns) {
        if (column.kind == Column::Kind::other && !column.kept) {
            names.push_back(column.name);
        }
    }
    return names;
}

std::optional<RecordError> read_csv_record(std::string_view row, const CsvHeader& header, Record& out) {
    out.clear();
    RowCells& state = row_cells();
    if (auto problem = csv::split_cells(row, header.dialect, state.cells, state.scratch)) {
        // The row was framed whole: the id's cells are read as framing found them, when they
        // are well-formed themselves.
        const std::vector<std::optional<std::string>> cells = csv::split_cells_leniently(row, header.dialect);
        read_row_id(
            header,
            [&](std::size_t column) {
                return column < cells.size() && cells[column] ? std::optional<std::string_view>(*cells[column])
                                                              : std::nullopt;
            },
            out);
        return RecordError{"", *problem, false, true};
    }
    const std::vector<std::string_view>& cells = state.cells;
    read_row_id(
        header,
        [&](std::size_t column) {
            return column < cells.size() ? std::optional<std::string_view>(cells[column]) : std::nullopt;
        },
        out);
    for (const std::size_t column : header.kept) {
        out.kept.emplace_back(column < cells.size() ? valid_utf8(cells[column]) : std::string());
    }
    if (!is_valid_utf8(row)) {
        return not_utf8(cells, header);
    }
    if (cells.size() != header.columns.size()) {
        return RecordError{"",
                           "the row has " + std::to_string(cells.size()) + (cells.size() == 1 ? " cell" : " cells") +
                               ", the header has " + std::to_string(header.columns.size()),
                           false, true};
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const CsvHeader::Cell& plan = header.cells[i];
        const std::string_view cell = cells[i];
        if (cell.empty()) {
            if (plan.blank_unknown) {
                // --blank unknown: where the field takes "unknown"; else (site, histology) not given.
                static_cast<void>(set_from_text(out.input, *plan.spec, "unknown"));
            }
            continue;  // not given
        }
        switch (plan.action) {
            case CsvHeader::Cell::Action::field:
                // A cell is what a JSON string is: set_from_text, and the JSON door's message when
                // it fails (assign_json reads the same text again, into the same error).
                if (set_from_text(out.input, *plan.spec, cell)) {
                    return assign_json(out.input, *plan.spec, JsonValue{JsonValue::Type::string, cell, cell, false});
                }
                break;
            case CsvHeader::Cell::Action::item: out.naaccr.set(plan.item, cell); break;
            case CsvHeader::Cell::Action::unnamed:
                return RecordError{"",
                                   "column " + std::to_string(i + 1) +
                                       " has no name in the header, but this row gives it a value: " + shorten(cell),
                                   false, false};
            case CsvHeader::Cell::Action::none: break;
        }
    }
    return std::nullopt;
}

bool is_empty_row(std::string_view row, const csv::Dialect& dialect) noexcept {
    return std::all_of(row.begin(), row.end(), [&](char c) { return c == dialect.delimiter; });
}

}  // namespace lmsstage::cli
