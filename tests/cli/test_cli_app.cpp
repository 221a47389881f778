// The whole command-line program, run in-process through lmsstage::cli::run: what goes to stdout
// and to stderr, the exit codes, the JSON result, help, version and colour.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/app.hpp"
#include "doors/fields.hpp"
#include "lmsstage/lmsstage.hpp"
#include "support/cli_test_support.hpp"

using lmsstage::cli::Environment;
namespace exit_code = lmsstage::cli::exit_code;
using json = nlohmann::json;

using namespace lmsstage_door_test;

namespace {

std::string joined(const std::vector<std::string>& args) {
    std::string text;
    for (const std::string& arg : args) {
        text += text.empty() ? "" : " ";
        text += arg.empty() ? "''" : arg;
    }
    return text;
}

long count_lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

bool ends_with_newline(const std::string& text) { return !text.empty() && text.back() == '\n'; }

bool has_ansi(const std::string& text) { return contains(text, "\x1b["); }

/// Runs a case that must stage, with --json, and returns the parsed result.
json staged_json(std::vector<std::string> args) {
    args.emplace_back("--json");
    INFO("lmsstage " << joined(args));
    const Run r = run_cli(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.code == exit_code::ok);
    CHECK(r.err.empty());
    REQUIRE(count_lines(r.out) == 1);  // one JSON object, one line
    return json::parse(r.out);
}

/// The usage-error contract: exit 64, nothing on stdout, one line on stderr naming `option`.
/// Returns the stderr text for further checks.
std::string usage_error(const std::vector<std::string>& args, std::string_view option) {
    INFO("lmsstage " << joined(args));
    const Run r = run_cli(args);
    INFO("stdout: " << r.out);
    INFO("stderr: " << r.err);
    CHECK(r.code == exit_code::usage);
    CHECK(r.out.empty());
    CHECK(count_lines(r.err) == 1);
    CHECK(ends_with_newline(r.err));
    CHECK(contains(r.err, option));
    return r.err;
}

const json* row_for(const json& result, std::string_view summary_stage) {
    for (const json& row : result.at("survival").at("rows")) {
        if (row.at("summary_stage").get<std::string>() == summary_stage) {
            return &row;
        }
    }
    return nullptr;
}

/// The line of `text` that contains `part`, or "" when none does.
std::string line_with(const std::string& text, std::string_view part) {
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (contains(line, part)) {
            return line;
        }
    }
    return {};
}

const std::vector<std::string> k_stage_iii = {"--size", "6", "--grade", "3"};
const std::vector<std::string> k_uterine_iia = {"--site", "uterus", "--size", "7", "--adnexa"};
const std::vector<std::string> k_size_unknown = {"--size", "unknown", "--grade", "3"};

}  // namespace

// ---------------------------------------------------------------------------------------------
// The three cases the project promised

TEST_CASE("size 6 grade 3 exits 0 with a text report on stdout only", "[cli][text]") {
    const Run r = run_cli(k_stage_iii);
    CHECK(r.code == exit_code::ok);
    CHECK(r.err.empty());
    CHECK_FALSE(r.out.empty());
}

TEST_CASE("size 6 grade 3 reports stage III", "[cli][text]") {
    const Run r = run_cli(k_stage_iii);
    CHECK(r.out.rfind("Stage III ", 0) == 0);
}

TEST_CASE("size 6 grade 3 reports T2 N0 M0 G3", "[cli][text]") {
    const Run r = run_cli(k_stage_iii);
    CHECK(contains(r.out, "T2 N0 M0 G3"));
}

TEST_CASE("size 6 grade 3 reports the localized row at 82.4 percent", "[cli][text]") {
    const Run r = run_cli(k_stage_iii);
    const std::string row = line_with(r.out, "82.4%");
    INFO("report:\n" << r.out);
    CHECK(contains(row, "localized"));
}

TEST_CASE("uterine 7 cm with adnexa --json is one JSON object with stage IIA", "[cli][json]") {
    const json result = staged_json(k_uterine_iia);
    CHECK(result.at("ok") == true);
    CHECK(result.at("system").at("id") == "figo2009-uterine");
    CHECK(result.at("stage") == "IIA");
    CHECK(result.at("possible_stages") == json::array({"IIA"}));
}

TEST_CASE("uterine 7 cm with adnexa has categories T2a N0 M0", "[cli][json]") {
    const json result = staged_json(k_uterine_iia);
    const json& categories = result.at("categories");
    CHECK(categories.at("T") == "T2a");
    CHECK(categories.at("N") == "N0");
    CHECK(categories.at("M") == "M0");
}

TEST_CASE("uterine 7 cm with adnexa is summary stage regional in the uterine table", "[cli][json]") {
    const json result = staged_json(k_uterine_iia);
    CHECK(result.at("summary_stage") == "regional");
    REQUIRE(result.at("survival").is_object());
    CHECK(result.at("survival").at("table") == "uterine-leiomyosarcoma");
    CHECK(result.at("survival").at("matched") == "regional");
}

