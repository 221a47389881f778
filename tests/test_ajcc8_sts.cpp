// AJCC 8th edition, soft tissue sarcoma by site (docs/rules.md §4 and 5; docs/rules.md §8 fields
// site, edition, adjoining_invasion, visceral_extent, foci; docs/rules.md §6-7 table choice).
// Expected values are written out from the spec here; nothing is derived from the library's tables.
#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

// ---- The spec, written out by hand -------------------------------------------------------------

// docs/rules.md §4, trunk & extremities and retroperitoneum, N0 M0.
// Rows T1 (<= 5 cm), T2 (> 5-10), T3 (> 10-15), T4 (> 15 cm); columns G1, G2, G3, GX (GX with G1).
// IA T1 G1/GX; IB T2-T4 G1/GX; II T1 G2/G3; IIIA T2 G2/G3; IIIB T3-T4 G2/G3.
constexpr std::array<std::array<const char*, 4>, 4> k_stage_n0_m0 = {{
    //  G1     G2      G3      GX
    {"IA", "II", "II", "IA"},        // T1
    {"IB", "IIIA", "IIIA", "IB"},    // T2
    {"IB", "IIIB", "IIIB", "IB"},    // T3
    {"IB", "IIIB", "IIIB", "IB"},    // T4
}};

/// Every stage of these two systems, in stage order (for writing an expected set).
constexpr std::array<std::string_view, 6> k_stage_order = {"IA", "IB", "II", "IIIA", "IIIB", "IV"};

constexpr int k_unknown = -1;

/// docs/rules.md §4: M1 -> IV; else N1 -> IV (trunk & extremities) or IIIB (retroperitoneum);
/// else the N0 M0 table. `t` 0..3 = T1..T4, or k_unknown (size unknown: every T). "IA, IB" in stage order.
std::string expected_stages(bool retroperitoneum, int t, Grade g, bool n1, bool m1) {
    if (m1) {
        return "IV";
    }
    if (n1) {
        return retroperitoneum ? "IIIB" : "IV";
    }
    std::array<bool, k_stage_order.size()> in{};
    for (int ti = 0; ti < 4; ++ti) {
        if (t != k_unknown && ti != t) {
            continue;
        }
        const std::string_view stage = k_stage_n0_m0[static_cast<std::size_t>(ti)][grade_column(g)];
        for (std::size_t i = 0; i < k_stage_order.size(); ++i) {
            in[i] = in[i] || k_stage_order[i] == stage;
        }
    }
    std::string text;
    for (std::size_t i = 0; i < k_stage_order.size(); ++i) {
        if (in[i]) {
            text += text.empty() ? "" : ", ";
            text += k_stage_order[i];
        }
    }
    return text;
}

std::string expected_stage(bool retroperitoneum, int t, Grade g, bool n1, bool m1) {
    const std::string set = expected_stages(retroperitoneum, t, g, n1, m1);
    return set.find(',') == std::string::npos ? set : "undetermined";
}

/// A size as entered and its T band (0..3 = T1..T4; boundaries belong to the lower band).
struct SizeBand {
    const char* label;
    Measured<Length> size;
    int t;
};

const std::array<SizeBand, 15> k_sizes = {{
    {"0.5 cm", size_cm(0.5), 0},
    {"exactly 5.0 cm", size_cm(5.0), 0},
    {"5.01 cm", size_cm(5.01), 1},
    {"exactly 10.0 cm", size_cm(10.0), 1},
    {"10.01 cm", size_cm(10.01), 2},
    {"exactly 15.0 cm", size_cm(15.0), 2},
    {"15.01 cm", size_cm(15.01), 3},
    {"40 cm", size_cm(40.0), 3},
    {"exactly 50 mm", size_mm(50.0), 0},
    {"50.1 mm", size_mm(50.1), 1},
    {"exactly 100 mm", size_mm(100.0), 1},
    {"100.1 mm", size_mm(100.1), 2},
    {"exactly 150 mm", size_mm(150.0), 2},
    {"150.1 mm", size_mm(150.1), 3},
    {"size unknown", size_unknown(), k_unknown},
}};

constexpr std::array<const char*, 4> k_t_names = {"T1", "T2", "T3", "T4"};
constexpr std::array<Grade, 4> k_grades = {Grade::g1, Grade::g2, Grade::g3, Grade::gx};

/// The AJCC 8 sites with stage groups, and the system id each gives (docs/rules.md §8).
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

constexpr std::array<std::optional<Finding>, 4> k_nodes = {std::nullopt, Finding::absent, Finding::present,
                                                           Finding::unknown};
constexpr std::array<std::optional<Finding>, 3> k_metastasis = {std::nullopt, Finding::absent, Finding::present};
constexpr std::array<std::optional<Depth>, 3> k_depths = {std::nullopt, Depth::superficial, Depth::deep};

std::string opt_text(const std::optional<Finding>& f) { return f ? std::string(name(*f)) : "omitted"; }
std::string opt_text(const std::optional<Depth>& d) { return d ? std::string(name(*d)) : "omitted"; }

/// An AJCC 8 case: site, edition 8, size and grade; nothing else given.
Case ajcc8(Site site, const Measured<Length>& size, Grade g) {
    Case c;
    c.site = site;
    c.edition = 8;
    c.size = size;
    c.grade = g;
    return c;
}

Case extremity(double cm, Grade g) { return ajcc8(Site::extremity, size_cm(cm), g); }
Case trunk(double cm, Grade g) { return ajcc8(Site::trunk, size_cm(cm), g); }
Case retro(double cm, Grade g) { return ajcc8(Site::retroperitoneum, size_cm(cm), g); }

