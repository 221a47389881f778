// GIST risk of progression (docs/rules.md §3a): the AFIP table (Miettinen and Lasota 2006) and the
// modified NIH criteria (Joensuu 2008), pinned cell by cell from their public copies, and checked
// over every size band boundary, mitotic rate boundary, gi_site and rupture finding.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "lmsstage/gist_risk.hpp"
#include "lmsstage/lmsstage.hpp"
#include "support/core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

// NCI PDQ Gastrointestinal Stromal Tumors Treatment (health professional), Table 1 "Risk Stratification
// of Primary GIST by Mitotic Index, Tumor Size, and Tumor Location", columns Gastric, Duodenum,
// Jejunum/Ileum, Rectum; rows <= 2, > 2 <= 5, > 5 <= 10, > 10 cm, first with <= 5 then > 5 mitoses per
// 50 HPF. "" = no percentage printed. The rectal > 10 cm, > 5 cell is 71 in every copy but NCI PDQ's
// (which prints 7 beside "High"): ISRN Oncology 2012 review of GIST, Table 2; NCCN table in J
// Gastrointest Dig Syst 2014;4:176, Table 2.
struct Printed {
    const char* category;
    const char* percent;
};
// [site][rate][size]
const Printed k_printed[4][2][4] = {
    {{{"none", "0"}, {"very-low", "1.9"}, {"low", "3.6"}, {"moderate", "10"}},
     {{"none", ""}, {"moderate", "16"}, {"high", "55"}, {"high", "86"}}},
    {{{"none", "0"}, {"low", "4.3"}, {"moderate", "24"}, {"high", "52"}},
     {{"high", ""}, {"high", "73"}, {"high", "85"}, {"high", "90"}}},
    {{{"none", "0"}, {"low", "8.3"}, {"insufficient-data", ""}, {"high", "34"}},
     {{"insufficient-data", ""}, {"high", "50"}, {"insufficient-data", ""}, {"high", "86"}}},
    {{{"none", "0"}, {"low", "8.5"}, {"insufficient-data", ""}, {"high", "57"}},
     {{"high", "54"}, {"high", "52"}, {"insufficient-data", ""}, {"high", "71"}}},
};

// The modified NIH criteria's rows (Joensuu 2008, as medicalalgorithms.com and Kobe University Hospital
// reproduce them), as predicates over size band (0: <= 2, 1: > 2-5, 2: > 5-10, 3: > 10 cm) and rate band
// (0: <= 5, 1: 6-10, 2: > 10 per 50 HPF). Returns the categories a cell can take.
std::set<std::string> nih_expected(bool gastric, int size, int rate) {
    if (size == 3 || rate == 2 || (size >= 2 && rate >= 1)) {
        return {"high"};  // > 10 cm; > 10 mitoses; > 5 cm with > 5 mitoses
    }
    if (rate == 0) {
        if (size == 0) {
            return {"very-low"};
        }
        if (size == 1) {
            return {"low"};
        }
        return {gastric ? "intermediate" : "high"};  // 5.1-10.0 cm, <= 5
    }
    // <= 5 cm, 6-10 mitoses: intermediate when gastric; non-gastric 2.1-5.0 cm high; non-gastric <= 2 cm is
    // where the copies disagree (high, or intermediate under "< 2.0 cm, 6-10, any site").
    if (gastric) {
        return {"intermediate"};
    }
    return size == 1 ? std::set<std::string>{"high"} : std::set<std::string>{"intermediate", "high"};
}

std::set<std::string> names_of(RiskSet set) {
    std::set<std::string> out;
    for (RiskCategory c : k_all_risk_categories) {
        if (set.contains(c)) {
            out.insert(std::string(name(c)));
        }
    }
    return out;
}

// The AFIP columns and NIH readings of each gi_site.
std::vector<int> afip_columns(GiSite site) {
    switch (site) {
        case GiSite::stomach: return {0};
        case GiSite::duodenum: return {1};
        case GiSite::jejunum_ileum: return {2};
        case GiSite::small_intestine: return {1, 2};  // both parts: the union
        case GiSite::rectum: return {3};
        default: return {};  // no column: omentum, oesophagus, colorectum, mesentery, peritoneum
    }
}
std::vector<bool> nih_readings(GiSite site) {
    if (site == GiSite::stomach) {
        return {true};
    }
    if (site == GiSite::omentum) {
        return {true, false};  // the criteria name gastric and non-gastric only
    }
    return {false};
}

