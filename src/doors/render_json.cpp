#include "doors/render_json.hpp"

#include <array>
#include <memory>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "doors/copy_bytes.hpp"
#include "doors/result_schema.hpp"
#include "doors/safe_text.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::doors {
namespace {

/// True when any of the eight bytes is a control character, '"' or '\\' (bytes >= 0x80 pass).
constexpr bool needs_escape(std::uint64_t word) noexcept {
    constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
    constexpr std::uint64_t k_highs = 0x8080808080808080ULL;
    const std::uint64_t below_space = (word - k_ones * 0x20U) & ~word & k_highs;
    const std::uint64_t quote = word ^ (k_ones * static_cast<std::uint64_t>('"'));
    const std::uint64_t backslash = word ^ (k_ones * static_cast<std::uint64_t>('\\'));
    const std::uint64_t has_quote = (quote - k_ones) & ~quote & k_highs;
    const std::uint64_t has_backslash = (backslash - k_ones) & ~backslash & k_highs;
    return (below_space | has_quote | has_backslash) != 0;
}

#ifdef __SSE2__
/// Bit i set when byte i of the 16 at `p` needs escaping in a JSON string.
int special_mask(const char* p) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i space_minus_one = _mm_set1_epi8(0x1F);
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(chunk, space_minus_one), space_minus_one);
    const __m128i quote = _mm_cmpeq_epi8(chunk, _mm_set1_epi8('"'));
    const __m128i backslash = _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\\'));
    return _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash)));
}
#endif

/// The first byte from `p` that needs escaping in a JSON string, or `end`.
const char* skip_plain(const char* p, const char* end) {
#ifdef __SSE2__
    if (end - p >= 16) {
        const char* const last = end - 16;
        while (p < last) {
            if (const int mask = special_mask(p); mask != 0) {
                return p + __builtin_ctz(static_cast<unsigned>(mask));
            }
            p += 16;
        }
        // The last 16 bytes, overlapping what was already checked: no byte-wise tail.
        if (const int mask = special_mask(last); mask != 0) {
            return last + __builtin_ctz(static_cast<unsigned>(mask));
        }
        return end;
    }
#endif
    while (end - p >= 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, p, sizeof word);
        if (needs_escape(word)) {
            break;
        }
        p += 8;
    }
    while (p < end && static_cast<unsigned char>(*p) >= 0x20 && *p != '"' && *p != '\\') {
        ++p;
    }
    return p;
}

}  // namespace

namespace {

/// Writes into space reserved beforehand (see result_bound): no capacity check per piece.
class RawWriter {
public:
    /// `plain`: write strings as they are, assuming they need no escaping, and note it if one
    /// does (then the caller writes the record again the careful way).
    RawWriter(char* at, bool plain) : m_p(at), m_plain(plain) {}
    [[nodiscard]] char* position() const { return m_p; }
    [[nodiscard]] bool needed_escaping() const { return m_needed_escaping; }
    void raw(std::string_view text) {
        copy_bytes(m_p, text.data(), text.size());
        m_p += text.size();
    }
    void ch(char c) { *m_p++ = c; }
    void string(std::string_view text) {
        static constexpr std::array<char, 16> k_hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                       '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
        ch('"');
        const char* p = text.data();
        const char* const end = p + text.size();
        if (m_plain) {
#ifdef __SSE2__
            if (text.size() >= 16) {
                // Checked and copied sixteen bytes at a time, the last sixteen overlapping. Once
                // a byte needs escaping the record is written again, so the copy stops there.
                const std::size_t last = text.size() - 16;
                for (std::size_t i = 0;; i += 16) {
                    const std::size_t at = i < last ? i : last;
                    if (special_mask(p + at) != 0) {
                        m_needed_escaping = true;
                        break;
                    }
                    _mm_storeu_si128(reinterpret_cast<__m128i*>(m_p + at),
                                     _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at)));
                    if (at == last) {
                        break;
                    }
                }
                m_p += text.size();
                ch('"');
                return;
            }
#endif
            m_needed_escaping = m_needed_escaping || skip_plain(p, end) != end;
            raw(text);
            ch('"');
            return;
        }
        while (p < end) {
            const char* run = p;
            p = skip_plain(p, end);
            raw(std::string_view(run, static_cast<std::size_t>(p - run)));
            if (p == end) {
                break;
            }
            const auto byte = static_cast<unsigned char>(*p++);
            switch (byte) {
                case '"': raw("\\\""); break;
                case '\\': raw("\\\\"); break;
                case '\n': raw("\\n"); break;
                case '\r': raw("\\r"); break;
                case '\t': raw("\\t"); break;
                default:
                    raw("\\u00");
                    ch(k_hex[byte >> 4U]);
                    ch(k_hex[byte & 0xFU]);
            }
        }
        ch('"');
    }
    /// A name from lmsstage's own vocabulary (stage, category, system): plain by construction
    /// (a test checks every one), so written without a scan.
    void word(std::string_view text) {
        ch('"');
        raw(text);
        ch('"');
    }