/// A head and neck case, edition 8, with size (grade given, as registries send it).
Case head_neck(const Measured<Length>& size, std::optional<AdjoiningInvasion> invasion = std::nullopt) {
    Case c = ajcc8(Site::head_neck, size, Grade::g2);
    c.adjoining_invasion = invasion;
    return c;
}

/// A visceral case, edition 8, site visceral, with extent and foci (nullopt = omitted).
Case visceral(std::optional<VisceralExtent> extent, std::optional<long long> foci = std::nullopt) {
    Case c;
    c.site = Site::visceral;
    c.edition = 8;
    c.visceral_extent = extent;
    c.foci = foci;
    return c;
}

/// A leiomyosarcoma of the GI tract (site gi, histology lms) with extent and foci, edition 8.
Case gi_lms(std::optional<VisceralExtent> extent, std::optional<long long> foci = std::nullopt) {
    Case c = visceral(extent, foci);
    c.site = Site::gi;
    c.histology = Histology::lms;
    return c;
}

std::string stage_of(const Case& c) { return stage_text(staged(c).stage); }
std::string possible_of(const Case& c) { return stages_text(staged(c).possible_stages); }
std::string summary_of(const Case& c) { return summary_text(staged(c).summary_stage); }

/// The note of a system with no stage grouping: says the 8th edition has no stage grouping.
bool says_no_stage_grouping(const Result& r) { return any_line_with_all(r.notes, {"8th edition", "no stage grouping"}); }

}  // namespace

// ---- Trunk & extremities and retroperitoneum: exhaustive -----------------------------------------

TEST_CASE("AJCC 8 trunk/extremity/retroperitoneum exhaustive - size x grade x nodes x metastasis x depth x site",
          "[ajcc8][exhaustive]") {
    int staged_cases = 0;
    for (const SizeBand& band : k_sizes) {
        for (Grade g : k_grades) {
            for (const auto& nodes : k_nodes) {
                for (const auto& metastasis : k_metastasis) {
                    for (const auto& depth : k_depths) {
                        for (const GroupedSite& site : k_grouped_sites) {
                            Case c = ajcc8(site.site, band.size, g);
                            c.nodes = nodes;
                            c.metastasis = metastasis;
                            c.depth = depth;
                            INFO("size " << band.label << ", grade " << name(g) << ", nodes " << opt_text(nodes)
                                         << ", metastasis " << opt_text(metastasis) << ", depth " << opt_text(depth)
                                         << ", site " << name(site.site));
                            const bool n1 = nodes == Finding::present;
                            const bool m1 = metastasis == Finding::present;
                            const Result r = staged(c);
                            ++staged_cases;
                            CHECK(r.system.id == site.system_id);
                            CHECK(stage_text(r.stage) == expected_stage(site.retroperitoneum, band.t, g, n1, m1));
                            CHECK(stages_text(r.possible_stages) ==
                                  expected_stages(site.retroperitoneum, band.t, g, n1, m1));
                            // No depth letter in the 8th edition.
                            CHECK(r.categories.t ==
                                  (band.t == k_unknown ? "TX" : k_t_names[static_cast<std::size_t>(band.t)]));
                            // N0 includes unknown nodal status (no NX).
                            CHECK(r.categories.n == (n1 ? "N1" : "N0"));
                            CHECK(r.categories.m == (m1 ? "M1" : "M0"));
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
                        }
                    }
                }
            }
        }
    }
    CHECK(staged_cases == 15 * 4 * 4 * 3 * 3 * 3);
}

// ---- T boundaries (every boundary belongs to the lower category) ----------------------------------

TEST_CASE("AJCC 8 T - exactly 5.0 cm is T1 (G2: II)", "[ajcc8][size]") {
    CHECK(staged(extremity(5.0, Grade::g2)).categories.t == "T1");
    CHECK(stage_of(extremity(5.0, Grade::g2)) == "II");
}

TEST_CASE("AJCC 8 T - 5.01 cm is T2 (G2: IIIA)", "[ajcc8][size]") {
    CHECK(staged(extremity(5.01, Grade::g2)).categories.t == "T2");
    CHECK(stage_of(extremity(5.01, Grade::g2)) == "IIIA");
}

TEST_CASE("AJCC 8 T - exactly 10.0 cm is T2 (G3: IIIA)", "[ajcc8][size]") {
    CHECK(staged(trunk(10.0, Grade::g3)).categories.t == "T2");
    CHECK(stage_of(trunk(10.0, Grade::g3)) == "IIIA");
}

TEST_CASE("AJCC 8 T - 10.01 cm is T3 (G3: IIIB)", "[ajcc8][size]") {
    CHECK(staged(trunk(10.01, Grade::g3)).categories.t == "T3");
    CHECK(stage_of(trunk(10.01, Grade::g3)) == "IIIB");
}

TEST_CASE("AJCC 8 T - exactly 15.0 cm is T3", "[ajcc8][size]") {
    CHECK(staged(retro(15.0, Grade::g1)).categories.t == "T3");
    CHECK(stage_of(retro(15.0, Grade::g1)) == "IB");
}

TEST_CASE("AJCC 8 T - 15.01 cm is T4", "[ajcc8][size]") {
    CHECK(staged(retro(15.01, Grade::g1)).categories.t == "T4");
    CHECK(stage_of(retro(15.01, Grade::g1)) == "IB");
}

TEST_CASE("AJCC 8 T - exactly 50 mm is T1, 50.1 mm is T2", "[ajcc8][size]") {
    CHECK(staged(ajcc8(Site::extremity, size_mm(50.0), Grade::g1)).categories.t == "T1");
    CHECK(stage_of(ajcc8(Site::extremity, size_mm(50.0), Grade::g1)) == "IA");
    CHECK(staged(ajcc8(Site::extremity, size_mm(50.1), Grade::g1)).categories.t == "T2");
    CHECK(stage_of(ajcc8(Site::extremity, size_mm(50.1), Grade::g1)) == "IB");
}

