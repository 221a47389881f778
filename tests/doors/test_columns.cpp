// A list cell of CSV/TSV output (assumptions, warnings, notes): its items joined with "; " and
// written as one field by the CSV writer (RFC 4180 quoting, OWASP's formula guard; its own tests in
// tests/cli/test_csv.cpp), as batch --help says. These tests hold a staged row's list cell to that
// definition, with lmsstage's own texts and with any bytes.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <variant>
#include <vector>

#include "doors/columns.hpp"
#include "doors/csv_writer.hpp"
#include "lmsstage/lmsstage.hpp"
#include "support/core_test_support.hpp"

using namespace lmsstage;
using lmsstage::doors::ColumnSet;
using lmsstage::doors::OutputFormat;
namespace csv = lmsstage::doors::csv;

namespace {

/// The cell `items` make in column `column` of a staged case's row (no header, no line end).
std::string cell_of(const std::vector<std::string>& items, OutputFormat format, bool raw = false,
                    const std::string& column = "assumptions") {
    const Outcome outcome = stage(lmsstage_core_test::soft_tissue_case(6, Grade::g3));
    REQUIRE(std::holds_alternative<Result>(outcome));
    Result r = std::get<Result>(outcome);
    TextList& list = column == "warnings" ? r.warnings : r.assumptions;
    list.clear();
    for (const std::string& item : items) {
        list.push_back(item);
    }
    auto parsed = doors::parse_columns(column, false);
    REQUIRE(std::holds_alternative<ColumnSet>(parsed));
    ColumnSet set = std::get<ColumnSet>(parsed);
    set.raw_cells = raw;
    std::string out;
    doors::append_row(out, set, doors::RowView{{}, {}, {}, &r, {}, {}, {}, {}}, format);
    const std::string end = format == OutputFormat::tsv ? "\n" : "\r\n";
    REQUIRE(out.size() >= end.size());
    REQUIRE(out.substr(out.size() - end.size()) == end);
    out.resize(out.size() - end.size());
    return out == "\"\"" ? std::string() : out;  // a row of one empty cell is written ""
}

/// The definition: the items joined with "; ", written as one field.
std::string field_of(const std::vector<std::string>& items, OutputFormat format, bool raw = false) {
    std::string joined;
    for (const std::string& item : items) {
        joined += joined.empty() ? "" : "; ";
        joined += item;
    }
    std::string out;
    csv::append_field(out, joined, format == OutputFormat::tsv ? csv::Dialect::tsv(raw) : csv::Dialect::csv(raw));
    return out;
}

}  // namespace

TEST_CASE("list cells - lmsstage's own assumptions: joined with a semicolon and a space, quoted only for a comma") {
    CHECK(cell_of({"no distant metastasis reported: M0", "no extension beyond the site of origin reported: confined"},
                  OutputFormat::csv) ==
          "no distant metastasis reported: M0; no extension beyond the site of origin reported: confined");
    CHECK(cell_of({"not reported, taken as not involved: adnexa"}, OutputFormat::csv) ==
          "\"not reported, taken as not involved: adnexa\"");
    CHECK(cell_of({"a, b", "c"}, OutputFormat::tsv) == "a, b; c");  // a comma is plain text in TSV
    CHECK(cell_of({}, OutputFormat::csv).empty());
}

TEST_CASE("list cells - a space at either edge is quoted (spreadsheet imports trim it)") {
    CHECK(cell_of({" leading"}, OutputFormat::csv) == "\" leading\"");
    CHECK(cell_of({"trailing "}, OutputFormat::csv) == "\"trailing \"");
    CHECK(cell_of({"a", " b"}, OutputFormat::csv) == "a;  b");  // inside the cell a space is data
}

TEST_CASE("list cells - a formula trigger first is guarded with a quote (OWASP), unless --raw-cells") {
    CHECK(cell_of({"-1 cm was read as 1 cm"}, OutputFormat::csv) == "\"'-1 cm was read as 1 cm\"");
    CHECK(cell_of({"=1+1", "b"}, OutputFormat::tsv) == "\"'=1+1; b\"");
    CHECK(cell_of({"a", "-1"}, OutputFormat::csv) == "a; -1");  // not the cell's first character
    CHECK(cell_of({"-1 cm"}, OutputFormat::csv, true) == "-1 cm");
}

TEST_CASE("list cells - quotes doubled, tabs and line breaks quoted, the item as the writer makes it") {
    CHECK(cell_of({"column \"x\" not used"}, OutputFormat::csv, false, "warnings") == "\"column \"\"x\"\" not used\"");
    CHECK(cell_of({"a\tb"}, OutputFormat::tsv) == "\"a\tb\"");
    CHECK(cell_of({"line\nbreak"}, OutputFormat::csv) == "\"line\nbreak\"");
    CHECK(cell_of({"caf\xc3\xa9"}, OutputFormat::csv) == "caf\xc3\xa9");
}

TEST_CASE("list cells - any items: the cell is the joined items written as one field") {
    // Items of bytes that matter to the writer: delimiters, quotes, spaces, formula triggers, a
    // control character, UTF-8 and a byte that is not UTF-8, and plain letters.
    const std::vector<std::string> bytes{"a", "b", " ",  ",",    ";",        "\t",   "\"", "-", "=",
                                         "@", "+", "\n", "\x01", "\xc3\xa9", "\xff", "x",  "y", "z"};
    std::mt19937 random(20261207);
    std::uniform_int_distribution<std::size_t> item_count(1, 4);
    std::uniform_int_distribution<std::size_t> length(1, 24);
    std::uniform_int_distribution<std::size_t> pick(0, bytes.size() - 1);
    std::uniform_int_distribution<int> plain(0, 3);
    for (int round = 0; round < 3000; ++round) {
        std::vector<std::string> items(item_count(random));
        for (std::string& item : items) {
            const std::size_t n = length(random);
            for (std::size_t i = 0; i < n; ++i) {
                // Mostly plain letters, as lmsstage's own texts are.
                item += plain(random) != 0 ? bytes[pick(random) % 2 + 15] : bytes[pick(random)];
            }
        }
        for (const OutputFormat format : {OutputFormat::csv, OutputFormat::tsv}) {
            for (const bool raw : {false, true}) {
                INFO("round " << round << (format == OutputFormat::tsv ? " tsv" : " csv") << (raw ? " raw" : ""));
                CHECK(cell_of(items, format, raw) == field_of(items, format, raw));
            }
        }
    }
}
