// lmsstage check, run in-process on temporary files: passing and failing expectations, "error"
// expectations, unknown expect keys, unreadable records and missing files, with their exit codes.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/app.hpp"
#include "support/cli_test_support.hpp"

using lmsstage::cli::Environment;
namespace exit_code = lmsstage::cli::exit_code;

using namespace lmsstage_door_test;

namespace {

std::string last_line(const std::string& text) {
    const auto lines = lines_of(text);
    return lines.empty() ? std::string() : lines.back();
}

/// Writes `content` to a temporary file and runs `check` on it.
Run check_text(const std::string& content, const std::string& name = "cases.ndjson") {
    const TempDir dir;
    const std::string file = dir.write(name, content);
    return run_cli({"check", file});
}

const std::string k_three_passing =
    R"({"id": "t2g3", "size": 6, "grade": 3, "expect": {"stage": "III", "categories": {"T": "T2", "G": "G3"}}})"
    "\n"
    R"({"id": "ut", "site": "uterus", "size": 7, "adnexa": true, "expect": {"stage": "IIA", "system": "figo2009-uterine"}})"
    "\n"
    R"({"size": 2, "grade": 1, "expect": {"stage": "IA", "summary_stage": "localized", "survival.matched": "localized"}})"
    "\n";

}  // namespace

TEST_CASE("check exits 0 when every expectation is met", "[check]") {
    const Run r = check_text(k_three_passing);
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.code == exit_code::ok);
}

TEST_CASE("check ends with N passed 0 failed", "[check]") {
    const Run r = check_text(k_three_passing);
    CHECK(last_line(r.out) == "3 passed, 0 failed");
}

TEST_CASE("check writes only the summary line when all pass", "[check]") {
    const Run r = check_text(k_three_passing);
    CHECK(lines_of(r.out).size() == 1);
    CHECK(r.err.empty());
}

TEST_CASE("check reads a JSON array of cases", "[check]") {
    const Run r = check_text(R"([{"size": 6, "grade": 3, "expect": {"stage": "III"}},
                                {"size": 6, "grade": 2, "expect": {"stage": "IIB"}}])",
                             "cases.json");
    CHECK(r.code == exit_code::ok);
    CHECK(last_line(r.out) == "2 passed, 0 failed");
}

TEST_CASE("check accepts a source note beside the expectation", "[check]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "source": "AJCC 7 table", "expect": {"stage": "III"}})"
                             "\n");
    CHECK(r.code == exit_code::ok);
}

TEST_CASE("check compares lists exactly", "[check]") {
    const Run r =
        check_text(R"({"size": "unknown", "grade": 3, "expect": {"stage": null, "possible_stages": ["IIA", "III"]}})"
                   "\n");
    INFO("stdout: " << r.out);
    CHECK(r.code == exit_code::ok);
}

// ---------------------------------------------------------------------------------------------
// A wrong expectation

TEST_CASE("check exits 1 for a wrong expectation", "[check][fail]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "expect": {"stage": "IIB"}})"
                             "\n");
    CHECK(r.code == exit_code::check_failed);
}

TEST_CASE("check names the field, the expected and the got value of a miss", "[check][fail]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "expect": {"stage": "IIB"}})"
                             "\n");
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 2);
    CHECK(contains(lines[0], "stage"));
    CHECK(contains(lines[0], "expected \"IIB\""));
    CHECK(contains(lines[0], "got \"III\""));
}

TEST_CASE("check locates a miss by file and line", "[check][fail]") {
    const TempDir dir;
    std::string text = "\n";
    text += R"({"size": 6, "grade": 3, "expect": {"stage": "IIB"}})";
    text += "\n";
    const std::string file = dir.write("cases.ndjson", text);
    const Run r = run_cli({"check", file});
    const auto lines = lines_of(r.out);
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0].rfind(file + ":2: ", 0) == 0);
}

TEST_CASE("check names the id of a failing case", "[check][fail]") {
    const Run r = check_text(R"({"id": "case-9", "size": 6, "grade": 3, "expect": {"stage": "IIB"}})"
                             "\n");
    CHECK(contains(lines_of(r.out).at(0), "id \"case-9\""));
}

TEST_CASE("check ends with 0 passed 1 failed for one wrong expectation", "[check][fail]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "expect": {"stage": "IIB"}})"
                             "\n");
    CHECK(last_line(r.out) == "0 passed, 1 failed");
}