TEST_CASE("AJCC 8 T - exactly 100 mm is T2, 100.1 mm is T3", "[ajcc8][size]") {
    CHECK(staged(ajcc8(Site::trunk, size_mm(100.0), Grade::g2)).categories.t == "T2");
    CHECK(stage_of(ajcc8(Site::trunk, size_mm(100.0), Grade::g2)) == "IIIA");
    CHECK(staged(ajcc8(Site::trunk, size_mm(100.1), Grade::g2)).categories.t == "T3");
    CHECK(stage_of(ajcc8(Site::trunk, size_mm(100.1), Grade::g2)) == "IIIB");
}

TEST_CASE("AJCC 8 T - exactly 150 mm is T3, 150.1 mm is T4", "[ajcc8][size]") {
    CHECK(staged(ajcc8(Site::retroperitoneum, size_mm(150.0), Grade::g3)).categories.t == "T3");
    CHECK(staged(ajcc8(Site::retroperitoneum, size_mm(150.1), Grade::g3)).categories.t == "T4");
}

TEST_CASE("AJCC 8 T - 5.0000001 cm is already T2 (the entered value is not rounded)", "[ajcc8][size]") {
    CHECK(staged(extremity(5.0000001, Grade::g1)).categories.t == "T2");
}

TEST_CASE("AJCC 8 T - no depth letter, whatever the depth given", "[ajcc8][size][depth]") {
    for (Depth depth : {Depth::superficial, Depth::deep}) {
        INFO("depth " << name(depth));
        Case small = extremity(3.0, Grade::g1);
        small.depth = depth;
        CHECK(staged(small).categories.t == "T1");
        Case large = trunk(7.0, Grade::g1);
        large.depth = depth;
        CHECK(staged(large).categories.t == "T2");
    }
}

// ---- One stage-table cell per test ---------------------------------------------------------------

namespace {

/// Stages the N0 M0 cell at extremity, trunk and retroperitoneum (the N0 M0 table is shared).
void check_cell(double cm, Grade g, const char* expected) {
    for (const GroupedSite& site : k_grouped_sites) {
        Case c = ajcc8(site.site, size_cm(cm), g);
        c.nodes = Finding::absent;
        c.metastasis = Finding::absent;
        INFO("site " << name(site.site) << ", " << cm << " cm, grade " << name(g));
        CHECK(stage_of(c) == expected);
    }
}

}  // namespace

TEST_CASE("AJCC 8 stage IA - T1 N0 M0 G1", "[ajcc8][stage]") { check_cell(3.0, Grade::g1, "IA"); }
TEST_CASE("AJCC 8 stage IA - T1 N0 M0 GX (GX is grouped with G1)", "[ajcc8][stage]") {
    check_cell(3.0, Grade::gx, "IA");
}
TEST_CASE("AJCC 8 stage IB - T2 N0 M0 G1", "[ajcc8][stage]") { check_cell(7.0, Grade::g1, "IB"); }
TEST_CASE("AJCC 8 stage IB - T3 N0 M0 G1", "[ajcc8][stage]") { check_cell(12.0, Grade::g1, "IB"); }
TEST_CASE("AJCC 8 stage IB - T4 N0 M0 G1", "[ajcc8][stage]") { check_cell(20.0, Grade::g1, "IB"); }
TEST_CASE("AJCC 8 stage IB - T2 to T4 N0 M0 GX", "[ajcc8][stage]") {
    check_cell(7.0, Grade::gx, "IB");
    check_cell(12.0, Grade::gx, "IB");
    check_cell(20.0, Grade::gx, "IB");
}
TEST_CASE("AJCC 8 stage II - T1 N0 M0 G2", "[ajcc8][stage]") { check_cell(3.0, Grade::g2, "II"); }
TEST_CASE("AJCC 8 stage II - T1 N0 M0 G3", "[ajcc8][stage]") { check_cell(3.0, Grade::g3, "II"); }
TEST_CASE("AJCC 8 stage IIIA - T2 N0 M0 G2", "[ajcc8][stage]") { check_cell(7.0, Grade::g2, "IIIA"); }
TEST_CASE("AJCC 8 stage IIIA - T2 N0 M0 G3", "[ajcc8][stage]") { check_cell(7.0, Grade::g3, "IIIA"); }
TEST_CASE("AJCC 8 stage IIIB - T3 N0 M0 G2", "[ajcc8][stage]") { check_cell(12.0, Grade::g2, "IIIB"); }
TEST_CASE("AJCC 8 stage IIIB - T3 N0 M0 G3", "[ajcc8][stage]") { check_cell(12.0, Grade::g3, "IIIB"); }
TEST_CASE("AJCC 8 stage IIIB - T4 N0 M0 G2", "[ajcc8][stage]") { check_cell(20.0, Grade::g2, "IIIB"); }
TEST_CASE("AJCC 8 stage IIIB - T4 N0 M0 G3", "[ajcc8][stage]") { check_cell(20.0, Grade::g3, "IIIB"); }

TEST_CASE("AJCC 8 stage IV - N1 M0 is IV for the extremities, any T and G", "[ajcc8][stage][nodes]") {
    for (double cm : {3.0, 7.0, 12.0, 20.0}) {
        for (Grade g : k_grades) {
            Case c = extremity(cm, g);
            c.nodes = Finding::present;
            INFO(cm << " cm, grade " << name(g));
            const Result r = staged(c);
            CHECK(r.categories.n == "N1");
            CHECK(stage_text(r.stage) == "IV");
        }
    }
}

