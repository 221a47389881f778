// How batch frames records (cli/record_stream): NDJSON, where every non-blank line is exactly one
// record, and JSON texts (arrays, pretty-printed objects, several values), read value by value,
// where a fault between records stops reading with a line saying where. Each defect of issue 9
// about framing has its test here, named after it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/app.hpp"
#include "cli/record_stream.hpp"
#include "support/cli_test_support.hpp"

using lmsstage::cli::Environment;
namespace exit_code = lmsstage::cli::exit_code;
using json = nlohmann::json;

using namespace lmsstage_door_test;

namespace {

/// A batch run with its output lines parsed as JSON.
struct BatchRun : Run {
    std::vector<json> records;
};

BatchRun batch(const std::string& input) {
    BatchRun r;
    static_cast<Run&>(r) = run_cli({"batch"}, input);
    for (const std::string& line : lines_of(r.out)) {
        r.records.push_back(json::parse(line));  // throws (and fails the test) on a line that is not JSON
    }
    return r;
}

std::string message_of(const json& record) { return record.at("error").at("message").get<std::string>(); }

const std::string k_good = R"({"size": 6, "grade": 3})";
const std::string k_array_a = R"([{"id": "a1", "size": 6, "grade": 3}, {"id": "a2", "size": 2, "grade": 1}])";
const std::string k_array_b = R"([{"id": "b1", "size": 6, "grade": 2}, {"id": "b2", "size": -2, "grade": 1}])";

}  // namespace

// ---------------------------------------------------------------------------------------------
// Several JSON values: every value read gives its line

TEST_CASE("framing - two JSON arrays one after the other give all four records", "[framing][issue9]") {
    // `cat a.json b.json | lmsstage batch`: 2 lines for 4 records, and the bad one never reported.
    const BatchRun r = batch(k_array_a + k_array_b);
    REQUIRE(r.records.size() == 4);
    CHECK(r.records[0].at("id") == "a1");
    CHECK(r.records[1].at("id") == "a2");
    CHECK(r.records[2].at("id") == "b1");
    CHECK(r.records[3].at("id") == "b2");
    CHECK(r.records[3].at("ok") == false);
    CHECK(r.records[3].at("index") == 1);
    CHECK(r.code == exit_code::data);
    CHECK(r.err == "staged 4 records: 3 ok, 1 error\n");
}

TEST_CASE("framing - two arrays on separate lines, as jq . writes them", "[framing]") {
    const BatchRun r = batch(k_array_a + "\n" + k_array_b + "\n");
    REQUIRE(r.records.size() == 4);
    CHECK(r.records[3].at("line") == 2);
}

TEST_CASE("framing - jq . output of several objects gives one record each, at its first line", "[framing]") {
    const std::string input =
        "{\n  \"id\": 1,\n  \"size\": 6,\n  \"grade\": 3\n}\n{\n  \"id\": 2,\n  \"size\": -6\n}\n";
    const BatchRun r = batch(input);
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[0].at("ok") == true);
    CHECK(r.records[1].at("id") == 2);
    CHECK(r.records[1].at("line") == 6);
}

TEST_CASE("framing - a pretty-printed record with { at column 0 inside it stays one record", "[framing][issue9]") {
    // The nested object's '{' opens a line: it is part of the record, never the start of another.
    const std::string input = "{\n\"id\": 7,\n\"size\":\n{\"cm\": 6},\n\"grade\": 3\n}\n";
    const BatchRun r = batch(input);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].at("id") == 7);
    CHECK(r.records[0].at("error").at("field") == "size");
}

TEST_CASE("framing - a trailing comma in an array is refused, not accepted", "[framing][issue9]") {
    const BatchRun r = batch("[" + k_good + ",]");
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[0].at("ok") == true);
    CHECK(r.records[1].at("ok") == false);
    CHECK(r.records[1].at("column") == 26);
    CHECK(message_of(r.records[1]) ==
          "invalid JSON at line 1, column 26: unexpected ']': expected a record; the rest of this input was not read");
    CHECK(r.code == exit_code::data);
}

TEST_CASE("framing - a stray closing bracket between values stops reading", "[framing]") {
    const BatchRun r = batch("{\n\"size\": 6, \"grade\": 3\n}\n]\n" + k_good);
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[1].at("line") == 4);
    CHECK(r.records[1].at("column") == 1);
    CHECK(contains(message_of(r.records[1]), "unexpected ']'"));
}

