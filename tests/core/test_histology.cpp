// The histology table (data/histology.csv): every ICD-O-3 code checked against the public tables it
// follows, and the histologies a clinician names staged by the right system.
//
// Sources of the expected values, written out here by hand:
// - Collaborative Stage 02.05.50 (SEER; imsweb/staging-client-java, cs-02.05.50 algorithm), AJCC 7
//   histology inclusion tables: Soft Tissue and Heart/Mediastinum (ajcc7_inclusions_tps) 8800-8820,
//   8823-8935, 8940-9136, 9142-9582; Corpus Sarcoma (ajcc7_inclusions_tqi) 8800, 8890-8898,
//   8900-8921, 8930-8931, 8935; Corpus Adenosarcoma 8933; the GIST schemas (ajcc7_inclusions_tpo)
//   8935-8936; Kaposi Sarcoma, its own schema (9140).
// - SEER EOD 3.3, schema Soft Tissue Rare (AJCC 8th ed. ch. 45, unusual histologies: summary stage
//   only) at the trunk and extremities: 8804-8806, 8930-8931, 8991, 9020, 9044, 9231, 9581.
// - AJCC Cancer Staging Manual 7th ed. ch. 28 and 8th ed. ch. 40-44, scope: Kaposi sarcoma,
//   dermatofibrosarcoma protuberans, fibromatosis (desmoid), inflammatory myofibroblastic tumour and
//   infantile fibrosarcoma are not staged.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "lmsstage/fields.hpp"
#include "lmsstage/lmsstage.hpp"
#include "support/core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

bool in_ranges(int code, std::initializer_list<std::pair<int, int>> ranges) {
    for (const auto& [from, to] : ranges) {
        if (code >= from && code <= to) {
            return true;
        }
    }
    return false;
}

std::optional<HistologyType> malignant(int code) { return HistologyType::of(static_cast<std::uint16_t>(code), 3); }

/// The histology a text reads as, or the error's problem.
std::variant<HistologyType, std::string> read_histology(std::string_view text) {
    Case c;
    if (auto bad = read_field(c, field_info(Field::histology), text)) {
        return bad->problem;
    }
    return *c.histology;
}

Case named_case(std::string_view histology, Site site, double size, Grade grade, std::optional<int> edition = {}) {
    Case c;
    c.site = site;
    c.histology = std::get<HistologyType>(read_histology(histology));
    c.size = size_cm(size);
    c.grade = grade;
    c.edition = edition;
    return c;
}

std::string problem_of(const Case& c) {
    const Outcome outcome = stage(c);
    const auto* error = std::get_if<CaseError>(&outcome);
    return error != nullptr ? std::string(field_name(error->field)) + ": " + error->problem : "(staged)";
}

}  // namespace

TEST_CASE("Histology table - every code of the CS AJCC 7 soft tissue inclusion table has a row", "[histology][table]") {
    for (int code = 8000; code <= 9999; ++code) {
        if (!in_ranges(code, {{8800, 8820}, {8823, 8935}, {8940, 9136}, {9142, 9582}})) {
            continue;
        }
        INFO("ICD-O-3 " << code << "/3");
        CHECK(malignant(code).has_value());
    }
}

TEST_CASE("Histology table - AJCC 7 soft tissue staging within the CS inclusion ranges, every code",
          "[histology][table]") {
    // Inside the CS ranges, lmsstage refuses the AJCC chapters' named exclusions (8814 infantile
    // fibrosarcoma, 8832-8833 DFSP), the non-sarcoma groups of ICD-O-3 (mixed and blastomatous 8932,
    // 8934, 8937-8962, 8964-8989 but for carcinosarcoma's own row, 8992-9039, mesothelioma 9050-9059,
    // germ cell 9060-9119, bone and odontogenic 9261-9363, neuroepithelial 9366-9539, 9582), the uterine
    // adenosarcoma (8933) and GIST (8936, its own chapter).
    const std::initializer_list<std::pair<int, int>> not_staged = {
        {8814, 8814}, {8832, 8833}, {8932, 8934}, {8936, 8962}, {8964, 8989},
        {8992, 9039}, {9050, 9119}, {9261, 9363}, {9366, 9539}, {9582, 9582}};
    for (int code = 8000; code <= 9999; ++code) {
        if (!in_ranges(code, {{8800, 8820}, {8823, 8935}, {8940, 9136}, {9142, 9582}})) {
            continue;
        }
        INFO("ICD-O-3 " << code << "/3");
        const auto type = malignant(code);
        REQUIRE(type.has_value());
        CHECK(type->row().ajcc7 == !in_ranges(code, not_staged));
        if (!type->row().ajcc7) {
            CHECK_FALSE(type->row().refusal.empty());
        }
    }
}