TEST_CASE("AJCC 8 stage IV - N1 M0 is IV for the trunk, any T and G", "[ajcc8][stage][nodes]") {
    for (double cm : {3.0, 7.0, 12.0, 20.0}) {
        for (Grade g : k_grades) {
            Case c = trunk(cm, g);
            c.nodes = Finding::present;
            INFO(cm << " cm, grade " << name(g));
            CHECK(stage_of(c) == "IV");
        }
    }
}

TEST_CASE("AJCC 8 stage IIIB - N1 M0 is IIIB for the retroperitoneum, any T and G", "[ajcc8][stage][nodes]") {
    for (double cm : {3.0, 7.0, 12.0, 20.0}) {
        for (Grade g : k_grades) {
            Case c = retro(cm, g);
            c.nodes = Finding::present;
            c.metastasis = Finding::absent;
            INFO(cm << " cm, grade " << name(g));
            const Result r = staged(c);
            CHECK(r.categories.n == "N1");
            CHECK(stage_text(r.stage) == "IIIB");
        }
    }
}

TEST_CASE("AJCC 8 stage IV - M1 is IV at every grouped site, any T, N and G", "[ajcc8][stage][metastasis]") {
    for (const GroupedSite& site : k_grouped_sites) {
        for (double cm : {3.0, 7.0, 12.0, 20.0}) {
            for (Grade g : k_grades) {
                for (Finding nodes : {Finding::absent, Finding::present, Finding::unknown}) {
                    Case c = ajcc8(site.site, size_cm(cm), g);
                    c.nodes = nodes;
                    c.metastasis = Finding::present;
                    INFO("site " << name(site.site) << ", " << cm << " cm, grade " << name(g) << ", nodes "
                                 << name(nodes));
                    const Result r = staged(c);
                    CHECK(r.categories.m == "M1");
                    CHECK(stage_text(r.stage) == "IV");
                }
            }
        }
    }
}

// ---- Sites and system ids --------------------------------------------------------------------------

TEST_CASE("AJCC 8 sites - extremity is ajcc8-sts-trunk-extremity", "[ajcc8][site]") {
    CHECK(staged(extremity(3.0, Grade::g1)).system.id == "ajcc8-sts-trunk-extremity");
}

TEST_CASE("AJCC 8 sites - trunk is ajcc8-sts-trunk-extremity", "[ajcc8][site]") {
    CHECK(staged(trunk(3.0, Grade::g1)).system.id == "ajcc8-sts-trunk-extremity");
}

TEST_CASE("AJCC 8 sites - retroperitoneum is ajcc8-sts-retroperitoneum", "[ajcc8][site]") {
    CHECK(staged(retro(3.0, Grade::g1)).system.id == "ajcc8-sts-retroperitoneum");
}

TEST_CASE("AJCC 8 sites - head-neck is ajcc8-sts-head-neck", "[ajcc8][site][head-neck]") {
    CHECK(staged(head_neck(size_cm(3.0))).system.id == "ajcc8-sts-head-neck");
}

TEST_CASE("AJCC 8 sites - visceral is ajcc8-sts-visceral", "[ajcc8][site][visceral]") {
    CHECK(staged(visceral(VisceralExtent::confined)).system.id == "ajcc8-sts-visceral");
}

TEST_CASE("AJCC 8 sites - gi with histology lms is ajcc8-sts-visceral", "[ajcc8][site][visceral]") {
    CHECK(staged(gi_lms(VisceralExtent::confined)).system.id == "ajcc8-sts-visceral");
}

TEST_CASE("AJCC 8 sites - the same extremity case is staged by AJCC 7 without edition 8", "[ajcc8][site][edition]") {
    Case c = extremity(7.0, Grade::g3);
    c.edition = std::nullopt;
    const Result r = staged(c);
    CHECK(r.system.id == "ajcc7-sts");
    CHECK(stage_text(r.stage) == "III");
    c.edition = 8;
    CHECK(stage_of(c) == "IIIA");
}

// ---- Nodes: unknown is N0 (no NX), said in a note; omitted is N0, stated as an assumption -----------

TEST_CASE("AJCC 8 nodes unknown - N0, stage as N0 (7 cm G3 extremity is IIIA, not IIIA or IV)", "[ajcc8][nodes]") {
    Case c = extremity(7.0, Grade::g3);
    c.nodes = Finding::unknown;
    const Result r = staged(c);
    CHECK(r.categories.n == "N0");
    CHECK(stage_text(r.stage) == "IIIA");
    CHECK(stages_text(r.possible_stages) == "IIIA");
}

TEST_CASE("AJCC 8 nodes unknown - retroperitoneum N0 (3 cm G1 is IA, not IA or IIIB)", "[ajcc8][nodes]") {
    Case c = retro(3.0, Grade::g1);
    c.nodes = Finding::unknown;
    CHECK(stage_of(c) == "IA");
    CHECK(possible_of(c) == "IA");
}

TEST_CASE("AJCC 8 nodes unknown - a note says unknown nodes were counted as N0", "[ajcc8][nodes]") {
    for (const GroupedSite& site : k_grouped_sites) {
        Case c = ajcc8(site.site, size_cm(7.0), Grade::g2);
        c.nodes = Finding::unknown;
        const Result r = staged(c);
        INFO("site " << name(site.site) << "\nnotes:" << joined(r.notes));
        CHECK(any_line_with_all(r.notes, {"unknown", "N0"}));
    }
}

TEST_CASE("AJCC 8 nodes omitted - N0, stated as an assumption", "[ajcc8][nodes][assumptions]") {
    const Result r = staged(trunk(7.0, Grade::g2));
    INFO("assumptions:" << joined(r.assumptions));
    CHECK(r.categories.n == "N0");
    CHECK(any_contains(r.assumptions, "N0"));
}

