// What a result could have been: the survival rows its unknown findings leave open, and the case by
// the current AJCC edition beside the AJCC 7th. Both restage the case through the core.
#include <catch2/catch.hpp>

#include <variant>
#include <vector>

#include "lmsstage/alternatives.hpp"
#include "lmsstage/lmsstage.hpp"

using namespace lmsstage;

namespace {

Measured<Length> cm(double value) { return Measured<Length>::of(Length{value, LengthUnit::cm}); }

Result staged(const Case& c) {
    const Outcome outcome = stage(c);
    REQUIRE(std::holds_alternative<Result>(outcome));
    return std::get<Result>(outcome);
}

Case uterine_7_cm() {
    Case c;
    c.site = Site::uterus;
    c.size = cm(7.0);
    return c;
}

}  // namespace

TEST_CASE("a case without unknowns has its one summary stage", "[alternatives][rows]") {
    Case c;
    c.size = cm(6.0);
    c.grade = Grade::g3;
    CHECK(possible_summary_stages(c) == std::vector{SummaryStage::localized});
}

TEST_CASE("unknown nodes leave the localized and regional rows open", "[alternatives][rows]") {
    // SEER Summary Stage 2018: regional lymph nodes are regional; the SEER convention codes
    // unknown nodes as negative, so the summary stage alone would say localized.
    Case c = uterine_7_cm();
    c.nodes = Finding::unknown;
    CHECK(staged(c).summary_stage == SummaryStage::localized);
    CHECK(possible_summary_stages(c) == std::vector{SummaryStage::localized, SummaryStage::regional});
}

TEST_CASE("unknown nodes and metastasis leave every row open", "[alternatives][rows]") {
    Case c = uterine_7_cm();
    c.nodes = Finding::unknown;
    c.metastasis = Finding::unknown;
    CHECK(possible_summary_stages(c) ==
          std::vector{SummaryStage::localized, SummaryStage::regional, SummaryStage::distant});
}

TEST_CASE("an unknown size moves the stage, not the summary stage", "[alternatives][rows]") {
    Case c;
    c.size = Measured<Length>::unknown();
    c.grade = Grade::g3;
    CHECK(possible_summary_stages(c) == std::vector{SummaryStage::localized});
}

TEST_CASE("an invalid case has no rows", "[alternatives][rows]") {
    Case c;
    c.size = cm(-3.0);
    CHECK(possible_summary_stages(c).empty());
}

TEST_CASE("6 cm grade 3 by the current edition: IIIA for trunk and extremity, site not chosen",
          "[alternatives][current]") {
    Case c;
    c.size = cm(6.0);
    c.grade = Grade::g3;
    const auto current = current_edition(c);
    REQUIRE(current.has_value());
    // AJCC 8th ed. (2017), chapter 41: T2 (> 5 to 10 cm) N0 M0 G3 is stage IIIA.
    CHECK(current->result.stage == Stage::IIIA);
    CHECK(current->sites == "trunk/extremity");
    CHECK_FALSE(current->site_chosen);
}

TEST_CASE("for soft tissue with no site, the current edition's stage is the trunk's and the extremity's",
          "[alternatives][current]") {
    // Every T (sizes on both sides of 5, 10 and 15 cm), grade, N and M of AJCC 8th ed. chapter 41.
    for (double size : {3.0, 5.0, 5.1, 10.0, 10.1, 15.0, 15.1, 20.0}) {
        for (Grade grade : {Grade::g1, Grade::g2, Grade::g3}) {
            for (Finding nodes : {Finding::absent, Finding::present}) {
                for (Finding metastasis : {Finding::absent, Finding::present}) {
                    Case c;
                    c.size = cm(size);
                    c.grade = grade;
                    c.nodes = nodes;
                    c.metastasis = metastasis;
                    const auto current = current_edition(c);
                    REQUIRE(current.has_value());
                    for (Site site : {Site::trunk, Site::extremity}) {
                        Case named = c;
                        named.edition = 8;
                        named.site = site;
                        INFO("size " << size << " cm, site " << name(site));
                        CHECK(staged(named).possible_stages == current->result.possible_stages);
                    }
                }
            }
        }
    }
}

TEST_CASE("a named site is staged by the current edition at that site", "[alternatives][current]") {
    Case c;
    c.site = Site::retroperitoneum;
    c.size = cm(12.0);
    c.grade = Grade::g2;
    c.nodes = Finding::present;
    const auto current = current_edition(c);
    REQUIRE(current.has_value());
    // AJCC 8th ed. (2017), chapter 44 (retroperitoneum): N1 M0 is stage IIIB.
    CHECK(current->result.stage == Stage::IIIB);
    CHECK(current->sites == "retroperitoneum");
    CHECK(current->site_chosen);
}

TEST_CASE("no current-edition restaging outside the AJCC 7th edition", "[alternatives][current]") {
    Case eighth;
    eighth.edition = 8;
    eighth.site = Site::extremity;
    eighth.size = cm(6.0);
    eighth.grade = Grade::g3;
    CHECK_FALSE(current_edition(eighth).has_value());
    CHECK_FALSE(current_edition(uterine_7_cm()).has_value());
    Case gist;
    gist.site = Site::gi;
    gist.histology = Histology::gist;
    gist.gi_site = GiSite::stomach;
    gist.size = cm(7.0);
    gist.mitotic_rate = Measured<MitoticRate>::of(MitoticRate{8});
    CHECK_FALSE(current_edition(gist).has_value());
}