TEST_CASE("Histology table - AJCC 8 leaves out SEER's Soft Tissue Rare histologies (ch. 45), every code",
          "[histology][table]") {
    // Staged by AJCC 7 but not 8: the Soft Tissue Rare list at the trunk and extremities (9020 is not a
    // sarcoma and is refused by both), and stromal sarcoma NOS, which EOD sends to the GIST schema.
    for (int code = 8000; code <= 9999; ++code) {
        const auto type = malignant(code);
        if (!type) {
            continue;
        }
        INFO("ICD-O-3 " << code << "/3");
        const bool rare = in_ranges(
            code, {{8804, 8806}, {8930, 8931}, {8991, 8991}, {9044, 9044}, {9231, 9231}, {9581, 9581}, {8935, 8935}});
        CHECK((type->row().ajcc7 && !type->row().ajcc8) == rare);
        CHECK((type->row().ajcc8 && !type->row().ajcc7) == false);
    }
}

TEST_CASE("Histology table - FIGO 2009 at the uterus: exactly the CS Corpus Sarcoma histologies, every code",
          "[histology][table]") {
    for (int code = 8000; code <= 9999; ++code) {
        const auto type = malignant(code);
        INFO("ICD-O-3 " << code << "/3");
        const bool corpus_sarcoma =
            in_ranges(code, {{8800, 8800}, {8890, 8898}, {8900, 8921}, {8930, 8931}, {8935, 8935}});
        if (corpus_sarcoma) {
            REQUIRE(type.has_value());
        }
        const StagedAs uterus = type ? type->row().uterus : StagedAs::none;
        CHECK((uterus == StagedAs::figo) == corpus_sarcoma);
        CHECK((uterus == StagedAs::adenosarcoma) == (code == 8933));
    }
}

TEST_CASE("Histology table - GIST staging at the GI tract: exactly the CS GIST histologies 8935-8936",
          "[histology][table]") {
    for (int code = 8000; code <= 9999; ++code) {
        const auto type = malignant(code);
        INFO("ICD-O-3 " << code << "/3");
        CHECK((type && type->row().gi == StagedAs::gist) == (code == 8935 || code == 8936));
    }
}

TEST_CASE("Histology table - only malignant behaviour is staged, and the intermediate tumours are refused",
          "[histology][table]") {
    for (int code = 8000; code <= 9999; ++code) {
        for (const int b : {0, 1, 2, 6, 9}) {
            const auto behaviour = static_cast<std::uint8_t>(b);
            const auto type = HistologyType::of(static_cast<std::uint16_t>(code), behaviour);
            if (type) {
                INFO("ICD-O-3 " << code << "/" << int{behaviour});
                CHECK(type->row().refused());
            }
        }
    }
    // Desmoid (8821/1, 8822/1) and inflammatory myofibroblastic tumour (8825/1).
    for (const int code : {8821, 8822, 8825}) {
        INFO("ICD-O-3 " << code << "/1");
        REQUIRE(HistologyType::of(static_cast<std::uint16_t>(code), 1).has_value());
        CHECK(HistologyType::of(static_cast<std::uint16_t>(code), 1)->family() == Histology::excluded);
    }
}

TEST_CASE("Histology table - a code in two rows is the narrower one's, and overlapping rows nest",
          "[histology][table]") {
    const auto rows = histology_table();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        for (std::size_t j = i + 1; j < rows.size(); ++j) {
            const HistologyRow& a = rows[i];
            const HistologyRow& b = rows[j];
            if (a.behaviour != b.behaviour || a.code_to < b.code_from || b.code_to < a.code_from) {
                continue;
            }
            INFO("rows " << a.code_from << "-" << a.code_to << " and " << b.code_from << "-" << b.code_to);
            const bool nested = (a.code_from <= b.code_from && b.code_to <= a.code_to) ||
                                (b.code_from <= a.code_from && a.code_to <= b.code_to);
            CHECK(nested);
            CHECK((a.code_to - a.code_from) != (b.code_to - b.code_from));
        }
    }
    CHECK(malignant(8830)->row().word == "mfh");                               // inside 8826-8831
    CHECK(malignant(8840)->row().word == "myxosarcoma");                       // inside 8834-8849
    CHECK(malignant(9133)->row().word == "epithelioid-hemangioendothelioma");  // inside 9121-9136
}

