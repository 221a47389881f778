// batch --summary: counts by stage, summary stage, system, error field, warning and assumption on
// stderr, as text or JSON, equal to what the output says record by record.
//
// Expected stages: AJCC Cancer Staging Manual, 7th edition, chapter 28 (soft tissue sarcoma): T2
// (over 5 cm) N0 M0 G3 is stage III, T1 (5 cm or less) N0 M0 G1 stage IA, T1 N0 M0 G3 stage IIA; SEER Summary Stage
// 2018 (soft tissue): confined to the site of origin is localized.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "doors/tally.hpp"
#include "support/cli_test_support.hpp"

using namespace lmsstage_door_test;
using json = nlohmann::json;

namespace {

const std::string k_input =
    "id,size,grade\n"
    "1,6,3\n"
    "2,3,1\n"
    "3,65,3\n"
    "4,-1,2\n"
    "5,4,\n";

/// The summary's JSON object: the last line of stderr.
json summary_json(const std::string& err) {
    const std::size_t start = err.find("{\"records\"");
    REQUIRE(start != std::string::npos);
    return json::parse(err.substr(start));
}

}  // namespace

TEST_CASE("summary: counts by stage, summary stage, system, error field, warning and assumption, as JSON") {
    const Run r = run_cli({"batch", "--from", "csv", "--to", "csv", "--summary=json"}, k_input);
    CHECK(r.code == exit_code::data);
    CHECK(r.err.substr(0, r.err.find('\n')) == "staged 5 records: 3 ok, 2 errors");
    const json s = summary_json(r.err);
    CHECK(s["records"] == 5);
    CHECK(s["ok"] == 3);
    CHECK(s["errors"] == 2);
    CHECK(s["stage"] == json{{"III", 2}, {"IA", 1}});
    CHECK(s["summary_stage"] == json{{"localized", 3}});
    CHECK(s["system"] == json{{"ajcc7-sts", 3}});
    CHECK(s["error_field"] == json{{"size", 1}, {"grade", 1}});
    // The bare 65 (65 cm, unusually large) is one warning, its numbers taken out.
    CHECK(s["warnings"] == json{{"size N has no unit and was taken as N cm, which is unusually large; if you meant N "
                                 "mm, write Nmm",
                                 1}});
    CHECK(s["assumptions"]["no regional node involvement reported: N0"] == 3);
    CHECK(s["assumptions"]["no distant metastasis reported: M0"] == 3);
}

TEST_CASE("summary: text on stderr after the staged line, the largest count first") {
    const Run r = run_cli({"batch", "--from", "csv", "--to", "csv", "--summary", "--size-unit", "mm"}, k_input);
    CHECK(contains(r.err,
                   "staged 5 records: 3 ok, 2 errors\n"
                   "summary: 5 records, 3 ok, 2 errors\n"
                   "stage:\n"
                   "       1  IA\n"   // 3 mm G1: T1 G1
                   "       1  IIA\n"  // 6 mm G3: T1 G3
                   "       1  III\n"  // 65 mm G3: T2 G3
                   "summary stage:\n"
                   "       3  localized\n"
                   "system:\n"
                   "       3  ajcc7-sts\n"
                   "error field:\n"
                   "       1  grade\n"
                   "       1  size\n"
                   "assumption:\n"));
    CHECK_FALSE(contains(r.err, "warning:"));  // 65 mm is plausible: nothing warned
    CHECK(run_cli({"batch", "--summary=xml"}).code == exit_code::usage);
    CHECK(run_cli({"batch", "--summary", "--summary"}).code == exit_code::usage);
    CHECK_FALSE(contains(run_cli({"batch", "--from", "csv"}, k_input).err, "summary"));
}

TEST_CASE("summary: the counts equal the output's over many batches on several threads") {
    std::string input = "id,size,grade,nodes\n";
    for (int i = 0; i < 3000; ++i) {
        input += std::to_string(i) + "," + std::to_string(1 + i % 9) + "," + std::to_string(1 + i % 3) + "," +
                 (i % 7 == 0 ? "yes" : "") + "\n";
    }
    const Run r = run_cli({"batch", "--from", "csv", "--to", "ndjson", "--columns", "stage", "--summary=json"}, input);
    std::map<std::string, long long> stages;
    std::istringstream out(r.out);
    for (std::string line; std::getline(out, line);) {
        ++stages[json::parse(line)["stage"].get<std::string>()];
    }
    const json s = summary_json(r.err);
    CHECK(s["records"] == 3000);
    long long total = 0;
    for (const auto& [stage, n] : stages) {
        INFO(stage);
        CHECK(s["stage"][stage] == n);
        total += n;
    }
    CHECK(total == 3000);
}

