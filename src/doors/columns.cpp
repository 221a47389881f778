#include "doors/columns.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <optional>

#include "cli/csv.hpp"
#include "doors/fields.hpp"
#include "doors/safe_text.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::doors {
namespace {

enum class Needs : std::uint8_t { nothing, trace, texts };

/// A column of the catalogue: its dotted name (the path of the field in the result record) and the
/// staging work it needs. Each is also accepted with '_' for '.' (survival_table).
struct Catalogued {
    std::string_view name;
    ColumnKind kind;
    Needs needs = Needs::nothing;
};

constexpr Catalogued k_catalogue[] = {
    {"id", ColumnKind::id},
    {"ok", ColumnKind::ok},
    {"file", ColumnKind::file},
    {"line", ColumnKind::line},
    {"row", ColumnKind::row},
    {"index", ColumnKind::index},
    {"system.id", ColumnKind::system_id},
    {"system.name", ColumnKind::system_name},
    {"categories.T", ColumnKind::t},
    {"categories.N", ColumnKind::n},
    {"categories.M", ColumnKind::m},
    {"categories.G", ColumnKind::g},
    {"categories.mitotic_rate", ColumnKind::mitotic_rate},
    {"stage", ColumnKind::stage},
    {"possible_stages", ColumnKind::possible_stages},
    {"summary_stage", ColumnKind::summary_stage},
    {"survival.table", ColumnKind::survival_table},
    {"survival.title", ColumnKind::survival_title},
    {"survival.matched", ColumnKind::survival_matched},
    {"survival.percent", ColumnKind::survival_percent},
    {"survival.measure", ColumnKind::survival_measure},
    {"survival.source", ColumnKind::survival_source},
    {"survival.cohort", ColumnKind::survival_cohort},
    {"survival.taken", ColumnKind::survival_taken},
    {"survival.cited_in", ColumnKind::survival_cited_in},
    {"survival.population", ColumnKind::survival_population},
    {"survival.rows", ColumnKind::survival_rows},
    {"survival.note", ColumnKind::survival_note},
    {"assumptions", ColumnKind::assumptions, Needs::texts},
    {"warnings", ColumnKind::warnings, Needs::texts},
    {"notes", ColumnKind::notes, Needs::texts},
    {"trace", ColumnKind::trace, Needs::trace},
    {"version", ColumnKind::version},
    {"error.field", ColumnKind::error_field},
    {"error.message", ColumnKind::error_message},
};

/// Short names: the system is its id, the categories their letter.
// clang-format off
constexpr std::pair<std::string_view, std::string_view> k_short_names[] = {
    {"system", "system.id"}, {"T", "categories.T"}, {"N", "categories.N"},
    {"M", "categories.M"},   {"G", "categories.G"}, {"mitotic_rate", "categories.mitotic_rate"},
};
// clang-format on

constexpr std::string_view k_default_list =
    "id,ok,system,stage,possible_stages,T,N,M,G,summary_stage,survival_percent,survival_table,error_field,"
    "error_message";

bool same_name(std::string_view given, std::string_view dotted) {
    if (given.size() != dotted.size()) {
        return false;
    }
    for (std::size_t i = 0; i < given.size(); ++i) {
        if (given[i] != dotted[i] && !(given[i] == '_' && dotted[i] == '.')) {
            return false;
        }
    }
    return true;
}

/// The column a name selects, if any.
std::optional<Column> find_column(std::string_view name) {
    std::string_view dotted = name;
    for (const auto& [short_name, full] : k_short_names) {
        dotted = name == short_name ? full : dotted;
    }
    for (const Catalogued& c : k_catalogue) {
        if (same_name(dotted, c.name)) {
            return Column{c.kind, std::string(name)};
        }
    }
    const auto ids = naaccr::output_item_ids();
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (name == ids[i]) {
            return Column{ColumnKind::naaccr, std::string(name), i};
        }
    }
    return std::nullopt;
}

Needs needs_of(ColumnKind kind) {
    for (const Catalogued& c : k_catalogue) {
        if (c.kind == kind) {
            return c.needs;
        }
    }
    return Needs::nothing;
}

