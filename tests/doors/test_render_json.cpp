// The JSON result writer's strings: every text reads back as it was (RFC 8259 section 7: '"', '\\'
// and the control characters U+0000-U+001F escaped, everything else as it is), whatever its length
// and wherever the byte that needs escaping stands (the writer checks sixteen bytes at a time).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "doors/render_json.hpp"
#include "lmsstage/result.hpp"

namespace {

/// The assumptions of a result holding `text`, written as JSON and read back.
std::string read_back(const std::string& text) {
    lmsstage::Result result;
    result.assumptions.push_back(text);
    result.notes.push_back("plain " + text);
    std::string out;
    lmsstage::doors::append_result_json(out, result, "7");
    const nlohmann::json record = nlohmann::json::parse(out);
    CHECK(record.at("id") == 7);
    CHECK(record.at("notes").at(0) == "plain " + text);
    return record.at("assumptions").at(0).get<std::string>();
}

}  // namespace

TEST_CASE("json: a text reads back as it was, whatever its length and wherever a byte to escape stands",
          "[render_json]") {
    for (const std::string_view special : {"\"", "\\", "\n", "\r", "\t", "\x01", "\x1f", "\xC3\xA9"}) {
        for (std::size_t length = 1; length <= 40; ++length) {
            for (std::size_t at = 0; at <= length; ++at) {
                const std::string text = std::string(at, 'a') + std::string(special) + std::string(length - at, 'b');
                INFO("byte " << static_cast<int>(static_cast<unsigned char>(special[0])) << " at " << at << " of "
                             << length);
                CHECK(read_back(text) == text);
            }
        }
    }
    for (std::size_t length = 0; length <= 40; ++length) {
        const std::string plain(length, 'p');
        CHECK(read_back(plain) == plain);
    }
}
