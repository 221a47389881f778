// batch --to fhir: FHIR R4 Bundles profiled by mCODE STU4 (HL7 FHIR Implementation Guide: minimal
// Common Oncology Data Elements 4.0.0, CC0; github.com/HL7/fhir-mCODE-ig, input/fsh). The profile
// URLs and codes are pinned against the guide's FSH text, each cited; the constraints the profiles
// state (method 1..1, focus 1..1 on the stage group, subject, focus or specimen on the tumour size,
// the value sets) are asserted on the output. The FHIR R4 JSON schema itself is checked by
// tests/consumers/fhir_schema.cjs.
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "doors/render_fhir.hpp"
#include "support/cli_test_support.hpp"

using namespace lmsstage_door_test;
using json = nlohmann::json;

namespace {

constexpr const char* k_mcode = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
constexpr const char* k_snomed = "http://snomed.info/sct";

/// The Bundle lmsstage writes for one JSON record.
json bundle_of(const std::string& record) {
    const Run run = run_cli({"batch", "--to", "fhir"}, record + "\n");
    INFO(run.err);
    REQUIRE(run.code == exit_code::ok);
    return json::parse(run.out);
}

/// A Bundle's resources by fullUrl.
std::map<std::string, json> by_url(const json& bundle) {
    std::map<std::string, json> out;
    for (const json& entry : bundle["entry"]) {
        out[entry["fullUrl"].get<std::string>()] = entry["resource"];
    }
    return out;
}

/// The resources of a Bundle that claim `profile` (an mCODE id).
std::vector<json> with_profile(const json& bundle, const std::string& profile) {
    std::vector<json> out;
    for (const json& entry : bundle["entry"]) {
        const json& resource = entry["resource"];
        if (resource.contains("meta")) {
            for (const json& p : resource["meta"]["profile"]) {
                if (p == k_mcode + profile) {
                    out.push_back(resource);
                }
            }
        }
    }
    return out;
}

/// Checks that every reference in a Bundle names one of its entries' fullUrls; returns how many
/// references it holds.
std::size_t references_resolved(const json& bundle) {
    const auto resources = by_url(bundle);
    std::size_t references = 0;
    const std::function<void(const json&)> walk = [&](const json& value) {
        if (value.is_object()) {
            if (value.contains("reference")) {
                ++references;
                CHECK(resources.count(value["reference"].get<std::string>()) == 1);
            }
            for (const auto& [key, member] : value.items()) {
                walk(member);
            }
        } else if (value.is_array()) {
            for (const json& member : value) {
                walk(member);
            }
        }
    };
    walk(bundle);
    return references;
}

std::string code_of(const json& codeable) { return codeable["coding"][0]["code"].get<std::string>(); }
std::string system_of(const json& codeable) { return codeable["coding"][0]["system"].get<std::string>(); }

}  // namespace

