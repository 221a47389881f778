// AJCC 8th edition, soft tissue sarcoma by site (docs/rules.md §4): trunk and extremities (ch. 41)
// and retroperitoneum (ch. 44) with stage groups; head and neck (ch. 40) and visceral organs
// (ch. 42), T category only.
// Source: AJCC Cancer Staging Manual, 8th ed. (2017), chapters 40-42 and 44, as reprinted in NCI PDQ
// Soft Tissue Sarcoma Treatment (health professional), Tables 1-3. Expected values are written out
// from it here, never taken from the library.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "support/core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

// ---- The manual's tables, written out by hand ---------------------------------------------------

// Trunk and extremities, retroperitoneum: the N0 M0 rows T1 (<= 5 cm), T2 (> 5-10), T3 (> 10-15),
// T4 (> 15 cm); columns G1, G2, G3, GX (GX is grouped with G1).
constexpr StagesByGrade<4> k_n0_m0 = {{
    //  G1          G2           G3           GX
    {Stage::IA, Stage::II, Stage::II, Stage::IA},      // T1
    {Stage::IB, Stage::IIIA, Stage::IIIA, Stage::IB},  // T2
    {Stage::IB, Stage::IIIB, Stage::IIIB, Stage::IB},  // T3
    {Stage::IB, Stage::IIIB, Stage::IIIB, Stage::IB},  // T4
}};

/// M1 -> IV; else N1 -> IV (trunk and extremities) or IIIB (retroperitoneum); else the N0 M0 rows.
/// An unknown size (k_band_unknown) allows every T: the stages of all four rows.
StageSet expected_stages(bool retroperitoneum, int band, Grade g, bool n1, bool m1) {
    if (m1) {
        return {Stage::IV};
    }
    if (n1) {
        return {retroperitoneum ? Stage::IIIB : Stage::IV};
    }
    StageSet stages;
    for (int t = 0; t < 4; ++t) {
        if (band == k_band_unknown || band == t) {
            for (Grade each : grades_within(g)) {  // high, unknown: every grade they stand for
                stages.insert(stage_at(k_n0_m0, t, each));
            }
        }
    }
    return stages;
}

// T1 5 cm or less, T2 to 10 cm, T3 to 15 cm, T4 more: the sizes around 5, 10 and 15 cm.
const std::vector<NamedSize> k_sizes = sizes_around({5.0, 10.0, 15.0});

/// The sites with stage groups and the system each gives (docs/rules.md §8 system ids).
struct GroupedSite {
    Site site;
    bool retroperitoneum;
    const char* system_id;
};
constexpr std::array<GroupedSite, 3> k_grouped_sites = {{
    {Site::extremity, false, "ajcc8-sts-trunk-extremity"},
    {Site::trunk, false, "ajcc8-sts-trunk-extremity"},
    {Site::retroperitoneum, true, "ajcc8-sts-retroperitoneum"},
}};

constexpr std::array<std::optional<Depth>, 3> k_depths = {std::nullopt, Depth::superficial, Depth::deep};

/// Head and neck (ch. 40): T4a / T4b by invasion of adjoining structures, else T1 <= 2 cm,
/// T2 > 2-4 cm, T3 > 4 cm (no T4 by size); TX when the size is unknown and nothing is invaded.
std::string expected_head_neck_t(int band, const std::optional<AdjoiningInvasion>& invasion) {
    if (invasion == AdjoiningInvasion::t4a) {
        return "T4a";
    }
    if (invasion == AdjoiningInvasion::t4b) {
        return "T4b";
    }
    return t_of_band(band);
}

/// Visceral organs (ch. 42): multifocal T4a (2 sites), T4b (3-5), T4c (> 5), over any extent; else
/// T1 organ-confined, T2a serosa, T2b beyond the serosa, T3 another organ.
std::string expected_visceral_t(const std::optional<VisceralExtent>& extent, long long foci) {
    if (foci > 5) {
        return "T4c";
    }
    if (foci >= 3) {
        return "T4b";
    }
    if (foci == 2) {
        return "T4a";
    }
    switch (*extent) {
        case VisceralExtent::confined: return "T1";
        case VisceralExtent::serosa: return "T2a";
        case VisceralExtent::beyond_serosa: return "T2b";
        case VisceralExtent::other_organ: return "T3";
        case VisceralExtent::unknown: break;
    }
    return "?";
}

}  // namespace

// ---- Trunk and extremities, retroperitoneum: every input combination ------------------------------