/// A new ColumnSet::id: rendered cells are reused only for the set they were rendered for.
std::uint64_t next_set_id() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
}

bool is_static_value(ColumnKind kind);

void add(ColumnSet& set, Column column) {
    set.trace = set.trace || needs_of(column.kind) == Needs::trace;
    set.texts = set.texts || needs_of(column.kind) == Needs::texts;
    set.naaccr = set.naaccr || column.kind == ColumnKind::naaccr;
    set.columns.push_back(std::move(column));
    // Consecutive static columns (see rendered_run) form one run, which each of them knows the end of.
    std::vector<Column>& columns = set.columns;
    if (is_static_value(columns.back().kind)) {
        const std::size_t end = columns.size();
        for (std::size_t i = end; i-- > 0 && is_static_value(columns[i].kind);) {
            columns[i].run_end = end;
        }
    }
}

std::string unknown_column(std::string_view name) {
    Closest closest(name);
    for (const Catalogued& c : k_catalogue) {
        closest.consider(c.name);
    }
    for (const auto& [short_name, full] : k_short_names) {
        closest.consider(short_name);
    }
    for (const std::string_view id : naaccr::output_item_ids()) {
        closest.consider(id);
    }
    std::string message = "--columns: unknown column \"" + printable(name) + "\"";
    if (!closest.suggestion().empty()) {
        message += " (did you mean " + closest.suggestion() + "?)";
    }
    return message + "; columns: " + column_names();
}

}  // namespace

ColumnSet default_columns(bool naaccr) {
    ColumnSet set;
    set.id = next_set_id();
    std::string_view list = k_default_list;
    while (!list.empty()) {
        const std::size_t comma = std::min(list.find(','), list.size());
        add(set, *find_column(list.substr(0, comma)));
        list.remove_prefix(std::min(list.size(), comma + 1));
    }
    if (naaccr) {
        for (const std::string_view id : naaccr::output_item_ids()) {
            add(set, *find_column(id));
        }
    }
    return set;
}

std::variant<ColumnSet, std::string> parse_columns(std::string_view list, bool naaccr) {
    ColumnSet set;
    set.id = next_set_id();
    std::vector<std::string> seen;
    while (true) {
        const std::size_t comma = std::min(list.find(','), list.size());
        const std::string_view name = list.substr(0, comma);
        if (name.empty()) {
            return std::string("--columns: an empty column name (names are separated by single commas)");
        }
        std::vector<Column> chosen;
        if (name == "default") {
            chosen = default_columns(naaccr).columns;
        } else if (auto column = find_column(name)) {
            chosen.push_back(*column);
        } else {
            return unknown_column(name);
        }
        for (Column& column : chosen) {
            if (std::find(seen.begin(), seen.end(), column.name) != seen.end()) {
                return "--columns: " + printable(column.name) + " is given more than once";
            }
            seen.push_back(column.name);
            add(set, std::move(column));
        }
        if (comma == list.size()) {
            return set;
        }
        list.remove_prefix(comma + 1);
    }
}

std::string column_names() {
    std::string names;
    for (const Catalogued& c : k_catalogue) {
        names += names.empty() ? "" : ", ";
        names += c.name;
    }
    names += " (each also with _ for ., and system, T, N, M, G, mitotic_rate for short); the NAACCR output items ";
    bool first = true;
    for (const std::string_view id : naaccr::output_item_ids()) {
        names += first ? "" : ", ";
        names += id;
        first = false;
    }
    return names;
}

namespace {

/// Where a list's items are joined for one CSV cell, kept per thread so that rows do not allocate.
std::string& joined_scratch() {
    thread_local std::string scratch;
    return scratch;
}

/// Writes the values of one row: CSV/TSV cells, or the members of one NDJSON object.
class Writer {
public:
    Writer(std::string& out, OutputFormat format, bool raw_cells = false)
        : m_out(out),
          m_json(format == OutputFormat::ndjson),
          m_dialect(format == OutputFormat::tsv ? csv::Dialect::tsv(raw_cells) : csv::Dialect::csv(raw_cells)),
          m_start(out.size()) {}

