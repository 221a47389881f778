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
    choice.survival = system.empty() || system == "survival";
    choice.notes = system.empty() || system == "notes";
    choice.gist_risk = system.empty() || system == "gist-risk";
    if (choice.rule_sets.empty() && !choice.survival && !choice.notes && !choice.gist_risk) {
        err << "lmsstage: rules: unknown system \"" << doors::echo(system) << "\"; accepted: " << accepted
            << "survival, notes, gist-risk\n";
        return exit_code::usage;
    }
    return write_output(out, err, render_rules(choice, json));
}

}  // namespace lmsstage::cli
