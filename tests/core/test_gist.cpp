// GIST, AJCC 7th and 8th editions (docs/rules.md §3): the gastric table (stomach, omentum) and the
// intestinal table (small intestine, oesophagus, colon/rectum, mesentery, peritoneum).
// Source: AJCC Cancer Staging Manual, 7th ed. (2010), GIST chapter; 8th ed. (2017), chapter 43, as
// reprinted in NCI PDQ Gastrointestinal Stromal Tumors Treatment (health professional), Stage
// Information. Expected values are written out from it here, never taken from the library.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "support/core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

// ---- The manual's tables, written out by hand ---------------------------------------------------

// N0 M0: rows T1 (<= 2 cm), T2 (> 2-5), T3 (> 5-10), T4 (> 10 cm); columns mitotic rate low (<= 5
// per 50 HPF), high (> 5). The 8th edition has the same groups.
// Gastric: IA T1-T2 low; IB T3 low; II T1-T2 high and T4 low; IIIA T3 high; IIIB T4 high.
constexpr std::array<std::array<Stage, 2>, 4> k_gastric = {{
    //  low         high
    {Stage::IA, Stage::II},    // T1
    {Stage::IA, Stage::II},    // T2
    {Stage::IB, Stage::IIIA},  // T3
    {Stage::II, Stage::IIIB},  // T4
}};
// Intestinal: I T1-T2 low; II T3 low; IIIA T1 high and T4 low; IIIB T2-T4 high.
constexpr std::array<std::array<Stage, 2>, 4> k_intestinal = {{
    //  low          high
    {Stage::I, Stage::IIIA},     // T1
    {Stage::I, Stage::IIIB},     // T2
    {Stage::II, Stage::IIIB},    // T3
    {Stage::IIIA, Stage::IIIB},  // T4
}};

constexpr int k_low = 0;
constexpr int k_high = 1;
constexpr int k_rate_unknown = -1;

/// N1 or M1 is stage IV whatever the rest; else the table cell, or every cell an unknown size
/// (k_band_unknown: T1 to T4) or an unknown rate (low or high) allows.
StageSet expected_stages(bool gastric, int band, int rate, bool n1, bool m1) {
    if (n1 || m1) {
        return {Stage::IV};
    }
    const auto& table = gastric ? k_gastric : k_intestinal;
    StageSet stages;
    for_each_combination(
        [&](int t, int r) {
            if ((band == k_band_unknown || band == t) && (rate == k_rate_unknown || rate == r)) {
                stages.insert(table[static_cast<std::size_t>(t)][static_cast<std::size_t>(r)]);
            }
        },
        std::array<int, 4>{0, 1, 2, 3}, std::array<int, 2>{k_low, k_high});
    return stages;
}

// T1 2 cm or less, T2 to 5 cm, T3 to 10 cm, T4 more: the sizes around 2, 5 and 10 cm.
const std::vector<NamedSize> k_sizes = sizes_around({2.0, 5.0, 10.0});

/// A mitotic rate as entered, and its category (exactly 5 is low).
struct NamedRate {
    const char* label;
    Measured<MitoticRate> rate;
    int category;
};
const std::array<NamedRate, 6> k_rates = {{
    {"rate 0", rate_of(0.0), k_low},
    {"rate 4.99", rate_of(4.99), k_low},
    {"rate exactly 5", rate_of(5.0), k_low},
    {"rate 5.01", rate_of(5.01), k_high},
    {"rate 50", rate_of(50.0), k_high},
    {"rate unknown", rate_unknown(), k_rate_unknown},
}};

/// Stomach and omentum use the gastric table, every other GI site the intestinal one.
struct GiSiteTable {
    GiSite site;
    bool gastric;
};
constexpr std::array<GiSiteTable, 10> k_gi_sites = {{
    {GiSite::stomach, true},
    {GiSite::omentum, true},
    {GiSite::small_intestine, false},
    {GiSite::duodenum, false},       // AJCC GIST: the small intestine's table
    {GiSite::jejunum_ileum, false},  // AJCC GIST: the small intestine's table
    {GiSite::rectum, false},         // AJCC GIST: colon and rectum are staged by the intestinal table
    {GiSite::esophagus, false},
    {GiSite::colorectum, false},
    {GiSite::mesentery, false},
    {GiSite::peritoneum, false},
}};

/// Edition left out (7), 7 and 8, and the system id each gives (docs/rules.md §8).
struct EditionId {
    std::optional<int> edition;
    const char* system_id;
};
constexpr std::array<EditionId, 3> k_editions = {{
    {std::nullopt, "ajcc7-gist"},
    {7, "ajcc7-gist"},
    {8, "ajcc8-gist"},
}};

}  // namespace

// ---- Every input combination ----------------------------------------------------------------------