TEST_CASE("uterine 7 cm with adnexa shows the regional row at 37 percent", "[cli][json]") {
    const json result = staged_json(k_uterine_iia);
    const json* row = row_for(result, "regional");
    REQUIRE(row != nullptr);
    REQUIRE(row->at("percent").is_number());
    CHECK(row->at("percent").get<double>() == Approx(37.0));
}

TEST_CASE("size unknown grade 3 --json has stage null and possible stages IIA and III", "[cli][json][unknown]") {
    const json result = staged_json(k_size_unknown);
    CHECK(result.at("stage").is_null());
    CHECK(result.at("possible_stages") == json::array({"IIA", "III"}));
}

TEST_CASE("size unknown grade 3 as text lists both candidate stages", "[cli][text][unknown]") {
    const Run r = run_cli(k_size_unknown);
    REQUIRE(r.code == exit_code::ok);
    const std::string first_line = r.out.substr(0, r.out.find('\n'));
    CHECK(contains(first_line, "IIA"));
    CHECK(contains(first_line, "III"));
}

TEST_CASE("sizes in mm are compared in mm at the 5 cm boundary", "[cli][json][size]") {
    const json at_boundary = staged_json({"--size", "50 mm", "--grade", "3"});
    CHECK(at_boundary.at("categories").at("T") == "T1");
    CHECK(at_boundary.at("stage") == "IIA");
    const json over = staged_json({"--size", "50.1 mm", "--grade", "3"});
    CHECK(over.at("categories").at("T") == "T2");
    CHECK(over.at("stage") == "III");
}

// ---------------------------------------------------------------------------------------------
// The JSON result carries every key of the contract

TEST_CASE("the JSON result has every key listed in the interface contract", "[cli][json][contract]") {
    const json result = staged_json(k_stage_iii);
    for (const char* key : {"ok", "system", "categories", "stage", "possible_stages", "summary_stage", "survival",
                            "assumptions", "warnings", "trace", "version"}) {
        INFO("key " << key);
        CHECK(result.contains(key));
    }
    for (const char* key : {"id", "name"}) {
        INFO("system key " << key);
        CHECK(result.at("system").contains(key));
    }
    for (const char* key : {"T", "N", "M", "G"}) {
        INFO("categories key " << key);
        CHECK(result.at("categories").contains(key));
    }
    REQUIRE(result.at("survival").is_object());
    for (const char* key : {"table", "measure", "source", "rows", "matched"}) {
        INFO("survival key " << key);
        CHECK(result.at("survival").contains(key));
    }
}

TEST_CASE("the JSON result has no id when none was given", "[cli][json][contract]") {
    const json result = staged_json(k_stage_iii);
    CHECK_FALSE(result.contains("id"));
}

TEST_CASE("the JSON result values have the contract's types", "[cli][json][contract]") {
    const json result = staged_json(k_stage_iii);
    CHECK(result.at("ok").is_boolean());
    CHECK(result.at("stage").is_string());
    CHECK(result.at("possible_stages").is_array());
    CHECK(result.at("summary_stage").is_string());
    CHECK(result.at("assumptions").is_array());
    CHECK(result.at("warnings").is_array());
    REQUIRE(result.at("trace").is_array());
    REQUIRE_FALSE(result.at("trace").empty());
    CHECK(result.at("trace").front().contains("rule"));
    CHECK(result.at("trace").front().contains("because"));
    const json& rows = result.at("survival").at("rows");
    REQUIRE(rows.is_array());
    CHECK(rows.size() == 3U);
    for (const json& row : rows) {
        CHECK(row.at("summary_stage").is_string());
        CHECK(row.at("percent").is_number());
    }
}

TEST_CASE("the JSON result for size 6 grade 3 matches the contract's example", "[cli][json][contract]") {
    const json result = staged_json(k_stage_iii);
    CHECK(result.at("system").at("id") == "ajcc7-sts");
    CHECK(result.at("system").at("name") == "AJCC 7th edition, soft tissue sarcoma");
    CHECK(result.at("stage") == "III");
    CHECK(result.at("possible_stages") == json::array({"III"}));
    CHECK(result.at("summary_stage") == "localized");
    CHECK(result.at("survival").at("table") == "soft-tissue-sarcoma");
    CHECK(result.at("survival").at("measure") == "5-year relative survival");
    CHECK(result.at("survival").at("matched") == "localized");
    const json* localized = row_for(result, "localized");
    REQUIRE(localized != nullptr);
    CHECK(localized->at("percent").get<double>() == Approx(82.4));
}

TEST_CASE("the JSON result's version is lmsstage and the project version", "[cli][json][contract]") {
    const json result = staged_json(k_stage_iii);
    CHECK(result.at("version") == std::string("lmsstage ") + LMSSTAGE_TEST_VERSION);
}

