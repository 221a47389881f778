// fuzz_size: arbitrary bytes as text -> lmsstage::doors::parse_length, the size-with-unit parser
// ("55 mm", "5.5cm", "6", "unknown").
//
// Properties: either
//  - an error that names the field `size` (its message starts "size "), with `out` untouched; or
//  - `out` set to a known length that is positive and finite, in cm or mm, and over each rule
//    boundary (2, 4, 5, 10, 15 cm) exactly when its decimal digits say so; or
//  - `out` set to "unknown", and then the text was "unknown" (any case, blanks around it).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "doors/fields.hpp"
#include "fuzz_check.hpp"
#include "lmsstage/lmsstage.hpp"

namespace {

std::string trimmed_lower(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    std::string out;
    for (const char c : text) {
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

/// For a size written as plain digits with at most one point ("5.0000000000000001 mm"): whether
/// it is over `boundary` (a whole number, in the size's own unit), decided on the digits alone.
std::optional<bool> digits_exceed(std::string_view text, long long boundary) {
    const std::string t = trimmed_lower(text);
    const std::size_t end = t.find_first_not_of("0123456789.");
    const std::string number = t.substr(0, end);
    if (number.empty() || number.find('.') != number.rfind('.') || (end != std::string::npos && t[end] == 'e')) {
        return std::nullopt;
    }
    std::string whole = number.substr(0, number.find('.'));
    const std::string fraction = number.find('.') == std::string::npos ? "" : number.substr(number.find('.') + 1);
    whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size()));
    const std::string b = std::to_string(boundary);
    if (whole.size() != b.size()) {
        return whole.size() > b.size();
    }
    if (whole != b) {
        return whole > b;
    }
    return fraction.find_first_not_of('0') != std::string::npos;
}

#define SIZE_CHECK(cond, what)                           \
    do {                                                 \
        if (!(cond)) {                                   \
            lmsstage_fuzz::print_escaped("input", text); \
            FUZZ_CHECK(false, what " (" #cond ")");      \
        }                                                \
    } while (0)

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::optional<lmsstage::Measured<lmsstage::Length>> out;
    const std::optional<lmsstage::CaseError> error = lmsstage::doors::parse_length(text, out);
    if (error) {
        SIZE_CHECK(error->field == lmsstage::Field::size, "the error names another field than size");
        const std::string message = error->message();
        SIZE_CHECK(message.rfind("size ", 0) == 0 && message.size() > 5, "the error message does not name size");
        SIZE_CHECK(!out.has_value(), "an error, and a size was set anyway");
        return 0;
    }
    SIZE_CHECK(out.has_value(), "no error, and no size set");
    if (!out->known()) {
        SIZE_CHECK(trimmed_lower(text) == "unknown", "an unknown size from text other than \"unknown\"");
        return 0;
    }
    const lmsstage::Length length = *out->value;
    // Reading converts; validating refuses. A length that is no size (0, -3, inf, nan) must be
    // refused by the core, for size, before any rule sees it.
    if (!std::isfinite(length.value) || length.value <= 0.0) {
        lmsstage::Case c;
        c.size = out;
        c.grade = lmsstage::Grade::g3;
        const std::optional<lmsstage::CaseError> invalid = lmsstage::validate(c);
        SIZE_CHECK(invalid.has_value() && invalid->field == lmsstage::Field::size,
                   "a size that is not positive and finite was not refused for size");
        return 0;
    }
    SIZE_CHECK(length.unit == lmsstage::LengthUnit::cm || length.unit == lmsstage::LengthUnit::mm,
               "a size in an unknown unit");
    // Exact: every rule boundary is decided on the decimal as written, not on its double.
    for (const long long boundary_cm : {2LL, 4LL, 5LL, 10LL, 15LL}) {
        const long long in_unit = length.unit == lmsstage::LengthUnit::mm ? boundary_cm * 10 : boundary_cm;
        if (const auto expected = digits_exceed(text, in_unit)) {
            SIZE_CHECK(length.exceeds_cm(static_cast<double>(boundary_cm)) == *expected,
                       "over a boundary differs from the decimal digits");
        }
    }
    return 0;
}