struct NamedRate {
    const char* label;
    Measured<MitoticRate> rate;
    std::vector<int> afip_bands;
    std::vector<int> nih_bands;
};

}  // namespace

TEST_CASE("AFIP table: every cell as NCI PDQ prints it", "[gist-risk]") {
    REQUIRE(afip_table().size() == 32);
    for (std::size_t s = 0; s < 4; ++s) {
        for (std::size_t r = 0; r < 2; ++r) {
            for (std::size_t z = 0; z < 4; ++z) {
                const AfipCell& cell =
                    afip_cell(k_all_afip_sites[s], k_all_gist_size_bands[z], k_all_afip_rate_bands[r]);
                INFO(name(cell.site) << ", " << name(cell.size) << ", " << name(cell.rate));
                CHECK(name(cell.category) == k_printed[s][r][z].category);
                CHECK(cell.percent == k_printed[s][r][z].percent);
                CHECK_FALSE(cell.source.empty());
            }
        }
    }
}

TEST_CASE("AFIP table: the cells where public copies disagree say how it was settled", "[gist-risk]") {
    // Rectum > 10 cm, > 5 mitoses: NCI PDQ prints 7 beside "High"; the other copies 71.
    const AfipCell& rectal = afip_cell(AfipSite::rectum, GistSizeBand::over_10, AfipRateBand::over_5);
    CHECK(rectal.percent == "71");
    CHECK(rectal.note.find("misprint") != std::string_view::npos);
    CHECK(rectal.source != k_afip_source);
    // Duodenum > 10 cm, <= 5: NCI PDQ 52, the NCCN copy 54.
    CHECK(afip_cell(AfipSite::duodenum, GistSizeBand::over_10, AfipRateBand::up_to_5).note.find("54") !=
          std::string_view::npos);
    // Gastric > 10 cm, <= 5: NCI PDQ 10, some copies 12.
    CHECK(afip_cell(AfipSite::gastric, GistSizeBand::over_10, AfipRateBand::up_to_5).note.find("12") !=
          std::string_view::npos);
    // The duodenal column's <= 2 cm, > 5 cell: "High", small numbers of cases.
    CHECK(afip_cell(AfipSite::duodenum, GistSizeBand::up_to_2, AfipRateBand::over_5).small_numbers);
}

TEST_CASE("modified NIH: every cell from the criteria's rows", "[gist-risk]") {
    REQUIRE(nih_table().size() == 24);
    for (bool gastric : {true, false}) {
        for (std::size_t z = 0; z < 4; ++z) {
            for (std::size_t r = 0; r < 3; ++r) {
                const NihCell& cell = nih_cell(gastric, k_all_gist_size_bands[z], k_all_nih_rate_bands[r]);
                INFO((gastric ? "gastric, " : "non-gastric, ") << name(cell.size) << ", " << name(cell.rate));
                std::set<std::string> got = {std::string(name(cell.category)), std::string(name(cell.alternative))};
                CHECK(got == nih_expected(gastric, static_cast<int>(z), static_cast<int>(r)));
                CHECK(cell.note.empty() == (cell.category == cell.alternative));
            }
        }
    }
}

