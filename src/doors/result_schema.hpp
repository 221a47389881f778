#pragma once
// The result schema: one row per member of an output record (the staged result, its record's id and
// place, its error, its NAACCR codes). The JSON result object, the columns of --to csv/tsv/ndjson
// and their header, the --columns help and the NAACCR output members are all read from these rows;
// a member added here appears in all of them.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "doors/records.hpp"
#include "lmsstage/result.hpp"

namespace lmsstage::naaccr {
struct OutputItem;
}  // namespace lmsstage::naaccr

namespace lmsstage::doors {

/// One output record: a staged result, or an error, with what the input said of the record.
struct RecordView {
    std::string_view id_json;  ///< the record's id as JSON text (empty: none)
    std::string_view id_text;  ///< the same as text: a string's contents, a number's digits
    RecordPlace place;
    const Result* result = nullptr;  ///< nullptr: the record is an error
    std::string_view error_field;
    std::string_view error_message;
    std::span<const naaccr::OutputItem> naaccr;  ///< empty unless the output carries NAACCR codes
    std::span<const std::string> kept;           ///< the input cells batch --keep names, in its order
};

/// How a value is written.
enum class Form : std::uint8_t {
    null,
    word,           ///< a name of lmsstage's vocabulary (a stage, a category, an id): written as it is, never
                    ///< quoted or escaped, so it holds no delimiter, quote, backslash, space at an edge
                    ///< or control byte (tests/doors/test_column_cells.cpp checks every one); empty: null
    text,           ///< any text (a name in words, a source), escaped or quoted as the format needs
    bytes,          ///< any bytes from outside (a file name, a message quoting input): made valid UTF-8
    number,         ///< a JSON number token as written ("82.4", "3")
    boolean,        ///< text() is "true" or "false"
    id,             ///< the record's id: JSON text in JSON, its text (other) in a cell
    stages,         ///< a set of stages: an array of words
    texts,          ///< a list of texts (const std::vector<std::string>*)
    trace,          ///< the rule trace (const std::vector<TraceStep>*)
    survival_rows,  ///< a survival table's rows (const std::vector<SurvivalRow>*)
};

/// A member's value for one record, typed.
class Value {
public:
    Value() = default;
    Value(Form form, std::string_view text) : m_form(form), m_text(text) {}
    static Value null() { return {}; }
    static Value word(std::string_view text) { return text.empty() ? Value() : Value(Form::word, text); }
    static Value text_or_null(std::string_view text) { return text.empty() ? Value() : Value(Form::text, text); }
    static Value boolean(bool value) { return {Form::boolean, value ? "true" : "false"}; }
    /// A whole number, written into the value itself.
    static Value integer(long long number);
    static Value stages(StageSet set) {
        Value v(Form::stages, {});
        v.m_stages = set;
        return v;
    }
    static Value texts(std::span<const std::string> items) { return list(Form::texts, items.data(), items.size()); }
    static Value trace(std::span<const TraceStep> items) { return list(Form::trace, items.data(), items.size()); }
    static Value rows(std::span<const SurvivalRow> items) {
        return list(Form::survival_rows, items.data(), items.size());
    }
    static Value id(std::string_view json, std::string_view text) {
        if (json.empty()) {
            return {};
        }
        Value v(Form::id, json);
        v.m_other = text;
        return v;
    }
    /// Text held in the value itself (up to 23 bytes).
    static Value own(Form form, std::string_view text);

    [[nodiscard]] Form form() const { return m_form; }
    [[nodiscard]] bool is_null() const { return m_form == Form::null; }
    [[nodiscard]] std::string_view text() const {
        return m_own_size != 0 ? std::string_view(m_own.data(), m_own_size) : m_text;
    }
    [[nodiscard]] std::string_view other() const { return m_other; }  ///< Form::id: the id as text
    [[nodiscard]] StageSet stages() const { return m_stages; }
    /// Form::texts, Form::trace, Form::survival_rows: the items (empty for any other form).
    [[nodiscard]] std::span<const std::string> texts() const { return items<std::string>(Form::texts); }
    [[nodiscard]] std::span<const TraceStep> trace() const { return items<TraceStep>(Form::trace); }
    [[nodiscard]] std::span<const SurvivalRow> rows() const { return items<SurvivalRow>(Form::survival_rows); }

private:
    static Value list(Form form, const void* items, std::size_t count) {
        Value v(form, {});
        v.m_items = items;
        v.m_count = count;
        return v;
    }
    template <typename T>
    [[nodiscard]] std::span<const T> items(Form form) const {
        if (m_form != form) {
            return {};
        }
        return std::span<const T>(static_cast<const T*>(m_items), m_count);
    }

