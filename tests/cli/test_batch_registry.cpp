// lmsstage batch as the registry and spreadsheet door, run in-process: CSV and TSV input (header,
// empty cells, quoting, BOM, CRLF, rows in place with their row numbers, refused headers), chosen
// columns as CSV, TSV and compact NDJSON, the staging work columns do not need left out, NAACCR-keyed
// records (CSV and JSON) with NAACCR-coded output, --exit-zero, and check --naaccr.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/app.hpp"
#include "cli/csv.hpp"
#include "doors/columns.hpp"
#include "support/cli_test_support.hpp"
#include "support/output_support.hpp"

using lmsstage::cli::Environment;
namespace exit_code = lmsstage::cli::exit_code;
using json = nlohmann::json;
using lmsstage_door_test::csv_rows;
using lmsstage_door_test::ndjson;
using lmsstage_door_test::Run;
using lmsstage_door_test::run_cli;

namespace {

/// A file in the temporary directory, removed at the end of the test.
class TempFile {
public:
    TempFile(const std::string& name, const std::string& content)
        : m_path((std::filesystem::temp_directory_path() / ("lmsstage-registry-" + name)).string()) {
        std::ofstream(m_path, std::ios::binary) << content;
    }
    ~TempFile() { std::remove(m_path.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

const std::string k_header =
    "id,ok,system,stage,possible_stages,T,N,M,G,summary_stage,survival_percent,survival_table,error_field,"
    "error_message,warnings,assumptions";

/// The thigh leiomyosarcoma (6.5 cm, grade 3, extremity) as the command line stages it: the JSON
/// the NAACCR records below must give.
json thigh_lms_by_flags() {
    return json::parse(run_cli({"--size", "65mm", "--grade", "3", "--site", "extremity", "--json"}).out);
}

/// `batch --naaccr` over a CSV extract and over the same record as NDJSON, in that order.
std::vector<Run> naaccr_batches(const std::string& csv, const std::string& ndjson_record) {
    return {run_cli({"batch", "--naaccr", "--from", "csv"}, csv), run_cli({"batch", "--naaccr"}, ndjson_record)};
}

}  // namespace

TEST_CASE("batch csv: a spreadsheet's export (BOM, CRLF, quotes) gives one row per data row, in order") {
    const TempFile cohort("cohort.csv",
                          "\xEF\xBB\xBF"
                          "id,site,size,grade,bladder-rectum,--nodes\r\n"
                          "1,extremity,65mm,3,,\r\n"
                          "\"2, second\",uterus,7,,yes,\r\n"
                          "3,,-2,1,,\r\n"
                          ",,,,,\r\n"
                          "4,trunk,\"5.5 cm\",X,,unknown\r\n");
    const Run r = run_cli({"batch", cohort.path(), "--to", "csv"});
    CHECK(r.code == exit_code::data);
    CHECK(r.err == "staged 4 records: 3 ok, 1 error\n");
    const auto rows = csv_rows(r.out);
    REQUIRE(rows.size() == 5);
    CHECK(rows[0].size() == 16);
    CHECK(r.out.substr(0, k_header.size() + 2) == k_header + "\r\n");
    CHECK(rows[1] == std::vector<std::string>{"1", "true", "ajcc7-sts", "III", "III", "T2", "N0", "M0", "G3",
                                              "localized", "82.4", "soft-tissue-sarcoma", "", "", "",
                                              "no regional node involvement reported: N0; no distant metastasis "
                                              "reported: M0; no extension beyond the site of origin reported: "
                                              "confined"});
    CHECK(rows[2][0] == "2, second");
    CHECK(rows[2][3] == "IVA");
    CHECK(rows[3] == std::vector<std::string>{"3", "false", "", "", "", "", "", "", "", "", "", "", "size",
                                              "size must be a positive length, got -2", "", ""});
    CHECK(rows[4][4] == "IB; III");  // grade X, nodes unknown
    CHECK(rows[4][6] == "NX");
}

TEST_CASE("batch csv: the same cases as JSON and as CSV give the same full result records") {
    const std::string as_json =
        "{\"id\":\"a\",\"site\":\"uterus\",\"size\":\"7\",\"adnexa\":\"yes\"}\n"
        "{\"id\":\"b\",\"size\":\"6\",\"grade\":\"3\",\"depth\":\"deep\",\"extension\":\"adjacent\"}\n"
        "{\"id\":\"c\",\"site\":\"gi\",\"histology\":\"gist\",\"gi_site\":\"stomach\",\"size\":\"7\","
        "\"mitotic_rate\":\"8\"}\n";
    const std::string as_csv =
        "id,site,histology,size,grade,depth,extension,adnexa,gi_site,mitotic_rate\n"
        "a,uterus,,7,,,,yes,,\n"
        "b,,,6,3,deep,adjacent,,,\n"
        "c,gi,gist,7,,,,,stomach,8\n";
    const Run from_json = run_cli({"batch"}, as_json);
    const Run from_csv = run_cli({"batch", "--from", "csv"}, as_csv);
    CHECK(from_json.code == exit_code::ok);
    CHECK(from_csv.code == exit_code::ok);
    CHECK(from_csv.out == from_json.out);
}

TEST_CASE("batch csv: a bad row is an error in its place, with its row and line") {
    const Run r =
        run_cli({"batch", "--from", "csv"}, "id,size,grade\n1,6,3\n\n2,\"two\nlines\",3\n3,6\n4,6,\"3\"x\n5,7,1\n");
    const auto records = ndjson(r.out);
    REQUIRE(records.size() == 5);
    CHECK(records[0]["ok"] == true);
    CHECK(records[1]["row"] == 4);  // the blank line keeps its number
    CHECK(records[1]["line"] == 4);
    CHECK(records[1]["error"]["field"] == "size");
    CHECK(records[2]["row"] == 5);
    CHECK(records[2]["line"] == 6);
    CHECK(records[2]["error"]["message"] == "the row has 2 cells, the header has 3");
    CHECK(records[3]["error"]["message"].get<std::string>().find("column 3: text after the closing quote") == 0);
    CHECK(records[2]["id"] == "3");  // a ragged row still names its id
    CHECK(records[3]["id"] == "4");  // and so does a row with a malformed cell
    CHECK(records[4]["ok"] == true);
    CHECK(r.code == exit_code::data);
    CHECK(run_cli({"batch", "--from", "csv", "--exit-zero"}, "id,size,grade\n1,6,3\n2,-1,3\n").code == exit_code::ok);
}

// README, batch: an error record has "its id if the record was read past its id". A row is framed
// whole (RFC 4180: a delimiter outside quotes ends a cell), so its id cell is known even when
// another cell is malformed; an id cell malformed itself is no id.
TEST_CASE("batch csv: a row with a malformed cell keeps its id, before or after that cell") {
    const Run r =
        run_cli({"batch", "--from", "csv"}, "id,size,grade\n2,\"6\"x,3\n\"2\"x,6,3\n\"a,\"\"b\"\"\",6,3\"x\n");
    const auto records = ndjson(r.out);
    REQUIRE(records.size() == 3);
    CHECK(records[0]["id"] == "2");
    CHECK(records[0]["row"] == 2);
    CHECK(records[0]["error"]["field"].is_null());
    CHECK(records[0]["error"]["message"] ==
          "column 2: text after the closing quote (a quote inside a quoted field is written twice)");
    CHECK_FALSE(records[1].contains("id"));  // the id cell is the malformed one
    CHECK(records[1]["error"]["message"].get<std::string>().find("column 1: text after the closing quote") == 0);
    CHECK(records[2]["id"] == "a,\"b\"");  // quoted, with a delimiter and doubled quotes
    CHECK(records[2]["error"]["message"].get<std::string>().find("column 3: a quote inside an unquoted field") == 0);
    // The id after the malformed cell, in CSV and in TSV.
    const auto after = ndjson(run_cli({"batch", "--from", "csv"}, "size,grade,id\n\"6\"x,3,7\n6,3\"x,8\n").out);
    REQUIRE(after.size() == 2);
    CHECK(after[0]["id"] == "7");
    CHECK(after[1]["id"] == "8");
    const auto tsv = ndjson(run_cli({"batch", "--from", "tsv"}, "size\tid\n\"6\"x\t\"t\t1\"\n").out);
    REQUIRE(tsv.size() == 1);
    CHECK(tsv[0]["id"] == "t\t1");
    // NAACCR-keyed, without an id column: patientIdNumber/tumorRecordNumber.
    const auto naaccr = ndjson(run_cli({"batch", "--naaccr", "--from", "csv"},
                                       "patientIdNumber,tumorRecordNumber,primarySite,histologicTypeIcdO3,"
                                       "behaviorCodeIcdO3,tumorSizeSummary,gradePathological\n"
                                       "00012345,01,C49.2,8890,3,\"065\"x,3\n")
                                   .out);
    REQUIRE(naaccr.size() == 1);
    CHECK(naaccr[0]["ok"] == false);
    CHECK(naaccr[0]["id"] == "00012345/01");
}

TEST_CASE("batch csv: a header naming what lmsstage does not take refuses the whole input") {
    for (const std::string& header : {std::string("id,size,grade,SIZE"), std::string("size,grade,size"),
                                      std::string("size,grade,bladder_rectum,bladder-rectum")}) {
        INFO(header);
        for (const bool exit_zero : {false, true}) {
            std::vector<std::string> args = {"batch", "--from", "csv"};
            if (exit_zero) {
                args.emplace_back("--exit-zero");
            }
            const Run r = run_cli(args, header + "\n1,6,3\n2,7,2\n");
            const auto records = ndjson(r.out);
            REQUIRE(records.size() == 1);
            CHECK(records[0]["ok"] == false);
            CHECK(records[0]["row"] == 1);
            CHECK(records[0]["error"]["message"].get<std::string>().find("the rest of this input was not read") !=
                  std::string::npos);
            CHECK(r.code == exit_code::data);  // --exit-zero does not hide rows that were not read
        }
    }
    // An unnamed column is allowed while its cells are empty.
    const Run unnamed = run_cli({"batch", "--from", "csv", "--to", "csv", "--columns", "id,ok,error_message"},
                                "id,size,grade,\n1,6,3,\n2,6,3,x\n");
    CHECK(unnamed.out ==
          "id,ok,error_message\r\n1,true,\r\n2,false,\"column 4 has no name in the header, but this "
          "row gives it a value: x\"\r\n");
}

TEST_CASE("batch csv: file names ending in .csv or .tsv are tables, and --from json reads them as JSON") {
    const TempFile table("cases.TSV", "id\tsize\tgrade\n1\t6\t3\n");
    const Run tsv = run_cli({"batch", table.path(), "--to", "tsv", "--columns", "id,stage"});
    CHECK(tsv.code == exit_code::ok);
    CHECK(tsv.out == "id\tstage\n1\tIII\n");
    const Run as_json = run_cli({"batch", "--from", "json", table.path()});
    CHECK(as_json.code == exit_code::data);
}

TEST_CASE("batch columns: names, aliases, lists, NDJSON and errors") {
    const std::string input = "{\"id\":7,\"size\":\"unknown\",\"grade\":3}\n{\"id\":\"x\",\"size\":-3,\"grade\":1}\n";
    const Run r = run_cli({"batch", "--columns",
                           "id,categories.T,survival.percent,survival_matched,possible_stages,notes,trace,row,line"},
                          input);
    const auto records = ndjson(r.out);
    REQUIRE(records.size() == 2);
    CHECK(records[0]["id"] == 7);
    CHECK(records[0]["categories.T"] == "TX");
    CHECK(records[0]["survival.percent"] == 82.4);
    CHECK(records[0]["survival_matched"] == "localized");
    CHECK(records[0]["possible_stages"] == json::array({"IIA", "III"}));
    CHECK(records[0]["notes"].size() >= 1);
    CHECK(records[0]["trace"][0]["rule"] == "T");
    CHECK(records[0]["row"].is_null());
    CHECK(records[1]["line"] == 2);
    CHECK(records[1]["categories.T"].is_null());
    CHECK(ndjson(run_cli({"batch", "--columns", "T"}, input).out)[0]["T"] == "TX");

    CHECK(run_cli({"batch", "--columns", "stag"}).err.find("did you mean stage?") != std::string::npos);
    CHECK(run_cli({"batch", "--columns", "stage,stage"}).code == exit_code::usage);
    // One column under two spellings (its short name, its dotted path, its flat name) is refused,
    // naming both, rather than written twice; as is a column "default" already holds.
    const Run aliases = run_cli({"batch", "--to", "csv", "--columns", "T,categories.T,categories_T"}, input);
    CHECK(aliases.code == exit_code::usage);
    CHECK(aliases.out.empty());
    CHECK(aliases.err.find("--columns: T and categories.T are the same column") != std::string::npos);
    CHECK(run_cli({"batch", "--columns", "survival.percent,survival_percent"})
              .err.find("survival.percent and survival_percent are the same column") != std::string::npos);
    CHECK(run_cli({"batch", "--columns", "default,categories.G"})
              .err.find("default (which holds G) and categories.G are the same column") != std::string::npos);
    CHECK(run_cli({"batch", "--columns", "default,default"}).err.find("--columns: default is given more than once") !=
          std::string::npos);
    CHECK(run_cli({"batch", "--columns", "stage,,T"}).code == exit_code::usage);
    CHECK(run_cli({"batch", "--to", "json", "--columns", "stage"}).code == exit_code::usage);
    CHECK(run_cli({"batch", "--to", "xml"}).code == exit_code::usage);
    CHECK(run_cli({"batch", "--from", "xls"}).code == exit_code::usage);
    CHECK(run_cli({"batch", "--to", "csv", "--to", "tsv"}).code == exit_code::usage);
    const Run defaults = run_cli({"batch", "--to", "csv", "--columns", "default,notes"}, input);
    CHECK(defaults.out.substr(0, k_header.size() + 8) == k_header + ",notes\r\n");
}

TEST_CASE("batch columns: CSV lists, texts and the trace are the result record's, joined") {
    const std::string input = "{\"id\":1,\"size\":6,\"grade\":3}\n";
    const json full = json::parse(run_cli({"batch"}, input).out);
    const auto rows = csv_rows(
        run_cli({"batch", "--to", "csv", "--columns", "assumptions,trace,system.name,survival.rows"}, input).out);
    REQUIRE(rows.size() == 2);
    std::string assumptions;
    for (const auto& a : full["assumptions"]) {
        assumptions += (assumptions.empty() ? "" : "; ") + a.get<std::string>();
    }
    CHECK(rows[1][0] == assumptions);
    CHECK(rows[1][1].find("T: size 6 cm > 5 cm") == 0);
    CHECK(rows[1][2] == full["system"]["name"]);
    CHECK(rows[1][3] == "localized 82.4; regional 59.8; distant 16.7");
}

TEST_CASE("batch columns: chosen columns stage exactly as the full record does") {
    // Every system, unknowns included: the columns of the compact output equal the full record's.
    std::string input;
    for (const std::string_view record :
         {"{\"size\":6,\"grade\":3}", "{\"size\":\"unknown\",\"grade\":2,\"nodes\":\"unknown\"}",
          "{\"site\":\"uterus\",\"size\":3,\"bladder_rectum\":true,\"nodes\":true}",
          "{\"site\":\"uterus\",\"histology\":\"adenosarcoma\",\"myometrial_invasion\":\"unknown\"}",
          "{\"site\":\"gi\",\"histology\":\"gist\",\"gi_site\":\"mesentery\",\"size\":11,\"mitotic_rate\":3}",
          "{\"edition\":8,\"site\":\"head-neck\",\"size\":1,\"adjoining_invasion\":\"t4b\"}",
          "{\"edition\":8,\"site\":\"visceral\",\"visceral_extent\":\"serosa\",\"metastasis\":\"unknown\"}",
          "{\"site\":\"gi\",\"histology\":\"lms\"}",
          "{\"edition\":8,\"site\":\"retroperitoneum\",\"size\":16,\"grade\":1}"}) {
        input += std::string(record) + "\n";
        input += std::string(record) + "\n";  // twice: the second row's cells come from the per-thread store
    }
    const auto full = ndjson(run_cli({"batch"}, input).out);
    const auto compact = ndjson(run_cli({"batch", "--columns",
                                         "system.id,T,N,M,G,mitotic_rate,stage,possible_stages,summary_stage,"
                                         "survival.table,survival.matched,survival.cohort,notes"},
                                        input)
                                    .out);
    REQUIRE(full.size() == compact.size());
    for (std::size_t i = 0; i < full.size(); ++i) {
        INFO("record " << i);
        CHECK(compact[i]["system.id"] == full[i]["system"]["id"]);
        for (const char* c : {"T", "N", "M", "G", "mitotic_rate"}) {
            CHECK(compact[i][c] == full[i]["categories"][c]);
        }
        CHECK(compact[i]["stage"] == full[i]["stage"]);
        CHECK(compact[i]["possible_stages"] == full[i]["possible_stages"]);
        CHECK(compact[i]["summary_stage"] == full[i]["summary_stage"]);
        const json& survival = full[i]["survival"];
        CHECK(compact[i]["survival.table"] == (survival.is_null() ? json(nullptr) : survival["table"]));
        CHECK(compact[i]["survival.matched"] == (survival.is_null() ? json(nullptr) : survival["matched"]));
        CHECK(compact[i]["survival.cohort"] == (survival.is_null() ? json(nullptr) : survival["cohort"]));
        CHECK(compact[i]["notes"] == full[i]["notes"]);
    }
}

TEST_CASE("batch naaccr: the thigh leiomyosarcoma stages as --size 65mm --grade 3 --site extremity, SS2018 1") {
    const json expected = thigh_lms_by_flags();
    const std::vector<Run> runs = naaccr_batches(
        "patientIdNumber,primarySite,histologicTypeIcdO3,behaviorCodeIcdO3,tumorSizeSummary,"
        "gradePathological\n00012345,C49.2,8890,3,065,3\n",
        "{\"primarySite\":\"C492\",\"histologicTypeIcdO3\":\"8890\",\"behaviorCodeIcdO3\":3,"
        "\"tumorSizeSummary\":\"065\",\"gradePathological\":3}\n");
    for (const Run& r : runs) {
        CHECK(r.code == exit_code::ok);
        json got = json::parse(r.out);
        if (&r == &runs.front()) {
            CHECK(got["id"] == "00012345");  // patientIdNumber [20] is the id, as in NAACCR XML
            got.erase("id");
        }
        CHECK(got["naaccr"]["summaryStage2018"] == "1");
        CHECK(got["naaccr"]["derivedAjcc7StageGrp"] == "500");
        got.erase("naaccr");
        CHECK(got == expected);
    }
    const auto rows =
        csv_rows(run_cli({"batch", "--naaccr", "--from", "csv", "--to", "csv"},
                         "primarySite,histologicTypeIcdO3,behaviorCodeIcdO3,tumorSizeSummary,gradePathological\n"
                         "C492,8890,3,065,3\n")
                     .out);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].size() == 26);
    CHECK(rows[0][16] == "summaryStage2018");
    CHECK(rows[1][3] == "III");
    CHECK(rows[1][16] == "1");
}

// NAACCR item 440, naaccrId "grade" (Grade, the pre-2018 item; NAACCR XML base dictionaries 14 to
// 26, data/naaccr/items.csv), is a column of every full-layout extract. In a NAACCR-keyed record it is
// that item, not lmsstage's grade field: passed over like any item lmsstage does not read, so that
// the grade comes from gradeClinical [3843] / gradePathological [3844] and the file is not refused.
TEST_CASE("batch naaccr: the grade column is NAACCR item 440, passed over, never a refused header") {
    const json expected = thigh_lms_by_flags();
    for (const Run& r :
         naaccr_batches("grade,primarySite,histologicTypeIcdO3,behaviorCodeIcdO3,tumorSizeSummary,"
                        "gradePathological\n1,C492,8890,3,065,3\n",
                        "{\"grade\":\"1\",\"primarySite\":\"C492\",\"histologicTypeIcdO3\":\"8890\","
                        "\"behaviorCodeIcdO3\":3,\"tumorSizeSummary\":\"065\",\"gradePathological\":3}\n")) {
        INFO(r.err);
        CHECK(r.code == exit_code::ok);
        json got = json::parse(r.out);
        got.erase("naaccr");
        CHECK(got == expected);  // G3 from gradePathological 3, whatever item 440 says
    }
    // Item 440 alone: the grade is not given by the record, so staged as unknown with its note.
    const Run alone = run_cli({"batch", "--naaccr", "--from", "csv", "--to", "ndjson", "--columns", "ok,G,notes"},
                              "grade,primarySite,histologicTypeIcdO3,behaviorCodeIcdO3,tumorSizeSummary\n"
                              "3,C492,8890,3,065\n");
    INFO(alone.err);
    CHECK(alone.code == exit_code::ok);
    const auto records = ndjson(alone.out);
    REQUIRE(records.size() == 1);
    CHECK(records[0]["ok"] == true);
    CHECK(records[0]["notes"].dump().find("grade is not given by the record") != std::string::npos);
    // A derived case field that is no NAACCR item is still refused, naming the item to give.
    const Run size = run_cli({"batch", "--naaccr", "--from", "csv"}, "grade,size\n3,6\n");
    CHECK(size.code == exit_code::data);
    CHECK(size.err.find("column 2: size is derived from tumorSizeSummary [756]") != std::string::npos);
}

TEST_CASE("batch naaccr: refusals in place with the item, case fields no item carries, notes added") {
    const Run r = run_cli(
        {"batch", "--naaccr", "--to", "ndjson", "--columns",
         "id,stage,T,error_field,error_message,notes,summaryStage2018"},
        "{\"id\":1,\"primarySite\":\"C542\",\"histologicTypeIcdO3\":\"8980\",\"behaviorCodeIcdO3\":\"3\"}\n"
        "{\"id\":2,\"primarySite\":\"C492\",\"histologicTypeIcdO3\":\"8890\",\"behaviorCodeIcdO3\":\"3\","
        "\"tumorSizeSummary\":\"990\",\"gradeClinical\":\"2\",\"depth\":\"deep\",\"extension\":\"adjacent\"}\n"
        "{\"id\":3,\"primarySite\":\"C492\",\"histologicTypeIcdO3\":\"8890\",\"behaviorCodeIcdO3\":\"3\",\"size\":4}\n"
        "{\"id\":4,\"primarySite\":\"C492\",\"histologicTypeIcdO3\":\"8890\",\"behaviorCodeIcdO3\":\"3\","
        "\"tumorSizeSumary\":\"040\"}\n"
        "{\"id\":5,\"primarySite\":\"C492\",\"histologicTypeIcdO3\":\"8890\",\"behaviorCodeIcdO3\":\"2\","
        "\"dateOfDiagnosis\":\"20240101\"}\n");
    const auto records = ndjson(r.out);
    REQUIRE(records.size() == 5);
    CHECK(records[0]["error_field"] == "histologicTypeIcdO3");
    CHECK(records[0]["error_message"].get<std::string>().find("carcinosarcoma") != std::string::npos);
    CHECK(records[1]["T"] == "T1b");
    CHECK(records[1]["summaryStage2018"] == "2");
    CHECK(records[1]["notes"].dump().find("tumorSizeSummary 990") != std::string::npos);
    CHECK(records[2]["error_field"] == "size");
    CHECK(records[2]["error_message"].get<std::string>().find("tumorSizeSummary") != std::string::npos);
    CHECK(records[3]["error_message"].get<std::string>().find("did you mean \"tumorSizeSummary\"?") !=
          std::string::npos);
    CHECK(records[4]["error_field"] == "behaviorCodeIcdO3");  // dateOfDiagnosis is a NAACCR item: passed over
    CHECK(r.code == exit_code::data);
}

TEST_CASE("batch output: the full records of JSON input carry no row and no naaccr member") {
    const Run r = run_cli({"batch"}, "{\"id\":1,\"size\":-3,\"grade\":1}\n");
    CHECK(r.out ==
          "{\"id\":1,\"ok\":false,\"line\":1,\"error\":{\"field\":\"size\",\"message\":\"size must be a "
          "positive length, got -3\"},\"version\":\"lmsstage " LMSSTAGE_TEST_VERSION "\"}\n");
}

TEST_CASE("check --naaccr: NAACCR-keyed regression cases, with naaccr and notes expectations") {
    const std::string cases =
        "{\"id\":\"thigh\",\"primarySite\":\"C492\",\"histologicTypeIcdO3\":\"8890\",\"behaviorCodeIcdO3\":\"3\","
        "\"tumorSizeSummary\":\"065\",\"gradePathological\":\"3\",\"expect\":{\"stage\":\"III\","
        "\"naaccr\":{\"summaryStage2018\":\"1\",\"derivedAjcc7T\":\"299\"}}}\n"
        "{\"id\":\"carcinosarcoma\",\"primarySite\":\"C542\",\"histologicTypeIcdO3\":\"8980\",\"behaviorCodeIcdO3\":"
        "\"3\","
        "\"expect\":{\"error\":\"histologicTypeIcdO3\"}}\n";
    CHECK(run_cli({"check", "--naaccr", "-"}, cases).out == "2 passed, 0 failed\n");
    const Run plain = run_cli({"check", "-"}, cases);
    CHECK(plain.code == exit_code::data);  // NAACCR items are unknown keys without --naaccr
}
