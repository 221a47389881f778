// SEER summary stage and the five-year survival tables (docs/rules.md §6-7).
// Expected values are written out from the spec here; nothing is derived from the library's tables.
#include <array>
#include <optional>
#include <set>
#include <string>

#include "core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

constexpr std::array<Site, 5> k_soft_tissue_sites = {Site::soft_tissue, Site::extremity, Site::trunk,
                                                    Site::retroperitoneum, Site::head_neck};
constexpr std::array<Extension, 4> k_extensions = {Extension::confined, Extension::adjacent, Extension::adjacent_organ,
                                                   Extension::further};

/// A soft tissue case, N0 M0 given explicitly, with the given extension (nullopt = omitted).
Case sts(std::optional<Extension> extension, Site site = Site::soft_tissue) {
    Case c = soft_tissue_case(7.0, Grade::g3);
    c.site = site;
    c.nodes = Finding::absent;
    c.metastasis = Finding::absent;
    c.extension = extension;
    return c;
}

std::string summary_of(const Case& c) { return summary_text(staged(c).summary_stage); }

}  // namespace

// ---- Soft tissue (AJCC 7 STS) summary stage -----------------------------------------------------

TEST_CASE("Summary STS - M1 is distant, whatever the nodes and extension", "[summary][ajcc7]") {
    for (Finding nodes : {Finding::absent, Finding::present, Finding::unknown}) {
        for (const std::optional<Extension>& ext :
             {std::optional<Extension>{}, std::optional<Extension>{Extension::confined},
              std::optional<Extension>{Extension::adjacent}, std::optional<Extension>{Extension::adjacent_organ},
              std::optional<Extension>{Extension::further}}) {
            INFO("nodes " << name(nodes) << ", extension " << (ext ? std::string(name(*ext)) : "omitted"));
            Case c = sts(ext);
            c.nodes = nodes;
            c.metastasis = Finding::present;
            CHECK(summary_of(c) == "distant");
        }
    }
}

TEST_CASE("Summary STS - N1 M0 with a confined primary is regional", "[summary][ajcc7]") {
    Case c = sts(Extension::confined);
    c.nodes = Finding::present;
    CHECK(summary_of(c) == "regional");
}

TEST_CASE("Summary STS - N1 M0 with adjacent or adjacent-organ extension is regional", "[summary][ajcc7]") {
    for (Extension ext : {Extension::adjacent, Extension::adjacent_organ}) {
        INFO("extension " << name(ext));
        Case c = sts(ext);
        c.nodes = Finding::present;
        CHECK(summary_of(c) == "regional");
    }
}

// docs/rules.md §6-7 defines distant as "distant metastasis, or further contiguous extension"; nodes do not
// lower it. (The bullet list reads "N1 (M0) -> regional" before extension; see the report.)
TEST_CASE("Summary STS - N1 M0 with further contiguous extension is distant", "[summary][ajcc7]") {
    Case c = sts(Extension::further);
    c.nodes = Finding::present;
    CHECK(summary_of(c) == "distant");
}

TEST_CASE("Summary STS - nodes unknown with a confined primary is localized (SEER convention)", "[summary][ajcc7]") {
    Case c = sts(Extension::confined);
    c.nodes = Finding::unknown;
    CHECK(summary_of(c) == "localized");
}

TEST_CASE("Summary STS - nodes unknown with extension omitted is localized", "[summary][ajcc7]") {
    Case c = sts(std::nullopt);
    c.nodes = Finding::unknown;
    CHECK(summary_of(c) == "localized");
}

TEST_CASE("Summary STS - nodes unknown with adjacent extension is regional", "[summary][ajcc7]") {
    Case c = sts(Extension::adjacent);
    c.nodes = Finding::unknown;
    CHECK(summary_of(c) == "regional");
}

TEST_CASE("Summary STS - N0 M0 extension omitted is localized and confined is stated as assumed",
          "[summary][ajcc7][assumptions]") {
    const Result r = staged(sts(std::nullopt));
    INFO("assumptions:" << joined(r.assumptions));
    CHECK(summary_text(r.summary_stage) == "localized");
    CHECK(any_contains(r.assumptions, "confined"));
}

