// lmsstage check, run in-process on temporary files: passing and failing expectations, "error"
// expectations, unknown expect keys, unreadable records and missing files, with their exit codes.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/app.hpp"

using lmsstage::cli::Environment;
namespace exit_code = lmsstage::cli::exit_code;

namespace {

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

Run run_cli(const std::vector<std::string>& args, const std::string& input = {}) {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    Run r;
    r.code = lmsstage::cli::run(args, in, out, err, Environment{});
    r.out = out.str();
    r.err = err.str();
    return r;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    std::string line;
    while (std::getline(stream, line)) {
        lines.push_back(line);
    }
    return lines;
}

std::string last_line(const std::string& text) {
    const auto lines = lines_of(text);
    return lines.empty() ? std::string() : lines.back();
}

/// A temporary directory for this test, removed at the end.
class TempDir {
public:
    TempDir() {
        static int counter = 0;
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_path = std::filesystem::temp_directory_path() /
                 ("lmsstage-check-test-" + std::to_string(stamp) + "-" + std::to_string(++counter));
        std::filesystem::create_directories(m_path);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    std::string write(const std::string& name, const std::string& content) const {
        const std::filesystem::path file = m_path / name;
        std::ofstream out(file, std::ios::binary);
        out << content;
        return file.string();
    }
    [[nodiscard]] std::string path(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

/// Writes `content` to a temporary file and runs `check` on it.
Run check_text(const std::string& content, const std::string& name = "cases.ndjson") {
    const TempDir dir;
    const std::string file = dir.write(name, content);
    return run_cli({"check", file});
}

const std::string k_three_passing =
    R"({"id": "t2g3", "size": 6, "grade": 3, "expect": {"stage": "III", "categories": {"T": "T2", "G": "G3"}}})" "\n"
    R"({"id": "ut", "site": "uterus", "size": 7, "adnexa": true, "expect": {"stage": "IIA", "system": "figo2009-uterine"}})" "\n"
    R"({"size": 2, "grade": 1, "expect": {"stage": "IA", "summary_stage": "localized", "survival.matched": "localized"}})" "\n";

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
    const Run r = check_text(R"({"size": 6, "grade": 3, "source": "AJCC 7 table", "expect": {"stage": "III"}})" "\n");
    CHECK(r.code == exit_code::ok);
}

TEST_CASE("check compares lists exactly", "[check]") {
    const Run r = check_text(
        R"({"size": "unknown", "grade": 3, "expect": {"stage": null, "possible_stages": ["IIA", "III"]}})" "\n");
    INFO("stdout: " << r.out);
    CHECK(r.code == exit_code::ok);
}

// ---------------------------------------------------------------------------------------------
// A wrong expectation

TEST_CASE("check exits 1 for a wrong expectation", "[check][fail]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "expect": {"stage": "IIB"}})" "\n");
    CHECK(r.code == exit_code::check_failed);
}

TEST_CASE("check names the field, the expected and the got value of a miss", "[check][fail]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "expect": {"stage": "IIB"}})" "\n");
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
    const Run r = check_text(R"({"id": "case-9", "size": 6, "grade": 3, "expect": {"stage": "IIB"}})" "\n");
    CHECK(contains(lines_of(r.out).at(0), "id \"case-9\""));
}

TEST_CASE("check ends with 0 passed 1 failed for one wrong expectation", "[check][fail]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "expect": {"stage": "IIB"}})" "\n");
    CHECK(last_line(r.out) == "0 passed, 1 failed");
}

TEST_CASE("check counts passes and failures together", "[check][fail]") {
    const Run r = check_text(k_three_passing + R"({"size": 6, "grade": 3, "expect": {"categories": {"T": "T1"}}})" "\n");
    CHECK(r.code == exit_code::check_failed);
    CHECK(last_line(r.out) == "3 passed, 1 failed");
    CHECK(contains(r.out, "categories"));
}

TEST_CASE("check writes one line per missed expectation of a case", "[check][fail]") {
    const Run r = check_text(
        R"({"size": 6, "grade": 3, "expect": {"stage": "IA", "summary_stage": "distant", "system": "ajcc7-sts"}})" "\n");
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 3);
    CHECK(contains(lines[0] + lines[1], "stage: expected \"IA\""));
    CHECK(contains(lines[0] + lines[1], "summary_stage: expected \"distant\""));
    CHECK(lines[2] == "0 passed, 1 failed");
}