TEST_CASE("check counts passes and failures together", "[check][fail]") {
    const Run r = check_text(k_three_passing + R"({"size": 6, "grade": 3, "expect": {"categories": {"T": "T1"}}})"
                                               "\n");
    CHECK(r.code == exit_code::check_failed);
    CHECK(last_line(r.out) == "3 passed, 1 failed");
    CHECK(contains(r.out, "categories"));
}

TEST_CASE("check writes one line per missed expectation of a case", "[check][fail]") {
    const Run r = check_text(
        R"({"size": 6, "grade": 3, "expect": {"stage": "IA", "summary_stage": "distant", "system": "ajcc7-sts"}})"
        "\n");
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 3);
    CHECK(contains(lines[0] + lines[1], "stage: expected \"IA\""));
    CHECK(contains(lines[0] + lines[1], "summary_stage: expected \"distant\""));
    CHECK(lines[2] == "0 passed, 1 failed");
}

TEST_CASE("check treats a staged case expected to be an error as a failure", "[check][fail]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "expect": {"error": "size"}})"
                             "\n");
    CHECK(r.code == exit_code::check_failed);
    CHECK(contains(lines_of(r.out).at(0), "error"));
    CHECK(last_line(r.out) == "0 passed, 1 failed");
}

TEST_CASE("check treats a case that staging rejects but was expected to stage as a failure", "[check][fail]") {
    // Soft tissue without a grade: read fine, rejected by the staging function.
    const Run r = check_text(R"({"size": 6, "expect": {"stage": "III"}})"
                             "\n");
    CHECK(r.code == exit_code::check_failed);
    CHECK(contains(lines_of(r.out).at(0), "result: expected a staged result"));
    CHECK(last_line(r.out) == "0 passed, 1 failed");
}

TEST_CASE("check counts a case with a bad value expected to stage as failed", "[check][fail]") {
    // size -3 is rejected while the record is read; it is still one failed case, not a pass.
    const Run r = check_text(R"({"size": -3, "grade": 3, "expect": {"stage": "III"}})"
                             "\n");
    CHECK(r.code != exit_code::ok);
    CHECK(contains(r.out, "size"));
    CHECK(last_line(r.out) == "0 passed, 1 failed");
}

// ---------------------------------------------------------------------------------------------
// "error" expectations

TEST_CASE("check passes an error expectation naming the right field, rejected while reading or when validated",
          "[check][error]") {
    const Run r = check_text(R"({"grade": "G4", "size": 6, "expect": {"error": "grade"}})"
                             "\n"
                             R"({"expect": {"error": "nodes"}, "nodes": "maybe"})"
                             "\n"
                             R"({"size": -3, "grade": 3, "expect": {"error": "size"}})"
                             "\n"
                             R"({"size": 6, "expect": {"error": "grade"}})"
                             "\n");
    INFO("stdout: " << r.out);
    CHECK(r.code == exit_code::ok);
    CHECK(last_line(r.out) == "4 passed, 0 failed");
}

TEST_CASE("check fails an error expectation naming the wrong field", "[check][error]") {
    const Run r = check_text(R"({"size": -3, "grade": 3, "expect": {"error": "grade"}})"
                             "\n");
    CHECK(r.code == exit_code::check_failed);
    const std::string first = lines_of(r.out).at(0);
    CHECK(contains(first, "expected \"grade\""));
    CHECK(contains(first, "got \"size\""));
}

// ---------------------------------------------------------------------------------------------
// Records check cannot use

TEST_CASE("check reports an unknown expect key and names it", "[check][unreadable]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "expect": {"stag": "III"}})"
                             "\n");
    CHECK(contains(r.out, "unknown key \"stag\""));
    CHECK(r.code == exit_code::data);
    CHECK(last_line(r.out) == "0 passed, 1 failed");
}

TEST_CASE("check exits 65 for an unreadable record", "[check][unreadable]") {
    const Run r =
        check_text(std::string("{\"size\": 6, \"grade\": 3, \"expect\": {\"stage\": \"III\"}}\n") + "not json\n");
    CHECK(r.code == exit_code::data);
    CHECK(contains(r.out, ":2: "));
    CHECK(last_line(r.out) == "1 passed, 1 failed");
}

TEST_CASE("check exits 65 for a record with an unknown case field", "[check][unreadable]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "metastatis": true, "expect": {"stage": "III"}})"
                             "\n");
    CHECK(r.code == exit_code::data);
    CHECK(contains(r.out, "metastatis"));
}

