#include "doors/safe_text.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

namespace lmsstage::doors {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

/// The length of the valid UTF-8 sequence at the start of `text` (no overlongs, no surrogates,
/// nothing past U+10FFFF), or 0 when it does not start with one.
std::size_t sequence_length(std::string_view text) noexcept {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80U) {
        return 1;
    }
    std::size_t length = 0;
    unsigned char low = 0x80U;
    unsigned char high = 0xBFU;  // the valid range of the second byte
    if (lead >= 0xC2U && lead <= 0xDFU) {
        length = 2;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
        length = 3;
        low = lead == 0xE0U ? 0xA0U : 0x80U;
        high = lead == 0xEDU ? 0x9FU : 0xBFU;
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
        length = 4;
        low = lead == 0xF0U ? 0x90U : 0x80U;
        high = lead == 0xF4U ? 0x8FU : 0xBFU;
    } else {
        return 0;
    }
    if (text.size() < length || byte(1) < low || byte(1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if ((byte(i) & 0xC0U) != 0x80U) {
            return 0;
        }
    }
    return length;
}

/// The code point of the valid `length`-byte UTF-8 sequence at the start of `text`.
char32_t code_point(std::string_view text, std::size_t length) noexcept {
    const auto byte = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[i])); };
    if (length == 1) {
        return byte(0);
    }
    char32_t value = byte(0) & (0x7FU >> length);
    for (std::size_t i = 1; i < length; ++i) {
        value = (value << 6U) | (byte(i) & 0x3FU);
    }
    return value;
}

/// Unicode 15 general category Cf (format), and Zl/Zp (U+2028, U+2029): invisible characters that
/// reorder (bidirectional controls), hide (zero-width) or break what a terminal or editor shows.
bool is_format_character(char32_t c) noexcept {
    struct Range {
        char32_t first, last;
    };
    static constexpr Range k_ranges[] = {
        {0x00AD, 0x00AD},   {0x0600, 0x0605},   {0x061C, 0x061C},   {0x06DD, 0x06DD},   {0x070F, 0x070F},
        {0x0890, 0x0891},   {0x08E2, 0x08E2},   {0x180E, 0x180E},   {0x200B, 0x200F},   {0x2028, 0x202E},
        {0x2060, 0x2064},   {0x2066, 0x206F},   {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0x110BD, 0x110BD},
        {0x110CD, 0x110CD}, {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001},
        {0xE0020, 0xE007F},
    };
    for (const Range& r : k_ranges) {
        if (c >= r.first && c <= r.last) {
            return true;
        }
    }
    return false;
}

void append_code_point_escape(std::string& out, char32_t value) {
    static constexpr std::array<char, 16> k_hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                   '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    const int digits = value > 0xFFFFU ? 8 : 4;
    out += digits == 8 ? "\\U" : "\\u";
    for (int i = digits - 1; i >= 0; --i) {
        out += k_hex[(value >> (4U * static_cast<unsigned>(i))) & 0xFU];
    }
}

void append_hex_escape(std::string& out, unsigned value, bool wide) {
    static constexpr std::array<char, 16> k_hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                   '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    out += wide ? "\\u00" : "\\x";
    out += k_hex[(value >> 4U) & 0xFU];
    out += k_hex[value & 0xFU];
}

}  // namespace

bool is_valid_utf8(std::string_view text) noexcept {
    // ASCII, most text, eight bytes at a time without a branch a byte; from the first word with
    // another byte on, sequence by sequence.
    std::size_t ascii = 0;
    for (; ascii + 8 <= text.size(); ascii += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + ascii, sizeof word);
        if ((word & 0x8080808080808080ULL) != 0) {
            break;
        }
    }
    text.remove_prefix(ascii);
    while (!text.empty()) {
        const std::size_t length = sequence_length(text);
        if (length == 0) {
            return false;
        }
        text.remove_prefix(length);
    }
    return true;
}

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const std::size_t length = sequence_length(text);
        if (length == 0) {
            out += k_replacement;
            text.remove_prefix(1);
        } else {
            out += text.substr(0, length);
            text.remove_prefix(length);
        }
    }
    return out;
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const std::size_t length = sequence_length(text);
        const auto lead = static_cast<unsigned char>(text[0]);
        if (length == 0) {
            out += k_replacement;
        } else if (lead == '\n' || lead == '\r' || lead == '\t') {
            out += lead == '\n' ? "\\n" : (lead == '\r' ? "\\r" : "\\t");
        } else if (lead < 0x20U || lead == 0x7FU) {
            append_hex_escape(out, lead, false);
        } else if (lead == 0xC2U && static_cast<unsigned char>(text[1]) < 0xA0U) {
            append_hex_escape(out, static_cast<unsigned char>(text[1]), true);  // C1 control, U+0080-U+009F
        } else if (length > 1 && is_format_character(code_point(text, length))) {
            append_code_point_escape(out, code_point(text, length));
        } else {
            out += text.substr(0, length);
        }
        text.remove_prefix(length == 0 ? 1 : length);
    }
    return out;
}

std::string echo(std::string_view text) {
    if (text.size() <= k_echo_bytes) {
        return printable(text);
    }
    std::size_t cut = k_echo_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
        --cut;  // do not split a character
    }
    return printable(text.substr(0, cut)) + "... (" + std::to_string(text.size()) + " bytes)";
}

}  // namespace lmsstage::doors