TEST_CASE("the JSON result states omitted nodes and metastasis as assumptions", "[cli][json][contract]") {
    const json result = staged_json(k_stage_iii);
    CHECK(result.at("assumptions").size() >= 2U);
    CHECK(result.at("warnings").empty());
}

// ---------------------------------------------------------------------------------------------
// Bad input: exit 64, nothing on stdout, one line on stderr that names the option

TEST_CASE("a negative size is a usage error naming --size", "[cli][usage]") {
    const std::string err = usage_error({"--size", "-3", "--grade", "3"}, "--size");
    CHECK(contains(err, "-3"));
}

TEST_CASE("a negative size given as --size=-3 is a usage error naming --size", "[cli][usage]") {
    const std::string err = usage_error({"--size=-3", "--grade", "3"}, "--size");
    CHECK(contains(err, "-3"));
}

TEST_CASE("a zero size is a usage error naming --size", "[cli][usage]") {
    usage_error({"--size", "0", "--grade", "3"}, "--size");
}

TEST_CASE("a non-numeric size is a usage error naming --size", "[cli][usage]") {
    const std::string err = usage_error({"--size", "abc", "--grade", "3"}, "--size");
    CHECK(contains(err, "abc"));
}

TEST_CASE("size nan is a usage error naming --size", "[cli][usage]") {
    usage_error({"--size", "nan", "--grade", "3"}, "--size");
}

TEST_CASE("size inf is a usage error naming --size", "[cli][usage]") {
    usage_error({"--size", "inf", "--grade", "3"}, "--size");
}

TEST_CASE("size 1e400 is a usage error naming --size", "[cli][usage]") {
    usage_error({"--size", "1e400", "--grade", "3"}, "--size");
}

TEST_CASE("a size with an unknown unit is a usage error naming --size and the unit", "[cli][usage]") {
    const std::string err = usage_error({"--size", "5in", "--grade", "3"}, "--size");
    CHECK(contains(err, "in"));
    CHECK(contains(err, "mm"));
}

TEST_CASE("an empty size is a usage error naming --size", "[cli][usage]") {
    usage_error({"--size", "", "--grade", "3"}, "--size");
}

TEST_CASE("grade 4 is a usage error naming --grade and the accepted grades", "[cli][usage]") {
    // In a four-tier grade, 4 is the highest (AJCC 6th ed. soft tissue sarcoma: grades 3 and 4 of a
    // four-grade system are high grade): never "did you mean 1?".
    const std::string err = usage_error({"--size", "6", "--grade", "4"}, "--grade");
    CHECK(contains(err, "1, 2, 3, X, high or unknown"));
    CHECK(contains(err, "grade 4 of a four-tier system is its highest"));
    CHECK_FALSE(contains(err, "did you mean"));
}

TEST_CASE("grade G4 is a usage error naming --grade", "[cli][usage]") {
    const std::string err = usage_error({"--size", "6", "--grade", "G4"}, "--grade");
    CHECK(contains(err, "G4"));
}

TEST_CASE("a soft tissue case without a grade is a usage error naming --grade", "[cli][usage]") {
    usage_error({"--size", "6"}, "--grade");
}

TEST_CASE("a case without a size is a usage error naming --size", "[cli][usage]") {
    usage_error({"--grade", "3"}, "--size");
}

TEST_CASE("a uterine case without a size is a usage error naming --size", "[cli][usage]") {
    usage_error({"--site", "uterus"}, "--size");
}

TEST_CASE("an unknown site is a usage error naming --site and what was given", "[cli][usage]") {
    const std::string err = usage_error({"--site", "lung", "--size", "6", "--grade", "3"}, "--site");
    CHECK(contains(err, "lung"));
}

TEST_CASE("an unknown histology is a usage error naming --histology", "[cli][usage]") {
    const std::string err = usage_error({"--histology", "carcinoma", "--size", "6", "--grade", "3"}, "--histology");
    CHECK(contains(err, "carcinoma"));
}

TEST_CASE("a negative abdominal site count is a usage error naming --abdominal-sites", "[cli][usage]") {
    usage_error({"--site", "uterus", "--size", "6", "--abdominal-sites", "-1"}, "--abdominal-sites");
}

TEST_CASE("a fractional abdominal site count is a usage error naming --abdominal-sites", "[cli][usage]") {
    usage_error({"--site", "uterus", "--size", "6", "--abdominal-sites", "1.5"}, "--abdominal-sites");
}

TEST_CASE("myometrial invasion over 100 is a usage error naming --myometrial-invasion", "[cli][usage]") {
    usage_error({"--site", "uterus", "--histology", "adenosarcoma", "--myometrial-invasion", "101"},
                "--myometrial-invasion");
}

