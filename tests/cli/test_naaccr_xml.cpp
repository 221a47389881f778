// NAACCR XML in and out (batch on a NaaccrData file; --to naaccr-xml), run in-process: the samples
// of the NAACCR XML reference implementation (tests/naaccr-xml/imsweb, see its NOTICE) staged tumour
// by tumour in order, the sourced registry cases of data/cases/naaccr/registry.ndjson given as XML
// and staged as in JSON, Patient and root items reaching each Tumor, the document written back with
// every original item and element, refused DTDs and entities, and errors with their line.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/naaccr_xml.hpp"
#include "doors/naaccr_xml.hpp"
#include "naaccr/naaccr.hpp"
#include "support/cli_test_support.hpp"

using namespace lmsstage_door_test;
using json = nlohmann::json;

namespace {

std::string sample(const std::string& name) {
    return std::string(LMSSTAGE_SOURCE_DIR) + "/tests/naaccr-xml/imsweb/" + name;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<json> ndjson(const std::string& text) {
    std::vector<json> out;
    for (const std::string& line : lines_of(text)) {
        out.push_back(json::parse(line));
    }
    return out;
}

/// The Item elements of a document, as written one a line ("naaccrId=value"), in order.
std::vector<std::string> items_of(const std::string& xml) {
    static const std::regex item(R"re(<Item naaccrId="([^"]*)"[^>]*>([^<]*)</Item>)re");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), item); it != std::sregex_iterator(); ++it) {
        out.push_back((*it)[1].str() + "=" + (*it)[2].str());
    }
    return out;
}

const std::string k_head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<NaaccrData baseDictionaryUri=\"http://naaccr.org/naaccrxml/naaccr-dictionary-250.xml\" recordType=\"A\" "
    "specificationVersion=\"1.7\" xmlns=\"http://naaccr.org/naaccrxml\">\n";

std::string item(const std::string& id, const std::string& value) {
    return "<Item naaccrId=\"" + id + "\">" + value + "</Item>\n";
}

/// The thigh leiomyosarcoma of data/cases/naaccr/registry.ndjson ("thigh-lms-issue-example": C49.2,
/// 8890/3, size code 065, grade 3; AJCC 7 T2 G3 = III) as Tumor items.
std::string thigh_lms_items() {
    return item("primarySite", "C492") + item("histologicTypeIcdO3", "8890") + item("behaviorCodeIcdO3", "3") +
           item("tumorSizeSummary", "065") + item("gradePathological", "3");
}

}  // namespace

TEST_CASE("NAACCR XML: the reference implementation's synthetic sample is read tumour by tumour, in order",
          "[naaccr-xml]") {
    // synthetic-data_naaccr-210-incidence_10-tumors.xml: 10 patients of one tumour each, none a
    // sarcoma (its histologies are carcinomas, lymphomas and in situ tumours), so each is refused
    // for the item at fault, in the order of the file.
    const Run run = run_cli({"batch", sample("synthetic-data_naaccr-210-incidence_10-tumors.xml")});
    CHECK(run.code == exit_code::data);
    const std::vector<json> records = ndjson(run.out);
    REQUIRE(records.size() == 10);
    for (std::size_t i = 0; i < records.size(); ++i) {
        const std::string number = std::to_string(i + 1);  // patientIdNumber 00000001 .. 00000010
        CHECK(records[i]["id"] == std::string(8 - number.size(), '0') + number + "/01");
        CHECK(records[i]["ok"] == false);
    }
    // Tumour 1: histologicTypeIcdO3 8500 (ductal carcinoma), not a sarcoma.
    CHECK(records[0]["error"]["field"] == "histologicTypeIcdO3");
    // Tumour 2: behaviorCodeIcdO3 2 (in situ).
    CHECK(records[1]["error"]["field"] == "behaviorCodeIcdO3");
    // Tumour 4: 9727, a lymphoma.
    CHECK(records[3]["error"]["field"] == "histologicTypeIcdO3");
    CHECK(records[0]["line"].get<int>() > 0);
    CHECK(contains(run.err, "staged 10 records: 0 ok, 10 errors"));
}

TEST_CASE("NAACCR XML: the sourced registry cases give in XML what they give in JSON", "[naaccr-xml]") {
    // Every case of data/cases/naaccr/registry.ndjson keyed by NAACCR items only, written as one
    // Tumor each; its expectations (sourced there, one by one) are checked on the XML result.
    std::ifstream cases(std::string(LMSSTAGE_SOURCE_DIR) + "/data/cases/naaccr/registry.ndjson");
    std::string xml = k_head;
    std::vector<json> expected;
    for (std::string line; std::getline(cases, line);) {
        const json record = json::parse(line);
        bool items_only = true;
        std::string tumor = "<Patient>\n" + item("patientIdNumber", record["id"].get<std::string>()) + "<Tumor>\n";
        for (const auto& [key, value] : record.items()) {
            if (key == "id" || key == "source" || key == "expect") {
                continue;
            }
            items_only = items_only && lmsstage::naaccr::find_input_item(key) != nullptr && value.is_string();
            if (items_only) {
                tumor += item(key, value.get<std::string>());
            }
        }
        if (items_only) {
            xml += tumor + "</Tumor>\n</Patient>\n";
            expected.push_back(record);
        }
    }
    xml += "</NaaccrData>\n";
    REQUIRE(expected.size() >= 20);
    const Run run = run_cli({"batch", "--naaccr"}, xml);  // standard input, told by its content
    const std::vector<json> records = ndjson(run.out);
    REQUIRE(records.size() == expected.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        const json& got = records[i];
        const json& expect = expected[i]["expect"];
        INFO(expected[i]["id"] << ": " << got.dump());
        CHECK(got["id"] == expected[i]["id"]);
        if (expect.contains("error")) {
            CHECK(got["ok"] == false);
            CHECK(got["error"]["field"] == expect["error"]);
            continue;
        }
        REQUIRE(got["ok"] == true);
        if (expect.contains("system")) {
            CHECK(got["system"]["id"] == expect["system"]);
        }
        if (expect.contains("stage")) {
            CHECK(got["stage"] == expect["stage"]);
        }
        if (expect.contains("summary_stage")) {
            CHECK(got["summary_stage"] == expect["summary_stage"]);
        }
        for (const char* part : {"categories", "naaccr"}) {
            if (expect.contains(part)) {
                for (const auto& [key, value] : expect[part].items()) {
                    CHECK(got[part][key] == value);
                }
            }
        }
    }
}

TEST_CASE("NAACCR XML: the Patient's and the root's items reach each of its Tumors, the nearest winning",
          "[naaccr-xml]") {
    const std::string xml = k_head + item("behaviorCodeIcdO3", "3") + "<Patient>\n" + item("patientIdNumber", "7") +
                            item("histologicTypeIcdO3", "8890") + "<Tumor>\n" + item("tumorRecordNumber", "01") +
                            item("primarySite", "C492") + item("tumorSizeSummary", "065") +
                            item("gradePathological", "3") + "</Tumor>\n<Tumor>\n" + item("tumorRecordNumber", "02") +
                            item("primarySite", "C492") + item("histologicTypeIcdO3", "8500") +
                            "</Tumor>\n</Patient>\n</NaaccrData>\n";
    const std::vector<json> records = ndjson(run_cli({"batch"}, xml).out);
    REQUIRE(records.size() == 2);
    // Tumour 1 takes its behaviour from the root and its histology from the Patient: the thigh
    // leiomyosarcoma of registry.ndjson, AJCC 7 stage III.
    CHECK(records[0]["id"] == "7/01");
    CHECK(records[0]["stage"] == "III");
    // Tumour 2 gives its own histology (8500, a carcinoma), which wins over the Patient's.
    CHECK(records[1]["id"] == "7/02");
    CHECK(records[1]["error"]["field"] == "histologicTypeIcdO3");
}

TEST_CASE("NAACCR XML out: every item and element written back, the derived items added", "[naaccr-xml]") {
    SECTION("the reference implementation's samples keep every item, and writing is idempotent") {
        for (const char* name : {"standard-file.xml", "standard-file-extension.xml", "test_UTF-8_with_bom.xml",
                                 "synthetic-data_naaccr-210-incidence_10-tumors.xml"}) {
            CAPTURE(name);
            const std::string original = read_file(sample(name));
            const Run run = run_cli({"batch", "--to", "naaccr-xml", sample(name)});
            CHECK(items_of(run.out) == items_of(original));  // nothing staged: nothing added
            // Extension elements of other namespaces are kept, with their text.
            if (std::string_view(name) == "standard-file-extension.xml") {
                for (const char* text : {"root-extension-1", "root-extension-embedded-1", "patient-extension-2",
                                         "tumor-extension-1", "other:someAttribute=\"XXX\""}) {
                    CHECK(contains(run.out, text));
                }
            }
            // The output read again gives itself back, so it is well-formed NAACCR XML.
            const Run again = run_cli({"batch", "--to", "naaccr-xml", "-"}, run.out);
            CHECK(again.out == run.out);
            CHECK_FALSE(contains(again.err, "not read"));
        }
        // The second Patient of standard-file.xml has no Tumor: it is written back too.
        const Run standard = run_cli({"batch", "--to", "naaccr-xml", sample("standard-file.xml")});
        CHECK(contains(standard.out, "<Item naaccrId=\"patientIdNumber\" naaccrNum=\"20\">00000002</Item>"));
        CHECK(contains(standard.out,
                       "<NaaccrData baseDictionaryUri=\"http://naaccr.org/naaccrxml/"
                       "naaccr-dictionary-160.xml\" recordType=\"I\""));
    }
    SECTION("a staged Tumor gains the NAACCR output items; an item already there is replaced, not repeated") {
        const std::string xml = k_head + "<Patient>\n" + item("patientIdNumber", "42") + "<Tumor>\n" +
                                thigh_lms_items() + item("summaryStage2018", "9") +
                                item("textRemarks", "size &lt; 7 cm &amp; \"deep\"") + "</Tumor>\n</Patient>\n" +
                                "</NaaccrData>\n";
        const Run run = run_cli({"batch", "--to", "naaccr-xml"}, xml);
        CHECK(run.code == exit_code::ok);
        const std::vector<std::string> items = items_of(run.out);
        // registry.ndjson's expectations for this case (Collaborative Stage 02.05.50 code tables):
        // summary stage 1, AJCC 7 T 299 (T2), N 000, M 000, stage group 500 (III), edition 07.
        const std::vector<std::string> expected = {
            "patientIdNumber=42",       "primarySite=C492",
            "histologicTypeIcdO3=8890", "behaviorCodeIcdO3=3",
            "tumorSizeSummary=065",     "gradePathological=3",
            "summaryStage2018=1",       "textRemarks=size &lt; 7 cm &amp; \"deep\"",
            "tnmEditionNumber=07",      "derivedAjcc7T=299",
            "derivedAjcc7N=000",        "derivedAjcc7M=000",
            "derivedAjcc7StageGrp=500"};
        CHECK(items == expected);
    }
    SECTION("a Tumor that is not staged is written unchanged after a comment saying why") {
        const std::string xml =
            k_head + "<Patient>\n<Tumor>\n" + item("primarySite", "C809") + "</Tumor>\n</Patient>\n</NaaccrData>\n";
        const Run run = run_cli({"batch", "--to", "naaccr-xml"}, xml);
        CHECK(run.code == exit_code::data);
        CHECK(contains(run.out, "<!-- lmsstage: "));
        CHECK(items_of(run.out) == std::vector<std::string>{"primarySite=C809"});
    }
    SECTION("only a NAACCR XML input, and only one, can be written back") {
        // A readable input of another format is data --to naaccr-xml cannot write back: 65, not 66
        // (66 is for an input that cannot be read), and nothing written.
        const Run json_in = run_cli({"batch", "--to", "naaccr-xml"}, "{\"size\":6,\"grade\":3}\n");
        CHECK(json_in.code == exit_code::data);
        CHECK(json_in.out.empty());
        CHECK(contains(json_in.err, "not NAACCR XML"));
        // XML whose root is not NaaccrData: no document began, so nothing is written (a comment alone
        // would be no well-formed XML document).
        const Run other_xml = run_cli({"batch", "--to", "naaccr-xml", "--from", "naaccr-xml"}, "<foo/>");
        CHECK(other_xml.code == exit_code::data);
        CHECK(other_xml.out.empty());
        CHECK(contains(other_xml.err, "the root element is <foo>, not <NaaccrData>"));
        CHECK(contains(other_xml.err, "nothing of it was written"));
        // A fault after the root began: the document is closed, with the fault as a comment inside.
        const Run cut = run_cli({"batch", "--to", "naaccr-xml"}, k_head + "<Patient>\n<Tumor>\n<Item naaccrId");
        CHECK(cut.code == exit_code::data);
        CHECK(contains(cut.out, "<!-- lmsstage: "));
        CHECK(cut.out.substr(cut.out.size() - 14) == "</NaaccrData>\n");
        const Run two =
            run_cli({"batch", "--to", "naaccr-xml", sample("standard-file.xml"), sample("standard-file.xml")});
        CHECK(two.code == exit_code::usage);
        CHECK(run_cli({"batch", "--to", "naaccr-xml", "--columns", "id"}).code == exit_code::usage);
    }
}

TEST_CASE("NAACCR XML: told by its name, its content or --from", "[naaccr-xml]") {
    const std::string xml =
        k_head + "<Patient>\n<Tumor>\n" + thigh_lms_items() + "</Tumor>\n</Patient>\n</NaaccrData>\n";
    TempDir dir;
    const std::string by_name = dir.write("registry.XML", xml);
    const std::string by_content = dir.write("registry.export", "\xEF\xBB\xBF" + xml);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"batch", by_name}, std::vector<std::string>{"batch", by_content},
          std::vector<std::string>{"batch", "--from", "naaccr-xml", by_content}}) {
        const Run run = run_cli(args);
        INFO(run.err);
        CHECK(run.code == exit_code::ok);
        CHECK(json::parse(run.out)["stage"] == "III");
    }
    // White space before the XML declaration is still told as XML, and refused as XML says.
    const Run spaced = run_cli({"batch"}, "\n  " + xml);
    CHECK(contains(spaced.err, "<stdin>:2: not well-formed XML: XML or text declaration not at start of entity"));
    // --from json is taken at its word.
    CHECK(run_cli({"batch", "--from", "json", by_name}).code == exit_code::data);
    CHECK(contains(run_cli({"batch", "--from", "xlsx"}).err, "naaccr-xml"));
}

