// FIGO 2009 uterine sarcoma: leiomyosarcoma and endometrial stromal sarcoma (docs/rules.md §2) and
// adenosarcoma (section 2b), with the AJCC corpus uteri TNM equivalents.
// Expected values are written out from the spec here; nothing is derived from the library's tables.
#include <array>
#include <optional>
#include <string>

#include "core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

// ---- The spec, written out by hand -------------------------------------------------------------

/// docs/rules.md §2 / 2b: FIGO stage of each T category with N0 M0.
struct TRow {
    const char* t;
    const char* figo;
};
constexpr std::array<TRow, 8> k_figo_of_t = {{
    {"T1a", "IA"},
    {"T1b", "IB"},
    {"T1c", "IC"},  // adenosarcoma only
    {"T2a", "IIA"},
    {"T2b", "IIB"},
    {"T3a", "IIIA"},
    {"T3b", "IIIB"},
    {"T4", "IVA"},
}};

std::string figo_of_t(const std::string& t) {
    for (const TRow& row : k_figo_of_t) {
        if (t == row.t) {
            return row.figo;
        }
    }
    return "?";
}

/// docs/rules.md §2 precedence: M1 -> IVB; else T4 -> IVA even with N1; else N1 -> IIIC; else T decides.
std::string expected_figo(const std::string& t, bool n1, bool m1) {
    if (m1) {
        return "IVB";
    }
    if (t == "T4") {
        return "IVA";
    }
    if (n1) {
        return "IIIC";
    }
    return figo_of_t(t);
}

/// Findings beyond the uterus, as case fields.
struct Extent {
    const char* label;
    bool adnexa;
    bool pelvic;
    long long abdominal_sites;
    bool bladder_rectum;
};

/// The T of the furthest extent reported (bladder/rectum > abdominal >= 2 > abdominal 1 > pelvic > adnexa);
/// `stage_one_t` when the tumour is limited to the uterus.
std::string expected_t(const Extent& e, const std::string& stage_one_t) {
    if (e.bladder_rectum) {
        return "T4";
    }
    if (e.abdominal_sites >= 2) {
        return "T3b";
    }
    if (e.abdominal_sites == 1) {
        return "T3a";
    }
    if (e.pelvic) {
        return "T2b";
    }
    if (e.adnexa) {
        return "T2a";
    }
    return stage_one_t;
}

void apply(Case& c, const Extent& e) {
    c.adnexa = yes_no(e.adnexa);
    c.pelvic = yes_no(e.pelvic);
    c.abdominal_sites = e.abdominal_sites;
    c.bladder_rectum = yes_no(e.bladder_rectum);
}

constexpr std::array<Histology, 2> k_lms_ess = {Histology::lms, Histology::ess};

Case lms_ess(Histology h, double cm) { return uterine_case(cm, h); }

}  // namespace

// ---- System choice -----------------------------------------------------------------------------

TEST_CASE("FIGO 2009 - uterus lms and ess are staged by figo2009-uterine", "[figo2009]") {
    CHECK(staged(uterine_case(3.0, Histology::lms)).system.id == "figo2009-uterine");
    CHECK(staged(uterine_case(3.0, Histology::ess)).system.id == "figo2009-uterine");
}

TEST_CASE("FIGO 2009 - uterus with histology omitted is leiomyosarcoma (figo2009-uterine)", "[figo2009]") {
    Case c;
    c.site = Site::uterus;
    c.size = size_cm(3.0);
    CHECK(staged(c).system.id == "figo2009-uterine");
}

TEST_CASE("FIGO 2009 - uterus adenosarcoma is staged by figo2009-adenosarcoma", "[figo2009][adenosarcoma]") {
    CHECK(staged(adenosarcoma_case(0.0)).system.id == "figo2009-adenosarcoma");
}

// ---- Stage I by size (LMS / ESS) ---------------------------------------------------------------

TEST_CASE("FIGO 2009 LMS/ESS - 4.99 cm limited to the uterus is IA (T1a N0 M0)", "[figo2009][size]") {
    for (Histology h : k_lms_ess) {
        INFO("histology " << name(h));
        const Result r = staged(lms_ess(h, 4.99));
        CHECK(stage_text(r.stage) == "IA");
        CHECK(r.categories.t == "T1a");
        CHECK(r.categories.n == "N0");
        CHECK(r.categories.m == "M0");
    }
}