TEST_CASE("AJCC 8 metastasis omitted - M0, stated as an assumption", "[ajcc8][metastasis][assumptions]") {
    const Result r = staged(trunk(7.0, Grade::g2));
    INFO("assumptions:" << joined(r.assumptions));
    CHECK(r.categories.m == "M0");
    CHECK(any_contains(r.assumptions, "M0"));
}

// ---- Size unknown (docs/rules.md §5): every stage consistent ------------------------------------

TEST_CASE("AJCC 8 size unknown - TX, G1 N0 M0: IA or IB, undetermined", "[ajcc8][unknowns]") {
    const Result r = staged(ajcc8(Site::extremity, size_unknown(), Grade::g1));
    CHECK(r.categories.t == "TX");
    CHECK_FALSE(r.stage.has_value());
    CHECK(stages_text(r.possible_stages) == "IA, IB");
}

TEST_CASE("AJCC 8 size unknown - G3 N0 M0: II, IIIA or IIIB", "[ajcc8][unknowns]") {
    CHECK(possible_of(ajcc8(Site::trunk, size_unknown(), Grade::g3)) == "II, IIIA, IIIB");
}

TEST_CASE("AJCC 8 size unknown - N1 is IV for the trunk and IIIB for the retroperitoneum", "[ajcc8][unknowns]") {
    Case t = ajcc8(Site::trunk, size_unknown(), Grade::g2);
    t.nodes = Finding::present;
    CHECK(stage_of(t) == "IV");
    Case r = ajcc8(Site::retroperitoneum, size_unknown(), Grade::g2);
    r.nodes = Finding::present;
    CHECK(stage_of(r) == "IIIB");
}

// ---- Depth: given -> a warning (not used in the 8th edition) ----------------------------------------

TEST_CASE("AJCC 8 depth - depth given is a warning, not an error, and does not change the stage", "[ajcc8][depth]") {
    for (const GroupedSite& site : k_grouped_sites) {
        for (Depth depth : {Depth::superficial, Depth::deep}) {
            Case c = ajcc8(site.site, size_cm(7.0), Grade::g2);
            c.depth = depth;
            INFO("site " << name(site.site) << ", depth " << name(depth));
            const Result r = staged(c);
            INFO("warnings:" << joined(r.warnings));
            CHECK(any_contains(r.warnings, "depth"));
            CHECK(stage_text(r.stage) == "IIIA");
        }
    }
}

TEST_CASE("AJCC 8 depth - depth given is a warning for head and neck too", "[ajcc8][depth][head-neck]") {
    Case c = head_neck(size_cm(3.0));
    c.depth = Depth::deep;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "depth"));
}

TEST_CASE("AJCC 8 depth - no depth given, no warning", "[ajcc8][depth]") {
    Case c = extremity(7.0, Grade::g2);
    c.nodes = Finding::absent;
    c.metastasis = Finding::absent;
    c.extension = Extension::confined;
    c.histology = Histology::lms;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(r.warnings.empty());
}

// ---- Summary stage and survival (soft tissue sarcoma table) --------------------------------------

TEST_CASE("AJCC 8 summary - adjacent-organ is regional for soft tissue (not distant as for GIST)", "[ajcc8][summary]") {
    for (const GroupedSite& site : k_grouped_sites) {
        Case c = ajcc8(site.site, size_cm(7.0), Grade::g2);
        c.extension = Extension::adjacent_organ;
        INFO("site " << name(site.site));
        CHECK(summary_of(c) == "regional");
    }
}

TEST_CASE("AJCC 8 summary - N1 is regional, M1 distant, confined localized", "[ajcc8][summary]") {
    Case confined = trunk(7.0, Grade::g2);
    confined.extension = Extension::confined;
    CHECK(summary_of(confined) == "localized");
    Case nodes = confined;
    nodes.nodes = Finding::present;
    CHECK(summary_of(nodes) == "regional");
    Case metastasis = confined;
    metastasis.metastasis = Finding::present;
    CHECK(summary_of(metastasis) == "distant");
}

TEST_CASE("AJCC 8 survival - trunk and extremity use soft-tissue-sarcoma, the retroperitoneum gets no table",
          "[ajcc8][survival]") {
    // SEER site recode "Soft Tissue including Heart": C38.0, C47, C49; the retroperitoneum is C48.0.
    for (const GroupedSite& site : k_grouped_sites) {
        INFO("site " << name(site.site));
        const Result r = staged(ajcc8(site.site, size_cm(7.0), Grade::g2));
        if (site.site == Site::retroperitoneum) {
            CHECK(r.survival == nullptr);
            CHECK(any_line_with_all(r.notes, {"no survival table", "retroperitoneum (C48.0)"}));
        } else {
            REQUIRE(r.survival != nullptr);
            CHECK(r.survival->id == "soft-tissue-sarcoma");
        }
    }
}

// ---- Head and neck: T only ---------------------------------------------------------------------------

TEST_CASE("AJCC 8 head-neck T - 1 cm is T1", "[ajcc8][head-neck]") {
    CHECK(staged(head_neck(size_cm(1.0))).categories.t == "T1");
}

TEST_CASE("AJCC 8 head-neck T - exactly 2.0 cm is T1", "[ajcc8][head-neck]") {
    CHECK(staged(head_neck(size_cm(2.0))).categories.t == "T1");
}

TEST_CASE("AJCC 8 head-neck T - 2.01 cm is T2", "[ajcc8][head-neck]") {
    CHECK(staged(head_neck(size_cm(2.01))).categories.t == "T2");
}

TEST_CASE("AJCC 8 head-neck T - exactly 4.0 cm is T2", "[ajcc8][head-neck]") {
    CHECK(staged(head_neck(size_cm(4.0))).categories.t == "T2");
}