TEST_CASE("GIST exhaustive - size band x mitotic rate x gi_site x nodes x metastasis x edition", "[gist][exhaustive]") {
    int staged_cases = 0;
    for_each_combination(
        [&](const NamedSize& size, const NamedRate& rate, const GiSiteTable& site, const std::optional<Finding>& nodes,
            const std::optional<Finding>& metastasis, const EditionId& edition) {
            Case c = gist_case(site.site, size.size, rate.rate, edition.edition);
            c.nodes = nodes;
            c.metastasis = metastasis;
            INFO("size " << size.label << ", " << rate.label << ", gi_site " << name(site.site) << ", nodes "
                         << optional_text(nodes) << ", metastasis " << optional_text(metastasis) << ", edition "
                         << optional_text(edition.edition));
            const bool n1 = nodes == Finding::present;
            const bool m1 = metastasis == Finding::present;
            const Result r = staged(c);
            ++staged_cases;
            // N0 includes unknown nodal status: never NX for GIST.
            check_staging(r, edition.system_id, expected_stages(site.gastric, size.band, rate.category, n1, m1),
                          t_of_band(size.band), n1, m1);
            CHECK(r.categories.g.empty());  // grade is not used
            if (rate.category == k_rate_unknown) {
                CHECK(r.categories.rate != "low");
                CHECK(r.categories.rate != "high");
            } else {
                CHECK(r.categories.rate == (rate.category == k_high ? "high" : "low"));
            }
            REQUIRE(r.survival != nullptr);
            CHECK(r.survival->id == "gist");
            INFO("warnings:" << joined(r.warnings));
            CHECK(r.warnings.empty());
        },
        k_sizes, k_rates, k_gi_sites, k_omitted_no_yes_unknown, k_omitted_no_yes, k_editions);
    CHECK(staged_cases == 21 * 6 * 10 * 4 * 3 * 3);
}

// ---- Named boundaries -----------------------------------------------------------------------------

TEST_CASE("GIST T - every size boundary (2, 5, 10 cm) belongs to the lower category, and sizes are not rounded",
          "[gist][size]") {
    auto gastric = [](const Measured<Length>& size, double rate) {
        return gist_case(GiSite::stomach, size, rate_of(rate));
    };
    auto intestinal = [](const Measured<Length>& size, double rate) {
        return gist_case(GiSite::small_intestine, size, rate_of(rate));
    };
    check_named_cases({
        {"exactly 2.0 cm, low, gastric", gastric(size_cm(2.0), 3.0), "T1", "IA"},
        {"exactly 2.0 cm, low, intestinal", intestinal(size_cm(2.0), 3.0), "T1", "I"},
        {"exactly 2.0 cm, high, intestinal (IIIA, not IIIB)", intestinal(size_cm(2.0), 8.0), "T1", "IIIA"},
        {"2.01 cm, high, intestinal", intestinal(size_cm(2.01), 8.0), "T2", "IIIB"},
        {"exactly 20 mm, high, intestinal", intestinal(size_mm(20.0), 8.0), "T1", "IIIA"},
        {"20.1 mm, high, intestinal", intestinal(size_mm(20.1), 8.0), "T2", "IIIB"},
        {"exactly 5.0 cm, low, gastric", gastric(size_cm(5.0), 3.0), "T2", "IA"},
        {"exactly 5.0 cm, low, intestinal", intestinal(size_cm(5.0), 3.0), "T2", "I"},
        {"5.01 cm, low, gastric", gastric(size_cm(5.01), 3.0), "T3", "IB"},
        {"5.01 cm, low, intestinal", intestinal(size_cm(5.01), 3.0), "T3", "II"},
        {"exactly 50 mm, low, gastric", gastric(size_mm(50.0), 3.0), "T2", "IA"},
        {"50.1 mm, low, gastric", gastric(size_mm(50.1), 3.0), "T3", "IB"},
        {"exactly 10.0 cm, low, gastric", gastric(size_cm(10.0), 3.0), "T3", "IB"},
        {"exactly 10.0 cm, low, intestinal", intestinal(size_cm(10.0), 3.0), "T3", "II"},
        {"10.01 cm, low, gastric", gastric(size_cm(10.01), 3.0), "T4", "II"},
        {"10.01 cm, low, intestinal", intestinal(size_cm(10.01), 3.0), "T4", "IIIA"},
        {"exactly 100 mm, high, gastric", gastric(size_mm(100.0), 8.0), "T3", "IIIA"},
        {"100.1 mm, high, gastric", gastric(size_mm(100.1), 8.0), "T4", "IIIB"},
        {"10.0000001 cm, low, gastric (not rounded to 10)", gastric(size_cm(10.0000001), 3.0), "T4", "II"},
    });
}

TEST_CASE("GIST mitotic rate - exactly 5 is low, more is high, not rounded, the same per 5 mm2 in the 8th edition",
          "[gist][rate]") {
    struct Row {
        const char* label;
        GiSite site;
        double rate;
        std::optional<int> edition;
        const char* category;
        const char* stage;
    };
    const std::array<Row, 6> rows = {{
        {"0, intestinal", GiSite::small_intestine, 0.0, std::nullopt, "low", "I"},
        {"exactly 5, gastric", GiSite::stomach, 5.0, std::nullopt, "low", "IA"},
        {"5.01, gastric", GiSite::stomach, 5.01, std::nullopt, "high", "II"},
        {"5.0000001, gastric", GiSite::stomach, 5.0000001, std::nullopt, "high", "II"},
        {"exactly 5, gastric, 8th edition", GiSite::stomach, 5.0, 8, "low", "IA"},
        {"5.01, gastric, 8th edition", GiSite::stomach, 5.01, 8, "high", "II"},
    }};
    for (const Row& row : rows) {
        INFO("3 cm, rate " << row.label);
        const Result r = staged(gist_case(row.site, size_cm(3.0), rate_of(row.rate), row.edition));
        CHECK(r.categories.rate == row.category);
        CHECK(stage_text(r.stage) == row.stage);
    }
}