TEST_CASE("FIGO 2009 LMS/ESS - exactly 5.0 cm is IA", "[figo2009][size]") {
    for (Histology h : k_lms_ess) {
        INFO("histology " << name(h));
        const Result r = staged(lms_ess(h, 5.0));
        CHECK(stage_text(r.stage) == "IA");
        CHECK(r.categories.t == "T1a");
    }
}

TEST_CASE("FIGO 2009 LMS/ESS - 5.01 cm is IB (T1b)", "[figo2009][size]") {
    for (Histology h : k_lms_ess) {
        INFO("histology " << name(h));
        const Result r = staged(lms_ess(h, 5.01));
        CHECK(stage_text(r.stage) == "IB");
        CHECK(r.categories.t == "T1b");
    }
}

TEST_CASE("FIGO 2009 LMS/ESS - exactly 50 mm is IA and 50.1 mm is IB", "[figo2009][size]") {
    Case at = uterine_case(1.0);
    at.size = size_mm(50.0);
    Case over = uterine_case(1.0);
    over.size = size_mm(50.1);
    CHECK(stage_text(staged(at).stage) == "IA");
    CHECK(stage_text(staged(over).stage) == "IB");
}

// ---- T findings beyond the uterus (LMS / ESS) ---------------------------------------------------

TEST_CASE("FIGO 2009 LMS/ESS - adnexa is IIA (T2a)", "[figo2009][t]") {
    for (Histology h : k_lms_ess) {
        INFO("histology " << name(h));
        Case c = lms_ess(h, 3.0);
        c.adnexa = Finding::present;
        const Result r = staged(c);
        CHECK(stage_text(r.stage) == "IIA");
        CHECK(r.categories.t == "T2a");
    }
}

TEST_CASE("FIGO 2009 LMS/ESS - other pelvic tissues is IIB (T2b)", "[figo2009][t]") {
    for (Histology h : k_lms_ess) {
        INFO("histology " << name(h));
        Case c = lms_ess(h, 3.0);
        c.pelvic = Finding::present;
        const Result r = staged(c);
        CHECK(stage_text(r.stage) == "IIB");
        CHECK(r.categories.t == "T2b");
    }
}

TEST_CASE("FIGO 2009 LMS/ESS - abdominal_sites 1 is IIIA (T3a)", "[figo2009][t]") {
    for (Histology h : k_lms_ess) {
        INFO("histology " << name(h));
        Case c = lms_ess(h, 3.0);
        c.abdominal_sites = 1;
        const Result r = staged(c);
        CHECK(stage_text(r.stage) == "IIIA");
        CHECK(r.categories.t == "T3a");
    }
}

TEST_CASE("FIGO 2009 LMS/ESS - abdominal_sites 2 is IIIB (T3b)", "[figo2009][t]") {
    for (Histology h : k_lms_ess) {
        INFO("histology " << name(h));
        Case c = lms_ess(h, 3.0);
        c.abdominal_sites = 2;
        const Result r = staged(c);
        CHECK(stage_text(r.stage) == "IIIB");
        CHECK(r.categories.t == "T3b");
    }
}

TEST_CASE("FIGO 2009 LMS/ESS - abdominal_sites 5 is IIIB (T3b)", "[figo2009][t]") {
    Case c = uterine_case(3.0);
    c.abdominal_sites = 5;
    const Result r = staged(c);
    CHECK(stage_text(r.stage) == "IIIB");
    CHECK(r.categories.t == "T3b");
}

TEST_CASE("FIGO 2009 LMS/ESS - abdominal_sites 0 leaves stage I by size", "[figo2009][t]") {
    Case small = uterine_case(3.0);
    small.abdominal_sites = 0;
    Case large = uterine_case(7.0);
    large.abdominal_sites = 0;
    CHECK(stage_text(staged(small).stage) == "IA");
    CHECK(stage_text(staged(large).stage) == "IB");
}

TEST_CASE("FIGO 2009 LMS/ESS - bladder or rectum is IVA (T4)", "[figo2009][t]") {
    for (Histology h : k_lms_ess) {
        INFO("histology " << name(h));
        Case c = lms_ess(h, 3.0);
        c.bladder_rectum = Finding::present;
        const Result r = staged(c);
        CHECK(stage_text(r.stage) == "IVA");
        CHECK(r.categories.t == "T4");
    }
}