private:
    char* m_p;
    bool m_plain;
    bool m_needed_escaping = false;
};

/// The exact size of a text written as a JSON string, quotes included.
std::size_t string_size(std::string_view text) {
    std::size_t size = text.size() + 2;
    const char* p = text.data();
    const char* const end = p + text.size();
    while ((p = skip_plain(p, end)) != end) {
        const auto byte = static_cast<unsigned char>(*p++);
        size += (byte == '"' || byte == '\\' || byte == '\n' || byte == '\r' || byte == '\t') ? 1 : 5;
    }
    return size;
}

/// Counts what RawWriter would write, piece by piece: the two passes run the same code
/// (emit_result), so the size reserved is the size written, by construction.
class SizeCounter {
public:
    explicit SizeCounter(bool plain) : m_plain(plain) {}
    [[nodiscard]] std::size_t size() const { return m_size; }
    void raw(std::string_view text) { m_size += text.size(); }
    void ch(char) { ++m_size; }
    void string(std::string_view text) { m_size += m_plain ? text.size() + 2 : string_size(text); }
    void word(std::string_view text) { m_size += text.size() + 2; }

private:
    bool m_plain;
    std::size_t m_size = 0;
};

/// A sink that appends to a string, escaping as append_json_string does: for the texts rendered
/// once and reused (see outcome_run).
class StringSink {
public:
    explicit StringSink(std::string& out) : m_out(out) {}
    void raw(std::string_view text) { m_out += text; }
    void ch(char c) { m_out += c; }
    void string(std::string_view text) { append_json_string(m_out, text); }
    void word(std::string_view text) {
        m_out += '"';
        m_out += text;
        m_out += '"';
    }

private:
    std::string& m_out;
};

template <typename Sink, typename Range>
void string_array(Sink& w, const Range& items) {
    w.ch('[');
    bool first = true;
    for (const auto& item : items) {
        if (!first) {
            w.ch(',');
        }
        first = false;
        w.string(item);
    }
    w.ch(']');
}

/// A member's value as JSON.
template <typename Sink>
void emit_value(Sink& w, const Value& v) {
    using namespace std::string_view_literals;
    switch (v.form()) {
        case Form::null: w.raw("null"sv); break;
        case Form::word: w.word(v.text()); break;
        case Form::text: w.string(v.text()); break;
        case Form::bytes: w.string(valid_utf8(v.text())); break;
        case Form::number:
        case Form::boolean:
        case Form::id: w.raw(v.text()); break;
        case Form::stages: {
            w.ch('[');
            bool first = true;
            for (const Stage s : k_all_stages) {
                if (v.stages().contains(s)) {
                    if (!first) {
                        w.ch(',');
                    }
                    first = false;
                    w.word(name(s));
                }
            }
            w.ch(']');
            break;
        }
        case Form::texts: string_array(w, v.texts()); break;
        case Form::trace: {
            const auto trace = v.trace();
            w.ch('[');
            for (std::size_t i = 0; i < trace.size(); ++i) {
                if (i > 0) {
                    w.ch(',');
                }
                w.raw("{\"rule\":"sv);
                w.word(trace[i].rule);
                w.raw(",\"because\":"sv);
                w.string(trace[i].because);
                w.ch('}');
            }
            w.ch(']');
            break;
        }
        case Form::survival_rows: {
            const auto rows = v.rows();
            w.ch('[');
            for (std::size_t i = 0; i < rows.size(); ++i) {
                if (i > 0) {
                    w.ch(',');
                }
                w.raw("{\"summary_stage\":"sv);
                w.word(name(rows[i].summary_stage));
                w.raw(",\"percent\":"sv);
                w.raw(rows[i].percent_text);
                w.ch('}');
            }
            w.ch(']');
            break;
        }
    }
}

