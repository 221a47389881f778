// GIST, AJCC 7th and 8th editions (docs/rules.md §3; docs/rules.md §8 fields gi_site, mitotic_rate,
// edition; docs/rules.md §6-7: GIST summary stage and survival table).
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

// docs/rules.md §3, N0 M0: rows T1 (<= 2 cm), T2 (> 2-5), T3 (> 5-10), T4 (> 10 cm);
// columns mitotic rate low (<= 5), high (> 5).
// Gastric (stomach, omentum): IA T1-T2 low; IB T3 low; II T1-T2 high and T4 low; IIIA T3 high; IIIB T4 high.
constexpr std::array<std::array<const char*, 2>, 4> k_gastric = {{
    //  low    high
    {"IA", "II"},    // T1
    {"IA", "II"},    // T2
    {"IB", "IIIA"},  // T3
    {"II", "IIIB"},  // T4
}};
// Small intestine, oesophagus, colon/rectum, mesentery, peritoneum: I T1-T2 low; II T3 low;
// IIIA T1 high and T4 low; IIIB T2-T4 high.
constexpr std::array<std::array<const char*, 2>, 4> k_intestinal = {{
    //  low     high
    {"I", "IIIA"},     // T1
    {"I", "IIIB"},     // T2
    {"II", "IIIB"},    // T3
    {"IIIA", "IIIB"},  // T4
}};

/// Every GIST stage, in stage order (for writing an expected set).
constexpr std::array<std::string_view, 7> k_stage_order = {"I", "IA", "IB", "II", "IIIA", "IIIB", "IV"};

constexpr int k_unknown = -1;
constexpr int k_low = 0;
constexpr int k_high = 1;

