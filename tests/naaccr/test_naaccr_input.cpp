// NAACCR-coded input: items to lmsstage case fields, each table pinned against its public source
// (SEER EOD schema selection, NAACCR Data Dictionary v25 code lists, SEER grade tables).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lmsstage/fields.hpp"
#include "lmsstage/lmsstage.hpp"
#include "naaccr/naaccr.hpp"
#include "support/naaccr_test_support.hpp"

using namespace lmsstage;
using namespace naaccr_test;
namespace nc = lmsstage::naaccr;

TEST_CASE("naaccr: the issue's thigh leiomyosarcoma stages as --size 65mm --grade 3 --site extremity") {
    const nc::Mapped m = mapped({{"tumorSizeSummary", "065"}, {"gradePathological", "3"}});
    CHECK(m.fields ==
          std::vector<nc::FieldText>{{"site", "extremity"}, {"histology", "8890/3"}, {"size", "65mm"}, {"grade", "3"}});
    Case from_naaccr;
    REQUIRE_FALSE(nc::apply(m, from_naaccr));
    Case from_options;
    for (const auto& [key, text] : {std::pair{"size", "65mm"}, {"grade", "3"}, {"site", "extremity"}}) {
        REQUIRE_FALSE(read_field(from_options, *find_field(key), text));
    }
    const Outcome a = stage(from_naaccr);
    const Outcome b = stage(from_options);
    REQUIRE(std::holds_alternative<Result>(a));
    REQUIRE(std::holds_alternative<Result>(b));
    const Result& ra = std::get<Result>(a);
    const Result& rb = std::get<Result>(b);
    CHECK(ra.system.id == rb.system.id);
    CHECK(ra.categories.t == rb.categories.t);
    CHECK(ra.categories.g == rb.categories.g);
    CHECK(ra.stage == rb.stage);
    CHECK(ra.stage == Stage::III);
    CHECK(ra.summary_stage == rb.summary_stage);
    CHECK(nc::output_items(ra, from_naaccr)[0] == nc::OutputItem{"summaryStage2018", "1"});
}

TEST_CASE("naaccr: the input items are NAACCR v25's ids, numbers and names") {
    struct Pin {
        std::string_view id;
        int number;
        std::string_view name;
    };
    const Pin pins[] = {
        {"primarySite", 400, "Primary Site"},
        {"histologicTypeIcdO3", 522, "Histologic Type ICD-O-3"},
        {"behaviorCodeIcdO3", 523, "Behavior Code ICD-O-3"},
        {"tumorSizeSummary", 756, "Tumor Size Summary"},
        {"tumorSizePathologic", 754, "Tumor Size Pathologic"},
        {"tumorSizeClinical", 752, "Tumor Size Clinical"},
        {"gradeClinical", 3843, "Grade Clinical"},
        {"gradePathological", 3844, "Grade Pathological"},
        {"regionalNodesPositive", 820, "Regional Nodes Positive"},
        {"metsAtDxBone", 1112, "Mets at DX-Bone"},
        {"metsAtDxBrain", 1113, "Mets at DX-Brain"},
        {"metsAtDxDistantLn", 1114, "Mets at Dx-Distant LN"},
        {"metsAtDxLiver", 1115, "Mets at DX-Liver"},
        {"metsAtDxLung", 1116, "Mets at DX-Lung"},
        {"metsAtDxOther", 1117, "Mets at DX-Other"},
        {"tnmEditionNumber", 1060, "TNM Edition Number"},
        {"schemaDiscriminator1", 3926, "Schema Discriminator 1"},
        {"schemaDiscriminator2", 3927, "Schema Discriminator 2"},
        {"csSiteSpecificFactor10", 2864, "CS Site-Specific Factor10"},
        {"ajccTnmClinT", 1001, "AJCC TNM Clin T"},
        {"ajccTnmClinN", 1002, "AJCC TNM Clin N"},
        {"ajccTnmClinM", 1003, "AJCC TNM Clin M"},
        {"ajccTnmPathT", 1011, "AJCC TNM Path T"},
        {"ajccTnmPathN", 1012, "AJCC TNM Path N"},
        {"ajccTnmPathM", 1013, "AJCC TNM Path M"},
        {"ajccTnmPostTherapyT", 1021, "AJCC TNM Post Therapy Path (yp) T"},
        {"ajccTnmPostTherapyN", 1022, "AJCC TNM Post Therapy Path (yp) N"},
        {"ajccTnmPostTherapyM", 1023, "AJCC TNM Post Therapy Path (yp) M"},
        {"tnmPathT", 880, "TNM Path T"},
        {"tnmPathN", 890, "TNM Path N"},
        {"tnmPathM", 900, "TNM Path M"},
        {"tnmClinT", 940, "TNM Clin T"},
        {"tnmClinN", 950, "TNM Clin N"},
        {"tnmClinM", 960, "TNM Clin M"},
        {"dateOfDiagnosis", 390, "Date of Diagnosis"},
    };
    REQUIRE(nc::input_items().size() == std::size(pins));
    for (const Pin& pin : pins) {
        const nc::ItemInfo* item = nc::find_input_item(pin.id);
        REQUIRE(item != nullptr);
        CHECK(item->number == pin.number);
        CHECK(item->name == pin.name);
        CHECK(&nc::info(item->item) == item);
    }
    CHECK(nc::find_input_item("patientIdNumber") == nullptr);
    nc::Record r;
    CHECK_FALSE(r.set("patientIdNumber", "1"));
}

