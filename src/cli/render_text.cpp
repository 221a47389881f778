#include "cli/render_text.hpp"

#include <string_view>

#include "lmsstage/lmsstage.hpp"

namespace lmsstage::cli {
namespace {

class Painter {
public:
    explicit Painter(bool on) : m_on(on) {}
    [[nodiscard]] std::string bold(std::string_view text) const { return wrap("\x1b[1m", text); }
    [[nodiscard]] std::string dim(std::string_view text) const { return wrap("\x1b[2m", text); }
    [[nodiscard]] std::string mark(std::string_view text) const { return wrap("\x1b[1;36m", text); }
    [[nodiscard]] std::string warn(std::string_view text) const { return wrap("\x1b[33m", text); }

private:
    [[nodiscard]] std::string wrap(std::string_view code, std::string_view text) const {
        if (!m_on) {
            return std::string(text);
        }
        std::string out(code);
        out += text;
        out += "\x1b[0m";
        return out;
    }
    bool m_on;
};

std::string pad(std::string_view text, std::size_t width) {
    std::string out(text);
    if (out.size() < width) {
        out.append(width - out.size(), ' ');
    }
    return out;
}

const TraceStep* find_step(const Result& r, std::string_view rule) {
    for (const TraceStep& step : r.trace) {
        if (step.rule == rule) {
            return &step;
        }
    }
    return nullptr;
}

bool is_figo(const Result& r) { return r.system.grouping == Grouping::figo; }

/// The headline: "Stage III", "FIGO stage IIIC", "Stage undetermined: IIA or III", ...
std::string stage_headline(const Result& r) {
    switch (r.system.grouping) {
        case Grouping::t_only: return "No stage group: T category " + std::string(r.categories.t);
        case Grouping::not_staged: return "Not staged";
        case Grouping::ajcc:
        case Grouping::figo: break;
    }
    const std::string prefix = is_figo(r) ? "FIGO stage " : "Stage ";
    if (r.stage) {
        return prefix + std::string(name(*r.stage));
    }
    std::string text = prefix + "undetermined: ";
    const auto members = r.possible_stages.members();
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (i > 0) {
            text += i + 1 == members.size() ? " or " : ", ";
        }
        text += name(members[i]);
    }
    return text;
}

void list_section(std::string& out, const Painter& p, std::string_view title, const TextList& items,
                  bool warning) {
    if (items.empty()) {
        return;
    }
    out += '\n';
    out += p.bold(title);
    out += '\n';
    for (const std::string& item : items) {
        out += "  - ";
        out += warning ? p.warn(item) : item;
        out += '\n';
    }
}

}  // namespace

std::string render_text(const Result& r, const TextOptions& options) {
    const Painter p(options.colour);
    std::string out;

    // 1. Stage and system.
    const std::string stage_text = stage_headline(r);
    out += p.bold(stage_text);
    out += "  (";
    out += r.system.name;
    out += ")\n";
    out += "  ";
    out += is_figo(r) ? "TNM " : "";
    if (!r.categories.t.empty()) {
        out += r.categories.t;
        out += ' ';
    }
    out += r.categories.n;
    out += ' ';
    out += r.categories.m;
    if (!r.categories.g.empty()) {
        out += ' ';
        out += r.categories.g;
    }
    if (!r.categories.rate.empty()) {
        out += ", mitotic rate ";
        out += r.categories.rate;
    }
    out += "    summary stage: ";
    out += r.summary_stage ? std::string(name(*r.summary_stage)) : std::string("undetermined");
    out += '\n';

    // 2. Each category with its reason.
    out += '\n';
    out += p.bold("Categories");
    out += '\n';
    const std::pair<std::string_view, std::string_view> categories[] = {{"T", r.categories.t},
                                                                         {"N", r.categories.n},
                                                                         {"M", r.categories.m},
                                                                         {"G", r.categories.g},
                                                                         {"mitotic_rate", r.categories.rate}};
    for (const auto& [rule, value] : categories) {
        const TraceStep* step = find_step(r, rule);
        if (value.empty() || step == nullptr) {
            continue;
        }
        out += "  ";
        out += pad(value, 5);
        out += step->because;
        out += '\n';
    }
    if (r.categories.g.empty()) {
        out += "  ";
        out += pad("G", 5);
        out += "grade not given, or not part of this system\n";
    }

    // 3. Survival table with the matching row marked.
    out += '\n';
    if (r.survival == nullptr) {
        out += p.bold("Five-year survival");
        out += "\n  no survival table fits this case (see notes)\n";
    } else {
        const SurvivalTable& t = *r.survival;
        out += p.bold("Five-year survival: " + std::string(t.title));
        out += " (";
        out += t.measure;
        out += ", by SEER summary stage)\n";
        for (const SurvivalRow& row : t.rows) {
            const bool matched = r.summary_stage && *r.summary_stage == row.summary_stage;
            std::string line = std::string(matched ? "  > " : "    ") + pad(name(row.summary_stage), 11) +
                               std::string(row.percent_text) + "%";
            if (matched) {
                line = pad(line, 23) + "<- this case";
                out += p.mark(line);
            } else {
                out += line;
            }
            out += '\n';
        }
        if (!r.summary_stage) {
            out += "  no row marked: the summary stage is undetermined\n";
        }
        out += "  Source: ";
        out += t.source;
        out += ", as quoted in ";
        out += t.cited_in;
        out += "\n  Cohort: ";
        out += t.cohort;
        out += "; recorded ";
        out += t.taken;
        out += "\n  Population: ";
        out += t.population;
        out += "\n  ";
        out += survival_caveat();
        out += '\n';
    }

    // 4. Assumptions, warnings, notes.
    list_section(out, p, "Assumptions", r.assumptions, false);
    list_section(out, p, "Warnings", r.warnings, true);
    list_section(out, p, "Notes", r.notes, false);

    if (options.explain) {
        out += '\n';
        out += p.bold("Rule trace");
        out += '\n';
        for (const TraceStep& step : r.trace) {
            out += "  ";
            out += pad(std::string(step.rule) + ":", 15);
            out += step.because;
            out += '\n';
        }
    }

    // 5. The reminder.
    out += '\n';
    out += p.dim(clinical_judgment_reminder());
    out += '\n';
    return out;
}

}  // namespace lmsstage::cli
