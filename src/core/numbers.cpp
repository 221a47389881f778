// Numbers read exactly as written (see numbers.hpp).
#include "core/numbers.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#if !defined(__cpp_lib_to_chars)  // no floating-point from_chars: parse_number's fallback
#include <cerrno>
#include <cstdlib>
#endif

namespace lmsstage::detail {
namespace {

#if !defined(__cpp_lib_to_chars)
/// What std::from_chars(first, last, value) does, for a standard library without floating-point
/// from_chars (Emscripten 3.1's libc++), by strtod: no leading space or '+', no hexadecimal, and
/// out of range only when the value overflows to infinity or underflows to zero. The web build's
/// tests compare its results byte for byte with the native program's.
std::from_chars_result from_chars_fallback(const char* first, const char* last, double& value) {
    const char* p = first;
    if (p != last && *p == '-') {
        ++p;
    }
    if (p == last ||
        !(std::isdigit(static_cast<unsigned char>(*p)) != 0 || *p == '.' ||
          std::tolower(static_cast<unsigned char>(*p)) == 'i' || std::tolower(static_cast<unsigned char>(*p)) == 'n')) {
        return {first, std::errc::invalid_argument};
    }
    std::string text(first, last);
    const auto digits = static_cast<std::size_t>(p - first);
    if (text.size() > digits + 1 && text[digits] == '0' && (text[digits + 1] == 'x' || text[digits + 1] == 'X')) {
        text.resize(digits + 1);  // from_chars reads "0x10" as 0 followed by other text
    }
    errno = 0;
    char* end = nullptr;
    const double parsed = std::strtod(text.c_str(), &end);
    if (end == text.c_str()) {
        return {first, std::errc::invalid_argument};
    }
    const char* stop = first + (end - text.c_str());
    if (errno == ERANGE && (std::isinf(parsed) || parsed == 0.0)) {
        return {stop, std::errc::result_out_of_range};
    }
    value = parsed;
    return {stop, std::errc{}};
}
#endif

/// sign(digits / 10^k - value), for exact `digits` and `power` = 10^k (k >= 0): fma rounds once,
/// and never a non-zero difference to zero, so the sign is exact.
std::int8_t fraction_residue(double value, double power, double digits) noexcept {
    const double difference = std::fma(value, power, -digits);  // value*10^k - digits
    return static_cast<std::int8_t>(difference > 0.0 ? -1 : (difference < 0.0 ? 1 : 0));
}

/// Decimal exponents beyond this are out of any double's range.
constexpr long long k_max_power = 100000;

/// A positive decimal as DIGITS x 10^exponent: no leading or trailing zeros in the digits.
struct Decimal {
    std::string digits;
    long long exponent = 0;
};

/// "5.5", "55", "5.0e-1" (a text std::from_chars took as a positive number) as a Decimal.
std::optional<Decimal> to_decimal(std::string_view text) {
    Decimal d;
    long long fraction_digits = 0;
    bool after_point = false;
    std::size_t i = 0;
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        if (text[i] == '.') {
            after_point = true;
        } else if (text[i] >= '0' && text[i] <= '9') {
            d.digits += text[i];
            fraction_digits += after_point ? 1 : 0;
        } else {
            return std::nullopt;
        }
    }
    long long power = 0;
    if (i < text.size()) {
        const std::string_view exp = text.substr(i + 1 + ((i + 1 < text.size() && text[i + 1] == '+') ? 1U : 0U));
        auto [end, ec] = std::from_chars(exp.data(), exp.data() + exp.size(), power);
        if (ec != std::errc{} || end != exp.data() + exp.size() || power > k_max_power || power < -k_max_power) {
            return std::nullopt;
        }
    }
    const std::size_t first = d.digits.find_first_not_of('0');
    const std::size_t last = d.digits.find_last_not_of('0');
    if (first == std::string::npos) {
        return std::nullopt;  // zero: not a positive length
    }
    d.exponent = power - fraction_digits + static_cast<long long>(d.digits.size() - 1 - last);
    d.digits = d.digits.substr(first, last - first + 1);
    return d;
}

int compare(const Decimal& a, const Decimal& b) {
    const auto magnitude = [](const Decimal& d) { return d.exponent + static_cast<long long>(d.digits.size()); };
    if (magnitude(a) != magnitude(b)) {
        return magnitude(a) < magnitude(b) ? -1 : 1;
    }
    const int c = a.digits.compare(b.digits);  // same magnitude: a shorter prefix is the smaller
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

/// sign(decimal - value), where `value` is the double nearest to the decimal.
std::int8_t residue_of(const Decimal& d, double value) {
    constexpr double k_exact_limit = 9007199254740992.0;  // 2^53: integers below it are exact
    if (d.digits.size() <= 15 && d.exponent >= -22 && d.exponent <= 22) {
        double digits = 0.0;
        for (const char c : d.digits) {
            digits = digits * 10.0 + (c - '0');  // exact: fewer than 16 digits
        }
        double power = 1.0;
        for (long long k = 0; k < (d.exponent < 0 ? -d.exponent : d.exponent); ++k) {
            power *= 10.0;  // exact up to 10^22
        }
        if (d.exponent < 0) {
            return fraction_residue(value, power, digits);
        }
        if (digits * power < k_exact_limit) {
            const double whole = digits * power;
            return static_cast<std::int8_t>(whole > value ? 1 : (whole < value ? -1 : 0));
        }
    }
    // A long decimal: compare with every digit of the double (at most 767 significant digits).
    std::array<char, 1024> buffer{};
#if defined(__cpp_lib_to_chars)
    auto [end, ec] =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::scientific, 800);
    const auto exact = ec == std::errc{} ? to_decimal(std::string_view(buffer.data(), end)) : std::nullopt;
#else
    // No floating-point to_chars (Emscripten 3.1's libc++): printf's %e gives the same exact digits.
    const int written = std::snprintf(buffer.data(), buffer.size(), "%.800e", value);
    const auto exact = written > 0 && static_cast<std::size_t>(written) < buffer.size()
                           ? to_decimal(std::string_view(buffer.data(), static_cast<std::size_t>(written)))
                           : std::nullopt;
#endif
    return exact ? static_cast<std::int8_t>(compare(d, *exact)) : std::int8_t{0};
}

}  // namespace

