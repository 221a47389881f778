#include "web/door.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

#include "doors/fields.hpp"
#include "doors/render_json.hpp"
#include "doors/render_text.hpp"
#include "doors/safe_text.hpp"
#include "lmsstage/alternatives.hpp"
#include "lmsstage/histology.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::web {
namespace {

using doors::append_json_string;
using doors::FieldSpec;
using doors::ValueKind;

/// A field the page offers as a yes/no (or yes/no/unknown) choice: a flag on the command line.
bool is_flag(const FieldSpec& spec) { return doors::is_flag_form(spec); }

std::string_view kind_name(ValueKind kind) {
    switch (kind) {
        case ValueKind::choice: return "choice";
        case ValueKind::length: return "length";
        case ValueKind::grade: return "grade";
        case ValueKind::finding: return "finding";
        case ValueKind::count: return "count";
        case ValueKind::percent: return "percent";
        case ValueKind::rate: return "rate";
        case ValueKind::edition: return "edition";
        case ValueKind::id: return "id";
    }
    return "text";
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/// application/x-www-form-urlencoded decoding: '+' is a space, %XX a byte; a '%' not followed by
/// two hex digits stays as it is (as the browser's URLSearchParams reads it).
std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

/// Why the query could not be read as a case: the key at fault and the whole message.
struct QueryError {
    std::string field;
    std::string message;
};

QueryError unknown_key(std::string_view key) {
    std::string message = "unknown field \"" + std::string(key) + "\"";
    doors::Closest closest(key);
    std::vector<std::string_view> keys;
    for (const FieldSpec& spec : doors::field_specs()) {
        if (spec.kind != ValueKind::id) {
            keys.push_back(spec.key);
            closest.consider(spec.key);
        }
    }
    return QueryError{std::string(key), message + closest.hint("\"") + "; accepted fields: " + doors::joined(keys)};
}

/// A field's value as read from the query (decoded; a flag's 1/0/nothing as yes/no).
using Given = std::vector<std::pair<std::string_view, std::string>>;

/// Fills `input` from the query; the first problem, if any (the fields read before and after it
/// are still filled, so that the form can still be routed). Every problem goes to `problems`, so
/// that the page can show each beside its field at once.
std::optional<QueryError> read_query(std::string_view query, Case& input, Given& given,
                                     std::vector<QueryError>& problems) {
    std::optional<QueryError> first;
    std::uint32_t seen = 0;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
        if (pair.empty()) {
            continue;
        }
        const std::size_t eq = pair.find('=');
        const std::string key = percent_decode(pair.substr(0, eq));
        const bool has_value = eq != std::string_view::npos;
        std::string value = has_value ? percent_decode(pair.substr(eq + 1)) : std::string();

        std::optional<QueryError> problem;
        const FieldSpec* spec = doors::find_field_by_key(key);
        if (spec == nullptr) {
            problem = unknown_key(key);
        } else if (spec->kind == ValueKind::id) {
            problem = QueryError{key, "id is for JSON records (lmsstage batch); the page does not take it"};
        } else if ((seen & field_bit(spec->field)) != 0) {
            problem = QueryError{key, key + " is given more than once"};
        } else {
            seen |= field_bit(spec->field);
            if (is_flag(*spec) && (value.empty() || value == "1")) {
                value = "yes";  // "adnexa" alone (as the flag --adnexa), or adnexa=1
            } else if (is_flag(*spec) && value == "0") {
                value = "no";
            }
            given.emplace_back(spec->key, value);
            if (value.empty()) {
                problem = QueryError{key, key + " needs a value: " + doors::accepted_values(*spec)};
            } else if (auto bad = doors::set_from_text(input, *spec, value)) {
                problem = QueryError{key, bad->message()};
            }
        }
        if (problem) {
            problems.push_back(*problem);
            if (!first) {
                first = std::move(problem);
            }
        }
    }
    return first;
}

/// Every system a form can reach, with the fields each reads: site, histology and edition are
/// what choose a system (lmsstage::route), so every combination of them is tried.
struct SystemFields {
    std::string_view id;
    std::uint32_t fields = 0;
};
std::vector<SystemFields> reachable_systems() {
    std::vector<SystemFields> systems;
    std::vector<std::optional<Site>> sites = {std::nullopt};
    sites.insert(sites.end(), k_all_sites.begin(), k_all_sites.end());
    std::vector<std::optional<Histology>> histologies = {std::nullopt};
    histologies.insert(histologies.end(), k_all_histologies.begin(), k_all_histologies.end());
    for (const auto& site : sites) {
        for (const auto& histology : histologies) {
            for (const std::optional<int> edition :
                 {std::optional<int>{}, std::optional<int>{8}, std::optional<int>{k_uicc9}}) {
                Case c;
                c.site = site;
                c.histology = histology;
                c.edition = edition;
                const auto routed = route(c);
                const auto* r = std::get_if<Route>(&routed);
                if (r == nullptr) {
                    continue;
                }
                auto it = systems.begin();
                while (it != systems.end() && it->id != r->system_id) {
                    ++it;
                }
                if (it == systems.end()) {
                    systems.push_back(SystemFields{r->system_id, r->fields});
                } else {
                    it->fields |= r->fields;
                }
            }
        }
    }
    return systems;
}

}  // namespace

