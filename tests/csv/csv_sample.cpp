// Writes a table with the cells that break naive CSV (commas, quotes, line breaks, CRLF, tabs,
// padding, UTF-8, empty cells) through lmsstage's CSV writer, and the same cells as JSON, so that
// other programs' readers (Python's csv module, the sqlite3 shell) can be checked against it.
// Usage: csv_sample csv|tsv DATA_FILE EXPECTED_JSON_FILE
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/csv.hpp"

namespace {

const std::vector<std::vector<std::string>> k_rows = {
    {"id", "stage", "note", "empty", "site"},
    {"1", "III", "plain", "", "extremity"},
    {"2", "IIA", "comma, inside", "", "trunk"},
    {"3", "IB", "quote \" inside and \"\"two\"\"", "", "uterus"},
    {"4", "IV", "line\nbreak", "", "gi"},
    {"5", "IA", "CRLF\r\ninside", "", "head-neck"},
    {"6", "", "tab\there", "", "retroperitoneum"},
    {"7", "II", " padded ", "", "Müller – ünïcode"},
    {"8", "IIIB", "", "", ""},
    {"9", "IVB", "\"", ",", "\n"},
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: csv_sample csv|tsv DATA_FILE EXPECTED_JSON_FILE\n";
        return 64;
    }
    const std::string_view format = argv[1];
    const auto dialect = format == "tsv" ? lmsstage::cli::csv::Dialect::tsv() : lmsstage::cli::csv::Dialect::csv();
    std::string out;
    for (const auto& row : k_rows) {
        lmsstage::cli::csv::append_row(out, row, dialect);
    }
    std::ofstream data(argv[2], std::ios::binary);
    data << out;
    std::ofstream expected(argv[3], std::ios::binary);
    expected << nlohmann::json(k_rows).dump() << '\n';
    return data && expected ? 0 : 74;
}
