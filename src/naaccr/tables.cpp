#include "naaccr/tables.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "lmsstage/vocabulary.hpp"

namespace lmsstage::naaccr {

int code_number(std::string_view text) noexcept {
    int value = 0;
    const char* last = text.data() + text.size();
    const auto [end, ec] = std::from_chars(text.data(), last, value);
    if (text.empty() || text.size() > 4 || ec != std::errc{} || end != last || text.front() == '-' ||
        text.front() == '+') {
        return -1;
    }
    return value;
}

int topography_number(std::string_view text) noexcept {
    if (text.size() < 4 || (text.front() != 'C' && text.front() != 'c')) {
        return -1;
    }
    std::string digits(text.substr(1));
    if (digits.size() == 4 && digits[2] == '.') {
        digits.erase(2, 1);  // "49.2" -> "492"
    }
    if (digits.size() != 3 ||
        !std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        return -1;
    }
    return code_number(digits);
}

namespace {

/// One table, as split into cells at build time.
class Table {
public:
    Table(std::string_view file, std::initializer_list<std::string_view> columns)
        : m_file(file), m_table(embedded_table(file)) {
        if (m_table.width == 0) {
            throw std::logic_error("data/naaccr/" + std::string(file) + ": not embedded");
        }
        for (const std::string_view column : columns) {
            (void)index(column);  // every expected column is there
        }
        if (m_table.lines.size() < 2) {
            fail(1, "no rows");
        }
    }

    [[nodiscard]] std::size_t size() const noexcept { return m_table.lines.size() - 1; }
    /// The cell of data row `i` (0-based, after the header) in `column`.
    [[nodiscard]] std::string at(std::size_t i, std::string_view column) const {
        return std::string(m_table.cell((i + 1) * m_table.width + index(column)));
    }
    /// The cell, which must be non-empty.
    [[nodiscard]] std::string required(std::size_t i, std::string_view column) const {
        std::string cell = at(i, column);
        if (cell.empty()) {
            fail(m_table.lines[i + 1], "empty " + std::string(column));
        }
        return cell;
    }
    /// The cell as a code number.
    [[nodiscard]] int number(std::size_t i, std::string_view column) const {
        const int value = code_number(required(i, column));
        if (value < 0) {
            fail(m_table.lines[i + 1], std::string(column) + " is not a number: " + at(i, column));
        }
        return value;
    }
    /// The cell, which must be one of `allowed`.
    [[nodiscard]] std::string one_of(std::size_t i, std::string_view column,
                                     std::initializer_list<std::string_view> allowed) const {
        std::string cell = at(i, column);
        if (std::find(allowed.begin(), allowed.end(), cell) == allowed.end()) {
            fail(m_table.lines[i + 1], std::string(column) + " has an unknown value: " + cell);
        }
        return cell;
    }
    [[noreturn]] void fail(std::size_t row, const std::string& message) const {
        throw std::logic_error("data/naaccr/" + std::string(m_file) + " line " + std::to_string(row) + ": " + message);
    }
    [[nodiscard]] std::size_t row_number(std::size_t i) const { return m_table.lines[i + 1]; }

private:
    [[nodiscard]] std::size_t index(std::string_view column) const {
        for (std::size_t i = 0; i < m_table.width; ++i) {
            if (m_table.cell(i) == column) {
                return i;
            }
        }
        fail(1, "no column " + std::string(column));
    }

    std::string_view m_file;
    EmbeddedTable m_table;
};

const std::initializer_list<std::string_view> k_classes = {"sarcoma", "adenosarcoma", "gist"};

/// The refusal and source of a row, which must either map or refuse with a reason, never both or
/// neither.
template <typename Row>
void read_refusal(const Table& t, std::size_t i, bool maps, Row& r) {
    r.refusal = t.at(i, "refusal");
    r.source = t.at(i, "source");
    if (maps == !r.refusal.empty()) {
        t.fail(t.row_number(i), maps ? "maps and also gives a refusal" : "neither maps nor gives a refusal");
    }
    (void)t.required(i, "source");
}

BehaviorRow behavior_row(const Table& t, std::size_t i) {
    BehaviorRow r;
    r.code = t.number(i, "code");
    r.accepted = t.one_of(i, "accepted", {"yes", "no"}) == "yes";
    read_refusal(t, i, r.accepted, r);
    return r;
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while ((start = text.find_first_not_of(' ', start)) != std::string_view::npos) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        words.emplace_back(text.substr(start, end - start));
        start = end;
    }
    return words;
}

void read_discriminator(const Table& t, std::size_t i, SiteRow& r) {
    const std::string text = t.at(i, "discriminator");
    if (text.empty()) {
        return;
    }
    const std::size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 0) {
        t.fail(t.row_number(i), "discriminator must read item=value [value...]: " + text);
    }
    r.discriminator_item = text.substr(0, equals);
    r.discriminator_values = split_words(text.substr(equals + 1));
}

