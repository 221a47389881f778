// FIGO 2009 uterine sarcoma: leiomyosarcoma and endometrial stromal sarcoma (docs/rules.md §2) and
// adenosarcoma (§2b), with the AJCC corpus uteri TNM equivalents.
// Source: Prat J. FIGO staging for uterine sarcomas. Int J Gynaecol Obstet 2009;104:177-178, as
// reprinted in NCI PDQ Uterine Sarcoma Treatment (health professional), Tables 1-2; AJCC 7 corpus
// uteri (SEER tnm7_stage_ubu, tnm7_stage_ubt) and AJCC 8 chapter 54. Expected values are written out
// from it here, never taken from the library.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "support/core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

// ---- The publication's tables, written out by hand -----------------------------------------------

/// The FIGO stage of each T category with N0 M0.
struct TRow {
    const char* t;
    Stage figo;
};
constexpr std::array<TRow, 8> k_figo_of_t = {{
    {"T1a", Stage::IA},    // limited to the uterus, <= 5 cm (adenosarcoma: no myometrial invasion)
    {"T1b", Stage::IB},    // limited to the uterus, > 5 cm (adenosarcoma: invasion of half or less)
    {"T1c", Stage::IC},    // adenosarcoma only: invasion of more than half
    {"T2a", Stage::IIA},   // adnexa
    {"T2b", Stage::IIB},   // other pelvic tissues
    {"T3a", Stage::IIIA},  // abdominal tissues, one site
    {"T3b", Stage::IIIB},  // more than one abdominal site
    {"T4", Stage::IVA},    // bladder and/or rectum
}};

/// Precedence: M1 -> IVB; else T4 -> IVA even with N1; else N1 -> IIIC; else the T category decides.
StageSet expected_figo(const std::string& t, bool n1, bool m1) {
    if (m1) {
        return {Stage::IVB};
    }
    if (t != "T4" && n1) {
        return {Stage::IIIC};
    }
    StageSet figo;
    for (const TRow& row : k_figo_of_t) {
        if (t == row.t) {
            figo.insert(row.figo);
        }
    }
    return figo;
}

/// Findings beyond the uterus, as case fields.
struct Spread {
    bool adnexa;
    bool pelvic;
    long long abdominal_sites;
    bool bladder_rectum;
};

/// The T of the furthest extent reported (bladder/rectum > abdominal >= 2 > abdominal 1 > pelvic >
/// adnexa); `stage_one_t` when the tumour is limited to the uterus.
std::string expected_t(const Spread& s, const std::string& stage_one_t) {
    if (s.bladder_rectum) {
        return "T4";
    }
    if (s.abdominal_sites > 0) {
        return s.abdominal_sites >= 2 ? "T3b" : "T3a";
    }
    if (s.pelvic) {
        return "T2b";
    }
    return s.adnexa ? "T2a" : stage_one_t;
}

/// A primary limited to the uterus, its stage I T category and the system that stages it.
struct Primary {
    const char* label;
    Case c;
    const char* stage_one_t;
    const char* system_id;
};

}  // namespace

// ---- Every combination of findings -----------------------------------------------------------------

TEST_CASE("FIGO 2009 exhaustive - every combination of findings, nodes and metastasis", "[figo2009][exhaustive]") {
    Case histology_omitted = uterine_case(3.0);
    histology_omitted.histology = std::nullopt;  // leiomyosarcoma
    const std::array<Primary, 8> primaries = {{
        {"LMS 3 cm", uterine_case(3.0, Histology::lms), "T1a", "figo2009-uterine"},
        {"LMS 7 cm", uterine_case(7.0, Histology::lms), "T1b", "figo2009-uterine"},
        {"ESS 3 cm", uterine_case(3.0, Histology::ess), "T1a", "figo2009-uterine"},
        {"ESS 7 cm", uterine_case(7.0, Histology::ess), "T1b", "figo2009-uterine"},
        {"histology omitted, 3 cm", histology_omitted, "T1a", "figo2009-uterine"},
        {"adenosarcoma, no invasion", adenosarcoma_case(0.0), "T1a", "figo2009-adenosarcoma"},
        {"adenosarcoma, 50 % invasion", adenosarcoma_case(50.0), "T1b", "figo2009-adenosarcoma"},
        {"adenosarcoma, 50.01 % invasion", adenosarcoma_case(50.01), "T1c", "figo2009-adenosarcoma"},
    }};
    const std::array<bool, 2> no_yes = {false, true};
    const std::array<long long, 4> abdominal = {0, 1, 2, 5};
    int cases = 0;
    for_each_combination(
        [&](const Primary& p, bool adnexa, bool pelvic, long long sites, bool bladder, bool n1, bool m1) {
            const Spread s{adnexa, pelvic, sites, bladder};
            Case c = p.c;
            c.adnexa = yes_no(adnexa);
            c.pelvic = yes_no(pelvic);
            c.abdominal_sites = sites;
            c.bladder_rectum = yes_no(bladder);
            c.nodes = yes_no(n1);
            c.metastasis = yes_no(m1);
            const std::string t = expected_t(s, p.stage_one_t);
            INFO(p.label << ", adnexa " << adnexa << ", pelvic " << pelvic << ", abdominal_sites " << sites
                         << ", bladder_rectum " << bladder << ", N1 " << n1 << ", M1 " << m1);
            const Result r = staged(c);
            ++cases;
            check_staging(r, p.system_id, expected_figo(t, n1, m1), t, n1, m1);
            CHECK(r.categories.g.empty());  // grade does not enter FIGO staging
        },
        primaries, no_yes, no_yes, abdominal, no_yes, no_yes, no_yes);
    CHECK(cases == 8 * 2 * 2 * 4 * 2 * 2 * 2);
}

