// The three cases the project promised first; each topic file tests the rules in depth.
#include <catch2/catch.hpp>

#include "lmsstage/lmsstage.hpp"

using namespace lmsstage;

namespace {
Result staged(const Case& c) {
    Outcome outcome = stage(c);
    REQUIRE(std::holds_alternative<Result>(outcome));
    return std::get<Result>(outcome);
}
}  // namespace

TEST_CASE("6 cm grade 3 soft tissue sarcoma is stage III, T2 N0 M0 G3, localized 82.4%", "[smoke]") {
    Case c;
    c.size = Measured<Length>::of({6.0, LengthUnit::cm});
    c.grade = Grade::g3;
    const Result r = staged(c);
    CHECK(r.system.id == "ajcc7-sts");
    CHECK(r.stage == Stage::III);
    CHECK(r.categories.t == "T2");
    CHECK(r.categories.n == "N0");
    CHECK(r.categories.m == "M0");
    CHECK(r.categories.g == "G3");
    CHECK(r.summary_stage == SummaryStage::localized);
    REQUIRE(r.survival != nullptr);
    CHECK(r.survival->id == "soft-tissue-sarcoma");
    CHECK(r.survival->rows[0].percent_text == "82.4");
}
