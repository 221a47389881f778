// Every column of the result schema, written as CSV, TSV and NDJSON for cases of every staging
// system and every row of the histology table, and for error records with hostile texts: each CSV
// or TSV row must read back (RFC 4180: quoted fields, doubled quotes, line breaks only inside
// quotes) into exactly one cell per column, each NDJSON line into an object with one key per
// column. The values a column writes as they are, without a scan (Form::word: lmsstage's own
// vocabulary), must then need no quoting at all: no delimiter, quote, backslash, control byte or
// space at an edge, and no formula trigger first.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "doors/columns.hpp"
#include "doors/result_schema.hpp"
#include "lmsstage/lmsstage.hpp"
#include "naaccr/naaccr.hpp"
#include "support/core_test_support.hpp"

using namespace lmsstage;
using lmsstage::doors::ColumnSet;
using lmsstage::doors::Form;
using lmsstage::doors::Member;
using lmsstage::doors::OutputFormat;
using lmsstage::doors::RowView;
using json = nlohmann::json;
using namespace lmsstage_core_test;

namespace {

/// A table read by RFC 4180 (section 2), written here on its own so as not to share the program's
/// reader: fields separated by `delimiter`, records ended by `line_end`; a field that begins with a
/// quote runs to the next lone quote ("" is a quote in it) and may hold the delimiter and line
/// breaks; an unquoted field may hold no quote and no line break. The rows, or why the text is not
/// such a table.
std::variant<std::vector<std::vector<std::string>>, std::string> read_table(std::string_view text, char delimiter,
                                                                            std::string_view line_end) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::size_t i = 0;
    while (i < text.size()) {
        std::string cell;
        if (text[i] == '"') {
            ++i;
            while (true) {
                if (i == text.size()) {
                    return "a quoted field not closed, at byte " + std::to_string(i);
                }
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        cell += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                cell += text[i++];
            }
        } else {
            while (i < text.size() && text[i] != delimiter && text.substr(i, line_end.size()) != line_end) {
                if (text[i] == '"' || text[i] == '\r' || text[i] == '\n') {
                    return "a quote or line break in an unquoted field, at byte " + std::to_string(i);
                }
                cell += text[i++];
            }
        }
        row.push_back(std::move(cell));
        if (i < text.size() && text[i] == delimiter) {
            ++i;
            if (i == text.size()) {
                return std::string("a delimiter at the very end");
            }
        } else if (text.substr(i, line_end.size()) == line_end) {
            i += line_end.size();
            rows.push_back(std::move(row));
            row.clear();
        } else {
            return "something other than a delimiter or line end after a field, at byte " + std::to_string(i);
        }
    }
    if (!row.empty()) {
        return std::string("the last record has no line end");
    }
    return rows;
}

/// True when a text is written as it is in a CSV or TSV cell and in a JSON string: printable ASCII
/// with no comma, semicolon, tab, quote or backslash, no space at either edge, and no = + - @ first
/// (which a spreadsheet takes for a formula).
bool plain_word(std::string_view text) {
    if (text.empty() || text.front() == ' ' || text.back() == ' ') {
        return false;
    }
    if (text.front() == '=' || text.front() == '+' || text.front() == '-' || text.front() == '@') {
        return false;
    }
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7E || c == ',' || c == ';' || c == '"' || c == '\\') {
            return false;
        }
    }
    return true;
}

/// One record of the output: a staged case (with its NAACCR output items) or an error.
struct Record {
    std::optional<Result> result;
    Case input;
    std::string error_field;
    std::string error_message;
    std::vector<naaccr::OutputItem> naaccr;
};

/// Cases of every staging system, with unknowns and a basis, so that every column has values.
std::vector<Case> system_cases() {
    std::vector<Case> cases = {
        soft_tissue_case(6, Grade::g3),
        edited(soft_tissue_case(6, Grade::g3), [](Case& c) { c.basis = Basis::pathological; }),
        edited(soft_tissue_case(6, Grade::unknown), [](Case& c) { c.size = size_unknown(); }),
        uterine_case(6),
        uterine_case(3, Histology::ess),
        adenosarcoma_case(60),
        gist_case(GiSite::stomach, size_cm(7), rate_of(3)),
        gist_case(GiSite::small_intestine, size_cm(7), rate_unknown()),
        edited(gist_case(GiSite::stomach, size_cm(7), rate_of(8), 8), [](Case& c) { c.rupture = Finding::present; }),
        gist_case(GiSite::rectum, size_cm(3), rate_of(2), k_uicc9),
        gist_case(GiSite::duodenum, size_cm(12), rate_of(12), k_uicc9),
        ajcc8_case(Site::extremity, size_cm(6), Grade::g2),
        ajcc8_case(Site::retroperitoneum, size_cm(12), Grade::g1),
        head_neck_case(size_cm(3), AdjoiningInvasion::t4a),
        visceral_case(VisceralExtent::serosa, 2),
        gi_lms_case(8),
        edited(ajcc8_case(Site::extremity, size_cm(6), Grade::g2),
               [](Case& c) {
                   c.edition = k_uicc9;
                   c.basis = Basis::post_therapy;
               }),
        edited(ajcc8_case(Site::retroperitoneum, size_cm(4), Grade::g3), [](Case& c) { c.edition = k_uicc9; }),
    };
    return cases;
}

