// lmsstage rules: the stage tables, T definitions and survival tables, rendered from the very data
// the staging functions use (never a hand-copied text).
#include <nlohmann/json.hpp>
#include <string>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "lmsstage/fields.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::cli {
namespace {

using OJson = nlohmann::ordered_json;

template <typename E, std::size_t N>
std::string cell(const Set<E>& set, const std::array<E, N>& all, std::string_view any_word) {
    if (set.is_any()) {
        return std::string(any_word);
    }
    std::string out;
    for (E v : all) {
        if (set.contains(v)) {
            if (!out.empty()) {
                out += ", ";
            }
            out += name(v);
        }
    }
    return out;
}

template <typename E, std::size_t N>
OJson json_cell(const Set<E>& set, const std::array<E, N>& all) {
    if (set.is_any()) {
        return "any";
    }
    OJson out = OJson::array();
    for (E v : all) {
        if (set.contains(v)) {
            out.push_back(std::string(name(v)));
        }
    }
    return out;
}

/// "site, histology, size": the fields of a set, in table order ("none" when empty).
std::string field_list(std::uint32_t fields) {
    std::string out;
    for (const FieldInfo& f : lmsstage::fields()) {
        if ((fields & field_bit(f.field)) != 0) {
            out += out.empty() ? "" : ", ";
            out += f.key;
        }
    }
    return out.empty() ? std::string("none") : out;
}

OJson json_field_list(std::uint32_t fields) {
    OJson out = OJson::array();
    for (const FieldInfo& f : lmsstage::fields()) {
        if ((fields & field_bit(f.field)) != 0) {
            out.push_back(std::string(f.key));
        }
    }
    return out;
}

void markdown_rule_set(std::string& out, const RuleSet& rules) {
    out += "## " + std::string(rules.system.name) + " (`" + std::string(rules.system.id) + "`)\n\n";
    out += "Source: " + std::string(rules.source) + "\n\n";
    out += "Summary stage: " + std::string(rules.summary_source) + "\n\n";
    out += "Reads: " + field_list(rules.reads) + "; asks for: " + field_list(rules.asks) + "\n\n";
    out += "| T | definition |\n|---|---|\n";
    for (const TDefinition& t : rules.t_definitions) {
        out += "| " + std::string(name(t.t)) + " | " + std::string(t.definition) + " |\n";
    }
    out += '\n';
    if (rules.groups.empty()) {
        out += "No stage groups: the T category is the staging result.\n";
    } else if (rules.uses_rate) {
        out += "| stage | T | N | M | mitotic rate |\n|---|---|---|---|---|\n";
    } else {
        out += rules.uses_grade ? "| stage | T | N | M | G |\n|---|---|---|---|---|\n"
                                : "| stage | T | N | M | definition |\n|---|---|---|---|---|\n";
    }
    for (const GroupRow& row : rules.groups) {
        std::string last = rules.uses_rate    ? cell(row.rate, k_all_rates, "any")
                           : rules.uses_grade ? cell(row.g, k_all_g, "any G")
                                              : std::string(row.definition);
        out += "| " + std::string(name(row.stage)) + " | " + cell(row.t, k_all_t, "any T") + " | " +
               cell(row.n, k_all_n, "any N") + " | " + cell(row.m, k_all_m, "any M") + " | " + last + " |\n";
    }
    out += '\n';
    for (std::string_view note : rules.notes) {
        out += "- " + std::string(note) + '\n';
    }
    out += '\n';
}

void markdown_survival(std::string& out) {
    out += "## Five-year survival by SEER summary stage\n\n";
    for (const SurvivalTable& t : survival_tables()) {
        for (std::string_view part : {std::string_view("### "), t.title, std::string_view(" (`"), t.id,
                                      std::string_view("`)\n\n| localized | regional | distant |\n|---|---|---|\n|")}) {
            out += part;
        }
        for (const SurvivalRow& row : t.rows) {
            out += ' ';
            out += row.percent_text;
            out += "% |";
        }
        out += "\n\n";
        const std::pair<std::string_view, std::string_view> facts[] = {
            {"Measure", t.measure}, {"Primary source", t.source}, {"As quoted in", t.cited_in},
            {"Cohort", t.cohort},   {"Recorded", t.taken},        {"Population", t.population}};
        for (const auto& [what, value] : facts) {
            out += "- ";
            out += what;
            out += ": ";
            out += value;
            out += '\n';
        }
        out += "- Shown for sites: ";
        for (std::size_t i = 0; i < t.sites.size(); ++i) {
            out += i > 0 ? ", " : "";
            out += name(t.sites[i]);
        }
        out += "; histologies: ";
        for (std::size_t i = 0; i < t.histologies.size(); ++i) {
            out += i > 0 ? ", " : "";
            out += name(t.histologies[i]);
        }
        out += "\n\n";
    }
    out += std::string(survival_caveat()) + '\n';
}

void markdown_notes(std::string& out) {
    out += "\n## Notes a result can carry, and their sources\n\n";
    out += "| note | source |\n|---|---|\n";
    for (const ClinicalNote& note : clinical_notes()) {
        out += "| " + std::string(note.text) + " | " + std::string(note.source) + " |\n";
    }
}

OJson json_rule_set(const RuleSet& rules) {
    OJson j;
    j["system"] = {{"id", std::string(rules.system.id)}, {"name", std::string(rules.system.name)}};
    j["source"] = std::string(rules.source);
    j["summary_stage_source"] = std::string(rules.summary_source);
    j["reads"] = json_field_list(rules.reads);
    j["asks"] = json_field_list(rules.asks);
    j["uses_grade"] = rules.uses_grade;
    j["uses_mitotic_rate"] = rules.uses_rate;
    j["t_definitions"] = OJson::array();
    for (const TDefinition& t : rules.t_definitions) {
        j["t_definitions"].push_back({{"T", std::string(name(t.t))}, {"definition", std::string(t.definition)}});
    }
    j["groups"] = OJson::array();
    for (const GroupRow& row : rules.groups) {
        OJson g;
        g["stage"] = std::string(name(row.stage));
        g["T"] = json_cell(row.t, k_all_t);
        g["N"] = json_cell(row.n, k_all_n);
        g["M"] = json_cell(row.m, k_all_m);
        g["G"] = rules.uses_grade ? json_cell(row.g, k_all_g) : OJson(nullptr);
        g["mitotic_rate"] = rules.uses_rate ? json_cell(row.rate, k_all_rates) : OJson(nullptr);
        g["definition"] = std::string(row.definition);
        j["groups"].push_back(g);
    }
    j["notes"] = OJson::array();
    for (std::string_view note : rules.notes) {
        j["notes"].push_back(std::string(note));
    }
    return j;
}

OJson json_survival() {
    OJson tables = OJson::array();
    for (const SurvivalTable& t : survival_tables()) {
        OJson j;
        j["table"] = std::string(t.id);
        j["title"] = std::string(t.title);
        j["measure"] = std::string(t.measure);
        j["source"] = std::string(t.source);
        j["cohort"] = std::string(t.cohort);
        j["taken"] = std::string(t.taken);
        j["cited_in"] = std::string(t.cited_in);
        j["population"] = std::string(t.population);
        j["sites"] = OJson::array();
        for (Site site : t.sites) {
            j["sites"].push_back(std::string(name(site)));
        }
        j["histologies"] = OJson::array();
        for (Histology histology : t.histologies) {
            j["histologies"].push_back(std::string(name(histology)));
        }
        j["rows"] = OJson::array();
        for (const SurvivalRow& row : t.rows) {
            j["rows"].push_back({{"summary_stage", std::string(name(row.summary_stage))}, {"percent", row.percent}});
        }
        tables.push_back(j);
    }
    return tables;
}

OJson json_notes() {
    OJson notes = OJson::array();
    for (const ClinicalNote& note : clinical_notes()) {
        notes.push_back({{"id", std::string(note.id)}, {"text", std::string(note.text)},
                         {"source", std::string(note.source)}});
    }
    return notes;
}

}  // namespace

