// The text report a clinician reads: stage and system first, each category with its reason, the
// warnings and assumptions, then the survival table with the case's row marked and the
// population-figures caveat, and the clinical-judgment reminder last.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "doors/render_text.hpp"
#include "doors/safe_text.hpp"
#include "lmsstage/alternatives.hpp"
#include "lmsstage/lmsstage.hpp"
#include "support/text_support.hpp"

using namespace lmsstage;
using lmsstage::doors::render_text;
using lmsstage::doors::TextOptions;
using namespace lmsstage_door_test;

namespace {

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string last_non_empty_line(const std::string& text) {
    const std::vector<std::string> lines = lines_of(text);
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        if (!it->empty()) {
            return *it;
        }
    }
    return {};
}

/// The lines of the survival table that show a percentage, in order.
std::vector<std::string> survival_rows(const std::string& text) {
    std::vector<std::string> rows;
    for (const std::string& line : lines_of(text)) {
        const bool row_indent = line.rfind("  > ", 0) == 0 || line.rfind("  ? ", 0) == 0 || line.rfind("    ", 0) == 0;
        if (row_indent && contains(line, "%") &&
            (contains(line, "localized") || contains(line, "regional") || contains(line, "distant"))) {
            rows.push_back(line);
        }
    }
    return rows;
}

/// How the report marks the row of the case.
constexpr std::string_view k_marker = "<- this case";