/// A case for each row of the histology table, at a site that stages it (or at the default site,
/// where it is refused: an error record).
std::vector<Case> histology_cases() {
    std::vector<Case> cases;
    for (const HistologyRow& row : histology_table()) {
        const std::optional<HistologyType> type = HistologyType::of(row.code_from, row.behaviour);
        REQUIRE(type);
        Case c = soft_tissue_case(6, Grade::g3);
        if (row.uterus == StagedAs::figo) {
            c = uterine_case(6);
        } else if (row.uterus == StagedAs::adenosarcoma) {
            c = adenosarcoma_case(60);
        } else if (row.gi == StagedAs::gist) {
            c = gist_case(GiSite::stomach, size_cm(7), rate_of(3));
        } else if (row.gi == StagedAs::visceral) {
            c = gi_lms_case(8);
        } else if (!row.ajcc7 && row.ajcc8) {
            c = ajcc8_case(Site::extremity, size_cm(6), Grade::g2);
        }
        c.histology = *type;
        cases.push_back(c);
    }
    return cases;
}

std::vector<Record> records() {
    std::vector<Record> out;
    std::vector<Case> cases = system_cases();
    for (const Case& c : histology_cases()) {
        cases.push_back(c);
    }
    for (const Case& c : cases) {
        Record record;
        record.input = c;
        const Outcome outcome = stage(c);
        if (const auto* error = std::get_if<CaseError>(&outcome)) {
            record.error_field = std::string(field_name(error->field));
            record.error_message = error->message();
        } else {
            record.result = std::get<Result>(outcome);
            record.naaccr = naaccr::output_items(*record.result, c);
        }
        out.push_back(std::move(record));
    }
    // Errors whose texts hold every byte a cell must guard: the delimiters, quotes, line breaks.
    Record hostile;
    hostile.error_field = "size, \"grade\"";
    hostile.error_message = "size must be a positive length, got \"-3\",\tthen\r\nanother line; and a \\";
    out.push_back(hostile);
    Record formula;
    formula.error_field = "=1+1";
    formula.error_message = "-3, \x1b[31m red";
    out.push_back(formula);
    return out;
}

/// Every column of the result schema, in its order.
std::string every_column() {
    std::string list;
    for (const Member& member : doors::result_members()) {
        list += list.empty() ? "" : ",";
        list += member.column;
    }
    return list;
}

/// The output of the records in `format`: the header (CSV, TSV), then a row per record. Each record
/// has an id with a comma, a quote and a line break in it, and a file name with a comma.
std::string written(const std::vector<Record>& all, const ColumnSet& set, OutputFormat format) {
    std::string out;
    doors::append_header(out, set, format);
    const std::string id_json = R"("S-01, \"a\"\nb")";
    const std::string id_text = "S-01, \"a\"\nb";
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Record& r = all[i];
        doors::RecordPlace place;
        place.file = "cohort, \"2016\".csv";
        place.line = static_cast<long long>(i + 2);
        place.row = static_cast<long long>(i + 2);
        const RowView row{id_json,       id_text,         place,    r.result ? &*r.result : nullptr,
                          r.error_field, r.error_message, r.naaccr, {}};
        doors::append_row(out, set, row, format);
    }
    return out;
}

ColumnSet every_column_set(bool raw_cells) {
    auto parsed = doors::parse_columns(every_column(), true);
    REQUIRE(std::holds_alternative<ColumnSet>(parsed));
    ColumnSet set = std::get<ColumnSet>(parsed);
    set.raw_cells = raw_cells;
    return set;
}

}  // namespace

TEST_CASE("column cells - the cases cover every staging system, staged") {
    std::set<std::string_view> staged;
    for (const Record& r : records()) {
        if (r.result) {
            staged.insert(r.result->system.id);
        }
    }
    std::set<std::string_view> systems;
    for (const RuleSet* rules : all_rule_sets()) {
        systems.insert(rules->system.id);
    }
    CHECK(staged == systems);
}

TEST_CASE("column cells - every column of every record reads back as one CSV or TSV cell") {
    const std::vector<Record> all = records();
    const std::size_t columns = doors::result_members().size();
    for (const bool raw : {false, true}) {
        const ColumnSet set = every_column_set(raw);
        REQUIRE(set.columns.size() == columns);
        for (const OutputFormat format : {OutputFormat::csv, OutputFormat::tsv}) {
            const bool tsv = format == OutputFormat::tsv;
            INFO((tsv ? "TSV" : "CSV") << (raw ? ", --raw-cells" : ""));
            const auto table = read_table(written(all, set, format), tsv ? '\t' : ',', tsv ? "\n" : "\r\n");
            INFO((std::holds_alternative<std::string>(table) ? std::get<std::string>(table) : ""));
            REQUIRE(std::holds_alternative<std::vector<std::vector<std::string>>>(table));
            const auto& rows = std::get<std::vector<std::vector<std::string>>>(table);
            REQUIRE(rows.size() == all.size() + 1);
            CHECK(rows[0].size() == columns);
            for (std::size_t i = 1; i < rows.size(); ++i) {
                INFO("record " << i << ": " << (all[i - 1].result ? all[i - 1].result->system.id : "error"));
                CHECK(rows[i].size() == columns);
            }
        }
    }
}

