// SEER summary stage (docs/rules.md §6) and the five-year survival tables (§7), for every system.
// Sources: NCI SEER Summary Stage 2018 manual (and EOD 2018 primary tumour codes); the survival
// figures as quoted in the patient article "Facing Treatment for Leiomyosarcoma" from NCI SEER Cancer
// Stat Facts (soft tissue), the American Cancer Society (uterine sarcoma; GIST, NCI SEER data).
// Expected values are written out from them here, never taken from the library.
#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

/// Extension of the primary, left out or given.
constexpr std::array<std::optional<Extension>, 5> k_extensions = {
    std::nullopt, Extension::confined, Extension::adjacent, Extension::adjacent_organ, Extension::further};
constexpr std::array<Finding, 3> k_nodes = {Finding::absent, Finding::present, Finding::unknown};
constexpr std::array<bool, 2> k_m1 = {false, true};

/// SEER Summary Stage 2018: M1 -> distant; a distant local extent -> distant; regional nodes ->
/// regional; a regional local extent -> regional; otherwise localized. Nodes unknown count as
/// negative (SEER convention). Extension left out is confined. Distant extension is not lowered
/// by the nodes: further contiguous extension with N1 is distant.
/// `adjacent_organ_distant`: GIST, where an adjacent organ is distant; soft tissue has it regional.
std::string expected_summary(const std::optional<Extension>& extension, Finding nodes, bool m1,
                             bool adjacent_organ_distant) {
    const Extension e = extension.value_or(Extension::confined);
    if (m1 || e == Extension::further || (adjacent_organ_distant && e == Extension::adjacent_organ)) {
        return "distant";
    }
    if (nodes == Finding::present || e != Extension::confined) {
        return "regional";
    }
    return "localized";
}

/// Checks the summary stage of every base case with every extension, nodes and metastasis.
void check_summary_stages(const std::vector<Case>& bases, bool adjacent_organ_distant) {
    for_each_combination(
        [&](const Case& base, const std::optional<Extension>& extension, Finding nodes, bool m1) {
            Case c = base;
            c.extension = extension;
            c.nodes = nodes;
            c.metastasis = yes_no(m1);
            const Result r = staged(c);
            INFO(r.system.id << ", site " << optional_text(c.site) << ", gi_site " << optional_text(c.gi_site) << ", "
                             << c.size->value->value << " cm, grade " << optional_text(c.grade) << ", mitotic rate "
                             << (c.mitotic_rate ? *c.mitotic_rate->value : -1.0) << ", edition "
                             << optional_text(c.edition) << ", extension " << optional_text(extension) << ", nodes "
                             << name(nodes) << ", M1 " << m1);
            CHECK(summary_text(r.summary_stage) == expected_summary(extension, nodes, m1, adjacent_organ_distant));
        },
        bases, k_extensions, k_nodes, k_m1);
}

}  // namespace

// ---- Summary stage: soft tissue and GIST ----------------------------------------------------------

TEST_CASE("Summary soft tissue - every AJCC 7 and 8 site, extension, nodes and metastasis, at any size and grade",
          "[summary][ajcc7][ajcc8]") {
    // AJCC 7 at every soft tissue site (and the site left out); AJCC 8 at the sites with stage groups.
    std::vector<Case> bases;
    for (const std::optional<Site>& site :
         {std::optional<Site>{}, std::optional<Site>{Site::soft_tissue}, std::optional<Site>{Site::extremity},
          std::optional<Site>{Site::trunk}, std::optional<Site>{Site::retroperitoneum},
          std::optional<Site>{Site::head_neck}}) {
        for (double cm : {1.0, 5.0, 20.0}) {
            for (Grade g : k_all_grades) {
                Case c = soft_tissue_case(cm, g);
                c.site = site;
                bases.push_back(c);
                if (site && site != Site::soft_tissue && site != Site::head_neck) {
                    bases.push_back(ajcc8_case(*site, size_cm(cm), g));
                }
            }
        }
    }
    check_summary_stages(bases, false);
}

