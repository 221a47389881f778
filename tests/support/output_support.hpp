#pragma once
// The program's CSV/TSV and NDJSON output read back for the tests: rows of cells (with the
// project's CSV reader, itself checked against Python's csv module and sqlite3 by tests/csv) and
// one parsed JSON value per line.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/csv.hpp"

namespace lmsstage_door_test {

/// The rows of a CSV (or, `tsv`, TSV) output; a row the reader refuses fails the test.
inline std::vector<std::vector<std::string>> csv_rows(const std::string& text, bool tsv = false) {
    std::istringstream in(text);
    lmsstage::cli::csv::Reader reader(in,
                                      tsv ? lmsstage::cli::csv::Dialect::tsv() : lmsstage::cli::csv::Dialect::csv());
    std::vector<std::vector<std::string>> rows;
    lmsstage::cli::csv::Row row;
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
