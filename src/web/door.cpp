#include "web/door.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

#include "cli/fields.hpp"
#include "cli/render_json.hpp"
#include "cli/render_text.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::web {
namespace {

using cli::append_json_string;
using cli::FieldSpec;
using cli::ValueKind;

/// A field the page offers as a yes/no (or yes/no/unknown) choice: a flag on the command line.
bool is_flag(const FieldSpec& spec) { return cli::is_flag_form(spec); }

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
    std::string suggestion;
    std::size_t best = 3;  // suggest only close matches
    std::string keys;
    for (const FieldSpec& spec : cli::field_specs()) {
        if (spec.kind == ValueKind::id) {
            continue;
        }
        keys += keys.empty() ? "" : ", ";
        keys += spec.key;
        if (const std::size_t d = cli::edit_distance(key, spec.key); d < best) {
            best = d;
            suggestion = std::string(spec.key);
        }
    }
    if (!suggestion.empty()) {
        message += " (did you mean \"" + suggestion + "\"?)";
    }
    return QueryError{std::string(key), message + "; accepted fields: " + keys};
}

/// A field's value as read from the query (decoded; a flag's 1/0/nothing as yes/no).
using Given = std::vector<std::pair<std::string_view, std::string>>;

/// Fills `input` from the query; the first problem, if any (the fields read before and after it
/// are still filled, so that the form can still be routed).
std::optional<QueryError> read_query(std::string_view query, Case& input, Given& given) {
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
        const FieldSpec* spec = cli::find_field_by_key(key);
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
                problem = QueryError{key, key + " needs a value: " + cli::accepted_values(*spec)};
            } else if (auto bad = cli::set_from_text(input, *spec, value)) {
                problem = QueryError{key, bad->message()};
            }
        }
        if (problem && !first) {
            first = std::move(problem);
        }
    }
    return first;
}

void append_key(std::string& out, std::string_view key) {
    out += '"';
    out += key;
    out += "\":";
}

void append_field_list(std::string& out, std::uint32_t fields) {
    out += '[';
    bool first = true;
    for (Field field : k_all_fields) {
        if ((fields & field_bit(field)) != 0) {
            out += first ? "" : ",";
            first = false;
            append_json_string(out, field_name(field));
        }
    }
    out += ']';
}

void append_string_list(std::string& out, std::span<const std::string_view> items) {
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i > 0 ? "," : "";
        append_json_string(out, items[i]);
    }
    out += ']';
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
            for (const std::optional<int> edition : {std::optional<int>{}, std::optional<int>{8}}) {
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

std::string stage_query(std::string_view query, bool explain) {
    Case input;
    Given given;
    const std::optional<QueryError> query_error = read_query(query, input, given);
    const auto routed = route(input);
    const Route* way = std::get_if<Route>(&routed);

    std::string json;
    std::string text;
    std::optional<QueryError> error = query_error;
    if (!error) {
        const Outcome outcome = stage(input);
        if (const auto* bad = std::get_if<CaseError>(&outcome)) {
            error = QueryError{std::string(field_name(bad->field)), bad->message()};
        } else {
            const Result& result = std::get<Result>(outcome);
            cli::append_result_json(json, result, {});
            text = cli::render_text(result, cli::TextOptions{true, explain});
        }
    }
    if (error) {
        cli::append_error_json(json, error->field, error->message, {}, cli::RecordPlace{});
    }

    std::string out = "{";
    append_key(out, "ok");
    out += error ? "false" : "true";
    out += ',';
    append_key(out, "system");
    if (way != nullptr) {
        append_json_string(out, way->system_id);
    } else {
        out += "null";
    }
    out += ',';
    append_key(out, "fields");
    if (way != nullptr) {
        append_field_list(out, way->fields);
    } else {
        out += "null";
    }
    out += ',';
    append_key(out, "error");
    if (error) {
        out += "{\"field\":";
        append_json_string(out, error->field);
        out += ",\"message\":";
        append_json_string(out, error->message);
        out += '}';
    } else {
        out += "null";
    }
    out += ',';
    append_key(out, "given");
    out += '{';
    for (std::size_t i = 0; i < given.size(); ++i) {
        out += i > 0 ? "," : "";
        append_json_string(out, given[i].first);
        out += ':';
        append_json_string(out, given[i].second);
    }
    out += "},";
    append_key(out, "json");
    append_json_string(out, json);
    out += ',';
    append_key(out, "text");
    append_json_string(out, text);
    out += '}';
    return out;
}

std::string form_json() {
    const std::vector<SystemFields> systems = reachable_systems();
    std::string out = "{";
    append_key(out, "version");
    append_json_string(out, version());
    out += ',';
    append_key(out, "rule_sets");
    append_json_string(out, rule_set_editions());
    out += ',';
    append_key(out, "reminder");
    append_json_string(out, clinical_judgment_reminder());
    out += ',';
    append_key(out, "systems");
    out += '[';
    for (std::size_t i = 0; i < systems.size(); ++i) {
        out += i > 0 ? "," : "";
        append_json_string(out, systems[i].id);
    }
    out += "],";
    append_key(out, "fields");
    out += '[';
    bool first = true;
    for (const FieldSpec& spec : cli::field_specs()) {
        out += first ? "" : ",";
        first = false;
        out += '{';
        append_key(out, "key");
        append_json_string(out, spec.key);
        out += ',';
        append_key(out, "option");
        append_json_string(out, spec.option);
        out += ',';
        append_key(out, "kind");
        append_json_string(out, kind_name(spec.kind));
        out += ',';
        append_key(out, "in_form");
        out += spec.kind == ValueKind::id ? "false" : "true";  // the id is for JSON records only
        out += ',';
        append_key(out, "placeholder");
        append_json_string(out, spec.placeholder);
        out += ',';
        append_key(out, "help");
        append_json_string(out, spec.help);
        out += ',';
        append_key(out, "accepted");
        append_json_string(out, cli::accepted_values(spec));
        out += ',';
        append_key(out, "values");
        append_string_list(out, cli::value_words(spec));
        out += ',';
        append_key(out, "systems");
        std::vector<std::string_view> users;
        for (const SystemFields& system : systems) {
            if ((system.fields & field_bit(spec.field)) != 0) {
                users.push_back(system.id);
            }
        }
        append_string_list(out, users);
        out += '}';
    }
    out += "]}";
    return out;
}

}  // namespace lmsstage::web
