#include "cli/render_json.hpp"

#include <array>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <cstdint>
#include <cstring>
#include <vector>

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

void append_key(std::string& out, std::string_view key) {
    out += '"';
    out += key;  // keys are ASCII identifiers of ours: no escaping needed
    out += "\":";
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
        out += ',';
        append_key(out, "file");
        append_json_string(out, place.file);
    }
    if (place.kind == RecordPlace::Kind::none) {
        return;
    }
    out += ',';
    append_key(out, place.kind == RecordPlace::Kind::line ? "line" : "index");
    out += std::to_string(place.number);
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
    out += ",\"title\":";
    append_json_string(out, t.title);
    out += ",\"measure\":";
    append_json_string(out, t.measure);
    out += ",\"source\":";
    append_json_string(out, t.source);
    out += ",\"cohort\":";
    append_string_or_null(out, t.cohort);
    out += ",\"taken\":";
    append_json_string(out, t.taken);
    out += ",\"cited_in\":";
    append_json_string(out, t.cited_in);
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

void append_json_string(std::string& out, std::string_view text) {
    static constexpr std::array<char, 16> k_hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                   '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    out += '"';
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p < end) {
        // Append the longest run that needs no escaping in one go, eight bytes at a time.
        const char* run = p;
#ifdef __SSE2__
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        const __m128i space_minus_one = _mm_set1_epi8(0x1F);
        while (end - p >= 16) {
            const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(chunk, space_minus_one), space_minus_one);
            const __m128i special =
                _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)));
            if (_mm_movemask_epi8(special) != 0) {
                break;
            }
            p += 16;
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
        out.append(run, static_cast<std::size_t>(p - run));
        if (p == end) {
            break;
        }
        const auto byte = static_cast<unsigned char>(*p++);
        switch (byte) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += k_hex[byte >> 4U];
                out += k_hex[byte & 0xFU];
        }
    }
    out += '"';
}

void append_result_json(std::string& out, const Result& r, std::string_view id_json) {
    out += '{';
    if (!id_json.empty()) {
        append_key(out, "id");
        out += id_json;
        out += ',';
    }
    out += "\"ok\":true,";
    append_key(out, "system");
    out += "{\"id\":";
    append_json_string(out, r.system.id);
    out += ",\"name\":";
    append_json_string(out, r.system.name);
    out += "},";

    append_key(out, "categories");
    out += "{\"T\":";
    append_string_or_null(out, r.categories.t);
    out += ",\"N\":";
    append_string_or_null(out, r.categories.n);
    out += ",\"M\":";
    append_string_or_null(out, r.categories.m);
    out += ",\"G\":";
    append_string_or_null(out, r.categories.g);
    out += "},";

    append_key(out, "stage");
    if (r.stage) {
        append_json_string(out, name(*r.stage));
    } else {
        out += "null";
    }
    out += ',';
    append_key(out, "possible_stages");
    out += '[';
    bool first = true;
    for (Stage s : k_all_stages) {
        if (r.possible_stages.contains(s)) {
            if (!first) {
                out += ',';
            }
            first = false;
            append_json_string(out, name(s));
        }
    }
    out += "],";

    append_key(out, "summary_stage");
    if (r.summary_stage) {
        append_json_string(out, name(*r.summary_stage));
    } else {
        out += "null";
    }
    out += ',';

    append_key(out, "survival");
    if (r.survival == nullptr) {
        out += "null";
    } else {
        const SurvivalFragments& f = fragments_for(*r.survival);
        out += f.head;
        if (r.summary_stage) {
            append_json_string(out, name(*r.summary_stage));
        } else {
            out += "null";
        }
        out += f.tail;
    }
    out += ',';

    append_key(out, "assumptions");
    append_string_array(out, r.assumptions);
    out += ',';
    append_key(out, "warnings");
    append_string_array(out, r.warnings);
    out += ',';
    append_key(out, "notes");
    append_string_array(out, r.notes);
    out += ',';
    append_key(out, "trace");
    out += '[';
    for (std::size_t i = 0; i < r.trace.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += "{\"rule\":";
        append_json_string(out, r.trace[i].rule);
        out += ",\"because\":";
        append_json_string(out, r.trace[i].because);
        out += '}';
    }
    out += "],";
    append_version(out);
    out += '}';
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
    append_json_string(out, message);
    out += "},";
    append_version(out);
    out += '}';
}

}  // namespace lmsstage::cli