TEST_CASE("NAACCR XML: refused input says what is wrong, where, and stops that input", "[naaccr-xml]") {
    struct Bad {
        std::string xml;
        long long line;
        std::string says;
    };
    const std::vector<Bad> cases = {
        // A document type declaration (and with it any entity: the "billion laughs" need one).
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE NaaccrData [\n<!ENTITY a \"aaaaaaaa\">\n]>\n<NaaccrData/>\n", 2,
         "document type declaration"},
        {k_head + "<Patient>\n<Tumor>\n<Item naaccrId=\"primarySite\">C492</Itme>\n", 5, "not well-formed XML"},
        {k_head + "<Patient>\n<Tumor>\n<Item>C492</Item>\n", 5, "without its naaccrId"},
        {k_head + "<Patient>\n<Tumor>\n</Tumor>\n" + item("sex", "2"), 6, "after its first Tumor"},
        {k_head + "<Patient/>\n" + item("registryId", "1"), 4, "after its first Patient"},
        {k_head + "<Patient>\n<Tumor>\n<Item naaccrId=\"primarySite\"><b/></Item>\n", 5, "inside an Item"},
        {k_head + "<Tumor>\n", 3, "unexpected element <Tumor> in <NaaccrData>"},
        {k_head + "C492\n<Patient/>\n", 3, "text outside an Item"},
        {k_head + "<Patient>\n", 4, "not well-formed XML: no element found"},
        {"<?xml version=\"1.0\"?>\n<NaaccrDat/>\n", 2, "not a NAACCR XML file"},
    };
    for (const Bad& bad : cases) {
        CAPTURE(bad.xml);
        const Run run = run_cli({"batch", "--from", "naaccr-xml"}, bad.xml);
        CHECK(run.code == exit_code::data);
        const std::vector<json> records = ndjson(run.out);
        REQUIRE_FALSE(records.empty());
        const json& problem = records.back();  // after the tumours read before it (an empty one here and there)
        CHECK(problem["line"] == bad.line);
        CHECK(contains(problem["error"]["message"].get<std::string>(), bad.says));
        CHECK(contains(problem["error"]["message"].get<std::string>(), "the rest of this input was not read"));
        CHECK(contains(run.err, "<stdin>:" + std::to_string(bad.line) + ": "));
    }
    // An encoding neither expat nor lmsstage reads is named, with the conversion to make.
    const std::string shift_jis = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n" +
                                  k_head.substr(k_head.find('\n') + 1) + "<Patient>\n<Tumor>\n" + thigh_lms_items() +
                                  "</Tumor>\n</Patient>\n</NaaccrData>\n";
    const Run unknown = run_cli({"batch"}, shift_jis);
    CHECK(unknown.code == exit_code::data);
    CHECK(contains(unknown.err, "the declaration names Shift_JIS"));
    CHECK(contains(unknown.err, "iconv -f Shift_JIS -t UTF-8"));
    CHECK(contains(unknown.err, "encoding=\"UTF-8\""));
    // The reference implementation's invalid sample with a misspelt root.
    CHECK(contains(run_cli({"batch", sample("invalid_bad-tag-1.xml")}).err, "<NaaccrDat>"));
}

