// lmsstage rules [SYSTEM] [--json], run in-process: the Markdown tables, one system at a time, the
// usage error for an unknown system, and the JSON form.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/app.hpp"
#include "lmsstage/lmsstage.hpp"
#include "support/cli_test_support.hpp"

using lmsstage::cli::Environment;
namespace exit_code = lmsstage::cli::exit_code;
using json = nlohmann::json;

using namespace lmsstage_door_test;

namespace {

/// The Markdown section that starts with the heading naming `system_id`, up to the next "## ".
std::string section_for(const std::string& markdown, std::string_view system_id) {
    const std::string marker = "(`" + std::string(system_id) + "`)\n";
    std::size_t start = markdown.find(marker);
    if (start == std::string::npos) {
        return {};
    }
    start = markdown.rfind("## ", start);
    const std::size_t end = markdown.find("\n## ", start + 3);
    std::string section = markdown.substr(start, end == std::string::npos ? std::string::npos : end - start);
    while (!section.empty() && section.back() == '\n') {
        section.pop_back();  // the blank lines before the next heading or the end
    }
    return section;
}

/// The table rows of `text` whose first cell is `first_cell`.
std::vector<std::string> rows_starting(const std::string& text, std::string_view first_cell) {
    std::vector<std::string> rows;
    std::istringstream lines(text);
    std::string line;
    const std::string prefix = "| " + std::string(first_cell) + " |";
    while (std::getline(lines, line)) {
        if (line.rfind(prefix, 0) == 0) {
            rows.push_back(line);
        }
    }
    return rows;
}

/// The rows of `stage` in the table that `lmsstage rules` prints for `system_id`.
std::vector<std::string> stage_rows(std::string_view system_id, std::string_view stage) {
    return rows_starting(section_for(run_cli({"rules"}).out, system_id), stage);
}

/// The one row of `stage` in that table (the test stops when there is not exactly one).
std::string only_stage_row(std::string_view system_id, std::string_view stage) {
    const std::vector<std::string> rows = stage_rows(system_id, stage);
    REQUIRE(rows.size() == 1);
    return rows[0];
}

std::vector<std::string> system_ids() {
    std::vector<std::string> ids;
    for (const lmsstage::RuleSet* rules : lmsstage::all_rule_sets()) {
        ids.emplace_back(rules->system.id);
    }
    return ids;
}

json rules_json(const std::vector<std::string>& args) {
    const Run r = run_cli(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.code == exit_code::ok);
    json j;
    REQUIRE_NOTHROW(j = json::parse(r.out));
    return j;
}

const json* rule_set(const json& j, std::string_view id) {
    for (const json& rules : j.at("rule_sets")) {
        if (rules.at("system").at("id") == id) {
            return &rules;
        }
    }
    return nullptr;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Markdown

TEST_CASE("rules exits 0 and writes Markdown on stdout only", "[rules]") {
    const Run r = run_cli({"rules"});
    CHECK(r.code == exit_code::ok);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("# lmsstage ", 0) == 0);
}

TEST_CASE("rules knows the three systems this version stages", "[rules]") {
    const auto ids = system_ids();
    const std::set<std::string> got(ids.begin(), ids.end());
    CHECK(got.count("ajcc7-sts") == 1);
    CHECK(got.count("figo2009-uterine") == 1);
    CHECK(got.count("figo2009-adenosarcoma") == 1);
}

TEST_CASE("rules prints a section for each system id", "[rules]") {
    const Run r = run_cli({"rules"});
    for (const std::string& id : system_ids()) {
        INFO("system " << id);
        CHECK(contains(r.out, "(`" + id + "`)"));
        CHECK_FALSE(section_for(r.out, id).empty());
    }
}

TEST_CASE("rules prints the ajcc7-sts IIB row as T2 N0 M0 G2", "[rules]") {
    CHECK(only_stage_row("ajcc7-sts", "IIB") == "| IIB | T2 | N0 | M0 | G2 |");
}

TEST_CASE("rules prints both ajcc7-sts stage III rows", "[rules]") {
    const auto rows = stage_rows("ajcc7-sts", "III");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == "| III | T2 | N0 | M0 | G3 |");
    CHECK(rows[1] == "| III | any T | N1 | M0 | any G |");
}