TEST_CASE("AJCC 8 head-neck T - 4.01 cm is T3", "[ajcc8][head-neck]") {
    CHECK(staged(head_neck(size_cm(4.01))).categories.t == "T3");
}

TEST_CASE("AJCC 8 head-neck T - 20 cm is T3 (no T4 by size)", "[ajcc8][head-neck]") {
    CHECK(staged(head_neck(size_cm(20.0))).categories.t == "T3");
}

TEST_CASE("AJCC 8 head-neck T - exactly 20 mm is T1, 20.1 mm T2, exactly 40 mm T2, 40.1 mm T3", "[ajcc8][head-neck]") {
    CHECK(staged(head_neck(size_mm(20.0))).categories.t == "T1");
    CHECK(staged(head_neck(size_mm(20.1))).categories.t == "T2");
    CHECK(staged(head_neck(size_mm(40.0))).categories.t == "T2");
    CHECK(staged(head_neck(size_mm(40.1))).categories.t == "T3");
}

TEST_CASE("AJCC 8 head-neck T - adjoining_invasion none given is T by size", "[ajcc8][head-neck]") {
    CHECK(staged(head_neck(size_cm(1.0), AdjoiningInvasion::none)).categories.t == "T1");
    CHECK(staged(head_neck(size_cm(3.0), AdjoiningInvasion::none)).categories.t == "T2");
    CHECK(staged(head_neck(size_cm(5.0), AdjoiningInvasion::none)).categories.t == "T3");
}

TEST_CASE("AJCC 8 head-neck T - adjoining_invasion t4a is T4a whatever the size", "[ajcc8][head-neck]") {
    for (double cm : {1.0, 2.0, 3.0, 4.01, 20.0}) {
        INFO(cm << " cm");
        CHECK(staged(head_neck(size_cm(cm), AdjoiningInvasion::t4a)).categories.t == "T4a");
    }
}

TEST_CASE("AJCC 8 head-neck T - adjoining_invasion t4b is T4b whatever the size", "[ajcc8][head-neck]") {
    for (double cm : {1.0, 2.0, 3.0, 4.01, 20.0}) {
        INFO(cm << " cm");
        CHECK(staged(head_neck(size_cm(cm), AdjoiningInvasion::t4b)).categories.t == "T4b");
    }
}

TEST_CASE("AJCC 8 head-neck T - adjoining invasion decides even with size unknown", "[ajcc8][head-neck]") {
    CHECK(staged(head_neck(size_unknown(), AdjoiningInvasion::t4a)).categories.t == "T4a");
    CHECK(staged(head_neck(size_unknown(), AdjoiningInvasion::t4b)).categories.t == "T4b");
}

TEST_CASE("AJCC 8 head-neck T - size unknown, no invasion, is TX", "[ajcc8][head-neck][unknowns]") {
    CHECK(staged(head_neck(size_unknown(), AdjoiningInvasion::none)).categories.t == "TX");
}

TEST_CASE("AJCC 8 head-neck stage - null with no possible stages", "[ajcc8][head-neck]") {
    for (double cm : {1.0, 3.0, 10.0}) {
        for (std::optional<AdjoiningInvasion> invasion :
             {std::optional<AdjoiningInvasion>{}, std::optional<AdjoiningInvasion>{AdjoiningInvasion::none},
              std::optional<AdjoiningInvasion>{AdjoiningInvasion::t4a},
              std::optional<AdjoiningInvasion>{AdjoiningInvasion::t4b}}) {
            INFO(cm << " cm, adjoining_invasion " << (invasion ? std::string(name(*invasion)) : "omitted"));
            const Result r = staged(head_neck(size_cm(cm), invasion));
            CHECK_FALSE(r.stage.has_value());
            CHECK(r.possible_stages.empty());
        }
    }
}

TEST_CASE("AJCC 8 head-neck stage - null even with N1 or M1", "[ajcc8][head-neck]") {
    Case nodes = head_neck(size_cm(3.0));
    nodes.nodes = Finding::present;
    const Result with_nodes = staged(nodes);
    CHECK(with_nodes.categories.n == "N1");
    CHECK_FALSE(with_nodes.stage.has_value());
    CHECK(with_nodes.possible_stages.empty());
    Case metastasis = head_neck(size_cm(3.0));
    metastasis.metastasis = Finding::present;
    const Result with_metastasis = staged(metastasis);
    CHECK(with_metastasis.categories.m == "M1");
    CHECK_FALSE(with_metastasis.stage.has_value());
    CHECK(with_metastasis.possible_stages.empty());
}

TEST_CASE("AJCC 8 head-neck stage - a note says the 8th edition has no stage grouping", "[ajcc8][head-neck]") {
    const Result r = staged(head_neck(size_cm(3.0)));
    INFO("notes:" << joined(r.notes));
    CHECK(says_no_stage_grouping(r));
}

TEST_CASE("AJCC 8 head-neck survival - soft-tissue-sarcoma table", "[ajcc8][head-neck][survival]") {
    const Result r = staged(head_neck(size_cm(3.0)));
    REQUIRE(r.survival != nullptr);
    CHECK(r.survival->id == "soft-tissue-sarcoma");
}

TEST_CASE("AJCC 8 head-neck summary - confined localized, N1 regional, M1 distant", "[ajcc8][head-neck][summary]") {
    Case c = head_neck(size_cm(3.0));
    c.extension = Extension::confined;
    CHECK(summary_of(c) == "localized");
    c.nodes = Finding::present;
    CHECK(summary_of(c) == "regional");
    c.metastasis = Finding::present;
    CHECK(summary_of(c) == "distant");
}

