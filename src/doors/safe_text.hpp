#pragma once
// Text that came from outside (file names, values from records, option values) made safe to show:
// valid UTF-8 for JSON, and one line with no terminal control codes for stderr and check output.

#include <string>
#include <string_view>

namespace lmsstage::doors {

/// True when `text` is valid UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view text) noexcept;

/// `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

/// `text` as one printable line: valid UTF-8, and control characters (C0, DEL, C1) written as
/// \n, \r, \t or \xNN, so that input can neither break a line nor send a terminal escape sequence.
std::string printable(std::string_view text);

}  // namespace lmsstage::doors
