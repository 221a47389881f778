// AJCC 7th edition, soft tissue sarcoma (docs/rules.md §1).
// Expected values are written out from the spec here; nothing is derived from the library's tables.
#include <array>
#include <optional>
#include <string>

#include "core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

// ---- The spec, written out by hand -------------------------------------------------------------

// docs/rules.md §1, stage table, the N0 M0 rows. Rows: T1 (<= 5 cm), T2 (> 5 cm).
// Columns: G1, G2, G3, GX ("GX is grouped with G1").
constexpr std::array<std::array<const char*, 4>, 2> k_stage_n0_m0 = {{
    //  G1     G2     G3     GX
    {"IA", "IIA", "IIA", "IA"},  // T1
    {"IB", "IIB", "III", "IB"},  // T2
}};

/// docs/rules.md §1: M1 -> IV (any T, N, G); else N1 -> III (any T, G); else the N0 M0 table.
std::string expected_stage(bool over_5_cm, Grade g, bool n1, bool m1) {
    if (m1) {
        return "IV";
    }
    if (n1) {
        return "III";
    }
    return k_stage_n0_m0[over_5_cm ? 1 : 0][grade_column(g)];
}

/// A size written as entered, and whether it is over the 5 cm boundary (boundaries belong to the lower band).
struct SizeBand {
    const char* label;
    Measured<Length> size;
    bool over_5_cm;
};

const std::array<SizeBand, 8> k_sizes = {{
    {"0.1 cm", size_cm(0.1), false},
    {"4.99 cm", size_cm(4.99), false},
    {"exactly 5.0 cm", size_cm(5.0), false},
    {"5.01 cm", size_cm(5.01), true},
    {"49.9 mm", size_mm(49.9), false},
    {"exactly 50 mm", size_mm(50.0), false},
    {"50.1 mm", size_mm(50.1), true},
    {"30 cm", size_cm(30.0), true},
}};

constexpr std::array<Grade, 4> k_grades = {Grade::g1, Grade::g2, Grade::g3, Grade::gx};

/// nodes: omitted / no / yes
constexpr std::array<std::optional<Finding>, 3> k_nodes = {std::nullopt, Finding::absent, Finding::present};
/// metastasis: omitted / no / yes
constexpr std::array<std::optional<Finding>, 3> k_metastasis = {std::nullopt, Finding::absent, Finding::present};
/// depth: omitted / superficial / deep
constexpr std::array<std::optional<Depth>, 3> k_depths = {std::nullopt, Depth::superficial, Depth::deep};
/// every AJCC 7 soft tissue site, and the site omitted (default soft-tissue)
constexpr std::array<std::optional<Site>, 6> k_sites = {std::nullopt,  Site::soft_tissue,     Site::extremity,
                                                        Site::trunk,   Site::retroperitoneum, Site::head_neck};

std::string opt_text(const std::optional<Finding>& f) { return f ? std::string(name(*f)) : "omitted"; }
std::string opt_text(const std::optional<Depth>& d) { return d ? std::string(name(*d)) : "omitted"; }
std::string opt_text(const std::optional<Site>& s) { return s ? std::string(name(*s)) : "omitted"; }

/// T with the depth letter: a superficial, b deep, none when depth is not known; retroperitoneum is always b.
std::string expected_t(bool over_5_cm, const std::optional<Site>& site, const std::optional<Depth>& depth) {
    std::string t = over_5_cm ? "T2" : "T1";
    if (site == Site::retroperitoneum) {
        return t + "b";
    }
    if (depth == Depth::superficial) {
        return t + "a";
    }
    if (depth == Depth::deep) {
        return t + "b";
    }
    return t;
}

Case make(const Measured<Length>& size, Grade g) {
    Case c;
    c.size = size;
    c.grade = g;
    return c;
}

}  // namespace

// ---- Exhaustive over the input space -----------------------------------------------------------