TEST_CASE("Summary STS - N0 M0 extension confined given is localized with no assumption about it",
          "[summary][ajcc7][assumptions]") {
    const Result r = staged(sts(Extension::confined));
    INFO("assumptions:" << joined(r.assumptions));
    CHECK(summary_text(r.summary_stage) == "localized");
    CHECK_FALSE(any_contains(r.assumptions, "confined"));
}

TEST_CASE("Summary STS - N0 M0 extension adjacent is regional", "[summary][ajcc7]") {
    CHECK(summary_of(sts(Extension::adjacent)) == "regional");
}

TEST_CASE("Summary STS - N0 M0 extension adjacent-organ is regional for soft tissue", "[summary][ajcc7]") {
    CHECK(summary_of(sts(Extension::adjacent_organ)) == "regional");
}

TEST_CASE("Summary STS - N0 M0 extension further is distant", "[summary][ajcc7]") {
    CHECK(summary_of(sts(Extension::further)) == "distant");
}

TEST_CASE("Summary STS - every site, every extension (N0 M0)", "[summary][ajcc7]") {
    // docs/rules.md §6-7: confined -> localized; adjacent, adjacent-organ -> regional; further -> distant.
    constexpr std::array<const char*, 4> expected = {"localized", "regional", "regional", "distant"};
    for (Site site : k_soft_tissue_sites) {
        for (std::size_t i = 0; i < k_extensions.size(); ++i) {
            INFO("site " << name(site) << ", extension " << name(k_extensions[i]));
            CHECK(summary_of(sts(k_extensions[i], site)) == expected[i]);
        }
    }
}

TEST_CASE("Summary STS - size and grade do not change the summary stage", "[summary][ajcc7]") {
    for (double cm : {1.0, 5.0, 20.0}) {
        for (Grade g : {Grade::g1, Grade::g2, Grade::g3, Grade::gx}) {
            INFO(cm << " cm, grade " << name(g));
            Case c = soft_tissue_case(cm, g);
            c.extension = Extension::adjacent;
            CHECK(summary_of(c) == "regional");
        }
    }
}

// ---- Uterine summary stage, by FIGO stage ----------------------------------------------------------

namespace {

struct UterineRow {
    const char* label;
    Case c;
    const char* figo;
    const char* summary;
};

Case uterus_with(double cm, bool adnexa, bool pelvic, long long abdominal, bool bladder, Finding nodes, bool m1,
                 Histology h = Histology::lms) {
    Case c = uterine_case(cm, h);
    c.adnexa = yes_no(adnexa);
    c.pelvic = yes_no(pelvic);
    c.abdominal_sites = abdominal;
    c.bladder_rectum = yes_no(bladder);
    c.nodes = nodes;
    c.metastasis = yes_no(m1);
    return c;
}

Case adeno_with(double invasion, Finding nodes, long long abdominal = 0) {
    Case c = adenosarcoma_case(invasion);
    c.nodes = nodes;
    c.metastasis = Finding::absent;
    c.abdominal_sites = abdominal;
    return c;
}

}  // namespace