TEST_CASE("AJCC 8 trunk/extremity/retroperitoneum exhaustive - size x grade x nodes x metastasis x depth x site",
          "[ajcc8][exhaustive]") {
    int staged_cases = 0;
    for_each_combination(
        [&](const NamedSize& size, Grade g, const std::optional<Finding>& nodes,
            const std::optional<Finding>& metastasis, const std::optional<Depth>& depth, const GroupedSite& site) {
            Case c = ajcc8_case(site.site, size.size, g);
            c.nodes = nodes;
            c.metastasis = metastasis;
            c.depth = depth;
            INFO("size " << size.label << ", grade " << name(g) << ", nodes " << optional_text(nodes) << ", metastasis "
                         << optional_text(metastasis) << ", depth " << optional_text(depth) << ", site "
                         << name(site.site));
            const bool n1 = nodes == Finding::present;
            const bool m1 = metastasis == Finding::present;
            const Result r = staged(c);
            ++staged_cases;
            // No depth letter in the 8th edition; N0 includes unknown nodal status (no NX).
            check_staging(r, site.system_id, expected_stages(site.retroperitoneum, size.band, g, n1, m1),
                          t_of_band(size.band), n1, m1);
            CHECK(r.categories.g == g_category(g));
            INFO("warnings:" << joined(r.warnings));
            CHECK(any_contains(r.warnings, "depth") == depth.has_value());
            CHECK(r.warnings.size() == (depth ? 1U : 0U));
            // SEER "Soft Tissue including Heart" (C38.0, C47, C49) leaves out C48.0.
            if (site.retroperitoneum) {
                CHECK(r.survival == nullptr);
            } else {
                REQUIRE(r.survival != nullptr);
                CHECK(r.survival->id == "soft-tissue-sarcoma");
            }
        },
        k_sizes, k_all_grades, k_omitted_no_yes_unknown, k_omitted_no_yes, k_depths, k_grouped_sites);
    CHECK(staged_cases == 21 * 6 * 4 * 3 * 3 * 3);
}

// ---- Named boundaries -----------------------------------------------------------------------------

TEST_CASE("AJCC 8 T - every size boundary (5, 10, 15 cm) belongs to the lower category, and sizes are not rounded",
          "[ajcc8][size]") {
    struct Boundary {
        Site site;
        Grade grade;
        double cm;
        const char* t_at;  ///< exactly at the boundary, in cm or mm
        const char* stage_at;
        const char* t_over;  ///< 0.01 cm, 0.1 mm or 0.0000001 cm over it
        const char* stage_over;
    };
    const std::array<Boundary, 6> boundaries = {{
        {Site::extremity, Grade::g1, 5.0, "T1", "IA", "T2", "IB"},
        {Site::extremity, Grade::g2, 5.0, "T1", "II", "T2", "IIIA"},
        {Site::trunk, Grade::g2, 10.0, "T2", "IIIA", "T3", "IIIB"},
        {Site::trunk, Grade::g3, 10.0, "T2", "IIIA", "T3", "IIIB"},
        {Site::retroperitoneum, Grade::g1, 15.0, "T3", "IB", "T4", "IB"},
        {Site::retroperitoneum, Grade::g3, 15.0, "T3", "IIIB", "T4", "IIIB"},
    }};
    for (const Boundary& b : boundaries) {
        const std::string at = std::string(name(b.site)) + ", G" + std::string(name(b.grade)) + ", ";
        auto sized = [&b](const Measured<Length>& size) { return ajcc8_case(b.site, size, b.grade); };
        check_named_cases({
            {at + "exactly " + std::to_string(b.cm) + " cm", sized(size_cm(b.cm)), b.t_at, b.stage_at},
            {at + "exactly " + std::to_string(b.cm * 10.0) + " mm", sized(size_mm(b.cm * 10.0)), b.t_at, b.stage_at},
            {at + "0.01 cm over", sized(size_cm(b.cm + 0.01)), b.t_over, b.stage_over},
            {at + "0.1 mm over", sized(size_mm(b.cm * 10.0 + 0.1)), b.t_over, b.stage_over},
            {at + "0.0000001 cm over (not rounded)", sized(size_cm(b.cm + 0.0000001)), b.t_over, b.stage_over},
        });
    }
}

TEST_CASE("AJCC 8 - the same extremity case is staged by AJCC 7 without edition 8", "[ajcc8][edition]") {
    Case c = ajcc8_case(Site::extremity, size_cm(7.0), Grade::g3);
    CHECK(stage_text(staged(c).stage) == "IIIA");
    c.edition = std::nullopt;
    const Result seventh = staged(c);
    CHECK(seventh.system.id == "ajcc7-sts");
    CHECK(stage_text(seventh.stage) == "III");
}

// ---- Head and neck: T only --------------------------------------------------------------------------

