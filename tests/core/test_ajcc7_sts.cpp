// AJCC 7th edition, soft tissue sarcoma (docs/rules.md §1): the default system, and leiomyosarcoma
// of the GI tract, which the 7th edition does not stage.
// Source: AJCC Cancer Staging Manual, 7th ed. (2010), soft tissue sarcoma chapter; NCI SEER TNM 2.1
// table tnm7_stage_ubj. Expected values are written out from it here, never taken from the library.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "support/core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

// ---- The manual's table, written out by hand ----------------------------------------------------

// Anatomic stage / prognostic groups. M1 -> IV (any T, N, G); else N1 -> III (any T, G); else the
// N0 M0 rows T1 (<= 5 cm) and T2 (> 5 cm), by grade ("GX is grouped with G1").
constexpr StagesByGrade<2> k_n0_m0 = {{
    //  G1         G2          G3          GX
    {Stage::IA, Stage::IIA, Stage::IIA, Stage::IA},  // T1
    {Stage::IB, Stage::IIB, Stage::III, Stage::IB},  // T2
}};

Stage expected_stage(int band, Grade g, bool n1, bool m1) {
    return m1 ? Stage::IV : n1 ? Stage::III : stage_at(k_n0_m0, band, g);
}

/// A grade that stands for several FNCLCC grades (high, unknown) gives every stage they give.
StageSet expected_stages(int band, Grade g, bool n1, bool m1) {
    StageSet stages;
    for (Grade each : grades_within(g)) {
        stages.insert(expected_stage(band, each, n1, m1));
    }
    return stages;
}

/// T with the depth letter: a superficial, b deep, none when depth is not given; the
/// retroperitoneum is deep by definition.
std::string expected_t(int band, const std::optional<Site>& site, const std::optional<Depth>& depth) {
    const std::string t = t_of_band(band);
    if (site == Site::retroperitoneum || depth == Depth::deep) {
        return t + "b";
    }
    return depth == Depth::superficial ? t + "a" : t;
}

// T1 is "5 cm or less": the sizes around 5 cm (an unknown size is in test_unknowns).
const std::vector<NamedSize> k_sizes = [] {
    std::vector<NamedSize> sizes = sizes_around({5.0});
    sizes.pop_back();
    return sizes;
}();

constexpr std::array<std::optional<Depth>, 3> k_depths = {std::nullopt, Depth::superficial, Depth::deep};
/// Every AJCC 7 soft tissue site, and the site left out (soft tissue).
constexpr std::array<std::optional<Site>, 6> k_sites = {std::nullopt, Site::soft_tissue,     Site::extremity,
                                                        Site::trunk,  Site::retroperitoneum, Site::head_neck};

}  // namespace

// ---- Every input combination ----------------------------------------------------------------------

TEST_CASE("AJCC 7 STS exhaustive - size band x grade x nodes x metastasis x depth x site", "[ajcc7][exhaustive]") {
    int staged_cases = 0;
    for_each_combination(
        [&](const NamedSize& size, Grade g, const std::optional<Finding>& nodes,
            const std::optional<Finding>& metastasis, const std::optional<Depth>& depth,
            const std::optional<Site>& site) {
            Case c = soft_tissue_case(1.0, g);
            c.size = size.size;
            c.nodes = nodes;
            c.metastasis = metastasis;
            c.depth = depth;
            c.site = site;
            INFO("size " << size.label << ", grade " << name(g) << ", nodes " << optional_text(nodes) << ", metastasis "
                         << optional_text(metastasis) << ", depth " << optional_text(depth) << ", site "
                         << optional_text(site));
            if (site == Site::retroperitoneum && depth == Depth::superficial) {
                // Retroperitoneal tumours are deep by definition: an invalid case.
                const auto bad = case_error(c);
                REQUIRE(bad.has_value());
                CHECK(field_text(bad->field) == "depth");
                return;
            }
            const bool n1 = nodes == Finding::present;
            const bool m1 = metastasis == Finding::present;
            const Result r = staged(c);
            ++staged_cases;
            // Depth gives the T letter and never changes the stage.
            check_staging(r, "ajcc7-sts", expected_stages(size.band, g, n1, m1), expected_t(size.band, site, depth), n1,
                          m1);
            CHECK(r.categories.g == g_category(g));
        },
        k_sizes, k_all_grades, k_omitted_no_yes, k_omitted_no_yes, k_depths, k_sites);
    // 8 sizes x 6 grades x 3 nodes x 3 metastasis x (3 depths x 6 sites - 1 invalid pair)
    CHECK(staged_cases == 8 * 6 * 3 * 3 * (3 * 6 - 1));
}