    void begin() {
        if (m_json) {
            put('{');
        }
    }
    void end() {
        if (m_json) {
            put("}\n");
        } else {
            if (m_cells == 1 && m_out.size() - m_start + m_used == 0) {
                put("\"\"");  // a row of one empty cell would read back as a blank line, which readers skip
            }
            put(m_dialect.line_end);
        }
        flush();
    }
    /// Starts a value: the delimiter before a cell, or the key of a member.
    void key(std::string_view name) {
        if (m_json) {
            put(m_cells++ == 0 ? "\"" : ",\"");
            put(name);  // column names are ours: plain ASCII
            put("\":");
        } else if (m_cells++ > 0) {
            put(m_dialect.delimiter);
        }
    }
    void null() {
        if (m_json) {
            put("null");
        }
    }
    void boolean(bool value) { put(value ? "true" : "false"); }
    /// A number as written (a JSON number token).
    void number(std::string_view digits) { put(digits); }
    void number(long long value) { put(std::to_string(value)); }
    /// A name from lmsstage's vocabulary: never needs quoting or escaping.
    void word(std::string_view text) {
        if (text.empty()) {
            null();
        } else if (m_json) {
            put('"');
            put(text);
            put('"');
        } else {
            put(text);
        }
    }
    /// Any text: quoted or escaped as the format needs.
    void text(std::string_view text) {
        const bool plain = m_json ? json_plain(text) : !csv::needs_quotes(text, m_dialect);
        if (plain) {
            word_or_empty(text);
            return;
        }
        flush();
        if (m_json) {
            append_json_string(m_out, text);
        } else {
            csv::append_field(m_out, text, m_dialect);
        }
    }
    void text_or_null(std::string_view value) {
        if (value.empty()) {
            null();
        } else {
            text(value);
        }
    }
    /// A list: a JSON array, or its items joined with "; " in one cell.
    template <typename Range, typename Item>
    void list(const Range& items, Item item) {
        flush();
        if (m_json) {
            m_out += '[';
            bool first = true;
            for (const auto& value : items) {
                m_out += first ? "" : ",";
                first = false;
                item(m_out, value, true);
            }
            m_out += ']';
            return;
        }
        std::string& joined = joined_scratch();
        joined.clear();
        for (const auto& value : items) {
            joined += joined.empty() ? "" : "; ";
            item(joined, value, false);
        }
        csv::append_field(m_out, joined, m_dialect);
    }
    /// A list of vocabulary names: a JSON array, or joined with "; " (which needs no quoting).
    void words(std::span<const std::string_view> items) {
        put(m_json ? "[" : "");
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (m_json) {
                put(i == 0 ? "\"" : ",\"");
                put(items[i]);
                put('"');
            } else {
                put(i == 0 ? "" : "; ");
                put(items[i]);
            }
        }
        put(m_json ? "]" : "");
    }
    /// Cells rendered beforehand (their members, in NDJSON), `count` of them.
    void cells(std::string_view rendered, std::size_t count) {
        if (m_cells > 0) {
            put(m_json ? ',' : m_dialect.delimiter);
        }
        put(rendered);
        m_cells += count;
    }
    /// Writes what is buffered: the end of a run of cells rendered on their own.
    void finish_cells() { flush(); }
    [[nodiscard]] bool json() const { return m_json; }

private:
    /// True when a text is a JSON string as it is (no quote, backslash or control character).
    static bool json_plain(std::string_view text) {
        return std::all_of(text.begin(), text.end(),
                           [](char c) { return static_cast<unsigned char>(c) >= 0x20U && c != '"' && c != '\\'; });
    }
    void word_or_empty(std::string_view text) {
        if (m_json) {
            put('"');
            put(text);
            put('"');
        } else {
            put(text);
        }
    }
    // The row is written into a small buffer and appended to the output in one piece: per-piece
    // string appends cost more than the staging of a case.
    void put(char c) {
        if (m_used == sizeof m_buffer) {
            flush();
        }
        m_buffer[m_used++] = c;
    }
    void put(std::string_view text) {
        if (text.empty()) {
            return;  // (an empty view may have no storage: memcpy must not see it)
        }
        if (text.size() > sizeof m_buffer - m_used) {
            flush();
            if (text.size() > sizeof m_buffer) {
                m_out += text;
                return;
            }
        }
        std::memcpy(m_buffer + m_used, text.data(), text.size());
        m_used += text.size();
    }
    void flush() {
        m_out.append(m_buffer, m_used);
        m_used = 0;
    }