/// The set of stages the spec allows, as "IB, IIIA" in stage order. `t` is 0..3 for T1..T4 or
/// k_unknown (size unknown: T1 to T4); `rate` is k_low, k_high or k_unknown (low or high).
/// N1 or M1 is stage IV whatever the rest (docs/rules.md §3).
std::string expected_stages(bool gastric, int t, int rate, bool n1, bool m1) {
    if (n1 || m1) {
        return "IV";
    }
    const auto& table = gastric ? k_gastric : k_intestinal;
    std::array<bool, k_stage_order.size()> in{};
    for (int ti = 0; ti < 4; ++ti) {
        if (t != k_unknown && ti != t) {
            continue;
        }
        for (int ri = 0; ri < 2; ++ri) {
            if (rate != k_unknown && ri != rate) {
                continue;
            }
            const std::string_view stage = table[static_cast<std::size_t>(ti)][static_cast<std::size_t>(ri)];
            for (std::size_t i = 0; i < k_stage_order.size(); ++i) {
                in[i] = in[i] || k_stage_order[i] == stage;
            }
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

/// The single stage, or "undetermined" when the spec allows several.
std::string expected_stage(bool gastric, int t, int rate, bool n1, bool m1) {
    const std::string set = expected_stages(gastric, t, rate, n1, m1);
    return set.find(',') == std::string::npos ? set : "undetermined";
}

/// A size as entered, and its T band (0..3 = T1..T4; boundaries belong to the lower band).
struct SizeBand {
    const char* label;
    Measured<Length> size;
    int t;
};

const std::array<SizeBand, 15> k_sizes = {{
    {"0.5 cm", size_cm(0.5), 0},
    {"exactly 2.0 cm", size_cm(2.0), 0},
    {"2.01 cm", size_cm(2.01), 1},
    {"exactly 5.0 cm", size_cm(5.0), 1},
    {"5.01 cm", size_cm(5.01), 2},
    {"exactly 10.0 cm", size_cm(10.0), 2},
    {"10.01 cm", size_cm(10.01), 3},
    {"30 cm", size_cm(30.0), 3},
    {"exactly 20 mm", size_mm(20.0), 0},
    {"20.1 mm", size_mm(20.1), 1},
    {"exactly 50 mm", size_mm(50.0), 1},
    {"50.1 mm", size_mm(50.1), 2},
    {"exactly 100 mm", size_mm(100.0), 2},
    {"100.1 mm", size_mm(100.1), 3},
    {"size unknown", size_unknown(), k_unknown},
}};

constexpr std::array<const char*, 4> k_t_names = {"T1", "T2", "T3", "T4"};

/// A mitotic rate as entered, and its category (exactly 5 is low).
struct RateBand {
    const char* label;
    Measured<MitoticRate> rate;
    int category;
};

const std::array<RateBand, 6> k_rates = {{
    {"rate 0", rate_of(0.0), k_low},
    {"rate 4.99", rate_of(4.99), k_low},
    {"rate exactly 5", rate_of(5.0), k_low},
    {"rate 5.01", rate_of(5.01), k_high},
    {"rate 50", rate_of(50.0), k_high},
    {"rate unknown", rate_unknown(), k_unknown},
}};

/// docs/rules.md §8 gi_site; docs/rules.md §3: stomach and omentum use the gastric table.
struct GiSiteTable {
    GiSite site;
    bool gastric;
};

constexpr std::array<GiSiteTable, 7> k_gi_sites = {{
    {GiSite::stomach, true},
    {GiSite::omentum, true},
    {GiSite::small_intestine, false},
    {GiSite::esophagus, false},
    {GiSite::colorectum, false},
    {GiSite::mesentery, false},
    {GiSite::peritoneum, false},
}};

/// edition omitted (default 7), 7, 8, and the system id each gives (docs/rules.md §8 system ids).
struct EditionId {
    std::optional<int> edition;
    const char* system_id;
};

constexpr std::array<EditionId, 3> k_editions = {{
    {std::nullopt, "ajcc7-gist"},
    {7, "ajcc7-gist"},
    {8, "ajcc8-gist"},
}};

constexpr std::array<std::optional<Finding>, 4> k_nodes = {std::nullopt, Finding::absent, Finding::present,
                                                           Finding::unknown};
constexpr std::array<std::optional<Finding>, 3> k_metastasis = {std::nullopt, Finding::absent, Finding::present};

std::string opt_text(const std::optional<Finding>& f) { return f ? std::string(name(*f)) : "omitted"; }
std::string opt_text(const std::optional<int>& e) { return e ? std::to_string(*e) : "omitted"; }

/// A gastric (stomach) and an intestinal (small intestine) GIST case.
Case gastric(double cm, double rate, std::optional<int> edition = std::nullopt) {
    return gist_case(GiSite::stomach, size_cm(cm), rate_of(rate), edition);
}
Case intestinal(double cm, double rate, std::optional<int> edition = std::nullopt) {
    return gist_case(GiSite::small_intestine, size_cm(cm), rate_of(rate), edition);
}

std::string stage_of(const Case& c) { return stage_text(staged(c).stage); }
std::string possible_of(const Case& c) { return stages_text(staged(c).possible_stages); }
std::string summary_of(const Case& c) { return summary_text(staged(c).summary_stage); }

/// The percent of the survival row matched by the result's summary stage; -1 when there is none.
double matched_percent(const Result& r) {
    if (r.survival == nullptr || !r.summary_stage) {
        return -1.0;
    }
    for (const SurvivalRow& row : r.survival->rows) {
        if (row.summary_stage == *r.summary_stage) {
            return row.percent;
        }
    }
    return -1.0;
}

}  // namespace

// ---- Exhaustive over the input space -----------------------------------------------------------

TEST_CASE("GIST exhaustive - size band x mitotic rate x gi_site x nodes x metastasis x edition", "[gist][exhaustive]") {
    int staged_cases = 0;
    for (const SizeBand& band : k_sizes) {
        for (const RateBand& rate : k_rates) {
            for (const GiSiteTable& site : k_gi_sites) {
                for (const auto& nodes : k_nodes) {
                    for (const auto& metastasis : k_metastasis) {
                        for (const EditionId& edition : k_editions) {
                            Case c = gist_case(site.site, band.size, rate.rate, edition.edition);
                            c.nodes = nodes;
                            c.metastasis = metastasis;
                            INFO("size " << band.label << ", " << rate.label << ", gi_site " << name(site.site)
                                         << ", nodes " << opt_text(nodes) << ", metastasis " << opt_text(metastasis)
                                         << ", edition " << opt_text(edition.edition));
                            const bool n1 = nodes == Finding::present;
                            const bool m1 = metastasis == Finding::present;
                            const Result r = staged(c);
                            ++staged_cases;
                            CHECK(r.system.id == edition.system_id);
                            CHECK(stage_text(r.stage) == expected_stage(site.gastric, band.t, rate.category, n1, m1));
                            CHECK(stages_text(r.possible_stages) ==
                                  expected_stages(site.gastric, band.t, rate.category, n1, m1));
                            CHECK(r.categories.t ==
                                  (band.t == k_unknown ? "TX" : k_t_names[static_cast<std::size_t>(band.t)]));
                            // N0 includes unknown nodal status: never NX for GIST.
                            CHECK(r.categories.n == (n1 ? "N1" : "N0"));
                            CHECK(r.categories.m == (m1 ? "M1" : "M0"));
                            CHECK(r.categories.g.empty());
                            if (rate.category == k_unknown) {
                                CHECK(r.categories.rate != "low");
                                CHECK(r.categories.rate != "high");
                            } else {
                                CHECK(r.categories.rate == (rate.category == k_high ? "high" : "low"));
                            }
                            REQUIRE(r.survival != nullptr);
                            CHECK(r.survival->id == "gist");
                            INFO("warnings:" << joined(r.warnings));
                            CHECK(r.warnings.empty());
                        }
                    }
                }
            }
        }
    }
    CHECK(staged_cases == 15 * 6 * 7 * 4 * 3 * 3);
}

// ---- Size boundaries (every boundary belongs to the lower category) -----------------------------

TEST_CASE("GIST T - 2.0 cm exactly is T1 (gastric IA, intestinal I at low rate)", "[gist][size]") {
    CHECK(staged(gastric(2.0, 3.0)).categories.t == "T1");
    CHECK(stage_of(gastric(2.0, 3.0)) == "IA");
    CHECK(stage_of(intestinal(2.0, 3.0)) == "I");
}

TEST_CASE("GIST T - 2.0 cm exactly at high rate is T1 (intestinal IIIA, not IIIB)", "[gist][size]") {
    CHECK(staged(intestinal(2.0, 8.0)).categories.t == "T1");
    CHECK(stage_of(intestinal(2.0, 8.0)) == "IIIA");
}

TEST_CASE("GIST T - 2.01 cm is T2 (intestinal IIIB at high rate)", "[gist][size]") {
    CHECK(staged(intestinal(2.01, 8.0)).categories.t == "T2");
    CHECK(stage_of(intestinal(2.01, 8.0)) == "IIIB");
}

TEST_CASE("GIST T - exactly 20 mm is T1, 20.1 mm is T2", "[gist][size]") {
    const Case at_20_mm = gist_case(GiSite::small_intestine, size_mm(20.0), rate_of(8.0));
    const Case at_20_1_mm = gist_case(GiSite::small_intestine, size_mm(20.1), rate_of(8.0));
    CHECK(staged(at_20_mm).categories.t == "T1");
    CHECK(stage_of(at_20_mm) == "IIIA");
    CHECK(staged(at_20_1_mm).categories.t == "T2");
    CHECK(stage_of(at_20_1_mm) == "IIIB");
}

TEST_CASE("GIST T - 5.0 cm exactly is T2 (gastric IA, intestinal I at low rate)", "[gist][size]") {
    CHECK(staged(gastric(5.0, 3.0)).categories.t == "T2");
    CHECK(stage_of(gastric(5.0, 3.0)) == "IA");
    CHECK(stage_of(intestinal(5.0, 3.0)) == "I");
}

TEST_CASE("GIST T - 5.01 cm is T3 (gastric IB, intestinal II at low rate)", "[gist][size]") {
    CHECK(staged(gastric(5.01, 3.0)).categories.t == "T3");
    CHECK(stage_of(gastric(5.01, 3.0)) == "IB");
    CHECK(stage_of(intestinal(5.01, 3.0)) == "II");
}

TEST_CASE("GIST T - exactly 50 mm is T2, 50.1 mm is T3", "[gist][size]") {
    const Case at_50_mm = gist_case(GiSite::stomach, size_mm(50.0), rate_of(3.0));
    const Case at_50_1_mm = gist_case(GiSite::stomach, size_mm(50.1), rate_of(3.0));
    CHECK(staged(at_50_mm).categories.t == "T2");
    CHECK(stage_of(at_50_mm) == "IA");
    CHECK(staged(at_50_1_mm).categories.t == "T3");
    CHECK(stage_of(at_50_1_mm) == "IB");
}

TEST_CASE("GIST T - 10.0 cm exactly is T3 (gastric IB, intestinal II at low rate)", "[gist][size]") {
    CHECK(staged(gastric(10.0, 3.0)).categories.t == "T3");
    CHECK(stage_of(gastric(10.0, 3.0)) == "IB");
    CHECK(stage_of(intestinal(10.0, 3.0)) == "II");
}

TEST_CASE("GIST T - 10.01 cm is T4 (gastric II, intestinal IIIA at low rate)", "[gist][size]") {
    CHECK(staged(gastric(10.01, 3.0)).categories.t == "T4");
    CHECK(stage_of(gastric(10.01, 3.0)) == "II");
    CHECK(stage_of(intestinal(10.01, 3.0)) == "IIIA");
}

TEST_CASE("GIST T - exactly 100 mm is T3, 100.1 mm is T4", "[gist][size]") {
    const Case at_100_mm = gist_case(GiSite::stomach, size_mm(100.0), rate_of(8.0));
    const Case at_100_1_mm = gist_case(GiSite::stomach, size_mm(100.1), rate_of(8.0));
    CHECK(staged(at_100_mm).categories.t == "T3");
    CHECK(stage_of(at_100_mm) == "IIIA");
    CHECK(staged(at_100_1_mm).categories.t == "T4");
    CHECK(stage_of(at_100_1_mm) == "IIIB");
}

TEST_CASE("GIST T - 10.0000001 cm is already T4 (the entered value is not rounded)", "[gist][size]") {
    CHECK(staged(gastric(10.0000001, 3.0)).categories.t == "T4");
}

// ---- Mitotic rate boundary (low <= 5, high > 5; exactly 5 is low) -------------------------------

TEST_CASE("GIST mitotic rate - exactly 5 is low", "[gist][rate]") {
    const Result r = staged(gastric(3.0, 5.0));
    CHECK(r.categories.rate == "low");
    CHECK(stage_text(r.stage) == "IA");
}

TEST_CASE("GIST mitotic rate - 5.01 is high", "[gist][rate]") {
    const Result r = staged(gastric(3.0, 5.01));
    CHECK(r.categories.rate == "high");
    CHECK(stage_text(r.stage) == "II");
}

TEST_CASE("GIST mitotic rate - 0 is low", "[gist][rate]") {
    const Result r = staged(intestinal(3.0, 0.0));
    CHECK(r.categories.rate == "low");
    CHECK(stage_text(r.stage) == "I");
}

TEST_CASE("GIST mitotic rate - 5.0000001 is already high (not rounded)", "[gist][rate]") {
    CHECK(staged(gastric(3.0, 5.0000001)).categories.rate == "high");
}

TEST_CASE("GIST mitotic rate - the 5 boundary is the same in the 8th edition (per 5 mm2)", "[gist][rate][edition]") {
    CHECK(staged(gastric(3.0, 5.0, 8)).categories.rate == "low");
    CHECK(staged(gastric(3.0, 5.01, 8)).categories.rate == "high");
    CHECK(stage_of(gastric(3.0, 5.0, 8)) == "IA");
    CHECK(stage_of(gastric(3.0, 5.01, 8)) == "II");
}

// ---- Gastric table: every cell (docs/rules.md §3, stomach and omentum) ------------------------

namespace {

/// Stages the cell at both gastric sites (stomach, omentum) under editions 7 and 8.
void check_gastric_cell(double cm, double rate, const char* expected) {
    for (GiSite site : {GiSite::stomach, GiSite::omentum}) {
        for (int edition : {7, 8}) {
            INFO("gi_site " << name(site) << ", edition " << edition << ", " << cm << " cm, rate " << rate);
            CHECK(stage_of(gist_case(site, size_cm(cm), rate_of(rate), edition)) == expected);
        }
    }
}

/// Stages the cell at every intestinal-table site under editions 7 and 8.
void check_intestinal_cell(double cm, double rate, const char* expected) {
    for (GiSite site :
         {GiSite::small_intestine, GiSite::esophagus, GiSite::colorectum, GiSite::mesentery, GiSite::peritoneum}) {
        for (int edition : {7, 8}) {
            INFO("gi_site " << name(site) << ", edition " << edition << ", " << cm << " cm, rate " << rate);
            CHECK(stage_of(gist_case(site, size_cm(cm), rate_of(rate), edition)) == expected);
        }
    }
}

}  // namespace

TEST_CASE("GIST gastric IA - T1 low (1.5 cm, rate 2)", "[gist][gastric][stage]") { check_gastric_cell(1.5, 2.0, "IA"); }
TEST_CASE("GIST gastric IA - T2 low (4 cm, rate 5)", "[gist][gastric][stage]") { check_gastric_cell(4.0, 5.0, "IA"); }
TEST_CASE("GIST gastric IB - T3 low (7 cm, rate 1)", "[gist][gastric][stage]") { check_gastric_cell(7.0, 1.0, "IB"); }
TEST_CASE("GIST gastric II - T1 high (1.5 cm, rate 6)", "[gist][gastric][stage]") { check_gastric_cell(1.5, 6.0, "II"); }
TEST_CASE("GIST gastric II - T2 high (4 cm, rate 10)", "[gist][gastric][stage]") { check_gastric_cell(4.0, 10.0, "II"); }
TEST_CASE("GIST gastric II - T4 low (12 cm, rate 3)", "[gist][gastric][stage]") { check_gastric_cell(12.0, 3.0, "II"); }
TEST_CASE("GIST gastric IIIA - T3 high (7 cm, rate 6)", "[gist][gastric][stage]") { check_gastric_cell(7.0, 6.0, "IIIA"); }
TEST_CASE("GIST gastric IIIB - T4 high (12 cm, rate 20)", "[gist][gastric][stage]") { check_gastric_cell(12.0, 20.0, "IIIB"); }

// ---- Intestinal table: every cell (small intestine, oesophagus, colon/rectum, mesentery, peritoneum)

TEST_CASE("GIST intestinal I - T1 low (1.5 cm, rate 2)", "[gist][intestinal][stage]") { check_intestinal_cell(1.5, 2.0, "I"); }
TEST_CASE("GIST intestinal I - T2 low (4 cm, rate 5)", "[gist][intestinal][stage]") { check_intestinal_cell(4.0, 5.0, "I"); }
TEST_CASE("GIST intestinal II - T3 low (7 cm, rate 1)", "[gist][intestinal][stage]") { check_intestinal_cell(7.0, 1.0, "II"); }
TEST_CASE("GIST intestinal IIIA - T1 high (1.5 cm, rate 6)", "[gist][intestinal][stage]") { check_intestinal_cell(1.5, 6.0, "IIIA"); }
TEST_CASE("GIST intestinal IIIA - T4 low (12 cm, rate 3)", "[gist][intestinal][stage]") { check_intestinal_cell(12.0, 3.0, "IIIA"); }
TEST_CASE("GIST intestinal IIIB - T2 high (4 cm, rate 10)", "[gist][intestinal][stage]") { check_intestinal_cell(4.0, 10.0, "IIIB"); }
TEST_CASE("GIST intestinal IIIB - T3 high (7 cm, rate 6)", "[gist][intestinal][stage]") { check_intestinal_cell(7.0, 6.0, "IIIB"); }
TEST_CASE("GIST intestinal IIIB - T4 high (12 cm, rate 20)", "[gist][intestinal][stage]") { check_intestinal_cell(12.0, 20.0, "IIIB"); }

// ---- IV: any N1 or M1 ------------------------------------------------------------------------------

TEST_CASE("GIST IV - N1 M0 is IV at every size, rate and gi_site", "[gist][stage][nodes]") {
    for (const GiSiteTable& site : k_gi_sites) {
        for (double cm : {1.0, 4.0, 7.0, 12.0}) {
            for (double rate : {0.0, 5.0, 5.01, 30.0}) {
                Case c = gist_case(site.site, size_cm(cm), rate_of(rate));
                c.nodes = Finding::present;
                c.metastasis = Finding::absent;
                INFO("gi_site " << name(site.site) << ", " << cm << " cm, rate " << rate);
                const Result r = staged(c);
                CHECK(r.categories.n == "N1");
                CHECK(stage_text(r.stage) == "IV");
            }
        }
    }
}

TEST_CASE("GIST IV - M1 is IV at every size, rate, gi_site and nodes", "[gist][stage][metastasis]") {
    for (const GiSiteTable& site : k_gi_sites) {
        for (double cm : {1.0, 4.0, 7.0, 12.0}) {
            for (double rate : {0.0, 5.0, 5.01, 30.0}) {
                for (Finding nodes : {Finding::absent, Finding::present, Finding::unknown}) {
                    Case c = gist_case(site.site, size_cm(cm), rate_of(rate));
                    c.nodes = nodes;
                    c.metastasis = Finding::present;
                    INFO("gi_site " << name(site.site) << ", " << cm << " cm, rate " << rate << ", nodes "
                                    << name(nodes));
                    const Result r = staged(c);
                    CHECK(r.categories.m == "M1");
                    CHECK(stage_text(r.stage) == "IV");
                }
            }
        }
    }
}

TEST_CASE("GIST IV - N1 or M1 is IV even with size and mitotic rate unknown", "[gist][stage][unknowns]") {
    Case nodes = gist_case(GiSite::stomach, size_unknown(), rate_unknown());
    nodes.nodes = Finding::present;
    CHECK(stage_of(nodes) == "IV");
    CHECK(possible_of(nodes) == "IV");
    Case metastasis = gist_case(GiSite::colorectum, size_unknown(), rate_unknown());
    metastasis.metastasis = Finding::present;
    CHECK(stage_of(metastasis) == "IV");
    CHECK(possible_of(metastasis) == "IV");
}

// ---- Nodes and metastasis: unknown and omitted ----------------------------------------------------

TEST_CASE("GIST nodes unknown - N0 (N0 includes unknown nodal status), stage as N0", "[gist][nodes][unknowns]") {
    Case c = gastric(7.0, 3.0);
    c.nodes = Finding::unknown;
    const Result r = staged(c);
    CHECK(r.categories.n == "N0");
    CHECK(stage_text(r.stage) == "IB");
    CHECK(stages_text(r.possible_stages) == "IB");
}

TEST_CASE("GIST nodes unknown - a note says unknown nodes were counted as N0", "[gist][nodes][unknowns]") {
    Case c = intestinal(7.0, 3.0);
    c.nodes = Finding::unknown;
    const Result r = staged(c);
    INFO("notes:" << joined(r.notes) << "\nassumptions:" << joined(r.assumptions));
    CHECK(any_line_with_all(r.notes, {"unknown", "N0"}));
}

TEST_CASE("GIST nodes unknown - never NX, at any size or rate", "[gist][nodes][unknowns]") {
    for (const SizeBand& band : k_sizes) {
        for (const RateBand& rate : k_rates) {
            Case c = gist_case(GiSite::mesentery, band.size, rate.rate);
            c.nodes = Finding::unknown;
            INFO("size " << band.label << ", " << rate.label);
            CHECK(staged(c).categories.n == "N0");
        }
    }
}

TEST_CASE("GIST nodes omitted - N0, stated as an assumption", "[gist][nodes][assumptions]") {
    const Result r = staged(gastric(3.0, 3.0));
    INFO("assumptions:" << joined(r.assumptions));
    CHECK(r.categories.n == "N0");
    CHECK(any_contains(r.assumptions, "N0"));
}

TEST_CASE("GIST metastasis omitted - M0, stated as an assumption", "[gist][metastasis][assumptions]") {
    const Result r = staged(gastric(3.0, 3.0));
    INFO("assumptions:" << joined(r.assumptions));
    CHECK(r.categories.m == "M0");
    CHECK(any_contains(r.assumptions, "M0"));
}

TEST_CASE("GIST nodes no and metastasis no given - not assumptions", "[gist][assumptions]") {
    Case c = gastric(3.0, 3.0);
    c.nodes = Finding::absent;
    c.metastasis = Finding::absent;
    const Result r = staged(c);
    INFO("assumptions:" << joined(r.assumptions));
    CHECK_FALSE(any_contains(r.assumptions, "N0"));
    CHECK_FALSE(any_contains(r.assumptions, "M0"));
}

// ---- gi_site chooses the table ------------------------------------------------------------------

namespace {

/// 1.5 cm rate 2: gastric IA, intestinal I. 4 cm rate 10: gastric II, intestinal IIIB.
/// 12 cm rate 3: gastric II, intestinal IIIA.
void check_table_of(GiSite site, bool gastric_table) {
    for (int edition : {7, 8}) {
        INFO("gi_site " << name(site) << ", edition " << edition);
        CHECK(stage_of(gist_case(site, size_cm(1.5), rate_of(2.0), edition)) == (gastric_table ? "IA" : "I"));
        CHECK(stage_of(gist_case(site, size_cm(4.0), rate_of(10.0), edition)) == (gastric_table ? "II" : "IIIB"));
        CHECK(stage_of(gist_case(site, size_cm(12.0), rate_of(3.0), edition)) == (gastric_table ? "II" : "IIIA"));
    }
}

}  // namespace

TEST_CASE("GIST gi_site - stomach uses the gastric table", "[gist][gi_site]") { check_table_of(GiSite::stomach, true); }
TEST_CASE("GIST gi_site - omentum uses the gastric table", "[gist][gi_site]") { check_table_of(GiSite::omentum, true); }
TEST_CASE("GIST gi_site - small-intestine uses the intestinal table", "[gist][gi_site]") {
    check_table_of(GiSite::small_intestine, false);
}
TEST_CASE("GIST gi_site - esophagus uses the intestinal table", "[gist][gi_site]") {
    check_table_of(GiSite::esophagus, false);
}
TEST_CASE("GIST gi_site - colorectum uses the intestinal table", "[gist][gi_site]") {
    check_table_of(GiSite::colorectum, false);
}
TEST_CASE("GIST gi_site - mesentery uses the intestinal table", "[gist][gi_site]") {
    check_table_of(GiSite::mesentery, false);
}
TEST_CASE("GIST gi_site - peritoneum uses the intestinal table", "[gist][gi_site]") {
    check_table_of(GiSite::peritoneum, false);
}

// ---- Editions 7 and 8: same stage groups, different system ids -----------------------------------

TEST_CASE("GIST editions - edition omitted is ajcc7-gist", "[gist][edition]") {
    CHECK(staged(gastric(3.0, 3.0)).system.id == "ajcc7-gist");
}

TEST_CASE("GIST editions - edition 7 is ajcc7-gist", "[gist][edition]") {
    CHECK(staged(gastric(3.0, 3.0, 7)).system.id == "ajcc7-gist");
    CHECK(staged(intestinal(3.0, 3.0, 7)).system.id == "ajcc7-gist");
}

TEST_CASE("GIST editions - edition 8 is ajcc8-gist", "[gist][edition]") {
    CHECK(staged(gastric(3.0, 3.0, 8)).system.id == "ajcc8-gist");
    CHECK(staged(intestinal(3.0, 3.0, 8)).system.id == "ajcc8-gist");
}

TEST_CASE("GIST editions - 7 and 8 give the same stages and categories for every size, rate and gi_site",
          "[gist][edition]") {
    for (const SizeBand& band : k_sizes) {
        for (const RateBand& rate : k_rates) {
            for (const GiSiteTable& site : k_gi_sites) {
                INFO("size " << band.label << ", " << rate.label << ", gi_site " << name(site.site));
                const Result seventh = staged(gist_case(site.site, band.size, rate.rate, 7));
                const Result eighth = staged(gist_case(site.site, band.size, rate.rate, 8));
                CHECK(stage_text(seventh.stage) == stage_text(eighth.stage));
                CHECK(stages_text(seventh.possible_stages) == stages_text(eighth.possible_stages));
                CHECK(seventh.categories.t == eighth.categories.t);
                CHECK(seventh.categories.rate == eighth.categories.rate);
            }
        }
    }
}

TEST_CASE("GIST editions - explicit edition draws no warning (edition is used)", "[gist][edition][warnings]") {
    for (int edition : {7, 8}) {
        INFO("edition " << edition);
        const Result r = staged(gastric(3.0, 3.0, edition));
        INFO("warnings:" << joined(r.warnings));
        CHECK(r.warnings.empty());
    }
}

// ---- Unknown mitotic rate and unknown size: every stage consistent ---------------------------------

TEST_CASE("GIST unknowns - 7 cm gastric, mitotic rate unknown: IB or IIIA, undetermined", "[gist][unknowns][rate]") {
    const Result r = staged(gist_case(GiSite::stomach, size_cm(7.0), rate_unknown()));
    CHECK(r.categories.t == "T3");
    CHECK_FALSE(r.stage.has_value());
    CHECK(stages_text(r.possible_stages) == "IB, IIIA");
}

TEST_CASE("GIST unknowns - 7 cm intestinal, mitotic rate unknown: II or IIIB", "[gist][unknowns][rate]") {
    const Result r = staged(gist_case(GiSite::small_intestine, size_cm(7.0), rate_unknown()));
    CHECK_FALSE(r.stage.has_value());
    CHECK(stages_text(r.possible_stages) == "II, IIIB");
}

TEST_CASE("GIST unknowns - 1 cm gastric, mitotic rate unknown: IA or II", "[gist][unknowns][rate]") {
    CHECK(possible_of(gist_case(GiSite::omentum, size_cm(1.0), rate_unknown())) == "IA, II");
}

TEST_CASE("GIST unknowns - 1 cm intestinal, mitotic rate unknown: I or IIIA", "[gist][unknowns][rate]") {
    CHECK(possible_of(gist_case(GiSite::esophagus, size_cm(1.0), rate_unknown())) == "I, IIIA");
}

TEST_CASE("GIST unknowns - 4 cm intestinal, mitotic rate unknown: I or IIIB", "[gist][unknowns][rate]") {
    CHECK(possible_of(gist_case(GiSite::colorectum, size_cm(4.0), rate_unknown())) == "I, IIIB");
}

TEST_CASE("GIST unknowns - 12 cm gastric, mitotic rate unknown: II or IIIB", "[gist][unknowns][rate]") {
    CHECK(possible_of(gist_case(GiSite::stomach, size_cm(12.0), rate_unknown())) == "II, IIIB");
}

TEST_CASE("GIST unknowns - 12 cm intestinal, mitotic rate unknown: IIIA or IIIB", "[gist][unknowns][rate]") {
    CHECK(possible_of(gist_case(GiSite::peritoneum, size_cm(12.0), rate_unknown())) == "IIIA, IIIB");
}

TEST_CASE("GIST unknowns - mitotic rate unknown: a note names the unknown and lists the stages",
          "[gist][unknowns][rate]") {
    const Result r = staged(gist_case(GiSite::stomach, size_cm(7.0), rate_unknown()));
    INFO("notes:" << joined(r.notes));
    CHECK(any_line_with_all(r.notes, {"mitotic rate", "IB", "IIIA"}));
}

TEST_CASE("GIST unknowns - mitotic rate unknown is not low or high", "[gist][unknowns][rate]") {
    const Result r = staged(gist_case(GiSite::stomach, size_cm(7.0), rate_unknown()));
    CHECK(r.categories.rate != "low");
    CHECK(r.categories.rate != "high");
}

TEST_CASE("GIST unknowns - size unknown is TX", "[gist][unknowns][size]") {
    CHECK(staged(gist_case(GiSite::stomach, size_unknown(), rate_of(3.0))).categories.t == "TX");
}

TEST_CASE("GIST unknowns - size unknown, gastric low rate: IA, IB or II", "[gist][unknowns][size]") {
    const Result r = staged(gist_case(GiSite::stomach, size_unknown(), rate_of(3.0)));
    CHECK_FALSE(r.stage.has_value());
    CHECK(stages_text(r.possible_stages) == "IA, IB, II");
}

TEST_CASE("GIST unknowns - size unknown, gastric high rate: II, IIIA or IIIB", "[gist][unknowns][size]") {
    CHECK(possible_of(gist_case(GiSite::omentum, size_unknown(), rate_of(8.0))) == "II, IIIA, IIIB");
}

TEST_CASE("GIST unknowns - size unknown, intestinal low rate: I, II or IIIA", "[gist][unknowns][size]") {
    CHECK(possible_of(gist_case(GiSite::small_intestine, size_unknown(), rate_of(3.0))) == "I, II, IIIA");
}

TEST_CASE("GIST unknowns - size unknown, intestinal high rate: IIIA or IIIB", "[gist][unknowns][size]") {
    CHECK(possible_of(gist_case(GiSite::mesentery, size_unknown(), rate_of(8.0))) == "IIIA, IIIB");
}

TEST_CASE("GIST unknowns - size unknown: a note names the unknown", "[gist][unknowns][size]") {
    const Result r = staged(gist_case(GiSite::stomach, size_unknown(), rate_of(3.0)));
    INFO("notes:" << joined(r.notes));
    CHECK(any_line_with_all(r.notes, {"size unknown", "IA", "IB", "II"}));
}

TEST_CASE("GIST unknowns - size and mitotic rate unknown, gastric: IA, IB, II, IIIA or IIIB", "[gist][unknowns]") {
    CHECK(possible_of(gist_case(GiSite::stomach, size_unknown(), rate_unknown())) == "IA, IB, II, IIIA, IIIB");
}

TEST_CASE("GIST unknowns - size and mitotic rate unknown, intestinal: I, II, IIIA or IIIB", "[gist][unknowns]") {
    CHECK(possible_of(gist_case(GiSite::colorectum, size_unknown(), rate_unknown())) == "I, II, IIIA, IIIB");
}

// ---- Summary stage (docs/rules.md §6-7: an adjacent organ invaded is distant for GIST) -------------------

namespace {

/// A 3 cm low-rate gastric GIST, N0 M0 given, with the given extension (nullopt = omitted).
Case gist_extension(std::optional<Extension> extension, std::optional<int> edition = std::nullopt) {
    Case c = gastric(3.0, 3.0, edition);
    c.nodes = Finding::absent;
    c.metastasis = Finding::absent;
    c.extension = extension;
    return c;
}

}  // namespace

TEST_CASE("GIST summary - N0 M0 confined is localized", "[gist][summary]") {
    CHECK(summary_of(gist_extension(Extension::confined)) == "localized");
}

TEST_CASE("GIST summary - N0 M0 extension omitted is localized, confined stated as assumed", "[gist][summary]") {
    const Result r = staged(gist_extension(std::nullopt));
    INFO("assumptions:" << joined(r.assumptions));
    CHECK(summary_text(r.summary_stage) == "localized");
    CHECK(any_contains(r.assumptions, "confined"));
}

TEST_CASE("GIST summary - N0 M0 adjacent is regional", "[gist][summary]") {
    CHECK(summary_of(gist_extension(Extension::adjacent)) == "regional");
}

TEST_CASE("GIST summary - N0 M0 adjacent-organ is distant (GIST, SEER 2018)", "[gist][summary]") {
    CHECK(summary_of(gist_extension(Extension::adjacent_organ)) == "distant");
}

TEST_CASE("GIST summary - adjacent-organ is distant in the 8th edition too", "[gist][summary][edition]") {
    CHECK(summary_of(gist_extension(Extension::adjacent_organ, 8)) == "distant");
}

TEST_CASE("GIST summary - N0 M0 further is distant", "[gist][summary]") {
    CHECK(summary_of(gist_extension(Extension::further)) == "distant");
}

TEST_CASE("GIST summary - N1 M0 confined is regional", "[gist][summary]") {
    Case c = gist_extension(Extension::confined);
    c.nodes = Finding::present;
    CHECK(summary_of(c) == "regional");
}

TEST_CASE("GIST summary - N1 M0 adjacent is regional", "[gist][summary]") {
    Case c = gist_extension(Extension::adjacent);
    c.nodes = Finding::present;
    CHECK(summary_of(c) == "regional");
}

// docs/rules.md §6-7: adjacent-organ is distant for GIST and "further" is distant; node involvement does not
// lower a distant extension (same reading as test_summary_survival.cpp for further + N1).
TEST_CASE("GIST summary - N1 M0 adjacent-organ is distant", "[gist][summary]") {
    Case c = gist_extension(Extension::adjacent_organ);
    c.nodes = Finding::present;
    CHECK(summary_of(c) == "distant");
}

TEST_CASE("GIST summary - N1 M0 further is distant", "[gist][summary]") {
    Case c = gist_extension(Extension::further);
    c.nodes = Finding::present;
    CHECK(summary_of(c) == "distant");
}

TEST_CASE("GIST summary - nodes unknown with a confined primary is localized", "[gist][summary]") {
    Case c = gist_extension(Extension::confined);
    c.nodes = Finding::unknown;
    CHECK(summary_of(c) == "localized");
}

TEST_CASE("GIST summary - M1 is distant, whatever the nodes and extension", "[gist][summary]") {
    for (Finding nodes : {Finding::absent, Finding::present, Finding::unknown}) {
        for (const std::optional<Extension>& ext :
             {std::optional<Extension>{}, std::optional<Extension>{Extension::confined},
              std::optional<Extension>{Extension::adjacent}, std::optional<Extension>{Extension::adjacent_organ},
              std::optional<Extension>{Extension::further}}) {
            INFO("nodes " << name(nodes) << ", extension " << (ext ? std::string(name(*ext)) : "omitted"));
            Case c = gist_extension(ext);
            c.nodes = nodes;
            c.metastasis = Finding::present;
            CHECK(summary_of(c) == "distant");
        }
    }
}

TEST_CASE("GIST summary - size, rate and gi_site do not change the summary stage", "[gist][summary]") {
    for (const GiSiteTable& site : k_gi_sites) {
        for (double cm : {1.0, 12.0}) {
            for (double rate : {1.0, 30.0}) {
                INFO("gi_site " << name(site.site) << ", " << cm << " cm, rate " << rate);
                Case c = gist_case(site.site, size_cm(cm), rate_of(rate));
                c.extension = Extension::adjacent_organ;
                CHECK(summary_of(c) == "distant");
                c.extension = Extension::adjacent;
                CHECK(summary_of(c) == "regional");
                c.extension = Extension::confined;
                CHECK(summary_of(c) == "localized");
            }
        }
    }
}

// ---- Survival table "gist" (95 / 84 / 52) ------------------------------------------------------------

TEST_CASE("GIST survival - the table is gist, for both editions and every gi_site", "[gist][survival]") {
    for (const GiSiteTable& site : k_gi_sites) {
        for (int edition : {7, 8}) {
            INFO("gi_site " << name(site.site) << ", edition " << edition);
            const Result r = staged(gist_case(site.site, size_cm(3.0), rate_of(3.0), edition));
            REQUIRE(r.survival != nullptr);
            CHECK(r.survival->id == "gist");
        }
    }
}

TEST_CASE("GIST survival - localized matches the 95 percent row", "[gist][survival]") {
    const Result r = staged(gist_extension(Extension::confined));
    CHECK(summary_text(r.summary_stage) == "localized");
    CHECK(matched_percent(r) == Approx(95.0));
}

TEST_CASE("GIST survival - regional matches the 84 percent row", "[gist][survival]") {
    const Result r = staged(gist_extension(Extension::adjacent));
    CHECK(summary_text(r.summary_stage) == "regional");
    CHECK(matched_percent(r) == Approx(84.0));
}

TEST_CASE("GIST survival - adjacent organ (distant for GIST) matches the 52 percent row", "[gist][survival]") {
    const Result r = staged(gist_extension(Extension::adjacent_organ));
    CHECK(summary_text(r.summary_stage) == "distant");
    CHECK(matched_percent(r) == Approx(52.0));
}

TEST_CASE("GIST survival - M1 matches the 52 percent row", "[gist][survival]") {
    Case c = gist_extension(Extension::confined);
    c.metastasis = Finding::present;
    CHECK(matched_percent(staged(c)) == Approx(52.0));
}

TEST_CASE("GIST survival - N1 M0 confined matches the 84 percent row", "[gist][survival]") {
    Case c = gist_extension(Extension::confined);
    c.nodes = Finding::present;
    CHECK(matched_percent(staged(c)) == Approx(84.0));
}

TEST_CASE("GIST survival - the soft tissue sarcoma figures are not shown for GIST", "[gist][survival]") {
    const Result r = staged(gist_extension(Extension::confined));
    REQUIRE(r.survival != nullptr);
    CHECK(r.survival->id != "soft-tissue-sarcoma");
    CHECK(matched_percent(r) != Approx(82.4));
}

// ---- Mitotic rate category -----------------------------------------------------------------------

TEST_CASE("GIST categories - rate low for 3, high for 8, and no grade category", "[gist][categories]") {
    const Result low = staged(gastric(3.0, 3.0));
    const Result high = staged(gastric(3.0, 8.0));
    CHECK(low.categories.rate == "low");
    CHECK(high.categories.rate == "high");
    CHECK(low.categories.g.empty());
    CHECK(high.categories.g.empty());
}

// ---- Fields GIST does not use: warnings, not errors ----------------------------------------------

TEST_CASE("GIST warnings - grade given is a warning, not an error, and does not change the stage", "[gist][warnings]") {
    for (Grade g : {Grade::g1, Grade::g2, Grade::g3, Grade::gx}) {
        INFO("grade " << name(g));
        Case c = gastric(7.0, 3.0);
        c.grade = g;
        const Result r = staged(c);
        INFO("warnings:" << joined(r.warnings));
        CHECK(r.warnings.size() == 1);
        CHECK(any_contains(r.warnings, "grade"));
        CHECK(stage_text(r.stage) == "IB");
        CHECK(r.categories.g.empty());
    }
}

TEST_CASE("GIST warnings - grade given is a warning in the 8th edition too", "[gist][warnings][edition]") {
    Case c = intestinal(7.0, 3.0, 8);
    c.grade = Grade::g3;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "grade"));
    CHECK(stage_text(r.stage) == "II");
}

TEST_CASE("GIST warnings - depth given is a warning and does not change the stage", "[gist][warnings]") {
    Case c = gastric(7.0, 3.0);
    c.depth = Depth::deep;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "depth"));
    CHECK(stage_text(r.stage) == "IB");
}

TEST_CASE("GIST warnings - a clean GIST case with every used field given has no warning", "[gist][warnings]") {
    for (int edition : {7, 8}) {
        INFO("edition " << edition);
        Case c = gastric(7.0, 3.0, edition);
        c.nodes = Finding::absent;
        c.metastasis = Finding::absent;
        c.extension = Extension::confined;
        const Result r = staged(c);
        INFO("warnings:" << joined(r.warnings));
        CHECK(r.warnings.empty());
        INFO("assumptions:" << joined(r.assumptions));
        CHECK(r.assumptions.empty());
    }
}
