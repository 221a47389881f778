#include "cli/render_json.hpp"

#include <array>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "cli/safe_text.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::cli {
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

void append_key(std::string& out, std::string_view key) {
    out += '"';
    out += key;  // keys are ASCII identifiers of ours: no escaping needed
    out += "\":";
}

/// A member after others: ,"key":"text".
void append_string_member(std::string& out, std::string_view key, std::string_view text) {
    out += ',';
    append_key(out, key);
    append_json_string(out, text);
}

void append_string_or_null(std::string& out, std::string_view text) {
    if (text.empty()) {
        out += "null";
    } else {
        append_json_string(out, text);
    }
}

template <typename Range>
void append_string_array(std::string& out, const Range& items) {
    out += '[';
    bool first = true;
    for (const auto& item : items) {
        if (!first) {
            out += ',';
        }
        first = false;
        append_json_string(out, item);
    }
    out += ']';
}

void append_place(std::string& out, RecordPlace place) {
    if (!place.file.empty()) {
        append_string_member(out, "file", valid_utf8(place.file));  // a file name is any bytes
    }
    const std::pair<std::string_view, long long> numbers[] = {
        {"line", place.line}, {"row", place.row}, {"column", place.column}, {"index", place.index}};
    for (const auto& [key, number] : numbers) {
        if (number >= (key == "index" ? 0 : 1)) {
            out += ',';
            append_key(out, key);
            out += std::to_string(number);
        }
    }
}

/// The survival object is the same for every result with that table but for "matched": built
/// once per table, as the text before and after the matched value.
struct SurvivalFragments {
    const SurvivalTable* table = nullptr;
    std::string head;
    std::string tail;
};

SurvivalFragments build_fragments(const SurvivalTable& t) {
    SurvivalFragments f;
    f.table = &t;
    std::string& out = f.head;
    out += "{\"table\":";
    append_json_string(out, t.id);
    append_string_member(out, "title", t.title);
    append_string_member(out, "measure", t.measure);
    append_string_member(out, "source", t.source);
    out += ",\"cohort\":";
    append_string_or_null(out, t.cohort);
    append_string_member(out, "taken", t.taken);
    append_string_member(out, "cited_in", t.cited_in);
    append_string_member(out, "population", t.population);
    out += ",\"rows\":[";
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += "{\"summary_stage\":";
        append_json_string(out, name(t.rows[i].summary_stage));
        out += ",\"percent\":";
        out += t.rows[i].percent_text;
        out += '}';
    }
    out += "],\"matched\":";
    f.tail += ",\"note\":";
    append_json_string(f.tail, survival_caveat());
    f.tail += '}';
    return f;
}

const SurvivalFragments& fragments_for(const SurvivalTable& table) {
    static const std::vector<SurvivalFragments> k_all = [] {
        std::vector<SurvivalFragments> all;
        for (const SurvivalTable& t : survival_tables()) {
            all.push_back(build_fragments(t));
        }
        return all;
    }();
    for (const SurvivalFragments& f : k_all) {
        if (f.table == &table) {
            return f;
        }
    }
    static thread_local SurvivalFragments other;  // a table not from survival_tables(): build it
    other = build_fragments(table);
    return other;
}