TEST_CASE("Summary GIST - an adjacent organ is distant, at every GI site, edition, size and rate", "[summary][gist]") {
    std::vector<Case> bases;
    for (GiSite site : k_all_gi_sites) {
        for (int edition : {7, 8}) {
            for (double cm : {1.0, 12.0}) {
                for (double rate : {1.0, 30.0}) {
                    bases.push_back(gist_case(site, size_cm(cm), rate_of(rate), edition));
                }
            }
        }
    }
    check_summary_stages(bases, true);
}

TEST_CASE("Summary GIST - an adjacent organ notes the Summary Stage 2000 cohort, in which some were regional",
          "[summary][survival][gist]") {
    // Collaborative Stage 02.05.50 GIST stomach table extension_bfc, Summary Stage 2000 column: code
    // 610 (liver, pancreas, spleen, ...) RE; 650 (aorta, coeliac axis) and 700 (kidney, ...) D.
    Case c = gist_case(GiSite::stomach, size_cm(3.0), rate_of(2.0));
    c.extension = Extension::adjacent_organ;
    const Result r = staged(c);
    CHECK(summary_text(r.summary_stage) == "distant");  // SS2018
    CHECK(any_line_with_all(r.notes, {"Summary Stage 2000, in which extension to some adjacent organs",
                                      "was regional and to others", "retroperitoneum) distant"}));
    c.extension = Extension::adjacent;
    CHECK_FALSE(any_contains(staged(c).notes, "Summary Stage 2000"));
}

TEST_CASE("Summary - stage IV with a regional summary stage says why (AJCC 8 extremity N1 M0)",
          "[summary][notes][ajcc8]") {
    Case c = ajcc8_case(Site::extremity, size_cm(3.0), Grade::g1);
    c.nodes = Finding::present;
    const Result r = staged(c);
    CHECK(stage_text(r.stage) == "IV");
    CHECK(summary_text(r.summary_stage) == "regional");
    CHECK(any_contains(r.notes, "the AJCC stage groups regional node metastasis (N1) with distant disease"));
}

// ---- Summary stage: AJCC 8 head and neck, visceral organs --------------------------------------------

TEST_CASE("Summary head and neck - confined localized, N1 regional, M1 distant", "[summary][ajcc8]") {
    Case c = head_neck_case(size_cm(3.0));
    c.extension = Extension::confined;
    CHECK(summary_text(staged(c).summary_stage) == "localized");
    c.nodes = Finding::present;
    CHECK(summary_text(staged(c).summary_stage) == "regional");
    c.metastasis = Finding::present;
    CHECK(summary_text(staged(c).summary_stage) == "distant");
}

TEST_CASE("Summary head and neck - T4a and T4b (EOD codes 500, 600) are distant, whatever the nodes",
          "[summary][ajcc8]") {
    for (AdjoiningInvasion invasion : {AdjoiningInvasion::t4a, AdjoiningInvasion::t4b}) {
        for (Finding nodes : k_nodes) {
            Case c = head_neck_case(size_cm(1.0), invasion);
            c.nodes = nodes;
            const Result r = staged(c);
            INFO(name(invasion) << ", nodes " << name(nodes));
            CHECK(summary_text(r.summary_stage) == "distant");
            // A given T4a/T4b never sits beside a "confined" assumption.
            CHECK_FALSE(any_contains(r.assumptions, "confined"));
        }
    }
}

TEST_CASE("Summary visceral - serosa, beyond-serosa, other-organ and multifocal are regional", "[summary][ajcc8]") {
    for (VisceralExtent extent : {VisceralExtent::serosa, VisceralExtent::beyond_serosa, VisceralExtent::other_organ}) {
        INFO(name(extent));
        CHECK(summary_text(staged(visceral_case(extent)).summary_stage) == "regional");
    }
    for (long long foci : {2LL, 3LL, 6LL}) {
        INFO("foci " << foci);
        CHECK(summary_text(staged(visceral_case(std::nullopt, foci)).summary_stage) == "regional");
    }
}