TEST_CASE("FIGO 2009 LMS/ESS - findings given as false leave stage I by size", "[figo2009][t]") {
    Case c = uterine_case(7.0);
    apply(c, Extent{"none", false, false, 0, false});
    const Result r = staged(c);
    CHECK(stage_text(r.stage) == "IB");
    CHECK(r.categories.t == "T1b");
}

// ---- Nodes and metastasis ----------------------------------------------------------------------

TEST_CASE("FIGO 2009 - N1 with T1 to T3 is IIIC", "[figo2009][nodes]") {
    const std::array<Extent, 6> extents = {{
        {"3 cm limited to the uterus (T1a)", false, false, 0, false},
        {"7 cm limited to the uterus (T1b)", false, false, 0, false},
        {"adnexa (T2a)", true, false, 0, false},
        {"pelvic (T2b)", false, true, 0, false},
        {"1 abdominal site (T3a)", false, false, 1, false},
        {"2 abdominal sites (T3b)", false, false, 2, false},
    }};
    const std::array<const char*, 6> t_expected = {"T1a", "T1b", "T2a", "T2b", "T3a", "T3b"};
    for (std::size_t i = 0; i < extents.size(); ++i) {
        for (Histology h : k_lms_ess) {
            INFO(extents[i].label << ", histology " << name(h));
            Case c = lms_ess(h, i == 1 ? 7.0 : 3.0);
            apply(c, extents[i]);
            c.nodes = Finding::present;
            c.metastasis = Finding::absent;
            const Result r = staged(c);
            CHECK(stage_text(r.stage) == "IIIC");
            CHECK(r.categories.t == t_expected[i]);
            CHECK(r.categories.n == "N1");
            CHECK(r.categories.m == "M0");
        }
    }
}

TEST_CASE("FIGO 2009 precedence - T4 N1 M0 is IVA, not IIIC", "[figo2009][precedence]") {
    for (Histology h : k_lms_ess) {
        INFO("histology " << name(h));
        Case c = lms_ess(h, 3.0);
        c.bladder_rectum = Finding::present;
        c.nodes = Finding::present;
        c.metastasis = Finding::absent;
        const Result r = staged(c);
        CHECK(stage_text(r.stage) == "IVA");
        CHECK(r.categories.t == "T4");
        CHECK(r.categories.n == "N1");
    }
}

TEST_CASE("FIGO 2009 precedence - M1 is IVB with anything", "[figo2009][precedence]") {
    const std::array<Extent, 7> extents = {{
        {"limited to the uterus", false, false, 0, false},
        {"adnexa", true, false, 0, false},
        {"pelvic", false, true, 0, false},
        {"1 abdominal site", false, false, 1, false},
        {"3 abdominal sites", false, false, 3, false},
        {"bladder/rectum", false, false, 0, true},
        {"everything", true, true, 4, true},
    }};
    for (const Extent& e : extents) {
        for (double cm : {3.0, 7.0}) {
            for (Finding nodes : {Finding::absent, Finding::present}) {
                for (Histology h : k_lms_ess) {
                    INFO(e.label << ", " << cm << " cm, nodes " << name(nodes) << ", histology " << name(h));
                    Case c = lms_ess(h, cm);
                    apply(c, e);
                    c.nodes = nodes;
                    c.metastasis = Finding::present;
                    const Result r = staged(c);
                    CHECK(stage_text(r.stage) == "IVB");
                    CHECK(r.categories.m == "M1");
                }
            }
        }
    }
}

TEST_CASE("FIGO 2009 precedence - M1 adenosarcoma is IVB", "[figo2009][precedence][adenosarcoma]") {
    Case c = adenosarcoma_case(80.0);
    c.metastasis = Finding::present;
    CHECK(stage_text(staged(c).stage) == "IVB");
}

// ---- Several findings: the furthest extent wins ------------------------------------------------

TEST_CASE("FIGO 2009 - adnexa and pelvic together is IIB", "[figo2009][precedence]") {
    Case c = uterine_case(3.0);
    c.adnexa = Finding::present;
    c.pelvic = Finding::present;
    CHECK(stage_text(staged(c).stage) == "IIB");
}

TEST_CASE("FIGO 2009 - pelvic and 1 abdominal site together is IIIA", "[figo2009][precedence]") {
    Case c = uterine_case(3.0);
    c.pelvic = Finding::present;
    c.abdominal_sites = 1;
    CHECK(stage_text(staged(c).stage) == "IIIA");
}