/// A number that fills the whole text: std::from_chars, so "nan" and "inf" parse and are then
/// rejected as not finite; "1e400" is out of range.
NumberStatus parse_number(std::string_view text, double& out) {
    if (text.empty()) {
        return NumberStatus::not_a_number;
    }
    const char* first = text.data();
    const char* last = text.data() + text.size();
#if defined(__cpp_lib_to_chars)
    auto [end, ec] = std::from_chars(first, last, out);
#else
    auto [end, ec] = from_chars_fallback(first, last, out);
#endif
    if (ec == std::errc::result_out_of_range) {
        return NumberStatus::out_of_range;
    }
    if (ec != std::errc{} || end != last) {
        return NumberStatus::not_a_number;
    }
    if (!std::isfinite(out)) {
        return NumberStatus::not_finite;
    }
    if (out == 0.0) {
        out = 0.0;  // -0 is 0: no "-0" in texts
    }
    return NumberStatus::ok;
}

/// sign(decimal `text` - `value`), where `value` is the double nearest to it. A plain decimal of
/// at most 15 digits, the usual size, is read without building a Decimal.
std::int8_t residue_of(std::string_view text, double value) {
    double digits = 0.0;
    int count = 0;
    int fraction = -1;  // digits after the point; -1: no point yet
    for (const char c : text) {
        if (c == '.' && fraction < 0) {
            fraction = 0;
        } else if (c >= '0' && c <= '9' && count < 15 && fraction < 22) {
            digits = digits * 10.0 + (c - '0');  // exact: fewer than 16 digits
            count += (count > 0 || c != '0') ? 1 : 0;
            fraction += fraction >= 0 ? 1 : 0;
        } else {
            const auto decimal = to_decimal(text);  // an exponent, or more digits
            return decimal ? residue_of(*decimal, value) : std::int8_t{0};
        }
    }
    if (fraction <= 0) {
        return static_cast<std::int8_t>(digits > value ? 1 : (digits < value ? -1 : 0));
    }
    double power = 1.0;
    for (int k = 0; k < fraction; ++k) {
        power *= 10.0;  // exact: at most 10^15
    }
    return fraction_residue(value, power, digits);
}

bool read_plain_decimal(std::string_view text, double& value, std::int8_t& residue) noexcept {
    constexpr std::size_t k_max_digits = 15;  // below 2^53: the digits are an exact double
    std::uint64_t digits = 0;
    std::size_t count = 0;
    std::size_t point = text.size();  // where the point is; the size: none
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9' && count < k_max_digits) {
            digits = digits * 10U + static_cast<unsigned>(c - '0');
            ++count;
        } else if (c == '.' && point == text.size() && i > 0 && i + 1 < text.size()) {
            point = i;
        } else {
            return false;
        }
    }
    if (count == 0) {
        return false;
    }
    const auto fraction = static_cast<int>(point == text.size() ? 0 : text.size() - point - 1);
    double power = 1.0;
    for (int k = 0; k < fraction; ++k) {
        power *= 10.0;  // exact: at most 10^14
    }
    // Both operands are exact, so the one rounding of the division gives the nearest double, as
    // from_chars does (Clinger's fast path).
    const auto exact_digits = static_cast<double>(digits);
    value = exact_digits / power;
    residue = fraction_residue(value, power, exact_digits);  // 0 for a whole number (power 1)
    return true;
}

}  // namespace lmsstage::detail