TEST_CASE("negative myometrial invasion is a usage error naming --myometrial-invasion", "[cli][usage]") {
    usage_error({"--site", "uterus", "--histology", "adenosarcoma", "--myometrial-invasion", "-1"},
                "--myometrial-invasion");
}

TEST_CASE("nodes given as maybe is a usage error naming --nodes", "[cli][usage]") {
    usage_error({"--size", "6", "--grade", "3", "--nodes=maybe"}, "--nodes");
}

TEST_CASE("an edition other than 7 or 8 is a usage error naming --edition", "[cli][usage]") {
    usage_error({"--size", "6", "--grade", "3", "--edition", "9"}, "--edition");
}

TEST_CASE("nodes given as both --nodes and --no-nodes is a usage error naming both", "[cli][usage]") {
    const std::string err = usage_error({"--size", "6", "--grade", "3", "--nodes", "--no-nodes"}, "--nodes");
    CHECK(contains(err, "--no-nodes"));
}

TEST_CASE("metastasis given as both --metastasis and --no-metastasis is a usage error naming both", "[cli][usage]") {
    const std::string err =
        usage_error({"--size", "6", "--grade", "3", "--no-metastasis", "--metastasis"}, "--metastasis");
    CHECK(contains(err, "--no-metastasis"));
}

TEST_CASE("an option given twice is a usage error naming it", "[cli][usage]") {
    usage_error({"--size", "6", "--grade", "3", "--size", "7"}, "--size");
}

TEST_CASE("the same value given twice is still a usage error", "[cli][usage]") {
    usage_error({"--size", "6", "--grade", "3", "--grade", "3"}, "--grade");
}

TEST_CASE("a flag given twice is a usage error naming it", "[cli][usage]") {
    usage_error({"--size", "6", "--grade", "3", "--nodes", "--nodes"}, "--nodes");
}

TEST_CASE("an unknown option is a usage error naming it", "[cli][usage]") {
    usage_error({"--size", "6", "--grade", "3", "--colour"}, "--colour");
}

TEST_CASE("a misspelt option suggests the option meant", "[cli][usage]") {
    const std::string err = usage_error({"--sise", "6", "--grade", "3"}, "--sise");
    CHECK(contains(err, "did you mean"));
    CHECK(contains(err, "--size"));
}

TEST_CASE("id is JSON only: --id is an unknown option", "[cli][usage]") {
    usage_error({"--size", "6", "--grade", "3", "--id", "17"}, "--id");
}

TEST_CASE("a stray argument before the options is a usage error naming it", "[cli][usage]") {
    const std::string err = usage_error({"extra", "--size", "6", "--grade", "3"}, "extra");
    CHECK(contains(err, "unexpected argument"));
}

TEST_CASE("a stray argument after the last value is a usage error naming it", "[cli][usage]") {
    const std::string err = usage_error({"--size", "6", "--grade", "3", "extra"}, "extra");
    CHECK(contains(err, "unexpected argument"));
}

TEST_CASE("a stray argument between options is a usage error naming it", "[cli][usage]") {
    const std::string err = usage_error({"--size", "6", "extra", "--grade", "3"}, "extra");
    CHECK(contains(err, "unexpected argument"));
}

TEST_CASE("an option missing its value at the end is a usage error naming it", "[cli][usage]") {
    const std::string err = usage_error({"--size", "6", "--grade"}, "--grade");
    CHECK(contains(err, "needs a value"));
}

TEST_CASE("an option missing its value before another option is a usage error naming it", "[cli][usage]") {
    const std::string err = usage_error({"--grade", "--size", "6"}, "--grade");
    CHECK(contains(err, "needs a value"));
}

TEST_CASE("an option with an empty value after = is a usage error naming it", "[cli][usage]") {
    usage_error({"--size", "6", "--grade="}, "--grade");
}

TEST_CASE("usage errors start with the program name", "[cli][usage]") {
    const Run r = run_cli({"--size", "-3", "--grade", "3"});
    CHECK(r.err.rfind("lmsstage: ", 0) == 0);
}

// ---------------------------------------------------------------------------------------------
// A field that does not apply is used for nothing, and the result says so

TEST_CASE("adnexa on a soft tissue case stages with a warning about adnexa", "[cli][warnings]") {
    const json result = staged_json({"--size", "6", "--grade", "3", "--adnexa"});
    CHECK(result.at("stage") == "III");
    REQUIRE(result.at("warnings").size() == 1U);
    CHECK(contains(result.at("warnings").front().get<std::string>(), "adnexa"));
}

TEST_CASE("grade on a uterine case stages with a warning about grade", "[cli][warnings]") {
    const json result = staged_json({"--site", "uterus", "--size", "7", "--grade", "3"});
    CHECK(result.at("stage") == "IB");
    REQUIRE(result.at("warnings").size() == 1U);
    CHECK(contains(result.at("warnings").front().get<std::string>(), "grade"));
}