TEST_CASE("FIGO 2009 - 2 abdominal sites and bladder together is IVA", "[figo2009][precedence]") {
    Case c = uterine_case(3.0);
    c.abdominal_sites = 2;
    c.bladder_rectum = Finding::present;
    CHECK(stage_text(staged(c).stage) == "IVA");
}

TEST_CASE("FIGO 2009 exhaustive - every combination of findings, nodes and metastasis", "[figo2009][exhaustive]") {
    int cases = 0;
    for (bool adnexa : {false, true}) {
        for (bool pelvic : {false, true}) {
            for (long long abdominal : {0LL, 1LL, 2LL, 5LL}) {
                for (bool bladder : {false, true}) {
                    const Extent e{"", adnexa, pelvic, abdominal, bladder};
                    for (bool n1 : {false, true}) {
                        for (bool m1 : {false, true}) {
                            // LMS and ESS at 3 cm (IA) and 7 cm (IB); adenosarcoma at 0, 50 and 50.01 %.
                            struct Primary {
                                Case c;
                                const char* stage_one_t;
                            };
                            std::array<Primary, 7> primaries = {{
                                {uterine_case(3.0, Histology::lms), "T1a"},
                                {uterine_case(7.0, Histology::lms), "T1b"},
                                {uterine_case(3.0, Histology::ess), "T1a"},
                                {uterine_case(7.0, Histology::ess), "T1b"},
                                {adenosarcoma_case(0.0), "T1a"},
                                {adenosarcoma_case(50.0), "T1b"},
                                {adenosarcoma_case(50.01), "T1c"},
                            }};
                            for (Primary& p : primaries) {
                                apply(p.c, e);
                                p.c.nodes = n1 ? Finding::present : Finding::absent;
                                p.c.metastasis = yes_no(m1);
                                const std::string t = expected_t(e, p.stage_one_t);
                                INFO("histology " << name(*p.c.histology) << ", stage I T " << p.stage_one_t
                                                  << ", adnexa " << adnexa << ", pelvic " << pelvic
                                                  << ", abdominal_sites " << abdominal << ", bladder_rectum "
                                                  << bladder << ", N1 " << n1 << ", M1 " << m1);
                                const Result r = staged(p.c);
                                ++cases;
                                CHECK(r.categories.t == t);
                                CHECK(r.categories.n == (n1 ? "N1" : "N0"));
                                CHECK(r.categories.m == (m1 ? "M1" : "M0"));
                                CHECK(r.categories.g.empty());
                                CHECK(stage_text(r.stage) == expected_figo(t, n1, m1));
                                CHECK(stages_text(r.possible_stages) == expected_figo(t, n1, m1));
                            }
                        }
                    }
                }
            }
        }
    }
    CHECK(cases == 2 * 2 * 4 * 2 * 2 * 2 * 7);
}

// ---- Grade is not used -------------------------------------------------------------------------

TEST_CASE("FIGO 2009 - grade does not enter the stage (G category empty)", "[figo2009][grade]") {
    for (Grade g : {Grade::g1, Grade::g2, Grade::g3, Grade::gx}) {
        INFO("grade " << name(g));
        Case c = uterine_case(7.0);
        c.grade = g;
        const Result r = staged(c);
        CHECK(stage_text(r.stage) == "IB");
        CHECK(r.categories.g.empty());
    }
}

TEST_CASE("FIGO 2009 - a given grade draws a warning", "[figo2009][grade]") {
    Case c = uterine_case(7.0);
    c.grade = Grade::g3;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "grade"));
}

TEST_CASE("FIGO 2009 - no grade warning when grade is not given", "[figo2009][grade]") {
    const Result r = staged(uterine_case(7.0));
    INFO("warnings:" << joined(r.warnings));
    CHECK_FALSE(any_contains(r.warnings, "grade"));
}

TEST_CASE("FIGO 2009 adenosarcoma - a given grade draws a warning and G stays empty", "[figo2009][grade]") {
    Case c = adenosarcoma_case(30.0);
    c.grade = Grade::g1;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "grade"));
    CHECK(r.categories.g.empty());
}

// ---- Adenosarcoma stage I by myometrial invasion ----------------------------------------------

