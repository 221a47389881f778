// The CSV/TSV door: RFC 4180 reading (quotes, doubled quotes, line breaks in quotes, CRLF, BOM,
// empty cells, ragged rows, unterminated quotes) with row numbers, and the writer's quoting.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "cli/csv.hpp"

using lmsstage::cli::csv::append_field;
using lmsstage::cli::csv::append_row;
using lmsstage::cli::csv::Dialect;
using lmsstage::cli::csv::needs_quotes;
using lmsstage::cli::csv::Reader;
using lmsstage::cli::csv::Row;

namespace {

/// Every row of `text`, as read.
std::vector<Row> read_all(const std::string& text, Dialect dialect = Dialect::csv(), std::size_t max_bytes = std::size_t{1} << 20U) {
    std::istringstream in(text);
    Reader reader(in, dialect, max_bytes);
    std::vector<Row> rows;
    Row row;
    while (reader.next(row)) {
        rows.push_back(row);
    }
    return rows;
}

using Cells = std::vector<std::string>;

}  // namespace

TEST_CASE("csv: plain rows are numbered from 1, the header being row 1") {
    const auto rows = read_all("site,size,grade\nextremity,6,3\ntrunk,4,1\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].cells == Cells{"site", "size", "grade"});
    CHECK(rows[1].cells == Cells{"extremity", "6", "3"});
    CHECK(rows[2].cells == Cells{"trunk", "4", "1"});
    CHECK(rows[0].number == 1);
    CHECK(rows[2].number == 3);
    CHECK(rows[2].line == 3);
    CHECK_FALSE(rows[1].error);
}

TEST_CASE("csv: quoted fields keep commas, doubled quotes and line breaks") {
    const auto rows = read_all("id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,x\n");
    REQUIRE(rows.size() == 5);
    CHECK(rows[1].cells == Cells{"1", "a, b"});
    CHECK(rows[2].cells == Cells{"2", "say \"hi\""});
    CHECK(rows[3].cells == Cells{"3", "two\nlines"});
    // The row after a two-line field starts on line 6 but is row 5.
    CHECK(rows[4].number == 5);
    CHECK(rows[4].line == 6);
}

TEST_CASE("csv: CRLF and CR line ends - CRLF inside quotes is data") {
    const auto rows = read_all("a,b\r\n1,\"x\r\ny\"\r\n2,3\r4,5");
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].cells == Cells{"1", "x\r\ny"});
    CHECK(rows[2].cells == Cells{"2", "3"});
    CHECK(rows[3].cells == Cells{"4", "5"});
}