SiteRow site_row(const Table& t, std::size_t i) {
    SiteRow r;
    r.histology_class = t.one_of(i, "class", k_classes);
    r.from = topography_number(t.at(i, "site_from"));
    r.to = topography_number(t.at(i, "site_to"));
    if (r.from < 0 || r.to < r.from) {
        t.fail(t.row_number(i), "bad topography range");
    }
    const std::string edition = t.one_of(i, "edition", {"", "7", "8"});
    r.edition = edition.empty() ? 0 : code_number(edition);
    read_discriminator(t, i, r);
    // Sites and GI sites are the core's words (vocabulary.hpp): a row naming another fails here.
    r.site = t.at(i, "site");
    if (!r.site.empty() && !parse_enum(r.site, k_all_sites)) {
        t.fail(t.row_number(i), "site has an unknown value: " + r.site);
    }
    r.gi_site = t.at(i, "gi_site");
    if (!r.gi_site.empty() && !parse_enum(r.gi_site, k_all_gi_sites)) {
        t.fail(t.row_number(i), "gi_site has an unknown value: " + r.gi_site);
    }
    read_refusal(t, i, !r.site.empty(), r);
    return r;
}

SizeRow size_row(const Table& t, std::size_t i) {
    SizeRow r;
    r.from = t.number(i, "code_from");
    r.to = t.number(i, "code_to");
    r.action = t.one_of(i, "action", {"exact", "fixed", "unknown", "refuse"});
    r.size_mm = r.action == "fixed" ? t.number(i, "size_mm") : 0;
    r.note = t.at(i, "note");
    r.source = t.required(i, "source");
    if (r.action != "exact" && r.note.empty()) {
        t.fail(t.row_number(i), "a special size code needs a note");
    }
    return r;
}

GradeRow grade_row(const Table& t, std::size_t i) {
    GradeRow r;
    r.schema = t.one_of(i, "schema", {"soft_tissue", "gist", "corpus_sarcoma", "corpus_adenosarcoma"});
    r.code = t.required(i, "code");
    r.target = t.one_of(i, "target", {"grade", "mitotic_rate", "none", "refuse"});
    r.value = t.at(i, "value");
    if (r.target == "grade") {
        (void)t.one_of(i, "value", {"1", "2", "3", "X", "high", "unknown"});
    }
    r.rank = t.number(i, "rank");
    r.warn = t.one_of(i, "warn", {"yes", "no"}) == "yes";
    r.note = t.at(i, "note");
    r.source = t.required(i, "source");
    return r;
}

NodesRow nodes_row(const Table& t, std::size_t i) {
    return NodesRow{t.number(i, "code_from"), t.number(i, "code_to"),
                    t.one_of(i, "nodes", {"yes", "no", "unknown", "not_given"}), t.at(i, "note"),
                    t.required(i, "source")};
}

MetsRow mets_row(const Table& t, std::size_t i) {
    return MetsRow{t.number(i, "code"), t.required(i, "items"),
                   t.one_of(i, "finding", {"absent", "present", "not_applicable", "unknown"}), t.required(i, "source")};
}

EditionRow edition_row(const Table& t, std::size_t i) {
    EditionRow r;
    r.code = t.number(i, "code");
    r.action = t.one_of(i, "action", {"edition", "not_given", "refuse"});
    r.edition = r.action == "edition" ? code_number(t.one_of(i, "edition", {"7", "8"})) : 0;
    r.note = t.at(i, "note");
    r.source = t.required(i, "source");
    return r;
}

TnmRow tnm_row(const Table& t, std::size_t i) {
    // An empty code: the item has no code for that value, and is left blank (the source says why).
    return TnmRow{t.required(i, "naaccr_id"), t.required(i, "system"), t.required(i, "lmsstage"), t.at(i, "code"),
                  t.required(i, "source")};
}

SummaryStageRow summary_stage_row(const Table& t, std::size_t i) {
    return SummaryStageRow{t.one_of(i, "summary_stage", {"localized", "regional", "distant", "undetermined"}),
                           t.one_of(i, "nodes_involved", {"yes", "no", "*"}),
                           t.one_of(i, "direct_extension", {"yes", "no", "*"}),
                           t.one_of(i, "code", {"0", "1", "2", "3", "4", "7", "8", "9"}), t.required(i, "source")};
}

