// lmsstage batch on registry extracts as they are exported: headers in any letter case, columns
// that are not case fields passed over with one warning (or passed through with --keep), the
// delimiter found from the header row (or given), NAACCR item numbers as headers, the NAACCR ids
// echoed, and the hint for a table read as JSON.
//
// Expected stages: AJCC Cancer Staging Manual, 7th edition, chapter 28 (soft tissue sarcoma),
// anatomic stage / prognostic groups: T2 (over 5 cm) N0 M0 G3 is stage III; T1 (5 cm or less) N0 M0
// G1 is stage IA. NAACCR item numbers: NAACCR Data Dictionary, version 25 (patientIdNumber 20,
// tumorRecordNumber 60, primarySite 400, histologicTypeIcdO3 522, behaviorCodeIcdO3 523,
// tumorSizeSummary 756, gradePathological 3844).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/csv.hpp"
#include "support/cli_test_support.hpp"
#include "support/output_support.hpp"

using namespace lmsstage_door_test;
using json = nlohmann::json;

namespace {

const std::string k_extract =
    "ID,Age,Sex,Size,Grade\n"
    "A1,63,F,6,3\n"
    "A2,41,,4,1\n";

}  // namespace

TEST_CASE("batch extract: headers in any letter case, other columns passed over with one warning") {
    const Run r = run_cli({"batch", "--from", "csv", "--to", "csv", "--columns", "id,stage,T"}, k_extract);
    CHECK(r.code == exit_code::ok);
    CHECK(r.out == "id,stage,T\r\nA1,III,T2\r\nA2,IA,T1\r\n");
    CHECK(r.err ==
          "lmsstage: warning: columns were passed over, being no case field: Age, Sex (--keep passes a column "
          "through to the output)\nstaged 2 records: 2 ok, 0 errors\n");
    // Two inputs with the same extra columns: still one warning for the run.
    TempDir dir;
    const std::string a = dir.write("a.csv", k_extract);
    const std::string b = dir.write("b.csv", k_extract);
    const Run both = run_cli({"batch", a, b, "--to", "csv", "--columns", "id"});
    CHECK(both.err.find("warning") == both.err.rfind("warning"));
    // A misspelt field is passed over too, with the nearest field named.
    const Run typo = run_cli({"batch", "--from", "csv", "--columns", "id,error_field"}, "id,size,grde\n1,6,3\n");
    CHECK(contains(typo.err, "grde (did you mean grade?)"));
    CHECK(ndjson(typo.out)[0]["error_field"] == "grade");
}

TEST_CASE("batch extract: --keep passes input columns through, after the id, in CSV, NDJSON and JSON") {
    const Run r =
        run_cli({"batch", "--from", "csv", "--to", "csv", "--keep", "id,age,SEX", "--columns", "stage"}, k_extract);
    CHECK(r.code == exit_code::ok);
    CHECK(r.out == "id,age,SEX,stage\r\nA1,63,F,III\r\nA2,41,,IA\r\n");
    CHECK_FALSE(contains(r.err, "warning"));  // every extra column is kept
    // --keep id alone: the id first, whatever the columns.
    CHECK(run_cli({"batch", "--from", "csv", "--to", "csv", "--keep", "ID", "--columns", "stage"}, k_extract).out ==
          "id,stage\r\nA1,III\r\nA2,IA\r\n");
    const auto compact =
        ndjson(run_cli({"batch", "--from", "csv", "--keep", "sex", "--columns", "stage"}, k_extract).out);
    REQUIRE(compact.size() == 2);
    CHECK(compact[0] == json{{"id", "A1"}, {"sex", "F"}, {"stage", "III"}});
    CHECK(compact[1]["sex"].is_null());  // a blank cell
    const auto full = ndjson(run_cli({"batch", "--from", "csv", "--keep", "Age"}, k_extract + "A3,50,M,-1,2\n").out);
    REQUIRE(full.size() == 3);
    CHECK(full[0]["Age"] == "63");
    CHECK(full[0]["stage"] == "III");
    CHECK(full[2]["Age"] == "50");  // an error record keeps them too
    CHECK(full[2]["ok"] == false);
    // A case field may be kept as it was written.
    CHECK(csv_rows(run_cli({"batch", "--from", "csv", "--to", "csv", "--keep", "size", "--columns", "T"},
                           "id,size,grade\n1,65 mm,3\n")
                       .out)[1] == std::vector<std::string>{"1", "65 mm", "T2"});
}