TEST_CASE("AJCC 7 STS exhaustive - size band x grade x nodes x metastasis x depth x site", "[ajcc7][exhaustive]") {
    int staged_cases = 0;
    for (const SizeBand& band : k_sizes) {
        for (Grade g : k_grades) {
            for (const auto& nodes : k_nodes) {
                for (const auto& metastasis : k_metastasis) {
                    for (const auto& depth : k_depths) {
                        for (const auto& site : k_sites) {
                            Case c = make(band.size, g);
                            c.nodes = nodes;
                            c.metastasis = metastasis;
                            c.depth = depth;
                            c.site = site;
                            INFO("size " << band.label << ", grade " << name(g) << ", nodes " << opt_text(nodes)
                                         << ", metastasis " << opt_text(metastasis) << ", depth "
                                         << opt_text(depth) << ", site " << opt_text(site));
                            if (site == Site::retroperitoneum && depth == Depth::superficial) {
                                // Retroperitoneal tumours are deep by definition: an invalid case.
                                const auto bad = case_error(c);
                                REQUIRE(bad.has_value());
                                CHECK(field_text(bad->field) == "depth");
                                continue;
                            }
                            const bool n1 = nodes == Finding::present;
                            const bool m1 = metastasis == Finding::present;
                            const Result r = staged(c);
                            ++staged_cases;
                            CHECK(r.system.id == "ajcc7-sts");
                            CHECK(stage_text(r.stage) == expected_stage(band.over_5_cm, g, n1, m1));
                            CHECK(stages_text(r.possible_stages) == expected_stage(band.over_5_cm, g, n1, m1));
                            CHECK(r.categories.t == expected_t(band.over_5_cm, site, depth));
                            CHECK(r.categories.n == (n1 ? "N1" : "N0"));
                            CHECK(r.categories.m == (m1 ? "M1" : "M0"));
                            CHECK(r.categories.g == g_category(g));
                        }
                    }
                }
            }
        }
    }
    // 8 sizes x 4 grades x 3 nodes x 3 metastasis x (3 depths x 6 sites - 1 invalid pair)
    CHECK(staged_cases == 8 * 4 * 3 * 3 * (3 * 6 - 1));
}

// ---- Size boundaries (every boundary belongs to the lower category) -----------------------------

TEST_CASE("AJCC 7 T - 4.99 cm is T1", "[ajcc7][size]") {
    CHECK(staged(make(size_cm(4.99), Grade::g1)).categories.t == "T1");
}

TEST_CASE("AJCC 7 T - exactly 5.0 cm is T1", "[ajcc7][size]") {
    CHECK(staged(make(size_cm(5.0), Grade::g1)).categories.t == "T1");
    CHECK(stage_text(staged(make(size_cm(5.0), Grade::g1)).stage) == "IA");
    CHECK(stage_text(staged(make(size_cm(5.0), Grade::g3)).stage) == "IIA");
}

TEST_CASE("AJCC 7 T - 5.01 cm is T2", "[ajcc7][size]") {
    CHECK(staged(make(size_cm(5.01), Grade::g1)).categories.t == "T2");
    CHECK(stage_text(staged(make(size_cm(5.01), Grade::g1)).stage) == "IB");
    CHECK(stage_text(staged(make(size_cm(5.01), Grade::g3)).stage) == "III");
}

TEST_CASE("AJCC 7 T - 49.9 mm is T1", "[ajcc7][size]") {
    CHECK(staged(make(size_mm(49.9), Grade::g1)).categories.t == "T1");
}

TEST_CASE("AJCC 7 T - exactly 50 mm is T1", "[ajcc7][size]") {
    CHECK(staged(make(size_mm(50.0), Grade::g2)).categories.t == "T1");
    CHECK(stage_text(staged(make(size_mm(50.0), Grade::g2)).stage) == "IIA");
}

TEST_CASE("AJCC 7 T - 50.1 mm is T2", "[ajcc7][size]") {
    CHECK(staged(make(size_mm(50.1), Grade::g2)).categories.t == "T2");
    CHECK(stage_text(staged(make(size_mm(50.1), Grade::g2)).stage) == "IIB");
}

TEST_CASE("AJCC 7 T - 5.0000001 cm is already T2 (the entered value is not rounded)", "[ajcc7][size]") {
    CHECK(staged(make(size_cm(5.0000001), Grade::g1)).categories.t == "T2");
}

// ---- One stage-table row per test ----------------------------------------------------------------

