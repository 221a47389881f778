// UICC TNM 9th edition (2025), docs/rules.md §10: soft tissue sarcoma of the extremity and
// superficial trunk and of the retroperitoneum (one stage-group table), and GIST (gastric, and
// small intestine and other sites).
// Source: NHS England National Disease Registration Service, Cancer staging guidance sheets, TNM 9th
// edition: "Soft tissues" (UICC TNM 9 pp. 126-128) and "Gastrointestinal stromal tumours" (UICC TNM 9
// pp. 129-132). Expected values are written out from the sheets here, never taken from the library.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// ---- The sheets' tables, written out by hand ----------------------------------------------------

// Soft tissues, "Extremity and Superficial Trunk and Retroperitoneum": the N0 M0 rows T1 (<= 5 cm),
// T2 (> 5-10), T3 (> 10-15), T4 (> 15 cm); columns G1, G2, G3, GX ("G1, GX low grade"; "G2, G3 high
// grade"). Any T N1 M0 any G: IIIB. Any T any N M1 any G: IV.
constexpr StagesByGrade<4> k_sts_n0_m0 = {{
    //  G1          G2           G3           GX
    {Stage::IA, Stage::II, Stage::II, Stage::IA},      // T1
    {Stage::IB, Stage::IIIA, Stage::IIIA, Stage::IB},  // T2
    {Stage::IB, Stage::IIIB, Stage::IIIB, Stage::IB},  // T3
    {Stage::IB, Stage::IIIB, Stage::IIIB, Stage::IB},  // T4
}};

StageSet expected_sts(int band, Grade g, bool n1, bool m1) {
    if (m1) {
        return {Stage::IV};
    }
    if (n1) {
        return {Stage::IIIB};  // the same for extremity, superficial trunk and retroperitoneum
    }
    StageSet stages;
    for (int t = 0; t < 4; ++t) {
        if (band == k_band_unknown || band == t) {
            for (Grade each : grades_within(g)) {
                stages.insert(stage_at(k_sts_n0_m0, t, each));
            }
        }
    }
    return stages;
}

const std::vector<NamedSize> k_sts_sizes = sizes_around({5.0, 10.0, 15.0});

struct UiccSite {
    Site site;
    const char* system_id;
};
constexpr std::array<UiccSite, 3> k_sts_sites = {{
    {Site::extremity, "uicc9-sts-trunk-extremity"},
    {Site::trunk, "uicc9-sts-trunk-extremity"},
    {Site::retroperitoneum, "uicc9-sts-retroperitoneum"},
}};

Case uicc9_case(Site site, const Measured<Length>& size, Grade grade) {
    Case c;
    c.site = site;
    c.edition = k_uicc9;
    c.size = size;
    c.grade = grade;
    return c;
}

/// NX where the nodes are explicitly unknown: UICC keeps the category (staged as N0).
std::string expected_n(const std::optional<Finding>& nodes) {
    if (nodes == Finding::present) {
        return "N1";
    }
    return nodes == Finding::unknown ? "NX" : "N0";
}

// GIST, N0 M0: rows T1 (<= 2 cm), T2 (> 2-5), T3 (> 5-10), T4 (> 10 cm); columns mitotic rate low
// (5 or fewer per 50 HPF), high (over 5). Any T N1 M0 and any T any N M1: IV.
// "Gastric GIST (including primary omental)": IA T1, T2 low; IB T3 low; II T1, T2 high and T4 low;
// IIIA T3 high; IIIB T4 high.
constexpr std::array<std::array<Stage, 2>, 4> k_gist_gastric = {{
    {Stage::IA, Stage::II},    // T1
    {Stage::IA, Stage::II},    // T2
    {Stage::IB, Stage::IIIA},  // T3
    {Stage::II, Stage::IIIB},  // T4
}};
// "Non gastric (small intestine and other sites) GIST": I T1, T2 low; II T3 low; IIIA T1 high and T4
// low; IIIB T2, T3, T4 high.
constexpr std::array<std::array<Stage, 2>, 4> k_gist_other = {{
    {Stage::I, Stage::IIIA},     // T1
    {Stage::I, Stage::IIIB},     // T2
    {Stage::II, Stage::IIIB},    // T3
    {Stage::IIIA, Stage::IIIB},  // T4
}};

