#pragma once
// Shared by the NAACCR tests: build a record from item ids and read the mapping back.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "naaccr/naaccr.hpp"

namespace naaccr_test {

using Items = std::initializer_list<std::pair<std::string_view, std::string_view>>;

/// A malignant leiomyosarcoma of the thigh, to which `items` add or override values.
inline lmsstage::naaccr::Record record(Items items, bool thigh_lms = true) {
    lmsstage::naaccr::Record r;
    if (thigh_lms) {
        r.set("primarySite", "C492");
        r.set("histologicTypeIcdO3", "8890");
        r.set("behaviorCodeIcdO3", "3");
    }
    for (const auto& [id, value] : items) {
        REQUIRE(r.set(id, value));
    }
    return r;
}

/// The mapping of a record that must map.
inline lmsstage::naaccr::Mapped mapped(Items items, bool thigh_lms = true) {
    const auto mapping = lmsstage::naaccr::map_record(record(items, thigh_lms));
    if (const auto* refusal = std::get_if<lmsstage::naaccr::Refusal>(&mapping)) {
        FAIL("refused: " << refusal->message());
    }
    return std::get<lmsstage::naaccr::Mapped>(mapping);
}

/// The refusal of a record that must be refused.
inline lmsstage::naaccr::Refusal refused(Items items, bool thigh_lms = true) {
    const auto mapping = lmsstage::naaccr::map_record(record(items, thigh_lms));
    REQUIRE(std::holds_alternative<lmsstage::naaccr::Refusal>(mapping));
    return std::get<lmsstage::naaccr::Refusal>(mapping);
}

/// The text mapped for a case field, or "(not given)".
inline std::string field(const lmsstage::naaccr::Mapped& m, std::string_view key) {
    const auto text = m.field(key);
    return text ? std::string(*text) : std::string("(not given)");
}

inline bool has_note(const lmsstage::naaccr::Mapped& m, std::string_view part) {
    for (const std::string& note : m.notes) {
        if (note.find(part) != std::string::npos) {
            return true;
        }
    }
    return false;
}

}  // namespace naaccr_test
