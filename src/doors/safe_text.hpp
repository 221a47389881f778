#pragma once
// Text that came from outside (file names, values from records, option values) made safe to show:
// valid UTF-8 for JSON, and one line with no terminal control codes for stderr and check output.

#include <functional>
#include <string>
#include <string_view>

namespace lmsstage::doors {

/// True when `text` is valid UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view text) noexcept;

/// `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

/// `text` as one printable line: valid UTF-8, control characters (C0, DEL, C1) written as
/// \n, \r, \t or \xNN, and the invisible Unicode format characters that can reorder or hide what
/// is shown (general category Cf: U+200B..U+200F, U+202A..U+202E, U+2066..U+2069, U+FEFF, ...) and
/// the line and paragraph separators U+2028, U+2029 written as \uXXXX (\UXXXXXXXX past U+FFFF), so
/// that input can neither break a line, nor send a terminal escape sequence, nor turn text around.
std::string printable(std::string_view text);

/// How many bytes of one value an echo repeats.
inline constexpr std::size_t k_echo_bytes = 64;

/// A value that came from outside, to be repeated in a message: printable(), and bounded to
/// k_echo_bytes of the value (cut on a character boundary, then "... (N bytes)"). Every message
/// that repeats what was typed or read repeats it through this.
std::string echo(std::string_view text);

/// The items of a list as one phrase, `separator` between them ("a, b, c"); `name` gives an
/// item's text.
template <class Items, class Name = std::identity>
std::string joined(const Items& items, std::string_view separator = ", ", Name name = {}) {
    std::string out;
    bool first = true;
    for (const auto& item : items) {
        out.append(first ? std::string_view() : separator).append(std::string_view(std::invoke(name, item)));
        first = false;
    }
    return out;
}

}  // namespace lmsstage::doors
