// Behaviour the rest of the suite does not reach, found with cmake/coverage.sh: the fallbacks of
// the core library for values outside an enumeration, an ambiguous stage table, category prefixes,
// and set comparison. Each is
// reachable through the library's interface (an enumeration with a fixed underlying type can hold
// any value of that type), so each is pinned here.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/detail.hpp"
#include "core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

/// A value of the enumeration outside its declared enumerators (valid C++: the underlying type is
/// std::uint8_t). Read through a volatile so that no call is folded at compile time.
template <typename E>
E out_of_range() {
    volatile std::uint8_t raw = 0xEE;
    return static_cast<E>(raw);
}

}  // namespace

TEST_CASE("Coverage - every name() of a value outside its enumeration is ?", "[coverage][vocabulary]") {
    CHECK(name(out_of_range<Site>()) == "?");
    CHECK(name(out_of_range<Histology>()) == "?");
    CHECK(name(out_of_range<Depth>()) == "?");
    CHECK(name(out_of_range<Grade>()) == "?");
    CHECK(name(out_of_range<Finding>()) == "?");
    CHECK(name(out_of_range<Extension>()) == "?");
    CHECK(name(out_of_range<GiSite>()) == "?");
    CHECK(name(out_of_range<AdjoiningInvasion>()) == "?");
    CHECK(name(out_of_range<VisceralExtent>()) == "?");
    CHECK(name(out_of_range<LengthUnit>()) == "?");
    CHECK(field_name(out_of_range<Field>()) == "?");
    CHECK(name(out_of_range<Stage>()) == "?");
    CHECK(name(out_of_range<SummaryStage>()) == "?");
    CHECK(name(out_of_range<T>()) == "?");
    CHECK(name(out_of_range<N>()) == "?");
    CHECK(name(out_of_range<M>()) == "?");
    CHECK(name(out_of_range<G>()) == "?");
    CHECK(name(out_of_range<Rate>()) == "?");
}

TEST_CASE("Coverage - a grade outside its enumeration maps to GX, never to a real grade", "[coverage][grade]") {
    CHECK(detail::to_g(out_of_range<Grade>()) == G::gx);
    // The four real grades, through the same (not constant-folded) path.
    volatile std::uint8_t g1 = 0;
    CHECK(detail::to_g(static_cast<Grade>(g1)) == G::g1);
}

TEST_CASE("Coverage - Length::in_cm is the value itself in cm and a tenth of it in mm", "[coverage][length]") {
    CHECK(Length{6.0, LengthUnit::cm}.in_cm() == 6.0);
    CHECK(Length{55.0, LengthUnit::mm}.in_cm() == 5.5);
}

TEST_CASE("Coverage - StageSet equality tells different sets apart", "[coverage][stageset]") {
    CHECK(StageSet{Stage::IA} != StageSet{Stage::IB});
    CHECK(StageSet{Stage::IA, Stage::IB} != StageSet{Stage::IA});
    CHECK(StageSet{} != StageSet{Stage::IVB});
    CHECK(StageSet{Stage::IIA, Stage::III} == StageSet{Stage::III, Stage::IIA});
}

TEST_CASE("Coverage - look_up_group gives no stage when two rows match (an ambiguous table)", "[coverage][rules]") {
    // The AJCC 7 soft tissue table with its first row (IA: T1 N0 M0 G1/GX) given twice.
    const RuleSet& original = ajcc7_sts_rules();
    REQUIRE_FALSE(original.groups.empty());
    const std::array<GroupRow, 2> doubled = {original.groups[0], original.groups[0]};
    RuleSet ambiguous = original;
    ambiguous.groups = doubled;

    REQUIRE(look_up_group(original, T::t1, N::n0, M::m0, G::g1) == Stage::IA);
    CHECK_FALSE(look_up_group(ambiguous, T::t1, N::n0, M::m0, G::g1).has_value());
    // A combination that no row of the doubled table matches: no stage either.
    CHECK_FALSE(look_up_group(ambiguous, T::t2, N::n0, M::m0, G::g3).has_value());
}

TEST_CASE("Coverage - common_category keeps a whole category only", "[coverage][categories]") {
    CHECK(detail::common_category("T1a", "T1b") == "T1");
    CHECK(detail::common_category("T1", "T1") == "T1");    // a runs out first
    CHECK(detail::common_category("T1a", "T1") == "T1");   // b runs out first
    CHECK(detail::common_category("T1", "T2").empty());     // only "T" in common: no category
    CHECK(detail::common_category("T", "T1").empty());
    CHECK(detail::common_category("", "T1").empty());
}