TEST_CASE("batch extract: --keep names are JSON strings in NDJSON, a quote, backslash or control character escaped") {
    // A header may name a column with any text (RFC 4180: "a""b" is a"b); kept, it is a key of each
    // NDJSON line, which must be a JSON string (RFC 8259: " and \ escaped, a control character as
    // \u00XX) and come back as the header named it.
    const std::string table = "id,size,grade,\"a\"\"b\",c\\d,\x1bx\n1,6,3,x,y,z\n";
    const std::string keep = "a\"b,c\\d,\x1bx";
    const json expected = {{"id", "1"}, {"a\"b", "x"}, {"c\\d", "y"}, {"\x1bx", "z"}, {"stage", "III"}};
    for (const std::vector<std::string>& to :
         {std::vector<std::string>{}, std::vector<std::string>{"--to", "ndjson"}}) {
        std::vector<std::string> args = {"batch", "--from", "csv", "--keep", keep, "--columns", "id,stage"};
        args.insert(args.end(), to.begin(), to.end());
        const Run r = run_cli(args, table);
        REQUIRE(r.code == exit_code::ok);
        INFO(r.out);
        CHECK(r.out.find('\x1b') == std::string::npos);
        const auto lines = ndjson(r.out);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0] == expected);
    }
    // The full record keeps them under the same keys.
    const auto full = ndjson(run_cli({"batch", "--from", "csv", "--keep", keep}, table).out);
    REQUIRE(full.size() == 1);
    CHECK(full[0]["a\"b"] == "x");
    CHECK(full[0]["c\\d"] == "y");
    CHECK(full[0]["\x1bx"] == "z");
}

TEST_CASE("batch extract: --keep names that cannot be kept") {
    const Run missing = run_cli({"batch", "--from", "csv", "--keep", "agee"}, k_extract);
    CHECK(missing.code == exit_code::data);
    CHECK(contains(missing.out, "--keep agee: no such column (did you mean Age?)"));
    CHECK(contains(missing.out, "the rest of this input was not read"));
    for (const std::string& list : {std::string("stage"), std::string("age,,sex"), std::string("age,AGE"),
                                    std::string("ok"), std::string("survival")}) {
        INFO(list);
        CHECK(run_cli({"batch", "--from", "csv", "--keep", list}, k_extract).code == exit_code::usage);
    }
    CHECK(run_cli({"batch", "--keep", "age", "--to", "fhir"}, k_extract).code == exit_code::usage);
}

TEST_CASE("batch extract: a --keep name that is a result column's in another letter case is refused too") {
    // batch --help: a kept name that is also a result column or member is refused; names match in
    // any letter case (ASCII), and a . may be written _, as everywhere else.
    const std::vector<std::pair<std::string, std::string>> clashes = {
        {"Stage", "stage"},
        {"t", "T"},
        {"Ok", "ok"},
        {"SURVIVAL", "survival"},
        {"Categories_t", "categories.T"},
        {"Error", "error"},
        {"Gist_Risk", "gist_risk"},
        {"SYSTEM.ID", "system.id"},
    };
    for (const auto& [kept, column] : clashes) {
        INFO(kept);
        const std::string table = "id,size,grade," + kept + "\n1,6,3,IIb\n";
        const std::string refusal = "lmsstage: batch: --keep: " + kept + " is also the name of a result column (" +
                                    column +
                                    ", in any letter case); rename that input column, or leave it out; see lmsstage "
                                    "batch --help\n";
        for (const char* to : {"csv", "ndjson", "json"}) {
            const Run r = run_cli({"batch", "--from", "csv", "--keep", kept, "--to", to}, table);
            CHECK(r.code == exit_code::usage);
            CHECK(r.out.empty());
            CHECK(r.err == refusal);
        }
    }
    // The same spelling: named as before.
    CHECK(run_cli({"batch", "--from", "csv", "--keep", "stage"}, "id,size,grade,stage\n1,6,3,IIb\n").err ==
          "lmsstage: batch: --keep: stage is also the name of a result column; rename that input column, or leave it "
          "out; see lmsstage batch --help\n");
}