    std::string& m_out;
    bool m_json;
    csv::Dialect m_dialect;
    std::size_t m_cells = 0;
    std::size_t m_start;
    char m_buffer[512];
    std::size_t m_used = 0;
};

/// Appends one item of a list: a JSON value, or text for a joined cell.
void append_text_item(std::string& out, std::string_view text, bool json) {
    if (json) {
        append_json_string(out, text);
    } else {
        out += text;
    }
}

const SurvivalRow* matched_row(const Result& r) {
    if (r.survival == nullptr || !r.summary_stage) {
        return nullptr;
    }
    for (const SurvivalRow& row : r.survival->rows) {
        if (row.summary_stage == *r.summary_stage) {
            return &row;
        }
    }
    return nullptr;
}

void survival_rows(Writer& w, const SurvivalTable& table) {
    w.list(table.rows, [](std::string& out, const SurvivalRow& row, bool json) {
        if (json) {
            out += "{\"summary_stage\":\"";
            out += name(row.summary_stage);
            out += "\",\"percent\":";
            out += row.percent_text;
            out += '}';
        } else {
            out += name(row.summary_stage);
            out += ' ';
            out += row.percent_text;
        }
    });
}

/// The survival table's columns (the result has a table).
void survival_value(Writer& w, ColumnKind kind, const Result& r) {
    const SurvivalTable& t = *r.survival;
    switch (kind) {
        case ColumnKind::survival_table: w.word(t.id); break;
        case ColumnKind::survival_title: w.text(t.title); break;
        case ColumnKind::survival_matched: w.word(r.summary_stage ? name(*r.summary_stage) : ""); break;
        case ColumnKind::survival_percent:
            if (const SurvivalRow* row = matched_row(r)) {
                w.number(row->percent_text);
            } else {
                w.null();
            }
            break;
        case ColumnKind::survival_measure: w.text(t.measure); break;
        case ColumnKind::survival_source: w.text(t.source); break;
        case ColumnKind::survival_cohort: w.text_or_null(t.cohort); break;
        case ColumnKind::survival_taken: w.text(t.taken); break;
        case ColumnKind::survival_cited_in: w.text(t.cited_in); break;
        case ColumnKind::survival_population: w.text(t.population); break;
        case ColumnKind::survival_rows: survival_rows(w, t); break;
        default: w.text(survival_caveat()); break;  // survival_note
    }
}

void possible_stages(Writer& w, const Result& r) {
    std::array<std::string_view, k_all_stages.size()> names{};
    std::size_t count = 0;
    for (const Stage s : k_all_stages) {
        if (r.possible_stages.contains(s)) {
            names[count++] = name(s);
        }
    }
    w.words(std::span(names.data(), count));
}

void trace_value(Writer& w, const Result& r) {
    w.list(r.trace, [](std::string& out, const TraceStep& step, bool json) {
        if (json) {
            out += "{\"rule\":\"";
            out += step.rule;
            out += "\",\"because\":";
            append_json_string(out, step.because);
            out += '}';
        } else {
            out += step.rule;
            out += ": ";
            out += step.because;
        }
    });
}

bool is_survival(ColumnKind kind) { return kind >= ColumnKind::survival_table && kind <= ColumnKind::survival_note; }