TEST_CASE("bands: each boundary belongs to the lower band", "[gist-risk]") {
    // Size: <= 2, > 2-<= 5, > 5-<= 10, > 10 cm (both tables).
    CHECK(size_band(Length{2.0, LengthUnit::cm, 0, true}) == GistSizeBand::up_to_2);
    CHECK(size_band(Length{2.01, LengthUnit::cm, 0, true}) == GistSizeBand::over_2_to_5);
    CHECK(size_band(Length{50.0, LengthUnit::mm, 0, true}) == GistSizeBand::over_2_to_5);
    CHECK(size_band(Length{5.0, LengthUnit::cm, 1, true}) == GistSizeBand::over_5_to_10);  // 5.00...01 cm
    CHECK(size_band(Length{10.0, LengthUnit::cm, 0, true}) == GistSizeBand::over_5_to_10);
    CHECK(size_band(Length{100.1, LengthUnit::mm, 0, true}) == GistSizeBand::over_10);
    // Mitoses per 50 HPF: AFIP <= 5 and > 5; NIH <= 5, 6-10, > 10.
    CHECK(afip_rate_band(5.0) == AfipRateBand::up_to_5);
    CHECK(afip_rate_band(5.5) == AfipRateBand::over_5);
    CHECK(nih_rate_band(5.0) == NihRateBand::up_to_5);
    CHECK(nih_rate_band(6.0) == NihRateBand::from_6_to_10);
    CHECK(nih_rate_band(10.0) == NihRateBand::from_6_to_10);
    CHECK(nih_rate_band(10.5) == NihRateBand::over_10);
}

TEST_CASE("GIST risk exhaustive - size x mitotic rate x gi_site x rupture, unknowns give the union", "[gist-risk]") {
    const std::vector<NamedSize> sizes = sizes_around({2.0, 5.0, 10.0});
    const std::vector<NamedRate> rates = {
        {"0", rate_of(0.0), {0}, {0}},           {"exactly 5", rate_of(5.0), {0}, {0}},
        {"5.01", rate_of(5.01), {1}, {1}},       {"6", rate_of(6.0), {1}, {1}},
        {"exactly 10", rate_of(10.0), {1}, {1}}, {"10.01", rate_of(10.01), {1}, {2}},
        {"40", rate_of(40.0), {1}, {2}},         {"unknown", rate_unknown(), {0, 1}, {0, 1, 2}},
    };
    int checked = 0;
    for (const NamedSize& size : sizes) {
        const std::vector<int> bands =
            size.band == k_band_unknown ? std::vector<int>{0, 1, 2, 3} : std::vector<int>{size.band};
        for (const NamedRate& rate : rates) {
            for (GiSite site : k_all_gi_sites) {
                for (const std::optional<Finding>& rupture : k_omitted_no_yes_unknown) {
                    Case c = gist_case(site, size.size, rate.rate);
                    c.rupture = rupture;
                    const Result r = staged(c);
                    const GistRisk& risk = r.gist_risk;
                    INFO(size.label << ", rate " << rate.label << ", " << name(site) << ", rupture "
                                    << (rupture ? std::string(name(*rupture)) : std::string("omitted")));
                    REQUIRE(risk.assessed);

                    std::set<std::string> afip;
                    std::set<std::pair<std::string, std::string>> afip_cells;
                    for (int column : afip_columns(site)) {
                        for (int band : bands) {
                            for (int rb : rate.afip_bands) {
                                const Printed& p = k_printed[column][rb][band];
                                afip.insert(p.category);
                                afip_cells.insert({p.category, p.percent});
                            }
                        }
                    }
                    CHECK(names_of(risk.afip) == afip);
                    std::set<std::pair<std::string, std::string>> got_cells;
                    for (const AfipCell* cell : risk.afip_possible()) {
                        got_cells.insert({std::string(name(cell->category)), std::string(cell->percent)});
                    }
                    CHECK(got_cells == afip_cells);
                    CHECK((risk.afip_count == 0) == afip_columns(site).empty());

                    std::set<std::string> nih;
                    if (rupture == Finding::present || rupture == Finding::unknown) {
                        nih.insert("high");  // tumour rupture: high (Joensuu 2008)
                    }
                    if (rupture != Finding::present) {
                        for (bool gastric : nih_readings(site)) {
                            for (int band : bands) {
                                for (int rb : rate.nih_bands) {
                                    const auto cell = nih_expected(gastric, band, rb);
                                    nih.insert(cell.begin(), cell.end());
                                }
                            }
                        }
                    }
                    CHECK(names_of(risk.nih) == nih);
                    CHECK(risk.rupture_assumed == !rupture.has_value());
                    ++checked;
                }
            }
        }
    }
    CHECK(checked == 21 * 8 * 10 * 4);
}