ExtensionRow extension_row(const Table& t, std::size_t i) {
    return ExtensionRow{
        t.one_of(i, "input", {"extension", "T", "cervix", "peritoneal_cytology", "visceral_extent", "foci"}),
        t.required(i, "system"), t.required(i, "value"), t.one_of(i, "direct_extension", {"yes", "no"}) == "yes",
        t.required(i, "source")};
}

ItemRow item_row(const Table& t, std::size_t i) {
    return ItemRow{t.required(i, "naaccr_id"), t.number(i, "naaccr_num"), t.required(i, "naaccr_name"),
                   t.required(i, "dictionaries"), t.required(i, "source")};
}

/// Every data row of the table `file`, each made by `make_row(t, i)`, in order.
template <typename Row>
std::vector<Row> read_table(std::string_view file, std::initializer_list<std::string_view> columns,
                            Row (*make_row)(const Table&, std::size_t)) {
    const Table t(file, columns);
    std::vector<Row> rows;
    rows.reserve(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        rows.push_back(make_row(t, i));
    }
    return rows;
}

/// Every table, each file named with the columns it must have; items sorted by id for the lookup.
Tables read_all() {
    Tables all;
    all.behavior = read_table("behavior.csv", {"code", "accepted", "refusal", "source"}, behavior_row);
    all.primary_site = read_table(
        "primary_site.csv",
        {"class", "site_from", "site_to", "edition", "discriminator", "site", "gi_site", "refusal", "source"},
        site_row);
    all.tumor_size =
        read_table("tumor_size.csv", {"code_from", "code_to", "action", "size_mm", "note", "source"}, size_row);
    all.grade =
        read_table("grade.csv", {"schema", "code", "target", "value", "rank", "warn", "note", "source"}, grade_row);
    all.regional_nodes =
        read_table("regional_nodes.csv", {"code_from", "code_to", "nodes", "note", "source"}, nodes_row);
    all.mets_at_dx = read_table("mets_at_dx.csv", {"code", "items", "finding", "source"}, mets_row);
    all.tnm_edition = read_table("tnm_edition.csv", {"code", "edition", "action", "note", "source"}, edition_row);
    all.tnm_output = read_table("tnm_output.csv", {"naaccr_id", "system", "lmsstage", "code", "source"}, tnm_row);
    all.summary_stage_2018 =
        read_table("summary_stage_2018.csv", {"summary_stage", "nodes_involved", "direct_extension", "code", "source"},
                   summary_stage_row);
    all.ss2018_direct_extension = read_table("ss2018_direct_extension.csv",
                                             {"input", "system", "value", "direct_extension", "source"}, extension_row);
    all.items = read_table("items.csv", {"naaccr_id", "naaccr_num", "naaccr_name", "dictionaries", "source"}, item_row);
    std::sort(all.items.begin(), all.items.end(), [](const ItemRow& a, const ItemRow& b) { return a.id < b.id; });
    return all;
}

}  // namespace

const Tables& tables() {
    static const Tables k_tables = read_all();
    return k_tables;
}

const ItemRow* find_dictionary_item(std::string_view naaccr_id) {
    const std::vector<ItemRow>& items = tables().items;
    const auto found = std::lower_bound(items.begin(), items.end(), naaccr_id,
                                        [](const ItemRow& row, std::string_view id) { return row.id < id; });
    return found != items.end() && found->id == naaccr_id ? &*found : nullptr;
}

namespace {

/// The latest dictionary version that defines an item: 260 for "180-260".
int last_dictionary(const ItemRow& row) {
    const std::string_view versions = row.dictionaries;
    const std::string_view last = versions.substr(versions.find_last_of('-') + 1);
    int version = 0;
    std::from_chars(last.data(), last.data() + last.size(), version);
    return version;
}

}  // namespace

const ItemRow* find_dictionary_item_loosely(std::string_view name) {
    // Built once: the ids folded to lower case, and the item numbers, each to its row.
    static const std::unordered_map<std::string, const ItemRow*> k_index = [] {
        std::unordered_map<std::string, const ItemRow*> index;
        for (const ItemRow& row : tables().items) {
            std::string folded = row.id;
            std::transform(folded.begin(), folded.end(), folded.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            index.emplace(std::move(folded), &row);
            // A number some items shared across versions (762: derivedSs2017 in 160, then
            // derivedSummaryStage2018) names the item of the latest dictionary.
            const auto [at, added] = index.emplace(std::to_string(row.number), &row);
            if (!added && last_dictionary(row) > last_dictionary(*at->second)) {
                at->second = &row;
            }
        }
        return index;
    }();
    std::string key(name);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto found = k_index.find(key);
    return found == k_index.end() ? nullptr : found->second;
}

}  // namespace lmsstage::naaccr