TEST_CASE("a warning also shows in the text report, on stdout", "[cli][warnings]") {
    const Run r = run_cli({"--site", "uterus", "--size", "7", "--grade", "3"});
    CHECK(r.code == exit_code::ok);
    CHECK(r.err.empty());
    CHECK(contains(line_with(r.out, "not used"), "grade"));
}

// ---------------------------------------------------------------------------------------------
// Help and version

TEST_CASE("help exits 0 with help on stdout and nothing on stderr", "[cli][help]") {
    const Run r = run_cli({"--help"});
    CHECK(r.code == exit_code::ok);
    CHECK(r.err.empty());
    CHECK_FALSE(r.out.empty());
}

TEST_CASE("help shows examples", "[cli][help]") {
    const Run r = run_cli({"--help"});
    CHECK(contains(r.out, "Examples:"));
    CHECK(contains(r.out, "lmsstage --size 6 --grade 3"));
    CHECK(contains(r.out, "lmsstage --site uterus --size 7 --adnexa --json"));
}

TEST_CASE("help lists the exit codes", "[cli][help]") {
    const Run r = run_cli({"--help"});
    const std::string tail = r.out.substr(std::min(r.out.size(), r.out.find("Exit codes")));
    CHECK(contains(r.out, "Exit codes"));
    for (const char* code : {" 0 ", " 64 ", " 70 ", " 74 "}) {
        INFO("exit code " << code);
        CHECK(contains(tail, code));
    }
}

TEST_CASE("help has the short form -h", "[cli][help]") { CHECK(run_cli({"-h"}).out == run_cli({"--help"}).out); }

TEST_CASE("help lists every command-line option of the field table", "[cli][help]") {
    const Run r = run_cli({"--help"});
    for (const lmsstage::cli::FieldSpec& spec : lmsstage::cli::field_specs()) {
        if (spec.field == lmsstage::Field::id) {
            continue;  // JSON only
        }
        INFO("option " << spec.option);
        CHECK(contains(r.out, spec.option));
    }
}

TEST_CASE("help takes precedence over case fields", "[cli][help]") {
    const Run r = run_cli({"--size", "6", "--grade", "3", "--help"});
    CHECK(r.code == exit_code::ok);
    CHECK(r.out == run_cli({"--help"}).out);
}

TEST_CASE("version prints lmsstage and the version on the first line", "[cli][version]") {
    const Run r = run_cli({"--version"});
    CHECK(r.code == exit_code::ok);
    CHECK(r.err.empty());
    CHECK(r.out.substr(0, r.out.find('\n')) == std::string("lmsstage ") + LMSSTAGE_TEST_VERSION);
}

TEST_CASE("version prints the rule sets", "[cli][version]") {
    const Run r = run_cli({"--version"});
    CHECK(contains(r.out, lmsstage::rule_set_editions()));
    CHECK(contains(r.out, "AJCC 7th edition"));
    CHECK(contains(r.out, "FIGO 2009"));
}

TEST_CASE("the library version is the project version", "[cli][version]") {
    CHECK(lmsstage::version() == LMSSTAGE_TEST_VERSION);
}

// ---------------------------------------------------------------------------------------------
// Colour

TEST_CASE("the text report is coloured on a terminal without NO_COLOR", "[cli][colour]") {
    const Run r = run_cli(k_stage_iii, Environment{true, false});
    CHECK(r.code == exit_code::ok);
    CHECK(has_ansi(r.out));
}

TEST_CASE("the text report has no colour when stdout is not a terminal", "[cli][colour]") {
    CHECK_FALSE(has_ansi(run_cli(k_stage_iii, Environment{false, false}).out));
}

TEST_CASE("the text report has no colour on a terminal with NO_COLOR", "[cli][colour]") {
    CHECK_FALSE(has_ansi(run_cli(k_stage_iii, Environment{true, true}).out));
}

TEST_CASE("the text report has no colour off a terminal with NO_COLOR", "[cli][colour]") {
    CHECK_FALSE(has_ansi(run_cli(k_stage_iii, Environment{false, true}).out));
}

TEST_CASE("JSON is never coloured, even on a terminal", "[cli][colour]") {
    std::vector<std::string> args = k_stage_iii;
    args.emplace_back("--json");
    const Run r = run_cli(args, Environment{true, false});
    CHECK_FALSE(has_ansi(r.out));
    CHECK_NOTHROW(json::parse(r.out));
}

TEST_CASE("usage errors are never coloured", "[cli][colour]") {
    const Run r = run_cli({"--size", "-3", "--grade", "3"}, Environment{true, false});
    CHECK_FALSE(has_ansi(r.err));
}

// ---------------------------------------------------------------------------------------------
// --explain