TEST_CASE("Histology table - every word and synonym is one histology's, and reads back to it", "[histology][words]") {
    std::set<std::string> seen;
    for (const HistologyRow& row : histology_table()) {
        std::vector<std::string> words;
        if (!row.word.empty()) {
            words.emplace_back(row.word);
        }
        std::string_view rest = row.synonyms;
        while (!rest.empty()) {
            const std::size_t bar = rest.find('|');
            words.emplace_back(rest.substr(0, bar));
            rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        }
        for (const std::string& word : words) {
            INFO("word " << word);
            CHECK(seen.insert(word).second);
            const auto read = read_histology(word);
            REQUIRE(std::holds_alternative<HistologyType>(read));
            CHECK(&std::get<HistologyType>(read).row() == &row);
        }
    }
}

TEST_CASE("Histology - names, abbreviations and ICD-O-3 codes read as the same type", "[histology][words]") {
    for (const std::string_view text : {"liposarcoma", "Liposarcoma", "8850", "8850/3", "88503", " LPS "}) {
        INFO(text);
        const auto read = read_histology(text);
        REQUIRE(std::holds_alternative<HistologyType>(read));
        CHECK(std::get<HistologyType>(read).code_text() == "8850/3");
    }
    CHECK(std::get<HistologyType>(read_histology("UPS")).code_text() == "8802/3");
    CHECK(std::get<HistologyType>(read_histology("synovial sarcoma")).code_text() == "9040/3");
    CHECK(std::get<HistologyType>(read_histology("MPNST")).code_text() == "9540/3");
    CHECK(std::get<HistologyType>(read_histology("myxofibrosarcoma")).code_text() == "8811/3");
    CHECK(std::get<HistologyType>(read_histology("leiomyosarcoma")).code_text() == "8890/3");
    CHECK(std::get<HistologyType>(read_histology("lms")).family() == Histology::lms);
    // A code of a range row is kept as written, and written back as its code.
    CHECK(std::get<HistologyType>(read_histology("8857")).word() == "8857/3");
    // No behaviour written: a code whose only row is /1 is that row (desmoid tumour).
    CHECK(std::get<HistologyType>(read_histology("8821")).row().word == "desmoid");
}

TEST_CASE("Histology - a behaviour other than malignant, or a code the table lacks, says what to write",
          "[histology][words]") {
    const auto uncertain = read_histology("8890/1");
    REQUIRE(std::holds_alternative<std::string>(uncertain));
    CHECK(contains(std::get<std::string>(uncertain), "behaviour 1 (uncertain whether benign or malignant)"));
    CHECK(contains(std::get<std::string>(uncertain), "8890/3"));
    const auto typo = read_histology("liposarcome");
    REQUIRE(std::holds_alternative<std::string>(typo));
    CHECK(contains(std::get<std::string>(typo), "did you mean liposarcoma?"));
}

TEST_CASE("Histology - liposarcoma of the thigh, 6 cm, grade 3: AJCC 7 stage III with the soft tissue table",
          "[histology][staging]") {
    // AJCC 7th ed. ch. 28: T2 (> 5 cm) N0 M0 G3 -> III, whatever the soft tissue histology.
    const Result r = staged(named_case("liposarcoma", Site::extremity, 6.0, Grade::g3));
    CHECK(r.system.id == "ajcc7-sts");
    CHECK(stage_text(r.stage) == "III");
    REQUIRE(r.survival != nullptr);
    CHECK(r.survival->id == "soft-tissue-sarcoma");
    CHECK(r.histology.code_text() == "8850/3");
}

