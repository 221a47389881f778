#pragma once
// The program's CSV/TSV and NDJSON output read back for the tests: rows of cells (with the
// program's own CSV framing and splitting, cli/csv.hpp, itself checked against Python's csv module
// and sqlite3 by tests/csv) and one parsed JSON value per line.

#include <catch2/catch.hpp>

#include <istream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/csv.hpp"

namespace lmsstage_door_test {

/// One row as read by CsvReader. An empty cell means "not given".
struct CsvRow {
    std::size_t number = 0;  ///< 1-based row number, the header being row 1; blank lines are counted
    std::size_t line = 0;    ///< 1-based line on which the row starts (rows may span lines)
    std::vector<std::string> cells;
    std::optional<std::string> error;  ///< why the row is malformed; its cells are then unreliable
};

/// Reads whole rows from a stream, one at a time (the program's RowFramer, then split_cells). The
/// first row fixes the expected cell count (the header): a later row with another count is reported
/// as ragged, and reading goes on.
class CsvReader {
public:
    explicit CsvReader(std::istream& in, lmsstage::cli::csv::Dialect dialect = lmsstage::cli::csv::Dialect::csv(),
                       std::size_t max_row_bytes = std::size_t{16} << 20U)
        : m_in(in),
          m_dialect(dialect),
          m_framer(
              [this](char* buffer, std::size_t size) {
                  m_in.read(buffer, static_cast<std::streamsize>(size));
                  return lmsstage::cli::ReadResult{static_cast<std::size_t>(m_in.gcount()), 0};
              },
              dialect, max_row_bytes) {}

    /// Reads the next row into `row` (its storage reused); false at the end of the input.
    bool next(CsvRow& row) {
        lmsstage::cli::csv::RawRow raw;
        row.cells.clear();
        if (!m_framer.next(raw)) {
            return false;
        }
        row.number = raw.number;
        row.line = raw.line;
        row.error.reset();
        if (!raw.problem.empty()) {
            row.error = std::string(raw.problem);
            return true;
        }
        if (auto problem = lmsstage::cli::csv::split_cells(raw.bytes, m_dialect, m_cells, m_scratch)) {
            row.error = std::move(problem);
            return true;
        }
        row.cells.assign(m_cells.begin(), m_cells.end());
        const std::size_t count = row.cells.size();
        if (m_width == 0) {
            m_width = count;
        } else if (count != m_width) {
            row.error = "has " + std::to_string(count) + (count == 1 ? " cell" : " cells") + ", the header has " +
                        std::to_string(m_width);
        }
        return true;
    }

private:
    std::istream& m_in;
    lmsstage::cli::csv::Dialect m_dialect;
    lmsstage::cli::csv::RowFramer m_framer;
    std::vector<std::string_view> m_cells;
    std::string m_scratch;
    std::size_t m_width = 0;
};

/// The rows of a CSV (or, `tsv`, TSV) output; a row the reader refuses fails the test.
inline std::vector<std::vector<std::string>> csv_rows(const std::string& text, bool tsv = false) {
    std::istringstream in(text);
    CsvReader reader(in, tsv ? lmsstage::cli::csv::Dialect::tsv() : lmsstage::cli::csv::Dialect::csv());
    std::vector<std::vector<std::string>> rows;
    CsvRow row;
    while (reader.next(row)) {
        INFO("row " << row.number << ": " << row.error.value_or(""));
        REQUIRE_FALSE(row.error);
        rows.push_back(row.cells);
    }
    return rows;
}

/// Every line of an NDJSON output, parsed.
inline std::vector<nlohmann::json> ndjson(const std::string& text) {
    std::vector<nlohmann::json> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        out.push_back(nlohmann::json::parse(line));
    }
    return out;
}

}  // namespace lmsstage_door_test