// The counts group the warnings that differ only in the case's values (a size, a count, a line),
// those values written N; every fixed word of a text, numbers included (FIGO 2009, the AJCC 8th
// edition, 50 HPF, 1 tumour site), reads as the program writes it for one case.
TEST_CASE("summary: only the case's values in a warning are N, the fixed words and numbers kept") {
    const std::string input =
        "{\"site\":\"uterus\",\"size\":6,\"grade\":3}\n"  // FIGO 2009 does not use grade
        // AJCC 8 visceral: foci not given is one (unifocal); 25 foci is unusually many.
        "{\"edition\":8,\"site\":\"visceral\",\"size\":3,\"grade\":2,\"visceral_extent\":\"confined\"}\n"
        "{\"edition\":8,\"site\":\"visceral\",\"size\":3,\"grade\":2,\"visceral_extent\":\"confined\",\"foci\":25}\n"
        // Mitotic rates over 200 per 50 HPF, and bare sizes over 40 (cm), each two values.
        "{\"site\":\"gi\",\"histology\":\"gist\",\"gi_site\":\"stomach\",\"size\":7,\"mitotic_rate\":250}\n"
        "{\"site\":\"gi\",\"histology\":\"gist\",\"gi_site\":\"stomach\",\"size\":7,\"mitotic_rate\":300}\n"
        "{\"size\":65,\"grade\":3}\n"
        "{\"size\":70.5,\"grade\":3}\n";
    const json s = summary_json(run_cli({"batch", "--summary=json"}, input).err);
    CHECK(
        s["warnings"] ==
        json{{"grade was given but is not used: FIGO 2009 staging does not use grade", 1},
             {"size was given but is not used by AJCC 8th edition, sarcoma of abdominal and thoracic visceral organs",
              2},
             {"N tumour sites (foci) is unusually many; check the count", 1},
             {"mitotic rate N per 50 HPF is unusually high; check that it is a count per 50 HPF (5 mm2)", 2},
             {"size N has no unit and was taken as N cm, which is unusually large; if you meant N mm, write Nmm", 2}});
    CHECK(s["assumptions"]["number of tumour sites not reported: 1 (unifocal)"] == 1);
    const std::string text = run_cli({"batch", "--summary"}, input).err;
    CHECK(contains(text, "       1  grade was given but is not used: FIGO 2009 staging does not use grade\n"));
    CHECK(contains(text, "       1  number of tumour sites not reported: 1 (unifocal)\n"));

    // A CSV row that spans lines: the lines are the case's.
    const json spans = summary_json(
        run_cli({"batch", "--from", "csv", "--summary=json"}, "id,size,grade\n\"a\nb\",6,3\n\"c\n\nd\",6,3\n").err);
    CHECK(spans["warnings"] == json{{"this row spans lines N-N: a quoted cell holds a line break (a stray quote "
                                     "joins the rows up to the next quote)",
                                     2}});
}

TEST_CASE("summary: a text is grouped by the template it fills, a text of fixed words as it is") {
    using lmsstage::doors::Tally;
    CHECK(Tally::pattern("size 0.5 has no unit and was taken as 0.5 mm, which is unusually small; if you meant 0.5 "
                         "cm, write 0.5cm") ==
          "size N has no unit and was taken as N mm, which is unusually small; if you meant N cm, write Ncm");
    CHECK(Tally::pattern("21 abdominal sites is unusually many; check the count") ==
          "N abdominal sites is unusually many; check the count");
    CHECK(Tally::pattern("no regional node involvement reported: N0") == "no regional node involvement reported: N0");
    CHECK(Tally::pattern("depth was given but is not used: UICC TNM 9 has no depth subcategory") ==
          "depth was given but is not used: UICC TNM 9 has no depth subcategory");
    // Not a template's text, though it begins as one does: as it is.
    CHECK(Tally::pattern("size 65 has no unit") == "size 65 has no unit");
    CHECK(Tally::pattern("T2 G3 M1a") == "T2 G3 M1a");
    CHECK(Tally::pattern("") == "");
}

// README: "messages on stderr ... show control characters escaped (\n, \x1b): input cannot break a
// line or send a terminal escape sequence". The text summary goes to stderr.
TEST_CASE("summary: the text form escapes control characters that came from the input") {
    // Unknown keys are the error field: ESC [31m (a terminal colour), a line break, and the C1
    // control U+009B (CSI, an escape sequence's start on its own).
    const Run r = run_cli({"batch", "--summary"},
                          "{\"x\\u001b[31mRED\\nfake\":1,\"size\":6,\"grade\":3}\n"
                          "{\"a\\u009bb\":1,\"size\":6,\"grade\":3}\n");
    CHECK(contains(r.err,
                   "error field:\n"
                   "       1  a\\u009bb\n"
                   "       1  x\\x1b[31mRED\\nfake\n"));
    CHECK_FALSE(contains(r.err, "\x1b"));
    CHECK_FALSE(contains(r.err, "\xC2\x9B"));
    CHECK_FALSE(contains(r.err, "\nfake"));
    // Every kind of count is written so, the warnings and assumptions too.
    lmsstage::Result result;
    result.warnings.push_back("w\x1b[Ktitle\x07");
    result.assumptions.push_back("a\r\nb\xC2\x9B");
    lmsstage::doors::Tally tally;
    tally.add(result);
    const std::string text = tally.text();
    CHECK(contains(text, "warning:\n       1  w\\x1b[Ktitle\\x07\n"));
    CHECK(contains(text, "assumption:\n       1  a\\r\\nb\\u009b\n"));
}