/// A column of a staged result.
void result_value(Writer& w, const Column& column, const Result& r) {
    const ColumnKind kind = column.kind;
    if (is_survival(kind)) {
        if (r.survival == nullptr) {
            w.null();
        } else {
            survival_value(w, kind, r);
        }
        return;
    }
    switch (kind) {
        case ColumnKind::system_id: w.word(r.system.id); break;
        case ColumnKind::system_name: w.text(r.system.name); break;
        case ColumnKind::t: w.word(r.categories.t); break;
        case ColumnKind::n: w.word(r.categories.n); break;
        case ColumnKind::m: w.word(r.categories.m); break;
        case ColumnKind::g: w.word(r.categories.g); break;
        case ColumnKind::mitotic_rate: w.word(r.categories.rate); break;
        case ColumnKind::stage: w.word(r.stage ? name(*r.stage) : ""); break;
        case ColumnKind::possible_stages: possible_stages(w, r); break;
        case ColumnKind::summary_stage: w.word(r.summary_stage ? name(*r.summary_stage) : ""); break;
        case ColumnKind::assumptions: w.list(r.assumptions, append_text_item); break;
        case ColumnKind::warnings: w.list(r.warnings, append_text_item); break;
        case ColumnKind::notes: w.list(r.notes, append_text_item); break;
        case ColumnKind::trace: trace_value(w, r); break;
        default: w.null(); break;
    }
}

/// True for the columns that do not depend on the result: the record's id and place, the error,
/// the version and the NAACCR output items.
bool is_record_value(ColumnKind kind) { return kind <= ColumnKind::index || kind >= ColumnKind::version; }

/// A column that does not depend on the result: the record's id and place, the error, the version.
bool record_value(Writer& w, const Column& column, const RowView& row) {
    switch (column.kind) {
        case ColumnKind::id:
            if (row.id_json.empty()) {
                w.null();
            } else if (w.json()) {
                w.number(row.id_json);  // JSON text as it was read
            } else {
                w.text(row.id_text);
            }
            return true;
        case ColumnKind::ok: w.boolean(row.result != nullptr); return true;
        case ColumnKind::file:
            if (row.place.file.empty()) {
                w.null();
            } else {
                w.text(valid_utf8(row.place.file));  // a file name is any bytes
            }
            return true;
        case ColumnKind::line:
        case ColumnKind::row:
        case ColumnKind::index: {
            const long long n = column.kind == ColumnKind::line  ? row.place.line
                                : column.kind == ColumnKind::row ? row.place.row
                                                                 : row.place.index;
            if (n >= (column.kind == ColumnKind::index ? 0 : 1)) {
                w.number(n);
            } else {
                w.null();
            }
            return true;
        }
        case ColumnKind::version: w.text(std::string("lmsstage ") + std::string(version())); return true;
        case ColumnKind::error_field: w.text_or_null(row.error_field); return true;
        case ColumnKind::error_message:
            if (row.error_message.empty()) {
                w.null();
            } else {
                w.text(valid_utf8(row.error_message));  // it may repeat what the input gave
            }
            return true;
        case ColumnKind::naaccr:
            w.text_or_null(column.naaccr_index < row.naaccr.size()
                               ? std::string_view(row.naaccr[column.naaccr_index].code)
                               : std::string_view());
            return true;
        default: return false;
    }
}

/// True for the columns of a staged record that depend only on the result's system, categories,
/// stages, summary stage and survival table (a few hundred combinations in any cohort): those, and
/// ok and the error fields, which are the same for every staged record.
bool is_static_value(ColumnKind kind) {
    return (kind >= ColumnKind::system_id && kind <= ColumnKind::survival_note) || kind == ColumnKind::ok ||
           kind == ColumnKind::error_field || kind == ColumnKind::error_message;
}

/// What the static columns of a result depend on; names compare by their storage (they are the
/// vocabulary's), so equal keys render equal cells, and an unequal key only renders again.
struct RunKey {
    std::uint64_t set = 0;
    std::size_t first = 0;
    OutputFormat format = OutputFormat::csv;
    std::array<std::string_view, 7> names{};
    std::optional<Stage> stage;
    StageSet possible;
    std::optional<SummaryStage> summary;
    const SurvivalTable* survival = nullptr;