void append_version(std::string& out) {
    append_key(out, "version");
    out += "\"lmsstage ";
    out += version();
    out += '"';
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
        std::memcpy(m_p, text.data(), text.size());
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

template <typename Sink>
void word_or_null(Sink& w, std::string_view text) {
    if (text.empty()) {
        w.raw("null");
    } else {
        w.word(text);
    }
}

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

template <typename Sink>
void emit_categories(Sink& w, const Result& r) {
    using namespace std::string_view_literals;
    w.raw("},\"categories\":{\"T\":"sv);
    word_or_null(w, r.categories.t);
    w.raw(",\"N\":"sv);
    word_or_null(w, r.categories.n);
    w.raw(",\"M\":"sv);
    word_or_null(w, r.categories.m);
    w.raw(",\"G\":"sv);
    word_or_null(w, r.categories.g);
    w.raw(",\"mitotic_rate\":"sv);
    word_or_null(w, r.categories.rate);
    w.raw("},\"stage\":"sv);
    word_or_null(w, r.stage ? name(*r.stage) : std::string_view{});
    w.raw(",\"possible_stages\":["sv);
    bool first = true;
    for (Stage s : k_all_stages) {
        if (r.possible_stages.contains(s)) {
            if (!first) {
                w.ch(',');
            }
            first = false;
            w.word(name(s));
        }
    }
}

template <typename Sink>
void emit_survival(Sink& w, const Result& r, const SurvivalFragments* survival) {
    using namespace std::string_view_literals;
    const std::string_view summary = r.summary_stage ? name(*r.summary_stage) : std::string_view{};
    w.raw("],\"summary_stage\":"sv);
    word_or_null(w, summary);
    w.raw(",\"survival\":"sv);
    if (survival == nullptr) {
        w.raw("null"sv);
        return;
    }
    w.raw(survival->head);
    word_or_null(w, summary);
    w.raw(survival->tail);
}

/// The result object, written to any sink: once to count its size, once to write it.
/// },"histology":{"code":"8850/3","name":"liposarcoma, NOS": the type staged (histology table).
template <typename Sink>
void emit_histology(Sink& w, const HistologyType& histology) {
    using namespace std::string_view_literals;
    const unsigned code = histology.code();
    const std::array<char, 6> text = {static_cast<char>('0' + code / 1000),
                                      static_cast<char>('0' + code / 100 % 10),
                                      static_cast<char>('0' + code / 10 % 10),
                                      static_cast<char>('0' + code % 10),
                                      '/',
                                      static_cast<char>('0' + histology.behaviour())};
    w.raw("},\"histology\":{\"code\":"sv);  // closes system; categories closes this one
    w.word(std::string_view(text.data(), text.size()));
    w.raw(",\"name\":"sv);
    w.word(histology.row().name);
}

/// The single member of a set of risk categories, or null; then every member, in order.
template <typename Sink>
void emit_risk_set(Sink& w, RiskSet set) {
    using namespace std::string_view_literals;
    w.raw("\"category\":"sv);
    std::string_view single;
    for (RiskCategory c : k_all_risk_categories) {
        if (set.contains(c) && set.size() == 1) {
            single = name(c);
        }
    }
    word_or_null(w, single);
    w.raw(",\"possible_categories\":["sv);
    bool first = true;
    for (RiskCategory c : k_all_risk_categories) {
        if (set.contains(c)) {
            w.raw(first ? ""sv : ","sv);
            first = false;
            w.word(name(c));
        }
    }
    w.ch(']');
}

/// ,"gist_risk":{...} or null: the AFIP and modified NIH risk of progression, every cell possible.
template <typename Sink>
void emit_gist_risk(Sink& w, const GistRisk& risk) {
    using namespace std::string_view_literals;
    w.raw(",\"gist_risk\":"sv);
    if (!risk.assessed) {
        w.raw("null"sv);
        return;
    }
    w.raw("{\"note\":"sv);
    w.string(gist_risk_caveat());
    w.raw(",\"afip\":{\"name\":"sv);
    w.word(k_afip_name);
    w.ch(',');
    emit_risk_set(w, risk.afip);
    // The percentage when every possible cell gives the same one.
    std::string_view percent;
    bool same = risk.afip_count > 0;
    for (const AfipCell* cell : risk.afip_possible()) {
        same = same && !cell->percent.empty() && (percent.empty() || percent == cell->percent);
        percent = cell->percent;
    }
    w.raw(",\"percent_progressive\":"sv);
    w.raw(same ? percent : "null"sv);
    w.raw(",\"cells\":["sv);
    for (std::size_t i = 0; i < risk.afip_count; ++i) {
        const AfipCell& cell = *risk.afip_cells[i];
        w.raw(i == 0 ? "{\"site\":"sv : ",{\"site\":"sv);
        w.word(name(cell.site));
        w.raw(",\"size\":"sv);
        w.word(name(cell.size));
        w.raw(",\"mitotic_rate\":"sv);
        w.word(name(cell.rate));
        w.raw(",\"category\":"sv);
        w.word(name(cell.category));
        w.raw(",\"percent_progressive\":"sv);
        w.raw(cell.percent.empty() ? "null"sv : cell.percent);
        w.raw(cell.small_numbers ? ",\"small_numbers\":true,\"source\":"sv : ",\"small_numbers\":false,\"source\":"sv);
        w.string(cell.source);
        w.raw(",\"note\":"sv);
        if (cell.note.empty()) {
            w.raw("null"sv);
        } else {
            w.string(cell.note);
        }
        w.ch('}');
    }
    w.raw("],\"note\":"sv);
    if (risk.afip_note.empty()) {
        w.raw("null"sv);
    } else {
        w.string(risk.afip_note);
    }
    w.raw("},\"nih\":{\"name\":"sv);
    w.word(k_nih_name);
    w.ch(',');
    emit_risk_set(w, risk.nih);
    w.raw(",\"rupture\":"sv);
    w.word(name(risk.rupture));
    w.raw(risk.rupture_assumed ? ",\"rupture_assumed\":true,\"cells\":["sv
                               : ",\"rupture_assumed\":false,\"cells\":["sv);
    for (std::size_t i = 0; i < risk.nih_count; ++i) {
        const NihCell& cell = *risk.nih_cells[i];
        w.raw(i == 0 ? "{\"site\":"sv : ",{\"site\":"sv);
        w.word(cell.gastric ? "gastric"sv : "non-gastric"sv);
        w.raw(",\"size\":"sv);
        w.word(name(cell.size));
        w.raw(",\"mitotic_rate\":"sv);
        w.word(name(cell.rate));
        w.raw(",\"category\":"sv);
        w.word(name(cell.category));
        w.raw(",\"alternative\":"sv);
        word_or_null(w, cell.alternative == cell.category ? std::string_view{} : name(cell.alternative));
        w.raw(",\"row\":"sv);
        w.word(cell.row);
        w.raw(",\"note\":"sv);
        if (cell.note.empty()) {
            w.raw("null"sv);
        } else {
            w.string(cell.note);
        }
        w.ch('}');
    }
    w.raw("],\"source\":"sv);
    w.string(k_nih_source);
    w.raw(",\"note\":"sv);
    if (risk.nih_note.empty()) {
        w.raw("null"sv);
    } else {
        w.string(risk.nih_note);
    }
    w.raw("}}"sv);
}

template <typename Sink>
void emit_result(Sink& w, const Result& r, std::string_view id_json, const SurvivalFragments* survival) {
    using namespace std::string_view_literals;
    w.ch('{');
    if (!id_json.empty()) {
        w.raw("\"id\":"sv);
        w.raw(id_json);
        w.ch(',');
    }
    w.raw("\"ok\":true,\"system\":{\"id\":"sv);
    w.word(r.system.id);
    w.raw(",\"name\":"sv);
    w.word(r.system.name);
    emit_histology(w, r.histology);
    emit_categories(w, r);
    emit_survival(w, r, survival);
    w.raw(",\"assumptions\":"sv);
    string_array(w, r.assumptions);
    w.raw(",\"warnings\":"sv);
    string_array(w, r.warnings);
    w.raw(",\"notes\":"sv);
    string_array(w, r.notes);
    w.raw(",\"trace\":["sv);
    for (std::size_t i = 0; i < r.trace.size(); ++i) {
        if (i > 0) {
            w.ch(',');
        }
        w.raw("{\"rule\":"sv);
        w.word(r.trace[i].rule);
        w.raw(",\"because\":"sv);
        w.string(r.trace[i].because);
        w.ch('}');
    }
    w.ch(']');
    emit_gist_risk(w, r.gist_risk);  // new members go after the others, before the closing version
    w.raw(",\"version\":\"lmsstage "sv);
    w.raw(version());
    w.raw("\"}"sv);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    const std::size_t start = out.size();
    out.resize(start + string_size(text));
    RawWriter w(out.data() + start, false);
    w.string(text);
}

namespace {

/// Writes the result at its counted size; false (and `out` as it was) when `plain` was assumed
/// and some text needed escaping.
bool write_result(std::string& out, const Result& r, std::string_view id_json, bool plain) {
    const SurvivalFragments* survival = r.survival != nullptr ? &fragments_for(*r.survival) : nullptr;
    SizeCounter counter(plain);
    emit_result(counter, r, id_json, survival);
    const std::size_t start = out.size();
    out.resize(start + counter.size());
    RawWriter w(out.data() + start, plain);
    emit_result(w, r, id_json, survival);
    if (w.needed_escaping()) {
        out.resize(start);
        return false;
    }
    return true;
}

}  // namespace

void append_result_json(std::string& out, const Result& r, std::string_view id_json) {
    // Result texts are lmsstage's own words and numbers: escaping is almost never needed, so the
    // record is written assuming so, and written again with escapes in the rare case it is.
    if (!write_result(out, r, id_json, true)) {
        write_result(out, r, id_json, false);
    }
}

void append_error_json(std::string& out, const CaseError& error, std::string_view id_json, RecordPlace place) {
    append_error_json(out, field_name(error.field), error.message(), id_json, place);
}

void append_error_json(std::string& out, std::string_view field, std::string_view message, std::string_view id_json,
                       RecordPlace place) {
    out += '{';
    if (!id_json.empty()) {
        append_key(out, "id");
        out += id_json;
        out += ',';
    }
    out += "\"ok\":false";
    append_place(out, place);
    out += ',';
    append_key(out, "error");
    out += "{\"field\":";
    append_string_or_null(out, field);
    out += ",\"message\":";
    append_json_string(out, valid_utf8(message));
    out += "},";
    append_version(out);
    out += '}';
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

}  // namespace lmsstage::cli