TEST_CASE("explain adds the rule trace to the text report", "[cli][explain]") {
    const json result = staged_json(k_stage_iii);
    std::string stage_because;
    for (const json& step : result.at("trace")) {
        if (step.at("rule") == "stage") {
            stage_because = step.at("because").get<std::string>();
        }
    }
    REQUIRE_FALSE(stage_because.empty());

    std::vector<std::string> explained_args = k_stage_iii;
    explained_args.emplace_back("--explain");
    const Run explained = run_cli(explained_args);
    const Run plain = run_cli(k_stage_iii);
    CHECK(explained.code == exit_code::ok);
    CHECK(contains(explained.out, stage_because));
    CHECK_FALSE(contains(plain.out, stage_because));
}

TEST_CASE("explain shows every step of the trace", "[cli][explain]") {
    const json result = staged_json(k_stage_iii);
    std::vector<std::string> args = k_stage_iii;
    args.emplace_back("--explain");
    const Run r = run_cli(args);
    for (const json& step : result.at("trace")) {
        const std::string because = step.at("because").get<std::string>();
        INFO("trace step " << step.at("rule").get<std::string>() << ": " << because);
        // The report wraps long lines at 80 columns: compare with the wrapping undone.
        CHECK(contains(flat(r.out), flat(because)));
    }
}

TEST_CASE("explain keeps the clinical judgment reminder last", "[cli][explain]") {
    std::vector<std::string> args = k_stage_iii;
    args.emplace_back("--explain");
    const Run r = run_cli(args);
    std::string text = r.out;
    while (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    CHECK(text.substr(text.rfind('\n') + 1) == lmsstage::clinical_judgment_reminder());
}

// ---------------------------------------------------------------------------------------------
// Output that cannot be written

namespace {
Run run_with_failing_stdout(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    out.setstate(std::ios::badbit);
    Run r;
    r.code = lmsstage::cli::run(args, out, err, Environment{});
    r.err = err.str();
    return r;
}
}  // namespace

TEST_CASE("a text report that cannot be written exits 74 with one line on stderr", "[cli][io]") {
    const Run r = run_with_failing_stdout(k_stage_iii);
    CHECK(r.code == exit_code::io);
    CHECK(count_lines(r.err) == 1);
}

TEST_CASE("a JSON result that cannot be written exits 74", "[cli][io]") {
    std::vector<std::string> args = k_uterine_iia;
    args.emplace_back("--json");
    CHECK(run_with_failing_stdout(args).code == exit_code::io);
}

TEST_CASE("help that cannot be written exits 74", "[cli][io]") {
    CHECK(run_with_failing_stdout({"--help"}).code == exit_code::io);
}

TEST_CASE("a version that cannot be written exits 74", "[cli][io]") {
    CHECK(run_with_failing_stdout({"--version"}).code == exit_code::io);
}

TEST_CASE("a usage error is still 64 when stdout cannot be written", "[cli][io]") {
    CHECK(run_with_failing_stdout({"--size", "-3", "--grade", "3"}).code == exit_code::usage);
}

// ---- A good Unix citizen, and a vocabulary that forgives what clinicians type ----------------

namespace {

Run run_env(const std::vector<std::string>& args, const Environment& env) { return run_cli(args, env); }

bool every_line_fits(const std::string& text, std::size_t width) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.size() > width) {
            return false;
        }
    }
    return true;
}

}  // namespace

TEST_CASE("no arguments: a short usage on stderr pointing at --help, exit 64", "[cli][conventions]") {
    const Run r = run_cli({});
    CHECK(r.code == exit_code::usage);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "Usage: lmsstage"));
    CHECK(contains(r.err, "lmsstage --help"));
}

TEST_CASE("help and help COMMAND print the help, an unknown command is a usage error", "[cli][conventions]") {
    const Run main_help = run_cli({"help"});
    CHECK(main_help.code == exit_code::ok);
    CHECK(main_help.out == run_cli({"--help"}).out);
    const Run batch_help = run_cli({"help", "batch"});
    CHECK(batch_help.code == exit_code::ok);
    CHECK(batch_help.out.rfind("Usage: lmsstage batch", 0) == 0);
    CHECK(run_cli({"help", "check"}).out.rfind("Usage: lmsstage check", 0) == 0);
    CHECK(run_cli({"help", "nosuch"}).code == exit_code::usage);
}

TEST_CASE("a double dash ends the options: nothing may follow it for a single case", "[cli][conventions]") {
    const Run r = run_cli({"--", "--size", "6", "--grade", "3"});
    CHECK(r.code == exit_code::usage);
    CHECK(contains(r.err, "ends the options"));
    CHECK_FALSE(contains(r.err, "unknown option --"));
}