    RunKey(const ColumnSet& s, std::size_t f, OutputFormat o, const Result& r)
        : set(s.id),
          first(f),
          format(o),
          names{r.system.id,    r.system.name,  r.categories.t,   r.categories.n,
                r.categories.m, r.categories.g, r.categories.rate},
          stage(r.stage),
          possible(r.possible_stages),
          summary(r.summary_stage),
          survival(r.survival) {}
    RunKey() = default;

    [[nodiscard]] bool operator==(const RunKey& o) const {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (names[i].data() != o.names[i].data() || names[i].size() != o.names[i].size()) {
                return false;
            }
        }
        return set == o.set && first == o.first && format == o.format && stage == o.stage && possible == o.possible &&
               summary == o.summary && survival == o.survival;
    }
    [[nodiscard]] std::size_t hash() const {
        std::uint64_t h = set * 0x9e3779b97f4a7c15ULL + first;
        for (const std::string_view name : names) {
            h = (h ^ (reinterpret_cast<std::uintptr_t>(name.data()) + name.size())) * 0x100000001b3ULL;
        }
        h = (h ^ reinterpret_cast<std::uintptr_t>(survival)) * 0x100000001b3ULL;
        h = (h ^ (static_cast<std::uint64_t>(possible.size()) << 8U ^
                  (summary ? static_cast<unsigned>(*summary) + 1U : 0U) ^
                  (stage ? static_cast<unsigned>(*stage) + 1U : 0U) << 16U)) *
            0x100000001b3ULL;
        // MurmurHash3's finaliser: every bit of the key reaches the low bits used as the slot.
        h = (h ^ (h >> 33U)) * 0xff51afd7ed558ccdULL;
        h = (h ^ (h >> 33U)) * 0xc4ceb9fe1a85ec53ULL;
        return static_cast<std::size_t>(h ^ (h >> 33U));
    }
};

/// The static columns [first, end) of a row, rendered once per distinct result (per thread) and
/// reused: writing them cell by cell costs as much as staging the case.
std::string_view rendered_run(const ColumnSet& set, std::size_t first, std::size_t end, const Result& r,
                              OutputFormat format) {
    struct Entry {
        RunKey key;
        bool valid = false;
        std::string text;
    };
    thread_local std::array<Entry, 2048> store;
    const RunKey key(set, first, format, r);
    Entry& entry = store[key.hash() % store.size()];
    if (!entry.valid || !(entry.key == key)) {
        entry.text.clear();
        Writer w(entry.text, format, set.raw_cells);
        const RowView staged{{}, {}, {}, &r, {}, {}, {}};
        for (std::size_t i = first; i < end; ++i) {
            w.key(set.columns[i].name);
            if (is_record_value(set.columns[i].kind)) {
                record_value(w, set.columns[i], staged);
            } else {
                result_value(w, set.columns[i], r);
            }
        }
        w.finish_cells();
        entry.key = key;
        entry.valid = true;
    }
    return entry.text;
}

}  // namespace

void append_header(std::string& out, const ColumnSet& set, OutputFormat format) {
    if (format == OutputFormat::ndjson || format == OutputFormat::json) {
        return;
    }
    const csv::Dialect dialect = format == OutputFormat::tsv ? csv::Dialect::tsv() : csv::Dialect::csv();
    std::vector<std::string_view> names;
    for (const Column& column : set.columns) {
        names.push_back(column.name);
    }
    csv::append_row(out, names, dialect);
}

void append_row(std::string& out, const ColumnSet& set, const RowView& row, OutputFormat format) {
    Writer w(out, format, set.raw_cells);
    w.begin();
    const std::vector<Column>& columns = set.columns;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const Column& column = columns[i];
        if (row.result != nullptr && column.run_end != 0) {
            w.cells(rendered_run(set, i, column.run_end, *row.result, format), column.run_end - i);
            i = column.run_end - 1;
            continue;
        }
        w.key(column.name);
        if (is_record_value(column.kind)) {
            record_value(w, column, row);
        } else if (row.result != nullptr) {
            result_value(w, column, *row.result);
        } else {
            w.null();
        }
    }
    w.end();
}

}  // namespace lmsstage::doors