TEST_CASE("AJCC 7 stage IA - T1 N0 M0 G1", "[ajcc7][stage]") {
    CHECK(stage_text(staged(soft_tissue_case(3.0, Grade::g1)).stage) == "IA");
}

TEST_CASE("AJCC 7 stage IA - T1 N0 M0 GX (GX is grouped with G1)", "[ajcc7][stage]") {
    const Result r = staged(soft_tissue_case(3.0, Grade::gx));
    CHECK(r.categories.g == "GX");
    CHECK(stage_text(r.stage) == "IA");
}

TEST_CASE("AJCC 7 stage IB - T2 N0 M0 G1", "[ajcc7][stage]") {
    CHECK(stage_text(staged(soft_tissue_case(7.0, Grade::g1)).stage) == "IB");
}

TEST_CASE("AJCC 7 stage IB - T2 N0 M0 GX (GX is grouped with G1)", "[ajcc7][stage]") {
    const Result r = staged(soft_tissue_case(7.0, Grade::gx));
    CHECK(r.categories.g == "GX");
    CHECK(stage_text(r.stage) == "IB");
}

TEST_CASE("AJCC 7 stage IIA - T1 N0 M0 G2", "[ajcc7][stage]") {
    CHECK(stage_text(staged(soft_tissue_case(3.0, Grade::g2)).stage) == "IIA");
}

TEST_CASE("AJCC 7 stage IIA - T1 N0 M0 G3", "[ajcc7][stage]") {
    CHECK(stage_text(staged(soft_tissue_case(3.0, Grade::g3)).stage) == "IIA");
}

TEST_CASE("AJCC 7 stage IIB - T2 N0 M0 G2", "[ajcc7][stage]") {
    CHECK(stage_text(staged(soft_tissue_case(7.0, Grade::g2)).stage) == "IIB");
}

TEST_CASE("AJCC 7 stage III - T2 N0 M0 G3", "[ajcc7][stage]") {
    CHECK(stage_text(staged(soft_tissue_case(7.0, Grade::g3)).stage) == "III");
}

TEST_CASE("AJCC 7 stage III - any T N1 M0 any G", "[ajcc7][stage]") {
    for (double cm : {3.0, 7.0}) {
        for (Grade g : k_grades) {
            Case c = soft_tissue_case(cm, g);
            c.nodes = Finding::present;
            INFO(cm << " cm, grade " << name(g));
            const Result r = staged(c);
            CHECK(r.categories.n == "N1");
            CHECK(stage_text(r.stage) == "III");
        }
    }
}

TEST_CASE("AJCC 7 stage IV - any T any N M1 any G", "[ajcc7][stage]") {
    for (double cm : {3.0, 7.0}) {
        for (Grade g : k_grades) {
            for (Finding nodes : {Finding::absent, Finding::present}) {
                Case c = soft_tissue_case(cm, g);
                c.nodes = nodes;
                c.metastasis = Finding::present;
                INFO(cm << " cm, grade " << name(g) << ", nodes " << name(nodes));
                const Result r = staged(c);
                CHECK(r.categories.m == "M1");
                CHECK(stage_text(r.stage) == "IV");
            }
        }
    }
}

// ---- Depth letter ------------------------------------------------------------------------------

TEST_CASE("AJCC 7 depth - superficial 3 cm is T1a", "[ajcc7][depth]") {
    Case c = soft_tissue_case(3.0, Grade::g1);
    c.depth = Depth::superficial;
    CHECK(staged(c).categories.t == "T1a");
}

TEST_CASE("AJCC 7 depth - deep 3 cm is T1b", "[ajcc7][depth]") {
    Case c = soft_tissue_case(3.0, Grade::g1);
    c.depth = Depth::deep;
    CHECK(staged(c).categories.t == "T1b");
}

TEST_CASE("AJCC 7 depth - superficial 7 cm is T2a", "[ajcc7][depth]") {
    Case c = soft_tissue_case(7.0, Grade::g1);
    c.depth = Depth::superficial;
    CHECK(staged(c).categories.t == "T2a");
}

TEST_CASE("AJCC 7 depth - deep 7 cm is T2b", "[ajcc7][depth]") {
    Case c = soft_tissue_case(7.0, Grade::g1);
    c.depth = Depth::deep;
    CHECK(staged(c).categories.t == "T2b");
}

