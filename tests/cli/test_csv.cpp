// The CSV/TSV door: RFC 4180 reading (quotes, doubled quotes, line breaks in quotes, CRLF, BOM,
// empty cells, ragged rows, unterminated quotes) with row numbers, and the writer's quoting.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/csv.hpp"
#include "support/output_support.hpp"

using lmsstage::cli::csv::append_field;
using lmsstage::cli::csv::append_row;
using lmsstage::cli::csv::Dialect;
using lmsstage::cli::csv::needs_quotes;
using Reader = lmsstage_door_test::CsvReader;
using Row = lmsstage_door_test::CsvRow;

namespace {

/// Every row of `text`, as read.
std::vector<Row> read_all(const std::string& text, Dialect dialect = Dialect::csv(),
                          std::size_t max_bytes = std::size_t{1} << 20U) {
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
    CHECK(*rows[1].error == "row longer than 50 bytes: not read");
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
        {"id", "text", "empty"},       {"1", "comma, inside", ""},
        {"2", "quote \" inside", "x"}, {"3", "line\nbreak and \r\n CRLF", ""},
        {"4", " padded ", "\t"},       {"5", "", ""},
    };
    for (const Dialect dialect : {Dialect::csv(true), Dialect::tsv(true)}) {  // raw cells: exact
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

namespace {

struct Framed {
    std::string bytes;
    std::size_t number;
    std::size_t line;
    std::string problem;
    bool stops;
    friend bool operator==(const Framed&, const Framed&) = default;
};

/// Every row the framer finds in `text`, reading at most `step` bytes at a time.
std::vector<Framed> frame(const std::string& text, std::size_t step, std::size_t max_bytes = 1U << 20U) {
    std::size_t at = 0;
    lmsstage::cli::csv::RowFramer framer(
        [&](char* buffer, std::size_t size) {
            const std::size_t n = std::min({size, step, text.size() - at});
            std::copy_n(text.data() + at, n, buffer);
            at += n;
            return lmsstage::cli::ReadResult{n, 0};
        },
        Dialect::csv(), max_bytes);
    std::vector<Framed> rows;
    lmsstage::cli::csv::RawRow raw;
    while (framer.next(raw)) {
        rows.push_back({std::string(raw.bytes), raw.number, raw.line, std::string(raw.problem), raw.stops});
    }
    return rows;
}

}  // namespace

TEST_CASE("csv framer: rows are the same whatever the size of each read") {
    const std::vector<std::string> inputs = {
        "a,b\r\n1,2\r\n\r\n3,\"x\r\ny\"\r\n4,\"q\"\"q\"\r\n",
        "\xEF\xBB\xBFid,size\n1,6\n2,\"7\"",
        "a\rb\rc",
        "a,b\n\"open\n1,2\n",
        "x\n" + std::string(70, 'y') + "\nz,\"" + std::string(70, 'q') + "\"\nw\n",
        "a\r",
    };
    for (const std::string& input : inputs) {
        const auto whole = frame(input, input.size() + 1, 64);
        for (const std::size_t step : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}}) {
            INFO("input " << input << ", reads of " << step);
            CHECK(frame(input, step, 64) == whole);
        }
    }
}

TEST_CASE("csv framer: numbers, lines, quotes kept, CR line ends, problems") {
    const auto rows = frame("a,b\r\n1,2\r\n\r\n3,\"x\r\ny\"\r\n4,\"q\"\"q\"\r\n", 1000);
    REQUIRE(rows.size() == 4);
    CHECK(rows[1] == Framed{"1,2", 2, 2, "", false});
    CHECK(rows[2] == Framed{"3,\"x\r\ny\"", 4, 4, "", false});
    CHECK(rows[3] == Framed{"4,\"q\"\"q\"", 5, 6, "", false});
    CHECK(frame("a\rb\rc", 1000).size() == 3);
    const auto open = frame("a,b\n\"open\n1,2\n", 1000);
    REQUIRE(open.size() == 2);
    CHECK(open[1].problem == "column 1: unterminated quoted field (opened on line 2)");
    CHECK(open[1].stops);
    const auto long_row = frame("x\n" + std::string(70, 'y') + "\nz\n", 1000, 64);
    REQUIRE(long_row.size() == 3);
    CHECK(long_row[1].problem == "row longer than 64 bytes: not read");
    CHECK_FALSE(long_row[1].stops);
    CHECK(long_row[2] == Framed{"z", 3, 3, "", false});
    const auto utf16 = frame(std::string("\xFF\xFE"
                                         "a\0,\0",
                                         6),
                             1000);
    REQUIRE(utf16.size() == 1);
    CHECK(utf16[0].problem.find("the input is UTF-16 or UTF-32") == 0);
    CHECK(utf16[0].stops);
}

TEST_CASE("csv split_cells: quotes undone, views stay valid, problems name the column") {
    std::vector<std::string_view> cells;
    std::string scratch;
    CHECK_FALSE(lmsstage::cli::csv::split_cells("1,\"a \"\"b\"\", c\",,\"\",\"x\ny\"", Dialect::csv(), cells, scratch));
    CHECK(std::vector<std::string>(cells.begin(), cells.end()) ==
          std::vector<std::string>{"1", "a \"b\", c", "", "", "x\ny"});
    CHECK_FALSE(lmsstage::cli::csv::split_cells("", Dialect::csv(), cells, scratch));
    CHECK(cells.size() == 1);
    CHECK_FALSE(lmsstage::cli::csv::split_cells("a,", Dialect::csv(), cells, scratch));
    CHECK(cells.size() == 2);
    CHECK(*lmsstage::cli::csv::split_cells("a,b\"c", Dialect::csv(), cells, scratch) ==
          "column 2: a quote inside an unquoted field (quote the whole field and write the quote twice)");
    CHECK(lmsstage::cli::csv::split_cells("\"a\"b", Dialect::csv(), cells, scratch)->find("column 1: text after") == 0);
    CHECK(lmsstage::cli::csv::split_cells("\"a", Dialect::csv(), cells, scratch)->find("column 1: unterminated") == 0);
}