TEST_CASE("Summary uterus - the summary stage of every FIGO stage (docs/rules.md §6-7 table)", "[summary][figo2009]") {
    constexpr Finding no = Finding::absent;
    constexpr Finding yes = Finding::present;
    // docs/rules.md §6-7, "Uterine sarcoma" table.
    const std::array<UterineRow, 17> rows = {{
        {"3 cm", uterus_with(3.0, false, false, 0, false, no, false), "IA", "localized"},
        {"7 cm", uterus_with(7.0, false, false, 0, false, no, false), "IB", "localized"},
        {"adenosarcoma, no invasion", adeno_with(0.0, no), "IA", "localized"},
        {"adenosarcoma, 50% invasion", adeno_with(50.0, no), "IB", "localized"},
        {"adenosarcoma, 80% invasion", adeno_with(80.0, no), "IC", "localized"},
        {"adnexa", uterus_with(3.0, true, false, 0, false, no, false), "IIA", "regional"},
        {"pelvic", uterus_with(3.0, false, true, 0, false, no, false), "IIB", "regional"},
        {"1 abdominal site", uterus_with(3.0, false, false, 1, false, no, false), "IIIA", "distant"},
        {"2 abdominal sites", uterus_with(3.0, false, false, 2, false, no, false), "IIIB", "distant"},
        {"nodes, limited to the uterus", uterus_with(3.0, false, false, 0, false, yes, false), "IIIC", "regional"},
        {"nodes and adnexa", uterus_with(3.0, true, false, 0, false, yes, false), "IIIC", "regional"},
        {"nodes and pelvic", uterus_with(3.0, false, true, 0, false, yes, false), "IIIC", "regional"},
        {"nodes and 1 abdominal site", uterus_with(3.0, false, false, 1, false, yes, false), "IIIC", "distant"},
        {"nodes and 3 abdominal sites", uterus_with(3.0, false, false, 3, false, yes, false), "IIIC", "distant"},
        {"bladder/rectum", uterus_with(3.0, false, false, 0, true, no, false), "IVA", "distant"},
        {"bladder/rectum and nodes", uterus_with(3.0, false, false, 0, true, yes, false), "IVA", "distant"},
        {"distant metastasis", uterus_with(3.0, false, false, 0, false, no, true), "IVB", "distant"},
    }};
    for (const UterineRow& row : rows) {
        INFO(row.label);
        const Result r = staged(row.c);
        CHECK(stage_text(r.stage) == row.figo);
        CHECK(summary_text(r.summary_stage) == row.summary);
    }
}

TEST_CASE("Summary uterus - IA and IB are localized", "[summary][figo2009]") {
    CHECK(summary_of(uterine_case(3.0)) == "localized");
    CHECK(summary_of(uterine_case(7.0)) == "localized");
}

TEST_CASE("Summary uterus - adenosarcoma IC is localized", "[summary][figo2009][adenosarcoma]") {
    CHECK(summary_of(adenosarcoma_case(100.0)) == "localized");
}

TEST_CASE("Summary uterus - IIA and IIB are regional", "[summary][figo2009]") {
    CHECK(summary_of(uterus_with(3.0, true, false, 0, false, Finding::absent, false)) == "regional");
    CHECK(summary_of(uterus_with(3.0, false, true, 0, false, Finding::absent, false)) == "regional");
}

TEST_CASE("Summary uterus - IIIA and IIIB are distant", "[summary][figo2009]") {
    CHECK(summary_of(uterus_with(3.0, false, false, 1, false, Finding::absent, false)) == "distant");
    CHECK(summary_of(uterus_with(3.0, false, false, 2, false, Finding::absent, false)) == "distant");
}

TEST_CASE("Summary uterus - IIIC with nodes only is regional", "[summary][figo2009]") {
    CHECK(summary_of(uterus_with(3.0, false, false, 0, false, Finding::present, false)) == "regional");
}

TEST_CASE("Summary uterus - IIIC with abdominal tissue also involved is distant", "[summary][figo2009]") {
    for (Histology h : {Histology::lms, Histology::ess}) {
        INFO("histology " << name(h));
        const Result r = staged(uterus_with(3.0, false, false, 1, false, Finding::present, false, h));
        CHECK(stage_text(r.stage) == "IIIC");
        CHECK(summary_text(r.summary_stage) == "distant");
    }
}

TEST_CASE("Summary uterus - adenosarcoma IIIC with abdominal tissue also involved is distant",
          "[summary][figo2009][adenosarcoma]") {
    const Result r = staged(adeno_with(20.0, Finding::present, 2));
    CHECK(stage_text(r.stage) == "IIIC");
    CHECK(summary_text(r.summary_stage) == "distant");
}

TEST_CASE("Summary uterus - IVA is distant, with a note on the bladder or rectal wall", "[summary][figo2009]") {
    const Result r = staged(uterus_with(3.0, false, false, 0, true, Finding::absent, false));
    INFO("notes:" << joined(r.notes));
    CHECK(summary_text(r.summary_stage) == "distant");
    CHECK(any_contains(r.notes, "wall"));
    CHECK(any_contains(r.notes, "regional"));
}

