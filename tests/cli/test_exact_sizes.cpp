// Sizes are compared with the boundaries exactly as entered: a decimal that no double represents
// (5.0000000000000001) keeps which side of its nearest double it lies on (Length::residue), so
// "over 5 cm" is decided on the decimal, not on its rounding. Through parse_length, the command
// line and the staging rules.
#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>

#include "cli/app.hpp"
#include "doors/fields.hpp"
#include "lmsstage/lmsstage.hpp"

using namespace lmsstage;
using lmsstage::cli::parse_length;

namespace {

Length length_of(std::string_view text) {
    INFO("size text: " << text);
    std::optional<Measured<Length>> size;
    REQUIRE_FALSE(parse_length(text, size).has_value());
    REQUIRE(size.has_value());
    REQUIRE(size->known());
    return *size->value;
}

/// The T category lmsstage derives for `size` (AJCC 7 soft tissue unless `extra` says otherwise).
std::string t_category(const std::string& size, std::vector<std::string> extra = {"--grade", "3"}) {
    std::vector<std::string> args = {"--size", size, "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::ostringstream out;
    std::ostringstream err;
    const int code = lmsstage::cli::run(args, out, err, lmsstage::cli::Environment{});
    INFO("stderr: " << err.str());
    REQUIRE(code == 0);
    const std::string text = out.str();
    const std::size_t at = text.find("\"T\":\"");
    REQUIRE(at != std::string::npos);
    return text.substr(at + 5, text.find('"', at + 5) - at - 5);
}

}  // namespace

TEST_CASE("exact sizes - a decimal just over 5 cm is over 5 cm though its double is 5.0", "[exact_size]") {
    const Length length = length_of("5.0000000000000001");
    CHECK(length.value == 5.0);
    CHECK(length.residue == 1);
    CHECK(length.exceeds_cm(5.0));
}

TEST_CASE("exact sizes - a decimal just under 5 cm whose double is 5.0 is not over 5 cm", "[exact_size]") {
    const Length length = length_of("4.9999999999999999");
    CHECK(length.value == 5.0);
    CHECK(length.residue == -1);
    CHECK_FALSE(length.exceeds_cm(5.0));
}

TEST_CASE("exact sizes - a decimal a double holds exactly has no residue", "[exact_size]") {
    CHECK(length_of("5").residue == 0);
    CHECK(length_of("5.5").residue == 0);
    CHECK(length_of("5.000000000000000000000000").residue == 0);
    CHECK(length_of("0.5e1").residue == 0);
    CHECK(length_of("50 mm").residue == 0);
}

TEST_CASE("exact sizes - the residue of 5.1 is positive: its double is 5.0999999999999996", "[exact_size]") {
    CHECK(length_of("5.1").residue == 1);
    CHECK(length_of("0.1").residue == -1);  // 0.1000000000000000055...
}

TEST_CASE("exact sizes - decimals longer than a double's digits are compared digit by digit", "[exact_size]") {
    CHECK(length_of("5.00000000000000000000000000000000000001").exceeds_cm(5.0));
    CHECK_FALSE(length_of("4.99999999999999999999999999999999999999").exceeds_cm(5.0));
    CHECK(length_of("50000000000000001e-16").exceeds_cm(5.0));
    CHECK_FALSE(length_of("49999999999999999999e-19").exceeds_cm(5.0));
}

TEST_CASE("exact sizes - millimetres are compared exactly with 10 times the boundary", "[exact_size]") {
    CHECK(length_of("50.0000000000000000001 mm").exceeds_cm(5.0));
    CHECK_FALSE(length_of("50 mm").exceeds_cm(5.0));
    CHECK_FALSE(length_of("49.99999999999999999 mm").exceeds_cm(5.0));
}

TEST_CASE("exact sizes - the command line stages 5.0000000000000001 cm as T2", "[exact_size]") {
    CHECK(t_category("5") == "T1");
    CHECK(t_category("5.0000000000000001") == "T2");
    CHECK(t_category("4.9999999999999999") == "T1");
}

TEST_CASE("exact sizes - every boundary of every system is exact", "[exact_size]") {
    const std::vector<std::string> extremity8 = {"--edition", "8", "--site", "extremity", "--grade", "2"};
    CHECK(t_category("10", extremity8) == "T2");
    CHECK(t_category("10.000000000000000001", extremity8) == "T3");
    CHECK(t_category("15.000000000000000001", extremity8) == "T4");
    const std::vector<std::string> gist = {"--site",    "gi",      "--histology",    "gist",
                                           "--gi-site", "stomach", "--mitotic-rate", "3"};
    CHECK(t_category("2", gist) == "T1");
    CHECK(t_category("2.0000000000000000001", gist) == "T2");
    CHECK(t_category("20.0000000000000000001 mm", gist) == "T2");
}

TEST_CASE("exact sizes - over 5 cm agrees with a comparison of the digits for random decimals", "[exact_size]") {
    // Decimals 4.99...9d / 5.00...0d with 15 to 40 fraction digits: the digits decide, not doubles.
    std::mt19937_64 random(20261126);
    int wrong = 0;
    for (int i = 0; i < 2000; ++i) {
        const auto digits = static_cast<std::size_t>(15 + random() % 26);
        const bool above = random() % 2 == 0;
        const char last = static_cast<char>('1' + random() % 9);
        const std::string text =
            above ? "5." + std::string(digits - 1, '0') + last : "4." + std::string(digits - 1, '9') + last;
        wrong += length_of(text).exceeds_cm(5.0) == above ? 0 : 1;
    }
    CHECK(wrong == 0);
}

TEST_CASE("exact sizes - leading zeros after the point do not make the comparison inexact", "[exact_size]") {
    // The same decimals written with an exponent take the digit-by-digit comparison: same answer.
    CHECK(length_of("0.00000000000000000000000000050000000000000001").residue ==
          length_of("50000000000000001e-44").residue);
    CHECK(length_of("0.000000000000000000000001").residue == length_of("1e-24").residue);
    CHECK(length_of("50.000000000000000000000000000000000000000000000001 mm").exceeds_cm(5.0));
}

TEST_CASE("exact sizes - a plain decimal read at once is the same length as read by from_chars", "[exact_size]") {
    // "12.5" takes the plain-decimal path; " 12.5 " (blanks around it) takes from_chars and the
    // digit comparison. Every plain decimal of 1 to 15 digits, the point anywhere: same double,
    // same residue.
    std::mt19937_64 random(20261130);
    int different = 0;
    for (int i = 0; i < 20000; ++i) {
        const auto count = static_cast<std::size_t>(1 + random() % 15);
        std::string text;
        for (std::size_t d = 0; d < count; ++d) {
            text += static_cast<char>('0' + random() % 10);
        }
        if (count > 1 && random() % 4 != 0) {
            text.insert(1 + random() % (count - 1), 1, '.');
        }
        const Length plain = length_of(text);
        const Length general = length_of(" " + text + " ");
        const bool same =
            plain.value == general.value && plain.residue == general.residue && plain.unit == general.unit;
        if (!same) {
            UNSCOPED_INFO(text << ": " << plain.value << " (" << int(plain.residue) << ") against " << general.value
                               << " (" << int(general.residue) << ")");
        }
        different += same ? 0 : 1;
    }
    CHECK(different == 0);
}

TEST_CASE("exact sizes - 0.1 read at once lies above its double, 0.5 on it", "[exact_size]") {
    // 0.1 is 0.1000000000000000055511151231257827 as a double: the decimal is below it.
    CHECK(length_of("0.1").value == 0.1);
    CHECK(length_of("0.1").residue == -1);
    CHECK(length_of("0.5").residue == 0);
    CHECK(length_of("999999999999999").residue == 0);
}

TEST_CASE("exact sizes - an exponent may carry a sign or a capital E", "[exact_size]") {
    CHECK(length_of("5E+0").value == 5.0);
    CHECK(length_of("5E+0").residue == 0);
    CHECK(length_of("500000000000000000001E-20").exceeds_cm(5.0));  // 5.00000000000000000001
    CHECK_FALSE(length_of("0.5e+1").exceeds_cm(5.0));
}

TEST_CASE("exact sizes - a decimal an integer double holds exactly, written long, has no residue", "[exact_size]") {
    // 2^53 + 2 is a double; 20 digits with the point still equal it.
    CHECK(length_of("9007199254740994.0000").residue == 0);
    CHECK(length_of("9007199254740993").residue == 1);  // 2^53 + 1 rounds to 2^53 (even): the decimal is above it
}

TEST_CASE("exact sizes - digits beyond a double's, above and below a boundary with a larger magnitude",
          "[exact_size]") {
    CHECK(length_of("10.0000000000000000000001").exceeds_cm(10.0));
    CHECK_FALSE(length_of("9.9999999999999999999999").exceeds_cm(10.0));
    CHECK(length_of("9.9999999999999999999999").exceeds_cm(5.0));
}