// ---- Named boundaries -----------------------------------------------------------------------------

TEST_CASE("FIGO 2009 LMS/ESS stage I - exactly 5 cm is IA (T1a), more is IB (T1b), sizes are not rounded",
          "[figo2009][size]") {
    std::vector<NamedCase> rows;
    for (Histology h : {Histology::lms, Histology::ess}) {
        auto sized = [h](const Measured<Length>& size) {
            Case c = uterine_case(1.0, h);
            c.size = size;
            return c;
        };
        const std::string histology = std::string(name(h)) + ", ";
        rows.push_back({histology + "4.99 cm", sized(size_cm(4.99)), "T1a", "IA"});
        rows.push_back({histology + "exactly 5.0 cm", sized(size_cm(5.0)), "T1a", "IA"});
        rows.push_back({histology + "5.01 cm", sized(size_cm(5.01)), "T1b", "IB"});
        rows.push_back({histology + "exactly 50 mm", sized(size_mm(50.0)), "T1a", "IA"});
        rows.push_back({histology + "50.1 mm", sized(size_mm(50.1)), "T1b", "IB"});
    }
    check_named_cases(rows);
}

TEST_CASE("FIGO 2009 adenosarcoma stage I - no invasion IA, half or less IB (exactly half is IB), more IC",
          "[figo2009][adenosarcoma]") {
    check_named_cases({
        {"no myometrial invasion", adenosarcoma_case(0.0), "T1a", "IA"},
        {"0.01 % invasion", adenosarcoma_case(0.01), "T1b", "IB"},
        {"exactly half (50 %)", adenosarcoma_case(50.0), "T1b", "IB"},
        {"50.01 % invasion", adenosarcoma_case(50.01), "T1c", "IC"},
        {"100 % invasion", adenosarcoma_case(100.0), "T1c", "IC"},
    });
}

TEST_CASE("FIGO 2009 precedence - bladder or rectum with positive nodes is IVA, not IIIC (T4 N1 M0)",
          "[figo2009][precedence]") {
    for (Histology h : {Histology::lms, Histology::ess}) {
        INFO("histology " << name(h));
        Case c = uterine_case(3.0, h);
        c.bladder_rectum = Finding::present;
        c.nodes = Finding::present;
        c.metastasis = Finding::absent;
        const Result r = staged(c);
        CHECK(stage_text(r.stage) == "IVA");
        CHECK(r.categories.t == "T4");
        CHECK(r.categories.n == "N1");
    }
}

// ---- Notes ------------------------------------------------------------------------------------------

TEST_CASE(
    "FIGO 2009 - results say FIGO 2009 is current and cite AJCC 8 chapter 54, and ESS results say how FIGO "
    "groups it",
    "[figo2009][notes]") {
    const Result lms = staged(uterine_case(3.0));
    CHECK(any_contains(lms.notes, "FIGO 2009 remains the current staging of uterine sarcomas"));
    CHECK(any_contains(lms.notes, "chapter 54"));
    CHECK_FALSE(any_contains(lms.notes, "groups it with adenosarcoma"));  // the ESS note is for ESS only
    CHECK(any_contains(staged(uterine_case(3.0, Histology::ess)).notes, "groups it with adenosarcoma"));
}