TEST_CASE("AJCC 7 depth - depth omitted gives T1 or T2 with no letter", "[ajcc7][depth]") {
    CHECK(staged(soft_tissue_case(3.0, Grade::g1)).categories.t == "T1");
    CHECK(staged(soft_tissue_case(7.0, Grade::g1)).categories.t == "T2");
}

TEST_CASE("AJCC 7 depth - retroperitoneum is always deep (T1b or T2b, depth omitted or deep)", "[ajcc7][depth]") {
    for (const std::optional<Depth>& depth : {std::optional<Depth>{}, std::optional<Depth>{Depth::deep}}) {
        INFO("depth " << opt_text(depth));
        Case small = soft_tissue_case(3.0, Grade::g2);
        small.site = Site::retroperitoneum;
        small.depth = depth;
        CHECK(staged(small).categories.t == "T1b");
        Case large = soft_tissue_case(7.0, Grade::g2);
        large.site = Site::retroperitoneum;
        large.depth = depth;
        CHECK(staged(large).categories.t == "T2b");
    }
}

TEST_CASE("AJCC 7 depth - depth never changes the stage", "[ajcc7][depth]") {
    for (double cm : {3.0, 7.0}) {
        for (Grade g : k_grades) {
            INFO(cm << " cm, grade " << name(g));
            Case superficial = soft_tissue_case(cm, g);
            superficial.depth = Depth::superficial;
            Case deep = soft_tissue_case(cm, g);
            deep.depth = Depth::deep;
            const std::string unknown_depth = stage_text(staged(soft_tissue_case(cm, g)).stage);
            CHECK(stage_text(staged(superficial).stage) == unknown_depth);
            CHECK(stage_text(staged(deep).stage) == unknown_depth);
        }
    }
}

// ---- Sites and units ---------------------------------------------------------------------------

TEST_CASE("AJCC 7 sites - every soft tissue site is staged by ajcc7-sts", "[ajcc7][site]") {
    for (Site site : {Site::soft_tissue, Site::extremity, Site::trunk, Site::retroperitoneum, Site::head_neck}) {
        INFO("site " << name(site));
        Case c = soft_tissue_case(7.0, Grade::g2);
        c.site = site;
        const Result r = staged(c);
        CHECK(r.system.id == "ajcc7-sts");
        CHECK(stage_text(r.stage) == "IIB");
    }
}

TEST_CASE("AJCC 7 - omitted site is soft tissue", "[ajcc7][site]") {
    CHECK(staged(soft_tissue_case(3.0, Grade::g1)).system.id == "ajcc7-sts");
}

TEST_CASE("AJCC 7 - explicit edition 7 stages the same and draws no warning", "[ajcc7]") {
    Case c = soft_tissue_case(7.0, Grade::g3);
    c.edition = 7;
    const Result r = staged(c);
    CHECK(stage_text(r.stage) == "III");
    INFO("warnings:" << joined(r.warnings));
    CHECK(r.warnings.empty());
}

TEST_CASE("AJCC 7 - 55 mm stages as 5.5 cm", "[ajcc7][size]") {
    Case in_mm = make(size_mm(55.0), Grade::g3);
    Case in_cm = make(size_cm(5.5), Grade::g3);
    CHECK(staged(in_mm).categories.t == "T2");
    CHECK(stage_text(staged(in_mm).stage) == "III");
    CHECK(stage_text(staged(in_cm).stage) == "III");
}

// ---- Notes ------------------------------------------------------------------------------------------

TEST_CASE("AJCC 7 - every soft tissue result gives the 8th edition option for the case", "[ajcc7][notes]") {
    const Result generic = staged(soft_tissue_case(6.0, Grade::g3));
    CHECK(any_contains(generic.notes, "add --edition 8 and name the site: --site extremity, trunk, "
                                      "retroperitoneum or head-neck"));
    Case extremity = soft_tissue_case(6.0, Grade::g3);
    extremity.site = Site::extremity;
    const Result named = staged(extremity);
    CHECK(any_contains(named.notes, "to stage this case by it, add --edition 8"));
    CHECK_FALSE(any_contains(named.notes, "name the site"));
}
