// Units and blanks said once for the whole run (batch --size-unit, --blank), the plausibility
// warning of a bare size in either unit, and the default columns that show warnings and
// assumptions.
//
// Expected stages: AJCC Cancer Staging Manual, 7th edition, chapter 28 (soft tissue sarcoma): T1 is
// 5 cm or less, T2 more than 5 cm; stage IA T1 N0 M0 G1 or GX, IIA T1 N0 M0 G2-G3, III T2 N0 M0
// G3, IV any T N1 M0 or any M1. NAACCR tumorSizeSummary [756] is in millimetres (NAACCR Data
// Dictionary, version 25).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/csv.hpp"
#include "lmsstage/lmsstage.hpp"
#include "support/cli_test_support.hpp"
#include "support/output_support.hpp"

using namespace lmsstage_door_test;
using json = nlohmann::json;

namespace {

std::vector<std::string> warnings_of(double value, lmsstage::LengthUnit unit, bool stated) {
    lmsstage::Case c;
    lmsstage::Length length{value, unit};
    length.unit_stated = stated;
    c.size = lmsstage::Measured<lmsstage::Length>::of(length);
    c.grade = lmsstage::Grade::g1;
    lmsstage::Result result;
    REQUIRE_FALSE(lmsstage::stage(c, result));
    return {result.warnings.begin(), result.warnings.end()};
}

}  // namespace

TEST_CASE("size unit: a bare size is warned only where it makes sense in the other unit, boundaries named") {
    using lmsstage::LengthUnit;
    // Bare centimetres: over 40 cm warned (40 itself is not).
    CHECK(warnings_of(40.0, LengthUnit::cm, false).empty());
    REQUIRE(warnings_of(40.5, LengthUnit::cm, false).size() == 1);
    CHECK(warnings_of(40.5, LengthUnit::cm, true).empty());
    // Bare millimetres (a run's --size-unit mm): under 1 mm warned (1 itself is not).
    CHECK(warnings_of(1.0, LengthUnit::mm, false).empty());
    const std::vector<std::string> small = warnings_of(0.9, LengthUnit::mm, false);
    REQUIRE(small.size() == 1);
    CHECK(small[0] ==
          "size 0.9 has no unit and was taken as 0.9 mm, which is unusually small; if you meant 0.9 cm, write 0.9cm");
    CHECK(warnings_of(0.9, LengthUnit::mm, true).empty());  // "0.9 mm" as written
}

TEST_CASE("size unit: --size-unit mm reads bare sizes as millimetres, a size with its unit keeps it") {
    const std::string input =
        "id,size,grade\n"
        "a,50,3\n"     // 5 cm: T1, the boundary's lower band
        "b,51,3\n"     // 5.1 cm: T2
        "c,65,3\n"     // 6.5 cm: T2
        "d,4 cm,3\n"   // stated: 4 cm
        "e,60 mm,3\n"  // stated: 6 cm
        "f,0.5,1\n";   // half a millimetre: warned
    const auto mm =
        ndjson(run_cli({"batch", "--from", "csv", "--size-unit", "mm", "--columns", "id,T,stage,warnings"}, input).out);
    REQUIRE(mm.size() == 6);
    CHECK(mm[0]["T"] == "T1");
    CHECK(mm[0]["stage"] == "IIA");
    CHECK(mm[1]["T"] == "T2");
    CHECK(mm[2]["stage"] == "III");
    CHECK(mm[2]["warnings"] == json::array());
    CHECK(mm[3]["T"] == "T1");
    CHECK(mm[4]["T"] == "T2");
    CHECK(mm[5]["T"] == "T1");
    REQUIRE(mm[5]["warnings"].size() == 1);
    // By default (cm) the bare 65 is 65 cm: T2 with the warning that it may be millimetres.
    const auto cm = ndjson(run_cli({"batch", "--from", "csv", "--columns", "id,T,warnings"}, input).out);
    CHECK(cm[2]["T"] == "T2");
    REQUIRE(cm[2]["warnings"].size() == 1);
    CHECK(contains(cm[2]["warnings"][0].get<std::string>(), "if you meant 65 mm"));
    // JSON records too.
    CHECK(
        ndjson(run_cli({"batch", "--size-unit", "mm", "--columns", "T"}, "{\"size\":50,\"grade\":3}\n").out)[0]["T"] ==
        "T1");
    CHECK(run_cli({"batch", "--size-unit", "in"}).code == exit_code::usage);
    // NAACCR sizes are millimetres whatever the run says.
    const std::string naaccr =
        "primarySite,histologicTypeIcdO3,behaviorCodeIcdO3,tumorSizeSummary,gradePathological\n"
        "C49.2,8890,3,065,3\n";
    for (const std::string unit : {"cm", "mm"}) {
        CHECK(ndjson(run_cli({"batch", "--naaccr", "--from", "csv", "--size-unit", unit, "--columns", "T"}, naaccr)
                         .out)[0]["T"] == "T2");
    }
}

TEST_CASE("blank: not given by default, unknown with --blank unknown where the field takes it") {
    const std::string input =
        "id,site,size,grade,nodes,metastasis\n"
        "a,,6,3,,\n"      // nodes and metastasis blank
        "b,,4,,no,no\n";  // grade blank
    const auto given =
        ndjson(run_cli({"batch", "--from", "csv", "--columns", "id,stage,error_field,assumptions"}, input).out);
    REQUIRE(given.size() == 2);
    CHECK(given[0]["stage"] == "III");  // N0 and M0 assumed, and said
    CHECK(given[0]["assumptions"].size() == 3);
    CHECK(given[1]["error_field"] == "grade");  // the soft tissue systems need a grade
    CHECK(run_cli({"batch", "--from", "csv", "--blank", "not-given", "--columns", "id,stage"}, input).out ==
          run_cli({"batch", "--from", "csv", "--columns", "id,stage"}, input).out);

    const auto unknown = ndjson(
        run_cli({"batch", "--from", "csv", "--blank", "unknown", "--columns", "id,system,stage,possible_stages,N,M"},
                input)
            .out);
    REQUIRE(unknown.size() == 2);
    CHECK(unknown[0]["system"] == "ajcc7-sts");  // a blank site stays not given: soft tissue
    CHECK(unknown[0]["stage"].is_null());
    CHECK(unknown[0]["possible_stages"] == json::array({"III", "IV"}));
    CHECK(unknown[0]["N"] == "NX");
    CHECK(unknown[0]["M"] == "MX");
    CHECK(unknown[1]["possible_stages"] == json::array({"IA", "IIA"}));
    CHECK(run_cli({"batch", "--blank", "maybe"}).code == exit_code::usage);
}

TEST_CASE("default columns: warnings and assumptions, after the error") {
    const Run r = run_cli({"batch", "--from", "csv", "--to", "csv"}, "id,size,grade\n1,65,3\n");
    std::istringstream in(r.out);
    CsvReader reader(in);
    CsvRow header;
    CsvRow row;
    REQUIRE(reader.next(header));
    REQUIRE(reader.next(row));
    REQUIRE(header.cells.size() == 16);
    CHECK(header.cells[14] == "warnings");
    CHECK(header.cells[15] == "assumptions");
    CHECK(contains(row.cells[14], "taken as 65 cm"));
    CHECK(contains(row.cells[15], "no regional node involvement reported: N0"));
}