TEST_CASE("check exits 65 for a record without expect", "[check][unreadable]") {
    const Run r = check_text(R"({"size": 6, "grade": 3})"
                             "\n");
    CHECK(r.code == exit_code::data);
    CHECK(contains(r.out, "expect"));
}

TEST_CASE("check exits 65 for a truncated last record", "[check][unreadable]") {
    const Run r = check_text(k_three_passing + R"({"size": 6, "grade": 3, "expe)");
    CHECK(r.code == exit_code::data);
    CHECK(last_line(r.out) == "3 passed, 1 failed");
}

TEST_CASE("check exits 66 for a missing file", "[check][files]") {
    const TempDir dir;
    const Run r = run_cli({"check", dir.path("nothing-here.ndjson")});
    CHECK(r.code == exit_code::no_input);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "nothing-here.ndjson"));
}

TEST_CASE("check exits 66 when one of several files is missing", "[check][files]") {
    const TempDir dir;
    const std::string good = dir.write("good.ndjson", k_three_passing);
    const Run r = run_cli({"check", good, dir.path("nothing-here.ndjson")});
    CHECK(r.code == exit_code::no_input);
    CHECK(r.out.empty());
}

TEST_CASE("check adds up several files", "[check][files]") {
    const TempDir dir;
    const std::string a = dir.write("a.ndjson", k_three_passing);
    const std::string b = dir.write("b.ndjson", R"({"size": 6, "grade": 3, "expect": {"stage": "IIB"}})"
                                                "\n");
    const Run r = run_cli({"check", a, b});
    CHECK(r.code == exit_code::check_failed);
    CHECK(last_line(r.out) == "3 passed, 1 failed");
    CHECK(lines_of(r.out).at(0).rfind(b + ":1: ", 0) == 0);
}

TEST_CASE("check of an empty file fails: nothing was checked", "[check][files][gate]") {
    const Run r = check_text("");
    CHECK(r.code == exit_code::data);
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 2);
    CHECK(contains(lines[0], "cases.ndjson: no cases in this input: nothing was checked"));
    CHECK(lines[1] == "0 passed, 0 failed");
}

// ---------------------------------------------------------------------------------------------
// A gate that cannot pass on nothing (issue 9)

TEST_CASE("check of a directory exits 66 with the reason, before any output", "[check][gate][issue9]") {
    const TempDir dir;
    const std::string good = dir.write("good.ndjson", k_three_passing);
    const Run r = run_cli({"check", good, dir.path("")});
    CHECK(r.code == exit_code::no_input);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "is a directory"));
}

TEST_CASE("check without FILE is a usage error, not a silent read of stdin", "[check][gate][issue9]") {
    const Run r = run_cli({"check"}, k_three_passing);
    CHECK(r.code == exit_code::usage);
    CHECK(r.out.empty());
    CHECK(r.err == "lmsstage: check needs at least one FILE (use - for standard input); see lmsstage check --help\n");
}

TEST_CASE("check reads stdin for the operand -", "[check][gate]") {
    const Run r = run_cli({"check", "-"}, k_three_passing);
    CHECK(r.code == exit_code::ok);
    CHECK(r.out == "3 passed, 0 failed\n");
}

TEST_CASE("check of an empty expect is an error, not a pass", "[check][gate][issue9]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "expect": {}})"
                             "\n");
    CHECK(r.code == exit_code::data);
    CHECK(contains(r.out, ":1: expect is empty: nothing to check"));
    CHECK(last_line(r.out) == "0 passed, 1 failed");
}

TEST_CASE("check of one file without cases among others fails", "[check][gate]") {
    const TempDir dir;
    const std::string good = dir.write("good.ndjson", k_three_passing);
    const std::string empty = dir.write("empty.ndjson", "\n\n");
    const Run r = run_cli({"check", good, empty});
    CHECK(r.code == exit_code::data);
    CHECK(contains(r.out, "empty.ndjson: no cases in this input"));
    CHECK(last_line(r.out) == "3 passed, 0 failed");
}

TEST_CASE("check does not combine an error expectation with others", "[check][gate]") {
    const Run r = check_text(R"({"size": -3, "grade": 3, "expect": {"error": "size", "stage": "III"}})"
                             "\n");
    CHECK(r.code == exit_code::data);
    CHECK(contains(r.out, "\"error\" cannot be combined"));
}