TEST_CASE("batch extract: the delimiter found from the header row, or given") {
    const std::string semicolons = "id;size;grade\n1;\"5,5\";3\n2;6;1\n";
    // "5,5" is quoted and holds no delimiter for the header row: the semicolons are.
    const Run found = run_cli({"batch", "--from", "csv", "--to", "csv", "--columns", "id,T,error_field"}, semicolons);
    CHECK(found.out == "id,T,error_field\r\n1,,size\r\n2,T2,\r\n");
    const std::string tabs = "id\tsize\tgrade\n1\t6\t3\n";
    CHECK(run_cli({"batch", "--from", "csv", "--to", "csv", "--columns", "stage"}, tabs).out == "stage\r\nIII\r\n");
    CHECK(run_cli({"batch", "--from", "tsv", "--to", "csv", "--columns", "stage"}, "id,size,grade\n1,6,3\n").out ==
          "stage\r\nIII\r\n");
    // Given: the header's own count does not matter (two commas, two semicolons: a tie found as ,).
    CHECK(run_cli({"batch", "--from", "csv", "--delimiter", ";", "--to", "csv", "--columns", "T"},
                  "a,b,c;size;grade\nx;6;3\n")
              .out == "T\r\nT2\r\n");
    CHECK(run_cli({"batch", "--from", "csv", "--delimiter", "tab", "--to", "csv", "--columns", "T"}, tabs).out ==
          "T\r\nT2\r\n");
    CHECK(run_cli({"batch", "--delimiter", "|"}).code == exit_code::usage);
}

TEST_CASE("batch extract: the header delimiter, case by case") {
    using lmsstage::cli::csv::header_delimiter;
    CHECK(header_delimiter("a,b;c;d", ',') == ';');
    CHECK(header_delimiter("a,b;c", ',') == ',');     // a tie keeps the format's own
    CHECK(header_delimiter("a,b;c", '\t') == ',');    // a tie without it: , before ;
    CHECK(header_delimiter("a\tb,c", '\t') == '\t');  // TSV's own on a tie
    CHECK(header_delimiter("id", ',') == ',');
    CHECK(header_delimiter("id", '\t') == '\t');
    CHECK(header_delimiter("\"a;b;c\",d", ';') == ',');  // quoted delimiters do not count
}

TEST_CASE("batch extract: NAACCR item numbers and ids in any case as headers, the NAACCR ids echoed") {
    const std::string numbered =
        "20,60,400,522,523,756,3844,Clinic\n"
        "00012345,01,C49.2,8890,3,065,3,north\n";
    const Run r = run_cli({"batch", "--naaccr", "--from", "csv", "--to", "csv", "--keep",
                           "patientIdNumber,tumorrecordnumber,clinic", "--columns", "T,stage,summaryStage2018"},
                          numbered);
    CHECK(r.code == exit_code::ok);
    CHECK(r.out ==
          "id,patientIdNumber,tumorrecordnumber,clinic,T,stage,summaryStage2018\r\n"
          "00012345/01,00012345,01,north,T2,III,1\r\n");
    CHECK(r.err == "staged 1 record: 1 ok, 0 errors\n");
    const Run lower = run_cli({"batch", "--naaccr", "--from", "csv", "--to", "csv", "--columns", "id,stage"},
                              "PRIMARYSITE,histologictypeicdo3,BehaviorCodeIcdO3,tumorsizesummary,"
                              "gradepathological\nC49.2,8890,3,040,1\n");
    CHECK(lower.out == "id,stage\r\n,IA\r\n");
    // A field the NAACCR mapping derives is still refused, in any letter case.
    CHECK(contains(run_cli({"batch", "--naaccr", "--from", "csv"}, "Size,400\n6,C49.2\n").out, "is derived from"));
}

TEST_CASE("batch extract: --keep reads NAACCR XML items too") {
    const std::string xml =
        "<?xml version=\"1.0\"?>\n<NaaccrData baseDictionaryUri=\"http://naaccr.org/naaccrxml/naaccr-dictionary-"
        "250.xml\" recordType=\"I\" xmlns=\"http://naaccr.org/naaccrxml\">\n<Patient>\n"
        "<Item naaccrId=\"patientIdNumber\">00000007</Item>\n<Item naaccrId=\"sex\">2</Item>\n<Tumor>\n"
        "<Item naaccrId=\"tumorRecordNumber\">02</Item>\n<Item naaccrId=\"primarySite\">C492</Item>\n"
        "<Item naaccrId=\"histologicTypeIcdO3\">8890</Item>\n<Item naaccrId=\"behaviorCodeIcdO3\">3</Item>\n"
        "<Item naaccrId=\"tumorSizeSummary\">065</Item>\n<Item naaccrId=\"gradePathological\">3</Item>\n"
        "</Tumor>\n</Patient>\n</NaaccrData>\n";
    const Run r = run_cli(
        {"batch", "--from", "naaccr-xml", "--to", "csv", "--keep", "Sex,dateOfDiagnosis", "--columns", "stage"}, xml);
    CHECK(r.out == "id,Sex,dateOfDiagnosis,stage\r\n00000007/02,2,,III\r\n");
}

