#include "doors/columns.hpp"
#include "doors/render_json.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <optional>

#include "doors/copy_bytes.hpp"
#include "doors/csv_writer.hpp"
#include "doors/fields.hpp"
#include "doors/safe_text.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::doors {
namespace {

/// Short names: the system is its id, the categories their letter.
// clang-format off
constexpr std::pair<std::string_view, std::string_view> k_short_names[] = {
    {"system", "system.id"}, {"T", "categories.T"}, {"N", "categories.N"},
    {"M", "categories.M"},   {"G", "categories.G"}, {"mitotic_rate", "categories.mitotic_rate"},
};
// clang-format on

constexpr std::string_view k_default_list =
    "id,ok,system,stage,possible_stages,T,N,M,G,summary_stage,survival_percent,survival_table,error_field,"
    "error_message,warnings,assumptions";

/// The column a name selects, if any.
std::optional<Column> find_column(std::string_view name) {
    std::string_view dotted = name;
    for (const auto& [short_name, full] : k_short_names) {
        dotted = name == short_name ? full : dotted;
    }
    if (const Member* member = find_member_column(dotted)) {
        Column column;
        column.member = member;
        column.name = name;
        return column;
    }
    return std::nullopt;
}

/// A new ColumnSet::id: rendered cells are reused only for the set they were rendered for.
std::uint64_t next_set_id() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
}

bool is_static_value(const Member& member);

bool is_static_column(const Column& column) { return column.member != nullptr && is_static_value(*column.member); }

void add(ColumnSet& set, Column column) {
    column.run_end = 0;
    column.group = column.member != nullptr ? member_group(*column.member) : nullptr;
    column.json_name.clear();
    append_json_string(column.json_name, column.name);  // as the JSON writer escapes a kept member's name
    if (column.member != nullptr) {
        set.trace = set.trace || column.member->needs == Needs::trace;
        set.texts = set.texts || column.member->needs == Needs::texts;
        set.notes = set.notes || column.member->needs == Needs::notes;
        set.naaccr = set.naaccr || column.member->needs == Needs::naaccr;
    }
    set.columns.push_back(std::move(column));
    // Consecutive static columns (see rendered_run) form one run, which each of them knows the end of.
    std::vector<Column>& columns = set.columns;
    if (is_static_column(columns.back())) {
        const std::size_t end = columns.size();
        for (std::size_t i = end; i-- > 0 && is_static_column(columns[i]);) {
            columns[i].run_end = end;
        }
    }
}

std::string unknown_column(std::string_view name) {
    Closest closest(name);
    for (const Member& member : result_members()) {
        if (!member.column.empty()) {
            closest.consider(member.column);
        }
    }
    for (const auto& [short_name, full] : k_short_names) {
        closest.consider(short_name);
    }
    return "--columns: unknown column \"" + echo(name) + "\"" + closest.hint() + "; columns: " + column_names();
}

}  // namespace

std::vector<std::string_view> default_column_names() {
    std::vector<std::string_view> names;
    std::string_view list = k_default_list;
    while (!list.empty()) {
        const std::size_t comma = std::min(list.find(','), list.size());
        names.push_back(list.substr(0, comma));
        list.remove_prefix(std::min(list.size(), comma + 1));
    }
    return names;
}

ColumnSet default_columns(bool naaccr) {
    ColumnSet set;
    set.id = next_set_id();
    for (const std::string_view name : default_column_names()) {
        add(set, *find_column(name));
    }
    if (naaccr) {
        for (const Member& member : result_members()) {
            if (member.needs == Needs::naaccr && !member.column.empty()) {
                add(set, *find_column(member.column));
            }
        }
    }
    return set;
}

std::variant<ColumnSet, std::string> parse_columns(std::string_view list, bool naaccr) {
    ColumnSet set;
    set.id = next_set_id();
    struct Seen {
        const Member* member;
        std::string spelling;  ///< as typed: a name, or "default"
        std::string shown;     ///< for messages: the name, or "default (which holds NAME)"
    };
    std::vector<Seen> seen;  // every column chosen so far
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
            // One member is one column, however it is spelt (T, categories.T, categories_T).
            Seen now{column.member, name == "default" ? std::string(name) : echo(column.name),
                     name == "default" ? "default (which holds " + column.name + ")" : echo(column.name)};
            const auto same =
                std::find_if(seen.begin(), seen.end(), [&](const Seen& s) { return s.member == column.member; });
            if (same != seen.end()) {
                if (same->spelling == now.spelling) {
                    return "--columns: " + now.spelling + " is given more than once";
                }
                return "--columns: " + same->shown + " and " + now.shown + " are the same column; give it once";
            }
            seen.push_back(std::move(now));
            add(set, std::move(column));
        }
        if (comma == list.size()) {
            return set;
        }
        list.remove_prefix(comma + 1);
    }
}

