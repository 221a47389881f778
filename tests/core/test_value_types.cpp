// The value types results are built from: StageSet (a set of stages), Set (a cell of a stage table),
// the G category of a grade, Length, and the common category of two category names. Whatever can be
// checked at compile time is a static_assert.
#include <catch2/catch.hpp>
#include <cstdint>

#include "core/detail.hpp"
#include "lmsstage/lmsstage.hpp"

using namespace lmsstage;

namespace {

// ---- StageSet: kept in stage order, equal when the members are -----------------------------------

static_assert(StageSet{}.empty());
static_assert(StageSet{Stage::IIA, Stage::III} == StageSet{Stage::III, Stage::IIA});
static_assert(StageSet{Stage::IA} != StageSet{Stage::IB});
static_assert(StageSet{Stage::IA, Stage::IB} != StageSet{Stage::IA});
static_assert(StageSet{} != StageSet{Stage::IVB});
static_assert(StageSet{Stage::IA, Stage::IA}.size() == 1);
static_assert(StageSet{Stage::IVB}.single() == Stage::IVB);
static_assert(!StageSet{Stage::IA, Stage::IB}.single().has_value());
static_assert(!StageSet{}.single().has_value());
static_assert([] {
    StageSet s{Stage::I};
    s.merge(StageSet{Stage::IV});
    return s == StageSet{Stage::I, Stage::IV} && s.contains(Stage::IV) && !s.contains(Stage::II);
}());

// ---- Set: the "T1-T3", "any N", "G1, GX" cells of a table ----------------------------------------

static_assert(Set<G>{G::g1, G::gx}.contains(G::gx));
static_assert(!Set<G>{G::g1, G::gx}.contains(G::g2));
static_assert(!Set<T>{}.contains(T::tx));
static_assert(Set<N>::any().contains(N::nx) && Set<N>::any().is_any());

// ---- The G category of a grade: GX stays GX (the tables group it with G1) ------------------------

static_assert(detail::to_g(Grade::g1) == G::g1);
static_assert(detail::to_g(Grade::g2) == G::g2);
static_assert(detail::to_g(Grade::g3) == G::g3);
static_assert(detail::to_g(Grade::gx) == G::gx);

}  // namespace

TEST_CASE("Value types - a grade outside its enumeration maps to GX, never to a real grade", "[values][grade]") {
    // Through a volatile, so that the fallback runs (and is measured) at run time.
    volatile std::uint8_t raw = 0xEE;
    CHECK(detail::to_g(static_cast<Grade>(raw)) == G::gx);
    volatile std::uint8_t g1 = 0;
    CHECK(detail::to_g(static_cast<Grade>(g1)) == G::g1);
}

TEST_CASE("Value types - Length::in_cm is the value itself in cm and a tenth of it in mm", "[values][length]") {
    CHECK(Length{6.0, LengthUnit::cm}.in_cm() == 6.0);
    CHECK(Length{55.0, LengthUnit::mm}.in_cm() == 5.5);
}

TEST_CASE("Value types - common_category keeps a whole category only", "[values][categories]") {
    CHECK(detail::common_category("T1a", "T1b") == "T1");
    CHECK(detail::common_category("T1", "T1") == "T1");   // a runs out first
    CHECK(detail::common_category("T1a", "T1") == "T1");  // b runs out first
    CHECK(detail::common_category("T1", "T2").empty());   // only "T" in common: no category
    CHECK(detail::common_category("T", "T1").empty());
    CHECK(detail::common_category("", "T1").empty());
}