constexpr int k_rate_unknown = -1;

StageSet expected_gist(bool gastric, int band, int rate, bool n1, bool m1) {
    if (n1 || m1) {
        return {Stage::IV};
    }
    const auto& table = gastric ? k_gist_gastric : k_gist_other;
    StageSet stages;
    for (int t = 0; t < 4; ++t) {
        for (int r = 0; r < 2; ++r) {
            if ((band == k_band_unknown || band == t) && (rate == k_rate_unknown || rate == r)) {
                stages.insert(table[static_cast<std::size_t>(t)][static_cast<std::size_t>(r)]);
            }
        }
    }
    return stages;
}

const std::vector<NamedSize> k_gist_sizes = sizes_around({2.0, 5.0, 10.0});

struct NamedRate {
    const char* label;
    Measured<MitoticRate> rate;
    int category;  ///< 0 low, 1 high, k_rate_unknown
};
const std::array<NamedRate, 5> k_rates = {{
    {"rate 0", rate_of(0.0), 0},
    {"rate exactly 5", rate_of(5.0), 0},
    {"rate 5.01", rate_of(5.01), 1},
    {"rate 50", rate_of(50.0), 1},
    {"rate unknown", rate_unknown(), k_rate_unknown},
}};

/// The sheet: gastric criteria for the stomach and primary, solitary omental GISTs; the intestinal
/// criteria for the small intestine and "less common sites, such as oesophagus, colon, rectum and
/// mesentery".
struct GistSite {
    GiSite site;
    bool gastric;
};
constexpr std::array<GistSite, 10> k_gist_sites = {{
    {GiSite::stomach, true},
    {GiSite::omentum, true},
    {GiSite::small_intestine, false},
    {GiSite::duodenum, false},
    {GiSite::jejunum_ileum, false},
    {GiSite::esophagus, false},
    {GiSite::colorectum, false},
    {GiSite::rectum, false},
    {GiSite::mesentery, false},
    {GiSite::peritoneum, false},
}};

/// One combination of the soft tissue inputs, and its case.
struct StsCombination {
    const NamedSize& size;
    Grade g;
    const std::optional<Finding>& nodes;
    const std::optional<Finding>& metastasis;
    const UiccSite& site;
    Case input;
};

/// Calls `f` with every combination of size (around 5, 10 and 15 cm), grade, nodes (omitted, no,
/// yes, unknown), metastasis (omitted, no, yes) and site, the combination named in any failure.
template <typename F>
void for_each_sts_combination(F&& f) {
    for_each_combination(
        [&](const NamedSize& size, Grade g, const std::optional<Finding>& nodes,
            const std::optional<Finding>& metastasis, const UiccSite& site) {
            Case c = uicc9_case(site.site, size.size, g);
            c.nodes = nodes;
            c.metastasis = metastasis;
            INFO("size " << size.label << ", grade " << name(g) << ", nodes " << optional_text(nodes) << ", metastasis "
                         << optional_text(metastasis) << ", site " << name(site.site));
            f(StsCombination{size, g, nodes, metastasis, site, c});
        },
        k_sts_sizes, k_all_grades, k_omitted_no_yes_unknown, k_omitted_no_yes, k_sts_sites);
}

}  // namespace

// ---- Soft tissue: every input combination ----------------------------------------------------------