namespace {

/// True when `given` is `name` in any ASCII letter case, a '_' in it standing for a '.' of `name`.
bool same_folded(std::string_view given, std::string_view name) {
    if (given.size() != name.size()) {
        return false;
    }
    for (std::size_t i = 0; i < given.size(); ++i) {
        const auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (fold(given[i]) != fold(name[i]) && !(given[i] == '_' && name[i] == '.')) {
            return false;
        }
    }
    return true;
}

/// The result column or member a kept input column's name would be taken for, in any letter case:
/// a column of `set`, a column name (short ones too), a member or group of the JSON result object
/// ("survival"), or the error object; empty when there is none.
std::string_view result_name_like(const ColumnSet& set, std::string_view kept) {
    for (const Column& column : set.columns) {
        if (column.member != nullptr && same_folded(kept, column.name)) {
            return column.name;
        }
    }
    for (const Member& member : result_members()) {
        const std::string_view top = member.json.substr(0, member.json.find('.'));
        if (!top.empty() && same_folded(kept, top)) {
            return top;
        }
        if (!member.column.empty() && same_folded(kept, member.column)) {
            return member.column;
        }
    }
    for (const auto& [short_name, full] : k_short_names) {
        if (same_folded(kept, short_name)) {
            return short_name;
        }
    }
    return same_folded(kept, "error") ? "error" : std::string_view();
}

}  // namespace

std::variant<ColumnSet, std::string> with_kept(const ColumnSet& set, std::span<const std::string> kept) {
    ColumnSet out;
    out.id = next_set_id();
    out.raw_cells = set.raw_cells;
    add(out, *find_column("id"));
    for (std::size_t i = 0; i < kept.size(); ++i) {
        // (the id is not among them: batch echoes it first, whatever --keep says)
        if (const std::string_view like = result_name_like(set, kept[i]); !like.empty()) {
            const std::string spelt =
                like == kept[i] ? std::string() : " (" + std::string(like) + ", in any letter case)";
            return "--keep: " + printable(kept[i]) + " is also the name of a result column" + spelt +
                   "; rename that input column, or leave it out";
        }
        Column column;
        column.name = kept[i];
        column.kept = i;
        add(out, std::move(column));
    }
    for (const Column& column : set.columns) {
        if (column.member == nullptr || column.member != out.columns.front().member) {
            add(out, column);
        }
    }
    return out;
}

namespace {

/// The column names, comma-separated: the NAACCR output items (`naaccr`) or the others.
std::string listed_columns(bool naaccr) {
    std::vector<std::string_view> names;
    for (const Member& member : result_members()) {
        if (!member.column.empty() && (member.needs == Needs::naaccr) == naaccr) {
            names.push_back(member.column);
        }
    }
    return joined(names);
}

}  // namespace

std::string column_list() { return listed_columns(false); }