TEST_CASE("Summary uterus - no IVA wall note when the stage is not IVA", "[summary][figo2009]") {
    const Result r = staged(uterus_with(3.0, false, false, 2, false, Finding::absent, false));
    INFO("notes:" << joined(r.notes));
    CHECK_FALSE(any_contains(r.notes, "wall"));
}

TEST_CASE("Summary uterus - IVB is distant", "[summary][figo2009]") {
    CHECK(summary_of(uterus_with(3.0, false, false, 0, false, Finding::absent, true)) == "distant");
    CHECK(summary_of(uterus_with(3.0, true, true, 0, false, Finding::present, true)) == "distant");
}

TEST_CASE("Summary uterus - extension is not used (IA with extension further stays localized, with a warning)",
          "[summary][figo2009]") {
    Case c = uterine_case(3.0);
    c.extension = Extension::further;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(summary_text(r.summary_stage) == "localized");
    CHECK(any_contains(r.warnings, "extension"));
}

// ---- Which survival table ----------------------------------------------------------------------

TEST_CASE("Survival table - soft tissue sites but the retroperitoneum use soft-tissue-sarcoma", "[survival][ajcc7]") {
    // SEER site recode "Soft Tissue including Heart": C38.0, C47, C49; the retroperitoneum is C48.0.
    for (Site site : k_soft_tissue_sites) {
        INFO("site " << name(site));
        Case c = soft_tissue_case(3.0, Grade::g1);
        c.site = site;
        const Result r = staged(c);
        if (site == Site::retroperitoneum) {
            CHECK(r.survival == nullptr);
            CHECK(any_contains(r.notes, "leave out the retroperitoneum (C48.0)"));
        } else {
            REQUIRE(r.survival != nullptr);
            CHECK(r.survival->id == "soft-tissue-sarcoma");
        }
    }
}

TEST_CASE("Survival table - uterine leiomyosarcoma uses uterine-leiomyosarcoma", "[survival][figo2009]") {
    const Result r = staged(uterine_case(3.0, Histology::lms));
    REQUIRE(r.survival != nullptr);
    CHECK(r.survival->id == "uterine-leiomyosarcoma");
}

// docs/rules.md §6-7: "Where no table fits a case, say so rather than show a wrong one." The uterine table
// is the leiomyosarcoma table; endometrial stromal sarcoma gets none, and a note says so.
TEST_CASE("Survival table - uterine ESS has no table, and a note says so", "[survival][figo2009]") {
    const Result r = staged(uterine_case(3.0, Histology::ess));
    INFO("notes:" << joined(r.notes));
    CHECK(r.survival == nullptr);
    CHECK(any_contains(r.notes, "endometrial stromal sarcoma"));
    CHECK(summary_text(r.summary_stage) == "localized");
}

// docs/rules.md §6-7: "Where no table fits a case, say so rather than show a wrong one." The code shows no
// table for adenosarcoma and says so in a note (see the report: the literal "uterine site" rule differs).
TEST_CASE("Survival table - uterine adenosarcoma has no table, and a note says so", "[survival][figo2009][adenosarcoma]") {
    const Result r = staged(adenosarcoma_case(30.0));
    INFO("notes:" << joined(r.notes));
    CHECK(r.survival == nullptr);
    CHECK(any_contains(r.notes, "no survival table"));
    CHECK(summary_text(r.summary_stage) == "localized");
}

TEST_CASE("Survival table - the summary stage has a row in the matched table", "[survival]") {
    for (const Case& c : {soft_tissue_case(7.0, Grade::g3), uterine_case(3.0)}) {
        const Result r = staged(c);
        REQUIRE(r.survival != nullptr);
        REQUIRE(r.summary_stage.has_value());
        bool found = false;
        for (const SurvivalRow& row : r.survival->rows) {
            found = found || row.summary_stage == *r.summary_stage;
        }
        CHECK(found);
    }
}

// ---- The figures (docs/rules.md §6-7 "Survival tables") -------------------------------------------------