/// Removes ANSI SGR sequences (ESC [ ... m).
std::string without_ansi(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
            const std::size_t end = text.find('m', i);
            if (end != std::string::npos) {
                i = end;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

/// A hand-made result with distinctive texts, so each part of the report can be found exactly.
Result sample_result() {
    Result r;
    r.system = System{"ajcc7-sts", "AJCC 7th edition, soft tissue sarcoma"};
    r.categories = Categories{"T2", "N1", "M0", "G3", ""};
    r.stage = Stage::III;
    r.possible_stages = StageSet{Stage::III};
    r.summary_stage = SummaryStage::regional;
    r.survival = find_survival_table("soft-tissue-sarcoma");
    r.assumptions = {"first-assumption-text", "second-assumption-text"};
    r.notes = {"a-note-text"};
    r.trace = {TraceStep{"T", "reason-for-T"},         TraceStep{"N", "reason-for-N"},
               TraceStep{"M", "reason-for-M"},         TraceStep{"G", "reason-for-G"},
               TraceStep{"stage", "reason-for-stage"}, TraceStep{"summary_stage", "reason-for-summary"}};
    return r;
}

Result staged(const Case& c) {
    const Outcome outcome = stage(c);
    REQUIRE(std::holds_alternative<Result>(outcome));
    return std::get<Result>(outcome);
}

/// Where `part` starts in the report, its wrapping undone.
std::size_t position(const std::string& text, std::string_view part) {
    const std::size_t at = flat(text).find(flat(part));
    INFO("looking for: " << std::string(part));
    CHECK(at != std::string::npos);
    return at;
}

}  // namespace

TEST_CASE("the report's first line has the stage and the system name", "[render][text]") {
    const std::string line = first_line(render_text(sample_result(), TextOptions{}));
    CHECK(line.rfind("Stage III", 0) == 0);
    CHECK(contains(line, "AJCC 7th edition, soft tissue sarcoma"));
}

TEST_CASE("each category is shown with its reason, on one line", "[render][text]") {
    const std::string text = render_text(sample_result(), TextOptions{});
    CHECK(contains(text, "T2   reason-for-T"));
    CHECK(contains(text, "N1   reason-for-N"));
    CHECK(contains(text, "M0   reason-for-M"));
    CHECK(contains(text, "G3   reason-for-G"));
}

TEST_CASE("categories come in T, N, M, G order after the first line", "[render][text]") {
    const std::string text = render_text(sample_result(), TextOptions{});
    const std::size_t first_end = text.find('\n');
    const std::size_t t = position(text, "reason-for-T");
    const std::size_t n = position(text, "reason-for-N");
    const std::size_t m = position(text, "reason-for-M");
    const std::size_t g = position(text, "reason-for-G");
    CHECK(first_end < t);
    CHECK(t < n);
    CHECK(n < m);
    CHECK(m < g);
}

TEST_CASE("the survival table follows the categories and shows every row", "[render][text]") {
    const std::string text = render_text(sample_result(), TextOptions{});
    const std::vector<std::string> rows = survival_rows(text);
    REQUIRE(rows.size() == 3U);
    CHECK(contains(rows[0], "localized"));
    CHECK(contains(rows[0], "82.4%"));
    CHECK(contains(rows[1], "regional"));
    CHECK(contains(rows[1], "59.8%"));
    CHECK(contains(rows[2], "distant"));
    CHECK(contains(rows[2], "16.7%"));
    CHECK(position(text, "reason-for-G") < position(text, rows[0]));
}

TEST_CASE("the survival table marks the matched row and only that row", "[render][text]") {
    const std::vector<std::string> rows = survival_rows(render_text(sample_result(), TextOptions{}));
    REQUIRE(rows.size() == 3U);
    CHECK_FALSE(contains(rows[0], k_marker));
    CHECK(contains(rows[1], k_marker));
    CHECK_FALSE(contains(rows[2], k_marker));
}

TEST_CASE("the survival table names its source", "[render][text]") {
    const std::string text = render_text(sample_result(), TextOptions{});
    CHECK(contains(text, find_survival_table("soft-tissue-sarcoma")->source));
}

TEST_CASE("the population-figures caveat follows the survival rows", "[render][text]") {
    const std::string text = render_text(sample_result(), TextOptions{});
    const std::vector<std::string> rows = survival_rows(text);
    REQUIRE_FALSE(rows.empty());
    CHECK(position(text, rows.back()) < position(text, survival_caveat()));
}

TEST_CASE("the assumptions come after the categories and before the survival table, in order", "[render][text]") {
    const std::string text = render_text(sample_result(), TextOptions{});
    const std::size_t first = position(text, "first-assumption-text");
    const std::size_t second = position(text, "second-assumption-text");
    CHECK(position(text, "reason-for-G") < first);
    CHECK(first < second);
    CHECK(second < position(text, survival_rows(text).front()));
}

TEST_CASE("the last non-empty line is the clinical judgment reminder", "[render][text]") {
    CHECK(last_non_empty_line(render_text(sample_result(), TextOptions{})) == clinical_judgment_reminder());
}

TEST_CASE("the reminder stays last with the rule trace", "[render][text]") {
    CHECK(last_non_empty_line(render_text(sample_result(), TextOptions{false, true})) == clinical_judgment_reminder());
}

TEST_CASE("the rule trace is shown only when asked for", "[render][text]") {
    CHECK_FALSE(contains(render_text(sample_result(), TextOptions{false, false}), "reason-for-stage"));
    CHECK(contains(render_text(sample_result(), TextOptions{false, true}), "reason-for-stage"));
}

TEST_CASE("the rule trace comes after the assumptions", "[render][text]") {
    const std::string text = render_text(sample_result(), TextOptions{false, true});
    CHECK(position(text, "second-assumption-text") < position(text, "reason-for-stage"));
}

TEST_CASE("warnings are shown in the report", "[render][text]") {
    Result r = sample_result();
    r.warnings = {"a-warning-text"};
    const std::string text = render_text(r, TextOptions{});
    CHECK(contains(text, "a-warning-text"));
    CHECK(position(text, "reason-for-G") < position(text, "a-warning-text"));
    CHECK(position(text, "a-warning-text") < position(text, "first-assumption-text"));
}

TEST_CASE("notes are shown in the report", "[render][text]") {
    CHECK(contains(render_text(sample_result(), TextOptions{}), "a-note-text"));
}

TEST_CASE("an undetermined stage lists the candidate stages on the first line", "[render][text][unknown]") {
    Result r = sample_result();
    r.stage.reset();
    r.possible_stages = StageSet{Stage::IIA, Stage::III};
    const std::string line = first_line(render_text(r, TextOptions{}));
    CHECK(contains(line, "undetermined"));
    CHECK(contains(line, "IIA"));
    CHECK(contains(line, "III"));
    CHECK(contains(line, "AJCC 7th edition, soft tissue sarcoma"));
}

TEST_CASE("size unknown grade 3 renders IIA or III as the candidates", "[render][text][unknown]") {
    Case c;
    c.size = Measured<Length>::unknown();
    c.grade = Grade::g3;
    const std::string line = first_line(render_text(staged(c), TextOptions{}));
    CHECK(contains(line, "undetermined"));
    CHECK(contains(line, "IIA"));
    CHECK(contains(line, "III"));
}

TEST_CASE("an undetermined summary stage marks no survival row", "[render][text][unknown]") {
    Result r = sample_result();
    r.summary_stage.reset();
    const std::vector<std::string> rows = survival_rows(render_text(r, TextOptions{}));
    REQUIRE(rows.size() == 3U);
    for (const std::string& row : rows) {
        CHECK_FALSE(contains(row, k_marker));
    }
}

TEST_CASE("a result with no survival table says so and marks no row", "[render][text]") {
    Result r = sample_result();
    r.survival = nullptr;
    const std::string text = render_text(r, TextOptions{});
    CHECK(contains(text, "no survival table"));
    CHECK_FALSE(contains(text, k_marker));
    CHECK(last_non_empty_line(text) == clinical_judgment_reminder());
}

TEST_CASE("a FIGO report says FIGO stage", "[render][text][figo]") {
    Case c;
    c.site = Site::uterus;
    c.size = Measured<Length>::of({7.0, LengthUnit::cm});
    c.adnexa = Finding::present;
    const std::string line = first_line(render_text(staged(c), TextOptions{}));
    CHECK(line.rfind("FIGO stage IIA", 0) == 0);
    CHECK(contains(line, "FIGO 2009"));
}

TEST_CASE("a FIGO report marks the regional row of the uterine table", "[render][text][figo]") {
    Case c;
    c.site = Site::uterus;
    c.size = Measured<Length>::of({7.0, LengthUnit::cm});
    c.adnexa = Finding::present;
    const std::string text = render_text(staged(c), TextOptions{});
    const std::vector<std::string> rows = survival_rows(text);
    REQUIRE(rows.size() == 3U);
    CHECK(contains(rows[1], "regional"));
    CHECK(contains(rows[1], "37%"));
    CHECK(contains(rows[1], k_marker));
}

TEST_CASE("a staged 6 cm grade 3 case has the parts of the report in order", "[render][text]") {
    Case c;
    c.size = Measured<Length>::of({6.0, LengthUnit::cm});
    c.grade = Grade::g3;
    const Result r = staged(c);
    REQUIRE_FALSE(r.assumptions.empty());
    const std::string text = render_text(r, TextOptions{});
    CHECK(first_line(text).rfind("Stage III", 0) == 0);
    const std::vector<std::string> rows = survival_rows(text);
    REQUIRE(rows.size() == 3U);
    CHECK(contains(rows[0], k_marker));
    const std::size_t table = position(text, rows[0]);
    const std::size_t caveat = position(text, survival_caveat());
    const std::size_t assumption = position(text, r.assumptions.front());
    CHECK(assumption < table);
    CHECK(table < caveat);
    CHECK(last_non_empty_line(text) == clinical_judgment_reminder());
}

TEST_CASE("colour is off unless asked for", "[render][text][colour]") {
    CHECK_FALSE(contains(render_text(sample_result(), TextOptions{false, false}), "\x1b["));
    CHECK(contains(render_text(sample_result(), TextOptions{true, false}), "\x1b["));
}

TEST_CASE("colour changes nothing but the escape codes", "[render][text][colour]") {
    const Result r = sample_result();
    CHECK(without_ansi(render_text(r, TextOptions{true, true})) == render_text(r, TextOptions{false, true}));
}

// ---- The report fits the terminal ---------------------------------------------------------------

namespace {

/// One case of every system, with long texts: undetermined stages, no table, notes, warnings.
std::vector<Result> every_system() {
    std::vector<Case> cases(8);
    cases[0].size = Measured<Length>::of(Length{6.0, LengthUnit::cm});
    cases[0].grade = Grade::g3;
    cases[0].depth = Depth::deep;
    cases[1].site = Site::uterus;
    cases[1].size = Measured<Length>::unknown();
    cases[1].nodes = Finding::unknown;
    cases[1].grade = Grade::g2;  // unused: a warning
    cases[2].site = Site::uterus;
    cases[2].histology = Histology::adenosarcoma;
    cases[2].myometrial_invasion = 50.0;
    cases[3].site = Site::gi;
    cases[3].histology = Histology::gist;
    cases[3].gi_site = GiSite::small_intestine;
    cases[3].size = Measured<Length>::of(Length{7.0, LengthUnit::cm});
    cases[3].mitotic_rate = Measured<MitoticRate>::unknown();
    cases[4].edition = 8;
    cases[4].site = Site::retroperitoneum;
    cases[4].size = Measured<Length>::of(Length{12.0, LengthUnit::cm});
    cases[4].grade = Grade::g2;
    cases[4].nodes = Finding::present;
    cases[5].edition = 8;
    cases[5].site = Site::head_neck;
    cases[5].size = Measured<Length>::of(Length{3.0, LengthUnit::cm});
    cases[5].adjoining_invasion = AdjoiningInvasion::unknown;
    cases[6].edition = 8;
    cases[6].site = Site::visceral;
    cases[6].foci = 4;
    cases[7].site = Site::gi;
    cases[7].histology = Histology::lms;
    std::vector<Result> results;
    for (const Case& c : cases) {
        results.push_back(staged(c));
    }
    return results;
}

}  // namespace

TEST_CASE("every line of the report fits the width, at 80 columns and at 40 to 200", "[render][text][width]") {
    for (std::size_t width : {40U, 60U, 80U, 120U, 200U}) {
        for (const Result& r : every_system()) {
            for (bool explain : {false, true}) {
                TextOptions options;
                options.width = width;
                options.explain = explain;
                options.colour = true;  // colour codes never count as width
                for (const std::string& line : lines_of(without_ansi(render_text(r, options)))) {
                    INFO("width " << width << ", system " << r.system.id << ": " << line);
                    CHECK(line.size() <= width);
                }
            }
        }
    }
}

TEST_CASE("wrap: a text that fits is written as it is, one column more moves the last word under the hang",
          "[render][text][width][wrap]") {
    using lmsstage::doors::wrap;
    CHECK(wrap("- ", "abc def", 2, 9) == "- abc def\n");       // 2 + 7 columns: exactly the width
    CHECK(wrap("- ", "abc defg", 2, 9) == "- abc\n  defg\n");  // 2 + 8 columns: one over
    CHECK(wrap("x  ", "", 0, 80) == "x\n");                    // no trailing spaces
}

TEST_CASE("wrap: a character of several bytes takes one column", "[render][text][width][wrap]") {
    using lmsstage::doors::wrap;
    CHECK(wrap("", "a\u2192b c", 0, 5) == "a\u2192b c\n");     // 7 bytes, 5 columns
    CHECK(wrap("", "a\u2192b cd", 0, 5) == "a\u2192b\ncd\n");  // 6 columns
}

TEST_CASE("wrap: a word wider than a line breaks after a | that fits, else between characters",
          "[render][text][width][wrap]") {
    using lmsstage::doors::wrap;
    CHECK(wrap("", "aa|bbbb", 0, 5) == "aa|\nbbbb\n");
    // Greek letters take two bytes each: a word of 3 fits 5 columns whole, and one of 8 is broken
    // after its fifth letter, never inside one.
    CHECK(wrap("", "\u03b1\u03b2\u03b3", 0, 5) == "\u03b1\u03b2\u03b3\n");
    CHECK(wrap("", "\u03b1\u03b2\u03b3\u03b4\u03b5\u03b6\u03b7\u03b8", 0, 5) ==
          "\u03b1\u03b2\u03b3\u03b4\u03b5\n\u03b6\u03b7\u03b8\n");
}

TEST_CASE("wrap: over 20,000 generated texts, no line is wider than the width, no character is cut, no word lost",
          "[render][text][width][wrap]") {
    using lmsstage::doors::wrap;
    // Pieces of one to three bytes, the break marks and spaces (runs of them too).
    const std::vector<std::string_view> pieces = {"a", "b", "|", "-", "/", " ", " ", "\u03b1", "\u2192", "x"};
    const std::vector<std::string_view> leads = {"", "- ", "T2   ", "\u2192 "};
    const auto columns = [](std::string_view text) {
        return static_cast<std::size_t>(std::count_if(
            text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
    };
    const auto without_spaces = [](std::string_view text) {
        std::string kept;
        for (const char c : text) {
            if (c != ' ' && c != '\n') {
                kept += c;
            }
        }
        return kept;
    };
    std::mt19937 random(20261207);
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        const std::size_t length = random() % 60;
        for (std::size_t k = 0; k < length; ++k) {
            text += pieces[random() % pieces.size()];
        }
        const std::string_view lead = leads[random() % leads.size()];
        const std::size_t width = 6 + random() % 25;
        const std::size_t hang = random() % 5;
        const std::string out = wrap(lead, text, hang, width);
        INFO("lead \"" << lead << "\", text \"" << text << "\", hang " << hang << ", width " << width << ":\n" << out);
        REQUIRE(!out.empty());
        REQUIRE(out.back() == '\n');
        for (const std::string& line : lines_of(out)) {
            REQUIRE(columns(line) <= width);
            REQUIRE(lmsstage::doors::is_valid_utf8(line));
            REQUIRE((line.empty() || line.back() != ' '));
        }
        REQUIRE(without_spaces(out) == without_spaces(std::string(lead) + text));
    }
}

TEST_CASE("the stage is on the first line and the matched survival figure on the third", "[render][text][width]") {
    const std::string text = render_text(staged([] {
                                             Case c;
                                             c.size = Measured<Length>::of(Length{6.0, LengthUnit::cm});
                                             c.grade = Grade::g3;
                                             return c;
                                         }()),
                                         TextOptions{});
    const std::vector<std::string> lines = lines_of(text);
    REQUIRE(lines.size() > 3);
    CHECK(lines[0].rfind("Stage III  (AJCC 7th edition", 0) == 0);
    CHECK(lines[1] == "  T2 N0 M0 G3    summary stage: localized");
    // SEER Cancer Stat Facts, Soft Tissue including Heart: localized 82.4 %.
    CHECK(lines[2] == "  Five-year survival: 82.4% (localized, Soft tissue sarcoma)");
}

TEST_CASE("brief gives the stage, TNM, summary stage, the matched figure and every warning, nothing more",
          "[render][text][brief]") {
    for (const Result& r : every_system()) {
        TextOptions options;
        options.brief = true;
        const std::string text = render_text(r, options);
        const std::vector<std::string> lines = lines_of(text);
        INFO("system " << r.system.id);
        for (const std::string& warning : r.warnings) {
            CHECK(contains(flat(text), flat(warning)));
        }
        // 4 summary lines at most, then a blank line, the heading and at most 3 lines per warning.
        CHECK(lines.size() <= (r.gist_risk.assessed ? 6U : 4U) + (r.warnings.empty() ? 0 : 2 + 3 * r.warnings.size()));
        CHECK(contains(lines.front(), r.system.grouping == Grouping::figo ? "FIGO stage" : ""));
        CHECK_FALSE(contains(text, clinical_judgment_reminder()));
        CHECK_FALSE(contains(text, "see notes"));  // brief shows no notes, so it points to none
    }
}

TEST_CASE("a case outside every survival table says so in its first lines", "[render][text]") {
    Case c;
    c.site = Site::retroperitoneum;
    c.size = Measured<Length>::of(Length{12.0, LengthUnit::cm});
    c.grade = Grade::g2;
    const std::vector<std::string> lines = lines_of(render_text(staged(c), TextOptions{}));
    CHECK(lines[2] == "  Five-year survival: no table covers this case (see notes)");
}

TEST_CASE("GI leiomyosarcoma under AJCC 7: the headline says it is not staged, and why", "[render][text]") {
    Case c;
    c.site = Site::gi;
    c.histology = Histology::lms;
    const std::vector<std::string> lines = lines_of(render_text(staged(c), TextOptions{}));
    // AJCC 7th ed. soft tissue sarcoma chapter: sarcomas of hollow viscera are excluded.
    CHECK(lines[0] == "Not staged by AJCC 7 (hollow-viscus sarcomas are outside the soft tissue");
    CHECK(lines[1] == "  chapter)");
}

// ---- The first screen: what the core adds when the report has the case -------------------------

namespace {

std::string report_of(const Case& c, TextOptions options = {}) {
    options.input = &c;
    return render_text(staged(c), options);
}

Case six_cm_grade_3() {
    Case c;
    c.size = Measured<Length>::of(Length{6.0, LengthUnit::cm});
    c.grade = Grade::g3;
    return c;
}

}  // namespace

TEST_CASE("the current edition's stage follows the survival figure, the site to choose named",
          "[render][text][current]") {
    const std::vector<std::string> lines = lines_of(report_of(six_cm_grade_3()));
    REQUIRE(lines.size() > 5);
    // AJCC 8th ed. (2017), chapter 41 (trunk and extremities): T2 (> 5 to 10 cm) N0 M0 G3 is IIIA.
    CHECK(lines[3] == "  AJCC 8th edition (2017, current): IIIA for trunk/extremity; choose the site to");
    CHECK(lines[4] == "    be sure");
}

TEST_CASE("a named site gives the current edition's stage at that site, with nothing to choose",
          "[render][text][current]") {
    Case c = six_cm_grade_3();
    c.site = Site::retroperitoneum;
    c.size = Measured<Length>::of(Length{12.0, LengthUnit::cm});
    c.grade = Grade::g2;
    // AJCC 8th ed. (2017), chapter 44 (retroperitoneum): T3 (> 10 to 15 cm) N0 M0 G2 is IIIB.
    CHECK(lines_of(report_of(c))[3] == "  AJCC 8th edition (2017, current): IIIB for retroperitoneum");
}

TEST_CASE("a case staged by the AJCC 8th edition or FIGO has no current-edition line", "[render][text][current]") {
    Case c = six_cm_grade_3();
    c.edition = 8;
    c.site = Site::extremity;
    CHECK_FALSE(contains(report_of(c), "(2017, current)"));
    Case uterine;
    uterine.site = Site::uterus;
    uterine.size = Measured<Length>::of(Length{7.0, LengthUnit::cm});
    CHECK_FALSE(contains(report_of(uterine), "(2017, current)"));
}

TEST_CASE("an undetermined uterine stage names the survival rows it leaves open and marks none as the case's",
          "[render][text][unknown]") {
    Case c;
    c.site = Site::uterus;
    c.size = Measured<Length>::of(Length{7.0, LengthUnit::cm});
    c.nodes = Finding::unknown;
    const std::string text = report_of(c);
    const std::vector<std::string> lines = lines_of(text);
    // FIGO 2009: T1b (> 5 cm) is IB with N0 and IIIC with N1. American Cancer Society, uterine
    // leiomyosarcoma: localized 60 %, regional 37 %.
    CHECK(lines[0].rfind("FIGO stage undetermined: IB or IIIC", 0) == 0);
    CHECK(contains(flat(text), "Five-year survival: localized 60% or regional 37%, as the unknowns decide"));
    CHECK(contains(flat(text), "summary stage: localized or regional"));
    CHECK_FALSE(contains(text, k_marker));
    const std::vector<std::string> rows = survival_rows(text);
    REQUIRE(rows.size() == 3U);
    CHECK(contains(rows[0], "<- possible"));
    CHECK(contains(rows[1], "<- possible"));
    CHECK_FALSE(contains(rows[2], "<- possible"));
}

TEST_CASE("an undetermined stage whose unknowns cannot move the summary stage keeps its one row",
          "[render][text][unknown]") {
    Case c = six_cm_grade_3();
    c.size = Measured<Length>::unknown();
    const std::vector<std::string> lines = lines_of(report_of(c));
    // IIA or III, both localized: SEER soft tissue, localized 82.4 %.
    CHECK(lines[2] == "  Five-year survival: 82.4% (localized, Soft tissue sarcoma)");
}

TEST_CASE("no grade line where the system does not grade (uterus, GIST)", "[render][text]") {
    for (const Result& r : every_system()) {
        if (r.categories.g.empty()) {
            INFO("system " << r.system.id);
            CHECK_FALSE(contains(render_text(r, TextOptions{}), "grade not given"));
        }
    }
}

TEST_CASE("the first 24 lines of the 6 cm grade 3 report hold the answer and the assumptions",
          "[render][text][current]") {
    const Case c = six_cm_grade_3();
    const Result r = staged(c);
    const std::vector<std::string> lines = lines_of(report_of(c));
    REQUIRE(lines.size() > 24);
    std::string screen;
    for (std::size_t i = 0; i < 24; ++i) {
        screen += lines[i] + "\n";
    }
    CHECK(contains(screen, "Stage III"));
    CHECK(contains(screen, "T2 N0 M0 G3"));
    CHECK(contains(screen, "82.4%"));
    CHECK(contains(screen, "(2017, current): IIIA"));
    for (const std::string& assumption : r.assumptions) {
        CHECK(contains(flat(screen), flat(assumption)));
    }
}

TEST_CASE("a stage the inputs determine keeps its marked row even with nodes unknown", "[render][text][unknown]") {
    Case c = six_cm_grade_3();
    c.edition = 8;
    c.site = Site::extremity;
    c.nodes = Finding::unknown;
    const std::string text = report_of(c);
    // AJCC 8th ed. ch. 41 counts unknown nodes as N0 (IIIA); SEER Summary Stage counts them as
    // negative, so the case belongs to the localized row (82.4 %) of the SEER figures.
    CHECK(lines_of(text)[0].rfind("Stage IIIA", 0) == 0);
    CHECK(lines_of(text)[2] == "  Five-year survival: 82.4% (localized, Soft tissue sarcoma)");
    CHECK(contains(text, k_marker));
}

// ---- Labels, words, the first screen and the histology -----------------------------------------

namespace {

Case gist_small_intestine_rate_unknown() {
    Case c;
    c.site = Site::gi;
    c.histology = Histology::gist;
    c.gi_site = GiSite::small_intestine;
    c.size = Measured<Length>::of(Length{7.0, LengthUnit::cm});
    c.mitotic_rate = Measured<MitoticRate>::unknown();
    return c;
}

/// The words of a text (split at spaces and line ends).
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (const char ch : text + "\n") {
        if (ch == ' ' || ch == '\n') {
            if (!word.empty()) {
                words.push_back(word);
            }
            word.clear();
        } else {
            word += ch;
        }
    }
    return words;
}

}  // namespace

TEST_CASE("a category label of any length stands two spaces from its reason, continued under the reason",
          "[render][text][categories]") {
    Case unknown_grade = six_cm_grade_3();
    unknown_grade.grade = Grade::unknown;
    Case high_grade = six_cm_grade_3();
    high_grade.grade = Grade::high;
    Case post_therapy = six_cm_grade_3();
    post_therapy.depth = Depth::deep;
    post_therapy.basis = Basis::post_therapy;
    // Grade unknown is G1-G3, high grade G2-G3 (AJCC 7 ch. 28); a GIST's rate unknown is "unknown";
    // a deep 6 cm tumour after neoadjuvant treatment is ypT2b.
    CHECK(contains(report_of(unknown_grade), "\n  G1-G3  grade unknown (not an FNCLCC grade) -> G1, G2 or G3\n"));
    CHECK(contains(report_of(unknown_grade), "\n  T2     size 6 cm"));
    CHECK(contains(report_of(high_grade), "\n  G2-G3  grade stated as high grade only"));
    CHECK(contains(report_of(post_therapy), "\n  ypT2b  size 6 cm"));
    CHECK(
        contains(report_of(gist_small_intestine_rate_unknown()), "\n  unknown  mitotic rate unknown -> low or high\n"));
    TextOptions narrow;
    narrow.width = 40;
    CHECK(contains(report_of(gist_small_intestine_rate_unknown(), narrow),
                   "\n  unknown  mitotic rate unknown -> low\n           or high\n"));
    // Short labels keep their column of 5.
    CHECK(contains(report_of(six_cm_grade_3()), "\n  T2   size 6 cm"));
}

TEST_CASE("wrap: a word that does not fit after a long lead goes whole to the next line", "[render][text][wrap]") {
    using lmsstage::doors::wrap;
    CHECK(wrap("  modified NIH (Joensuu 2008): ", "intermediate", 4, 40) ==
          "  modified NIH (Joensuu 2008):\n    intermediate\n");
    CHECK(wrap("  AFIP (Miettinen and Lasota 2006): ", "low (3.6 % progressed)", 4, 40) ==
          "  AFIP (Miettinen and Lasota 2006): low\n    (3.6 % progressed)\n");
    // A hang that leaves less than half the width gives way to the lead's indentation and 4.
    CHECK(wrap("  label:  ", "one two three four five six seven", 24, 30) ==
          "  label:  one two three four\n      five six seven\n");
    // A word wider than any line is still broken.
    CHECK(wrap("", "aaaaaaaaaa", 0, 6) == "aaaaaa\naaaa\n");
}

TEST_CASE("no word of any report is split at 40 to 80 columns", "[render][text][width][wrap]") {
    std::vector<Case> cases(3, gist_small_intestine_rate_unknown());
    cases[1].gi_site = GiSite::stomach;
    cases[1].mitotic_rate = Measured<MitoticRate>::of(MitoticRate{3.0});
    cases[2] = six_cm_grade_3();
    cases[2].grade = Grade::unknown;
    for (const Case& c : cases) {
        for (const bool explain : {false, true}) {
            TextOptions wide;
            wide.width = 1000;
            wide.explain = explain;
            const std::vector<std::string> whole = words_of(report_of(c, wide));
            for (std::size_t width = 40; width <= 80; ++width) {
                TextOptions options = wide;
                options.width = width;
                for (const std::string& word : words_of(report_of(c, options))) {
                    INFO("width " << width << ": " << word);
                    CHECK(std::find(whole.begin(), whole.end(), word) != whole.end());
                }
            }
        }
    }
}

TEST_CASE("the warnings and the assumptions follow the categories, before every other section, on the first screen",
          "[render][text][first-screen]") {
    Case gist = gist_small_intestine_rate_unknown();
    gist.grade = Grade::g2;    // unused by GIST: a warning
    gist.depth = Depth::deep;  // unused by AJCC 7 GIST: a warning
    Case soft_tissue = six_cm_grade_3();
    soft_tissue.edition = 8;
    soft_tissue.site = Site::retroperitoneum;
    soft_tissue.depth = Depth::deep;  // unused by AJCC 8: a warning
    Case uterine;
    uterine.site = Site::uterus;
    uterine.size = Measured<Length>::unknown();
    uterine.nodes = Finding::unknown;
    uterine.grade = Grade::g2;  // unused by FIGO: a warning
    for (const Case& c : {gist, soft_tissue, uterine}) {
        const Result r = staged(c);
        REQUIRE_FALSE(r.warnings.empty());
        const std::vector<std::string> lines = lines_of(report_of(c));
        INFO(report_of(c));
        std::vector<std::pair<std::string, std::size_t>> headings;  // after the stage block
        bool after_stage_block = false;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            after_stage_block = after_stage_block || lines[i].empty();
            if (after_stage_block && !lines[i].empty() && lines[i].front() != ' ') {
                headings.emplace_back(lines[i], i);
            }
        }
        REQUIRE(headings.size() >= 3);
        CHECK(headings[0].first.rfind("Categories", 0) == 0);
        CHECK(headings[1].first == "Warnings");
        CHECK(headings[1].second < 24);
        CHECK(headings[2].first == "Assumptions");
        CHECK(headings[2].second < 24);
    }
}