TEST_CASE("naaccr: behaviour must be /3 (NAACCR item 523)") {
    CHECK(refused({{"behaviorCodeIcdO3", "0"}}).reason.find("benign") == 0);
    CHECK(refused({{"behaviorCodeIcdO3", "1"}}).reason.find("uncertain") == 0);
    CHECK(refused({{"behaviorCodeIcdO3", "2"}}).reason.find("in situ") == 0);
    const nc::Refusal bad = refused({{"behaviorCodeIcdO3", "6"}});
    CHECK(bad.message() == "behaviorCodeIcdO3 [523] 6: is not an ICD-O-3 behaviour code (0, 1, 2 or 3)");
    nc::Record r = record({});
    r.set(nc::Item::behavior, "");
    const auto missing = nc::map_record(r);
    REQUIRE(std::holds_alternative<nc::Refusal>(missing));
    CHECK(std::get<nc::Refusal>(missing).message() == "behaviorCodeIcdO3 [523]: is required");
}

TEST_CASE("naaccr: histology codes through the histology table (data/histology.csv)") {
    // The code and behaviour (items 522, 523) are the case's histology, as ICD-O-3 writes them; the
    // histology table decides what stages (its own tests check it against the CS inclusion tables).
    for (const std::string_view code : {"8890", "8891", "8896", "8800", "8802", "8850", "8858", "9040", "9540"}) {
        INFO("histology " << code);
        CHECK(field(mapped({{"histologicTypeIcdO3", code}}), "histology") == std::string(code) + "/3");
    }
    struct Pin {
        std::string_view code;
        std::string_view reason;  // the start of the refusal
    };
    // clang-format off
    const Pin refusals[] = {
        {"8000", "8000/3: ICD-O-3 8000-8799 are neoplasms NOS"},
        {"8140", "8140/3: ICD-O-3 8000-8799 are neoplasms NOS"},
        {"8832", "dfsp: dermatofibrosarcoma protuberans"},
        {"9140", "kaposi-sarcoma: Kaposi sarcoma"},
        {"8814", "infantile-fibrosarcoma: infantile fibrosarcoma is excluded"},
        {"9050", "mesothelioma: mesothelioma is not a soft tissue sarcoma"},
        {"8980", "carcinosarcoma: carcinosarcoma is staged as endometrial carcinoma"},
        {"9590", "9590/3: ICD-O-3 9590-9999 are lymphomas"},
        {"889", "is not an ICD-O-3"}, {"88900", "is not an ICD-O-3"}, {"abcd", "is not an ICD-O-3"},
    };
    // clang-format on
    for (const Pin& pin : refusals) {
        INFO("histology " << pin.code);
        const nc::Refusal r = refused({{"histologicTypeIcdO3", pin.code}});
        CHECK(r.item == "histologicTypeIcdO3");
        CHECK(r.reason.find(pin.reason) == 0);
    }
}