namespace {

struct ExpectedTable {
    const char* id;
    std::array<double, 3> percent;      // localized, regional, distant
    std::array<const char*, 3> text;    // as published
};

void check_figures(const ExpectedTable& e) {
    INFO("table " << e.id);
    const SurvivalTable* t = find_survival_table(e.id);
    REQUIRE(t != nullptr);
    CHECK(t->id == e.id);
    CHECK(t->measure == "5-year relative survival");
    REQUIRE(t->rows.size() == 3);
    CHECK(t->rows[0].summary_stage == SummaryStage::localized);
    CHECK(t->rows[1].summary_stage == SummaryStage::regional);
    CHECK(t->rows[2].summary_stage == SummaryStage::distant);
    for (std::size_t i = 0; i < 3; ++i) {
        INFO("row " << i);
        CHECK(t->rows[i].percent == Approx(e.percent[i]).margin(1e-9));
        CHECK(t->rows[i].percent_text == e.text[i]);
    }
    CHECK_FALSE(t->taken.empty());
    CHECK_FALSE(t->cited_in.empty());
}

}  // namespace

TEST_CASE("Survival figures - soft tissue sarcoma 82.4 / 59.8 / 16.7 percent", "[survival][figures]") {
    check_figures({"soft-tissue-sarcoma", {82.4, 59.8, 16.7}, {"82.4", "59.8", "16.7"}});
}

TEST_CASE("Survival figures - soft tissue sarcoma source is NCI SEER Cancer Stat Facts", "[survival][figures]") {
    const SurvivalTable* t = find_survival_table("soft-tissue-sarcoma");
    REQUIRE(t != nullptr);
    CHECK(t->source == "NCI SEER Cancer Stat Facts: Soft Tissue including Heart Cancer");
}

TEST_CASE("Survival figures - uterine leiomyosarcoma 60 / 37 / 12 percent", "[survival][figures]") {
    check_figures({"uterine-leiomyosarcoma", {60.0, 37.0, 12.0}, {"60", "37", "12"}});
}

TEST_CASE("Survival figures - uterine leiomyosarcoma source is the American Cancer Society", "[survival][figures]") {
    const SurvivalTable* t = find_survival_table("uterine-leiomyosarcoma");
    REQUIRE(t != nullptr);
    CHECK(t->source.find("American Cancer Society") != std::string_view::npos);
    CHECK(t->source.find("Uterine sarcoma survival rates") != std::string_view::npos);
}

TEST_CASE("Survival figures - GIST 95 / 84 / 52 percent", "[survival][figures]") {
    check_figures({"gist", {95.0, 84.0, 52.0}, {"95", "84", "52"}});
}

TEST_CASE("Survival figures - GIST source is NCI via the American Cancer Society, cohort 2012-2018",
          "[survival][figures]") {
    const SurvivalTable* t = find_survival_table("gist");
    REQUIRE(t != nullptr);
    CHECK(t->source.find("National Cancer Institute") != std::string_view::npos);
    CHECK(t->source.find("American Cancer Society") != std::string_view::npos);
    CHECK(t->source.find("Survival rates for gastrointestinal stromal tumors") != std::string_view::npos);
    CHECK(t->cohort.find("2012") != std::string_view::npos);
    CHECK(t->cohort.find("2018") != std::string_view::npos);
}

TEST_CASE("Survival figures - exactly the three tables of docs/rules.md §6-7, and no others", "[survival][figures]") {
    CHECK(survival_tables().size() == 3);
    CHECK(find_survival_table("soft-tissue-sarcoma") != nullptr);
    CHECK(find_survival_table("uterine-leiomyosarcoma") != nullptr);
    CHECK(find_survival_table("gist") != nullptr);
    CHECK(find_survival_table("adenosarcoma") == nullptr);
    CHECK(find_survival_table("") == nullptr);
}

TEST_CASE("Survival figures - a staged case points at the same table data", "[survival][figures]") {
    const Result r = staged(soft_tissue_case(3.0, Grade::g1));
    REQUIRE(r.survival != nullptr);
    CHECK(r.survival == find_survival_table("soft-tissue-sarcoma"));
    CHECK(r.survival->rows[0].percent_text == "82.4");
    const Result u = staged(uterine_case(3.0));
    REQUIRE(u.survival != nullptr);
    CHECK(u.survival->rows[2].percent_text == "12");
}

TEST_CASE("Survival - the caveat says these are population figures", "[survival]") {
    CHECK(std::string(survival_caveat()).find("population") != std::string::npos);
}