TEST_CASE("csv: a UTF-8 byte order mark is not part of the first name") {
    const auto rows = read_all("\xEF\xBB\xBFsite,size\nuterus,7\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].cells == Cells{"site", "size"});
}

TEST_CASE("csv: empty cells are empty strings (not given), including the last one") {
    const auto rows = read_all("a,b,c\n,2,\n\"\",,3\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].cells == Cells{"", "2", ""});
    CHECK(rows[2].cells == Cells{"", "", "3"});
}

TEST_CASE("csv: blank lines are skipped but keep their row number") {
    const auto rows = read_all("a,b\n\n1,2\n\r\n3,4\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].number == 3);
    CHECK(rows[2].number == 5);
}

TEST_CASE("csv: no final line end, and an empty input") {
    CHECK(read_all("a,b\n1,2").back().cells == Cells{"1", "2"});
    CHECK(read_all("").empty());
    CHECK(read_all("\xEF\xBB\xBF").empty());
}

TEST_CASE("csv: a ragged row is reported with its counts, and reading goes on") {
    const auto rows = read_all("a,b,c\n1,2\n3,4,5,6\n7,8,9\n");
    REQUIRE(rows.size() == 4);
    REQUIRE(rows[1].error);
    CHECK(*rows[1].error == "has 2 cells, the header has 3");
    REQUIRE(rows[2].error);
    CHECK(*rows[2].error == "has 4 cells, the header has 3");
    CHECK(rows[2].number == 3);
    CHECK_FALSE(rows[3].error);
    CHECK(rows[3].cells == Cells{"7", "8", "9"});
}

TEST_CASE("csv: an unterminated quote is the last row, with the line it opened on") {
    const auto rows = read_all("a,b\n1,2\n3,\"open\n4,5\n");
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[2].error);
    CHECK(*rows[2].error == "column 2: unterminated quoted field (opened on line 3)");
    CHECK(rows[2].number == 3);
}

TEST_CASE("csv: stray quotes are errors of their row only") {
    const auto rows = read_all("a,b\n1,ab\"c\n\"x\"y,2\n3,4\n");
    REQUIRE(rows.size() == 4);
    REQUIRE(rows[1].error);
    CHECK(rows[1].error->find("column 2: a quote inside an unquoted field") == 0);
    REQUIRE(rows[2].error);
    CHECK(rows[2].error->find("column 1: text after the closing quote") == 0);
    CHECK_FALSE(rows[3].error);
    CHECK(rows[3].cells == Cells{"3", "4"});
}

TEST_CASE("csv: a row over the byte cap is reported, and the next row reads") {
    const auto rows = read_all("a\n" + std::string(100, 'x') + "\nshort\n", Dialect::csv(), 50);
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[1].error);
    CHECK(*rows[1].error == "the row is longer than 50 bytes");
    CHECK(rows[2].cells == Cells{"short"});
}

TEST_CASE("csv: TSV uses tabs and the same quoting") {
    const auto rows = read_all("a\tb\n\"x\ty\"\t2\n1,5\t3\n", Dialect::tsv());
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].cells == Cells{"x\ty", "2"});
    CHECK(rows[2].cells == Cells{"1,5", "3"});
}

TEST_CASE("csv: the writer quotes only what needs it") {
    const Dialect csv = Dialect::csv();
    CHECK_FALSE(needs_quotes("plain", csv));
    CHECK_FALSE(needs_quotes("", csv));
    CHECK(needs_quotes("a,b", csv));
    CHECK(needs_quotes("say \"hi\"", csv));
    CHECK(needs_quotes("two\nlines", csv));
    CHECK(needs_quotes("cr\r", csv));
    CHECK(needs_quotes(" leading", csv));
    CHECK(needs_quotes("trailing ", csv));
    CHECK_FALSE(needs_quotes("a\tb", csv));
    CHECK(needs_quotes("a\tb", Dialect::tsv()));
    CHECK_FALSE(needs_quotes("a,b", Dialect::tsv()));
    std::string out;
    append_field(out, "say \"hi\", then go", csv);
    CHECK(out == "\"say \"\"hi\"\", then go\"");
}

TEST_CASE("csv: rows end with CRLF for CSV and LF for TSV - a lone empty cell is written quoted") {
    std::string out;
    const std::vector<std::string_view> cells = {"1", "a,b", ""};
    append_row(out, cells, Dialect::csv());
    CHECK(out == "1,\"a,b\",\r\n");
    out.clear();
    append_row(out, cells, Dialect::tsv());
    CHECK(out == "1\ta,b\t\n");
    out.clear();
    const std::vector<std::string> one_empty = {""};
    append_row(out, one_empty, Dialect::csv());
    CHECK(out == "\"\"\r\n");
}

TEST_CASE("csv: what the writer writes, the reader reads back") {
    const std::vector<std::vector<std::string>> table = {
        {"id", "text", "empty"},
        {"1", "comma, inside", ""},
        {"2", "quote \" inside", "x"},
        {"3", "line\nbreak and \r\n CRLF", ""},
        {"4", " padded ", "\t"},
        {"5", "", ""},
    };
    for (const Dialect dialect : {Dialect::csv(), Dialect::tsv()}) {
        std::string out;
        for (const auto& cells : table) {
            append_row(out, cells, dialect);
        }
        const auto rows = read_all(out, dialect);
        REQUIRE(rows.size() == table.size());
        for (std::size_t i = 0; i < table.size(); ++i) {
            CHECK_FALSE(rows[i].error);
            CHECK(rows[i].cells == table[i]);
        }
    }
}