TEST_CASE("naaccr: primary sites of leiomyosarcoma (EOD schema selection - CS for AJCC 7)") {
    struct Pin {
        std::string_view site;
        std::string_view edition;
        std::string_view discriminator2 = {};
    };
    struct Outcome {
        std::string_view expected;  // lmsstage site, or the start of the refusal
        std::vector<Pin> pins;
    };
    // clang-format off
    const Outcome outcomes[] = {
        {"head-neck", {{"C490", ""}, {"C470", "08"}}},
        {"extremity", {{"C491", ""}, {"C492", "08"}, {"C471", ""}, {"C49.2", ""}, {"c492", ""}}},
        {"trunk", {{"C474", "08"}, {"C476", ""}, {"C496", ""}, {"C493", "07"}, {"C494", ""}, {"C493", "08", "1"},
                   {"C499", "08"}, {"C479", "08"}}},
        {"visceral", {{"C495", "08", "2"}, {"C475", "08", "8"}, {"C220", "08"}, {"C349", "08"}, {"C679", "08"}}},
        {"not specific enough", {{"C473", "08", "9"}}},
        {"needs schemaDiscriminator2", {{"C494", "08"}}},
        {"soft-tissue", {{"C498", "07"}, {"C499", ""}}},
        {"retroperitoneum", {{"C480", ""}, {"C481", "08"}, {"C482", ""}, {"C488", ""}}},
        {"uterus", {{"C540", ""}, {"C542", "08"}, {"C549", ""}, {"C559", ""}}},
        {"uterine cervix", {{"C539", ""}}},
        {"gi", {{"C150", "07"}, {"C155", "08"}, {"C169", ""}, {"C171", ""}, {"C187", "08"}, {"C199", ""},
                {"C209", ""}}},
        {"head-neck-organ", {{"C150", "08"}, {"C158", "08"}}},
        {"visceral organ", {{"C220", "07"}}},
        {"primary site not in", {{"C569", ""}, {"C809", "08"}}},
        {"is not an ICD-O-3 topography", {{"C49", ""}, {"X492", ""}}},
    };
    // clang-format on
    for (const Outcome& outcome : outcomes) {
        for (const Pin& pin : outcome.pins) {
            INFO(pin.site << " edition " << pin.edition << " discriminator 2 " << pin.discriminator2);
            nc::Record r = record({{"primarySite", pin.site},
                                   {"tnmEditionNumber", pin.edition},
                                   {"schemaDiscriminator2", pin.discriminator2}});
            const nc::Mapping m = nc::map_record(r);
            if (const auto* refusal = std::get_if<nc::Refusal>(&m)) {
                CHECK(refusal->item == "primarySite");
                CHECK(refusal->reason.find(outcome.expected) == 0);
            } else {
                CHECK(field(std::get<nc::Mapped>(m), "site") == outcome.expected);
            }
        }
    }
}