// ---- Named boundaries -----------------------------------------------------------------------------

TEST_CASE("AJCC 7 T - every size boundary belongs to the lower category, and sizes are not rounded", "[ajcc7][size]") {
    auto sized = [](const Measured<Length>& size, Grade g) {
        Case c = soft_tissue_case(1.0, g);
        c.size = size;
        return c;
    };
    check_named_cases({
        {"4.99 cm G1", sized(size_cm(4.99), Grade::g1), "T1", "IA"},
        {"exactly 5.0 cm G1", sized(size_cm(5.0), Grade::g1), "T1", "IA"},
        {"exactly 5.0 cm G3", sized(size_cm(5.0), Grade::g3), "T1", "IIA"},
        {"5.01 cm G1", sized(size_cm(5.01), Grade::g1), "T2", "IB"},
        {"5.01 cm G3", sized(size_cm(5.01), Grade::g3), "T2", "III"},
        {"5.0000001 cm G1 (not rounded to 5)", sized(size_cm(5.0000001), Grade::g1), "T2", "IB"},
        {"49.9 mm G1", sized(size_mm(49.9), Grade::g1), "T1", "IA"},
        {"exactly 50 mm G2", sized(size_mm(50.0), Grade::g2), "T1", "IIA"},
        {"50.1 mm G2", sized(size_mm(50.1), Grade::g2), "T2", "IIB"},
        {"55 mm G3 (5.5 cm)", sized(size_mm(55.0), Grade::g3), "T2", "III"},
        {"5.5 cm G3", sized(size_cm(5.5), Grade::g3), "T2", "III"},
    });
}

TEST_CASE("AJCC 7 G - GX (grade cannot be assessed) is grouped with G1 and shown as GX", "[ajcc7][grade]") {
    const Result small = staged(soft_tissue_case(3.0, Grade::gx));
    CHECK(small.categories.g == "GX");
    CHECK(stage_text(small.stage) == "IA");  // T1 N0 M0 G1, GX
    const Result large = staged(soft_tissue_case(7.0, Grade::gx));
    CHECK(large.categories.g == "GX");
    CHECK(stage_text(large.stage) == "IB");  // T2 N0 M0 G1, GX
}

// ---- Edition and notes ----------------------------------------------------------------------------

TEST_CASE("AJCC 7 - explicit edition 7 stages the same and draws no warning", "[ajcc7]") {
    Case c = soft_tissue_case(7.0, Grade::g3);
    c.edition = 7;
    const Result r = staged(c);
    CHECK(stage_text(r.stage) == "III");
    INFO("warnings:" << joined(r.warnings));
    CHECK(r.warnings.empty());
}

TEST_CASE("AJCC 7 - every soft tissue result gives the 8th edition option for the case", "[ajcc7][notes]") {
    const Result generic = staged(soft_tissue_case(6.0, Grade::g3));
    CHECK(any_contains(generic.notes,
                       "add --edition 8 and name the site: --site extremity, trunk, "
                       "retroperitoneum or head-neck"));
    Case extremity = soft_tissue_case(6.0, Grade::g3);
    extremity.site = Site::extremity;
    const Result named = staged(extremity);
    CHECK(any_contains(named.notes, "to stage this case by it, add --edition 8"));
    CHECK_FALSE(any_contains(named.notes, "name the site"));
}

// ---- Leiomyosarcoma of the GI tract: outside the soft tissue chapter, not staged ----------------------

TEST_CASE("AJCC 7 GI leiomyosarcoma - no stage and no possible stages, edition 7 given or left out", "[ajcc7][gi]") {
    Case sized = gi_lms_case(7);
    sized.size = size_cm(7.0);
    sized.grade = Grade::g3;
    for (const Case& c : {gi_lms_case(std::nullopt), gi_lms_case(7), sized}) {
        const Result r = staged(c);
        INFO("edition " << optional_text(c.edition) << ", size " << (c.size ? "given" : "omitted")
                        << "\nnotes:" << joined(r.notes));
        CHECK(r.system.id == "ajcc7-gi-lms");
        CHECK_FALSE(r.stage.has_value());
        CHECK(r.possible_stages.empty());
        CHECK(any_line_with_all(r.notes, {"AJCC 7", "hollow viscera"}));
    }
}