/// One member of the result object as the writer walks it, with its key and group written out
/// beforehand.
struct JsonStep {
    const Member* member = nullptr;
    std::string key;                     ///< "\"table\":"
    const MemberGroup* opens = nullptr;  ///< the group this step's member is the first of
    std::string open;                    ///< "\"survival\":{"
    std::string absent;                  ///< "\"survival\":null" (empty: the group is left out)
    std::size_t group_end = 0;           ///< opens: the first step after the group
    bool closes = false;                 ///< the step after the group's last member ('}' before it)
    bool top_record = false;             ///< a record member outside groups: left out when null (id)
    std::size_t run_end = 0;             ///< the end of a run of members that depend only on the outcome
    unsigned run_parts = 0;              ///< the parts of the outcome the run's members read (OutcomeKey::Part)
    std::size_t run_index = 0;           ///< which run of the record this is (0, 1, ...)
};

/// "name" and what follows it.
std::string quoted(std::string_view name, std::string_view after) {
    std::string text;
    text += '"';
    text += name;
    text += '"';
    text += after;
    return text;
}

bool outcome_only(const Member& m) {
    return m.depends == Depends::category || m.depends == Depends::outcome || m.depends == Depends::table ||
           m.depends == Depends::fixed;
}

/// The result object's members in order (the schema's rows that have a JSON path).
const std::vector<JsonStep>& json_steps() {
    static const std::vector<JsonStep> k_steps = [] {
        std::vector<JsonStep> steps;
        for (const Member& m : result_members()) {
            if (m.json.empty()) {
                continue;
            }
            JsonStep step;
            step.member = &m;
            step.key = quoted(leaf_of(m.json), ":");
            const std::string_view group = group_of(m.json);
            const std::string_view before = steps.empty() ? std::string_view() : group_of(steps.back().member->json);
            step.closes = !before.empty() && before != group;
            if (!group.empty() && group != before) {
                for (const MemberGroup& g : member_groups()) {
                    step.opens = g.name == group ? &g : step.opens;
                }
                if (step.opens == nullptr) {
                    throw std::logic_error("result schema: no group " + std::string(group));
                }
                step.open = quoted(group, ":{");
                step.absent = step.opens->omit_when_absent ? std::string() : quoted(group, ":null");
            }
            step.top_record = group.empty() && m.depends == Depends::record;
            steps.push_back(std::move(step));
        }
        for (std::size_t i = 0; i < steps.size(); ++i) {
            if (steps[i].opens != nullptr) {
                const std::string_view group = group_of(steps[i].member->json);
                std::size_t end = i + 1;
                while (end < steps.size() && group_of(steps[end].member->json) == group) {
                    ++end;
                }
                steps[i].group_end = end;
            }
        }
        // Runs of members that depend only on the outcome, and groups only of such members: written
        // once per outcome and reused. A run does not start at a group's later member (it would not
        // open the group), nor end inside a group. Nor does it join members of the categories with
        // members of the stages and survival table: each part has a few hundred values in a cohort,
        // and a run keyed by both would have as many as their pairs.
        const auto group_outcome_only = [&steps](std::size_t i) {
            for (std::size_t j = i; j < steps[i].group_end; ++j) {
                if (!outcome_only(*steps[j].member)) {
                    return false;
                }
            }
            return true;
        };
        constexpr unsigned k_varying = OutcomeKey::k_category | OutcomeKey::k_staged | OutcomeKey::k_table;
        const auto parts_from = [&steps](std::size_t first, std::size_t last) {
            unsigned parts = 0;
            for (std::size_t j = first; j < last; ++j) {
                parts |= OutcomeKey::parts_of(steps[j].member->depends);
            }
            return parts;
        };
        const auto joins = [](unsigned run, unsigned next) {
            const unsigned kinds = (run | next) & k_varying;
            return (kinds & OutcomeKey::k_category) == 0U || (kinds & ~OutcomeKey::k_category) == 0U;
        };
        std::size_t runs = 0;
        for (std::size_t i = 0; i < steps.size();) {
            std::size_t end = i;
            unsigned parts = 0;
            while (end < steps.size() && outcome_only(*steps[end].member)) {
                const bool group = steps[end].opens != nullptr;
                if (group ? !group_outcome_only(end) : !group_of(steps[end].member->json).empty() && end == i) {
                    break;  // a group with other members, or inside a group the run did not open
                }
                const std::size_t next = group ? steps[end].group_end : end + 1;
                const unsigned adds = parts_from(end, next);
                if (!joins(parts, adds)) {
                    break;
                }
                parts |= adds;
                end = next;
            }
            if (end > i) {
                steps[i].run_end = end;
                steps[i].run_index = runs++;
                steps[i].run_parts = parts;
                i = end;
            } else {
                ++i;
            }
        }
        if (steps.size() > 64) {
            throw std::logic_error("result schema: more JSON members than the writer prepares (64)");
        }
        return steps;
    }();
    return k_steps;
}