// The reference implementation's test_Cp1252.xml declares encoding="Cp1252" (Java's name for
// Windows-1252) and holds textHistologyTitle "This is a \x93sentence\x94 taken from \x96 Word\x85":
// bytes 0x93 0x94 0x96 0x85 are U+201C U+201D U+2013 U+2026 (WHATWG Encoding Standard,
// index-windows-1252).
const std::string k_cp1252_title = "This is a \u201Csentence\u201D taken from \u2013 Word\u2026";

TEST_CASE("NAACCR XML: a file declared Windows-1252 (Cp1252) is read, its text decoded to UTF-8", "[naaccr-xml]") {
    const Run run = run_cli({"batch", sample("test_Cp1252.xml"), "--keep", "textHistologyTitle"});
    const std::vector<json> records = ndjson(run.out);
    REQUIRE(records.size() == 1);
    CHECK(records[0]["id"] == "00000001");
    CHECK(records[0]["textHistologyTitle"] == k_cp1252_title);
    CHECK_FALSE(contains(run.err, "unknown encoding"));
}

TEST_CASE("NAACCR XML: a plain ASCII file declared windows-1252 or latin1 is read", "[naaccr-xml]") {
    for (const std::string name : {"windows-1252", "WINDOWS-1252", "latin1"}) {
        CAPTURE(name);
        const std::string xml = "<?xml version=\"1.0\" encoding=\"" + name + "\"?>\n" +
                                k_head.substr(k_head.find('\n') + 1) + "<Patient>\n<Tumor>\n" + thigh_lms_items() +
                                "</Tumor>\n</Patient>\n</NaaccrData>\n";
        const Run run = run_cli({"batch", "--to", "csv", "--columns", "stage"}, xml);
        CHECK(run.code == exit_code::ok);
        CHECK(run.out == "stage\r\nIII\r\n");  // C49.2, 8890/3, 6.5 cm, grade 3: AJCC 7 T2 G3, stage III
    }
}

