// copy_bytes (doors/copy_bytes.hpp), which the JSON and column writers copy their short pieces with:
// every length from 0 to 40 (each of its four ways and their edges: 0, 1-3, 4-7, 8-16, 17 and up)
// at every offset into an 8-byte alignment, against the bytes themselves; and it writes nothing
// outside the n bytes it is given.
#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <string>

#include "doors/copy_bytes.hpp"

TEST_CASE("copy_bytes: every length from 0 to 40, at every alignment, exactly those bytes", "[copy_bytes]") {
    std::string source(64, '\0');
    for (std::size_t i = 0; i < source.size(); ++i) {
        source[i] = static_cast<char>('A' + i % 26 + (i / 26) * 32 % 64);  // no two neighbours alike
    }
    for (std::size_t n = 0; n <= 40; ++n) {
        for (std::size_t from = 0; from < 8; ++from) {
            for (std::size_t to = 0; to < 8; ++to) {
                std::array<char, 64> target{};
                target.fill('#');
                lmsstage::doors::copy_bytes(target.data() + to, source.data() + from, n);
                INFO("n " << n << ", from offset " << from << ", to offset " << to);
                CHECK(std::string(target.data() + to, n) == source.substr(from, n));
                // Nothing before or after the n bytes is written.
                CHECK(std::string(target.data(), to) == std::string(to, '#'));
                CHECK(std::string(target.data() + to + n, target.size() - to - n) ==
                      std::string(target.size() - to - n, '#'));
            }
        }
    }
}
