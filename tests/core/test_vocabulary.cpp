// The vocabulary (docs/rules.md §8): the lists of every value the tests iterate over, and the names
// written into JSON without escaping (render_json's word()), which must be plain: printable ASCII with
// no quote or backslash.
#include <array>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <string>

#include "lmsstage/lmsstage.hpp"

using namespace lmsstage;

namespace {

/// True when `all` holds every value of the enumeration, in declaration order, `last` being the last.
template <typename E, std::size_t Count>
constexpr bool lists_every_value(const std::array<E, Count>& all, E last) {
    if (static_cast<std::size_t>(last) + 1 != Count) {
        return false;
    }
    for (std::size_t i = 0; i < Count; ++i) {
        if (static_cast<std::size_t>(all[i]) != i) {
            return false;
        }
    }
    return true;
}

// The exhaustive tests iterate over these lists: a value left out would go untested.
static_assert(lists_every_value(k_all_sites, Site::mediastinum));
static_assert(lists_every_value(k_all_histologies, Histology::excluded));
static_assert(lists_every_value(k_all_depths, Depth::deep));
static_assert(lists_every_value(k_all_grades, Grade::unknown));
static_assert(lists_every_value(k_all_extensions, Extension::unknown));
static_assert(lists_every_value(k_all_gi_sites, GiSite::rectum));
static_assert(lists_every_value(k_all_adjoining_invasions, AdjoiningInvasion::unknown));
static_assert(lists_every_value(k_all_visceral_extents, VisceralExtent::unknown));
static_assert(lists_every_value(k_all_fields, Field::id));
static_assert(lists_every_value(k_all_stages, Stage::IVB));
static_assert(lists_every_value(k_all_summary_stages, SummaryStage::distant));
static_assert(lists_every_value(k_all_t, T::t4c));
static_assert(lists_every_value(k_all_n, N::nx));
static_assert(lists_every_value(k_all_m, M::m1));
static_assert(lists_every_value(k_all_g, G::gx));
static_assert(lists_every_value(k_all_rates, Rate::high));

bool plain(std::string_view text) {
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7F || c == '"' || c == '\\') {
            return false;
        }
    }
    return true;
}

template <typename Range>
void check_names(const Range& values) {
    for (auto value : values) {
        INFO("name " << std::string(name(value)));
        CHECK(plain(name(value)));
        CHECK_FALSE(name(value).empty());
    }
}

/// A value of the enumeration outside its declared enumerators (valid C++: the underlying type is
/// std::uint8_t). Read through a volatile so that no call is folded at compile time.
template <typename E>
E out_of_range() {
    volatile std::uint8_t raw = 0xEE;
    return static_cast<E>(raw);
}

}  // namespace

TEST_CASE("Vocabulary - names are plain ASCII for JSON", "[vocabulary]") {
    check_names(k_all_sites);
    check_names(k_all_histologies);
    check_names(k_all_depths);
    check_names(k_all_grades);
    check_names(k_all_extensions);
    check_names(k_all_gi_sites);
    check_names(k_all_adjoining_invasions);
    check_names(k_all_visceral_extents);
    check_names(k_all_stages);
    check_names(k_all_summary_stages);
    check_names(k_all_t);
    check_names(k_all_n);
    check_names(k_all_m);
    check_names(k_all_g);
    for (Field field : k_all_fields) {
        CHECK(plain(field_name(field)));
    }
}

TEST_CASE("Vocabulary - system ids and names are plain ASCII for JSON", "[vocabulary]") {
    for (const RuleSet* rules : all_rule_sets()) {
        INFO("system " << std::string(rules->system.id));
        CHECK(plain(rules->system.id));
        CHECK(plain(rules->system.name));
    }
}

TEST_CASE("Vocabulary - trace rule names are plain ASCII for JSON", "[vocabulary]") {
    Case c;
    c.size = Measured<Length>::of({6.0, LengthUnit::cm});
    c.grade = Grade::g3;
    const Outcome outcome = stage(c);
    REQUIRE(std::holds_alternative<Result>(outcome));
    for (const TraceStep& step : std::get<Result>(outcome).trace) {
        CHECK(plain(step.rule));
    }
}

TEST_CASE("Vocabulary - the name of a value outside its enumeration is ?", "[vocabulary]") {
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