TEST_CASE("the stage block names the histology staged and says when it was taken as the default",
          "[render][text][histology]") {
    Case uterine;
    uterine.site = Site::uterus;
    uterine.size = Measured<Length>::of(Length{3.0, LengthUnit::cm});
    const std::string defaulted = report_of(uterine);
    const std::size_t categories = defaulted.find("\nCategories");
    const std::size_t assumptions = defaulted.find("\nAssumptions");
    REQUIRE(categories != std::string::npos);
    REQUIRE(assumptions != std::string::npos);
    // The case's default histology (Case::histology): leiomyosarcoma, NOS, ICD-O-3 8890/3.
    const std::size_t line = defaulted.find("\n  Histology not given: taken as leiomyosarcoma, NOS (8890/3)\n");
    CHECK(line < categories);
    CHECK(defaulted.find("\n  - histology not given: taken as leiomyosarcoma, NOS (8890/3)\n") > assumptions);

    Case liposarcoma = six_cm_grade_3();
    liposarcoma.histology = HistologyType::of(8850, 3);
    const std::string named = report_of(liposarcoma);
    CHECK(named.find("\n  Histology: liposarcoma, NOS (8850/3)\n") < named.find("\nCategories"));
    CHECK_FALSE(contains(named, "istology not given"));

    // Without the case the report cannot tell a default, and names the type only.
    const std::string hand_made = render_text(sample_result(), TextOptions{});
    CHECK(contains(hand_made, "\n  Histology: leiomyosarcoma, NOS (8890/3)\n"));
    CHECK_FALSE(contains(hand_made, "istology not given"));
}

