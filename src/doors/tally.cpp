#include "doors/tally.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "doors/records.hpp"
#include "doors/render_json.hpp"
#include "doors/safe_text.hpp"

namespace lmsstage::doors {
namespace {

void count(std::map<std::string, long long, std::less<>>& counts, std::string_view key) {
    const auto found = counts.find(key);
    if (found != counts.end()) {
        ++found->second;
    } else {
        counts.emplace(std::string(key), 1);
    }
}

void add_all(std::map<std::string, long long, std::less<>>& to,
             const std::map<std::string, long long, std::less<>>& from) {
    for (const auto& [key, n] : from) {
        to[key] += n;
    }
}

/// The entries, the largest count first, then by name.
std::vector<std::pair<std::string_view, long long>> ranked(
    const std::map<std::string, long long, std::less<>>& counts) {
    std::vector<std::pair<std::string_view, long long>> rows(counts.begin(), counts.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return rows;
}

/// `text` counted as `text_template`, its values written N, when it fills the template: its fixed
/// words where they are, and in each hole a value (a number: no blank space in it).
std::optional<std::string> as_template(std::string_view text, std::string_view text_template) {
    constexpr std::string_view k_hole = "{}";
    std::size_t hole = text_template.find(k_hole);
    if (hole == std::string_view::npos || !text.starts_with(text_template.substr(0, hole))) {
        return std::nullopt;  // (a template without a value is a text of fixed words: as it is)
    }
    std::string key(text_template.substr(0, hole));
    text.remove_prefix(hole);
    while (hole != std::string_view::npos) {
        text_template.remove_prefix(hole + k_hole.size());
        hole = text_template.find(k_hole);
        const std::string_view words = text_template.substr(0, hole);  // up to the next hole, or the end
        const std::size_t value = words.empty() ? text.size() : text.find(words, 1);
        if (value == 0 || value == std::string_view::npos ||
            text.substr(0, value).find_first_of(" \t\n") != std::string_view::npos) {
            return std::nullopt;
        }
        key += 'N';
        key += words;
        text.remove_prefix(value + words.size());
    }
    return text.empty() ? std::optional(std::move(key)) : std::nullopt;
}

}  // namespace

std::string Tally::pattern(std::string_view text) {
    for (const std::string_view text_template : valued_warning_templates()) {
        if (auto key = as_template(text, text_template)) {
            return std::move(*key);
        }
    }
    if (auto key = as_template(text, k_lines_spanned_warning)) {
        return std::move(*key);
    }
    return std::string(text);
}

void Tally::add(const Result& result) {
    ++m_ok;
    count(m_stage, result.stage ? name(*result.stage) : std::string_view("undetermined"));
    count(m_summary_stage, result.summary_stage ? name(*result.summary_stage) : std::string_view("undetermined"));
    count(m_system, result.system.id);
    for (const std::string& warning : result.warnings) {
        count(m_warning, pattern(warning));
    }
    for (const std::string& assumption : result.assumptions) {
        count(m_assumption, pattern(assumption));
    }
}

void Tally::add_error(std::string_view field) {
    ++m_errors;
    count(m_error_field, field.empty() ? std::string_view("(the record)") : field);
}

void Tally::merge(const Tally& other) {
    m_ok += other.m_ok;
    m_errors += other.m_errors;
    add_all(m_stage, other.m_stage);
    add_all(m_summary_stage, other.m_summary_stage);
    add_all(m_system, other.m_system);
    add_all(m_error_field, other.m_error_field);
    add_all(m_warning, other.m_warning);
    add_all(m_assumption, other.m_assumption);
}

void Tally::clear() { *this = Tally{}; }

std::array<Tally::Kind, 6> Tally::kinds() const {
    return {{{"stage", "stage", &m_stage},
             {"summary stage", "summary_stage", &m_summary_stage},
             {"system", "system", &m_system},
             {"error field", "error_field", &m_error_field},
             {"warning", "warnings", &m_warning},
             {"assumption", "assumptions", &m_assumption}}};
}

std::string Tally::text() const {
    std::string out = "summary: " + std::to_string(m_ok + m_errors) +
                      (m_ok + m_errors == 1 ? " record, " : " records, ") + std::to_string(m_ok) + " ok, " +
                      std::to_string(m_errors) + (m_errors == 1 ? " error\n" : " errors\n");
    for (const Kind& kind : kinds()) {
        if (kind.counts->empty()) {
            continue;
        }
        out += kind.text;
        out += ":\n";
        for (const auto& [key, n] : ranked(*kind.counts)) {
            const std::string number = std::to_string(n);
            out.append(number.size() < 8 ? 8 - number.size() : 0, ' ');
            out += number;
            out += "  ";
            out += printable(key);  // from the input (an unknown key, a value): one line, no escapes
            out += '\n';
        }
    }
    return out;
}

std::string Tally::json() const {
    std::string text = "{\"records\":" + std::to_string(m_ok + m_errors) + ",\"ok\":" + std::to_string(m_ok) +
                       ",\"errors\":" + std::to_string(m_errors);
    for (const Kind& kind : kinds()) {
        text += ",\"";
        text += kind.json;
        text += "\":{";
        bool first = true;
        for (const auto& [key, n] : ranked(*kind.counts)) {
            text += first ? "" : ",";
            first = false;
            append_json_string(text, valid_utf8(key));
            text += ':';
            text += std::to_string(n);
        }
        text += '}';
    }
    return text + "}\n";
}

}  // namespace lmsstage::doors