TEST_CASE("GIST risk: not given for a GIST with nodal or distant metastasis, with the note why", "[gist-risk]") {
    // Miettinen and Lasota 2006 and Joensuu 2008 classify resected primary GIST: a GIST with regional
    // node (N1) or distant (M1) metastasis is outside both series. Unknown or omitted findings keep
    // the risk (they stage as N0 / M0 or MX, and are stated).
    for (const std::optional<Finding>& nodes : k_omitted_no_yes_unknown) {
        for (const std::optional<Finding>& metastasis : k_omitted_no_yes_unknown) {
            Case c = gist_case(GiSite::stomach, size_cm(7.0), rate_of(3.0));
            c.nodes = nodes;
            c.metastasis = metastasis;
            const Result r = staged(c);
            const bool spread = nodes == Finding::present || metastasis == Finding::present;
            INFO("nodes " << (nodes ? std::string(name(*nodes)) : std::string("omitted")) << ", metastasis "
                          << (metastasis ? std::string(name(*metastasis)) : std::string("omitted")));
            CHECK(r.gist_risk.assessed == !spread);
            CHECK(r.gist_risk.metastatic == spread);
            const bool noted = std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& note) {
                return note.starts_with("no risk of progression is given: the AFIP table and the modified NIH");
            });
            CHECK(noted == spread);
            if (spread) {
                CHECK(r.gist_risk.afip_count == 0);
                CHECK(r.gist_risk.nih_count == 0);
                CHECK_FALSE(r.gist_risk.rupture_assumed);
            }
        }
    }
}

TEST_CASE("GIST risk: a metastatic GIST staged before a localized one leaves nothing behind", "[gist-risk]") {
    // Batch staging reuses one Result: the second case's risk is its own (AFIP gastric, > 5 <= 10 cm,
    // <= 5 per 50 HPF: low, 3.6 %).
    Result r;
    Case spread = gist_case(GiSite::stomach, size_cm(1.5), rate_of(2.0));
    spread.metastasis = Finding::present;
    REQUIRE_FALSE(stage(spread, r).has_value());
    CHECK(r.gist_risk.metastatic);
    Case soft_tissue;
    soft_tissue.size = size_cm(6.0);
    soft_tissue.grade = Grade::g3;
    REQUIRE_FALSE(stage(soft_tissue, r).has_value());
    CHECK_FALSE(r.gist_risk.metastatic);
    CHECK_FALSE(r.gist_risk.assessed);
    REQUIRE_FALSE(stage(gist_case(GiSite::stomach, size_cm(7.0), rate_of(3.0)), r).has_value());
    CHECK(r.gist_risk.assessed);
    CHECK(names_of(r.gist_risk.afip) == std::set<std::string>{"low"});
}

TEST_CASE("GIST risk: a gastric GIST of 7 cm with 3 mitoses per 50 HPF", "[gist-risk]") {
    // NCI PDQ Table 1: gastric, > 5 <= 10 cm, <= 5 per 50 HPF: low (3.6 %).
    // Joensuu 2008: 5.1-10.0 cm, <= 5, gastric: intermediate; tumour rupture: high.
    Case c = gist_case(GiSite::stomach, size_cm(7.0), rate_of(3.0));
    const Result r = staged(c);
    REQUIRE(r.gist_risk.afip_count == 1);
    CHECK(r.gist_risk.afip_cells[0]->category == RiskCategory::low);
    CHECK(r.gist_risk.afip_cells[0]->percent == "3.6");
    CHECK((names_of(r.gist_risk.nih) == std::set<std::string>{"intermediate"}));
    c.rupture = Finding::present;
    CHECK((names_of(staged(c).gist_risk.nih) == std::set<std::string>{"high"}));
    CHECK(staged(c).gist_risk.afip_cells[0]->percent == "3.6");  // AFIP does not read rupture
}

TEST_CASE("GIST risk: only a GIST has one, and rupture given elsewhere is a warning", "[gist-risk]") {
    Case sts = soft_tissue_case(6.0, Grade::g3);
    CHECK_FALSE(staged(sts).gist_risk.assessed);
    sts.rupture = Finding::present;
    const Result r = staged(sts);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find("rupture") != std::string::npos);
}