TEST_CASE("check compares possible_stages as a set", "[check][issue9]") {
    const Run r = check_text(R"({"size": "unknown", "grade": 3, "expect": {"possible_stages": ["III", "IIA"]}})"
                             "\n");
    CHECK(r.code == exit_code::ok);
    const Run wrong = check_text(R"({"size": "unknown", "grade": 3, "expect": {"possible_stages": ["III"]}})"
                                 "\n");
    CHECK(wrong.code == exit_code::check_failed);
    CHECK(contains(wrong.out, R"(possible_stages: expected ["III"], got ["IIA","III"])"));
}

TEST_CASE("check reads a pretty-printed case whose expect opens a line", "[check][issue9]") {
    const Run r = check_text("{\n\"id\": \"pp\",\n\"size\": 6,\n\"grade\": 3,\n\"expect\":\n{\"stage\": \"III\"}\n}\n");
    CHECK(r.code == exit_code::ok);
    CHECK(r.out == "1 passed, 0 failed\n");
}

// ---------------------------------------------------------------------------------------------
// Safe output: input cannot break or forge a line

TEST_CASE("check escapes a newline in an expect key: one line per miss", "[check][safe][issue9]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "expect": {"sta\nge": "III"}})"
                             "\n");
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 2);
    CHECK(contains(lines[0], R"(unknown key "sta\nge")"));
    CHECK(lines[1] == "0 passed, 1 failed");
}

TEST_CASE("check output cannot be made to show a forged summary line", "[check][safe][issue9]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "expect": {"\n99 passed, 0 failed\n": 1}})"
                             "\n");
    for (const std::string& line : lines_of(r.out)) {
        CHECK(line.rfind("99 passed", 0) != 0);
    }
    CHECK(last_line(r.out) == "0 passed, 1 failed");
}

TEST_CASE("check escapes a terminal escape sequence from a case field", "[check][safe]") {
    const Run r = check_text(R"({"site": "\u001b[31mred", "expect": {"stage": "I"}})"
                             "\n");
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(contains(r.out, "\\x1b[31mred"));
}

// ---------------------------------------------------------------------------------------------
// Output that goes away, JUnit reports

namespace {

/// A stream buffer whose writes fail as on a pipe whose reader has gone.
class BrokenPipe : public std::streambuf {
protected:
    int_type overflow(int_type) override {
        errno = EPIPE;
        return traits_type::eof();
    }
    std::streamsize xsputn(const char*, std::streamsize) override {
        errno = EPIPE;
        return 0;
    }
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("check stops quietly when the reader of its output goes away", "[check][io][issue9]") {
    const TempDir dir;
    const std::string file = dir.write("fail.ndjson", R"({"size": 6, "grade": 3, "expect": {"stage": "IA"}})"
                                                      "\n");
    std::istringstream in;
    BrokenPipe pipe;
    std::ostream out(&pipe);
    std::ostringstream err;
    CHECK(lmsstage::cli::run({"check", file}, in, out, err, Environment{}) == exit_code::ok);
    CHECK(err.str().empty());
}

TEST_CASE("check --junit writes one testcase per case with expected and got", "[check][junit][issue9]") {
    const TempDir dir;
    const std::string cases = dir.write(
        "cases.ndjson", k_three_passing + R"({"id": "w<1>", "size": 6, "grade": 3, "expect": {"stage": "IIB"}})"
                                          "\n"
                                          R"({"size": 6, "grade": 3})"
                                          "\n");
    const std::string report = dir.path("report.xml");
    const Run r = run_cli({"check", "--junit", report, cases});
    CHECK(r.code == exit_code::data);
    const std::string xml = read_file(report);
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"lmsstage check\" tests=\"5\" "
                    "failures=\"1\" errors=\"1\">\n",
                    0) == 0);
    CHECK(contains(xml, "<testcase classname=\"" + cases + "\" name=\"t2g3\" file=\"" + cases + "\" line=\"1\"/>"));
    CHECK(contains(xml, "name=\"w&lt;1&gt;\""));
    CHECK(contains(xml,
                   "<failure message=\"stage: expected &quot;IIB&quot;, got &quot;III&quot;\" "
                   "type=\"unmet expectation\">"));
    CHECK(contains(xml, "<error message=\"record: no &quot;expect&quot; object: nothing to check\""));
    CHECK(xml.size() > 40);
    CHECK(xml.substr(xml.size() - 29) == "  </testsuite>\n</testsuites>\n");
}

TEST_CASE("check --junit=FILE works too, and all passing gives no failure element", "[check][junit]") {
    const TempDir dir;
    const std::string cases = dir.write("cases.ndjson", k_three_passing);
    const std::string report = dir.path("report.xml");
    const Run r = run_cli({"check", "--junit=" + report, cases});
    CHECK(r.code == exit_code::ok);
    const std::string xml = read_file(report);
    CHECK(contains(xml, "tests=\"3\" failures=\"0\" errors=\"0\""));
    CHECK_FALSE(contains(xml, "<failure"));
}

TEST_CASE("check --junit into a missing directory exits 74 before reading anything", "[check][junit]") {
    const TempDir dir;
    const std::string cases = dir.write("cases.ndjson", k_three_passing);
    const Run r = run_cli({"check", "--junit", dir.path("no/such/dir/report.xml"), cases});
    CHECK(r.code == exit_code::io);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "cannot write the JUnit report"));
    CHECK(contains(r.err, "No such file or directory"));
}