int run_rules(const std::string& system, bool json, std::ostream& out, std::ostream& err) {
    std::vector<const RuleSet*> chosen;
    std::string accepted;
    for (const RuleSet* rules : all_rule_sets()) {
        if (accepted.find(std::string(rules->system.id) + ", ") == std::string::npos) {
            accepted += std::string(rules->system.id) + ", ";
        }
        if (system.empty() || system == rules->system.id) {
            chosen.push_back(rules);
        }
    }
    const bool survival = system.empty() || system == "survival";
    const bool notes = system.empty() || system == "notes";
    if (chosen.empty() && !survival && !notes) {
        err << "lmsstage: rules: unknown system \"" << system << "\"; accepted: " << accepted
            << "survival, notes\n";
        return exit_code::usage;
    }
    std::string text;
    if (json) {
        OJson j;
        j["version"] = "lmsstage " + std::string(version());
        j["rule_sets"] = OJson::array();
        for (const RuleSet* rules : chosen) {
            j["rule_sets"].push_back(json_rule_set(*rules));
        }
        if (survival) {
            j["survival_tables"] = json_survival();
        }
        if (notes) {
            j["notes"] = json_notes();
        }
        text = j.dump(2) + '\n';
    } else {
        text = "# lmsstage " + std::string(version()) + " rules\n\n";
        for (const RuleSet* rules : chosen) {
            markdown_rule_set(text, *rules);
        }
        if (survival) {
            markdown_survival(text);
        }
        if (notes) {
            markdown_notes(text);
        }
    }
    out << text;
    out.flush();
    if (!out) {
        err << "lmsstage: cannot write the output\n";
        return exit_code::io;
    }
    return exit_code::ok;
}

}  // namespace lmsstage::cli
