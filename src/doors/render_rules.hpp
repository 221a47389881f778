#pragma once
// `lmsstage rules`: the stage tables, T definitions, survival tables and notes, rendered as
// Markdown or JSON from the very data the staging functions use (never a hand-copied text).

#include <string>
#include <vector>

#include "lmsstage/rules.hpp"

namespace lmsstage::doors {

/// What to print: some rule sets, the survival tables, the notes.
struct RulesChoice {
    std::vector<const RuleSet*> rule_sets;
    bool survival = false;
    bool notes = false;
    bool gist_risk = false;  ///< the GIST risk of progression tables (AFIP, modified NIH)
};

/// The chosen rules as Markdown, or as one JSON object (`json`), ending with a line break.
std::string render_rules(const RulesChoice& choice, bool json);

}  // namespace lmsstage::doors