// ---- Summary stage: uterus (corpus sarcoma) -----------------------------------------------------------

namespace {

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

TEST_CASE("Summary uterus - the summary stage of every FIGO stage", "[summary][figo2009]") {
    constexpr Finding no = Finding::absent;
    constexpr Finding yes = Finding::present;
    struct Row {
        const char* label;
        Case c;
        const char* figo;
        const char* summary;
    };
    // FIGO I localized; II regional; IIIA/IIIB distant; IIIC regional (distant with abdominal tissue
    // involved); IVA distant; IVB distant.
    const std::array<Row, 21> rows = {{
        {"3 cm", uterus_with(3.0, false, false, 0, false, no, false), "IA", "localized"},
        {"7 cm", uterus_with(7.0, false, false, 0, false, no, false), "IB", "localized"},
        {"adenosarcoma, no invasion", adeno_with(0.0, no), "IA", "localized"},
        {"adenosarcoma, 50% invasion", adeno_with(50.0, no), "IB", "localized"},
        {"adenosarcoma, 80% invasion", adeno_with(80.0, no), "IC", "localized"},
        {"adenosarcoma, 100% invasion", adeno_with(100.0, no), "IC", "localized"},
        {"adnexa", uterus_with(3.0, true, false, 0, false, no, false), "IIA", "regional"},
        {"pelvic", uterus_with(3.0, false, true, 0, false, no, false), "IIB", "regional"},
        {"1 abdominal site", uterus_with(3.0, false, false, 1, false, no, false), "IIIA", "distant"},
        {"2 abdominal sites", uterus_with(3.0, false, false, 2, false, no, false), "IIIB", "distant"},
        {"nodes, limited to the uterus", uterus_with(3.0, false, false, 0, false, yes, false), "IIIC", "regional"},
        {"nodes and adnexa", uterus_with(3.0, true, false, 0, false, yes, false), "IIIC", "regional"},
        {"nodes and pelvic", uterus_with(3.0, false, true, 0, false, yes, false), "IIIC", "regional"},
        {"nodes and 1 abdominal site", uterus_with(3.0, false, false, 1, false, yes, false), "IIIC", "distant"},
        {"ESS, nodes and 1 abdominal site", uterus_with(3.0, false, false, 1, false, yes, false, Histology::ess),
         "IIIC", "distant"},
        {"nodes and 3 abdominal sites", uterus_with(3.0, false, false, 3, false, yes, false), "IIIC", "distant"},
        {"adenosarcoma, nodes and 2 abdominal sites", adeno_with(20.0, yes, 2), "IIIC", "distant"},
        {"bladder/rectum", uterus_with(3.0, false, false, 0, true, no, false), "IVA", "distant"},
        {"bladder/rectum and nodes", uterus_with(3.0, false, false, 0, true, yes, false), "IVA", "distant"},
        {"distant metastasis", uterus_with(3.0, false, false, 0, false, no, true), "IVB", "distant"},
        {"distant metastasis, adnexa, pelvic, nodes", uterus_with(3.0, true, true, 0, false, yes, true), "IVB",
         "distant"},
    }};
    for (const Row& row : rows) {
        INFO(row.label);
        const Result r = staged(row.c);
        CHECK(stage_text(r.stage) == row.figo);
        CHECK(summary_text(r.summary_stage) == row.summary);
    }
}

TEST_CASE("Summary uterus - IVA is distant, with a note on the bladder or rectal wall, and no such note otherwise",
          "[summary][figo2009]") {
    const Result iva = staged(uterus_with(3.0, false, false, 0, true, Finding::absent, false));
    INFO("notes (IVA):" << joined(iva.notes));
    CHECK(summary_text(iva.summary_stage) == "distant");
    CHECK(any_contains(iva.notes, "wall"));
    CHECK(any_contains(iva.notes, "regional"));
    const Result iiib = staged(uterus_with(3.0, false, false, 2, false, Finding::absent, false));
    INFO("notes (IIIB):" << joined(iiib.notes));
    CHECK_FALSE(any_contains(iiib.notes, "wall"));
}

TEST_CASE("Summary uterus - stage I with nodes unknown is localized, like every system", "[summary][figo2009]") {
    Case c = uterine_case(3.0);
    c.nodes = Finding::unknown;
    const Result r = staged(c);
    CHECK(stages_text(r.possible_stages) == "IA, IIIC");
    CHECK(summary_text(r.summary_stage) == "localized");
    REQUIRE(r.survival != nullptr);
}

TEST_CASE("Summary uterus - cervix or cytology make stage I regional, FIGO stage unchanged", "[summary][figo2009]") {
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

// ---- Which survival table ------------------------------------------------------------------------

TEST_CASE("Survival table - each case gets the table of its population, or none and a note says why",
          "[survival][population]") {
    struct Row {
        const char* label;
        Case c;
        const char* table;                   ///< "" = no table
        std::vector<std::string_view> note;  ///< words one note must contain (no table only)
    };
    Case soft_tissue_retro = soft_tissue_case(3.0, Grade::g1);
    soft_tissue_retro.site = Site::retroperitoneum;
    Case gi_lms_sized = gi_lms_case(7);
    gi_lms_sized.size = size_cm(7.0);
    gi_lms_sized.grade = Grade::g3;
    // SEER site recode "Soft Tissue including Heart": C38.0, C47, C49; the retroperitoneum is C48.0.
    const std::vector<Row> rows = {
        {"AJCC 7, site left out", soft_tissue_case(3.0, Grade::g1), "soft-tissue-sarcoma", {}},
        {"AJCC 7, extremity",
         edited(soft_tissue_case(3.0, Grade::g1), [](Case& c) { c.site = Site::extremity; }),
         "soft-tissue-sarcoma",
         {}},
        {"AJCC 7, trunk",
         edited(soft_tissue_case(3.0, Grade::g1), [](Case& c) { c.site = Site::trunk; }),
         "soft-tissue-sarcoma",
         {}},
        {"AJCC 7, head and neck",
         edited(soft_tissue_case(3.0, Grade::g1), [](Case& c) { c.site = Site::head_neck; }),
         "soft-tissue-sarcoma",
         {}},
        {"AJCC 8, head and neck", head_neck_case(size_cm(3.0)), "soft-tissue-sarcoma", {}},
        {"AJCC 7, retroperitoneum", soft_tissue_retro, "", {"leave out the retroperitoneum (C48.0)"}},
        {"AJCC 8, retroperitoneum",
         ajcc8_case(Site::retroperitoneum, size_cm(7.0), Grade::g2),
         "",
         {"no survival table", "retroperitoneum (C48.0)"}},
        {"uterine leiomyosarcoma", uterine_case(3.0, Histology::lms), "uterine-leiomyosarcoma", {}},
        // The uterine table is the leiomyosarcoma table: ESS and adenosarcoma get none.
        {"uterine ESS", uterine_case(3.0, Histology::ess), "", {"endometrial stromal sarcoma"}},
        {"uterine adenosarcoma", adenosarcoma_case(30.0), "", {"no survival table"}},
        {"AJCC 8 visceral",
         visceral_case(VisceralExtent::confined),
         "",
         {"no survival table", "leave out visceral organs and the GI tract"}},
        {"AJCC 8 GI leiomyosarcoma",
         visceral_case(VisceralExtent::confined, std::nullopt, Site::gi),
         "",
         {"no survival table", "leave out visceral organs and the GI tract"}},
        {"AJCC 7 GI leiomyosarcoma, edition left out",
         gi_lms_case(std::nullopt),
         "",
         {"no survival table", "leave out visceral organs and the GI tract"}},
        {"AJCC 7 GI leiomyosarcoma, 7 cm G3",
         gi_lms_sized,
         "",
         {"no survival table", "leave out visceral organs and the GI tract"}},
    };
    for (const Row& row : rows) {
        const Result r = staged(row.c);
        INFO(row.label << "\nnotes:" << joined(r.notes));
        CHECK((r.survival != nullptr ? r.survival->id : std::string_view{}) == row.table);
        for (std::string_view words : row.note) {
            CHECK(any_contains(r.notes, words));
        }
        if (row.note.size() == 2) {
            CHECK(any_line_with_all(r.notes, {row.note[0], row.note[1]}));
        }
    }
}

TEST_CASE("Survival table - a sarcoma of the mediastinum is staged as soft tissue or visceral, with no table",
          "[survival][population]") {
    // CS Heart and Mediastinum: the AJCC 7 soft tissue chapter; SEER EOD Heart, Mediastinum and Pleura:
    // AJCC 8 ch. 42. The SEER site recode Soft Tissue including Heart (C38.0, C47, C49) leaves the
    // mediastinum (C38.1-C38.3, C38.8) out, so the soft tissue figures do not describe it.
    Case c;
    c.site = Site::mediastinum;
    c.size = size_cm(6.0);
    c.grade = Grade::g3;
    const Result seventh = staged(c);
    CHECK(seventh.system.id == "ajcc7-sts");
    CHECK(stage_text(seventh.stage) == "III");  // T2 N0 M0 G3, as at any soft tissue site
    CHECK(seventh.survival == nullptr);
    CHECK(std::any_of(seventh.notes.begin(), seventh.notes.end(), [](const std::string& note) {
        return note.find("leave out sarcomas of the mediastinum (C38.1-C38.3, C38.8)") != std::string::npos;
    }));
    Case soft_tissue = c;
    soft_tissue.site = Site::soft_tissue;
    CHECK(staged(soft_tissue).survival != nullptr);  // the same case at a soft tissue site has its table
    c.edition = 8;
    c.visceral_extent = VisceralExtent::confined;  // AJCC 8 ch. 42 reads the extent, not the grade
    const Result eighth = staged(c);
    CHECK(eighth.system.id == "ajcc8-sts-visceral");
    CHECK(eighth.survival == nullptr);
    c.edition = k_uicc9;
    CHECK(std::holds_alternative<CaseError>(stage(c)));  // UICC 9's tables here: extremity, trunk, retroperitoneum
}

TEST_CASE("Survival table - a case outside every table still has its summary stage", "[survival][population]") {
    CHECK(summary_text(staged(uterine_case(3.0, Histology::ess)).summary_stage) == "localized");
    CHECK(summary_text(staged(adenosarcoma_case(30.0)).summary_stage) == "localized");
}

TEST_CASE("Survival table - which site and histology each table covers, every pair", "[survival][population]") {
    // Soft tissue: C49 sites (and the generic soft-tissue site, which stands for them), every sarcoma
    // of the SEER site recode Soft Tissue including Heart (every histology but lymphoma, Kaposi sarcoma
    // and mesothelioma: lms, the other soft tissue sarcomas, ESS at those sites);
    // GIST: site gi, gist; uterine leiomyosarcoma: site uterus, lms. Everything else: no table.
    auto expected = [](Site site, Histology h) -> std::string_view {
        const bool c49 =
            site == Site::soft_tissue || site == Site::extremity || site == Site::trunk || site == Site::head_neck;
        if (c49 && (h == Histology::lms || h == Histology::sarcoma || h == Histology::ess))
            return "soft-tissue-sarcoma";
        if (site == Site::gi && h == Histology::gist)
            return "gist";
        if (site == Site::uterus && h == Histology::lms)
            return "uterine-leiomyosarcoma";
        return "";
    };
    for_each_combination(
        [&](Site site, Histology h) {
            INFO("site " << name(site) << ", histology " << name(h));
            const SurvivalTable* t = survival_table_for(site, h);
            CHECK((t != nullptr ? t->id : std::string_view{}) == expected(site, h));
        },
        k_all_sites, k_all_histologies);
}

TEST_CASE("Survival table - the GIST figure matched is the row of the GIST summary stage", "[survival][gist]") {
    const Case confined = edited(gist_case(GiSite::stomach, size_cm(3.0), rate_of(3.0)), [](Case& c) {
        c.nodes = Finding::absent;
        c.metastasis = Finding::absent;
        c.extension = Extension::confined;
    });
    struct Row {
        const char* label;
        Case c;
        const char* figure;
    };
    const std::array<Row, 5> rows = {{
        {"confined: localized", confined, "95"},
        {"adjacent: regional", edited(confined, [](Case& c) { c.extension = Extension::adjacent; }), "84"},
        {"adjacent organ: distant for GIST", edited(confined, [](Case& c) { c.extension = Extension::adjacent_organ; }),
         "52"},
        {"M1: distant", edited(confined, [](Case& c) { c.metastasis = Finding::present; }), "52"},
        {"N1 M0 confined: regional", edited(confined, [](Case& c) { c.nodes = Finding::present; }), "84"},
    }};
    for (const Row& row : rows) {
        INFO(row.label);
        CHECK(matched_figure(staged(row.c)) == row.figure);
    }
}

// ---- The figures and their sources -------------------------------------------------------------------

namespace {

struct ExpectedTable {
    const char* id;
    std::array<double, 3> percent;    // localized, regional, distant
    std::array<const char*, 3> text;  // as published
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

bool has(std::string_view text, std::string_view words) { return text.find(words) != std::string_view::npos; }

/// Checks that `text` contains each of `words`.
void check_mentions(std::string_view text, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) {
        INFO("text: " << text << "\nmissing: " << w);
        CHECK(has(text, w));
    }
}

}  // namespace

TEST_CASE("Survival figures - soft tissue sarcoma 82.4 / 59.8 / 16.7 percent, NCI SEER Cancer Stat Facts",
          "[survival][figures]") {
    check_figures({"soft-tissue-sarcoma", {82.4, 59.8, 16.7}, {"82.4", "59.8", "16.7"}});
    CHECK(find_survival_table("soft-tissue-sarcoma")->source ==
          "NCI SEER Cancer Stat Facts: Soft Tissue including Heart Cancer");
}

TEST_CASE("Survival figures - uterine leiomyosarcoma 60 / 37 / 12 percent, American Cancer Society",
          "[survival][figures]") {
    check_figures({"uterine-leiomyosarcoma", {60.0, 37.0, 12.0}, {"60", "37", "12"}});
    check_mentions(find_survival_table("uterine-leiomyosarcoma")->source,
                   {"American Cancer Society", "Uterine sarcoma survival rates"});
}

TEST_CASE("Survival figures - GIST 95 / 84 / 52 percent, NCI via the American Cancer Society, cohort 2012-2018",
          "[survival][figures]") {
    check_figures({"gist", {95.0, 84.0, 52.0}, {"95", "84", "52"}});
    const SurvivalTable& t = *find_survival_table("gist");
    check_mentions(t.source, {"National Cancer Institute", "American Cancer Society",
                              "Survival rates for gastrointestinal stromal tumors"});
    check_mentions(t.cohort, {"2012", "2018"});
}

TEST_CASE("Survival figures - exactly the three tables of docs/rules.md §7, and no others", "[survival][figures]") {
    CHECK(survival_tables().size() == 3);
    CHECK(find_survival_table("soft-tissue-sarcoma") != nullptr);
    CHECK(find_survival_table("uterine-leiomyosarcoma") != nullptr);
    CHECK(find_survival_table("gist") != nullptr);
    CHECK(find_survival_table("adenosarcoma") == nullptr);
    CHECK(find_survival_table("") == nullptr);
}

TEST_CASE("Survival - the caveat says these are population figures", "[survival]") {
    CHECK(has(survival_caveat(), "population"));
}

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
    check_mentions(find_survival_table("soft-tissue-sarcoma")->population,
                   {"C38.0", "C47", "C49", "not leiomyosarcoma alone", "retroperitoneum (C48.0)"});
}