TEST_CASE("Histology - every soft tissue sarcoma AJCC 7 stages groups like leiomyosarcoma", "[histology][staging]") {
    for (const HistologyRow& row : histology_table()) {
        if (!row.ajcc7 || row.behaviour != 3) {
            continue;
        }
        INFO("ICD-O-3 " << row.code_from << "/3");
        Case c = named_case("lms", Site::trunk, 3.0, Grade::g2);
        c.histology = *malignant(row.code_from);
        const Result r = staged(c);
        CHECK(stage_text(r.stage) == "IIA");  // T1 N0 M0 G2
    }
}

TEST_CASE("Histology - the chapters' exclusions are refused with the reason", "[histology][staging]") {
    const std::string kaposi = problem_of(named_case("9140", Site::extremity, 3.0, Grade::g2));
    CHECK(contains(kaposi, "histology: kaposi-sarcoma (ICD-O-3 9140/3): Kaposi sarcoma"));
    CHECK(contains(kaposi, "AIDS Clinical Trials Group"));
    const std::string dfsp = problem_of(named_case("8832", Site::trunk, 3.0, Grade::g2));
    CHECK(contains(dfsp, "histology: dfsp (ICD-O-3 8832/3): dermatofibrosarcoma protuberans"));
    CHECK(contains(dfsp, "staged as fibrosarcoma (8810)"));
    CHECK(contains(problem_of(named_case("desmoid", Site::trunk, 3.0, Grade::g2)), "no TNM stage"));
}

TEST_CASE("Histology - uterine sarcoma NOS and stromal sarcoma NOS stage by FIGO 2009", "[histology][staging]") {
    for (const std::string_view text : {"8800", "8935", "8900", "8931"}) {
        INFO(text);
        Case c;
        c.site = Site::uterus;
        c.histology = std::get<HistologyType>(read_histology(text));
        c.size = size_cm(4.0);
        const Result r = staged(c);
        CHECK(r.system.id == "figo2009-uterine");
        CHECK(stage_text(r.stage) == "IA");  // FIGO 2009: limited to the uterus, <= 5 cm
    }
    Case liposarcoma;
    liposarcoma.site = Site::uterus;
    liposarcoma.histology = *malignant(8850);
    liposarcoma.size = size_cm(4.0);
    CHECK(contains(problem_of(liposarcoma), "is not staged by FIGO 2009 uterine sarcoma staging"));
}

TEST_CASE("Histology - the uterine survival figures are for leiomyosarcoma only", "[histology][survival]") {
    Case c;
    c.site = Site::uterus;
    c.histology = *malignant(8800);
    c.size = size_cm(4.0);
    const Result r = staged(c);
    CHECK(r.survival == nullptr);
    CHECK(contains(joined(r.notes), "leiomyosarcoma and do not describe the other uterine sarcomas"));
}

TEST_CASE("Histology - Soft Tissue Rare histologies: staged by AJCC 7, refused by AJCC 8 with ch. 45",
          "[histology][staging]") {
    CHECK(stage_text(staged(named_case("asps", Site::extremity, 6.0, Grade::g3)).stage) == "III");
    CHECK(contains(problem_of(named_case("asps", Site::extremity, 6.0, Grade::g3, 8)), "ch. 45"));
}

TEST_CASE("Histology - GIST and stromal sarcoma NOS at the retroperitoneum point to site gi", "[histology][staging]") {
    CHECK(contains(problem_of(named_case("gist", Site::retroperitoneum, 6.0, Grade::g3)), "site gi"));
    CHECK(contains(problem_of(named_case("8935", Site::retroperitoneum, 6.0, Grade::g3)), "gi_site peritoneum"));
}

TEST_CASE("Site head-neck-organ: AJCC 8 head and neck T category, no soft tissue survival table", "[histology][site]") {
    // AJCC 8th ed. ch. 40: T2 > 2-4 cm; the soft tissue survival population is C38.0, C47, C49 only.
    Case c = named_case("lms", Site::head_neck_organ, 3.0, Grade::g2, 8);
    const Result r = staged(c);
    CHECK(r.system.id == "ajcc8-sts-head-neck");
    CHECK(r.categories.t == "T2");
    CHECK(r.survival == nullptr);
    CHECK(contains(joined(r.notes), "organs of the head and neck"));
    c.edition.reset();
    CHECK(contains(problem_of(c), "edition: must be 8 for site head-neck-organ"));
}