TEST_CASE("NAACCR XML: --encoding names the bytes' encoding, whatever the declaration says", "[naaccr-xml]") {
    // The sample read as Windows-1252 by --encoding: the same text.
    const Run given =
        run_cli({"batch", "--encoding", "windows-1252", sample("test_Cp1252.xml"), "--keep", "textHistologyTitle"});
    REQUIRE(ndjson(given.out).size() == 1);
    CHECK(ndjson(given.out)[0]["textHistologyTitle"] == k_cp1252_title);
    // Converted to UTF-8 (iconv) with its declaration left as it was: --encoding utf-8 reads it.
    std::string converted = read_file(sample("test_Cp1252.xml"));
    const std::string raw = "\x93sentence\x94 taken from \x96 Word\x85";
    REQUIRE(converted.find(raw) != std::string::npos);
    converted.replace(converted.find(raw), raw.size(), "\u201Csentence\u201D taken from \u2013 Word\u2026");
    const Run utf8 =
        run_cli({"batch", "--encoding", "utf-8", "--from", "naaccr-xml", "--keep", "textHistologyTitle"}, converted);
    REQUIRE(ndjson(utf8.out).size() == 1);
    CHECK(ndjson(utf8.out)[0]["textHistologyTitle"] == k_cp1252_title);
}