// ---- Survival tables tell the truth about themselves (docs/rules.md §7) --------------------------

TEST_CASE("Survival provenance - every table names its secondary source, cohort and recorded date",
          "[survival][provenance]") {
    for (const SurvivalTable& t : survival_tables()) {
        INFO("table " << t.id);
        // Every figure was copied from the patient article, not read first-hand.
        CHECK(t.cited_in == "Facing Treatment for Leiomyosarcoma (patient article)");
        CHECK(t.taken == "2026-11-26");
        CHECK_FALSE(t.population.empty());
    }
    CHECK(find_survival_table("soft-tissue-sarcoma")->cohort == "not stated");
    CHECK(find_survival_table("uterine-leiomyosarcoma")->cohort == "not stated");
    CHECK(find_survival_table("gist")->cohort == "diagnosed 2012-2018");
}

TEST_CASE("Survival population - soft tissue table is SEER Soft Tissue including Heart: C38.0, C47, C49",
          "[survival][population]") {
    const SurvivalTable& t = *find_survival_table("soft-tissue-sarcoma");
    CHECK(t.population.find("C38.0") != std::string_view::npos);
    CHECK(t.population.find("C47") != std::string_view::npos);
    CHECK(t.population.find("C49") != std::string_view::npos);
    CHECK(t.population.find("not leiomyosarcoma alone") != std::string_view::npos);
    CHECK(t.population.find("retroperitoneum (C48.0)") != std::string_view::npos);
}

TEST_CASE("Survival population - which site and histology each table covers, every pair",
          "[survival][population]") {
    // Soft tissue: C49 sites (and the generic soft-tissue site, which stands for them), leiomyosarcoma;
    // GIST: site gi, gist; uterine leiomyosarcoma: site uterus, lms. Everything else: no table.
    auto expected = [](Site site, Histology h) -> std::string_view {
        const bool c49 = site == Site::soft_tissue || site == Site::extremity || site == Site::trunk ||
                         site == Site::head_neck;
        if (c49 && h == Histology::lms) return "soft-tissue-sarcoma";
        if (site == Site::gi && h == Histology::gist) return "gist";
        if (site == Site::uterus && h == Histology::lms) return "uterine-leiomyosarcoma";
        return "";
    };
    for (Site site : k_all_sites) {
        for (Histology h : k_all_histologies) {
            INFO("site " << name(site) << ", histology " << name(h));
            const SurvivalTable* t = survival_table_for(site, h);
            CHECK((t != nullptr ? t->id : std::string_view{}) == expected(site, h));
        }
    }
}

TEST_CASE("Survival population - visceral and GI leiomyosarcoma get no table, with the reason",
          "[survival][population]") {
    Case visceral;
    visceral.edition = 8;
    visceral.site = Site::visceral;
    visceral.visceral_extent = VisceralExtent::confined;
    Case gi7;
    gi7.site = Site::gi;
    gi7.histology = Histology::lms;
    for (const Case& c : {visceral, gi7}) {
        const Result r = staged(c);
        INFO("system " << r.system.id);
        CHECK(r.survival == nullptr);
        CHECK(any_contains(r.notes, "leave out visceral organs and the GI tract"));
    }
}

TEST_CASE("Survival population - GIST with an adjacent organ notes the Summary Stage 2000 cohort",
          "[survival][gist]") {
    Case c;
    c.site = Site::gi;
    c.histology = Histology::gist;
    c.gi_site = GiSite::stomach;
    c.size = size_cm(3.0);
    c.mitotic_rate = Measured<MitoticRate>::of(2.0);
    c.extension = Extension::adjacent_organ;
    const Result r = staged(c);
    CHECK(summary_text(r.summary_stage) == "distant");  // SS2018
    CHECK(any_contains(r.notes, "Summary Stage 2000, in which extension to an adjacent organ was regional"));
    c.extension = Extension::adjacent;
    CHECK_FALSE(any_contains(staged(c).notes, "Summary Stage 2000"));
}

// ---- Notes carry sources or go (docs/rules.md §7) ------------------------------------------------