TEST_CASE("wrap: over 20,000 generated texts under deep hangs, a word is broken only when wider than a line",
          "[render][text][width][wrap]") {
    using lmsstage::doors::wrap;
    const std::vector<std::string_view> letters = {"a", "b", "\u03b1", "\u2192", "x"};
    const std::vector<std::string_view> leads = {"- ", "T2   ", "  label:  ", "  modified NIH (Joensuu 2008): "};
    const auto columns = [](std::string_view text) {
        return static_cast<std::size_t>(std::count_if(
            text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
    };
    std::mt19937 random(20261208);
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        std::size_t longest = 0;
        const std::size_t count = random() % 12;
        for (std::size_t k = 0; k < count; ++k) {
            std::string word;
            const std::size_t length = 1 + random() % 20;
            for (std::size_t n = 0; n < length; ++n) {
                word += letters[random() % letters.size()];
            }
            longest = std::max(longest, length);
            text += (k == 0 ? "" : " ") + word;
        }
        const std::string_view lead = leads[random() % leads.size()];
        const std::size_t width = 12 + random() % 60;
        const std::size_t hang = random() % (width + 6);
        const std::string out = wrap(lead, text, hang, width);
        INFO("lead \"" << lead << "\", text \"" << text << "\", hang " << hang << ", width " << width << ":\n" << out);
        for (const std::string& line : lines_of(out)) {
            REQUIRE(columns(line) <= width);
            REQUIRE(lmsstage::doors::is_valid_utf8(line));
        }
        const auto kept = [](std::string_view all) {
            std::string out_text;
            std::copy_if(all.begin(), all.end(), std::back_inserter(out_text),
                         [](char c) { return c != ' ' && c != '\n'; });
            return out_text;
        };
        REQUIRE(kept(out) == kept(std::string(lead) + text));
        // Under the lead's indentation and 4, a line holds every word no wider than it.
        const std::size_t indent = lead.find_first_not_of(' ');
        if (longest + indent + 4 <= width && columns(lead) < width) {
            const std::vector<std::string> words = words_of(text);
            for (const std::string& word : words_of(out)) {
                REQUIRE((std::find(words.begin(), words.end(), word) != words.end() || contains(lead, word)));
            }
        }
    }
}