TEST_CASE("framing - a bracket that closes the wrong kind stops reading at it", "[framing]") {
    const BatchRun r = batch("[" + k_good + ", {\"size\": [6}, " + k_good + "]");
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[1].at("column") == 38);
    CHECK(contains(message_of(r.records[1]), "'}' does not close the '['"));
    CHECK(contains(message_of(r.records[1]), "the rest of this input was not read"));
}

TEST_CASE("framing - a line break inside a string of a JSON text stops reading", "[framing]") {
    const BatchRun r = batch("[{\"id\": \"ab\ncd\", \"size\": 6}, " + k_good + "]");
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].at("line") == 1);
    CHECK(contains(message_of(r.records[0]), "a line ends inside a string"));
}

TEST_CASE("framing - a fault inside a record of an array is that record's error and reading goes on", "[framing]") {
    const BatchRun r = batch("[" + k_good + ", {\"size\": 6 \"grade\": 3}, {\"id\": 3, \"size\": 2, \"grade\": 1}]");
    REQUIRE(r.records.size() == 3);
    CHECK(r.records[1].at("index") == 1);
    CHECK(contains(message_of(r.records[1]), "invalid JSON"));
    CHECK(r.records[2].at("id") == 3);
    CHECK(r.records[2].at("ok") == true);
}

TEST_CASE("framing - a stop goes to stderr too, naming the input", "[framing]") {
    const BatchRun r = batch("[" + k_good + ",]");
    CHECK(r.err ==
          "lmsstage: <stdin>: invalid JSON at line 1, column 26: unexpected ']': expected a record; "
          "the rest of this input was not read\nstaged 2 records: 1 ok, 1 error\n");
}

// ---------------------------------------------------------------------------------------------
// NDJSON: every non-blank line is exactly one record

TEST_CASE("framing - a broken first line followed by an indented record: three records, three lines",
          "[framing][issue9]") {
    const BatchRun r = batch(
        "{\"id\": 1, \"size\": 6\n  {\"id\": 2, \"size\": 6, \"grade\": 3}\n{\"id\": 3, \"size\": 2, \"grade\": 1}\n");
    REQUIRE(r.records.size() == 3);
    CHECK(r.records[0].at("ok") == false);
    CHECK(r.records[0].at("line") == 1);
    CHECK(r.records[1].at("id") == 2);
    CHECK(r.records[1].at("stage") == "III");
    CHECK(r.records[2].at("id") == 3);
}

TEST_CASE("framing - NDJSON lines are never joined, whatever they hold", "[framing]") {
    const std::string input = "{\"id\": 1, \"x\": [\n]}\n{\n\"a\"\n}x\n" + k_good + "\n";
    const BatchRun r = batch("{\"id\": 0}\n" + input);  // a complete first line: NDJSON
    CHECK(r.records.size() == 7);
}

TEST_CASE("framing - a first line that is { followed by text is NDJSON", "[framing]") {
    const BatchRun r = batch("{ \"id\": 1,\n\"size\": 6}\n");
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[0].at("line") == 1);
    CHECK(r.records[1].at("line") == 2);
}

TEST_CASE("framing - a lone { with blanks and CR after it starts a JSON text", "[framing]") {
    const BatchRun r = batch("{ \t\r\n\"size\": 6,\r\n\"grade\": 3\r\n}\r\n");
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].at("stage") == "III");
}

TEST_CASE("framing - a truncated record is never given the id of another record", "[framing][issue9]") {
    const BatchRun r = batch(R"({"id":12)");
    REQUIRE(r.records.size() == 1);
    CHECK_FALSE(r.records[0].contains("id"));
    const BatchRun in_array = batch(R"([{"id": 11, "size": 6, "grade": 3}, {"id":12)");
    REQUIRE(in_array.records.size() == 2);
    CHECK(in_array.records[0].at("id") == 11);
    CHECK_FALSE(in_array.records[1].contains("id"));
}

TEST_CASE("framing - an id followed by a syntax error is not echoed", "[framing]") {
    const BatchRun r = batch(R"({"id": 12 "size": 6})"
                             "\n");
    REQUIRE(r.records.size() == 1);
    CHECK_FALSE(r.records[0].contains("id"));
}

// ---------------------------------------------------------------------------------------------
// Encodings

TEST_CASE("framing - UTF-16 input with a byte-order mark is refused with one clear line", "[framing][issue9]") {
    using namespace std::string_literals;
    const std::string utf16le = "\xFF\xFE{\0\"\0s\0i\0z\0e\0\"\0:\0 \0006\0}\0\n\0"s;
    const BatchRun r = batch(utf16le + utf16le);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].at("line") == 1);
    CHECK(contains(message_of(r.records[0]), "UTF-16 or UTF-32"));
    CHECK(contains(message_of(r.records[0]), "iconv -f UTF-16 -t UTF-8"));
    CHECK(r.code == exit_code::data);
}