TEST_CASE("column cells - every column of every record is one key of an NDJSON line") {
    const std::vector<Record> all = records();
    const ColumnSet set = every_column_set(false);
    const std::string out = written(all, set, OutputFormat::ndjson);
    std::size_t lines = 0;
    std::size_t start = 0;
    for (std::size_t end = out.find('\n'); end != std::string::npos; end = out.find('\n', start)) {
        const std::string line = out.substr(start, end - start);
        start = end + 1;
        ++lines;
        INFO(line);
        const json object = json::parse(line);
        CHECK(object.size() == set.columns.size());
    }
    CHECK(start == out.size());
    CHECK(lines == all.size());
}

TEST_CASE("column cells - the histology name, which holds a comma, is one quoted cell") {
    // The default histology, leiomyosarcoma 8890/3, is "leiomyosarcoma, NOS" in the histology table
    // (data/histology.csv, the ICD-O-3 term); AJCC 7th ed. ch. 28: 6 cm grade 3 is T2 G3, stage III.
    const Result r = staged(soft_tissue_case(6, Grade::g3));
    auto parsed = doors::parse_columns("histology.name,stage", false);
    REQUIRE(std::holds_alternative<ColumnSet>(parsed));
    const RowView row{{}, {}, {}, &r, {}, {}, {}, {}};
    std::string csv;
    doors::append_row(csv, std::get<ColumnSet>(parsed), row, OutputFormat::csv);
    CHECK(csv == "\"leiomyosarcoma, NOS\",III\r\n");
    std::string tsv;
    doors::append_row(tsv, std::get<ColumnSet>(parsed), row, OutputFormat::tsv);
    CHECK(tsv == "leiomyosarcoma, NOS\tIII\n");
}

TEST_CASE("column cells - every value written as a vocabulary word needs no quoting or escaping") {
    for (const Record& r : records()) {
        if (!r.result) {
            continue;
        }
        const RowView row{{}, {}, {}, &*r.result, {}, {}, r.naaccr, {}};
        for (const Member& member : doors::result_members()) {
            const doors::Value value = member.value(row);
            INFO(r.result->system.id << ", " << member.column << ": " << value.text());
            if (value.form() == Form::word) {
                CHECK(plain_word(value.text()));
            }
            if (value.form() == Form::stages) {
                for (const Stage s : k_all_stages) {
                    CHECK((!value.stages().contains(s) || plain_word(name(s))));
                }
            }
        }
    }
}

TEST_CASE("column cells - every word of the vocabularies the schema writes as words is plain") {
    // What the result schema writes as Form::word: the system ids, the histology codes, the T, N, M
    // and G categories and mitotic rate categories (with their basis prefixes), the basis, stages,
    // summary stages, survival table ids, GIST risk categories; and, in lists, the trace's rules.
    std::vector<std::string> words;
    for (const RuleSet* rules : all_rule_sets()) {
        words.emplace_back(rules->system.id);
    }
    for (const HistologyRow& row : histology_table()) {
        words.push_back(HistologyType::of(row.code_from, row.behaviour)->code_text());
    }
    const auto add_axis = [&words](char axis, std::string_view category) {
        words.emplace_back(category);
        for (const Basis basis : k_all_bases) {
            words.push_back(prefixed_category(basis, axis, category));
        }
    };
    for (const T t : k_all_t) {
        add_axis('T', name(t));
    }
    for (const N n : k_all_n) {
        add_axis('N', name(n));
    }
    for (const M m : k_all_m) {
        add_axis('M', name(m));
    }
    for (const G g : k_all_g) {
        words.emplace_back(name(g));
    }
    for (const Rate rate : k_all_rates) {
        words.emplace_back(name(rate));
    }
    for (const Basis basis : k_all_bases) {
        words.emplace_back(name(basis));
    }
    for (const Stage s : k_all_stages) {
        words.emplace_back(name(s));
    }
    for (const SummaryStage s : k_all_summary_stages) {
        words.emplace_back(name(s));
    }
    for (const SurvivalTable& table : survival_tables()) {
        words.emplace_back(table.id);
    }
    for (const RiskCategory category : k_all_risk_categories) {
        words.emplace_back(name(category));
    }
    for (const Record& r : records()) {
        if (r.result) {
            for (const TraceStep& step : r.result->trace) {
                words.emplace_back(step.rule);
            }
        }
    }
    for (const std::string& word : words) {
        INFO(word);
        CHECK(plain_word(word));
    }
}
