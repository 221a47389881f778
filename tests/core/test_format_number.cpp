// The numbers in result texts read back as the value entered: format_number's fast path for
// values with at most two decimals must print exactly what std::to_chars (shortest form) prints.
#include <array>
#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <string>

#include "core/detail.hpp"

namespace {

std::string shortest(double value) {
    std::array<char, 64> buffer{};
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    REQUIRE(ec == std::errc{});
    return std::string(buffer.data(), end);
}

}  // namespace

TEST_CASE("format_number prints the shortest round-trip form of hundredths", "[format]") {
    for (long long n = 0; n <= 100000; ++n) {
        const double value = static_cast<double>(n) / 100.0;
        INFO("value " << n << "/100");
        REQUIRE(lmsstage::detail::format_number(value) == shortest(value));
    }
}

TEST_CASE("format_number prints awkward values as to_chars does", "[format]") {
    for (double value : {5.01, 4.99, 0.1, 0.3, 1e-7, 123456789.125, 1e15, 2.5e-300, -0.0, -3.0, 49.9, 50.1,
                         std::nextafter(5.0, 6.0), std::nextafter(5.0, 4.0), 0.07, 1.005}) {
        INFO("value " << value);
        CHECK(lmsstage::detail::format_number(value) == shortest(value));
    }
}