TEST_CASE("check --junit without a file name is a usage error", "[check][junit]") {
    CHECK(run_cli({"check", "x.ndjson", "--junit"}).code == exit_code::usage);
    CHECK(run_cli({"check", "--junit=", "x.ndjson"}).code == exit_code::usage);
}

TEST_CASE("check --junit never overwrites a case file (issue 19)", "[check][junit][issue19]") {
    const TempDir dir;
    const std::string first = dir.write("a.ndjson", k_three_passing);
    const std::string second = dir.write("b.ndjson", k_three_passing);
    SECTION("the report name forgotten: check --junit cases/*.ndjson takes the first case file as the report") {
        const Run r = run_cli({"check", "--junit", first, second});
        CHECK(r.code == exit_code::usage);
        CHECK(contains(r.err, "refusing to overwrite"));
    }
    SECTION("the report is also an input") {
        const Run r = run_cli({"check", "--junit", dir.path("a.ndjson"), first});
        CHECK(r.code == exit_code::usage);
    }
    SECTION("the report resolves to an input through another path") {
        const std::string copy = dir.write("cases.txt", k_three_passing);
        const Run r = run_cli({"check", "--junit", dir.path("./cases.txt"), copy});
        CHECK(r.code == exit_code::usage);
        CHECK(read_file(copy) == k_three_passing);
    }
    CHECK(read_file(first) == k_three_passing);
    CHECK(read_file(second) == k_three_passing);
}

TEST_CASE("check refuses an expectation that checks nothing (issue 19)", "[check][issue19]") {
    for (const std::string expect : {R"({"categories": {}})", R"({"naaccr": {}})", R"({})"}) {
        INFO(expect);
        const Run r = check_text(R"({"id": "e", "size": 6, "grade": 3, "expect": )" + expect + "}\n");
        CHECK(r.code == exit_code::data);
        CHECK(contains(r.err + r.out, "nothing to check"));
        CHECK_FALSE(contains(r.out, "1 passed"));
    }
}

