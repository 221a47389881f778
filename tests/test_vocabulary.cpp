// The names of lmsstage's own vocabulary are written into JSON without escaping (render_json's
// word()); this pins that every one of them is plain: printable ASCII with no quote or backslash.
#include <catch2/catch.hpp>
#include <string>

#include "lmsstage/lmsstage.hpp"

using namespace lmsstage;

namespace {

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

}  // namespace

TEST_CASE("vocabulary names are plain ASCII for JSON", "[vocabulary]") {
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

TEST_CASE("system ids and names are plain ASCII for JSON", "[vocabulary]") {
    for (const RuleSet* rules : all_rule_sets()) {
        INFO("system " << std::string(rules->system.id));
        CHECK(plain(rules->system.id));
        CHECK(plain(rules->system.name));
    }
}

TEST_CASE("trace rule names are plain ASCII for JSON", "[vocabulary]") {
    Case c;
    c.size = Measured<Length>::of({6.0, LengthUnit::cm});
    c.grade = Grade::g3;
    const Outcome outcome = stage(c);
    REQUIRE(std::holds_alternative<Result>(outcome));
    for (const TraceStep& step : std::get<Result>(outcome).trace) {
        CHECK(plain(step.rule));
    }
}