TEST_CASE("naaccr: GIST by GI site, C48.1 by schema discriminator 1 or CS SSF10") {
    struct Pin {
        std::string_view site;
        std::string_view discriminator;  // item=value
        std::string_view gi_site;        // or the start of the refusal
    };
    // clang-format off
    const Pin pins[] = {
        {"C150", "", "esophagus"},        {"C159", "", "esophagus"},        {"C160", "", "stomach"},
        {"C169", "", "stomach"},
        // ICD-O-3 topography: C17.0 duodenum, C17.1 jejunum, C17.2 ileum (the AFIP columns, NCI PDQ GIST
        // Treatment Table 1), C17.3 Meckel diverticulum, C17.8 overlapping, C17.9 small intestine NOS.
        {"C170", "", "duodenum"},         {"C171", "", "jejunum-ileum"},    {"C172", "", "jejunum-ileum"},
        {"C173", "", "small-intestine"},  {"C178", "", "small-intestine"},  {"C179", "", "small-intestine"},
        {"C180", "", "colorectum"},       {"C181", "", "colorectum"},       {"C199", "", "colorectum"},
        {"C209", "", "rectum"},           {"C482", "", "peritoneum"},
        {"C481", "schemaDiscriminator1=2", "omentum"},      {"C481", "schemaDiscriminator1=1", "peritoneum"},
        {"C481", "schemaDiscriminator1=9", "peritoneum"},   {"C481", "csSiteSpecificFactor10=020", "omentum"},
        {"C481", "csSiteSpecificFactor10=010", "mesentery"}, {"C481", "csSiteSpecificFactor10=030", "peritoneum"},
        {"C481", "csSiteSpecificFactor10=998", "peritoneum"}, {"C481", "csSiteSpecificFactor10=999", "peritoneum"},
        {"C481", "", "C48.1 covers both"},  {"C480", "", "peritoneum"},
        {"C488", "", "peritoneum"}, {"C210", "", "GIST outside"}, {"C549", "", "GIST outside"},
    };
    // clang-format on
    for (const Pin& pin : pins) {
        INFO(pin.site << " " << pin.discriminator);
        nc::Record r = record({{"primarySite", pin.site}, {"histologicTypeIcdO3", "8936"}});
        if (!pin.discriminator.empty()) {
            const auto equals = pin.discriminator.find('=');
            REQUIRE(r.set(pin.discriminator.substr(0, equals), pin.discriminator.substr(equals + 1)));
        }
        const nc::Mapping m = nc::map_record(r);
        if (const auto* refusal = std::get_if<nc::Refusal>(&m)) {
            CHECK(refusal->reason.find(pin.gi_site) == 0);
        } else {
            CHECK(field(std::get<nc::Mapped>(m), "site") == "gi");
            CHECK(field(std::get<nc::Mapped>(m), "histology") == "8936/3");
            CHECK(field(std::get<nc::Mapped>(m), "gi_site") == pin.gi_site);
        }
    }
}

TEST_CASE("naaccr: uterine sarcomas at the corpus, adenosarcoma only there") {
    // Collaborative Stage Corpus Sarcoma (8800, 8890-8898, 8900-8921, 8930-8931, 8935) and Corpus
    // Adenosarcoma (8933) at C54.0-C54.3, C54.8-C54.9, C55.9.
    for (const std::string_view site : {"C540", "C543", "C548", "C549", "C559"}) {
        for (const std::string_view code : {"8930", "8931", "8933", "8800", "8935", "8890"}) {
            INFO(site << " " << code);
            CHECK(field(mapped({{"primarySite", site}, {"histologicTypeIcdO3", code}}), "site") == "uterus");
        }
    }
    CHECK(refused({{"primarySite", "C539"}, {"histologicTypeIcdO3", "8933"}})
              .reason.find("adenosarcoma outside the uterine corpus") == 0);
    CHECK(refused({{"primarySite", "C541"}, {"histologicTypeIcdO3", "8980"}}).reason.find("carcinosarcoma") == 0);
}

TEST_CASE("naaccr: stromal sarcoma NOS (8935) is a GIST where SEER's GIST schemas take it") {
    // CS GIST schemas (8935-8936 at C15-C21, C48); Soft Tissue at C47/C49; Corpus Sarcoma at C54.
    CHECK(field(mapped({{"primarySite", "C160"}, {"histologicTypeIcdO3", "8935"}}), "gi_site") == "stomach");
    CHECK(field(mapped({{"primarySite", "C492"}, {"histologicTypeIcdO3", "8935"}}), "site") == "extremity");
    CHECK(field(mapped({{"primarySite", "C541"}, {"histologicTypeIcdO3", "8935"}}), "site") == "uterus");
}