TEST_CASE("FIGO 2009 adenosarcoma - no myometrial invasion (0) is IA (T1a)", "[figo2009][adenosarcoma]") {
    const Result r = staged(adenosarcoma_case(0.0));
    CHECK(stage_text(r.stage) == "IA");
    CHECK(r.categories.t == "T1a");
}

TEST_CASE("FIGO 2009 adenosarcoma - 0.01 percent invasion is IB", "[figo2009][adenosarcoma]") {
    const Result r = staged(adenosarcoma_case(0.01));
    CHECK(stage_text(r.stage) == "IB");
    CHECK(r.categories.t == "T1b");
}

TEST_CASE("FIGO 2009 adenosarcoma - exactly 50 percent invasion is IB (T1b)", "[figo2009][adenosarcoma]") {
    const Result r = staged(adenosarcoma_case(50.0));
    CHECK(stage_text(r.stage) == "IB");
    CHECK(r.categories.t == "T1b");
}

TEST_CASE("FIGO 2009 adenosarcoma - 50.01 percent invasion is IC (T1c)", "[figo2009][adenosarcoma]") {
    const Result r = staged(adenosarcoma_case(50.01));
    CHECK(stage_text(r.stage) == "IC");
    CHECK(r.categories.t == "T1c");
}

TEST_CASE("FIGO 2009 adenosarcoma - 100 percent invasion is IC (T1c)", "[figo2009][adenosarcoma]") {
    const Result r = staged(adenosarcoma_case(100.0));
    CHECK(stage_text(r.stage) == "IC");
    CHECK(r.categories.t == "T1c");
}

TEST_CASE("FIGO 2009 adenosarcoma - N1 with T1c is IIIC", "[figo2009][adenosarcoma]") {
    Case c = adenosarcoma_case(80.0);
    c.nodes = Finding::present;
    const Result r = staged(c);
    CHECK(stage_text(r.stage) == "IIIC");
    CHECK(r.categories.t == "T1c");
}

TEST_CASE("FIGO 2009 adenosarcoma - stages II to IV as for leiomyosarcoma", "[figo2009][adenosarcoma]") {
    Case adnexa = adenosarcoma_case(10.0);
    adnexa.adnexa = Finding::present;
    CHECK(stage_text(staged(adnexa).stage) == "IIA");
    Case pelvic = adenosarcoma_case(10.0);
    pelvic.pelvic = Finding::present;
    CHECK(stage_text(staged(pelvic).stage) == "IIB");
    Case one = adenosarcoma_case(10.0);
    one.abdominal_sites = 1;
    CHECK(stage_text(staged(one).stage) == "IIIA");
    Case two = adenosarcoma_case(10.0);
    two.abdominal_sites = 2;
    CHECK(stage_text(staged(two).stage) == "IIIB");
    Case bladder = adenosarcoma_case(10.0);
    bladder.bladder_rectum = Finding::present;
    bladder.nodes = Finding::present;
    CHECK(stage_text(staged(bladder).stage) == "IVA");
}

TEST_CASE("FIGO 2009 adenosarcoma - size is not used (10 cm with no invasion is IA, with a warning)",
          "[figo2009][adenosarcoma]") {
    Case c = adenosarcoma_case(0.0);
    c.size = size_cm(10.0);
    const Result r = staged(c);
    CHECK(stage_text(r.stage) == "IA");
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "size"));
}

TEST_CASE("FIGO 2009 LMS - T1c does not exist: 7 cm with myometrial_invasion 80 is IB", "[figo2009]") {
    Case c = uterine_case(7.0);
    c.myometrial_invasion = 80.0;
    const Result r = staged(c);
    CHECK(stage_text(r.stage) == "IB");
    CHECK(r.categories.t == "T1b");
}

// ---- Notes ------------------------------------------------------------------------------------------

TEST_CASE("FIGO 2009 - results say FIGO 2009 is current and cite AJCC 8 chapter 54, and ESS results say how FIGO "
          "groups it",
          "[figo2009][notes]") {
    const Result lms = staged(uterine_case(3.0));
    CHECK(any_contains(lms.notes, "FIGO 2009 remains the current staging of uterine sarcomas"));
    CHECK(any_contains(lms.notes, "chapter 54"));
    CHECK_FALSE(any_contains(lms.notes, "groups it with adenosarcoma"));  // the ESS note is for ESS only
    CHECK(any_contains(staged(uterine_case(3.0, Histology::ess)).notes, "groups it with adenosarcoma"));
}