TEST_CASE("csv split_cells_leniently: the cells of a row with a malformed cell, where framing finds them") {
    using lmsstage::cli::csv::split_cells_leniently;
    using Lenient = std::vector<std::optional<std::string>>;
    // A closing quote followed by text (column 2), a quote inside an unquoted cell (column 4); a
    // quoted cell keeps its delimiter and undoes its doubled quotes.
    CHECK(split_cells_leniently("1,\"6\"x,\"a,\"\"b\"\"\",3\"x,", Dialect::csv()) ==
          Lenient{"1", std::nullopt, "a,\"b\"", std::nullopt, ""});
    // A quote in the middle of an unquoted cell opens nothing: the delimiter after it ends the cell.
    CHECK(split_cells_leniently("a\"b,c", Dialect::csv()) == Lenient{std::nullopt, "c"});
    // After a closing quote and text, a quote opens nothing either (as the framer reads it).
    CHECK(split_cells_leniently("\"a\"b\"c,d", Dialect::csv()) == Lenient{std::nullopt, "d"});
    CHECK(split_cells_leniently("\"x\ty\"z\t2", Dialect::tsv()) == Lenient{std::nullopt, "2"});
}

// OWASP, "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection): cells beginning with
// = + - @ tab or CR are prefixed with a single quote and quoted.
TEST_CASE("csv: a cell a spreadsheet would run as a formula is written with a quote before it") {
    for (const char* trigger : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
        std::string out;
        append_field(out, trigger, Dialect::csv());
        CHECK(out == "\"'" + std::string(trigger) + "\"");
        out.clear();
        append_field(out, trigger, Dialect::csv(true));
        CHECK(out.find('\'') == std::string::npos);  // raw cells: as it came
    }
    std::string out;
    append_field(out, "a=1", Dialect::csv());
    CHECK(out == "a=1");  // only the first character triggers
    out.clear();
    append_field(out, "x\x1b[31m", Dialect::csv());
    CHECK(out == "\"x\\u001b[31m\"");  // ESC (0x1B) as the JSON escape
    out.clear();
    append_field(out,
                 "a\xff"
                 "b",
                 Dialect::csv(true));
    CHECK(out ==
          "\"a\xEF\xBF\xBD"
          "b\"");  // invalid UTF-8: U+FFFD even with raw cells
}

namespace {

/// A cell of `length` bytes with `bytes` at `at` (letters around it), written as CSV: as it is when
/// `quoted` is empty, else quoted with `quoted` in the place of `bytes`.
void check_special(std::string_view bytes, std::string_view quoted, std::size_t length, std::size_t at) {
    const std::string before(at, 'a');
    const std::string after(length - at, 'b');
    const std::string cell = before + std::string(bytes) + after;
    std::string out;
    append_field(out, cell, Dialect::csv());
    const std::string expected = quoted.empty() ? cell : "\"" + before + std::string(quoted) + after + "\"";
    INFO("byte " << static_cast<int>(static_cast<unsigned char>(bytes[0])) << " at " << at << " of " << length);
    CHECK(out == expected);
    CHECK(needs_quotes(cell, Dialect::csv()) == !quoted.empty());
}

}  // namespace

// The writer scans sixteen bytes at a time: each byte that asks for quotes, doubling or an escape
// is found wherever it stands in cells shorter and longer than sixteen bytes (RFC 4180 section
// 2, items 6 and 7; the control escapes and U+FFFD as in the tests above).
TEST_CASE("csv: a special byte is found at every position of a short or long cell") {
    struct Special {
        std::string_view bytes;   // inserted at the position
        std::string_view quoted;  // how it is written inside the quotes; empty: the cell is not quoted
    };
    const Special specials[] = {
        {",", ","},
        {"\"", "\"\""},
        {"\n", "\n"},
        {"\r", "\r"},
        {"\x01", "\\u0001"},
        {"\x7f", "\\u007f"},
        {"\xC2\x85", "\\u0085"},  // C1 control NEL
        {"\xff", "\xEF\xBF\xBD"},
        {"\xC3\xA9", ""},  // é: valid UTF-8, written as it is
        {"\t", ""},        // inside a CSV cell (not at its edges): written as it is
    };
    for (const Special& special : specials) {
        for (std::size_t length = 2; length <= 40; ++length) {
            for (std::size_t at = 1; at < length; ++at) {
                check_special(special.bytes, special.quoted, length, at);
            }
        }
    }
    // In TSV a tab asks for quotes wherever it stands, and a comma does not.
    for (std::size_t at = 1; at < 40; ++at) {
        const std::string cell = std::string(at, 'a') + "\t" + std::string(40 - at, 'b');
        CHECK(needs_quotes(cell, Dialect::tsv()));
        CHECK_FALSE(needs_quotes(std::string(at, 'a') + "," + std::string(40 - at, 'b'), Dialect::tsv()));
    }
}