TEST_CASE("FHIR: size 6 cm, grade 3 gives an AJCC 7 stage group III with its T, N and M members", "[fhir]") {
    // The issue's "done when": lmsstage --size 6 --grade 3 (AJCC 7 soft tissue: T2 N0 M0 G3 = III).
    const json bundle = bundle_of(R"({"id":"p1","size":6,"grade":3})");
    CHECK(bundle["resourceType"] == "Bundle");
    CHECK(bundle["type"] == "collection");
    const auto resources = by_url(bundle);
    const std::vector<json> groups = with_profile(bundle, "mcode-tnm-stage-group");
    REQUIRE(groups.size() == 1);
    const json& group = groups[0];
    // SD_Staging_TNM.fsh, TNMStageGroup: code from TNMStageGroupStagingTypeVS (VS_Staging_TNM.fsh:
    // SCT 399390009 "TNM stage grouping"), method 1..1 from TNMStagingMethodVS (SCT 443830009, AJCC
    // 7th edition), focus 1..1, hasMember TNMCategory 0..3.
    CHECK(system_of(group["code"]) == k_snomed);
    CHECK(code_of(group["code"]) == "399390009");
    CHECK(code_of(group["method"]) == "443830009");
    CHECK(system_of(group["method"]) == k_snomed);
    CHECK(group["status"] == "final");
    // TNMStageGroupMaxVS includes the codes of system AJCC (AL_CodeSystems.fsh: http://cancerstaging.org).
    CHECK(system_of(group["valueCodeableConcept"]) == "http://cancerstaging.org");
    CHECK(code_of(group["valueCodeableConcept"]) == "III");
    REQUIRE(group["focus"].size() == 1);
    CHECK(resources.at(group["focus"][0]["reference"].get<std::string>())["resourceType"] == "Condition");
    CHECK(resources.at(group["subject"]["reference"].get<std::string>())["resourceType"] == "Patient");
    CHECK(resources.at(group["subject"]["reference"].get<std::string>())["identifier"][0]["value"] == "p1");
    REQUIRE(group["hasMember"].size() == 3);

    // VS_Staging_TNM.fsh: T, N and M staging types SCT 78873005, 277206009, 277208005.
    const std::map<std::string, std::pair<std::string, std::string>> members = {
        {"mcode-tnm-primary-tumor-category", {"78873005", "T2"}},
        {"mcode-tnm-regional-nodes-category", {"277206009", "N0"}},
        {"mcode-tnm-distant-metastases-category", {"277208005", "M0"}},
    };
    std::set<std::string> seen;
    for (const json& member : group["hasMember"]) {
        const json& category = resources.at(member["reference"].get<std::string>());
        const std::string profile =
            category["meta"]["profile"][0].get<std::string>().substr(std::string(k_mcode).size());
        CAPTURE(profile);
        REQUIRE(members.count(profile) == 1);
        seen.insert(profile);
        CHECK(code_of(category["code"]) == members.at(profile).first);
        CHECK(code_of(category["valueCodeableConcept"]) == members.at(profile).second);
        // SD_Staging_TNM.fsh, TNMCategory: method 1..1; subject CancerPatient; focus PrimaryCancerCondition.
        CHECK(code_of(category["method"]) == "443830009");
        CHECK(category["subject"] == group["subject"]);
        CHECK(category["focus"] == group["focus"]);
        CHECK_FALSE(category.contains("hasMember"));  // TNMCategory: NotUsed(hasMember)
    }
    CHECK(seen.size() == 3);
    // The assumptions made (nodes and metastasis not given) are in the notes.
    CHECK(contains(group["note"].dump(), "Assumption: no regional node involvement reported: N0"));

    // The tumour size: SD_TumorSize.fsh, LOINC 21889-1 with the longest dimension 33728-7 in UCUM
    // cm or mm (TumorSizeUnitsVS), and focus or specimen (must-have-focus-or-specimen-invariant).
    const std::vector<json> sizes = with_profile(bundle, "mcode-tumor-size");
    REQUIRE(sizes.size() == 1);
    CHECK(code_of(sizes[0]["code"]) == "21889-1");
    CHECK(code_of(sizes[0]["component"][0]["code"]) == "33728-7");
    CHECK(sizes[0]["component"][0]["valueQuantity"] ==
          json::parse(R"({"value":6,"unit":"cm","system":"http://unitsofmeasure.org","code":"cm"})"));
    CHECK(sizes[0].contains("specimen") != sizes[0].contains("focus"));
    CHECK(resources.at(sizes[0]["specimen"]["reference"].get<std::string>())["resourceType"] == "Specimen");
}

TEST_CASE("FHIR: every reference resolves in its Bundle, and the same input gives the same UUIDs", "[fhir]") {
    const std::string record = R"({"id":"p1","size":"65mm","grade":3})";
    const json bundle = bundle_of(record);
    CHECK(bundle == bundle_of(record));
    const auto resources = by_url(bundle);
    CHECK(resources.size() == bundle["entry"].size());  // fullUrls are unique
    CHECK(references_resolved(bundle) >= 10);
    for (const auto& [url, resource] : resources) {
        CHECK(url.rfind("urn:uuid:", 0) == 0);
        CHECK(url.size() == 9 + 36);
        CHECK(resource["id"] == url.substr(9));
    }
    // Another id, other UUIDs.
    CHECK(by_url(bundle_of(R"({"id":"p2","size":"65mm","grade":3})")).count(bundle["entry"][0]["fullUrl"]) == 0);
    // A size in mm stays in mm.
    CHECK(with_profile(bundle, "mcode-tumor-size")[0]["component"][0]["valueQuantity"]["code"] == "mm");
    CHECK(with_profile(bundle, "mcode-tumor-size")[0]["component"][0]["valueQuantity"]["value"] == 65);
}

TEST_CASE("FHIR: records without an id get their own Bundle and resource ids, from their file and line", "[fhir]") {
    // A FHIR server stores a resource by its id (FHIR R4 RESTful API, update and transaction): two
    // records' resources with one id would be one resource, the later overwriting the earlier.
    const auto bundles_of = [](const Run& run) {
        INFO(run.err);
        REQUIRE(run.code == exit_code::ok);
        std::vector<json> out;
        for (const std::string& line : lines_of(run.out)) {
            out.push_back(json::parse(line));
        }
        return out;
    };
    // Every Bundle has an id and fullUrls no other has, and its references resolve in it.
    const auto check_distinct = [](const std::vector<json>& bundles) {
        std::set<std::string> bundle_ids;
        std::set<std::string> urls;
        std::size_t entries = 0;
        for (const json& bundle : bundles) {
            bundle_ids.insert(bundle["id"].get<std::string>());
            for (const json& entry : bundle["entry"]) {
                urls.insert(entry["fullUrl"].get<std::string>());
                CHECK(entry["fullUrl"] == "urn:uuid:" + entry["resource"]["id"].get<std::string>());
                ++entries;
            }
            CHECK(references_resolved(bundle) >= 10);
        }
        CHECK(bundle_ids.size() == bundles.size());
        CHECK(urls.size() == entries);
    };
    // Two records in one input: size 6 G3 is stage III, size 2 G1 stage IA (AJCC 7).
    const std::string input = "{\"size\":6,\"grade\":3}\n{\"size\":2,\"grade\":1}\n";
    const Run one = run_cli({"batch", "--to", "fhir"}, input);
    const std::vector<json> two = bundles_of(one);
    REQUIRE(two.size() == 2);
    CHECK(code_of(with_profile(two[0], "mcode-tnm-stage-group").at(0)["valueCodeableConcept"]) == "III");
    CHECK(code_of(with_profile(two[1], "mcode-tnm-stage-group").at(0)["valueCodeableConcept"]) == "IA");
    check_distinct(two);
    // The same input gives the same ids: derived from it, not drawn.
    CHECK(run_cli({"batch", "--to", "fhir"}, input).out == one.out);

    // The same line of two files.
    const TempDir dir;
    const std::string a = dir.write("a.ndjson", "{\"size\":6,\"grade\":3}\n");
    const std::string b = dir.write("b.ndjson", "{\"size\":6,\"grade\":3}\n");
    const std::vector<json> files = bundles_of(run_cli({"batch", "--to", "fhir", a, b}));
    REQUIRE(files.size() == 2);
    check_distinct(files);
    // Two elements of one JSON array on one line, and two rows of a CSV table.
    check_distinct(
        bundles_of(run_cli({"batch", "--to", "fhir"}, "[{\"size\":6,\"grade\":3},{\"size\":6,\"grade\":3}]")));
    check_distinct(bundles_of(run_cli({"batch", "--from", "csv", "--to", "fhir"}, "size,grade\n6,3\n6,3\n")));

    // A record with an id has the ids it has wherever it is: in a file, after a blank line.
    const std::string with_id = dir.write("c.ndjson", "\n{\"id\":\"p1\",\"size\":6,\"grade\":3}\n");
    const std::vector<json> moved = bundles_of(run_cli({"batch", "--to", "fhir", with_id}));
    REQUIRE(moved.size() == 1);
    CHECK(moved[0] == bundle_of(R"({"id":"p1","size":6,"grade":3})"));
}

TEST_CASE("FHIR: AJCC 8 cases carry the 8th edition method", "[fhir]") {
    // Retroperitoneum, 12 cm, G2, AJCC 8: T3 N0 M0 = IIIB (AJCC 8th ed. ch. 42).
    const json bundle = bundle_of(R"({"site":"retroperitoneum","size":12,"grade":2,"edition":8})");
    const json group = with_profile(bundle, "mcode-tnm-stage-group").at(0);
    CHECK(code_of(group["method"]) == "897275008");  // TNMStagingMethodVS: AJCC 8th edition
    CHECK(code_of(group["valueCodeableConcept"]) == "IIIB");
}

TEST_CASE("FHIR: an undetermined stage has no value but the reason, and the possible stages", "[fhir]") {
    // Size unknown, G3: T1 or T2, stage IIA or III (AJCC 7).
    const json group = with_profile(bundle_of(R"({"size":"unknown","grade":3})"), "mcode-tnm-stage-group").at(0);
    CHECK_FALSE(group.contains("valueCodeableConcept"));
    CHECK(group["dataAbsentReason"]["coding"][0]["code"] == "unknown");
    CHECK(contains(group["note"].dump(), "possible stages: IIA III"));
}

TEST_CASE("FHIR: a uterine sarcoma gives a FIGO stage Observation with its NCIt value", "[fhir]") {
    // Uterine leiomyosarcoma 6.5 cm confined to the uterus: FIGO 2009 IB (> 5 cm).
    const json bundle = bundle_of(R"({"site":"uterus","size":"65mm"})");
    CHECK(with_profile(bundle, "mcode-tnm-stage-group").empty());
    const std::vector<json> figo = with_profile(bundle, "mcode-gynecologic-tumor-figo-stage");
    REQUIRE(figo.size() == 1);
    // The FIGO profile is a CancerStage (SD_Staging_Other.fsh: Parent: CancerStage).
    CHECK(with_profile(bundle, "mcode-cancer-stage").size() == 1);
    // SD_Staging_Other.fsh: code = SCT#385361009; VS_Staging_Other.fsh: FIGOStagingMethodVS is-a
    // 254383006, FIGOStageValueVS NCIT#C96248 "FIGO Stage IB".
    CHECK(code_of(figo[0]["code"]) == "385361009");
    CHECK(code_of(figo[0]["method"]) == "254383006");
    CHECK(system_of(figo[0]["valueCodeableConcept"]) == "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl");
    CHECK(code_of(figo[0]["valueCodeableConcept"]) == "C96248");
    CHECK(figo[0]["hasMember"].size() == 3);
}

TEST_CASE("FHIR: the FIGO stage codes are those of the guide's FIGOStageValueVS, for every stage", "[fhir]") {
    // mCODE STU4 input/fsh/VS_Staging_Other.fsh, FIGOStageValueVS.
    using lmsstage::Stage;
    const std::map<Stage, std::string> guide = {
        {Stage::I, "C96244"},    {Stage::IA, "C96245"},   {Stage::IB, "C96248"},   {Stage::IC, "C96251"},
        {Stage::II, "C96252"},   {Stage::IIA, "C96253"},  {Stage::IIB, "C96254"},  {Stage::III, "C96255"},
        {Stage::IIIA, "C96256"}, {Stage::IIIB, "C96257"}, {Stage::IIIC, "C96258"}, {Stage::IV, "C96261"},
        {Stage::IVA, "C96262"},  {Stage::IVB, "C96263"},
    };
    REQUIRE(guide.size() == lmsstage::k_all_stages.size());
    for (const Stage stage : lmsstage::k_all_stages) {
        CAPTURE(lmsstage::name(stage));
        CHECK(lmsstage::doors::figo_stage_code(stage) == guide.at(stage));
    }
}

TEST_CASE("FHIR: a T category only system gives the category alone, a case not staged no staging", "[fhir]") {
    // AJCC 8 head and neck: a T category and no stage group (AJCC 8th ed. ch. 40).
    const json head_neck = bundle_of(R"({"site":"head_neck","size":3,"grade":2,"edition":8})");
    CHECK(with_profile(head_neck, "mcode-tnm-stage-group").empty());
    const std::vector<json> t = with_profile(head_neck, "mcode-tnm-primary-tumor-category");
    REQUIRE(t.size() == 1);
    CHECK(code_of(t[0]["method"]) == "897275008");
    // A GI leiomyosarcoma under AJCC 7 is not staged: no staging Observation, the size still.
    const json gi = bundle_of(R"({"site":"gi","histology":"lms","size":3,"grade":2})");
    CHECK(with_profile(gi, "mcode-tnm-stage-group").empty());
    CHECK(with_profile(gi, "mcode-tnm-primary-tumor-category").empty());
    CHECK(with_profile(gi, "mcode-tumor-size").size() == 1);
}

// mCODE STU4 input/fsh/VS_Staging_TNM.fsh: TNMStagingMethodVS lists AJCC editions only, and the
// stage group and category value sets are AJCC's: a UICC TNM 9 result has no staging Observation
// (docs/rules.md §10), and is not written as an AJCC stage.
TEST_CASE("FHIR: a UICC TNM 9 result gives no mCODE staging Observation, the tumour size still", "[fhir][uicc9]") {
    const json uicc = bundle_of(R"({"site":"extremity","size":6,"grade":3,"nodes":true,"edition":"uicc9"})");
    CHECK(with_profile(uicc, "mcode-tnm-stage-group").empty());
    CHECK(with_profile(uicc, "mcode-tnm-primary-tumor-category").empty());
    CHECK(with_profile(uicc, "mcode-tnm-regional-nodes-category").empty());
    CHECK(with_profile(uicc, "mcode-tnm-distant-metastases-category").empty());
    CHECK(with_profile(uicc, "mcode-tumor-size").size() == 1);
}

TEST_CASE("FHIR: a record that cannot be staged gives an OperationOutcome naming the field", "[fhir]") {
    const Run run = run_cli({"batch", "--to", "fhir"}, "{\"id\":9,\"size\":-3,\"grade\":3}\n");
    CHECK(run.code == exit_code::data);
    const json outcome = json::parse(run.out);
    CHECK(outcome["resourceType"] == "OperationOutcome");
    CHECK(outcome["issue"][0]["severity"] == "error");
    CHECK(outcome["issue"][0]["code"] == "invalid");
    CHECK(outcome["issue"][0]["expression"] == json::array({"size"}));
    CHECK(contains(outcome["issue"][0]["diagnostics"].get<std::string>(), "record 9: size"));
    CHECK(run_cli({"batch", "--to", "fhir", "--columns", "id"}).code == exit_code::usage);
}

TEST_CASE("FHIR: NAACCR XML tumours become Bundles keyed by patient and tumour", "[fhir]") {
    const std::string xml =
        "<NaaccrData xmlns=\"http://naaccr.org/naaccrxml\"><Patient><Item naaccrId=\"patientIdNumber\">42</Item>"
        "<Tumor><Item naaccrId=\"tumorRecordNumber\">01</Item><Item naaccrId=\"primarySite\">C492</Item>"
        "<Item naaccrId=\"histologicTypeIcdO3\">8890</Item><Item naaccrId=\"behaviorCodeIcdO3\">3</Item>"
        "<Item naaccrId=\"tumorSizeSummary\">065</Item><Item naaccrId=\"gradePathological\">3</Item></Tumor>"
        "</Patient></NaaccrData>";
    const Run run = run_cli({"batch", "--to", "fhir"}, xml);
    REQUIRE(run.code == exit_code::ok);
    const json bundle = json::parse(run.out);
    CHECK(bundle["entry"][0]["resource"]["identifier"][0]["value"] == "42/01");
    // registry.ndjson "thigh-lms-issue-example": AJCC 7 stage III; size code 065 is 65 mm.
    CHECK(code_of(with_profile(bundle, "mcode-tnm-stage-group").at(0)["valueCodeableConcept"]) == "III");
    CHECK(with_profile(bundle, "mcode-tumor-size").at(0)["component"][0]["valueQuantity"]["code"] == "mm");
}

TEST_CASE("FHIR: the basis picks the clinical or pathological codes of the stage group and categories",
          "[fhir][basis]") {
    // mCODE STU4 input/fsh/VS_Staging_TNM.fsh: TNMStageGroupStagingTypeVS (399390009 TNM stage
    // grouping, 399537006 Clinical TNM stage grouping, 399588009 Pathologic TNM stage grouping; the
    // deprecated LOINC 21908-9 and 21902-2 only in the Max value set), TNMPrimaryTumorStagingTypeVS
    // (78873005, 399504009 cT, 384625004 pT), TNMRegionalNodesStagingTypeVS (277206009, 399534004 cN,
    // 371494008 pN), TNMDistantMetastasesStagingTypeVS (277208005, 399387003 cM, 371497001 pM).
    // Post-therapy (yp) is a pathological classification; M is cM under every basis (AJCC 8 ch. 1:
    // pM0 does not exist; EX_ExtendedExample.fsh says so of its pathological M).
    struct Row {
        std::string basis;  // empty: not stated
        std::string group, t, n, m;
        std::string t_value, n_value, m_value;
    };
    const Row rows[] = {
        {"", "399390009", "78873005", "277206009", "277208005", "T2", "N0", "M0"},
        {"clinical", "399537006", "399504009", "399534004", "399387003", "cT2", "cN0", "cM0"},
        {"pathological", "399588009", "384625004", "371494008", "399387003", "pT2", "pN0", "cM0"},
        {"post-therapy", "399588009", "384625004", "371494008", "399387003", "ypT2", "ypN0", "cM0"},
    };
    for (const Row& row : rows) {
        INFO(row.basis);
        const std::string record = row.basis.empty()
                                       ? R"({"id":"b","size":6,"grade":3})"
                                       : R"({"id":"b","size":6,"grade":3,"basis":")" + row.basis + R"("})";
        const json bundle = bundle_of(record);
        const std::vector<json> groups = with_profile(bundle, "mcode-tnm-stage-group");
        REQUIRE(groups.size() == 1);
        CHECK(code_of(groups[0]["code"]) == row.group);
        CHECK(code_of(groups[0]["valueCodeableConcept"]) == "III");
        const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> categories = {
            {"mcode-tnm-primary-tumor-category", {row.t, row.t_value}},
            {"mcode-tnm-regional-nodes-category", {row.n, row.n_value}},
            {"mcode-tnm-distant-metastases-category", {row.m, row.m_value}},
        };
        for (const auto& [profile, codes] : categories) {
            INFO(profile);
            const std::vector<json> found = with_profile(bundle, profile);
            REQUIRE(found.size() == 1);
            CHECK(system_of(found[0]["code"]) == k_snomed);
            CHECK(code_of(found[0]["code"]) == codes.first);
            CHECK(code_of(found[0]["valueCodeableConcept"]) == codes.second);
        }
    }
}

TEST_CASE(
    "FHIR: metastasis unknown (MX, no AJCC category) gives the M Observation no value but the reason, "
    "while TX and NX stay AJCC codes",
    "[fhir][mx]") {
    // docs/rules.md §5 and §8b: metastasis unknown is shown MX, lmsstage's word for "M0 or M1", which is
    // no AJCC category (the 7th and 8th editions have no MX); the mCODE TNM category profiles bind the
    // value to AJCC codes. So, as for an undetermined stage group: no value, a dataAbsentReason.
    // 6 cm, G3, metastasis unknown (AJCC 7): T2 N0, M0 or M1, stage III or IV.
    for (const std::string basis : {"", R"(,"basis":"pathological")"}) {
        CAPTURE(basis);
        const json bundle = bundle_of(R"({"id":"mx","size":6,"grade":3,"metastasis":"unknown")" + basis + "}");
        const std::vector<json> ms = with_profile(bundle, "mcode-tnm-distant-metastases-category");
        REQUIRE(ms.size() == 1);
        const json& m = ms[0];
        CHECK_FALSE(m.contains("valueCodeableConcept"));
        CHECK(m["dataAbsentReason"] ==
              json::parse(R"({"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason",
                                         "code":"unknown","display":"Unknown"}]})"));
        CHECK(contains(m["note"].dump(), "M0 or M1"));
        CHECK_FALSE(contains(bundle.dump(), "MX"));
        // The M Observation is still a member of the stage group, which is undetermined.
        const json group = with_profile(bundle, "mcode-tnm-stage-group").at(0);
        CHECK(group["hasMember"].size() == 3);
        CHECK(contains(group["hasMember"].dump(), m["id"].get<std::string>()));
        CHECK(group["dataAbsentReason"]["coding"][0]["code"] == "unknown");
        // T and N stay AJCC codes.
        const std::string t = basis.empty() ? "T2" : "pT2";
        const std::string n = basis.empty() ? "N0" : "pN0";
        CHECK(code_of(with_profile(bundle, "mcode-tnm-primary-tumor-category").at(0)["valueCodeableConcept"]) == t);
        CHECK(code_of(with_profile(bundle, "mcode-tnm-regional-nodes-category").at(0)["valueCodeableConcept"]) == n);
    }
    // docs/rules.md §1: TX (size unknown) and NX are AJCC 7 categories, not lmsstage's own words: they
    // stay AJCC codes, and M0 too.
    const json bundle = bundle_of(R"({"size":"unknown","grade":3,"nodes":"unknown","metastasis":false})");
    const json t = with_profile(bundle, "mcode-tnm-primary-tumor-category").at(0);
    const json n = with_profile(bundle, "mcode-tnm-regional-nodes-category").at(0);
    const json m = with_profile(bundle, "mcode-tnm-distant-metastases-category").at(0);
    CHECK(system_of(t["valueCodeableConcept"]) == "http://cancerstaging.org");
    CHECK(code_of(t["valueCodeableConcept"]) == "TX");
    CHECK(code_of(n["valueCodeableConcept"]) == "NX");
    CHECK(code_of(m["valueCodeableConcept"]) == "M0");
    for (const json& category : {t, n, m}) {
        CHECK_FALSE(category.contains("dataAbsentReason"));
    }
}
