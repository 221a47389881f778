#pragma once
/// lmsstage: staging of leiomyosarcoma and related sarcomas (AJCC 7th edition soft tissue sarcoma,
/// FIGO 2009 uterine sarcoma) with the matching five-year survival table.
///
/// The library is pure: values in, values out, no I/O, no exceptions for bad clinical input.

#include <cstdint>
#include <string_view>
#include <variant>

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

/// What `stage` builds besides the system, categories, stages, summary stage and survival table,
/// which it always gives. A caller that will not read the rule trace, the assumptions and warnings,
/// or the notes, skips building their texts (a table of stages for a million cases).
struct StageOptions {
    bool trace = true;  ///< Result::trace
    bool texts = true;  ///< Result::assumptions and warnings
    bool notes = true;  ///< Result::notes
};

/// Same as stage(input, result), building only what `options` asks for: the lists it leaves out
/// stay empty; everything else is the same.
std::optional<CaseError> stage(const Case& input, Result& result, StageOptions options);

/// Checks a case without staging it; nullopt when it is valid.
std::optional<CaseError> validate(const Case& input);

/// The staging system a case's site, histology and edition select, and the fields it reads.
struct Route {
    std::string_view system_id;  ///< as `Result::system.id` will be
    std::uint32_t fields = 0;    ///< a set of field_bit(); any other field given draws a warning
    std::uint32_t asks = 0;      ///< the fields it asks for, unless no value of them could change the answer
};

/// Which system `stage` will apply and which fields it reads, for a form that asks only for those
/// (the other fields need not be complete yet). A CaseError when site, histology and edition
/// select no system, as `stage` would report.
std::variant<Route, CaseError> route(const Case& input);

/// The library version ("0.1.0").
std::string_view version() noexcept;
/// The rule sets this version encodes, for stamping on output.
std::string_view rule_set_editions() noexcept;
/// One line reminding that survival figures are population figures, shown with every table.
std::string_view survival_caveat() noexcept;
/// One line reminding that the tool supports and does not replace clinical judgment.
std::string_view clinical_judgment_reminder() noexcept;

}  // namespace lmsstage