/// Where the writer is in the object: a comma is due before the next member; a group is open.
struct EmitState {
    bool comma = false;
    bool group_open = false;
};

/// What one record's two passes (counting, then writing) share: each member's value and each
/// run's text, found once. nullptr where members are written straight from the record.
struct Prepared {
    const OutcomeKey* key = nullptr;
    std::uint32_t generation = 0;
    static constexpr std::size_t k_steps = 64;   ///< at most this many JSON members (json_steps checks)
    std::array<std::uint32_t, k_steps> stamp{};  ///< per step: the generation its entry was found in
    std::array<Value, k_steps> values;
    std::array<std::string_view, k_steps> runs;
};

template <typename Sink>
void emit_steps(Sink& w, const RecordView& view, std::size_t first, std::size_t end, EmitState& state,
                Prepared* prepared);

/// The members [first, end) of a run that depends only on the outcome, as written after other
/// members (with a leading comma) with no group open before it: rendered once per outcome and
/// thread, and kept.
std::string_view outcome_run(const RecordView& view, const OutcomeKey& key, std::size_t first) {
    struct Entry {
        OutcomeKey key;
        std::string text;
    };
    const JsonStep& step = json_steps()[first];
    // Each run has its own sets of entries (kept_entry), so that the runs of one record never
    // take each other's entry (the record's two passes read the text kept here). Keyed by what the
    // run's members read: the system and categories, or the stages and the survival table, or
    // nothing (the version), so that one entry serves every outcome that agrees in those. On the
    // heap, made on first use: not in every thread's static TLS block, which is zeroed at start
    // (see columns.cpp).
    constexpr std::size_t k_sets = 256;
    thread_local std::vector<std::unique_ptr<Entry>> store;
    if (store.empty()) {
        std::size_t runs = 0;
        for (const JsonStep& s : json_steps()) {
            runs += s.run_end != 0 ? 1 : 0;
        }
        store.resize(runs * k_sets * k_ways);
    }
    bool found = false;
    Entry& entry = kept_entry(
        &store[(step.run_index * k_sets + key.hash(0, step.run_parts) % k_sets) * k_ways],
        [&](const Entry& e) { return e.key.equal(key, step.run_parts); }, found);
    if (!found) {
        entry.text.clear();
        StringSink sink(entry.text);
        EmitState state{true, false};
        emit_steps(sink, view, first, step.run_end, state, nullptr);
        if (state.group_open) {
            sink.ch('}');
        }
        entry.key = key;
    }
    return entry.text;
}

/// Writes the members [first, end); with `prepared`, runs are written from outcome_run and values
/// are found once for both passes (nullptr: each member is written from the record).
template <typename Sink>
void emit_steps(Sink& w, const RecordView& view, std::size_t first, std::size_t end, EmitState& state,
                Prepared* prepared) {
    const std::vector<JsonStep>& steps = json_steps();
    for (std::size_t i = first; i < end; ++i) {
        const JsonStep& step = steps[i];
        if (step.closes && state.group_open) {
            w.ch('}');
            state.group_open = false;
        }
        const bool found = prepared != nullptr && prepared->stamp[i] == prepared->generation;
        if (prepared != nullptr && step.run_end != 0) {
            if (!found) {
                prepared->runs[i] = outcome_run(view, *prepared->key, i);
                prepared->stamp[i] = prepared->generation;
            }
            const std::string_view run = prepared->runs[i];
            w.raw(state.comma ? run : run.substr(1));
            state.comma = true;
            i = step.run_end - 1;
            continue;
        }
        if (step.opens != nullptr) {
            if (!step.opens->present(view)) {
                if (!step.absent.empty()) {
                    if (state.comma) {
                        w.ch(',');
                    }
                    w.raw(step.absent);
                    state.comma = true;
                }
                i = step.group_end - 1;
                continue;
            }
            if (state.comma) {
                w.ch(',');
            }
            w.raw(step.open);
            state.comma = false;
            state.group_open = true;
        }
        if (prepared != nullptr && !found) {
            prepared->values[i] = step.member->value(view);
            prepared->stamp[i] = prepared->generation;
        }
        Value unprepared;
        if (prepared == nullptr) {
            unprepared = step.member->value(view);
        }
        const Value& value = prepared != nullptr ? prepared->values[i] : unprepared;
        if (step.top_record && value.is_null()) {
            continue;
        }
        if (state.comma) {
            w.ch(',');
        }
        w.raw(step.key);
        emit_value(w, value);
        state.comma = true;
    }
}

