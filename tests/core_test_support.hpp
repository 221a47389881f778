#pragma once
// Helpers shared by the core rule tests (test_ajcc7_sts, test_figo2009, test_unknowns,
// test_summary_survival, test_validation, test_rule_tables). They only build cases and turn results
// into text for readable failure messages; every expected value lives in the test files themselves.

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "lmsstage/lmsstage.hpp"

namespace lmsstage_core_test {

inline lmsstage::Measured<lmsstage::Length> size_cm(double value) {
    return lmsstage::Measured<lmsstage::Length>::of(lmsstage::Length{value, lmsstage::LengthUnit::cm});
}
inline lmsstage::Measured<lmsstage::Length> size_mm(double value) {
    return lmsstage::Measured<lmsstage::Length>::of(lmsstage::Length{value, lmsstage::LengthUnit::mm});
}
/// A yes/no finding from a boolean (true = present).
inline lmsstage::Finding yes_no(bool present) {
    return present ? lmsstage::Finding::present : lmsstage::Finding::absent;
}

inline lmsstage::Measured<lmsstage::Length> size_unknown() { return lmsstage::Measured<lmsstage::Length>::unknown(); }

/// An AJCC 7 soft tissue case: size in cm and grade, nothing else given.
inline lmsstage::Case soft_tissue_case(double cm, lmsstage::Grade grade) {
    lmsstage::Case c;
    c.size = size_cm(cm);
    c.grade = grade;
    return c;
}

/// A uterine leiomyosarcoma case of the given size in cm, nothing else given.
inline lmsstage::Case uterine_case(double cm, lmsstage::Histology histology = lmsstage::Histology::lms) {
    lmsstage::Case c;
    c.site = lmsstage::Site::uterus;
    c.histology = histology;
    c.size = size_cm(cm);
    return c;
}

/// A uterine adenosarcoma case with the given myometrial invasion (percent), nothing else given.
inline lmsstage::Case adenosarcoma_case(double invasion_percent) {
    lmsstage::Case c;
    c.site = lmsstage::Site::uterus;
    c.histology = lmsstage::Histology::adenosarcoma;
    c.myometrial_invasion = invasion_percent;
    return c;
}

/// Stages a case that must be valid; a CaseError fails the test with its message.
inline lmsstage::Result staged(const lmsstage::Case& c) {
    lmsstage::Outcome outcome = lmsstage::stage(c);
    if (const auto* bad = std::get_if<lmsstage::CaseError>(&outcome)) {
        FAIL("unexpected case error: " << bad->message());
    }
    return std::get<lmsstage::Result>(std::move(outcome));
}

/// The error of a case that must be invalid; nullopt (and a failed check) when it stages.
inline std::optional<lmsstage::CaseError> case_error(const lmsstage::Case& c) {
    lmsstage::Outcome outcome = lmsstage::stage(c);
    if (const auto* bad = std::get_if<lmsstage::CaseError>(&outcome)) {
        return *bad;
    }
    return std::nullopt;
}

/// "III", or "undetermined" when there is no single stage.
inline std::string stage_text(std::optional<lmsstage::Stage> s) {
    return s ? std::string(lmsstage::name(*s)) : std::string("undetermined");
}

/// "IIA, III" (stage order); "" for the empty set.
inline std::string stages_text(lmsstage::StageSet set) {
    std::string text;
    for (lmsstage::Stage s : set.members()) {
        if (!text.empty()) {
            text += ", ";
        }
        text += lmsstage::name(s);
    }
    return text;
}

/// "localized", or "undetermined".
inline std::string summary_text(std::optional<lmsstage::SummaryStage> s) {
    return s ? std::string(lmsstage::name(*s)) : std::string("undetermined");
}

inline std::string field_text(lmsstage::Field f) { return std::string(lmsstage::field_name(f)); }

/// True when some line contains `needle`.
inline bool any_contains(const lmsstage::TextList& lines, std::string_view needle) {
    for (const std::string& line : lines) {
        if (line.find(needle) != std::string::npos) {
            return true;
        }
    }
    return false;
}

/// Every line joined, for INFO output.
inline std::string joined(const lmsstage::TextList& lines) {
    std::string text;
    for (const std::string& line : lines) {
        text += "\n  - ";
        text += line;
    }
    return text.empty() ? std::string(" (none)") : text;
}

}  // namespace lmsstage_core_test
