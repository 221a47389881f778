#include "doors/render_text.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "lmsstage/alternatives.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::doors {
namespace {

constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_dim = "\x1b[2m";
constexpr std::string_view k_mark = "\x1b[1;36m";
constexpr std::string_view k_warn = "\x1b[33m";
constexpr std::string_view k_reset = "\x1b[0m";

/// Whether a byte starts a UTF-8 character (is not a continuation byte).
bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }

/// Columns a UTF-8 text takes (one per character; every character lmsstage prints is narrow).
std::size_t columns(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), starts_character));
}

/// The bytes of the first `count` characters of a UTF-8 text (all of it if it has fewer).
std::size_t character_bytes(std::string_view text, std::size_t count) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (starts_character(text[i]) && count-- == 0) {
            return i;
        }
    }
    return text.size();
}

}  // namespace

std::string wrap(std::string_view lead, std::string_view text, std::size_t hang, std::size_t width) {
    // A lead wider than the line (a long label) is wrapped with the text, after its indentation.
    std::string joined;
    if (columns(lead) >= width) {
        const std::size_t indent = std::min(lead.find_first_not_of(' '), width / 2);
        joined.append(lead.substr(indent)).append(" ").append(text);
        lead = lead.substr(0, indent);
        text = joined;
    }
    // Written into `out` as it goes: a line is ended by taking the spaces off its end and adding '\n'.
    std::string out;
    out.reserve(lead.size() + text.size() + text.size() / 16 + 8);
    out += lead;
    std::size_t line_start = 0;
    std::size_t used = columns(lead);
    bool first_word = true;
    const auto end_line = [&out, &line_start] {
        while (out.size() > line_start && out.back() == ' ') {
            out.pop_back();
        }
        out += '\n';
        line_start = out.size();
    };
    // A hang so deep that the line under it holds less than the longest word, or less than half the
    // width, would break words that a line holds: the text continues under a smaller one instead, 4
    // columns in from the lead's indentation.
    const std::size_t smaller = std::min(lead.find_first_not_of(' '), lead.size()) + 4;
    if (hang > smaller && 2 * hang > width) {
        hang = smaller;
    } else if (hang > smaller) {
        // The longest word, in columns, in one pass: the characters since the last space.
        std::size_t longest = 0;
        std::size_t run = 0;
        for (const char c : text) {
            run = c == ' ' ? 0 : run + (starts_character(c) ? 1 : 0);
            longest = std::max(longest, run);
        }
        if (hang + longest > width) {
            hang = smaller;
        }
    }
    hang = std::min(hang, width - 1);
    // A lead with words in it may stand alone on its line when the first word does not fit after it;
    // a lead of spaces only may not (the line would be blank), so its words must fit after it too.
    const bool lead_alone = lead.find_first_not_of(' ') != std::string_view::npos;
    // The widest a word may be, in columns: what a line holds under the hang (and after the lead).
    const std::size_t room = width - (lead_alone ? hang : std::min(width - 1, std::max(hang, used)));
    while (!text.empty()) {
        const std::size_t space = text.find(' ');
        std::string_view word = text.substr(0, space);
        text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
        std::size_t word_columns = columns(word);
        if (word_columns > room) {
            // A word wider than a line (a list of values): break it after a | / or - that fits,
            // or else after the characters that fit, never inside a character.
            const std::size_t fits = character_bytes(word, room);
            std::size_t cut = word.find_last_of("|/-", fits - 1);
            cut = cut == std::string_view::npos ? fits : cut + 1;
            const std::string_view rest = word.substr(cut);
            text = text.empty() ? rest
                                : std::string_view(rest.data(),
                                                   static_cast<std::size_t>(text.data() + text.size() - rest.data()));
            word = word.substr(0, cut);
            word_columns = columns(word);
        }
        if (used + word_columns + (first_word ? 0 : 1) > width && (!first_word || used > hang)) {
            end_line();
            out.append(hang, ' ');
            used = hang;
            first_word = true;
        }
        if (!first_word) {
            out += ' ';
            ++used;
        }
        out += word;
        used += word_columns;
        first_word = false;
    }
    end_line();
    return out;
}