TEST_CASE("rules prints the ajcc7-sts IA row with G1 and GX", "[rules]") {
    CHECK(only_stage_row("ajcc7-sts", "IA") == "| IA | T1 | N0 | M0 | G1, GX |");
}

TEST_CASE("rules prints the figo2009-uterine IIIC row with N1", "[rules]") {
    CHECK(contains(only_stage_row("figo2009-uterine", "IIIC"), "| N1 | M0 |"));
}

TEST_CASE("rules prints the figo2009-uterine IVA and IVB rows", "[rules]") {
    CHECK(contains(only_stage_row("figo2009-uterine", "IVA"), "| T4 | any N | M0 |"));
    CHECK(contains(only_stage_row("figo2009-uterine", "IVB"), "| any T | any N | M1 |"));
}

TEST_CASE("rules prints the soft tissue survival figures 82.4 59.8 16.7", "[rules]") {
    const Run r = run_cli({"rules"});
    // SEER Cancer Stat Facts, Soft Tissue including Heart: localized 82.4, regional 59.8, distant 16.7.
    const std::size_t at = r.out.find("### Soft tissue sarcoma (`soft-tissue-sarcoma`)");
    REQUIRE(at != std::string::npos);
    const std::string table = r.out.substr(at, r.out.find("###", at + 3) - at);
    CHECK(contains(table, "| 82.4% | 59.8% | 16.7% |"));
}

TEST_CASE("rules prints the survival caveat", "[rules]") {
    CHECK(contains(run_cli({"rules"}).out, "not a prediction for one patient"));
}

TEST_CASE("rules for one system prints only that system", "[rules][system]") {
    const Run r = run_cli({"rules", "ajcc7-sts"});
    CHECK(r.code == exit_code::ok);
    CHECK(contains(r.out, "(`ajcc7-sts`)"));
    CHECK_FALSE(contains(r.out, "(`figo2009-uterine`)"));
    CHECK_FALSE(contains(r.out, "(`figo2009-adenosarcoma`)"));
    CHECK_FALSE(contains(r.out, "82.4%"));
    CHECK(rows_starting(r.out, "IIB").size() == 1);
}

TEST_CASE("rules for one system is that system's section of the full output", "[rules][system]") {
    const std::string all = run_cli({"rules"}).out;
    for (const std::string& id : system_ids()) {
        const Run one = run_cli({"rules", id});
        INFO("system " << id);
        REQUIRE(one.code == exit_code::ok);
        CHECK(section_for(one.out, id) == section_for(all, id));
    }
}

TEST_CASE("rules survival prints only the survival tables", "[rules][system]") {
    const Run r = run_cli({"rules", "survival"});
    CHECK(r.code == exit_code::ok);
    CHECK(contains(r.out, "82.4%"));
    CHECK_FALSE(contains(r.out, "(`ajcc7-sts`)"));
}

TEST_CASE("rules nonsense exits 64 naming the accepted systems", "[rules][usage]") {
    const Run r = run_cli({"rules", "nonsense"});
    CHECK(r.code == exit_code::usage);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "nonsense"));
    for (const std::string& id : system_ids()) {
        CHECK(contains(r.err, id));
    }
}

TEST_CASE("rules histologies lists every row of the histology table, and nothing else", "[rules][histology]") {
    const Run r = run_cli({"rules", "histologies"});
    CHECK(r.code == exit_code::ok);
    CHECK_FALSE(contains(r.out, "(`ajcc7-sts`)"));
    CHECK_FALSE(contains(r.out, "82.4%"));
    for (const lmsstage::HistologyRow& row : lmsstage::histology_table()) {
        std::string cell = "\n| ";
        cell += std::to_string(row.code_from);
        if (row.code_to != row.code_from) {
            cell += '-';
            cell += std::to_string(row.code_to);
        }
        cell += '/';
        cell += std::to_string(row.behaviour);
        cell += " | ";
        INFO(cell);
        CHECK(contains(r.out, cell));
    }
}