TEST_CASE("AJCC 8 head and neck - T by size (2 and 4 cm boundaries) or by invasion, never a stage",
          "[ajcc8][head-neck]") {
    // T1 2 cm or less, T2 to 4 cm, T3 more (40 cm is T3: no T4 by size).
    const std::vector<NamedSize> sizes = sizes_around({2.0, 4.0});
    const std::array<std::optional<AdjoiningInvasion>, 4> invasions = {std::nullopt, AdjoiningInvasion::none,
                                                                       AdjoiningInvasion::t4a, AdjoiningInvasion::t4b};
    for_each_combination(
        [](const NamedSize& size, const std::optional<AdjoiningInvasion>& invasion) {
            INFO(size.label << ", adjoining_invasion " << optional_text(invasion));
            const Result r = staged(head_neck_case(size.size, invasion));
            CHECK(r.system.id == "ajcc8-sts-head-neck");
            CHECK(r.categories.t == expected_head_neck_t(size.band, invasion));
            CHECK_FALSE(r.stage.has_value());
            CHECK(r.possible_stages.empty());
        },
        sizes, invasions);
}

// ---- Visceral organs: T only ----------------------------------------------------------------------------

TEST_CASE("AJCC 8 visceral - T by extent, multifocality over any extent, never a stage (site visceral or gi lms)",
          "[ajcc8][visceral]") {
    const std::array<Site, 2> doors = {Site::visceral, Site::gi};
    const std::array<std::optional<VisceralExtent>, 5> extents = {std::nullopt, VisceralExtent::confined,
                                                                  VisceralExtent::serosa, VisceralExtent::beyond_serosa,
                                                                  VisceralExtent::other_organ};
    const std::array<std::optional<long long>, 8> foci = {std::nullopt, 1, 2, 3, 4, 5, 6, 40};
    for_each_combination(
        [](Site site, const std::optional<VisceralExtent>& extent, const std::optional<long long>& sites) {
            if (!extent && sites.value_or(1) < 2) {
                return;  // a unifocal tumour needs its extent: a validation error (test_validation)
            }
            INFO("site " << name(site) << ", visceral_extent " << optional_text(extent) << ", foci "
                         << optional_text(sites));
            const Result r = staged(visceral_case(extent, sites, site));
            CHECK(r.system.id == "ajcc8-sts-visceral");
            CHECK(r.categories.t == expected_visceral_t(extent, sites.value_or(1)));
            CHECK_FALSE(r.stage.has_value());
            CHECK(r.possible_stages.empty());
        },
        doors, extents, foci);
}

TEST_CASE("AJCC 8 visceral - foci left out is taken as 1 and stated, foci given is not an assumption",
          "[ajcc8][visceral][assumptions]") {
    // An assumption that says the number of tumour sites was taken as 1.
    auto assumes_one_focus = [](const Result& r) {
        for (const std::string& line : r.assumptions) {
            const bool names_it = line.find("foci") != std::string::npos || line.find("sites") != std::string::npos ||
                                  line.find("unifocal") != std::string::npos;
            if (names_it && line.find('1') != std::string::npos) {
                return true;
            }
        }
        return false;
    };
    for (Site site : {Site::visceral, Site::gi}) {
        const Result r = staged(visceral_case(VisceralExtent::serosa, std::nullopt, site));
        INFO("site " << name(site) << "\nassumptions:" << joined(r.assumptions));
        CHECK(assumes_one_focus(r));
        CHECK(r.categories.t == "T2a");
    }
    const Result given = staged(visceral_case(VisceralExtent::serosa, 1));
    INFO("assumptions:" << joined(given.assumptions));
    CHECK_FALSE(assumes_one_focus(given));
}

// ---- Both T-only systems ----------------------------------------------------------------------------------

TEST_CASE("AJCC 8 head and neck, visceral - no stage even with N1 or M1, and a note says there is no grouping",
          "[ajcc8][head-neck][visceral]") {
    for (const Case& base : {head_neck_case(size_cm(3.0)), visceral_case(VisceralExtent::confined),
                             visceral_case(VisceralExtent::confined, std::nullopt, Site::gi)}) {
        for (const Case& c : {base, edited(base, [](Case& k) { k.nodes = Finding::present; }),
                              edited(base, [](Case& k) { k.metastasis = Finding::present; })}) {
            const Result r = staged(c);
            INFO("system " << r.system.id << ", nodes " << optional_text(c.nodes) << ", metastasis "
                           << optional_text(c.metastasis) << "\nnotes:" << joined(r.notes));
            CHECK(r.categories.n == (c.nodes == Finding::present ? "N1" : "N0"));
            CHECK(r.categories.m == (c.metastasis == Finding::present ? "M1" : "M0"));
            CHECK_FALSE(r.stage.has_value());
            CHECK(r.possible_stages.empty());
            CHECK(any_line_with_all(r.notes, {"8th edition", "no stage grouping"}));
        }
    }
}
