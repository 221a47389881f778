// The quick reading of a flat JSON record (doors/flat_json): what it reads, and that it declines
// every record it does not fully understand, which the full parser then reads (its agreement with
// that parser is in tests/cli/test_record_reader.cpp). JSON syntax: RFC 8259.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "doors/flat_json.hpp"

using lmsstage::doors::FlatMember;
using lmsstage::doors::is_json_number;
using lmsstage::doors::JsonValue;
using lmsstage::doors::read_flat_object;
using Type = JsonValue::Type;

namespace {

/// read_flat_object on `text` followed by 16 bytes of `after` (the padding it may read); the
/// members point into `buffer`.
bool flat(std::string_view text, std::vector<FlatMember>& members, std::string& buffer, char after = '"') {
    buffer.assign(text);
    buffer.append(16, after);
    return read_flat_object(std::string_view(buffer.data(), text.size()), members);
}

bool flat(std::string_view text) {
    std::vector<FlatMember> members;
    std::string buffer;
    return flat(text, members, buffer);
}

}  // namespace

TEST_CASE("flat JSON: each member's key, type, text and token, in order", "[flat_json]") {
    std::vector<FlatMember> m;
    std::string b;
    REQUIRE(flat(R"({"id":"a-1","size":5.5,"nodes":true,"grade":null,"depth":"deep","m":false,"n":-0})", m, b));
    REQUIRE(m.size() == 7);
    CHECK(m[0].key == "id");
    CHECK(m[0].value.type == Type::string);
    CHECK(m[0].value.text == "a-1");
    CHECK(m[0].value.raw == "\"a-1\"");
    CHECK(m[1].key == "size");
    CHECK(m[1].value.type == Type::number);
    CHECK(m[1].value.text == "5.5");
    CHECK(m[1].value.raw == "5.5");
    CHECK(m[2].value.type == Type::boolean);
    CHECK(m[2].value.boolean);
    CHECK(m[2].value.raw == "true");
    CHECK(m[3].value.type == Type::null);
    CHECK(m[3].value.raw == "null");
    CHECK(m[4].value.text == "deep");
    CHECK(m[5].value.type == Type::boolean);
    CHECK_FALSE(m[5].value.boolean);
    CHECK(m[6].value.text == "-0");
}

TEST_CASE("flat JSON: blank space (space, tab, CR, LF) around every token", "[flat_json]") {
    std::vector<FlatMember> m;
    std::string b;
    REQUIRE(flat(" \t{ \"size\" :\r\n6 , \"grade\"\t:\t\"3\" }\r\n", m, b));
    REQUIRE(m.size() == 2);
    CHECK(m[0].value.raw == "6");
    CHECK(m[1].value.raw == "\"3\"");
    CHECK(flat("{}"));
    CHECK(flat(" { } "));
}

TEST_CASE("flat JSON: empty keys and strings, and every printable ASCII byte in a string", "[flat_json]") {
    std::string printable;
    for (char c = 0x20; c < 0x7F; ++c) {
        if (c != '"' && c != '\\') {
            printable += c;
        }
    }
    std::vector<FlatMember> m;
    std::string b;
    REQUIRE(flat("{\"\":\"\",\"k\":\"" + printable + "\"}", m, b));
    REQUIRE(m.size() == 2);
    CHECK(m[0].key.empty());
    CHECK(m[0].value.text.empty());
    CHECK(m[1].value.text == printable);
    // Strings longer than the sixteen bytes read at a time, closed at each place in the last sixteen.
    for (std::size_t n = 0; n < 40; ++n) {
        const std::string text(n, 'x');
        REQUIRE(flat("{\"" + text + "\":\"" + text + "\"}", m, b));
        CHECK(m[0].key.size() == n);
        CHECK(m[0].value.text == text);
    }
}