    Form m_form = Form::null;
    std::uint8_t m_own_size = 0;
    StageSet m_stages;
    std::string_view m_text;
    std::string_view m_other;
    const void* m_items = nullptr;
    std::size_t m_count = 0;
    std::array<char, 24> m_own;  // only the first m_own_size are read
};

/// The JSON type of a member when it is not null.
enum class JsonType : std::uint8_t { string, number, boolean, array, any };

/// The staging work a member needs beyond the stage (StageOptions), or NAACCR codes.
enum class Needs : std::uint8_t { nothing, trace, texts, notes, naaccr };

/// What a member's value depends on: the renderers reuse what they wrote for values that repeat.
enum class Depends : std::uint8_t {
    record,    ///< the record (id, place, error) or its NAACCR codes: different each time
    result,    ///< the result's details (texts, trace)
    category,  ///< only the system, the histology staged, the categories and their basis
    outcome,   ///< only the stages, summary stage and survival table
    table,     ///< only the survival table
    fixed,     ///< nothing that varies between staged records (ok, the version)
};

/// What the members that depend on the outcome (Depends::category, outcome, table, fixed) are written from
/// (the histology staged, the system, categories, stages, summary stage and survival table):
/// equal keys write equal text, so renderers keep what they wrote per key. Names compare by their
/// storage (they are the vocabulary's): an unequal key for equal names only renders again.
struct OutcomeKey {
    std::array<std::string_view, 7> names{};
    std::optional<Stage> stage;
    StageSet possible;
    std::optional<SummaryStage> summary;
    const SurvivalTable* survival = nullptr;
    std::uint32_t histology = 0;  ///< code and behaviour
    std::uint8_t basis = 0;       ///< 0: not stated; else the Basis + 1 (the categories' prefix)

    OutcomeKey() = default;
    explicit OutcomeKey(const Result& r)
        : names{r.system.id,    r.system.name,  r.categories.t,   r.categories.n,
                r.categories.m, r.categories.g, r.categories.rate},
          stage(r.stage),
          possible(r.possible_stages),
          summary(r.summary_stage),
          survival(r.survival),
          histology(static_cast<std::uint32_t>(r.histology.code()) * 16U + r.histology.behaviour()),
          basis(r.basis ? static_cast<std::uint8_t>(static_cast<unsigned>(*r.basis) + 1U) : std::uint8_t{0}) {}

    /// The parts of the key that members read, by their Depends: a run of members that reads only
    /// some of them is kept per those (a few dozen systems and categories, a few hundred stages).
    enum Part : unsigned {
        k_category = 1U,  ///< names, histology and basis (Depends::category)
        k_staged = 2U,    ///< stage, possible stages, summary stage, survival table (Depends::outcome)
        k_table = 4U,     ///< the survival table (Depends::table)
        k_all = 7U,
    };
    /// The parts a member of `depends` reads (none for Depends::fixed; all for the others).
    static constexpr unsigned parts_of(Depends depends) noexcept {
        switch (depends) {
            case Depends::category: return k_category;
            case Depends::outcome: return k_staged;
            case Depends::table: return k_table;
            case Depends::fixed: return 0U;
            case Depends::record:
            case Depends::result: break;
        }
        return k_all;
    }