namespace {

/// The staged result (its JSON and report), or the error that stopped it.
struct Staged {
    std::string json;
    std::string text;
    std::string headline;            ///< the report's headline, without the system
    std::string current;             ///< the current-edition line, or ""
    std::vector<SummaryStage> rows;  ///< the survival rows the unknowns leave open
    std::optional<QueryError> error;
};

Staged stage_input(const Case& input, std::optional<QueryError> error, bool explain) {
    Staged out;
    out.error = std::move(error);
    if (!out.error) {
        const Outcome outcome = stage(input);
        if (const auto* bad = std::get_if<CaseError>(&outcome)) {
            out.error = QueryError{std::string(field_name(bad->field)), bad->message()};
        } else {
            const Result& result = std::get<Result>(outcome);
            doors::append_result_json(out.json, result, {});
            doors::TextOptions options;
            options.colour = true;  // the page turns the colour codes into roles
            options.explain = explain;
            options.input = &input;
            out.text = doors::render_text(result, options);
            out.headline = doors::report_headline(result);
            out.current = doors::current_edition_line(input);
            out.rows = doors::open_rows(result, input);
        }
    }
    if (out.error) {
        doors::append_error_json(out.json, out.error->field, out.error->message, {}, doors::RecordPlace{});
    }
    return out;
}

/// Each of a field's values in words, where the core names it: a histology word's ICD-O-3 term
/// ("dsrct": "desmoplastic small round cell tumour"); "" for every other value.
std::vector<std::string_view> value_names(const FieldSpec& spec) {
    const auto words = doors::value_words(spec);
    std::vector<std::string_view> names(words.size());
    if (spec.field != Field::histology) {
        return names;
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (const HistologyRow& row : histology_table()) {
            if (row.word == words[i] && !row.refused()) {
                names[i] = row.name;
                break;
            }
        }
    }
    return names;
}

void field_list(doors::JsonWriter& j, std::uint32_t fields) {
    j.begin_array();
    for (Field field : k_all_fields) {
        if ((fields & field_bit(field)) != 0) {
            j.string(field_name(field));
        }
    }
    j.end_array();
}

}  // namespace

std::string stage_query(std::string_view query, bool explain) {
    Case input;
    Given given;
    std::vector<QueryError> problems;
    std::optional<QueryError> query_error = read_query(query, input, given, problems);
    const auto routed = route(input);
    const Route* way = std::get_if<Route>(&routed);
    const Staged staged = stage_input(input, std::move(query_error), explain);

    std::string out;
    doors::JsonWriter j(out);
    j.begin_object().key("ok").boolean(!staged.error);
    way != nullptr ? j.key("system").string(way->system_id) : j.key("system").null();
    if (way != nullptr) {
        field_list(j.key("fields"), way->fields);
    } else {
        j.key("fields").null();
    }
    if (staged.error) {
        j.key("error").begin_object().key("field").string(staged.error->field);
        j.key("message").string(staged.error->message).end_object();
    } else {
        j.key("error").null();
    }
    // Every error, the first one above among them: the query's fields each read on their own, or
    // the case's one error once they all read.
    j.key("errors").begin_array();
    if (problems.empty() && staged.error) {
        problems.push_back(*staged.error);
    } else if (!problems.empty()) {
        // The fields that did read may hold an error of their own (a size of -3 reads, then fails).
        if (const auto bad = validate(input)) {
            const std::string field(field_name(bad->field));
            const bool known =
                std::any_of(problems.begin(), problems.end(), [&](const QueryError& p) { return p.field == field; });
            if (!known) {
                problems.push_back(QueryError{field, bad->message()});
            }
        }
    }
    for (const QueryError& problem : problems) {
        j.begin_object().key("field").string(problem.field).key("message").string(problem.message).end_object();
    }
    j.end_array();
    j.key("given").begin_object();
    for (const auto& [key, value] : given) {
        j.key(key).string(value);
    }
    j.end_object().key("json").string(staged.json).key("text").string(staged.text);
    // For the page's result card: the headline, the current edition's stage, the rows left open.
    j.key("headline").string(staged.headline).key("current").string(staged.current).key("rows").begin_array();
    for (const SummaryStage s : staged.rows) {
        j.string(name(s));
    }
    j.end_array().end_object();
    return out;
}

std::string form_json() {
    const std::vector<SystemFields> systems = reachable_systems();
    std::string out;
    doors::JsonWriter j(out);
    j.begin_object().key("version").string(version()).key("rule_sets").string(rule_set_editions());
    j.key("reminder").string(clinical_judgment_reminder()).key("systems").begin_array();
    for (const SystemFields& system : systems) {
        j.string(system.id);
    }
    j.end_array().key("fields").begin_array();
    for (const FieldSpec& spec : doors::field_specs()) {
        j.begin_object().key("key").string(spec.key).key("option").string(spec.option);
        j.key("kind").string(kind_name(spec.kind)).key("in_form").boolean(spec.kind != ValueKind::id);
        j.key("placeholder").string(spec.placeholder).key("help").string(spec.help);
        j.key("accepted").string(doors::accepted_values(spec)).key("values").strings(doors::value_words(spec));
        j.key("names").strings(value_names(spec));
        j.key("systems").begin_array();
        for (const SystemFields& system : systems) {
            if ((system.fields & field_bit(spec.field)) != 0) {
                j.string(system.id);
            }
        }
        j.end_array().end_object();
    }
    j.end_array().end_object();
    return out;
}

}  // namespace lmsstage::web