TEST_CASE("Notes - every catalogued note has an id, a text and a public source", "[notes]") {
    std::set<std::string_view> ids;
    for (const ClinicalNote& note : clinical_notes()) {
        INFO("note " << note.id);
        CHECK_FALSE(note.text.empty());
        CHECK_FALSE(note.source.empty());
        CHECK(ids.insert(note.id).second);
    }
    CHECK(ids.size() == 17);
}

TEST_CASE("Notes - no recurrence figure or metastatic-site claim without a primary source", "[notes]") {
    for (const ClinicalNote& note : clinical_notes()) {
        CHECK(note.text.find("recur") == std::string_view::npos);
        CHECK(note.text.find("lung and liver") == std::string_view::npos);
    }
}

TEST_CASE("Notes - AJCC 7 soft tissue results give the 8th edition option for the case", "[notes][ajcc7]") {
    const Result generic = staged(soft_tissue_case(6.0, Grade::g3));
    CHECK(any_contains(generic.notes, "add --edition 8 and name the site: --site extremity, trunk, "
                                      "retroperitoneum or head-neck"));
    Case extremity = soft_tissue_case(6.0, Grade::g3);
    extremity.site = Site::extremity;
    const Result named = staged(extremity);
    CHECK(any_contains(named.notes, "to stage this case by it, add --edition 8"));
    CHECK_FALSE(any_contains(named.notes, "name the site"));
}

TEST_CASE("Notes - uterine results say FIGO 2009 is current and cite AJCC 8 chapter 54", "[notes][figo2009]") {
    const Result r = staged(uterine_case(3.0));
    CHECK(any_contains(r.notes, "FIGO 2009 remains the current staging of uterine sarcomas"));
    CHECK(any_contains(r.notes, "chapter 54"));
    CHECK_FALSE(any_contains(r.notes, "groups it with adenosarcoma"));  // the ESS note is for ESS only
    CHECK(any_contains(staged(uterine_case(3.0, Histology::ess)).notes, "groups it with adenosarcoma"));
}

TEST_CASE("Notes - stage IV with a regional summary stage says why", "[notes][ajcc8]") {
    Case c;
    c.edition = 8;
    c.site = Site::extremity;
    c.size = size_cm(3.0);
    c.grade = Grade::g1;
    c.nodes = Finding::present;
    const Result r = staged(c);
    CHECK(stage_text(r.stage) == "IV");
    CHECK(summary_text(r.summary_stage) == "regional");
    CHECK(any_contains(r.notes, "the AJCC stage groups regional node metastasis (N1) with distant disease"));
}

TEST_CASE("Notes - every note a result carries is catalogued or derived from the rule tables", "[notes]") {
    // Derived notes name the stage or summary stage an unknown leaves open, or an input not needed.
    const std::array<std::string_view, 3> derived = {"stage undetermined (", "summary stage undetermined (",
                                                     " was not given and is not needed: "};
    std::vector<Case> cases;
    for (Site site : k_all_sites) {
        for (int edition : {7, 8}) {
            for (Finding nodes : {Finding::absent, Finding::present, Finding::unknown}) {
                for (Finding m : {Finding::absent, Finding::present, Finding::unknown}) {
                    Case c;
                    c.site = site;
                    c.edition = edition;
                    c.size = site == Site::uterus ? size_unknown() : size_cm(7.0);
                    c.grade = Grade::g2;
                    c.nodes = nodes;
                    c.metastasis = m;
                    c.extension = Extension::unknown;
                    if (site == Site::gi) {
                        c.histology = edition == 7 ? Histology::gist : Histology::lms;
                        c.gi_site = GiSite::stomach;
                        c.mitotic_rate = Measured<MitoticRate>::unknown();
                    }
                    c.visceral_extent = VisceralExtent::serosa;
                    c.adjoining_invasion = AdjoiningInvasion::unknown;
                    cases.push_back(c);
                }
            }
        }
    }
    int notes_seen = 0;
    for (const Case& c : cases) {
        const Outcome outcome = stage(c);
        const auto* r = std::get_if<Result>(&outcome);
        if (r == nullptr) {
            continue;
        }
        for (const std::string& note : r->notes) {
            ++notes_seen;
            bool known = false;
            for (const ClinicalNote& catalogued : clinical_notes()) {
                known = known || note == catalogued.text;
            }
            for (std::string_view d : derived) {
                known = known || note.find(d) != std::string::npos;
            }
            INFO("note: " << note);
            CHECK(known);
        }
    }
    CHECK(notes_seen > 100);
}