TEST_CASE("flat JSON declines what the full parser must read: escapes and bytes outside printable ASCII",
          "[flat_json]") {
    CHECK_FALSE(flat(R"({"id":"a\"b"})"));
    CHECK_FALSE(flat(R"({"id":"a\u0062"})"));
    CHECK_FALSE(flat(R"({"i\u0064":1})"));
    CHECK_FALSE(flat("{\"id\":\"caf\xC3\xA9\"}"));  // valid UTF-8, but not ASCII
    CHECK_FALSE(flat("{\"id\":\"\xFF\"}"));
    CHECK_FALSE(flat("{\"id\":\"a\x7F\"}"));  // DEL: valid JSON, left to the full parser
    CHECK_FALSE(flat(std::string("{\"id\":\"a\0b\"}", 10)));
    CHECK_FALSE(flat("{\"id\":\"a\tb\"}"));  // a raw control character is invalid JSON
    CHECK_FALSE(flat("{\"id\":\"a\nb\"}"));
    // Long strings: the fault in a later sixteen-byte chunk.
    CHECK_FALSE(flat("{\"id\":\"" + std::string(20, 'a') + "\\n\"}"));
    CHECK_FALSE(flat("{\"id\":\"" + std::string(33, 'a') + "\xC3\xA9\"}"));
}

TEST_CASE("flat JSON declines objects and arrays as values, and records that are not objects", "[flat_json]") {
    CHECK_FALSE(flat(R"({"size":{}})"));
    CHECK_FALSE(flat(R"({"size":[6]})"));
    CHECK_FALSE(flat(R"([{"size":6}])"));
    CHECK_FALSE(flat(R"("size")"));
    CHECK_FALSE(flat("6"));
    CHECK_FALSE(flat(""));
    CHECK_FALSE(flat("   "));
}

TEST_CASE("flat JSON declines every syntax fault", "[flat_json]") {
    for (const char* bad : {R"({"size":6,})",
                            R"({"size":6)",
                            R"({"size" 6})",
                            R"({"size":})",
                            R"({"size":6 "grade":3})",
                            R"({size:6})",
                            R"({'size':6})",
                            R"({"size":6}})",
                            R"({"size":6} x)",
                            R"({"size":6}{})",
                            R"({"size)",
                            R"({"size":"6)",
                            R"({,})",
                            R"({"size"::6})",
                            R"({"a":1,,"b":2})",
                            "{",
                            R"({"size":tru})",
                            R"({"size":truee})",
                            R"({"size":nul})",
                            R"({"size":True})",
                            R"({"size":falsey})",
                            R"({"size":nan})"}) {
        INFO(bad);
        CHECK_FALSE(flat(bad));
    }
}

TEST_CASE("flat JSON declines a string closed only in the padding after the record", "[flat_json]") {
    std::vector<FlatMember> m;
    std::string b;
    CHECK_FALSE(flat(R"({"id":"abc)", m, b, '"'));
    CHECK_FALSE(flat(R"({"id)", m, b, '"'));
    CHECK_FALSE(flat("{\"id\":\"" + std::string(15, 'a'), m, b, '"'));
}

TEST_CASE("flat JSON reads numbers by the JSON grammar and declines the rest", "[flat_json]") {
    for (const char* good : {"0", "-0", "6", "55", "5.5", "0.5", "-3", "1e2", "1E+2", "2.5e-3", "1e400", "-0.0e0"}) {
        INFO(good);
        CHECK(is_json_number(good));
        std::vector<FlatMember> m;
        std::string b;
        REQUIRE(flat(std::string("{\"size\":") + good + "}", m, b));
        CHECK(m[0].value.type == Type::number);
        CHECK(m[0].value.text == good);
    }
    // RFC 8259 section 6: no leading zeros, no plus sign, digits on both sides of the point, digits
    // in the exponent; no NaN or infinity.
    for (const char* bad : {"01", "-01", "+1", ".5", "5.", "-", "1e", "1e+", "1.e2", "0x1F", "1_000", "Infinity",
                            "-Infinity", "--1", "1-", "5.5.5", ""}) {
        INFO(bad);
        CHECK_FALSE(is_json_number(bad));
        if (std::string_view(bad).empty()) {
            continue;
        }
        CHECK_FALSE(flat(std::string("{\"size\":") + bad + "}"));
    }
}