TEST_CASE("rules histologies: leiomyosarcoma is staged everywhere, Kaposi sarcoma nowhere, with the reason",
          "[rules][histology]") {
    const std::string out = run_cli({"rules", "histologies"}).out;
    // ICD-O-3 8890/3 leiomyosarcoma, NOS: AJCC 7th ed. ch. 28, AJCC 8th ed. soft tissue chapters,
    // FIGO 2009 uterine sarcoma, AJCC 8th ed. visceral sarcoma in the GI tract.
    CHECK(contains(out,
                   "| 8890/3 | lms | leiomyosarcoma, NOS | leiomyosarcoma | yes | yes | FIGO 2009 leiomyosarcoma "
                   "and endometrial stromal sarcoma | AJCC 8 visceral sarcoma (T only; not staged by AJCC 7) | - |"));
    // ICD-O-3 9140/3 Kaposi sarcoma: excluded from the AJCC soft tissue sarcoma chapters.
    CHECK(contains(out,
                   "| 9140/3 | kaposi-sarcoma | Kaposi sarcoma | kaposi, kaposi's-sarcoma, ks | - | - | - | - | "
                   "Kaposi sarcoma (ICD-O-3 9140/3) is excluded from the AJCC soft tissue sarcoma chapters"));
}

TEST_CASE("rules histologies --json gives each row with its codes, words, staging and source", "[rules][histology]") {
    const json j = rules_json({"rules", "histologies", "--json"});
    REQUIRE(j.contains("histologies"));
    CHECK(j["histologies"].size() == lmsstage::histology_table().size());
    CHECK(j["rule_sets"].empty());
    for (const auto& row : j["histologies"]) {
        CHECK_FALSE(row["source"].get<std::string>().empty());
        if (row["code"] == "8936/3") {  // ICD-O-3 8936/3 GIST: the AJCC GIST chapter, at site gi only
            CHECK(row["word"] == "gist");
            CHECK(row["ajcc7"] == false);
            CHECK(row["uterus"].is_null());
            CHECK(row["gi"] == "AJCC GIST");
        }
        if (row["code"] == "8821/1") {  // desmoid tumour: no TNM stage
            CHECK(row["synonyms"].size() == 5);
            CHECK(row["ajcc8"] == false);
            CHECK(contains(row["refusal"].get<std::string>(), "has no TNM stage"));
        }
    }
}

TEST_CASE("the histology help's pointer, lmsstage rules histologies, is a command that works", "[rules][histology]") {
    CHECK(contains(run_cli({"--help"}).out, "lmsstage rules histologies"));
    CHECK(run_cli({"rules", "histologies"}).code == exit_code::ok);
}

TEST_CASE("rules --help and the usage error name every topic rules takes", "[rules][usage]") {
    const std::string help = run_cli({"rules", "--help"}).out;
    const std::string err = run_cli({"rules", "nonsense"}).err;
    for (const std::string quoted : {"\"survival\"", "\"notes\"", "\"gist-risk\"", "\"histologies\""}) {
        INFO(quoted);
        CHECK(contains(help, quoted));
        CHECK(contains(err, quoted.substr(1, quoted.size() - 2)));
    }
}

TEST_CASE("rules with a near-miss system name exits 64", "[rules][usage]") {
    CHECK(run_cli({"rules", "AJCC7-STS"}).code == exit_code::usage);
    CHECK(run_cli({"rules", "ajcc7"}).code == exit_code::usage);
}

TEST_CASE("rules with two systems exits 64", "[rules][usage]") {
    const Run r = run_cli({"rules", "ajcc7-sts", "figo2009-uterine"});
    CHECK(r.code == exit_code::usage);
    CHECK(r.out.empty());
}

