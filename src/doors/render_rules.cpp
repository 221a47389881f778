#include "doors/render_rules.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "doors/render_json.hpp"
#include "doors/safe_text.hpp"
#include "lmsstage/fields.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::doors {
namespace {

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
void json_cell(JsonWriter& j, const Set<E>& set, const std::array<E, N>& all) {
    if (set.is_any()) {
        j.string("any");
        return;
    }
    j.begin_array();
    for (E v : all) {
        if (set.contains(v)) {
            j.string(name(v));
        }
    }
    j.end_array();
}

/// The bands of a measure ("greatest dimension", "cm") as a table: "| <= 5 cm | T1 |".
void markdown_bands(std::string& out, std::span<const Band> bands, std::string_view measure) {
    if (bands.empty()) {
        return;
    }
    out += "| " + std::string(measure) + " | T |\n|---|---|\n";
    for (const Band& band : bands) {
        out += "| " + std::string(band.text) + " | " + std::string(name(band.t)) + " |\n";
    }
    out += '\n';
}

/// A band's upper bound as JSON: the number, or null for the last band (no upper bound).
void json_bound(JsonWriter& j, double up_to) {
    if (!std::isfinite(up_to)) {
        j.null();
        return;
    }
    std::array<char, 32> text{};  // "%g": 5, 50, 2.5 (the bands' bounds are short decimals)
    const int written = std::snprintf(text.data(), text.size(), "%g", up_to);
    j.number(std::string_view(text.data(), static_cast<std::size_t>(written)));
}

void json_bands(JsonWriter& j, std::span<const Band> bands, std::string_view bound_key) {
    j.begin_array();
    for (const Band& band : bands) {
        j.begin_object().key(bound_key);
        json_bound(j, band.up_to);
        j.key("T").string(name(band.t)).key("text").string(band.text).end_object();
    }
    j.end_array();
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

void json_field_list(JsonWriter& j, std::uint32_t fields) {
    j.begin_array();
    for (const FieldInfo& f : lmsstage::fields()) {
        if ((fields & field_bit(f.field)) != 0) {
            j.string(f.key);
        }
    }
    j.end_array();
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
    // The rows staging reads: each boundary belongs to the lower band.
    markdown_bands(out, rules.size_bands, "greatest dimension");
    markdown_bands(out, rules.invasion_bands, "myometrial invasion");
    if (!rules.depth_letters.empty()) {
        out += "| T by size | depth | T |\n|---|---|---|\n";
        for (const DepthLetter& letter : rules.depth_letters) {
            out += "| " + std::string(name(letter.band)) + " | " + std::string(name(letter.depth)) + " | " +
                   std::string(name(letter.t)) + " |\n";
        }
        out += '\n';
    }
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

/// How a histology is staged at a group of sites, in words; "-" for not at all.
std::string_view staged_as_words(StagedAs staged) {
    switch (staged) {
        case StagedAs::none: return "-";
        case StagedAs::figo: return "FIGO 2009 leiomyosarcoma and endometrial stromal sarcoma";
        case StagedAs::adenosarcoma: return "FIGO 2009 adenosarcoma";
        case StagedAs::gist: return "AJCC GIST";
        case StagedAs::visceral: return "AJCC 8 visceral sarcoma (T only; not staged by AJCC 7)";
    }
    return "-";
}

/// "8850/3", or "8000-8799/3" for a range row.
std::string histology_codes(const HistologyRow& row) {
    std::string codes = std::to_string(row.code_from);
    if (row.code_to != row.code_from) {
        codes += '-' + std::to_string(row.code_to);
    }
    return codes + '/' + std::to_string(row.behaviour);
}

/// The other words of a row, as written in a case ("lps", "well-differentiated-liposarcoma").
std::vector<std::string_view> histology_synonyms(std::string_view synonyms) {
    std::vector<std::string_view> words;
    for (std::size_t start = 0; start < synonyms.size();) {
        const std::size_t end = std::min(synonyms.find('|', start), synonyms.size());
        words.push_back(synonyms.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

void markdown_histologies(std::string& out) {
    out += "\n## Histologies\n\n";
    out +=
        "Every ICD-O-3 morphology lmsstage knows, with the words a case may name it by and the rules that "
        "stage it at each group of sites, or why none does. A case names its histology by a word or by its "
        "code (8850 or 8850/3); a code in a range row and in a row of its own is the narrower row's.\n\n";
    out +=
        "| ICD-O-3 | word | name | other words | soft tissue, AJCC 7 | soft tissue, AJCC 8 | uterus | gi | "
        "where a column says -, why | source |\n|---|---|---|---|---|---|---|---|---|---|\n";
    for (const HistologyRow& row : histology_table()) {
        out += "| " + histology_codes(row) + " | " + (row.word.empty() ? std::string("-") : std::string(row.word)) +
               " | " + std::string(row.name) + " | " +
               (row.synonyms.empty() ? std::string("-") : joined(histology_synonyms(row.synonyms))) + " | " +
               (row.ajcc7 ? "yes" : "-") + " | " + (row.ajcc8 ? "yes" : "-") + " | " +
               std::string(staged_as_words(row.uterus)) + " | " + std::string(staged_as_words(row.gi)) + " | " +
               (row.refusal.empty() ? std::string("-") : std::string(row.refusal)) + " | " + std::string(row.source) +
               " |\n";
    }
}

void json_histologies(JsonWriter& j) {
    j.begin_array();
    for (const HistologyRow& row : histology_table()) {
        j.begin_object().key("code").string(histology_codes(row));
        j.key("word");
        if (row.word.empty()) {
            j.null();
        } else {
            j.string(row.word);
        }
        j.key("name").string(row.name).key("synonyms").begin_array();
        for (const std::string_view word : histology_synonyms(row.synonyms)) {
            j.string(word);
        }
        j.end_array().key("family").string(name(row.family));
        j.key("ajcc7").boolean(row.ajcc7).key("ajcc8").boolean(row.ajcc8);
        j.key("uterus");
        if (row.uterus == StagedAs::none) {
            j.null();
        } else {
            j.string(staged_as_words(row.uterus));
        }
        j.key("gi");
        if (row.gi == StagedAs::none) {
            j.null();
        } else {
            j.string(staged_as_words(row.gi));
        }
        j.key("refusal");
        if (row.refusal.empty()) {
            j.null();
        } else {
            j.string(row.refusal);
        }
        j.key("source").string(row.source).end_object();
    }
    j.end_array();
}

void json_groups(JsonWriter& j, const RuleSet& rules) {
    j.key("groups").begin_array();
    for (const GroupRow& row : rules.groups) {
        j.begin_object().key("stage").string(name(row.stage));
        json_cell(j.key("T"), row.t, k_all_t);
        json_cell(j.key("N"), row.n, k_all_n);
        json_cell(j.key("M"), row.m, k_all_m);
        if (rules.uses_grade) {
            json_cell(j.key("G"), row.g, k_all_g);
        } else {
            j.key("G").null();
        }
        if (rules.uses_rate) {
            json_cell(j.key("mitotic_rate"), row.rate, k_all_rates);
        } else {
            j.key("mitotic_rate").null();
        }
        j.key("definition").string(row.definition).end_object();
    }
    j.end_array();
}

void json_rule_set(JsonWriter& j, const RuleSet& rules) {
    j.begin_object();
    j.key("system").begin_object().key("id").string(rules.system.id).key("name").string(rules.system.name).end_object();
    j.key("source").string(rules.source).key("summary_stage_source").string(rules.summary_source);
    json_field_list(j.key("reads"), rules.reads);
    json_field_list(j.key("asks"), rules.asks);
    j.key("uses_grade").boolean(rules.uses_grade).key("uses_mitotic_rate").boolean(rules.uses_rate);
    j.key("t_definitions").begin_array();
    for (const TDefinition& t : rules.t_definitions) {
        j.begin_object().key("T").string(name(t.t)).key("definition").string(t.definition).end_object();
    }
    j.end_array();
    json_bands(j.key("size_bands"), rules.size_bands, "up_to_cm");
    json_bands(j.key("invasion_bands"), rules.invasion_bands, "up_to_percent");
    j.key("depth_letters").begin_array();
    for (const DepthLetter& letter : rules.depth_letters) {
        j.begin_object().key("band").string(name(letter.band)).key("depth").string(name(letter.depth));
        j.key("T").string(name(letter.t)).end_object();
    }
    j.end_array();
    json_groups(j, rules);
    j.key("notes").strings(rules.notes).end_object();
}

void json_survival(JsonWriter& j) {
    j.begin_array();
    for (const SurvivalTable& t : survival_tables()) {
        j.begin_object().key("table").string(t.id).key("title").string(t.title).key("measure").string(t.measure);
        j.key("source").string(t.source).key("cohort").string(t.cohort).key("taken").string(t.taken);
        j.key("cited_in").string(t.cited_in).key("population").string(t.population);
        j.key("sites").begin_array();
        for (Site site : t.sites) {
            j.string(name(site));
        }
        j.end_array().key("histologies").begin_array();
        for (Histology histology : t.histologies) {
            j.string(name(histology));
        }
        j.end_array().key("rows").begin_array();
        for (const SurvivalRow& row : t.rows) {
            // The figure as published, the same text as in result records ("37", never "37.0").
            j.begin_object().key("summary_stage").string(name(row.summary_stage));
            j.key("percent").number(row.percent_text).end_object();
        }
        j.end_array().end_object();
    }
    j.end_array();
}

void json_notes(JsonWriter& j) {
    j.begin_array();
    for (const ClinicalNote& note : clinical_notes()) {
        j.begin_object().key("id").string(note.id).key("text").string(note.text).key("source").string(note.source);
        j.end_object();
    }
    j.end_array();
}

/// The AFIP table and the modified NIH criteria, cell by cell with their sources.
void markdown_gist_risk(std::string& out) {
    out += "\n## GIST risk of progression\n\n";
    out += std::string(gist_risk_caveat()) + "\n\n### " + std::string(k_afip_name) + "\n\n";
    out += "| site | size | mitotic rate | category | % progressed | note |\n|---|---|---|---|---|---|\n";
    for (const AfipCell& cell : afip_table()) {
        out += "| " + std::string(name(cell.site)) + " | " + std::string(name(cell.size)) + " | " +
               std::string(name(cell.rate)) + " | " + std::string(name(cell.category)) + " | " +
               (cell.percent.empty() ? std::string("-") : std::string(cell.percent)) + " | " +
               (cell.small_numbers ? std::string("small numbers of cases; ") : std::string()) +
               (cell.source == k_afip_source ? std::string() : "source: " + std::string(cell.source) + "; ") +
               std::string(cell.note) + " |\n";
    }
    out += "\nSource: " + std::string(k_afip_source) + "\n\n### " + std::string(k_nih_name) + "\n\n";
    out += "Tumour rupture: high, whatever the other findings.\n\n";
    out += "| site | size | mitotic rate | category | row | note |\n|---|---|---|---|---|---|\n";
    for (const NihCell& cell : nih_table()) {
        out += "| " + std::string(cell.gastric ? "gastric" : "non-gastric") + " | " + std::string(name(cell.size)) +
               " | " + std::string(name(cell.rate)) + " | " + std::string(name(cell.category)) +
               (cell.alternative == cell.category ? std::string() : " or " + std::string(name(cell.alternative))) +
               " | " + std::string(cell.row) + " | " + std::string(cell.note) + " |\n";
    }
    out += "\nSource: " + std::string(k_nih_source) + "\n";
}

void json_gist_risk(JsonWriter& j) {
    j.begin_object().key("note").string(gist_risk_caveat());
    j.key("afip").begin_object().key("name").string(k_afip_name).key("source").string(k_afip_source);
    j.key("cells").begin_array();
    for (const AfipCell& cell : afip_table()) {
        j.begin_object().key("site").string(name(cell.site)).key("size").string(name(cell.size));
        j.key("mitotic_rate").string(name(cell.rate)).key("category").string(name(cell.category));
        j.key("percent_progressive");
        if (cell.percent.empty()) {
            j.null();
        } else {
            j.number(cell.percent);
        }
        j.key("small_numbers").boolean(cell.small_numbers).key("source").string(cell.source);
        j.key("note").string(cell.note).end_object();
    }
    j.end_array().end_object();
    j.key("nih").begin_object().key("name").string(k_nih_name).key("source").string(k_nih_source);
    j.key("rupture").string(name(RiskCategory::high)).key("cells").begin_array();
    for (const NihCell& cell : nih_table()) {
        j.begin_object().key("site").string(cell.gastric ? "gastric" : "non-gastric");
        j.key("size").string(name(cell.size)).key("mitotic_rate").string(name(cell.rate));
        j.key("category").string(name(cell.category)).key("alternative").string(name(cell.alternative));
        j.key("row").string(cell.row).key("note").string(cell.note).end_object();
    }
    j.end_array().end_object().end_object();
}

constexpr RulesTopic k_topics[] = {
    {"survival", "the survival tables, with population and source", &RulesChoice::survival},
    {"notes", "every note a result can carry, with its source", &RulesChoice::notes},
    {"gist-risk", "the GIST risk of progression tables, cell by cell", &RulesChoice::gist_risk},
    {"histologies", "every histology: codes, words, how it is staged", &RulesChoice::histologies},
};

}  // namespace

std::span<const RulesTopic> rules_topics() noexcept { return k_topics; }

std::string render_rules(const RulesChoice& choice, bool json) {
    std::string text;
    if (json) {
        JsonWriter j(text);
        j.begin_object().key("version").string("lmsstage " + std::string(version()));
        j.key("rule_sets").begin_array();
        for (const RuleSet* rules : choice.rule_sets) {
            json_rule_set(j, *rules);
        }
        j.end_array();
        if (choice.survival) {
            json_survival(j.key("survival_tables"));
        }
        if (choice.notes) {
            json_notes(j.key("notes"));
        }
        if (choice.gist_risk) {
            json_gist_risk(j.key("gist_risk"));
        }
        if (choice.histologies) {
            json_histologies(j.key("histologies"));
        }
        j.end_object();
        text += '\n';
    } else {
        text = "# lmsstage " + std::string(version()) + " rules\n\n";
        for (const RuleSet* rules : choice.rule_sets) {
            markdown_rule_set(text, *rules);
        }
        if (choice.survival) {
            markdown_survival(text);
        }
        if (choice.notes) {
            markdown_notes(text);
        }
        if (choice.gist_risk) {
            markdown_gist_risk(text);
        }
        if (choice.histologies) {
            markdown_histologies(text);
        }
    }
    return text;
}

}  // namespace lmsstage::doors