TEST_CASE("UICC 9 soft tissue exhaustive - size x grade x nodes x metastasis x site", "[uicc9][exhaustive]") {
    int staged_cases = 0;
    for_each_sts_combination([&](const StsCombination& x) {
        const auto& [size, g, nodes, metastasis, site, c] = x;
        const bool n1 = nodes == Finding::present;
        const bool m1 = metastasis == Finding::present;
        const Result r = staged(c);
        ++staged_cases;
        const StageSet expected = expected_sts(size.band, g, n1, m1);
        CHECK(r.system.id == site.system_id);
        CHECK(r.system.grouping == Grouping::ajcc);
        CHECK(stages_text(r.possible_stages) == stages_text(expected));
        CHECK(stage_text(r.stage) == stage_text(expected.single()));
        CHECK(r.categories.t == t_of_band(size.band));
        CHECK(r.categories.n == expected_n(nodes));
        CHECK(r.categories.m == (m1 ? "M1" : "M0"));
        CHECK(r.categories.g == g_category(g));
        INFO("notes:" << joined(r.notes));
        CHECK(any_contains(r.notes, "NX") == (nodes == Finding::unknown));
        CHECK(any_contains(r.notes, "N1 M0 is stage IIIB") == (n1 && !m1 && site.site != Site::retroperitoneum));
        INFO("warnings:" << joined(r.warnings));
        CHECK(r.warnings.empty());
        // Survival: the table AJCC 8 uses for the same site (SEER Soft Tissue including Heart leaves
        // out the retroperitoneum, C48.0).
        if (site.site == Site::retroperitoneum) {
            CHECK(r.survival == nullptr);
        } else {
            REQUIRE(r.survival != nullptr);
            CHECK(r.survival->id == "soft-tissue-sarcoma");
        }
    });
    CHECK(staged_cases == 21 * 6 * 4 * 3 * 3);
}

// The one difference in the stage groups: N1 M0 at the extremity or superficial trunk is IIIB under
// UICC 9 and IV under AJCC 8 (the sheet's footnote); every other combination stages alike, and the
// summary stage and survival row never differ.
TEST_CASE("UICC 9 and AJCC 8 soft tissue differ exactly at N1 M0 of the extremity and trunk", "[uicc9][ajcc8]") {
    int differing = 0;
    for_each_sts_combination([&](const StsCombination& x) {
        Case c = x.input;
        const Result uicc = staged(c);
        c.edition = 8;
        const Result ajcc = staged(c);
        const bool n1_m0 = x.nodes == Finding::present && x.metastasis != Finding::present;
        const bool differs = n1_m0 && x.site.site != Site::retroperitoneum;
        CHECK((uicc.possible_stages != ajcc.possible_stages) == differs);
        if (differs) {
            ++differing;
            CHECK(stages_text(uicc.possible_stages) == "IIIB");
            CHECK(stages_text(ajcc.possible_stages) == "IV");
        }
        CHECK(uicc.summary_stage == ajcc.summary_stage);
        CHECK(uicc.survival == ajcc.survival);
    });
    CHECK(differing == 21 * 6 * 1 * 2 * 2);  // sizes x grades x nodes yes x metastasis omitted/no x 2 sites
}

TEST_CASE("UICC 9 - extremity 6 cm G3 with nodes is IIIB, and IV under AJCC 8", "[uicc9][ajcc8]") {
    Case c = uicc9_case(Site::extremity, size_cm(6.0), Grade::g3);
    c.nodes = Finding::present;
    const Result uicc = staged(c);
    CHECK(uicc.categories.t == "T2");
    CHECK(uicc.categories.n == "N1");
    CHECK(stage_text(uicc.stage) == "IIIB");
    c.edition = 8;
    CHECK(stage_text(staged(c).stage) == "IV");
}

// ---- Named boundaries -----------------------------------------------------------------------------