TEST_CASE("rules with an unknown option exits 64", "[rules][usage]") {
    const Run r = run_cli({"rules", "--markdown"});
    CHECK(r.code == exit_code::usage);
    CHECK(r.out.empty());
}

// ---------------------------------------------------------------------------------------------
// JSON

TEST_CASE("rules --json parses as JSON with rule_sets and survival_tables", "[rules][json]") {
    const json j = rules_json({"rules", "--json"});
    CHECK(j.at("rule_sets").is_array());
    CHECK(j.at("survival_tables").is_array());
    CHECK(j.at("rule_sets").size() == system_ids().size());
}

TEST_CASE("rules --json has one rule set per system id", "[rules][json]") {
    const json j = rules_json({"rules", "--json"});
    for (const std::string& id : system_ids()) {
        INFO("system " << id);
        CHECK(rule_set(j, id) != nullptr);
    }
}

TEST_CASE("rules --json has the ajcc7-sts IIB group", "[rules][json]") {
    const json j = rules_json({"rules", "--json"});
    const json* ajcc = rule_set(j, "ajcc7-sts");
    REQUIRE(ajcc != nullptr);
    int found = 0;
    for (const json& g : ajcc->at("groups")) {
        if (g.at("stage") == "IIB") {
            ++found;
            CHECK(g.at("T") == json::array({"T2"}));
            CHECK(g.at("N") == json::array({"N0"}));
            CHECK(g.at("M") == json::array({"M0"}));
            CHECK(g.at("G") == json::array({"G2"}));
        }
    }
    CHECK(found == 1);
}

TEST_CASE("rules --json has the soft tissue survival rows", "[rules][json]") {
    const json j = rules_json({"rules", "--json"});
    const json* table = nullptr;
    for (const json& t : j.at("survival_tables")) {
        if (t.at("table") == "soft-tissue-sarcoma") {
            table = &t;
        }
    }
    REQUIRE(table != nullptr);
    const json& rows = table->at("rows");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].at("summary_stage") == "localized");
    CHECK(rows[0].at("percent") == 82.4);
    CHECK(rows[1].at("summary_stage") == "regional");
    CHECK(rows[1].at("percent") == 59.8);
    CHECK(rows[2].at("summary_stage") == "distant");
    CHECK(rows[2].at("percent") == 16.7);
}

TEST_CASE("rules --json for one system has only that rule set and no survival tables", "[rules][json]") {
    const json j = rules_json({"rules", "figo2009-uterine", "--json"});
    REQUIRE(j.at("rule_sets").size() == 1);
    CHECK(j.at("rule_sets")[0].at("system").at("id") == "figo2009-uterine");
    CHECK_FALSE(j.contains("survival_tables"));
}

TEST_CASE("rules --json works with the option before the system", "[rules][json]") {
    const json j = rules_json({"rules", "--json", "ajcc7-sts"});
    REQUIRE(j.at("rule_sets").size() == 1);
    CHECK(j.at("rule_sets")[0].at("system").at("id") == "ajcc7-sts");
}

TEST_CASE("rules --json names grade as unused for FIGO", "[rules][json]") {
    const json j = rules_json({"rules", "--json"});
    const json* figo = rule_set(j, "figo2009-uterine");
    REQUIRE(figo != nullptr);
    CHECK(figo->at("uses_grade") == false);
    const json* ajcc = rule_set(j, "ajcc7-sts");
    REQUIRE(ajcc != nullptr);
    CHECK(ajcc->at("uses_grade") == true);
}

TEST_CASE("rules --json groups name only T categories the system defines", "[rules][json]") {
    // A stage row must not list a T category that the same system's T table does not define.
    const json j = rules_json({"rules", "--json"});
    for (const json& rules : j.at("rule_sets")) {
        std::set<std::string> defined;
        for (const json& t : rules.at("t_definitions")) {
            defined.insert(t.at("T").get<std::string>());
        }
        for (const json& g : rules.at("groups")) {
            if (!g.at("T").is_array()) {
                continue;  // "any"
            }
            for (const json& t : g.at("T")) {
                INFO(rules.at("system").at("id").get<std::string>()
                     << " stage " << g.at("stage").get<std::string>() << " names " << t.get<std::string>());
                CHECK(defined.count(t.get<std::string>()) == 1);
            }
        }
    }
}

