// The result schema (doors/result_schema.hpp) is the one place a result member is named: every row
// must come out in the JSON result object, as a --columns name and in the column list of the help,
// with no other file edited. These tests walk the table, so a row added to it is checked here too.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cli/app.hpp"
#include "doors/columns.hpp"
#include "doors/result_schema.hpp"
#include "naaccr/naaccr.hpp"

using json = nlohmann::json;
using lmsstage::doors::Member;
using lmsstage::doors::Needs;

namespace {

struct Output {
    int code = -1;
    std::string out;
};

Output run_cli(const std::vector<std::string>& args, const std::string& input = {}) {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    Output r;
    r.code = lmsstage::cli::run(args, in, out, err, lmsstage::cli::Environment{});
    r.out = out.str();
    return r;
}

// The thigh leiomyosarcoma of data/cases/naaccr/registry.ndjson: C49.2, 8890/3, size code 065,
// grade 3 (AJCC 7th ed. soft tissue: T2 G3, stage III), so that the survival table, the texts, the
// trace and the NAACCR output items all have values.
const std::string k_naaccr_record =
    R"({"id":"thigh","primarySite":"C492","histologicTypeIcdO3":"8890","behaviorCodeIcdO3":"3",)"
    R"("tumorSizeSummary":"065","gradePathological":"3"})"
    "\n";

/// The value at a schema path ("survival.table") of a JSON object, or nullptr when it is missing.
const json* at_path(const json& object, std::string_view path) {
    const std::string group(lmsstage::doors::group_of(path));
    const std::string leaf(lmsstage::doors::leaf_of(path));
    const json* parent = &object;
    if (!group.empty()) {
        if (!object.contains(group) || !object.at(group).is_object()) {
            return nullptr;
        }
        parent = &object.at(group);
    }
    return parent->contains(leaf) ? &parent->at(leaf) : nullptr;
}

/// The names of a comma-separated list, as the help's column list gives them.
std::set<std::string> listed(const std::string& names) {
    std::set<std::string> out;
    std::string current;
    for (const char c : names + ",") {
        if (c == ',' || c == ' ' || c == ';' || c == '(' || c == ')' || c == '\n') {
            if (!current.empty()) {
                out.insert(current);
            }
            current.clear();
        } else {
            current += c;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("result schema: every row with a JSON path is in the result object of --json and batch") {
    const Output single = run_cli({"--size", "6", "--grade", "3", "--json"});
    REQUIRE(single.code == 0);
    const json result = json::parse(single.out);
    const Output registry = run_cli({"batch", "--naaccr"}, k_naaccr_record);
    REQUIRE(registry.code == 0);
    const json coded = json::parse(registry.out);
    // The GIST risk group is null for any other case: its members are looked for in a GIST's result.
    const Output gist_single = run_cli({"--site", "gi", "--histology", "gist", "--gi-site", "stomach", "--size", "7",
                                        "--mitotic-rate", "3", "--json"});
    REQUIRE(gist_single.code == 0);
    const json gist = json::parse(gist_single.out);
    CHECK(result.at("gist_risk").is_null());
    for (const Member& member : lmsstage::doors::result_members()) {
        if (member.json.empty()) {
            continue;
        }
        INFO("member " << member.json);
        if (member.json.starts_with("gist_risk.")) {
            CHECK(at_path(gist, member.json) != nullptr);
            continue;
        }
        CHECK(at_path(coded, member.json) != nullptr);
        // The NAACCR output items are in the record only when the case was keyed by NAACCR items,
        // the id only when the record has one.
        if (member.needs != Needs::naaccr && member.depends != lmsstage::doors::Depends::record) {
            CHECK(at_path(result, member.json) != nullptr);
        }
    }
}

TEST_CASE(
    "result schema: the members that are not in the result object are the record's place, its error and "
    "the matched percent") {
    // These are columns of a row (and the place and error are members of an error record); a new
    // member of the result must have a JSON path.
    std::set<std::string> outside;
    for (const Member& member : lmsstage::doors::result_members()) {
        if (member.json.empty()) {
            outside.insert(std::string(member.column));
        }
    }
    CHECK(outside ==
          std::set<std::string>{"file", "line", "row", "index", "survival.percent", "error.field", "error.message"});
}

TEST_CASE("result schema: every row is a --columns name, a key of the NDJSON row and listed in the column help") {
    const std::set<std::string> help = listed(lmsstage::doors::column_names());
    for (const Member& member : lmsstage::doors::result_members()) {
        const std::string column(member.column);
        INFO("member " << column);
        REQUIRE_FALSE(column.empty());
        CHECK(help.count(column) == 1);
        CHECK(std::holds_alternative<lmsstage::doors::ColumnSet>(lmsstage::doors::parse_columns(column, true)));
        const Output row = run_cli({"batch", "--naaccr", "--columns", column}, k_naaccr_record);
        REQUIRE(row.code == 0);
        CHECK(json::parse(row.out).contains(column));
    }
}

TEST_CASE("result schema: every column is listed in lmsstage batch --help") {
    const Output help = run_cli({"batch", "--help"});
    REQUIRE(help.code == 0);
    const std::set<std::string> words = listed(help.out);
    for (const Member& member : lmsstage::doors::result_members()) {
        INFO("member " << member.column);
        CHECK(words.count(std::string(member.column)) == 1);
    }
}

TEST_CASE("result schema: the NAACCR rows are the NAACCR output items, in output order") {
    std::vector<std::string_view> items;
    for (const Member& member : lmsstage::doors::result_members()) {
        if (member.needs == Needs::naaccr) {
            CHECK(member.column == member.naaccr_item);
            items.push_back(member.naaccr_item);
        }
    }
    const auto ids = lmsstage::naaccr::output_item_ids();
    CHECK(std::equal(items.begin(), items.end(), ids.begin(), ids.end()));
}

TEST_CASE("result schema: the columns the help lists are the schema's rows and no others") {
    std::set<std::string> columns;
    for (const Member& member : lmsstage::doors::result_members()) {
        columns.insert(std::string(member.column));
    }
    std::set<std::string> help = listed(lmsstage::doors::column_names());
    // The words of the help's note on spelling, not column names.
    for (const char* word : {"each", "also", "with", "_", "for", ".", "and", "system", "T", "N", "M", "G",
                             "mitotic_rate", "short", "the", "NAACCR", "output", "items"}) {
        help.erase(word);
    }
    CHECK(help == columns);
}

namespace {

/// Every column but the NAACCR output items, comma-separated.
std::string every_column() {
    std::string list;
    for (const Member& member : lmsstage::doors::result_members()) {
        if (member.needs != Needs::naaccr) {
            list += list.empty() ? "" : ",";
            list += member.column;
        }
    }
    return list;
}

/// The object (group) a column's member is part of: by its JSON path, or by its column's.
std::string group_of_column(const Member& member) {
    return std::string(lmsstage::doors::group_of(member.json.empty() ? member.column : member.json));
}

}  // namespace

TEST_CASE("result schema: a column of an object that is null in the result object is null, for every such column") {
    // A soft tissue sarcoma has no GIST risk; an endometrial stromal sarcoma has no survival table
    // (the uterine table is of leiomyosarcoma only: docs/rules.md); a gastric GIST has both.
    const std::vector<std::string> cases = {
        R"({"id":1,"size":6,"grade":3})",
        R"({"id":2,"site":"uterus","histology":"ess","size":3})",
        R"({"id":3,"site":"gi","histology":"gist","gi_site":"stomach","size":7,"mitotic_rate":3})",
    };
    std::size_t null_groups = 0;
    for (const std::string& record : cases) {
        INFO(record);
        const Output full = run_cli({"batch"}, record + "\n");
        REQUIRE(full.code == 0);
        const json object = json::parse(full.out);
        const Output row = run_cli({"batch", "--columns", every_column()}, record + "\n");
        REQUIRE(row.code == 0);
        const json columns = json::parse(row.out);
        for (const Member& member : lmsstage::doors::result_members()) {
            const std::string group = group_of_column(member);
            if (member.needs == Needs::naaccr || group.empty() || !object.contains(group)) {
                continue;
            }
            INFO("column " << member.column);
            if (object.at(group).is_null()) {
                ++null_groups;
                CHECK(columns.at(std::string(member.column)).is_null());
            }
        }
    }
    // Six gist_risk columns for two cases, twelve survival columns (survival.percent too) for one.
    CHECK(null_groups == 6 * 2 + 12);
}

TEST_CASE("result schema: the GIST risk columns are empty for a case that is not a GIST, filled for a GIST") {
    const std::string columns =
        "gist_risk.afip_category,gist_risk.afip_percent,gist_risk.afip_source,gist_risk.nih_category,"
        "gist_risk.nih_source,gist_risk.note";
    const Output soft_tissue = run_cli({"batch", "--to", "csv", "--columns", columns}, "{\"size\":6,\"grade\":3}\n");
    REQUIRE(soft_tissue.code == 0);
    CHECK(soft_tissue.out == columns + "\r\n,,,,,\r\n");
    const Output compact = run_cli({"batch", "--columns", columns}, "{\"size\":6,\"grade\":3}\n");
    CHECK(json::parse(compact.out) == json{{"gist_risk.afip_category", nullptr},
                                           {"gist_risk.afip_percent", nullptr},
                                           {"gist_risk.afip_source", nullptr},
                                           {"gist_risk.nih_category", nullptr},
                                           {"gist_risk.nih_source", nullptr},
                                           {"gist_risk.note", nullptr}});
    // README, GIST: a 7 cm gastric GIST with 3 mitoses per 50 HPF is AFIP low (3.6 % progressed),
    // modified NIH intermediate (Joensuu, Hum Pathol 2008;39:1411-9); the AFIP table as NCI PDQ
    // prints it; population figures, not a prediction for one patient.
    const Output gist = run_cli({"batch", "--columns", columns},
                                R"({"site":"gi","histology":"gist","gi_site":"stomach","size":7,"mitotic_rate":3})"
                                "\n");
    REQUIRE(gist.code == 0);
    const json risk = json::parse(gist.out);
    CHECK(risk.at("gist_risk.afip_category") == "low");
    CHECK(risk.at("gist_risk.afip_percent") == 3.6);
    CHECK(risk.at("gist_risk.afip_source").get<std::string>().starts_with("NCI PDQ Gastrointestinal Stromal Tumors"));
    CHECK(risk.at("gist_risk.nih_category") == "intermediate");
    CHECK(risk.at("gist_risk.nih_source").get<std::string>().find("Hum Pathol 2008;39:1411-9") != std::string::npos);
    CHECK(risk.at("gist_risk.note").get<std::string>().find("not a prediction for one patient") != std::string::npos);
}

TEST_CASE("result schema: batch --help names the default column set exactly, as --columns default uses it") {
    // README, "Chosen columns out": the default set.
    const std::vector<std::string> expected = {"id",
                                               "ok",
                                               "system",
                                               "stage",
                                               "possible_stages",
                                               "T",
                                               "N",
                                               "M",
                                               "G",
                                               "summary_stage",
                                               "survival_percent",
                                               "survival_table",
                                               "error_field",
                                               "error_message",
                                               "warnings",
                                               "assumptions"};
    std::vector<std::string> used;
    for (const lmsstage::doors::Column& column : lmsstage::doors::default_columns(false).columns) {
        used.push_back(column.name);
    }
    CHECK(used == expected);
    // The help's sentence, its lines joined: "default" is the default set: A, B, ..., Z; or .
    const Output help = run_cli({"batch", "--help"});
    REQUIRE(help.code == 0);
    std::string text;
    for (std::size_t i = 0; i < help.out.size(); ++i) {
        if (help.out[i] == '\n') {
            text += ' ';
            while (i + 1 < help.out.size() && help.out[i + 1] == ' ') {
                ++i;
            }
        } else {
            text += help.out[i];
        }
    }
    const std::string marker = "\"default\" is the default set: ";
    const std::size_t at = text.find(marker);
    REQUIRE(at != std::string::npos);
    const std::size_t start = at + marker.size();
    const std::string list = text.substr(start, text.find_first_of(".;", start) - start);
    std::vector<std::string> named;
    for (std::size_t from = 0; from <= list.size();) {
        const std::size_t comma = std::min(list.find(", ", from), list.size());
        named.push_back(list.substr(from, comma - from));
        from = comma + 2;
    }
    CHECK(named == expected);
}