TEST_CASE("naaccr: heart and mediastinum, head and neck organs, GIST of the retroperitoneum") {
    // CS Heart and Mediastinum (AJCC 7 soft tissue); EOD Heart, Mediastinum and Pleura cites AJCC 8 ch. 42.
    // The heart (C38.0) is soft tissue under AJCC 7, visceral under AJCC 8; the mediastinum (C38.1-C38.3,
    // C38.8) is site mediastinum under both, which SEER's site recode keeps out of Soft Tissue including
    // Heart (so no soft tissue survival table).
    CHECK(field(mapped({{"primarySite", "C380"}, {"histologicTypeIcdO3", "8890"}}), "site") == "soft-tissue");
    CHECK(field(mapped({{"primarySite", "C380"}, {"histologicTypeIcdO3", "8890"}, {"tnmEditionNumber", "08"}}),
                "site") == "visceral");
    for (const std::string_view mediastinum : {"C381", "C382", "C383", "C388"}) {
        CHECK(field(mapped({{"primarySite", std::string(mediastinum)}, {"histologicTypeIcdO3", "8890"}}), "site") ==
              "mediastinum");
        CHECK(field(mapped({{"primarySite", std::string(mediastinum)},
                            {"histologicTypeIcdO3", "8890"},
                            {"tnmEditionNumber", "08"}}),
                    "site") == "mediastinum");
    }
    // EOD Soft Tissue Head and Neck: larynx (C32), parotid (C07), cervical oesophagus (C15.0) under AJCC 8.
    for (const std::string_view site : {"C320", "C079", "C150"}) {
        INFO(site);
        CHECK(field(mapped({{"primarySite", site}, {"histologicTypeIcdO3", "8890"}, {"tnmEditionNumber", "08"}}),
                    "site") == "head-neck-organ");
    }
    CHECK(refused({{"primarySite", "C320"}, {"histologicTypeIcdO3", "8890"}})
              .reason.find("sarcoma of a head and neck organ") == 0);
    // CS GIST Peritoneum covers C48.0-C48.8; SSF10 020 (omentum) selects the gastric table, any other code the
    // intestinal.
    CHECK(field(mapped({{"primarySite", "C480"}, {"histologicTypeIcdO3", "8936"}}), "gi_site") == "peritoneum");
    CHECK(field(mapped({{"primarySite", "C488"}, {"histologicTypeIcdO3", "8936"}, {"csSiteSpecificFactor10", "020"}}),
                "gi_site") == "omentum");
}

TEST_CASE("naaccr: tumour size codes (NAACCR items 756, 754, 752)") {
    struct Pin {
        std::string_view code;
        std::string_view size;
        std::string_view note;
    };
    const Pin pins[] = {
        {"001", "1mm", "1 mm or described as less than 1 mm"},
        {"002", "2mm", ""},
        {"065", "65mm", ""},
        {"65", "65mm", ""},
        {"150", "150mm", ""},
        {"988", "988mm", ""},
        {"989", "989mm", "989 mm or larger"},
        {"990", "1mm", "microscopic focus"},
        {"998", "unknown", "site-specific alternate description"},
        {"999", "unknown", "size unknown"},
    };
    for (const Pin& pin : pins) {
        INFO("tumorSizeSummary " << pin.code);
        const nc::Mapped m = mapped({{"tumorSizeSummary", pin.code}});
        CHECK(field(m, "size") == pin.size);
        if (pin.note.empty()) {
            CHECK(m.notes.empty());
        } else {
            CHECK(has_note(m, "tumorSizeSummary " + std::string(pin.code) + ": " + std::string(pin.note)));
        }
    }
    CHECK(refused({{"tumorSizeSummary", "000"}}).reason.find("no mass or tumour found") == 0);
    for (const std::string_view code : {"991", "995", "997"}) {
        CHECK(refused({{"tumorSizeSummary", code}}).reason.find("not a code of this item") == 0);
    }
    CHECK(refused({{"tumorSizeClinical", "1000"}}).message() ==
          "tumorSizeClinical [752] 1000: is not a tumour size code (000-990, 998, 999)");
    CHECK(field(mapped({}), "size") == "(not given)");
}

TEST_CASE("naaccr: the summary size comes first - an unknown one falls back to pathologic, then clinical") {
    CHECK(field(mapped({{"tumorSizeSummary", "070"}, {"tumorSizePathologic", "065"}}), "size") == "70mm");
    const nc::Mapped fallback = mapped({{"tumorSizeSummary", "999"}, {"tumorSizePathologic", "065"}});
    CHECK(field(fallback, "size") == "65mm");
    CHECK(has_note(fallback, "size taken from tumorSizePathologic 065"));
    CHECK(field(mapped({{"tumorSizeSummary", "999"}, {"tumorSizeClinical", "040"}}), "size") == "40mm");
    CHECK(field(mapped({{"tumorSizePathologic", "999"}, {"tumorSizeClinical", "999"}}), "size") == "unknown");
}