TEST_CASE("check --junit - writes the report to standard output, the summary to standard error (issue 19)",
          "[check][junit][issue19]") {
    const TempDir dir;
    const std::string cases = dir.write("cases.ndjson", k_three_passing);
    const Run r = run_cli({"check", "--junit", "-", cases});
    CHECK(r.code == exit_code::ok);
    CHECK(r.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
    CHECK(contains(r.out, "tests=\"3\" failures=\"0\" errors=\"0\""));
    CHECK(contains(r.err, "3 passed, 0 failed"));
}

TEST_CASE("check --junit replaces a symlink at the report path, never writing through it (issue 19)",
          "[check][junit][issue19]") {
    const TempDir dir;
    const std::string cases = dir.write("cases.ndjson", k_three_passing);
    const std::string target = dir.write("precious.txt", "keep me\n");
    const std::string report = dir.path("report.xml");
    REQUIRE(::symlink(target.c_str(), report.c_str()) == 0);
    const Run r = run_cli({"check", "--junit", report, cases});
    CHECK(r.code == exit_code::ok);
    CHECK(read_file(target) == "keep me\n");
    CHECK(contains(read_file(report), "tests=\"3\""));
}

TEST_CASE("check --junit is well-formed XML 1.0 for ids holding U+FFFE and U+FFFF (issue 19)",
          "[check][junit][issue19]") {
    const TempDir dir;
    // U+FFFE is EF BF BE and U+FFFF is EF BF BF in UTF-8; XML 1.0 (section 2.2, Char) excludes both.
    const std::string cases =
        dir.write("cases.ndjson",
                  "{\"id\": \"a\xEF\xBF\xBE"
                  "b\xEF\xBF\xBF\", \"size\": 6, \"grade\": 3, \"expect\": {\"stage\": \"III\"}}\n");
    const std::string report = dir.path("report.xml");
    const Run r = run_cli({"check", "--junit", report, cases});
    CHECK(r.code == exit_code::ok);
    const std::string xml = read_file(report);
    CHECK_FALSE(contains(xml, "\xEF\xBF\xBE"));
    CHECK_FALSE(contains(xml, "\xEF\xBF\xBF"));
    CHECK(contains(xml, "name=\"a\\uFFFEb\\uFFFF\""));
}

TEST_CASE("check --junit refuses a case file's name in any letter case (A.NDJSON)", "[check][junit][case]") {
    // README, check: a report name that ends in .ndjson, .jsonl, .json, .csv or .tsv is refused with
    // exit 64 before anything is written; batch reads those extensions in any letter case.
    const TempDir dir;
    const std::string first = dir.write("A.NDJSON", k_three_passing);
    const std::string second = dir.write("B.NDJSON", k_three_passing);
    SECTION("check --junit *.NDJSON: the report name forgotten") {
        const Run r = run_cli({"check", "--junit", first, second});
        CHECK(r.code == exit_code::usage);
        CHECK(contains(r.err, "refusing to overwrite"));
        CHECK(r.out.empty());
    }
    SECTION("every case file extension, in capitals or mixed case") {
        for (const std::string name : {"r.JSONL", "r.Json", "r.CSV", "r.Tsv", "r.nDjSoN"}) {
            CAPTURE(name);
            const Run r = run_cli({"check", "--junit", dir.path(name), second});
            CHECK(r.code == exit_code::usage);
            CHECK(::access(dir.path(name).c_str(), F_OK) != 0);  // nothing written
        }
    }
    SECTION("a report name that is a hard link to a case file, whatever its name") {
        const std::string report = dir.path("report.xml");
        REQUIRE(::link(first.c_str(), report.c_str()) == 0);
        const Run r = run_cli({"check", "--junit", report, first});
        CHECK(r.code == exit_code::usage);
        CHECK(contains(r.err, "is the input"));
    }
    CHECK(read_file(first) == k_three_passing);
    CHECK(read_file(second) == k_three_passing);
}

TEST_CASE("check refuses a key given twice inside expect, naming its path", "[check][unreadable][duplicate]") {
    // A repeated top-level key (expect itself) is an error, exit 65; so is one inside expect, at any
    // depth: which of the two was meant cannot be told (batch --help: keys given twice are errors).
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"({"id": 1, "size": 6, "grade": 3, "expect": {"stage": "IIB", "stage": "III"}})", "expect.stage"},
        {R"({"id": 1, "size": 6, "grade": 3, "expect": {"stage": "III", "stage": "III"}})", "expect.stage"},
        {R"({"id": 1, "size": 6, "grade": 3, "expect": {"categories": {"T": "T1", "T": "T2"}}})",
         "expect.categories.T"},
        {R"({"id": 1, "size": 6, "grade": 3, "expect": {"st\u0061ge": "IIB", "stage": "III"}})", "expect.stage"},
        {R"({"id": 1, "size": 6, "expect": {"error": "grade", "error": "size"}})", "expect.error"},
        {R"({"id": 1, "size": -3, "grade": 3, "expect": {"error": "grade", "error": "size"}})", "expect.error"},
    };
    for (const auto& [record, path] : cases) {
        CAPTURE(record);
        const Run r = check_text(record + "\n");
        CHECK(r.code == exit_code::data);
        CHECK(contains(r.out, ":1: id 1: " + path + " is given more than once"));
        CHECK(last_line(r.out) == "0 passed, 1 failed");
    }
    // The same key in two different objects of expect is no repetition.
    const Run r = check_text(
        R"({"size": 6, "grade": 3, "expect": {"categories": {"T": "T2"}, "tnm": {"T": "T2"}, "stage": "III"}})"
        "\n");
    CHECK(r.code == exit_code::ok);
    CHECK(last_line(r.out) == "1 passed, 0 failed");
}