TEST_CASE("colour: always, never and auto, with TERM dumb and NO_COLOR turning auto off",
          "[cli][conventions][colour]") {
    const std::vector<std::string> base = {"--size", "6", "--grade", "3"};
    auto with = [&base](std::string_view colour) {
        std::vector<std::string> args = base;
        args.emplace_back(colour);
        return args;
    };
    Environment pipe;
    Environment terminal;
    terminal.stdout_is_terminal = true;
    Environment dumb = terminal;
    dumb.term_dumb = true;
    Environment no_color = terminal;
    no_color.no_color = true;
    CHECK(contains(run_env(with("--color=always"), pipe).out, "\x1b["));
    CHECK_FALSE(contains(run_env(with("--color=never"), terminal).out, "\x1b["));
    CHECK(contains(run_env(with("--color=auto"), terminal).out, "\x1b["));
    CHECK_FALSE(contains(run_env(with("--color=auto"), dumb).out, "\x1b["));
    CHECK_FALSE(contains(run_env(with("--color=auto"), no_color).out, "\x1b["));
    CHECK(run_cli(with("--color=sometimes")).code == exit_code::usage);
}

TEST_CASE("at 80 columns no line of the report or of --help is wider, and the stage is on the first line",
          "[cli][conventions][width]") {
    Environment env;
    env.columns = 80;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--size", "6", "--grade", "3", "--explain"},
          std::vector<std::string>{"--site", "uterus", "--size", "unknown", "--nodes=unknown", "--explain"},
          std::vector<std::string>{"--edition", "8", "--site", "head-neck", "--size", "1", "--adjoining-invasion",
                                   "t4b"}}) {
        const Run r = run_env(args, env);
        REQUIRE(r.code == exit_code::ok);
        CHECK(every_line_fits(r.out, 80));
        CHECK((r.out.rfind("Stage ", 0) == 0 || r.out.rfind("FIGO stage ", 0) == 0 ||
               r.out.rfind("No stage group", 0) == 0));
    }
    CHECK(every_line_fits(run_cli({"--help"}).out, 80));
    for (std::string_view command : {"batch", "check", "rules", "help", "completion"}) {
        INFO("help " << command);
        CHECK(every_line_fits(run_cli({"help", std::string(command)}).out, 80));
    }
}

TEST_CASE("brief gives at most 5 lines: stage, TNM and summary stage, survival figure, current edition",
          "[cli][brief]") {
    const Run r = run_cli({"--size", "6", "--grade", "3", "--brief"});
    CHECK(r.code == exit_code::ok);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') <= 5);
    CHECK(contains(r.out, "Stage III"));
    CHECK(contains(r.out, "T2 N0 M0 G3"));
    CHECK(contains(r.out, "82.4%"));                                   // SEER Soft Tissue including Heart, localized
    CHECK(contains(r.out, "AJCC 8th edition (2017, current): IIIA"));  // AJCC 8 ch. 41: T2 N0 M0 G3
    CHECK(run_cli({"--size", "6", "--grade", "3", "--brief", "--json"}).code == exit_code::usage);
}

TEST_CASE("grades as clinicians write them: III and G3 are grade 3", "[cli][vocabulary]") {
    for (std::string_view grade : {"III", "G3", "g3", "iii"}) {
        INFO("--grade " << grade);
        const json j = staged_json({"--size", "6", "--grade", std::string(grade)});
        CHECK(j.at("categories").at("G") == "G3");
        CHECK(j.at("stage") == "III");  // AJCC 7: T2 N0 M0 G3
    }
}

TEST_CASE("a grade stated as low grade only is refused with what to enter instead", "[cli][vocabulary]") {
    // SEER Grade Clinical / Pathological, soft tissue schemas, note 4: code 1 for "low grade" only.
    const std::string err = usage_error({"--size", "6", "--grade", "low"}, "--grade");
    CHECK(contains(err, "enter 1"));
}

TEST_CASE("sizes as clinicians type them: a unit apart, a decimal comma, several dimensions", "[cli][vocabulary]") {
    CHECK(contains(usage_error({"--size", "6", "cm", "--grade", "3"}, "unexpected argument"), "write 6cm"));
    CHECK(contains(usage_error({"--size", "6,5", "--grade", "3"}, "--size"), "use a decimal point: 6.5"));
    CHECK(contains(usage_error({"--size", "6x4x3", "--grade", "3"}, "--size"), "greatest dimension only: 6"));
    CHECK(staged_json({"--size", "6CM", "--grade", "3"}).at("categories").at("T") == "T2");
}

TEST_CASE("body sites and organs point to the field they belong in", "[cli][vocabulary]") {
    CHECK(contains(usage_error({"--site", "thigh", "--size", "6", "--grade", "3"}, "--site"), "site extremity"));
    CHECK(contains(usage_error({"--site", "leg", "--size", "6", "--grade", "3"}, "--site"), "site extremity"));
    CHECK(contains(usage_error({"--site", "stomach"}, "--site"), "site gi, gi_site stomach"));
    const json retro = staged_json({"--site", "retroperitoneal", "--size", "6", "--grade", "3"});
    CHECK(retro.at("categories").at("T") == "T2b");  // retroperitoneal: deep by definition
}