    [[nodiscard]] bool operator==(const OutcomeKey& o) const { return equal(o, k_all); }
    /// Equal in the given parts.
    [[nodiscard]] bool equal(const OutcomeKey& o, unsigned parts) const {
        if ((parts & k_category) != 0U) {
            for (std::size_t i = 0; i < names.size(); ++i) {
                if (names[i].data() != o.names[i].data() || names[i].size() != o.names[i].size()) {
                    return false;
                }
            }
            if (histology != o.histology || basis != o.basis) {
                return false;
            }
        }
        if ((parts & k_staged) != 0U && !(stage == o.stage && possible == o.possible && summary == o.summary)) {
            return false;
        }
        return (parts & (k_staged | k_table)) == 0U || survival == o.survival;
    }
    /// A hash mixed from `seed` (what else tells the renderer's texts apart).
    [[nodiscard]] std::size_t hash(std::uint64_t seed) const { return hash(seed, k_all); }
    /// The same, of the given parts.
    [[nodiscard]] std::size_t hash(std::uint64_t seed, unsigned parts) const {
        std::uint64_t h = seed;
        if ((parts & k_category) != 0U) {
            for (const std::string_view name : names) {
                h = (h ^ (reinterpret_cast<std::uintptr_t>(name.data()) + name.size())) * 0x100000001b3ULL;
            }
            h = (h ^ (histology << 8U | basis)) * 0x100000001b3ULL;
        }
        if ((parts & (k_staged | k_table)) != 0U) {
            h = (h ^ reinterpret_cast<std::uintptr_t>(survival)) * 0x100000001b3ULL;
        }
        if ((parts & k_staged) != 0U) {
            h = (h ^ (static_cast<std::uint64_t>(possible.bits()) << 24U ^
                      (summary ? static_cast<unsigned>(*summary) + 1U : 0U) ^
                      (stage ? static_cast<unsigned>(*stage) + 1U : 0U) << 16U)) *
                0x100000001b3ULL;
        }
        // MurmurHash3's finaliser: every bit of the key reaches the low bits used as the slot.
        h = (h ^ (h >> 33U)) * 0xff51afd7ed558ccdULL;
        h = (h ^ (h >> 33U)) * 0xc4ceb9fe1a85ec53ULL;
        return static_cast<std::size_t>(h ^ (h >> 33U));
    }
};

/// The renderers keep what they wrote per key in sets of k_ways entries, the one used last first:
/// of a set (`ways`), the entry `holds` picks is moved to the front; or else the last one (used
/// longest ago) is, to be written again (`found` false). So the keys used most stay, whatever
/// slots the hash gives them: with two ways a set, 1 % of a million full records' look-ups
/// missed (three frequent keys of one set took turns to evict each other; how often depended on
/// where the linker put the names the keys point to). An entry is made when its way is first
/// used: a table holds pointers, so that its memory is that of the keys a run meets (a few
/// hundred), not of its sets (a table of entries, 2,048 of 200 bytes for columns, was 0.8 MiB of
/// a CSV run's peak RSS on two workers).
inline constexpr std::size_t k_ways = 4;

template <typename Entry, typename Holds>
Entry& kept_entry(std::unique_ptr<Entry>* ways, Holds holds, bool& found) {
    std::size_t way = 0;
    while (way < k_ways && ways[way] != nullptr && !holds(*ways[way])) {
        ++way;
    }
    found = way < k_ways && ways[way] != nullptr;
    way = way < k_ways ? way : k_ways - 1;  // none holds it: the one used longest ago
    for (; way > 0; --way) {
        std::swap(ways[way], ways[way - 1]);
    }
    if (ways[0] == nullptr) {
        ways[0] = std::make_unique<Entry>();
    }
    return *ways[0];
}

/// One member of the output record.
struct Member {
    std::string_view json;         ///< path in the JSON result object ("survival.table"); empty: not in it
    JsonType type;                 ///< its JSON type when not null
    std::string_view column;       ///< column name for --columns (a dotted path); empty: not a column
    std::string_view help;         ///< what it holds, for help (empty: the name says it)
    std::string_view naaccr_item;  ///< the NAACCR output item it carries, if any
    Needs needs;
    Depends depends;
    Value (*value)(const RecordView&);  ///< its value for a record (null when it has none)
};

/// A group of members, written as one JSON object ("survival"), and what it is when the record
/// has none of it: null, or left out.
struct MemberGroup {
    std::string_view name;
    bool omit_when_absent;
    bool (*present)(const RecordView&);
};

/// Every member, in JSON key order (a group's members are consecutive).
std::span<const Member> result_members() noexcept;
/// The groups of dotted JSON paths ("survival" for survival.table).
std::span<const MemberGroup> member_groups() noexcept;
/// The group a member is part of: by its JSON path, or by its column for a member outside the JSON
/// object (survival.percent); nullptr for none. A record without the group (MemberGroup::present)
/// has a null for each of its members, in every format.
const MemberGroup* member_group(const Member& member) noexcept;
/// The member with this column name ('_' accepted for '.'), or nullptr.
const Member* find_member_column(std::string_view name) noexcept;

/// The group part of a dotted path ("survival" for "survival.table"; empty for "stage").
std::string_view group_of(std::string_view path) noexcept;
/// The last part of a dotted path ("table" for "survival.table").
std::string_view leaf_of(std::string_view path) noexcept;

}  // namespace lmsstage::doors