TEST_CASE("UICC 9 soft tissue T - every size boundary (5, 10, 15 cm) belongs to the lower category", "[uicc9][size]") {
    struct Boundary {
        Site site;
        Grade grade;
        double cm;
        const char* t_at;
        const char* stage_at;
        const char* t_over;
        const char* stage_over;
    };
    const std::array<Boundary, 6> boundaries = {{
        {Site::extremity, Grade::g1, 5.0, "T1", "IA", "T2", "IB"},
        {Site::extremity, Grade::g2, 5.0, "T1", "II", "T2", "IIIA"},
        {Site::trunk, Grade::g2, 10.0, "T2", "IIIA", "T3", "IIIB"},
        {Site::trunk, Grade::gx, 10.0, "T2", "IB", "T3", "IB"},
        {Site::retroperitoneum, Grade::g1, 15.0, "T3", "IB", "T4", "IB"},
        {Site::retroperitoneum, Grade::g3, 15.0, "T3", "IIIB", "T4", "IIIB"},
    }};
    for (const Boundary& b : boundaries) {
        const std::string at = std::string(name(b.site)) + ", G" + std::string(name(b.grade)) + ", ";
        auto sized = [&b](const Measured<Length>& size) { return uicc9_case(b.site, size, b.grade); };
        check_named_cases({
            {at + "exactly " + std::to_string(b.cm) + " cm", sized(size_cm(b.cm)), b.t_at, b.stage_at},
            {at + "exactly " + std::to_string(b.cm * 10.0) + " mm", sized(size_mm(b.cm * 10.0)), b.t_at, b.stage_at},
            {at + "0.01 cm over", sized(size_cm(b.cm + 0.01)), b.t_over, b.stage_over},
            {at + "0.0000001 cm over (not rounded)", sized(size_cm(b.cm + 0.0000001)), b.t_over, b.stage_over},
        });
    }
}

// ---- GIST: every input combination -----------------------------------------------------------------

TEST_CASE("UICC 9 GIST exhaustive - size band x mitotic rate x gi_site x nodes x metastasis",
          "[uicc9][gist][exhaustive]") {
    int staged_cases = 0;
    for_each_combination(
        [&](const NamedSize& size, const NamedRate& rate, const GistSite& site, const std::optional<Finding>& nodes,
            const std::optional<Finding>& metastasis) {
            Case c = gist_case(site.site, size.size, rate.rate, k_uicc9);
            c.nodes = nodes;
            c.metastasis = metastasis;
            INFO("size " << size.label << ", " << rate.label << ", gi_site " << name(site.site) << ", nodes "
                         << optional_text(nodes) << ", metastasis " << optional_text(metastasis));
            const bool n1 = nodes == Finding::present;
            const bool m1 = metastasis == Finding::present;
            const Result r = staged(c);
            ++staged_cases;
            const StageSet expected = expected_gist(site.gastric, size.band, rate.category, n1, m1);
            CHECK(r.system.id == "uicc9-gist");
            CHECK(stages_text(r.possible_stages) == stages_text(expected));
            CHECK(stage_text(r.stage) == stage_text(expected.single()));
            CHECK(r.categories.t == t_of_band(size.band));
            CHECK(r.categories.n == expected_n(nodes));
            CHECK(r.categories.m == (m1 ? "M1" : "M0"));
            CHECK(r.categories.g.empty());
            REQUIRE(r.survival != nullptr);
            CHECK(r.survival->id == "gist");
            // The risk of progression beside the stage, as under AJCC: not for N1 or M1 (outside the
            // series of resected primary GIST, gist-risk-metastatic).
            CHECK(r.gist_risk.assessed == (nodes != Finding::present && !m1));
            // The sheet's groups are AJCC 8's: the same stages for the same case.
            c.edition = 8;
            CHECK(staged(c).possible_stages == r.possible_stages);
        },
        k_gist_sizes, k_rates, k_gist_sites, k_omitted_no_yes_unknown, k_omitted_no_yes);
    CHECK(staged_cases == 21 * 5 * 10 * 4 * 3);
}

TEST_CASE("UICC 9 GIST - size boundaries 2, 5, 10 cm and mitotic rate 5 belong to the lower category",
          "[uicc9][gist][size]") {
    auto gastric = [](const Measured<Length>& size, double rate) {
        return gist_case(GiSite::stomach, size, rate_of(rate), k_uicc9);
    };
    check_named_cases({
        {"stomach, exactly 2 cm, rate 5", gastric(size_cm(2.0), 5.0), "T1", "IA"},
        {"stomach, 2.01 cm, rate 5.01", gastric(size_cm(2.01), 5.01), "T2", "II"},
        {"stomach, exactly 5 cm, rate 5", gastric(size_cm(5.0), 5.0), "T2", "IA"},
        {"stomach, 5.01 cm, rate 5", gastric(size_cm(5.01), 5.0), "T3", "IB"},
        {"stomach, exactly 10 cm, rate 6", gastric(size_cm(10.0), 6.0), "T3", "IIIA"},
        {"stomach, 10.01 cm, rate 6", gastric(size_cm(10.01), 6.0), "T4", "IIIB"},
        {"jejunum-ileum, exactly 2 cm, rate 6", gist_case(GiSite::jejunum_ileum, size_cm(2.0), rate_of(6.0), k_uicc9),
         "T1", "IIIA"},
        {"jejunum-ileum, 2.01 cm, rate 6", gist_case(GiSite::jejunum_ileum, size_cm(2.01), rate_of(6.0), k_uicc9), "T2",
         "IIIB"},
    });
}