TEST_CASE("check treats a staged case expected to be an error as a failure", "[check][fail]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "expect": {"error": "size"}})" "\n");
    CHECK(r.code == exit_code::check_failed);
    CHECK(contains(lines_of(r.out).at(0), "error"));
    CHECK(last_line(r.out) == "0 passed, 1 failed");
}

TEST_CASE("check treats a case that staging rejects but was expected to stage as a failure", "[check][fail]") {
    // Soft tissue without a grade: read fine, rejected by the staging function.
    const Run r = check_text(R"({"size": 6, "expect": {"stage": "III"}})" "\n");
    CHECK(r.code == exit_code::check_failed);
    CHECK(contains(lines_of(r.out).at(0), "result: expected a staged result"));
    CHECK(last_line(r.out) == "0 passed, 1 failed");
}

TEST_CASE("check counts a case with a bad value expected to stage as failed", "[check][fail]") {
    // size -3 is rejected while the record is read; it is still one failed case, not a pass.
    const Run r = check_text(R"({"size": -3, "grade": 3, "expect": {"stage": "III"}})" "\n");
    CHECK(r.code != exit_code::ok);
    CHECK(contains(r.out, "size"));
    CHECK(last_line(r.out) == "0 passed, 1 failed");
}

TEST_CASE("check passes an error expectation for a value rejected while reading", "[check][error]") {
    const Run r = check_text(R"({"grade": "3", "size": 6, "expect": {"error": "grade"}})" "\n"
                             R"({"expect": {"error": "nodes"}, "nodes": "maybe"})" "\n");
    INFO("stdout: " << r.out);
    CHECK(r.code == exit_code::ok);
    CHECK(last_line(r.out) == "2 passed, 0 failed");
}

// ---------------------------------------------------------------------------------------------
// "error" expectations

TEST_CASE("check passes an error expectation naming the right field", "[check][error]") {
    const Run r = check_text(R"({"size": -3, "grade": 3, "expect": {"error": "size"}})" "\n"
                             R"({"size": 6, "expect": {"error": "grade"}})" "\n");
    INFO("stdout: " << r.out);
    CHECK(r.code == exit_code::ok);
    CHECK(last_line(r.out) == "2 passed, 0 failed");
}

TEST_CASE("check fails an error expectation naming the wrong field", "[check][error]") {
    const Run r = check_text(R"({"size": -3, "grade": 3, "expect": {"error": "grade"}})" "\n");
    CHECK(r.code == exit_code::check_failed);
    const std::string first = lines_of(r.out).at(0);
    CHECK(contains(first, "expected \"grade\""));
    CHECK(contains(first, "got \"size\""));
}

// ---------------------------------------------------------------------------------------------
// Records check cannot use

TEST_CASE("check reports an unknown expect key and names it", "[check][unreadable]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "expect": {"stag": "III"}})" "\n");
    CHECK(contains(r.out, "unknown key \"stag\""));
    CHECK(r.code == exit_code::data);
    CHECK(last_line(r.out) == "0 passed, 1 failed");
}

TEST_CASE("check exits 65 for an unreadable record", "[check][unreadable]") {
    const Run r = check_text(std::string("{\"size\": 6, \"grade\": 3, \"expect\": {\"stage\": \"III\"}}\n") + "not json\n");
    CHECK(r.code == exit_code::data);
    CHECK(contains(r.out, ":2: "));
    CHECK(last_line(r.out) == "1 passed, 1 failed");
}

TEST_CASE("check exits 65 for a record with an unknown case field", "[check][unreadable]") {
    const Run r = check_text(R"({"size": 6, "grade": 3, "metastatis": true, "expect": {"stage": "III"}})" "\n");
    CHECK(r.code == exit_code::data);
    CHECK(contains(r.out, "metastatis"));
}

TEST_CASE("check exits 65 for a record without expect", "[check][unreadable]") {
    const Run r = check_text(R"({"size": 6, "grade": 3})" "\n");
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
    const std::string b = dir.write("b.ndjson", R"({"size": 6, "grade": 3, "expect": {"stage": "IIB"}})" "\n");
    const Run r = run_cli({"check", a, b});
    CHECK(r.code == exit_code::check_failed);
    CHECK(last_line(r.out) == "3 passed, 1 failed");
    CHECK(lines_of(r.out).at(0).rfind(b + ":1: ", 0) == 0);
}

TEST_CASE("check of an empty file passes nothing and fails nothing", "[check][files]") {
    const Run r = check_text("");
    CHECK(r.code == exit_code::ok);
    CHECK(last_line(r.out) == "0 passed, 0 failed");
}