TEST_CASE("naaccr: soft tissue grade codes (SEER Grade Clinical/Pathological, FNCLCC)") {
    struct Pin {
        std::string_view code;
        std::string_view grade;
    };
    // 9 is "grade cannot be assessed (GX)"; A-D are generic grades that cannot be placed on FNCLCC
    // (an unknown grade, G1 to G3); H is "stated as high grade only" (G2 or G3).
    for (const Pin& pin : {Pin{"1", "1"}, Pin{"2", "2"}, Pin{"3", "3"}, Pin{"9", "X"}, Pin{"A", "unknown"},
                           Pin{"B", "unknown"}, Pin{"C", "unknown"}, Pin{"D", "unknown"}, Pin{"H", "high"}}) {
        INFO("gradeClinical " << pin.code);
        CHECK(field(mapped({{"gradeClinical", pin.code}}), "grade") == pin.grade);
    }
    const auto generic = mapped({{"gradeClinical", "D"}});
    CHECK(generic.notes.empty());
    REQUIRE(generic.warnings.size() == 1);
    CHECK(generic.warnings[0].find("gradeClinical D: generic grade D (undifferentiated, anaplastic) cannot be placed "
                                   "on the FNCLCC grade") == 0);
    CHECK(has_note(mapped({{"gradePathological", "H"}}), "stated as high grade only (code H): grade high"));
    CHECK(refused({{"gradeClinical", "L"}}).reason.find("is not a grade code of the soft_tissue") == 0);
    // The higher of the two, in SEER's Derived Summary Grade order: 1-3 above A-D, above H, above 9.
    CHECK(field(mapped({{"gradeClinical", "2"}, {"gradePathological", "3"}}), "grade") == "3");
    CHECK(field(mapped({{"gradeClinical", "3"}, {"gradePathological", "9"}}), "grade") == "3");
    CHECK(field(mapped({{"gradeClinical", "1"}, {"gradePathological", "D"}}), "grade") == "1");
    CHECK(field(mapped({{"gradeClinical", "2"}, {"gradePathological", "H"}}), "grade") == "2");
    CHECK(field(mapped({{"gradeClinical", "A"}, {"gradePathological", "H"}}), "grade") == "unknown");
    CHECK(field(mapped({{"gradeClinical", "9"}, {"gradePathological", "H"}}), "grade") == "high");
}

TEST_CASE("naaccr: GIST grade is the mitotic rate (L/H) - corpus grades are not passed") {
    const auto gist = [](std::initializer_list<std::pair<std::string_view, std::string_view>> grades) {
        nc::Record r = record({{"primarySite", "C160"}, {"histologicTypeIcdO3", "8936"}});
        for (const auto& [id, value] : grades) {
            r.set(id, value);
        }
        return std::get<nc::Mapped>(nc::map_record(r));
    };
    CHECK(field(gist({{"gradeClinical", "L"}}), "mitotic_rate") == "5");
    CHECK(field(gist({{"gradePathological", "H"}}), "mitotic_rate") == "6");
    CHECK(field(gist({{"gradeClinical", "L"}, {"gradePathological", "H"}}), "mitotic_rate") == "6");
    CHECK(field(gist({{"gradeClinical", "B"}}), "mitotic_rate") == "unknown");
    CHECK(field(gist({{"gradeClinical", "9"}}), "mitotic_rate") == "unknown");
    CHECK(field(gist({{"gradeClinical", "L"}}), "grade") == "(not given)");
    CHECK(has_note(gist({{"gradeClinical", "L"}}), "gradeClinical L: low mitotic rate"));
    const nc::Mapped uterus = mapped({{"primarySite", "C542"}, {"gradePathological", "3"}});
    CHECK(field(uterus, "grade") == "(not given)");
    CHECK(has_note(uterus, "not used by FIGO 2009"));
    const nc::Mapped adeno = mapped({{"primarySite", "C541"}, {"histologicTypeIcdO3", "8933"}, {"gradeClinical", "S"}});
    CHECK(field(adeno, "grade") == "(not given)");
    CHECK(refused({{"primarySite", "C542"}, {"gradeClinical", "S"}}).reason.find("is not a grade code") == 0);
}