TEST_CASE("framing - UTF-16 without a byte-order mark is refused too", "[framing]") {
    using namespace std::string_literals;
    const BatchRun little = batch("{\0\"\0}\0"s);
    REQUIRE(little.records.size() == 1);
    CHECK(contains(message_of(little.records[0]), "UTF-16"));
    const BatchRun big = batch("\0[\0]"s);
    REQUIRE(big.records.size() == 1);
    CHECK(contains(message_of(big.records[0]), "UTF-16"));
}

TEST_CASE("framing - a UTF-8 byte-order mark starts the columns of the first line after it", "[framing]") {
    const BatchRun r = batch("\xEF\xBB\xBF[" + k_good + ",]");
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[1].at("column") == 26);
}

// ---------------------------------------------------------------------------------------------
// split_records directly: reads in small pieces, read errors

namespace {

struct Split {
    std::vector<std::string> records;  ///< bytes, or "!" + problem
    lmsstage::cli::StreamEnd end;
};

Split split(const std::string& input, std::size_t piece, int fail_after = -1) {
    std::size_t at = 0;
    int reads = 0;
    const lmsstage::cli::ReadFn read = [&](char* buffer, std::size_t size) {
        if (fail_after >= 0 && reads++ >= fail_after) {
            return lmsstage::cli::ReadResult{0, 5};  // EIO
        }
        const std::size_t n = std::min({size, piece, input.size() - at});
        std::copy_n(input.data() + at, n, buffer);
        at += n;
        return lmsstage::cli::ReadResult{n, 0};
    };
    Split s;
    s.end = lmsstage::cli::split_records(read, [&](const lmsstage::cli::RawRecord& raw) {
        std::string shown(raw.problem.empty() ? raw.bytes : raw.problem);
        if (!raw.problem.empty()) {
            shown.insert(shown.begin(), '!');
        }
        s.records.push_back(std::move(shown));
        return true;
    });
    return s;
}

}  // namespace

TEST_CASE("framing - reads of one byte at a time frame every record the same", "[framing]") {
    const std::string ndjson = "\xEF\xBB\xBF" + k_good + "\r\n\n  \n" + k_good + "\n";
    const std::string text = "{\n  \"a\": \"}\\\"{\"\n}\n[1, {\"b\": [2]}]";
    CHECK(split(ndjson, 1).records == split(ndjson, 1 << 20).records);
    CHECK(split(ndjson, 1).records == std::vector<std::string>{k_good, k_good});
    CHECK(split(text, 1).records == split(text, 1 << 20).records);
    CHECK(split(text, 1).records == std::vector<std::string>{"{\n  \"a\": \"}\\\"{\"\n}", "1", "{\"b\": [2]}"});
}

TEST_CASE("framing - a read error ends the input and says which line", "[framing]") {
    const Split s = split(k_good + "\n" + k_good + "\n" + k_good + "\n", 30, 1);
    CHECK(s.end.kind == lmsstage::cli::StreamEnd::Kind::read_error);
    CHECK(s.end.error == 5);
    CHECK(s.end.line == 2);
    CHECK(s.records == std::vector<std::string>{k_good});  // the part line is not a record
}

TEST_CASE("framing - the consumer can stop the reading", "[framing]") {
    int seen = 0;
    std::size_t at = 0;
    const std::string input = k_good + "\n" + k_good + "\n";
    const auto end = lmsstage::cli::split_records(
        [&](char* buffer, std::size_t size) {
            const std::size_t n = std::min(size, input.size() - at);
            std::copy_n(input.data() + at, n, buffer);
            at += n;
            return lmsstage::cli::ReadResult{n, 0};
        },
        [&](const lmsstage::cli::RawRecord&) { return ++seen < 1; });
    CHECK(seen == 1);
    CHECK(end.kind == lmsstage::cli::StreamEnd::Kind::consumer_stopped);
}

TEST_CASE("framing - a NUL byte between the values of a JSON text is a record, never an endless loop", "[framing]") {
    using namespace std::string_literals;
    const BatchRun r = batch("{\n\"size\": 6, \"grade\": 3}\n\0\0 \"x\"\n"s);
    REQUIRE(r.records.size() == 3);
    CHECK(r.records[1].at("line") == 3);
    CHECK(r.records[2].at("error").at("message") == "a record must be a JSON object (a case), got a string");
}