// ---- Where UICC 9 is not applied ----------------------------------------------------------------------

TEST_CASE("UICC 9 - sites lmsstage does not stage under UICC 9 are refused, saying what to give",
          "[uicc9][validation]") {
    struct Refused {
        const char* label;
        Case c;
        Field field;
        const char* says;
    };
    Case gi_lms = gi_lms_case(k_uicc9);
    gi_lms.visceral_extent = VisceralExtent::confined;
    const std::vector<Refused> rows = {
        {"head and neck", uicc9_case(Site::head_neck, size_cm(3.0), Grade::g2), Field::edition, "edition 8"},
        {"head and neck organ", uicc9_case(Site::head_neck_organ, size_cm(3.0), Grade::g2), Field::edition,
         "edition 8"},
        {"visceral", uicc9_case(Site::visceral, size_cm(3.0), Grade::g2), Field::edition, "edition 8"},
        {"gi leiomyosarcoma", gi_lms, Field::edition, "edition 8"},
        {"soft-tissue (no site named)", uicc9_case(Site::soft_tissue, size_cm(3.0), Grade::g2), Field::site,
         "extremity, trunk or retroperitoneum"},
    };
    for (const Refused& row : rows) {
        INFO(row.label);
        const std::optional<CaseError> error = validate(row.c);
        REQUIRE(error.has_value());
        CHECK(error->field == row.field);
        CHECK(contains(error->problem, row.says));
    }
    Case no_site = uicc9_case(Site::extremity, size_cm(3.0), Grade::g2);
    no_site.site.reset();
    const std::optional<CaseError> error = validate(no_site);
    REQUIRE(error.has_value());
    CHECK(error->field == Field::site);
    CHECK(contains(error->problem, "is required with edition uicc9"));
}

TEST_CASE("UICC 9 - depth is not used, and says so", "[uicc9]") {
    Case c = uicc9_case(Site::trunk, size_cm(3.0), Grade::g1);
    c.depth = Depth::deep;
    const Result r = staged(c);
    CHECK(stage_text(r.stage) == "IA");
    REQUIRE(r.warnings.size() == 1);
    CHECK(contains(r.warnings[0], "UICC TNM 9 has no depth subcategory"));
}

TEST_CASE("UICC 9 - every rule set lists its differences from AJCC 8 and cites the UICC pages", "[uicc9][rules]") {
    for (const RuleSet* rules : {&uicc9_sts_trunk_extremity_rules(), &uicc9_sts_retroperitoneum_rules(),
                                 &uicc9_gist_gastric_rules(), &uicc9_gist_other_rules()}) {
        INFO(rules->system.name);
        bool lists_nx = false;
        for (std::string_view note : rules->notes) {
            lists_nx = lists_nx || contains(note, "Differs from AJCC 8: NX is kept");
        }
        CHECK(lists_nx);
        CHECK(contains(rules->source, "UICC TNM Classification of Malignant Tumours, 9th ed. (2025)"));
        CHECK(contains(rules->source, "NDRS"));
    }
    bool lists_iiib = false;
    for (std::string_view note : uicc9_sts_trunk_extremity_rules().notes) {
        lists_iiib = lists_iiib || contains(note, "Differs from AJCC 8: N1 M0 is stage IIIB");
    }
    CHECK(lists_iiib);
}