TEST_CASE("batch extract: a table on standard input read as JSON gets a one-line hint") {
    const Run r = run_cli({"batch"}, "id,size,grade\n1,6,3\n");
    CHECK(r.code == exit_code::data);
    CHECK(contains(r.err, "<stdin>: the first line is no JSON but looks like a CSV or TSV header: add --from csv"));
    CHECK_FALSE(contains(run_cli({"batch"}, "{\"size\":6,\"grade\":3}\n").err, "looks like"));
}

// The edition by the year of diagnosis: the AJCC Cancer Staging Manual, 8th edition, is used for
// cases diagnosed on or after 1 January 2018 (its implementation date, as the SEER Program Coding
// and Staging Manual 2018 and the CoC apply it); dateOfDiagnosis [390] is YYYYMMDD with the month
// and day optional (NAACCR Data Dictionary, version 25, date format). A thigh leiomyosarcoma
// (C49.2, 8890/3) of 65 mm, grade 3: AJCC 7 chapter 28 T2 N0 M0 G3 is III; AJCC 8 chapter 41 (trunk
// and extremities) T2 (over 5 cm, up to 10 cm) N0 M0 G3 is IIIA.
TEST_CASE("batch extract: without tnmEditionNumber, the year of diagnosis chooses the edition") {
    const std::string head =
        "primarySite,histologicTypeIcdO3,behaviorCodeIcdO3,tumorSizeSummary,gradePathological,dateOfDiagnosis";
    const std::string row = "C49.2,8890,3,065,3,";
    struct Case {
        std::string date;
        std::string system;
        std::string stage;
    };
    const Case cases[] = {
        {"20171231", "ajcc7-sts", "III"},                   // the last day of the 7th edition
        {"20180101", "ajcc8-sts-trunk-extremity", "IIIA"},  // the first of the 8th
        {"2017", "ajcc7-sts", "III"},                       // the year alone
        {"201801", "ajcc8-sts-trunk-extremity", "IIIA"},    // year and month
        {"2009", "ajcc7-sts", "III"},                       // before 2018: lmsstage's AJCC 7
        {"20240615", "ajcc8-sts-trunk-extremity", "IIIA"},
    };
    for (const Case& c : cases) {
        INFO(c.date);
        const auto out = ndjson(run_cli({"batch", "--naaccr", "--from", "csv", "--columns", "system,stage,notes"},
                                        head + "\n" + row + c.date + "\n")
                                    .out);
        REQUIRE(out.size() == 1);
        CHECK(out[0]["system"] == c.system);
        CHECK(out[0]["stage"] == c.stage);
        CHECK(contains(out[0]["notes"].dump(), "dateOfDiagnosis " + c.date + " and no tnmEditionNumber"));
    }
    // A tnmEditionNumber given wins over the year.
    CHECK(ndjson(run_cli({"batch", "--naaccr", "--from", "csv", "--columns", "system"},
                         head + ",tnmEditionNumber\n" + row + "20200101,07\n")
                     .out)[0]["system"] == "ajcc7-sts");
    // No date: the command line's default, AJCC 7.
    CHECK(ndjson(run_cli({"batch", "--naaccr", "--from", "csv", "--columns", "system"},
                         "primarySite,histologicTypeIcdO3,behaviorCodeIcdO3,tumorSizeSummary,gradePathological\n"
                         "C49.2,8890,3,065,3\n")
                     .out)[0]["system"] == "ajcc7-sts");
    for (const std::string bad : {"2018-01-01", "18", "2018010", "20l8"}) {
        INFO(bad);
        const auto out =
            ndjson(run_cli({"batch", "--naaccr", "--from", "csv", "--columns", "error_field,error_message"},
                           head + "\n" + row + bad + "\n")
                       .out);
        CHECK(out[0]["error_field"] == "dateOfDiagnosis");
        CHECK(contains(out[0]["error_message"].get<std::string>(), "YYYYMMDD"));
    }
}