TEST_CASE("naaccr: regional nodes positive (NAACCR item 820)") {
    struct Pin {
        std::string_view code;
        std::string_view nodes;
    };
    for (const Pin& pin :
         {Pin{"00", "no"}, Pin{"0", "no"}, Pin{"01", "yes"}, Pin{"45", "yes"}, Pin{"89", "yes"}, Pin{"90", "yes"},
          Pin{"95", "yes"}, Pin{"97", "yes"}, Pin{"98", "(not given)"}, Pin{"99", "unknown"}}) {
        INFO("regionalNodesPositive " << pin.code);
        CHECK(field(mapped({{"regionalNodesPositive", pin.code}}), "nodes") == pin.nodes);
    }
    CHECK(has_note(mapped({{"regionalNodesPositive", "98"}}), "no nodes examined"));
    for (const std::string_view code : {"91", "96", "100", "x"}) {
        CHECK(refused({{"regionalNodesPositive", code}}).item == "regionalNodesPositive");
    }
}

TEST_CASE("naaccr: mets at diagnosis (NAACCR items 1112-1117)") {
    const Items none = {{"metsAtDxBone", "0"},  {"metsAtDxBrain", "0"}, {"metsAtDxDistantLn", "0"},
                        {"metsAtDxLiver", "0"}, {"metsAtDxLung", "0"},  {"metsAtDxOther", "0"}};
    CHECK(field(mapped(none), "metastasis") == "no");
    CHECK(field(mapped({{"metsAtDxLung", "1"}}), "metastasis") == "yes");
    CHECK(field(mapped({{"metsAtDxOther", "2"}}), "metastasis") == "yes");
    CHECK(field(mapped({{"metsAtDxLung", "9"}, {"metsAtDxLiver", "1"}}), "metastasis") == "yes");
    const nc::Mapped unknown = mapped({{"metsAtDxLung", "9"}, {"metsAtDxBone", "0"}});
    CHECK(field(unknown, "metastasis") == "(not given)");
    CHECK(has_note(unknown, "metsAtDxLung 9 (unknown)"));
    CHECK(field(mapped({{"metsAtDxBone", "8"}, {"metsAtDxLung", "8"}}), "metastasis") == "(not given)");
    CHECK(field(mapped({}), "metastasis") == "(not given)");
    CHECK(refused({{"metsAtDxBone", "2"}}).item == "metsAtDxBone");
    CHECK(refused({{"metsAtDxLung", "3"}}).item == "metsAtDxLung");
}

TEST_CASE("naaccr: TNM edition number (NAACCR item 1060)") {
    CHECK(field(mapped({{"tnmEditionNumber", "07"}}), "edition") == "7");
    CHECK(field(mapped({{"tnmEditionNumber", "08"}}), "edition") == "8");
    CHECK(field(mapped({{"tnmEditionNumber", "8"}}), "edition") == "8");
    for (const std::string_view code : {"00", "88", "99"}) {
        const nc::Mapped m = mapped({{"tnmEditionNumber", code}});
        CHECK(field(m, "edition") == "(not given)");
        CHECK(has_note(m, "tnmEditionNumber " + std::string(code)));
    }
    for (const std::string_view code : {"01", "05", "06", "09"}) {
        CHECK(refused({{"tnmEditionNumber", code}}).reason.find("lmsstage stages the 7th and 8th") !=
              std::string::npos);
    }
    CHECK(refused({{"tnmEditionNumber", "10"}}).reason.find("is not a TNM Edition Number code") == 0);
}