// ---- Summary stage at the edges (SEER Summary Stage 2018; docs/rules.md §6) ----------------------

TEST_CASE("Summary edges - head and neck T4a and T4b are distant, whatever the nodes", "[summary][ajcc8]") {
    for (AdjoiningInvasion invasion : {AdjoiningInvasion::t4a, AdjoiningInvasion::t4b}) {
        for (Finding nodes : {Finding::absent, Finding::present, Finding::unknown}) {
            Case c;
            c.edition = 8;
            c.site = Site::head_neck;
            c.size = size_cm(1.0);
            c.adjoining_invasion = invasion;
            c.nodes = nodes;
            const Result r = staged(c);
            INFO(name(invasion) << ", nodes " << name(nodes));
            CHECK(summary_text(r.summary_stage) == "distant");
            // A given T4a/T4b never sits beside a "confined" assumption.
            CHECK_FALSE(any_contains(r.assumptions, "confined"));
        }
    }
}

TEST_CASE("Summary edges - confined extension with T4a is a contradiction naming both", "[summary][ajcc8]") {
    Case c;
    c.edition = 8;
    c.site = Site::head_neck;
    c.size = size_cm(1.0);
    c.adjoining_invasion = AdjoiningInvasion::t4a;
    c.extension = Extension::confined;
    const auto bad = case_error(c);
    REQUIRE(bad.has_value());
    CHECK(field_text(bad->field) == "extension");
    CHECK(bad->problem.find("contradicts adjoining_invasion t4a") != std::string::npos);
}

TEST_CASE("Summary edges - visceral serosa, beyond-serosa, other-organ and multifocal are regional",
          "[summary][ajcc8]") {
    for (VisceralExtent extent : {VisceralExtent::serosa, VisceralExtent::beyond_serosa, VisceralExtent::other_organ}) {
        Case c;
        c.edition = 8;
        c.site = Site::visceral;
        c.visceral_extent = extent;
        INFO(name(extent));
        CHECK(summary_text(staged(c).summary_stage) == "regional");
    }
    for (long long foci : {2LL, 3LL, 6LL}) {
        Case c;
        c.edition = 8;
        c.site = Site::visceral;
        c.foci = foci;
        INFO("foci " << foci);
        CHECK(summary_text(staged(c).summary_stage) == "regional");
    }
}

TEST_CASE("Summary edges - uterine stage I with nodes unknown is localized, like every system", "[summary][figo2009]") {
    Case c = uterine_case(3.0);
    c.nodes = Finding::unknown;
    const Result r = staged(c);
    CHECK(stages_text(r.possible_stages) == "IA, IIIC");
    CHECK(summary_text(r.summary_stage) == "localized");
    REQUIRE(r.survival != nullptr);
}

TEST_CASE("Summary edges - uterine cervix or cytology make stage I regional, FIGO stage unchanged",
          "[summary][figo2009]") {
    Case cervix = uterine_case(3.0);
    cervix.cervix = Finding::present;
    Case cytology = uterine_case(3.0);
    cytology.peritoneal_cytology = Finding::present;
    for (const Case& c : {cervix, cytology}) {
        const Result r = staged(c);
        CHECK(stage_text(r.stage) == "IA");
        CHECK(summary_text(r.summary_stage) == "regional");
    }
    Case iia = uterine_case(3.0);
    iia.adnexa = Finding::present;
    iia.cervix = Finding::absent;
    CHECK(summary_text(staged(iia).summary_stage) == "regional");
}

TEST_CASE("Summary edges - carcinosarcoma is refused: it is staged as endometrial carcinoma", "[figo2009]") {
    const auto bad = case_error(uterine_case(3.0, Histology::carcinosarcoma));
    REQUIRE(bad.has_value());
    CHECK(field_text(bad->field) == "histology");
    CHECK(bad->problem.find("endometrial carcinoma") != std::string::npos);
}