TEST_CASE("rules nonsense --json exits 64 with nothing on stdout", "[rules][json]") {
    const Run r = run_cli({"rules", "nonsense", "--json"});
    CHECK(r.code == exit_code::usage);
    CHECK(r.out.empty());
}

TEST_CASE("rules survival gives each table's population, source chain, cohort and recorded date", "[rules][survival]") {
    const Run r = run_cli({"rules", "survival"});
    CHECK(r.code == 0);
    CHECK(contains(r.out, "- Primary source: NCI SEER Cancer Stat Facts: Soft Tissue including Heart Cancer"));
    CHECK(contains(r.out, "- As quoted in: Facing Treatment for Leiomyosarcoma (patient article)"));
    CHECK(contains(r.out, "- Cohort: diagnosed 2012-2018"));
    CHECK(contains(r.out, "- Cohort: not stated"));
    CHECK(contains(r.out, "- Recorded: 2026-11-26"));
    CHECK(contains(r.out, "not the retroperitoneum (C48.0)"));
    CHECK(contains(r.out, "- Shown for sites: soft-tissue, extremity, trunk, head-neck; histologies: lms"));
}

TEST_CASE("rules notes lists every note a result can carry with its source", "[rules][notes]") {
    const Run r = run_cli({"rules", "notes"});
    CHECK(r.code == 0);
    for (const lmsstage::ClinicalNote& note : lmsstage::clinical_notes()) {
        INFO("note " << note.id);
        CHECK(contains(r.out, "| " + std::string(note.text) + " | " + std::string(note.source) + " |"));
    }
    CHECK_FALSE(contains(r.out, "## AJCC"));  // notes only
}

TEST_CASE("rules --json carries the survival populations and the notes with sources", "[rules][json]") {
    const Run r = run_cli({"rules", "--json"});
    const nlohmann::json j = nlohmann::json::parse(r.out);
    REQUIRE(j.contains("notes"));
    CHECK(j["notes"].size() == lmsstage::clinical_notes().size());
    for (const auto& note : j["notes"]) {
        CHECK_FALSE(note["source"].get<std::string>().empty());
    }
    for (const auto& table : j["survival_tables"]) {
        CHECK_FALSE(table["population"].get<std::string>().empty());
        CHECK(table["cited_in"] == "Facing Treatment for Leiomyosarcoma (patient article)");
    }
    CHECK(j["rule_sets"][0]["summary_stage_source"] == "SEER Summary Stage 2018, soft tissue");
}

TEST_CASE("README lists every note with its source, as rules notes does", "[rules][notes][readme]") {
    std::ifstream file(std::string(LMSSTAGE_SOURCE_DIR) + "/README.md");
    std::ostringstream text;
    text << file.rdbuf();
    const std::string readme = text.str();
    REQUIRE_FALSE(readme.empty());
    for (const lmsstage::ClinicalNote& note : lmsstage::clinical_notes()) {
        INFO("note " << note.id);
        CHECK(contains(readme, "| `" + std::string(note.id) + "` | "));
        CHECK(contains(readme, " | " + std::string(note.source) + " |"));
    }
}

TEST_CASE("rules --json and a result's --json write the same survival figure text (37, not 37.0)", "[rules][json]") {
    // American Cancer Society, uterine leiomyosarcoma: regional 37 %.
    const Run rules = run_cli({"rules", "survival", "--json"});
    const Run result = run_cli({"--site", "uterus", "--size", "3", "--json"});
    CHECK(contains(rules.out, R"({"summary_stage":"regional","percent":37})"));
    CHECK(contains(result.out, R"({"summary_stage":"regional","percent":37})"));
    CHECK_FALSE(contains(rules.out, "37.0"));
}