std::string column_names() {
    return listed_columns(false) +
           " (each also with _ for ., and system, T, N, M, G, mitotic_rate for short); the NAACCR output items " +
           listed_columns(true);
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
    void key(const Column& column) {
        if (m_json) {
            put(m_cells++ == 0 ? "" : ",");
            put(column.json_name);
            put(':');
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
        if (m_json) {
            if (json_plain(text)) {
                word_or_empty(text);
                return;
            }
            flush();
            append_json_string(m_out, text);
            return;
        }
        const csv::FieldScan scan = csv::scan_field(text, m_dialect);
        if (!scan.quote) {
            put(text);
            return;
        }
        flush();
        csv::append_field(m_out, text, m_dialect, scan);
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
    /// A member's value.
    void value(const Value& v);
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
        copy_bytes(m_buffer + m_used, text.data(), text.size());
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

void survival_rows(Writer& w, std::span<const SurvivalRow> rows) {
    w.list(rows, [](std::string& out, const SurvivalRow& row, bool json) {
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

void possible_stages(Writer& w, StageSet stages) {
    std::array<std::string_view, k_all_stages.size()> names{};
    std::size_t count = 0;
    for (const Stage s : k_all_stages) {
        if (stages.contains(s)) {
            names[count++] = name(s);
        }
    }
    w.words(std::span(names.data(), count));
}

void trace_value(Writer& w, std::span<const TraceStep> trace) {
    w.list(trace, [](std::string& out, const TraceStep& step, bool json) {
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

void Writer::value(const Value& v) {
    switch (v.form()) {
        case Form::null: null(); break;
        case Form::word: word(v.text()); break;
        case Form::text: text(v.text()); break;
        case Form::bytes: text(valid_utf8(v.text())); break;  // a file name, a message: any bytes
        case Form::number:
        case Form::boolean: number(v.text()); break;
        case Form::id:
            if (m_json) {
                number(v.text());  // JSON text as it was read
            } else {
                text(v.other());
            }
            break;
        case Form::stages: possible_stages(*this, v.stages()); break;
        case Form::texts: list(v.texts(), append_text_item); break;
        case Form::trace: trace_value(*this, v.trace()); break;
        case Form::survival_rows: survival_rows(*this, v.rows()); break;
    }
}

/// True for the members read from the result (null in an error's row).
bool reads_result(const Member& member) {
    return member.depends == Depends::result || member.depends == Depends::category ||
           member.depends == Depends::outcome || member.depends == Depends::table;
}

/// One cell of a row.
void cell(Writer& w, const Column& column, const RowView& row) {
    if (column.member == nullptr) {
        w.text_or_null(column.kept < row.kept.size() ? std::string_view(row.kept[column.kept]) : std::string_view());
    } else if ((row.result == nullptr && reads_result(*column.member)) ||
               (column.group != nullptr && !column.group->present(row))) {
        w.null();  // as in the JSON object: its group ("gist_risk", "survival") is null there
    } else {
        w.value(column.member->value(row));
    }
}

/// True for the columns of a staged record that depend only on the result's system, categories,
/// stages, summary stage and survival table (a few hundred combinations in any cohort), or on
/// nothing that varies between staged records (ok, the version, the error fields).
bool is_static_value(const Member& member) {
    return member.depends == Depends::category || member.depends == Depends::outcome ||
           member.depends == Depends::table || member.depends == Depends::fixed;
}

/// What the static columns of a result depend on: the set, the first column and the format, and
/// the result's outcome.
struct RunKey {
    std::uint64_t set = 0;
    std::size_t first = 0;
    OutputFormat format = OutputFormat::csv;
    OutcomeKey outcome;

    RunKey(const ColumnSet& s, std::size_t f, OutputFormat o, const Result& r)
        : set(s.id), first(f), format(o), outcome(r) {}
    RunKey() = default;

    [[nodiscard]] bool operator==(const RunKey& o) const {
        return set == o.set && first == o.first && format == o.format && outcome == o.outcome;
    }
    [[nodiscard]] std::size_t hash() const {
        return outcome.hash((set * 0x9e3779b97f4a7c15ULL + first) * 4U + static_cast<unsigned>(format));
    }
};

/// The static columns [first, end) of a row, rendered once per distinct result (per thread) and
/// reused: writing them cell by cell costs as much as staging the case.
std::string_view rendered_run(const ColumnSet& set, std::size_t first, std::size_t end, const Result& r,
                              OutputFormat format) {
    struct Entry {
        RunKey key;
        std::string text;
    };
    // On the heap, made on first use: a thread_local array is part of every thread's static TLS
    // block, which the loader zeroes for the main thread at start (a hundred page faults of a
    // single case) and glibc for each worker, CSV or not. k_ways entries a set (kept_entry), each
    // made when first used.
    constexpr std::size_t k_sets = 1024;
    thread_local std::unique_ptr<std::array<std::unique_ptr<Entry>, k_sets * k_ways>> held;
    if (!held) {
        held = std::make_unique<std::array<std::unique_ptr<Entry>, k_sets * k_ways>>();
    }
    const RunKey key(set, first, format, r);
    bool found = false;
    Entry& entry = kept_entry(
        &(*held)[key.hash() % k_sets * k_ways], [&](const Entry& e) { return e.key == key; }, found);
    if (!found) {
        entry.text.clear();
        Writer w(entry.text, format, set.raw_cells);
        const RowView staged{{}, {}, {}, &r, {}, {}, {}, {}};
        for (std::size_t i = first; i < end; ++i) {
            w.key(set.columns[i]);
            cell(w, set.columns[i], staged);
        }
        w.finish_cells();
        entry.key = key;
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
        w.key(column);
        cell(w, column, row);
    }
    w.end();
}

}  // namespace lmsstage::doors
