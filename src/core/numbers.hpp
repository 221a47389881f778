#pragma once
// Internal to the core: numbers read exactly as written. Sizes are compared with the rule
// boundaries as the decimal text says, not as the nearest double does (5.0000000000000001 cm is
// over 5 cm), so a length keeps the side of its double on which the decimal lies.

#include <cstdint>
#include <string_view>

namespace lmsstage::detail {

enum class NumberStatus { ok, not_a_number, out_of_range, not_finite };

/// A number that fills the whole text, as std::from_chars reads it ("nan" and "inf" parse, and
/// are reported not finite; "1e400" is out of range). -0 reads as 0.
NumberStatus parse_number(std::string_view text, double& out);

/// sign(decimal `text` - `value`): -1, 0 or +1, where `value` is the double nearest to the
/// decimal `text` (digits, an optional point and exponent; no sign).
std::int8_t residue_of(std::string_view text, double value);

/// The usual size, read at once: a plain decimal ("6", "12.5": digits, at most one point with a
/// digit on each side, at most 15 digits, no sign, blank or exponent). Gives the double nearest to
/// it, as parse_number does, and its residue, as residue_of does; false for any other text (read
/// it with those two instead).
bool read_plain_decimal(std::string_view text, double& value, std::int8_t& residue) noexcept;

}  // namespace lmsstage::detail