TEST_CASE("organ names as written (oesophagus, duodenum, rectum) and values in any case", "[cli][vocabulary]") {
    const std::vector<std::string> gist = {"--site", "gi", "--histology", "gist", "--size", "3", "--mitotic-rate", "2"};
    for (const auto& [word, table] : {std::pair{"oesophagus", "intestinal"}, std::pair{"duodenum", "intestinal"},
                                      std::pair{"rectum", "intestinal"}, std::pair{"Stomach", "gastric"}}) {
        INFO("--gi-site " << word);
        std::vector<std::string> args = gist;
        args.insert(args.end(), {"--gi-site", word});
        const json j = staged_json(args);
        CHECK(contains(j.at("system").at("name").get<std::string>(), table));
    }
    CHECK(staged_json({"--size", "6", "--grade", "3", "--depth", "Deep"}).at("categories").at("T") == "T2b");
}

TEST_CASE("a yes/no field's value after a space gets a hint to write it after =", "[cli][vocabulary]") {
    CHECK(contains(usage_error({"--size", "6", "--grade", "3", "--nodes", "unknown"}, "unexpected argument"),
                   "write --nodes=unknown"));
}

TEST_CASE("completion prints the script of each shell, another shell is a usage error", "[cli][completion]") {
    for (std::string_view shell : {"bash", "zsh", "fish"}) {
        const Run r = run_cli({"completion", std::string(shell)});
        CHECK(r.code == exit_code::ok);
        CHECK(contains(r.out, "lmsstage __complete"));  // the script asks the program
    }
    const Run completed = run_cli({"__complete", "--si"});
    CHECK(completed.code == exit_code::ok);
    CHECK(completed.out.rfind("--site\t", 0) == 0);
    CHECK(run_cli({"completion", "tcsh"}).code == exit_code::usage);
}

// ---- The options model's edges (cli/options.cpp) --------------------------------------------

TEST_CASE("a yes/no field: --nodes=unknown reads as NX, --no-nodes=yes is refused", "[cli][options]") {
    // AJCC 7 soft tissue: nodes unknown is NX (docs/rules.md); --no-NAME takes no value.
    CHECK(staged_json({"--size", "6", "--grade", "3", "--nodes=unknown"}).at("categories").at("N") == "NX");
    CHECK(staged_json({"--size", "6", "--grade", "3", "--nodes=no"}).at("categories").at("N") == "N0");
    CHECK(staged_json({"--size", "6", "--grade", "3", "--no-nodes"}).at("categories").at("N") == "N0");
    CHECK(contains(usage_error({"--size", "6", "--grade", "3", "--no-nodes=yes"}, "--no-nodes"), "takes no value"));
}

TEST_CASE("an integer field given unknown or a word: read by the core, no conversion fault", "[cli][options]") {
    CHECK(staged_json({"--site", "uterus", "--size", "6", "--abdominal-sites", "unknown"}).at("ok") == true);
    usage_error({"--site", "uterus", "--size", "6", "--abdominal-sites", "several"}, "--abdominal-sites");
}

TEST_CASE("a program flag given a value, and --color given nothing else, are usage errors", "[cli][options]") {
    CHECK(contains(usage_error({"--size", "6", "--grade", "3", "--json=yes"}, "--json"), "takes no value"));
    CHECK(contains(usage_error({"--size", "6", "--grade", "3", "--color=sometimes"}, "--color"),
                   "auto, always or never"));
}

TEST_CASE("help wins over the rest of the line, and a command's name must come first", "[cli][options]") {
    const Run r = run_cli({"--sise", "6", "--help"});
    CHECK(r.code == exit_code::ok);
    CHECK(r.out == run_cli({"--help"}).out);
    CHECK(contains(usage_error({"--size", "6", "batch"}, "\"batch\""), "unexpected argument"));
}

TEST_CASE("a command's options: a value option twice, a flag with a value, a case field", "[cli][options]") {
    CHECK(contains(usage_error({"batch", "--to", "csv", "--to", "tsv"}, "--to"), "given more than once"));
    CHECK(contains(usage_error({"batch", "--naaccr=yes"}, "--naaccr"), "takes no value"));
    CHECK(contains(usage_error({"check", "x.ndjson", "--junit"}, "--junit"), "needs a value"));
    CHECK(contains(usage_error({"batch", "--size", "6"}, "--size"), "case fields go in the records"));
    CHECK(contains(usage_error({"rules", "--jsn"}, "--jsn"), "see lmsstage rules --help"));
}

TEST_CASE("after -- a command's words are all files, even one that looks like an option", "[cli][options]") {
    const Run r = run_cli({"batch", "--", "--no-such-file"});
    CHECK(r.code == exit_code::no_input);
    CHECK(contains(r.err, "cannot read --no-such-file"));
    // A file name in brackets with a comma is one name, not a list.
    CHECK(contains(run_cli({"check", "[a,b]"}).err, "cannot read [a,b]: "));
}
