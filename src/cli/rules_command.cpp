// lmsstage rules [SYSTEM] [--json]: chooses what to print; doors/render_rules.cpp renders it.
#include <string>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "doors/render_rules.hpp"
#include "doors/safe_text.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::cli {

int run_rules(const std::string& system, bool json, std::ostream& out, std::ostream& err) {
    RulesChoice choice;
    std::string accepted;
    for (const RuleSet* rules : all_rule_sets()) {
        if (accepted.find(std::string(rules->system.id) + ", ") == std::string::npos) {
            accepted += std::string(rules->system.id) + ", ";
        }
        if (system.empty() || system == rules->system.id) {
            choice.rule_sets.push_back(rules);
        }
    }
    bool chosen = !choice.rule_sets.empty();
    for (const RulesTopic& topic : rules_topics()) {
        choice.*topic.chosen = system.empty() || system == topic.word;
        chosen = chosen || choice.*topic.chosen;
        accepted += std::string(topic.word) + (&topic == &rules_topics().back() ? "" : ", ");
    }
    if (!chosen) {
        err << "lmsstage: rules: unknown system \"" << doors::echo(system) << "\"; accepted: " << accepted << "\n";
        return exit_code::usage;
    }
    return write_output(out, err, render_rules(choice, json));
}

}  // namespace lmsstage::cli