namespace {

/// Builds the report line by line: each logical line wrapped (wrap) and painted whole (colour never
/// counts as width).
class Report {
public:
    explicit Report(const TextOptions& options) : m_options(options) {}

    /// One logical line: `lead` then `text`, continued under `hang` spaces.
    void line(std::string_view lead, std::string_view text, std::size_t hang, std::string_view paint = {}) {
        const std::string lines = wrap(lead, text, hang, std::max<std::size_t>(m_options.width, 40));
        if (!m_options.colour || paint.empty()) {
            m_out += lines;
            return;
        }
        for (std::string_view rest = lines; !rest.empty();) {
            const std::size_t end = rest.find('\n');
            m_out.append(paint).append(rest.substr(0, end)).append(k_reset) += '\n';
            rest.remove_prefix(end + 1);
        }
    }
    void blank() { m_out += '\n'; }
    void heading(std::string_view text) { line({}, text, 2, k_bold); }
    /// "  - item" lists, continued under the item's text; `more` after `items`.
    void list(std::string_view title, const TextList& items, std::string_view paint = {}, std::string_view more = {}) {
        if (items.empty() && more.empty()) {
            return;
        }
        blank();
        heading(title);
        for (const std::string& item : items) {
            line("  - ", item, 4, paint);
        }
        if (!more.empty()) {
            line("  - ", more, 4, paint);
        }
    }
    [[nodiscard]] const TextOptions& options() const { return m_options; }
    std::string take() { return std::move(m_out); }

private:
    const TextOptions& m_options;
    std::string m_out;
};

std::string pad(std::string_view text, std::size_t width) {
    std::string out(text);
    if (const std::size_t used = columns(out); used < width) {
        out.append(width - used, ' ');
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

/// "Stage III", "FIGO stage IIIC", "Stage undetermined: IIA or III", "No stage group: T category T2".
std::string stage_headline(const Result& r) {
    switch (r.system.grouping) {
        case Grouping::t_only: return "No stage group: T category " + prefixed_category(r.basis, 'T', r.categories.t);
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

/// "T2 N0 M0 G3", "TNM T1a NX M0", "T3 N0 M0, mitotic rate high"; with a basis, "pT2 pN0 cM0 G3".
std::string categories_line(const Result& r) {
    std::string out = is_figo(r) ? "TNM " : "";
    const std::array<std::string, 4> written = {
        prefixed_category(r.basis, 'T', r.categories.t), prefixed_category(r.basis, 'N', r.categories.n),
        prefixed_category(r.basis, 'M', r.categories.m), std::string(r.categories.g)};
    for (const std::string& c : written) {
        if (!c.empty()) {
            out += out.empty() || out == "TNM " ? "" : " ";
            out += c;
        }
    }
    if (!r.categories.rate.empty()) {
        out += ", mitotic rate ";
        out += r.categories.rate;
    }
    return out;
}

/// What the core adds when the report has the case: the survival rows the unknowns leave open and
/// the stage by the current edition.
struct Extras {
    std::vector<SummaryStage> rows;  ///< more than one: the report marks no row as the case's
    std::optional<CurrentEdition> current;
};

Extras extras_of(const Result& r, const TextOptions& options) {
    Extras out;
    if (options.input != nullptr) {
        out.rows = open_rows(r, *options.input);
        out.current = current_edition(*options.input);
    }
    return out;
}

bool rows_open(const Extras& extras) { return extras.rows.size() > 1; }

/// The matched survival figure in one sentence, the rows still open, or why there is none.
std::string survival_line(const Result& r, const Extras& extras, bool brief) {
    if (r.survival == nullptr) {
        return brief ? "Five-year survival: no table covers this case"
                     : "Five-year survival: no table covers this case (see notes)";
    }
    if (rows_open(extras)) {
        std::string text = "Five-year survival: ";
        for (std::size_t i = 0; i < extras.rows.size(); ++i) {
            for (const SurvivalRow& row : r.survival->rows) {
                if (row.summary_stage == extras.rows[i]) {
                    text += i == 0 ? "" : i + 1 == extras.rows.size() ? " or " : ", ";
                    text += std::string(name(row.summary_stage)) + " " + std::string(row.percent_text) + "%";
                }
            }
        }
        return text + ", as the unknowns decide (" + std::string(r.survival->title) + ")";
    }
    if (!r.summary_stage) {
        return "Five-year survival: no row, the summary stage is undetermined";
    }
    for (const SurvivalRow& row : r.survival->rows) {
        if (row.summary_stage == *r.summary_stage) {
            return "Five-year survival: " + std::string(row.percent_text) + "% (" +
                   std::string(name(row.summary_stage)) + ", " + std::string(r.survival->title) + ")";
        }
    }
    return {};
}

/// "AJCC 8th edition (2017, current): IIIA for trunk/extremity; choose the site to be sure".
std::string current_line(const CurrentEdition& current) {
    const Result& r = current.result;
    std::string text = std::string(CurrentEdition::k_edition) + ": ";
    switch (r.system.grouping) {
        case Grouping::ajcc:
        case Grouping::figo:
            if (r.stage) {
                text += name(*r.stage);
            } else {
                const auto members = r.possible_stages.members();
                for (std::size_t i = 0; i < members.size(); ++i) {
                    text += i == 0 ? "" : i + 1 == members.size() ? " or " : ", ";
                    text += name(members[i]);
                }
            }
            break;
        case Grouping::t_only: text += std::string(r.categories.t) + " (no stage groups)"; break;
        case Grouping::not_staged: return {};
    }
    text += " for ";
    text += current.sites;
    if (!current.site_chosen) {
        text += "; choose the site to be sure";
    }
    return text;
}

/// "localized", or the summary stages the unknowns leave open ("localized or regional").
std::string summary_text(const Result& r, const Extras& extras) {
    if (rows_open(extras)) {
        std::string text;
        for (std::size_t i = 0; i < extras.rows.size(); ++i) {
            text += i == 0 ? "" : i + 1 == extras.rows.size() ? " or " : ", ";
            text += name(extras.rows[i]);
        }
        return text;
    }
    return r.summary_stage ? std::string(name(*r.summary_stage)) : std::string("undetermined");
}

/// "low (3.6 %)", "none", "insufficient-data".
std::string afip_cell_text(const AfipCell& cell) {
    std::string out(name(cell.category));
    if (!cell.percent.empty()) {
        out += " (" + std::string(cell.percent) + " % progressed)";
    }
    return out;
}

/// The AFIP cells the case allows, in words, each once: "low (3.6 % progressed) or moderate (10 % ...)".
std::string afip_text(const GistRisk& risk) {
    if (risk.afip_count == 0) {
        return "no column for this site";
    }
    std::vector<std::string> seen;
    std::string out;
    for (const AfipCell* cell : risk.afip_possible()) {
        std::string text = afip_cell_text(*cell);
        if (std::find(seen.begin(), seen.end(), text) == seen.end()) {
            out += seen.empty() ? "" : " or ";
            out += text;
            seen.push_back(std::move(text));
        }
    }
    return out;
}

/// "intermediate", "low or high".
std::string risk_set_text(RiskSet set) {
    std::string out;
    for (RiskCategory c : k_all_risk_categories) {
        if (set.contains(c)) {
            out += out.empty() ? "" : " or ";
            out += name(c);
        }
    }
    return out;
}

void gist_risk_block(Report& out, const Result& r) {
    const GistRisk& risk = r.gist_risk;
    if (!risk.assessed) {
        return;
    }
    out.blank();
    out.heading("Risk of progression (GIST)");
    out.line("  " + std::string(k_afip_name) + ": ", afip_text(risk), 4);
    for (const AfipCell* cell : risk.afip_possible()) {
        out.line("    ",
                 std::string(name(cell->site)) + ", " + std::string(name(cell->size)) + ", " +
                     std::string(name(cell->rate)) + ": " + afip_cell_text(*cell) +
                     (cell->small_numbers ? ", small numbers of cases" : "") +
                     (cell->note.empty() ? std::string() : "; " + std::string(cell->note)),
                 6);
    }
    if (!risk.afip_note.empty()) {
        out.line("    ", risk.afip_note, 6);
    }
    if (risk.afip_count > 0) {
        out.line("    Source: ", risk.afip_cells[0]->source, 6);
        for (const AfipCell* cell : risk.afip_possible()) {
            if (cell->source != risk.afip_cells[0]->source) {
                out.line("    Source (" + std::string(name(cell->site)) + ", " + std::string(name(cell->size)) + ", " +
                             std::string(name(cell->rate)) + "): ",
                         cell->source, 6);
            }
        }
    }
    out.line("  " + std::string(k_nih_name) + ": ", risk_set_text(risk.nih), 4);
    if (risk.rupture == Finding::present) {
        out.line("    ", "tumour rupture: high whatever the size, mitotic rate and site", 6);
    } else if (risk.rupture == Finding::unknown) {
        out.line("    ", "rupture unknown: high if the tumour ruptured", 6);
    }
    for (const NihCell* cell : risk.nih_possible()) {
        out.line("    ",
                 std::string(cell->gastric ? "gastric, " : "non-gastric, ") + std::string(name(cell->size)) + ", " +
                     std::string(name(cell->rate)) + ": " + std::string(cell->row),
                 6);
    }
    if (!risk.nih_note.empty()) {
        out.line("    ", risk.nih_note, 6);
    }
    out.line("    Source: ", k_nih_source, 6);
    out.line("  ", gist_risk_caveat(), 2);
}

/// "leiomyosarcoma, NOS (8890/3)": the histologic type staged, in words, with its ICD-O-3 code.
std::string histology_text(const Result& r) {
    return std::string(r.histology.row().name) + " (" + r.histology.code_text() + ")";
}

/// Whether the case gave no histology, so that the type staged is the default (Case::histology);
/// unknown (false) when the report does not have the case.
bool histology_defaulted(const TextOptions& options) { return options.input != nullptr && !options.input->histology; }

/// The assumption the default histology makes, or "" when the case gave one.
std::string histology_assumption(const Result& r, const TextOptions& options) {
    return histology_defaulted(options) ? "histology not given: taken as " + histology_text(r) : std::string();
}

void summary_block(Report& out, const Result& r, const Extras& extras) {
    if (r.system.grouping == Grouping::not_staged) {
        // The system's name says why: "not staged by AJCC 7 (hollow-viscus sarcomas are ...)".
        std::string headline(r.system.name);
        if (!headline.empty() && headline.front() >= 'a' && headline.front() <= 'z') {
            headline.front() = static_cast<char>(headline.front() - 'a' + 'A');
        }
        out.line({}, headline, 2, k_bold);
    } else {
        out.line({}, stage_headline(r) + "  (" + std::string(r.system.name) + ")", 2, k_bold);
    }
    out.line("  ", categories_line(r) + "    summary stage: " + summary_text(r, extras), 4);
    out.line("  ", survival_line(r, extras, out.options().brief), 4);
    if (extras.current) {
        if (const std::string line = current_line(*extras.current); !line.empty()) {
            out.line("  ", line, 4);
        }
    }
    if (r.gist_risk.assessed) {
        const GistRisk& risk = r.gist_risk;
        const std::string afip = risk.afip_count == 1   ? afip_cell_text(*risk.afip_cells[0])
                                 : risk.afip_count == 0 ? std::string("no column for this site")
                                                        : risk_set_text(risk.afip);
        out.line("  ",
                 "Risk of progression (population figures, not a prediction): AFIP " + afip + "; modified NIH " +
                     risk_set_text(risk.nih),
                 4);
    }
    if (!out.options().brief) {
        out.line("  ",
                 histology_defaulted(out.options()) ? "Histology not given: taken as " + histology_text(r)
                                                    : "Histology: " + histology_text(r),
                 4);
    }
}

void categories_block(Report& out, const Result& r) {
    out.blank();
    out.heading(r.basis ? "Categories (" + std::string(name(*r.basis)) + ")" : std::string("Categories"));
    const std::pair<std::string_view, std::string> categories[] = {
        {"T", prefixed_category(r.basis, 'T', r.categories.t)},
        {"N", prefixed_category(r.basis, 'N', r.categories.n)},
        {"M", prefixed_category(r.basis, 'M', r.categories.m)},
        {"G", std::string(r.categories.g)},
        {"mitotic_rate", std::string(r.categories.rate)}};
    // The label column: at least 5 wide, and the widest label of the block and two spaces, so that a
    // label ("G1-G3", "unknown", "ypT2b") never runs into its reason; the reason continues under itself.
    std::size_t label_width = 5;
    for (const auto& [rule, value] : categories) {
        if (!value.empty() && find_step(r, rule) != nullptr) {
            label_width = std::max(label_width, columns(value) + 2);
        }
    }
    for (const auto& [rule, value] : categories) {
        const TraceStep* step = find_step(r, rule);
        if (value.empty() || step == nullptr) {
            continue;
        }
        out.line("  " + pad(value, label_width), step->because, 2 + label_width);
    }
}

void survival_block(Report& out, const Result& r, const Extras& extras) {
    out.blank();
    if (r.survival == nullptr) {
        out.heading("Five-year survival");
        out.line("  ", "no survival table fits this case (see notes)", 4);
        return;
    }
    const SurvivalTable& t = *r.survival;
    out.heading("Five-year survival: " + std::string(t.title) + " (" + std::string(t.measure) +
                ", by SEER summary stage)");
    for (const SurvivalRow& row : t.rows) {
        const std::string text = pad(name(row.summary_stage), 11) + std::string(row.percent_text) + "%";
        if (rows_open(extras)) {
            if (std::find(extras.rows.begin(), extras.rows.end(), row.summary_stage) != extras.rows.end()) {
                out.line("  ? ", pad(text, 19) + "<- possible", 4, k_mark);
            } else {
                out.line("    ", text, 4);
            }
        } else if (r.summary_stage && *r.summary_stage == row.summary_stage) {
            out.line("  > ", pad(text, 19) + "<- this case", 4, k_mark);
        } else {
            out.line("    ", text, 4);
        }
    }
    if (rows_open(extras)) {
        out.line("  ", "no row marked as the case's: the unknowns leave the rows marked possible open", 4);
    } else if (!r.summary_stage) {
        out.line("  ", "no row marked: the summary stage is undetermined", 4);
    }
    out.line("  Source: ", std::string(t.source) + ", as quoted in " + std::string(t.cited_in), 4);
    out.line("  Cohort: ", std::string(t.cohort) + "; recorded " + std::string(t.taken), 4);
    out.line("  Population: ", t.population, 4);
    out.line("  ", survival_caveat(), 2);
}

void trace_block(Report& out, const Result& r) {
    out.blank();
    out.heading("Rule trace");
    for (const TraceStep& step : r.trace) {
        out.line("  " + pad(std::string(step.rule) + ":", 15), step.because, 17);
    }
}

}  // namespace

std::string report_headline(const Result& r) {
    if (r.system.grouping != Grouping::not_staged) {
        return stage_headline(r);
    }
    std::string headline(r.system.name);
    if (!headline.empty() && headline.front() >= 'a' && headline.front() <= 'z') {
        headline.front() = static_cast<char>(headline.front() - 'a' + 'A');
    }
    return headline;
}

std::vector<SummaryStage> open_rows(const Result& r, const Case& input) {
    // A stage the inputs determine keeps its row: the SEER figures count unknown nodes as negative
    // too (the summary stage's convention), so its row is the population the case belongs to.
    if (r.stage || r.survival == nullptr) {
        return {};
    }
    std::vector<SummaryStage> rows = possible_summary_stages(input);
    return rows.size() > 1 ? rows : std::vector<SummaryStage>{};
}

std::string current_edition_line(const Case& input) {
    const auto current = current_edition(input);
    return current ? current_line(*current) : std::string();
}

std::string render_text(const Result& r, const TextOptions& options) {
    const Extras extras = extras_of(r, options);
    Report out(options);
    summary_block(out, r, extras);
    if (options.brief) {
        out.list("Warnings", r.warnings, k_warn);
        return out.take();
    }
    categories_block(out, r);
    // Warnings and assumptions before the long sections, so that they are on the first screen.
    out.list("Warnings", r.warnings, k_warn);
    out.list("Assumptions", r.assumptions, {}, histology_assumption(r, options));
    gist_risk_block(out, r);
    survival_block(out, r, extras);
    out.list("Notes", r.notes);
    if (options.explain) {
        trace_block(out, r);
    }
    out.blank();
    out.line({}, clinical_judgment_reminder(), 2, k_dim);
    return out.take();
}

}  // namespace lmsstage::doors