TEST_CASE("NAACCR XML out: a document cut short is still closed, after the tumours read", "[naaccr-xml]") {
    const std::string xml = k_head + "<Patient>\n<Tumor>\n" + thigh_lms_items() + "</Tumor>\n<Tumor>\n<Item naaccrId";
    const Run run = run_cli({"batch", "--to", "naaccr-xml"}, xml);
    CHECK(run.code == exit_code::data);
    CHECK(contains(run.out, "derivedAjcc7StageGrp"));
    const std::string tail = "    </Patient>\n</NaaccrData>\n";
    CHECK(run.out.substr(run.out.size() - tail.size()) == tail);
    CHECK(contains(run.err, "not well-formed XML"));
}

TEST_CASE("NAACCR XML: a Tumor over 1 MiB is refused, memory bounded", "[naaccr-xml]") {
    const std::string big(std::size_t{1} << 20, 'x');
    const std::string xml =
        k_head + "<Patient>\n<Tumor>\n" + item("textRemarks", big) + "</Tumor>\n</Patient>\n</NaaccrData>\n";
    const Run run = run_cli({"batch"}, xml);
    CHECK(run.code == exit_code::data);
    CHECK(contains(run.err, "over 1 MiB"));
}

TEST_CASE("NAACCR XML: text and attributes are escaped as XML requires", "[naaccr-xml]") {
    std::string out;
    lmsstage::doors::append_xml_escaped(out, "a<b>&\"c\"\r\t\n");
    CHECK(out == "a&lt;b&gt;&amp;\"c\"&#13;\t\n");
    out.clear();
    lmsstage::doors::append_xml_escaped(out, "a<b>&\"c\"\r\t\n", true);
    CHECK(out == "a&lt;b&gt;&amp;&quot;c&quot;&#13;&#9;&#10;");
    out.clear();
    lmsstage::doors::append_xml_comment(out, "a -- b-");
    CHECK(out == "<!-- lmsstage: a - - b-  -->\n");  // no "--" inside, and none before the closing "-->"
    CHECK(lmsstage::cli::looks_like_xml("\xEF\xBB\xBF \n<?xml"));
    CHECK_FALSE(lmsstage::cli::looks_like_xml("{\"size\":6}"));
    CHECK_FALSE(lmsstage::cli::looks_like_xml("   "));
}