TEST_CASE("AJCC 8 head-neck - adjoining_invasion is used: no warning for it", "[ajcc8][head-neck][warnings]") {
    const Result r = staged(head_neck(size_cm(3.0), AdjoiningInvasion::t4a));
    INFO("warnings:" << joined(r.warnings));
    CHECK_FALSE(any_contains(r.warnings, "adjoining_invasion"));
}

TEST_CASE("AJCC 8 head-neck - adjoining_invasion given for the trunk is a warning", "[ajcc8][warnings]") {
    Case c = trunk(3.0, Grade::g1);
    c.adjoining_invasion = AdjoiningInvasion::t4b;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "adjoining_invasion"));
    CHECK(r.categories.t == "T1");
    CHECK(stage_text(r.stage) == "IA");
}

// ---- Visceral organs: T only ---------------------------------------------------------------------------

namespace {

/// Both ways of reaching the visceral system: site visceral, and site gi with histology lms.
struct VisceralDoor {
    const char* label;
    Case (*make)(std::optional<VisceralExtent>, std::optional<long long>);
};

const std::array<VisceralDoor, 2> k_visceral_doors = {{
    {"site visceral", visceral},
    {"site gi, histology lms", gi_lms},
}};

}  // namespace

TEST_CASE("AJCC 8 visceral T - confined is T1", "[ajcc8][visceral]") {
    for (const VisceralDoor& door : k_visceral_doors) {
        INFO(door.label);
        CHECK(staged(door.make(VisceralExtent::confined, std::nullopt)).categories.t == "T1");
    }
}

TEST_CASE("AJCC 8 visceral T - serosa is T2a", "[ajcc8][visceral]") {
    for (const VisceralDoor& door : k_visceral_doors) {
        INFO(door.label);
        CHECK(staged(door.make(VisceralExtent::serosa, std::nullopt)).categories.t == "T2a");
    }
}

TEST_CASE("AJCC 8 visceral T - beyond-serosa is T2b", "[ajcc8][visceral]") {
    for (const VisceralDoor& door : k_visceral_doors) {
        INFO(door.label);
        CHECK(staged(door.make(VisceralExtent::beyond_serosa, std::nullopt)).categories.t == "T2b");
    }
}

TEST_CASE("AJCC 8 visceral T - other-organ is T3", "[ajcc8][visceral]") {
    for (const VisceralDoor& door : k_visceral_doors) {
        INFO(door.label);
        CHECK(staged(door.make(VisceralExtent::other_organ, std::nullopt)).categories.t == "T3");
    }
}

TEST_CASE("AJCC 8 visceral T - foci 1 given is T by extent", "[ajcc8][visceral]") {
    for (const VisceralDoor& door : k_visceral_doors) {
        INFO(door.label);
        CHECK(staged(door.make(VisceralExtent::confined, 1)).categories.t == "T1");
        CHECK(staged(door.make(VisceralExtent::other_organ, 1)).categories.t == "T3");
    }
}

TEST_CASE("AJCC 8 visceral T - foci 2 is T4a", "[ajcc8][visceral][foci]") {
    for (const VisceralDoor& door : k_visceral_doors) {
        INFO(door.label);
        CHECK(staged(door.make(VisceralExtent::confined, 2)).categories.t == "T4a");
    }
}

TEST_CASE("AJCC 8 visceral T - foci 3 is T4b", "[ajcc8][visceral][foci]") {
    for (const VisceralDoor& door : k_visceral_doors) {
        INFO(door.label);
        CHECK(staged(door.make(VisceralExtent::confined, 3)).categories.t == "T4b");
    }
}

TEST_CASE("AJCC 8 visceral T - foci 4 is T4b", "[ajcc8][visceral][foci]") {
    CHECK(staged(visceral(VisceralExtent::confined, 4)).categories.t == "T4b");
}

TEST_CASE("AJCC 8 visceral T - foci 5 is T4b", "[ajcc8][visceral][foci]") {
    for (const VisceralDoor& door : k_visceral_doors) {
        INFO(door.label);
        CHECK(staged(door.make(VisceralExtent::confined, 5)).categories.t == "T4b");
    }
}

TEST_CASE("AJCC 8 visceral T - foci 6 is T4c", "[ajcc8][visceral][foci]") {
    for (const VisceralDoor& door : k_visceral_doors) {
        INFO(door.label);
        CHECK(staged(door.make(VisceralExtent::confined, 6)).categories.t == "T4c");
    }
}

TEST_CASE("AJCC 8 visceral T - foci 40 is T4c", "[ajcc8][visceral][foci]") {
    CHECK(staged(visceral(VisceralExtent::serosa, 40)).categories.t == "T4c");
}

TEST_CASE("AJCC 8 visceral T - multifocality overrides every extent", "[ajcc8][visceral][foci]") {
    for (VisceralExtent extent : {VisceralExtent::confined, VisceralExtent::serosa, VisceralExtent::beyond_serosa,
                                  VisceralExtent::other_organ}) {
        for (const VisceralDoor& door : k_visceral_doors) {
            INFO(door.label << ", extent " << name(extent));
            CHECK(staged(door.make(extent, 2)).categories.t == "T4a");
            CHECK(staged(door.make(extent, 3)).categories.t == "T4b");
            CHECK(staged(door.make(extent, 5)).categories.t == "T4b");
            CHECK(staged(door.make(extent, 6)).categories.t == "T4c");
        }
    }
}

TEST_CASE("AJCC 8 visceral T - multifocal with extent omitted is staged by foci", "[ajcc8][visceral][foci]") {
    CHECK(staged(visceral(std::nullopt, 2)).categories.t == "T4a");
    CHECK(staged(visceral(std::nullopt, 6)).categories.t == "T4c");
}