/// The result object.
template <typename Sink>
void emit_record(Sink& w, const RecordView& view, Prepared& prepared) {
    w.ch('{');
    EmitState state;
    emit_steps(w, view, 0, json_steps().size(), state, &prepared);
    if (state.group_open) {
        w.ch('}');
    }
    w.ch('}');
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    const std::size_t start = out.size();
    out.resize(start + string_size(text));
    RawWriter w(out.data() + start, false);
    w.string(text);
}

namespace {

/// Resizes `out` to `size` and lets `write(out.data())` fill the new bytes, without zeroing them
/// first where the library can (C++23 resize_and_overwrite): a record is about 2 KB, and zeroing
/// it before writing it cost about a thousand instructions a record.
template <typename Write>
void grow_uninitialised(std::string& out, std::size_t size, Write write) {
#ifdef __cpp_lib_string_resize_and_overwrite
    // The size asked for, not the lambda's second argument: GCC 12's library passes the capacity
    // it grew to there (later versions pass the size).
    out.resize_and_overwrite(size, [&](char* data, std::size_t) {
        write(data);
        return size;
    });
#else
    out.resize(size);
    write(out.data());
#endif
}

/// Writes the record at its counted size; false (and `out` as it was) when `plain` was assumed
/// and some text needed escaping.
bool write_record(std::string& out, const RecordView& view, Prepared& prepared, bool plain) {
    SizeCounter counter(plain);
    emit_record(counter, view, prepared);
    const std::size_t start = out.size();
    bool needed_escaping = false;
    grow_uninitialised(out, start + counter.size(), [&](char* at) {
        RawWriter w(at + start, plain);
        emit_record(w, view, prepared);
        needed_escaping = w.needed_escaping();
    });
    if (needed_escaping) {
        out.resize(start);
        return false;
    }
    return true;
}

}  // namespace

void append_result_json(std::string& out, const RecordView& view) {
    // Result texts are lmsstage's own words and numbers: escaping is almost never needed, so the
    // record is written assuming so, and written again with escapes in the rare case it is.
    thread_local Prepared prepared;
    const OutcomeKey key(*view.result);
    prepared.key = &key;
    if (++prepared.generation == 0) {
        prepared.stamp.fill(0);
        prepared.generation = 1;
    }
    if (!write_record(out, view, prepared, true)) {
        write_record(out, view, prepared, false);
    }
}

void append_result_json(std::string& out, const Result& r, std::string_view id_json) {
    append_result_json(out, RecordView{id_json, {}, {}, &r, {}, {}, {}, {}});
}

void append_error_json(std::string& out, const CaseError& error, std::string_view id_json, RecordPlace place) {
    append_error_json(out, field_name(error.field), error.message(), id_json, place);
}

void append_error_json(std::string& out, std::string_view field, std::string_view message, std::string_view id_json,
                       RecordPlace place) {
    JsonWriter j(out);
    j.begin_object();
    if (!id_json.empty()) {
        j.key("id").number(id_json);  // JSON text as it was read
    }
    j.key("ok").boolean(false);
    if (!place.file.empty()) {
        j.key("file").string(valid_utf8(place.file));  // a file name is any bytes
    }
    const std::pair<std::string_view, long long> numbers[] = {
        {"line", place.line}, {"row", place.row}, {"column", place.column}, {"index", place.index}};
    for (const auto& [key, number] : numbers) {
        if (number >= (key == "index" ? 0 : 1)) {
            j.key(key).number(std::to_string(number));
        }
    }
    j.key("error").begin_object().key("field");
    if (field.empty()) {
        j.null();
    } else {
        j.string(field);
    }
    j.key("message").string(valid_utf8(message)).end_object();
    j.key("version").string("lmsstage " + std::string(version()));
    j.end_object();
}

void JsonWriter::before_value() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (!m_first.empty()) {
        if (m_first.back() == '0') {
            m_out += ',';
        }
        m_first.back() = '0';
    }
}

JsonWriter& JsonWriter::open(char bracket) {
    before_value();
    m_out += bracket;
    m_first += '1';
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    m_out += bracket;
    if (!m_first.empty()) {
        m_first.pop_back();
    }
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    append_json_string(m_out, name);
    m_out += ':';
    m_after_key = true;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
    before_value();
    append_json_string(m_out, text);
    return *this;
}

JsonWriter& JsonWriter::number(std::string_view text) {
    before_value();
    m_out += text;
    return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
    before_value();
    m_out += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    m_out += "null";
    return *this;
}

}  // namespace lmsstage::doors