TEST_CASE("naaccr: mapped records stage through the field table") {
    struct Pin {
        Items items;
        std::string_view system;
        std::string_view stage;
    };
    const Pin pins[] = {
        {{{"tumorSizeSummary", "040"}, {"gradeClinical", "1"}}, "ajcc7-sts", "IA"},
        {{{"tumorSizeSummary", "120"}, {"gradeClinical", "2"}, {"tnmEditionNumber", "08"}},
         "ajcc8-sts-trunk-extremity",
         "IIIB"},
        {{{"tumorSizeSummary", "065"}, {"gradeClinical", "3"}, {"metsAtDxLung", "1"}}, "ajcc7-sts", "IV"},
        {{{"primarySite", "C542"}, {"tumorSizeSummary", "070"}}, "figo2009-uterine", "IB"},
        {{{"primarySite", "C160"},
          {"histologicTypeIcdO3", "8936"},
          {"tumorSizeSummary", "030"},
          {"gradePathological", "L"}},
         "ajcc7-gist",
         "IA"},
        {{{"primarySite", "C170"},
          {"histologicTypeIcdO3", "8936"},
          {"tumorSizeSummary", "030"},
          {"gradePathological", "H"},
          {"tnmEditionNumber", "08"}},
         "ajcc8-gist",
         "IIIB"},
    };
    for (const Pin& pin : pins) {
        Case c;
        REQUIRE_FALSE(nc::apply(mapped(pin.items), c));
        const Outcome outcome = stage(c);
        REQUIRE(std::holds_alternative<Result>(outcome));
        const Result& r = std::get<Result>(outcome);
        CHECK(r.system.id == pin.system);
        REQUIRE(r.stage);
        CHECK(name(*r.stage) == pin.stage);
    }
}

TEST_CASE("naaccr: the case fields the mapping derives, each from its items (docs/naaccr.md)") {
    // Every field, once: the nine map_record writes from items (site and gi_site from Primary Site
    // [400], histology [522], size [756/754/752], nodes [820], metastasis [1112-1117], the GIST
    // mitotic rate from the grade items [3843/3844], edition [1060], basis from the TNM items), and
    // none else. grade is not listed: a key "grade" in a NAACCR-keyed record is item 440, passed over.
    const std::vector<Field> derived = {Field::site,    Field::histology,  Field::size,
                                        Field::nodes,   Field::metastasis, Field::mitotic_rate,
                                        Field::gi_site, Field::edition,    Field::basis};
    for (const Field field : k_all_fields) {
        INFO(field_name(field));
        const bool is_derived = std::find(derived.begin(), derived.end(), field) != derived.end();
        CHECK(nc::derived_from(field).empty() == !is_derived);
    }
    CHECK(nc::derived_from(Field::size) ==
          "tumorSizeSummary [756] (or tumorSizePathologic [754], tumorSizeClinical [752])");
}

TEST_CASE("naaccr: a record stages with the mapping's notes, and what it leaves out taken as unknown") {
    // AJCC 7th ed., chapter 28: T2 (over 5 cm), N0, M0, G3 is stage III.
    Case input;
    Result result;
    REQUIRE_FALSE(nc::stage_record(record({{"tumorSizeSummary", "065"}, {"gradePathological", "3"}}), input, result,
                                   StageOptions{}));
    REQUIRE(result.stage);
    CHECK(*result.stage == Stage::III);
    // No grade item: the grade is taken as unknown, and every stage it allows is listed, with a note.
    Case no_grade;
    REQUIRE_FALSE(nc::stage_record(record({{"tumorSizeSummary", "065"}}), no_grade, result, StageOptions{}));
    CHECK(std::any_of(result.notes.begin(), result.notes.end(), [](const std::string& note) {
        return note.starts_with("grade is not given by the record: taken as unknown");
    }));
    // An in situ tumour (behaviour 2, NAACCR item 523) is refused by the mapping, before staging.
    Case in_situ;
    const auto refused = nc::stage_record(record({{"behaviorCodeIcdO3", "2"}}), in_situ, result, StageOptions{});
    REQUIRE(refused);
    REQUIRE(std::holds_alternative<nc::Refusal>(*refused));
    CHECK(std::get<nc::Refusal>(*refused).item == "behaviorCodeIcdO3");
}