namespace {

/// An assumption that says the number of tumour sites was taken as 1.
bool assumes_one_focus(const Result& r) {
    for (const std::string& line : r.assumptions) {
        const bool names_it = line.find("foci") != std::string::npos || line.find("sites") != std::string::npos ||
                              line.find("unifocal") != std::string::npos;
        if (names_it && line.find('1') != std::string::npos) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("AJCC 8 visceral foci omitted - 1, stated as an assumption", "[ajcc8][visceral][foci][assumptions]") {
    for (const VisceralDoor& door : k_visceral_doors) {
        const Result r = staged(door.make(VisceralExtent::serosa, std::nullopt));
        INFO(door.label << "\nassumptions:" << joined(r.assumptions));
        CHECK(assumes_one_focus(r));
        CHECK(r.categories.t == "T2a");
    }
}

TEST_CASE("AJCC 8 visceral foci given - no assumption about it", "[ajcc8][visceral][foci][assumptions]") {
    const Result r = staged(visceral(VisceralExtent::serosa, 1));
    INFO("assumptions:" << joined(r.assumptions));
    CHECK_FALSE(assumes_one_focus(r));
}

TEST_CASE("AJCC 8 visceral stage - null with no possible stages", "[ajcc8][visceral]") {
    for (const VisceralDoor& door : k_visceral_doors) {
        for (long long foci : {1LL, 2LL, 6LL}) {
            INFO(door.label << ", foci " << foci);
            const Result r = staged(door.make(VisceralExtent::other_organ, foci));
            CHECK_FALSE(r.stage.has_value());
            CHECK(r.possible_stages.empty());
        }
    }
}

TEST_CASE("AJCC 8 visceral stage - null even with N1 or M1", "[ajcc8][visceral]") {
    Case c = visceral(VisceralExtent::confined);
    c.nodes = Finding::present;
    c.metastasis = Finding::present;
    const Result r = staged(c);
    CHECK(r.categories.n == "N1");
    CHECK(r.categories.m == "M1");
    CHECK_FALSE(r.stage.has_value());
    CHECK(r.possible_stages.empty());
}

TEST_CASE("AJCC 8 visceral stage - a note says the 8th edition has no stage grouping", "[ajcc8][visceral]") {
    for (const VisceralDoor& door : k_visceral_doors) {
        const Result r = staged(door.make(VisceralExtent::confined, std::nullopt));
        INFO(door.label << "\nnotes:" << joined(r.notes));
        CHECK(says_no_stage_grouping(r));
    }
}

TEST_CASE("AJCC 8 visceral survival - no survival table, and a note says so", "[ajcc8][visceral][survival]") {
    for (const VisceralDoor& door : k_visceral_doors) {
        const Result r = staged(door.make(VisceralExtent::confined, std::nullopt));
        INFO(door.label << "\nnotes:" << joined(r.notes));
        CHECK(r.survival == nullptr);
        CHECK(any_line_with_all(r.notes, {"no survival table"}));
    }
}

TEST_CASE("AJCC 8 visceral - visceral_extent and foci are used: no warning for them", "[ajcc8][visceral][warnings]") {
    const Result r = staged(visceral(VisceralExtent::serosa, 1));
    INFO("warnings:" << joined(r.warnings));
    CHECK_FALSE(any_contains(r.warnings, "visceral_extent"));
    CHECK_FALSE(any_contains(r.warnings, "foci"));
}

TEST_CASE("AJCC 8 visceral - visceral_extent and foci given for the trunk are warnings", "[ajcc8][warnings]") {
    Case c = trunk(3.0, Grade::g1);
    c.visceral_extent = VisceralExtent::other_organ;
    c.foci = 6;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "visceral_extent"));
    CHECK(any_contains(r.warnings, "foci"));
    CHECK(r.categories.t == "T1");
    CHECK(stage_text(r.stage) == "IA");
}

// ---- Site gi, histology lms, edition 7: not staged by AJCC 7 -----------------------------------------

namespace {

Case gi_lms_7(std::optional<int> edition) {
    Case c;
    c.site = Site::gi;
    c.histology = Histology::lms;
    c.edition = edition;
    return c;
}

}  // namespace

TEST_CASE("AJCC 7 gi lms - stage null with no possible stages (edition 7 given or omitted)", "[ajcc7][gi]") {
    for (std::optional<int> edition : {std::optional<int>{}, std::optional<int>{7}}) {
        INFO("edition " << (edition ? std::to_string(*edition) : "omitted"));
        const Result r = staged(gi_lms_7(edition));
        CHECK_FALSE(r.stage.has_value());
        CHECK(r.possible_stages.empty());
    }
}

TEST_CASE("AJCC 7 gi lms - a note says AJCC 7 does not stage sarcomas of hollow viscera", "[ajcc7][gi]") {
    for (std::optional<int> edition : {std::optional<int>{}, std::optional<int>{7}}) {
        const Result r = staged(gi_lms_7(edition));
        INFO("edition " << (edition ? std::to_string(*edition) : "omitted") << "\nnotes:" << joined(r.notes));
        CHECK(any_line_with_all(r.notes, {"AJCC 7", "hollow viscera"}));
    }
}

TEST_CASE("AJCC 7 gi lms - no survival table, and a note says so", "[ajcc7][gi][survival]") {
    const Result r = staged(gi_lms_7(7));
    INFO("notes:" << joined(r.notes));
    CHECK(r.survival == nullptr);
    CHECK(any_line_with_all(r.notes, {"no survival table"}));
}

TEST_CASE("AJCC 7 gi lms - size and grade given do not make a stage", "[ajcc7][gi]") {
    Case c = gi_lms_7(7);
    c.size = size_cm(7.0);
    c.grade = Grade::g3;
    const Result r = staged(c);
    CHECK_FALSE(r.stage.has_value());
    CHECK(r.possible_stages.empty());
    CHECK(r.survival == nullptr);
}
