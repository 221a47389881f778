#pragma once
// CSV and TSV rows as records (batch --from csv|tsv): the header row names the columns, each data
// row is one record. A column is a case field (its JSON key, or its option spelling: bladder-rectum,
// --bladder-rectum, in any letter case), "id", or with --naaccr a NAACCR item id or number
// (cli/registry.hpp); any other column is passed over, or carried through with --keep. Each cell goes into
// the case through the field table exactly as a JSON string does (cli/json_fields.hpp), so the
// values and the error messages are those of the other doors. An empty cell is a value not given.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/csv.hpp"
#include "cli/record_reader.hpp"
#include "doors/fields.hpp"
#include "naaccr/naaccr.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;

/// The columns of one CSV/TSV input, read from its header row.
struct CsvHeader {
    struct Column {
        enum class Kind {
            field,        ///< a case field (`spec`), or the id
            item,         ///< a NAACCR item lmsstage reads (`item`)
            passed_over,  ///< another NAACCR item (--naaccr)
            other,        ///< no case field (nor, with --naaccr, NAACCR item): passed over with a warning
            unnamed,      ///< an empty header cell: its cells must be empty too
        };
        Kind kind = Kind::unnamed;
        const FieldSpec* spec = nullptr;
        naaccr::Item item = naaccr::Item::primary_site;
        std::string name;
        std::string naaccr_id;  ///< item, passed_over: the item's id (the header may give its number)
        bool kept = false;      ///< named by --keep
    };
    /// What reading a row does with a column's cell: `columns` folded into what the row loop reads
    /// (read_csv_header fills it).
    struct Cell {
        enum class Action : std::uint8_t {
            none,     ///< the id (read first), or a column passed over
            field,    ///< read into the case field `spec`
            item,     ///< read into the NAACCR item `item`
            unnamed,  ///< must be empty
        };
        Action action = Action::none;
        bool blank_unknown = false;  ///< an empty cell reads as "unknown" (--blank unknown; `spec` is set)
        naaccr::Item item = naaccr::Item::primary_site;
        const FieldSpec* spec = nullptr;
    };
    csv::Dialect dialect;
    std::vector<Column> columns;
    std::vector<Cell> cells;  ///< one a column
    bool naaccr = false;
    std::size_t id_column = static_cast<std::size_t>(-1);  ///< the id's column, if any
    std::vector<std::size_t> kept;                         ///< the column of each --keep name, in its order
    /// With --naaccr and no id column: the patientIdNumber and tumorRecordNumber columns, which give
    /// the id as NAACCR XML's Tumors have it ("patient/tumour").
    std::size_t patient_column = static_cast<std::size_t>(-1);
    std::size_t tumor_column = static_cast<std::size_t>(-1);

    /// The names of the columns passed over: neither read nor kept (Kind::other).
    [[nodiscard]] std::vector<std::string> passed_over() const;
};

/// Reads the header row. Names are matched in any letter case; with --naaccr a NAACCR item may be
/// named by its number (400). A name that is nothing lmsstage reads is a column passed over (see
/// CsvHeader::passed_over), and `keep` names the columns whose cells each record carries through
/// (Record::kept), in any letter case. With `blank_unknown`, an empty cell of a field column is read
/// as "unknown" where the field takes it (nodes, grade, size, ...), and not given where it does not
/// (site, histology, depth). The error names the column (its header text as `field`) and
/// says what is wrong: a field named twice, a field the NAACCR mapping derives, a --keep name no
/// column has, a cell that cannot be read.
std::optional<RecordError> read_csv_header(std::string_view row, const csv::Dialect& dialect, bool naaccr,
                                           CsvHeader& out, std::span<const std::string> keep = {},
                                           bool blank_unknown = false);

/// Reads one data row into `out` (cleared first); on error `out.id_json` still holds the row's id
/// when it has one, also when another cell of the row is malformed (csv::split_cells_leniently).
std::optional<RecordError> read_csv_record(std::string_view row, const CsvHeader& header, Record& out);

/// True when a framed row holds nothing but delimiters: an empty spreadsheet row, skipped as a
/// blank line is.
bool is_empty_row(std::string_view row, const csv::Dialect& dialect) noexcept;

}  // namespace lmsstage::cli
