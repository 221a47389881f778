#pragma once
/// lmsstage: staging of leiomyosarcoma and related sarcomas (AJCC 7th edition soft tissue sarcoma,
/// FIGO 2009 uterine sarcoma) with the matching five-year survival table.
///
/// The library is pure: values in, values out, no I/O, no exceptions for bad clinical input.

#include <string_view>

#include "lmsstage/case.hpp"
#include "lmsstage/result.hpp"
#include "lmsstage/rules.hpp"
#include "lmsstage/survival.hpp"
#include "lmsstage/vocabulary.hpp"

namespace lmsstage {

/// Stages one case: validates it, chooses the system that applies, derives the categories, the stage
/// (or the set of possible stages when inputs are explicitly unknown), the summary stage and the
/// survival row, and records every assumption and rule used. An invalid case gives a CaseError.
Outcome stage(const Case& input);

/// Same, into `result` (cleared first, its storage reused): for staging many cases without
/// allocating for each. Returns the CaseError of an invalid case (then `result` is unspecified).
std::optional<CaseError> stage(const Case& input, Result& result);

/// Checks a case without staging it; nullopt when it is valid.
std::optional<CaseError> validate(const Case& input);

/// The library version ("0.1.0").
std::string_view version() noexcept;
/// The rule sets this version encodes, for stamping on output.
std::string_view rule_set_editions() noexcept;
/// One line reminding that survival figures are population figures, shown with every table.
std::string_view survival_caveat() noexcept;
/// One line reminding that the tool supports and does not replace clinical judgment.
std::string_view clinical_judgment_reminder() noexcept;

}  // namespace lmsstage
