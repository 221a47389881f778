#pragma once
// `lmsstage rules`: the stage tables, T definitions, survival tables and notes, rendered as
// Markdown or JSON from the very data the staging functions use (never a hand-copied text).

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lmsstage/rules.hpp"

namespace lmsstage::doors {

/// What to print: some rule sets, the survival tables, the notes, the GIST risk tables, the histologies.
struct RulesChoice {
    std::vector<const RuleSet*> rule_sets;
    bool survival = false;
    bool notes = false;
    bool gist_risk = false;    ///< the GIST risk of progression tables (AFIP, modified NIH)
    bool histologies = false;  ///< the histology table: codes, words, the rules that stage each, refusals
};

/// The parts of the rules beside the rule sets, each chosen by a word (`lmsstage rules survival`).
struct RulesTopic {
    std::string_view word;
    std::string_view summary;  ///< what it prints, for completion and help
    bool RulesChoice::*chosen;
};

/// Every topic, in the order the whole rules print them.
std::span<const RulesTopic> rules_topics() noexcept;

/// The chosen rules as Markdown, or as one JSON object (`json`), ending with a line break.
std::string render_rules(const RulesChoice& choice, bool json);

}  // namespace lmsstage::doors
