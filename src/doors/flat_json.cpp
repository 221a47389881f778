#include "doors/flat_json.hpp"

#include <string_view>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace lmsstage::doors {
namespace {

using Type = JsonValue::Type;

bool blank(char c) { return static_cast<unsigned char>(c) <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r'); }

const char* skip_blank(const char* p, const char* end) {
    while (blank(*p) && p < end) {  // *end is the caller's padding: readable
        ++p;
    }
    return p;
}

/// The closing quote of a string whose contents start at `p`; nullptr when a backslash or a byte
/// outside printable ASCII comes first, or the string does not end. Reads up to 15 bytes past
/// `end` (the caller's padding).
const char* plain_string_end(const char* p, const char* end) {
#ifdef __SSE2__
    for (; p < end; p += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i outside = _mm_or_si128(_mm_cmplt_epi8(chunk, _mm_set1_epi8(0x20)),  // and >= 0x80
                                             _mm_cmpeq_epi8(chunk, _mm_set1_epi8(0x7F)));
        const __m128i quote = _mm_cmpeq_epi8(chunk, _mm_set1_epi8('"'));
        const __m128i backslash = _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\\'));
        const auto mask =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(outside, quote), backslash)));
        if (mask != 0) {
            const char* const at = p + __builtin_ctz(mask);
            return at < end && *at == '"' ? at : nullptr;
        }
    }
    return nullptr;
#else
    for (; p < end; ++p) {
        const auto byte = static_cast<unsigned char>(*p);
        if (byte == '"') {
            return p;
        }
        if (byte < 0x20U || byte > 0x7EU || byte == '\\') {
            return nullptr;
        }
    }
    return nullptr;
#endif
}

/// The end of the JSON number (RFC 8259 section 6) that starts at `p`, or nullptr when none does.
/// Reads nothing at or past `end`.
const char* number_end(const char* p, const char* end) {
    const auto digits = [end](const char* q) {
        while (q < end && *q >= '0' && *q <= '9') {
            ++q;
        }
        return q;
    };
    p += (p < end && *p == '-') ? 1 : 0;
    if (p < end && *p == '0') {
        ++p;
    } else {
        const char* const after = digits(p);
        if (after == p) {
            return nullptr;
        }
        p = after;
    }
    if (p < end && *p == '.') {
        const char* const after = digits(p + 1);
        if (after == p + 1) {
            return nullptr;
        }
        p = after;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        p += (p < end && (*p == '+' || *p == '-')) ? 1 : 0;
        const char* const after = digits(p);
        if (after == p) {
            return nullptr;
        }
        p = after;
    }
    return p;
}

/// True when a token may end before `p`: blank space, a comma, the closing brace, or the end.
bool token_ends(const char* p, const char* end) { return p == end || blank(*p) || *p == ',' || *p == '}'; }

/// Reads the value at `p` into `out`; the byte after it, or nullptr when it is not a plain value.
const char* read_value(const char* p, const char* end, JsonValue& out) {
    const char* const start = p;
    if (*p == '"') {
        const char* const close = plain_string_end(p + 1, end);
        if (close == nullptr) {
            return nullptr;
        }
        out = JsonValue{Type::string, std::string_view(p + 1, static_cast<std::size_t>(close - p - 1)),
                        std::string_view(p, static_cast<std::size_t>(close + 1 - p)), false};
        return close + 1;
    }
    const auto literal = [&](std::string_view word) {
        return static_cast<std::size_t>(end - p) >= word.size() && std::string_view(p, word.size()) == word;
    };
    if (literal("true") || literal("false") || literal("null")) {
        const std::string_view token(p, *p == 'f' ? 5 : 4);
        out = JsonValue{*p == 'n' ? Type::null : Type::boolean, {}, token, *p == 't'};
        p += token.size();
    } else {
        p = number_end(p, end);
        if (p == nullptr) {
            return nullptr;
        }
        const std::string_view token(start, static_cast<std::size_t>(p - start));
        out = JsonValue{Type::number, token, token, false};
    }
    if (!token_ends(p, end)) {
        return nullptr;  // trueish, 5x, 1.5.5
    }
    return p;
}

}  // namespace

bool read_flat_object(std::string_view bytes, std::vector<FlatMember>& members) {
    members.clear();
    const char* p = bytes.data();
    const char* const end = p + bytes.size();
    p = skip_blank(p, end);
    if (p == end || *p != '{') {
        return false;
    }
    p = skip_blank(p + 1, end);
    if (p != end && *p == '}') {
        return skip_blank(p + 1, end) == end;
    }
    while (p != end && *p == '"') {
        const char* const close = plain_string_end(p + 1, end);
        if (close == nullptr) {
            return false;
        }
        FlatMember& member = members.emplace_back();
        member.key = std::string_view(p + 1, static_cast<std::size_t>(close - p - 1));
        p = skip_blank(close + 1, end);
        if (p == end || *p != ':' || (p = skip_blank(p + 1, end)) == end ||
            (p = read_value(p, end, member.value)) == nullptr) {
            return false;
        }
        p = skip_blank(p, end);
        if (p != end && *p == '}') {
            return skip_blank(p + 1, end) == end;
        }
        if (p == end || *p != ',') {
            return false;
        }
        p = skip_blank(p + 1, end);
    }
    return false;
}

/// The JSON number grammar (RFC 8259): simdjson checks it only when converting, and the
/// conversion here is the field table's, from the token's text.
bool is_json_number(std::string_view t) {
    const char* const end = t.data() + t.size();
    return !t.empty() && number_end(t.data(), end) == end;
}

}  // namespace lmsstage::doors
