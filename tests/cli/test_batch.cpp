// lmsstage batch, run in-process: one output line per input record, in order, error objects in
// place, framing (NDJSON, arrays, pretty-printed documents, CRLF, BOM, over-long records),
// exit codes, the stderr summary, a failing output stream, the worker-thread chunking, and the
// batch line of a case being byte for byte the --json output of the same case given as flags.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <streambuf>
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

Run batch(const std::string& input) { return run_cli({"batch"}, input); }

/// Every output line parsed; fails the test when a line is not JSON.
std::vector<json> parsed_lines(const std::string& text) {
    std::vector<json> out;
    for (const std::string& line : lines_of(text)) {
        INFO("line: " << line.substr(0, 300));
        json j;
        REQUIRE_NOTHROW(j = json::parse(line));
        out.push_back(std::move(j));
    }
    return out;
}

/// The output of a run: stdout ends with a newline and every line is JSON.
std::vector<json> records_of(const Run& r) {
    INFO("stderr: " << r.err);
    if (!r.out.empty()) {
        CHECK(r.out.back() == '\n');
    }
    return parsed_lines(r.out);
}

const std::string k_good = R"({"size": 6, "grade": 3})";       // stage III
const std::string k_good_ia = R"({"size": 2, "grade": 1})";    // stage IA
const std::string k_bad_size = R"({"size": -3, "grade": 3})";  // a field error

/// A stream buffer that accepts `budget` bytes and then fails every write.
class FailingBuffer : public std::streambuf {
public:
    explicit FailingBuffer(std::size_t budget) : m_budget(budget) {}

protected:
    int_type overflow(int_type ch) override {
        if (traits_type::eq_int_type(ch, traits_type::eof())) {
            return traits_type::not_eof(ch);
        }
        if (m_budget == 0) {
            return traits_type::eof();
        }
        --m_budget;
        return ch;
    }
    std::streamsize xsputn(const char* /*s*/, std::streamsize n) override {
        const auto wanted = static_cast<std::size_t>(n);
        const std::size_t taken = std::min(wanted, m_budget);
        m_budget -= taken;
        return static_cast<std::streamsize>(taken);
    }

private:
    std::size_t m_budget;
};

/// `count` NDJSON records with ids 0..count-1; every record whose id is a multiple of `bad_every`
/// (from 3 on) has a negative size.
std::string numbered_records(int count, int bad_every) {
    std::string text;
    for (int i = 0; i < count; ++i) {
        const bool bad = i >= 3 && i % bad_every == 0;
        text +=
            R"({"id": )" + std::to_string(i) + (bad ? R"(, "size": -1, "grade": 2})" : R"(, "size": 6, "grade": 2})");
        text += '\n';
    }
    return text;
}

bool is_bad_numbered(int i, int bad_every) { return i >= 3 && i % bad_every == 0; }

}  // namespace

// ---------------------------------------------------------------------------------------------
// One line per record, in order

TEST_CASE("batch writes one line per NDJSON record in input order", "[batch][order]") {
    const Run r = batch(R"({"id": "a", "size": 6, "grade": 3})"
                        "\n"
                        R"({"id": "b", "size": 2, "grade": 1})"
                        "\n"
                        R"({"id": "c", "site": "uterus", "size": 7, "adnexa": true})"
                        "\n");
    const auto records = records_of(r);
    REQUIRE(records.size() == 3);
    CHECK(records[0].at("id") == "a");
    CHECK(records[0].at("stage") == "III");
    CHECK(records[1].at("id") == "b");
    CHECK(records[1].at("stage") == "IA");
    CHECK(records[2].at("id") == "c");
    CHECK(records[2].at("stage") == "IIA");
}

TEST_CASE("batch result lines carry ok true and no line number", "[batch][order]") {
    const auto records = records_of(batch(k_good + "\n"));
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("ok") == true);
    CHECK_FALSE(records[0].contains("line"));
    CHECK_FALSE(records[0].contains("error"));
}

TEST_CASE("batch writes nothing to stdout for empty input", "[batch][order]") {
    const Run r = batch("");
    CHECK(r.code == exit_code::ok);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "staged 0 records: 0 ok, 0 errors"));
}

TEST_CASE("batch writes nothing to stdout for input of blank lines only", "[batch][order]") {
    const Run r = batch("\n\n   \n\t\n\r\n");
    CHECK(r.code == exit_code::ok);
    CHECK(r.out.empty());
}

// ---------------------------------------------------------------------------------------------
// Error objects in place

TEST_CASE("batch puts an error object in place of a bad NDJSON record", "[batch][errors]") {
    const Run r = batch(k_good + "\n" + R"({"id": 17, "size": -3, "grade": 3})" + "\n" + k_good_ia + "\n");
    const auto records = records_of(r);
    REQUIRE(records.size() == 3);
    CHECK(records[0].at("stage") == "III");
    CHECK(records[1].at("ok") == false);
    CHECK(records[1].at("id") == 17);
    CHECK(records[1].at("line") == 2);
    CHECK(records[1].at("error").at("field") == "size");
    CHECK(contains(records[1].at("error").at("message").get<std::string>(), "-3"));
    CHECK(records[2].at("stage") == "IA");
}

TEST_CASE("batch error objects have the contract's keys in order", "[batch][errors]") {
    const Run r = batch(R"({"id": 17, "size": -3})"
                        "\n");
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].rfind(R"({"id":17,"ok":false,"line":1,"error":{"field":"size","message":)", 0) == 0);
}

TEST_CASE("batch error for unreadable JSON has a null field and no id", "[batch][errors]") {
    const auto records = records_of(batch("this is not json\n"));
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("ok") == false);
    CHECK(records[0].at("line") == 1);
    CHECK(records[0].at("error").at("field").is_null());
    CHECK_FALSE(records[0].contains("id"));
}

TEST_CASE("batch echoes the id of a record that is bad after its id", "[batch][errors]") {
    const auto records = records_of(batch(R"({"id": "x-1", "metastatis": true})"
                                          "\n"));
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("id") == "x-1");
    CHECK(records[0].at("error").at("field") == "metastatis");
}

TEST_CASE("batch echoes the id of a record with a syntax error after the id", "[batch][errors]") {
    const auto records = records_of(batch(R"({"id": 3, "size": 6,, "grade": 3})"
                                          "\n"));
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("id") == 3);
    CHECK(records[0].at("ok") == false);
}

TEST_CASE("batch echoes the id of a whole object with text after it", "[batch][errors]") {
    // README: the id "if the record was read past its id"; the object was read whole.
    const Run r = batch("{\"id\":2,\"size\":6,\"grade\":3} x\n{\"id\":2,\"size\":6,\"grade\":3}{\"id\":3}\n");
    const auto records = records_of(r);
    REQUIRE(records.size() == 2);
    for (const json& record : records) {
        CHECK(record.at("id") == 2);
        CHECK(record.at("ok") == false);
        CHECK(record.at("error").at("field").is_null());
        CHECK(contains(record.at("error").at("message").get<std::string>(), "unexpected text after the object"));
    }
    CHECK(records[0].at("line") == 1);
    CHECK(records[1].at("line") == 2);
}

TEST_CASE("batch echoes ids untouched as raw JSON text", "[batch][errors]") {
    const Run r = batch(R"({"id": 1.50e2, "size": 6, "grade": 3})"
                        "\n"
                        R"({"id": "\u00e9\n", "size": -1})"
                        "\n");
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].rfind(R"({"id":1.50e2,"ok":true,)", 0) == 0);
    CHECK(lines[1].rfind(R"({"id":"\u00e9\n","ok":false,)", 0) == 0);
}

TEST_CASE("batch error for a non-object record says so in place", "[batch][errors]") {
    const auto records = records_of(batch(k_good + "\n[1,2]\n42\n\"text\"\n" + k_good + "\n"));
    REQUIRE(records.size() == 5);
    CHECK(records[1].at("line") == 2);
    CHECK(records[2].at("line") == 3);
    CHECK(records[3].at("line") == 4);
    CHECK(records[4].at("ok") == true);
}

TEST_CASE("batch output stays valid JSON when a long bad value has multi-byte characters", "[batch][errors]") {
    std::string value;
    for (int i = 0; i < 30; ++i) {
        value += "\xC3\xA9";
    }
    const Run r = batch("{\"id\": 1, \"nodes\": \"" + value + "\"}\n");
    const auto records = records_of(r);
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("error").at("field") == "nodes");
}

TEST_CASE("batch survives 100000 nested arrays in a record", "[batch][errors]") {
    const std::string deep = "{\"id\": 1, \"size\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    const auto records = records_of(batch(deep + "\n" + k_good + "\n"));
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("id") == 1);
    CHECK(records[0].at("ok") == false);
    CHECK(records[1].at("ok") == true);
}

TEST_CASE("batch survives an array input of 100000 nested arrays", "[batch][errors]") {
    const Run r = batch(std::string(100000, '[') + std::string(100000, ']'));
    const auto records = records_of(r);
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("index") == 0);
    CHECK(r.code == exit_code::data);
}

TEST_CASE("batch reports a NUL byte in a record as that record's error", "[batch][errors]") {
    using namespace std::string_literals;
    const auto records = records_of(batch(k_good + "\n{\"size\": 6,\0 \"grade\": 3}\n"s + k_good + "\n"));
    REQUIRE(records.size() == 3);
    CHECK(records[1].at("ok") == false);
    CHECK(records[1].at("line") == 2);
    CHECK(records[2].at("ok") == true);
}

// ---------------------------------------------------------------------------------------------
// Line numbers: blank lines, CRLF, BOM, no final newline

TEST_CASE("batch skips blank lines without shifting line numbers", "[batch][lines]") {
    const Run r = batch("\n" + k_good + "\n\n   \n" + k_bad_size + "\n\t\n" + R"({"id": 9, "size": "x"})" + "\n\n");
    const auto records = records_of(r);
    REQUIRE(records.size() == 3);
    CHECK(records[0].at("ok") == true);
    CHECK(records[1].at("line") == 5);
    CHECK(records[2].at("line") == 7);
    CHECK(records[2].at("id") == 9);
}

TEST_CASE("batch reads CRLF line endings", "[batch][lines]") {
    const Run r = batch(k_good + "\r\n" + k_bad_size + "\r\n\r\n" + k_good_ia + "\r\n");
    const auto records = records_of(r);
    REQUIRE(records.size() == 3);
    CHECK(records[0].at("stage") == "III");
    CHECK(records[1].at("line") == 2);
    CHECK(records[1].at("error").at("field") == "size");
    CHECK(records[2].at("stage") == "IA");
}

TEST_CASE("batch output has LF line endings only even for CRLF input", "[batch][lines]") {
    const Run r = batch(k_good + "\r\n" + k_good + "\r\n");
    CHECK_FALSE(contains(r.out, "\r"));
}

TEST_CASE("batch skips a UTF-8 byte-order mark at the start", "[batch][lines]") {
    const Run r = batch("\xEF\xBB\xBF" + k_good + "\n" + k_bad_size + "\n");
    const auto records = records_of(r);
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("ok") == true);
    CHECK(records[0].at("stage") == "III");
    CHECK(records[1].at("line") == 2);
}

TEST_CASE("batch skips a byte-order mark before a JSON array", "[batch][lines]") {
    const auto records = records_of(batch("\xEF\xBB\xBF[" + k_good + "," + k_bad_size + "]"));
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("ok") == true);
    CHECK(records[1].at("index") == 1);
}

TEST_CASE("batch treats a byte-order mark after the start as bad data", "[batch][lines]") {
    const auto records = records_of(batch(k_good + "\n\xEF\xBB\xBF" + k_good + "\n"));
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("ok") == true);
    CHECK(records[1].at("ok") == false);
    CHECK(records[1].at("line") == 2);
}

TEST_CASE("batch reads a final record without a newline", "[batch][lines]") {
    const Run r = batch(k_good + "\n" + R"({"id": "last", "size": 2, "grade": 1})");
    const auto records = records_of(r);
    REQUIRE(records.size() == 2);
    CHECK(records[1].at("id") == "last");
    CHECK(records[1].at("stage") == "IA");
    CHECK(r.code == exit_code::ok);
}

TEST_CASE("batch reads a final bad record without a newline with its line number", "[batch][lines]") {
    const auto records = records_of(batch(k_good + "\n\n" + R"({"id": "last", "size": -2})"));
    REQUIRE(records.size() == 2);
    CHECK(records[1].at("line") == 3);
    CHECK(records[1].at("id") == "last");
}

TEST_CASE("batch reads a final CRLF-less record ending in CR", "[batch][lines]") {
    const auto records = records_of(batch(k_good + "\r\n" + k_good_ia + "\r"));
    REQUIRE(records.size() == 2);
    CHECK(records[1].at("stage") == "IA");
}

TEST_CASE("batch reports a truncated final NDJSON record in its place", "[batch][lines]") {
    const Run r = batch(k_good + "\n" + k_good_ia + "\n" + R"({"id": 3, "size": 6, "gr)");
    const auto records = records_of(r);
    REQUIRE(records.size() == 3);
    CHECK(records[0].at("stage") == "III");
    CHECK(records[1].at("stage") == "IA");
    CHECK(records[2].at("ok") == false);
    CHECK(records[2].at("line") == 3);
    CHECK(r.code == exit_code::data);
}

TEST_CASE("batch reports a lone truncated record", "[batch][lines]") {
    const Run r = batch(R"({"size": 6, "grade)");
    const auto records = records_of(r);
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("ok") == false);
    CHECK(records[0].at("line") == 1);
    CHECK(r.code == exit_code::data);
}

TEST_CASE("batch does not let a truncated first NDJSON line swallow the lines after it", "[batch][lines]") {
    // The first line is cut short (an object left open); the next lines are complete records.
    const Run r = batch(R"({"id": 1, "size": 6)"
                        "\n"
                        R"({"id": 2, "size": 6, "grade": 3})"
                        "\n"
                        R"({"id": 3, "size": 2, "grade": 1})"
                        "\n");
    const auto records = records_of(r);
    REQUIRE(records.size() == 3);
    CHECK(records[0].at("ok") == false);
    CHECK(records[1].at("id") == 2);
    CHECK(records[1].at("stage") == "III");
    CHECK(records[2].at("id") == 3);
    CHECK(records[2].at("stage") == "IA");
}

TEST_CASE("batch does not let an open string on the first NDJSON line swallow the lines after it", "[batch][lines]") {
    const Run r = batch(R"({"id": 1, "size": 6, "gr)"
                        "\n" +
                        k_good + "\n" + k_good_ia + "\n");
    const auto records = records_of(r);
    REQUIRE(records.size() == 3);
    CHECK(records[1].at("stage") == "III");
    CHECK(records[2].at("stage") == "IA");
}

TEST_CASE("batch numbers the records after a truncated first line and a blank line", "[batch][lines]") {
    const Run r = batch(R"({"id": 1, "size": 6)"
                        "\n\n"
                        R"({"id": 2, "size": -1})"
                        "\n" +
                        k_good + "\n");
    const auto records = records_of(r);
    REQUIRE(records.size() == 3);
    CHECK(records[0].at("line") == 1);
    CHECK(records[1].at("id") == 2);
    CHECK(records[1].at("line") == 3);
    CHECK(records[2].at("stage") == "III");
}

TEST_CASE("batch does not let a truncated first CRLF line swallow the lines after it", "[batch][lines]") {
    const Run r = batch(R"({"id": 1, "size": 6)"
                        "\r\n" +
                        k_good + "\r\n" + k_bad_size + "\r\n");
    const auto records = records_of(r);
    REQUIRE(records.size() == 3);
    CHECK(records[1].at("stage") == "III");
    CHECK(records[2].at("line") == 3);
}

TEST_CASE("batch does not let a truncated first line swallow the lines after it at a read boundary", "[batch][lines]") {
    // The reader takes the input in chunks of 256 KiB; put the newline that ends the broken
    // first line on and around the last byte of the first chunk.
    constexpr std::size_t k_window = std::size_t{1} << 18;
    const std::string broken = R"({"id": 1, "size": 6)";
    for (std::size_t newline_at = k_window - 3; newline_at <= k_window + 1; ++newline_at) {
        const std::size_t blank_lines = newline_at - broken.size();
        std::string input(blank_lines, '\n');
        input += broken + "\n";
        for (int i = 2; i <= 4; ++i) {
            input += R"({"id": )" + std::to_string(i) +
                     R"(, "size": 6, "grade": 3})"
                     "\n";
        }
        const Run r = batch(input);
        const auto lines = lines_of(r.out);
        INFO("newline at byte " << newline_at);
        REQUIRE(lines.size() == 4);
        const json last = json::parse(lines.back());
        CHECK(last.at("id") == 4);
        CHECK(last.at("ok") == true);
    }
}

TEST_CASE("batch reads a million blank lines and numbers the record after them", "[batch][lines]") {
    const std::string input = std::string(1000000, '\n') + R"({"id": 1, "size": -1})" + "\n";
    const auto start = std::chrono::steady_clock::now();
    const Run r = batch(input);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto records = records_of(r);
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("line") == 1000001);
    CHECK(seconds < 10.0);
}

TEST_CASE("batch reads a million CRLF blank lines between records", "[batch][lines]") {
    std::string input = k_good + "\r\n";
    for (int i = 0; i < 1000000; ++i) {
        input += "\r\n";
    }
    input += R"({"id": 2, "size": -1})"
             "\r\n";
    const auto records = records_of(batch(input));
    REQUIRE(records.size() == 2);
    CHECK(records[1].at("line") == 1000002);
}

// ---------------------------------------------------------------------------------------------
// Records over the 1 MiB limit

namespace {

/// A staged record of exactly `bytes` bytes: {"size":6,"grade":3,"id":"aaa..."}.
std::string record_of_size(std::size_t bytes) {
    const std::string head = R"({"size":6,"grade":3,"id":")";
    const std::string tail = R"("})";
    REQUIRE(bytes > head.size() + tail.size());
    return head + std::string(bytes - head.size() - tail.size(), 'a') + tail;
}

constexpr std::size_t k_mib = lmsstage::cli::k_max_record_bytes;

}  // namespace

TEST_CASE("batch limit is 1 MiB", "[batch][limit]") { CHECK(k_mib == 1048576U); }

TEST_CASE("batch gives an error record for an NDJSON line over 1 MiB and resumes at the next line", "[batch][limit]") {
    const std::string input =
        k_good + "\n" + record_of_size(k_mib + 100) + "\n" + R"({"id": "after", "size": -1})" + "\n" + k_good_ia + "\n";
    const Run r = batch(input);
    const auto records = records_of(r);
    REQUIRE(records.size() == 4);
    CHECK(records[0].at("stage") == "III");
    CHECK(records[1].at("ok") == false);
    CHECK(records[1].at("line") == 2);
    CHECK(records[1].at("error").at("field").is_null());
    CHECK(contains(records[1].at("error").at("message").get<std::string>(), "1 MiB"));
    CHECK(records[2].at("id") == "after");
    CHECK(records[2].at("line") == 3);
    CHECK(records[3].at("stage") == "IA");
    CHECK(r.code == exit_code::data);
}

TEST_CASE("batch skips a 10 MiB line as one error record", "[batch][limit]") {
    const std::string input = record_of_size(10 * k_mib) + "\n" + R"({"id": "after", "size": -1})" + "\n";
    const auto records = records_of(batch(input));
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("line") == 1);
    CHECK(records[1].at("id") == "after");
    CHECK(records[1].at("line") == 2);
}

TEST_CASE("batch accepts an NDJSON record of exactly 1 MiB", "[batch][limit]") {
    const auto records = records_of(batch(record_of_size(k_mib) + "\n" + k_good_ia + "\n"));
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("ok") == true);
    CHECK(records[1].at("stage") == "IA");
}

TEST_CASE("batch accepts a CRLF record of exactly 1 MiB before the CR", "[batch][limit]") {
    const auto records = records_of(batch(record_of_size(k_mib) + "\r\n" + k_good_ia + "\r\n"));
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("ok") == true);
}

TEST_CASE("batch rejects an NDJSON record of 1 MiB plus one byte", "[batch][limit]") {
    const auto records = records_of(batch(record_of_size(k_mib + 1) + "\n" + k_good_ia + "\n"));
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("ok") == false);
    CHECK(records[1].at("stage") == "IA");
}

TEST_CASE("batch rejects a final record of 1 MiB plus one byte without a newline", "[batch][limit]") {
    const auto records = records_of(batch(k_good + "\n" + record_of_size(k_mib + 1)));
    REQUIRE(records.size() == 2);
    CHECK(records[1].at("ok") == false);
    CHECK(records[1].at("line") == 2);
}

TEST_CASE("batch rejects a final record of several MiB without a newline", "[batch][limit]") {
    const auto records = records_of(batch(k_good + "\n" + record_of_size(3 * k_mib)));
    REQUIRE(records.size() == 2);
    CHECK(records[1].at("ok") == false);
    CHECK(records[1].at("line") == 2);
}

TEST_CASE("batch gives an error record for an array element over 1 MiB and reads on", "[batch][limit]") {
    const std::string input =
        "[" + k_good + ",\n" + record_of_size(2 * k_mib) + ",\n" + k_bad_size + "," + k_good_ia + "]";
    const auto records = records_of(batch(input));
    REQUIRE(records.size() == 4);
    CHECK(records[0].at("ok") == true);
    CHECK(records[1].at("ok") == false);
    CHECK(records[1].at("index") == 1);
    CHECK(contains(records[1].at("error").at("message").get<std::string>(), "1 MiB"));
    CHECK(records[2].at("index") == 2);
    CHECK(records[3].at("stage") == "IA");
}

// ---------------------------------------------------------------------------------------------
// Arrays and multi-line documents

TEST_CASE("batch reads a JSON array with 0-based indexes in error objects", "[batch][array]") {
    const Run r = batch("[" + k_good + ", " + R"({"id": "i1", "size": -3})" + ", " + k_good_ia + ", 42]");
    const auto records = records_of(r);
    REQUIRE(records.size() == 4);
    CHECK(records[0].at("stage") == "III");
    CHECK(records[1].at("index") == 1);
    CHECK(records[1].at("line") == 1);
    CHECK(records[1].at("id") == "i1");
    CHECK(records[2].at("stage") == "IA");
    CHECK(records[3].at("index") == 3);
    CHECK(r.code == exit_code::data);
}

TEST_CASE("batch reads a pretty-printed JSON array", "[batch][array]") {
    const std::string input = "[\n  {\n    \"size\": 6,\n    \"grade\": 3\n  },\n  {\n    \"size\": -1\n  }\n]\n";
    const auto records = records_of(batch(input));
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("stage") == "III");
    CHECK(records[1].at("index") == 1);
}

TEST_CASE("batch reads an empty JSON array as no records", "[batch][array]") {
    const Run r = batch("[]\n");
    CHECK(r.out.empty());
    CHECK(r.code == exit_code::ok);
}

TEST_CASE("batch reads an array element with brackets and braces inside strings", "[batch][array]") {
    const auto records = records_of(batch(R"([{"id": "a]},[{", "size": 6, "grade": 3}, {"id": "\"]", "size": -1}])"));
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("id") == "a]},[{");
    CHECK(records[1].at("id") == "\"]");
}

TEST_CASE("batch stops reading at an empty array slot and says where", "[batch][array]") {
    // Which record would ",," hide? The boundaries are unknowable: reading stops there.
    const Run r = batch("[" + k_good + ",," + k_good_ia + "]");
    const auto records = records_of(r);
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("ok") == true);
    CHECK(records[1].at("ok") == false);
    CHECK(records[1].at("line") == 1);
    CHECK(records[1].at("column") == 26);
    CHECK(records[1].at("error").at("message") ==
          "invalid JSON at line 1, column 26: unexpected ',': expected a record; the rest of this input was not read");
    CHECK(r.code == exit_code::data);
}

TEST_CASE("batch stops reading at a missing comma between array records", "[batch][array]") {
    const Run r = batch("[" + k_good + " " + k_good_ia + "]");
    const auto records = records_of(r);
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("ok") == true);
    CHECK(records[1].at("column") == 26);
    CHECK(contains(records[1].at("error").at("message").get<std::string>(), "expected ',' or ']' after a record"));
    CHECK(r.code == exit_code::data);
}

TEST_CASE("batch reports a truncated final array record in its place", "[batch][array]") {
    const Run r = batch("[" + k_good + ", " + R"({"id": 7, "size": 6, "gr)");
    const auto records = records_of(r);
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("ok") == true);
    CHECK(records[1].at("ok") == false);
    CHECK(records[1].at("index") == 1);
    CHECK(records[1].at("error").at("message") == "the input ends inside this record (truncated?)");
    CHECK_FALSE(records[1].contains("id"));  // the record was not read to the end of its id
    CHECK(r.code == exit_code::data);
    CHECK(contains(r.err, "<stdin>: the input ends inside this record"));
}

TEST_CASE("batch reports an array that never closes after its complete records", "[batch][array]") {
    const Run r = batch("[" + k_good + ",\n" + k_good_ia + "\n");
    const auto records = records_of(r);
    REQUIRE(records.size() == 3);
    CHECK(records[1].at("stage") == "IA");
    CHECK(records[2].at("ok") == false);
    CHECK(records[2].at("line") == 3);
    CHECK(records[2].at("column") == 1);
    CHECK(contains(records[2].at("error").at("message").get<std::string>(), "']' is missing"));
    CHECK(r.code == exit_code::data);
}

TEST_CASE("batch reads one pretty-printed multi-line object", "[batch][document]") {
    const std::string input = "{\n  \"id\": \"pp\",\n  \"size\": 6,\n  \"grade\": 3\n}\n";
    const Run r = batch(input);
    const auto records = records_of(r);
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("id") == "pp");
    CHECK(records[0].at("stage") == "III");
    CHECK(r.code == exit_code::ok);
}

TEST_CASE("batch reads several pretty-printed objects with their start lines", "[batch][document]") {
    const std::string input = "\n{\n  \"size\": 6,\n  \"grade\": 3\n}\n{\n  \"id\": 2,\n  \"size\": -1\n}\n";
    const auto records = records_of(batch(input));
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("stage") == "III");
    CHECK(records[1].at("id") == 2);
    CHECK(records[1].at("line") == 6);
}

TEST_CASE("batch reads a pretty-printed object without a final newline", "[batch][document]") {
    const auto records = records_of(batch("{\n  \"size\": 6,\n  \"grade\": 3\n}"));
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("stage") == "III");
}

TEST_CASE("batch reports a truncated pretty-printed object", "[batch][document]") {
    const Run r = batch("{\n  \"size\": 6,\n  \"grade\": 3\n");
    const auto records = records_of(r);
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("ok") == false);
    CHECK(records[0].at("line") == 1);
    CHECK(records[0].at("error").at("message") == "the input ends inside this record (truncated?)");
    CHECK(r.code == exit_code::data);
}

// ---------------------------------------------------------------------------------------------
// Exit codes, stderr summary, files

TEST_CASE("batch exits 0 when every record is staged", "[batch][exit]") {
    const Run r = batch(k_good + "\n" + k_good_ia + "\n");
    CHECK(r.code == exit_code::ok);
}

TEST_CASE("batch exits 65 when any record is bad", "[batch][exit]") {
    const Run r = batch(k_good + "\n" + k_bad_size + "\n" + k_good_ia + "\n");
    CHECK(r.code == exit_code::data);
    CHECK(lines_of(r.out).size() == 3);
}

TEST_CASE("batch exits 65 for a record that reads but cannot be staged", "[batch][exit]") {
    // Soft tissue needs a grade: a validation error from staging, not from reading.
    const auto records = records_of(batch(R"({"id": 1, "size": 6})"
                                          "\n"));
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("ok") == false);
    CHECK(records[0].at("error").at("field") == "grade");
    CHECK(batch(R"({"size": 6})"
                "\n")
              .code == exit_code::data);
}

TEST_CASE("batch writes the summary to stderr", "[batch][exit]") {
    const Run r = batch(k_good + "\n" + k_bad_size + "\n" + k_good_ia + "\nnope\n");
    CHECK(r.err == "staged 4 records: 2 ok, 2 errors\n");
}

TEST_CASE("batch summary for all good records", "[batch][exit]") {
    const Run r = batch(k_good + "\n" + k_good + "\n");
    CHECK(r.err == "staged 2 records: 2 ok, 0 errors\n");
}

TEST_CASE("batch writes no summary or other text to stdout", "[batch][exit]") {
    const Run r = batch(k_good + "\n");
    CHECK_FALSE(contains(r.out, "staged"));
}

TEST_CASE("batch exits 66 for a missing file and writes nothing to stdout", "[batch][exit][files]") {
    const TempDir dir;
    const Run r = run_cli({"batch", dir.path("missing.ndjson")});
    CHECK(r.code == exit_code::no_input);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "missing.ndjson"));
}

TEST_CASE("batch exits 66 when a later file is missing and stages none of the earlier ones", "[batch][exit][files]") {
    const TempDir dir;
    const std::string good = dir.write("good.ndjson", k_good + "\n");
    const Run r = run_cli({"batch", good, dir.path("missing.ndjson")});
    CHECK(r.code == exit_code::no_input);
    CHECK(r.out.empty());
}

TEST_CASE("batch reads several files in order and names the file in error objects", "[batch][files]") {
    const TempDir dir;
    const std::string a = dir.write("a.ndjson", k_good + "\n" + k_bad_size + "\n");
    const std::string b = dir.write("b.json", "[" + k_good_ia + "," + k_bad_size + "]");
    const Run r = run_cli({"batch", a, b});
    const auto records = records_of(r);
    REQUIRE(records.size() == 4);
    CHECK(records[0].at("stage") == "III");
    CHECK(records[1].at("line") == 2);
    CHECK(records[1].at("file") == a);
    CHECK(records[2].at("stage") == "IA");
    CHECK(records[3].at("index") == 1);
    CHECK(records[3].at("file") == b);
    CHECK(r.err == "staged 4 records: 2 ok, 2 errors\n");
}

TEST_CASE("batch reads stdin for the operand -", "[batch][files]") {
    const auto records = records_of(run_cli({"batch", "-"}, k_good + "\n"));
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("stage") == "III");
}

TEST_CASE("batch rejects a case field given as an option with exit 64", "[batch][exit]") {
    const Run r = run_cli({"batch", "--size", "6"});
    CHECK(r.code == exit_code::usage);
    CHECK(r.out.empty());
}

// ---------------------------------------------------------------------------------------------
// Output that cannot be written

namespace {

Run batch_into_failing_stream(const std::string& input, std::size_t budget) {
    std::istringstream in(input);
    FailingBuffer buffer(budget);
    std::ostream out(&buffer);
    std::ostringstream err;
    Run r;
    r.code = lmsstage::cli::run({"batch"}, in, out, err, Environment{});
    r.err = err.str();
    return r;
}

}  // namespace

TEST_CASE("batch exits 74 when the output cannot be written at all", "[batch][io]") {
    const Run r = batch_into_failing_stream(k_good + "\n", 0);
    CHECK(r.code == exit_code::io);
    CHECK(contains(r.err, "cannot write"));
}

TEST_CASE("batch exits 74 when the output fails part way through a small batch", "[batch][io]") {
    const Run r = batch_into_failing_stream(k_good + "\n" + k_good + "\n" + k_good + "\n", 100);
    CHECK(r.code == exit_code::io);
}

TEST_CASE("batch exits 74 when the output fails part way through a large batch", "[batch][io]") {
    const Run r = batch_into_failing_stream(numbered_records(5000, 7), 200000);
    CHECK(r.code == exit_code::io);
    CHECK_FALSE(contains(r.err, "staged 5000"));
}

TEST_CASE("batch exits 74 when the output fails at once for a large batch", "[batch][io]") {
    const Run r = batch_into_failing_stream(numbered_records(5000, 7), 0);
    CHECK(r.code == exit_code::io);
}

TEST_CASE("batch exits 74 for a stream without a buffer", "[batch][io]") {
    std::istringstream in(k_good + "\n");
    std::ostream out(nullptr);
    std::ostringstream err;
    CHECK(lmsstage::cli::run({"batch"}, in, out, err, Environment{}) == exit_code::io);
}

// ---------------------------------------------------------------------------------------------
// Many records: processed in chunks by worker threads, written in order

TEST_CASE("batch keeps order and count for 5000 NDJSON records with bad ones sprinkled in", "[batch][chunks]") {
    constexpr int count = 5000;
    constexpr int bad_every = 7;
    const Run r = batch(numbered_records(count, bad_every));
    const auto records = records_of(r);
    REQUIRE(records.size() == static_cast<std::size_t>(count));
    int expected_bad = 0;
    int out_of_place = 0;
    for (int i = 0; i < count; ++i) {
        const json& rec = records[static_cast<std::size_t>(i)];
        const bool bad = is_bad_numbered(i, bad_every);
        expected_bad += bad ? 1 : 0;
        const bool right = rec.at("id") == i && rec.at("ok") == !bad &&
                           (!bad || (rec.at("line") == i + 1 && rec.at("error").at("field") == "size")) &&
                           (bad || rec.at("stage") == "IIB");  // size 6, grade 2
        if (!right && ++out_of_place <= 5) {
            UNSCOPED_INFO("record " << i << ": " << rec.dump().substr(0, 200));
        }
    }
    CHECK(out_of_place == 0);
    CHECK(r.code == exit_code::data);
    CHECK(r.err == "staged 5000 records: " + std::to_string(count - expected_bad) + " ok, " +
                       std::to_string(expected_bad) + " errors\n");
}

TEST_CASE("batch keeps order for 5000 records in a JSON array", "[batch][chunks]") {
    constexpr int count = 5000;
    std::string input = "[";
    for (int i = 0; i < count; ++i) {
        input += i == 0 ? "" : ",\n";
        input += R"({"id": )" + std::to_string(i) + (i % 11 == 5 ? R"(, "size": "x"})" : R"(, "size": 2, "grade": 1})");
    }
    input += "]";
    const auto records = records_of(batch(input));
    REQUIRE(records.size() == static_cast<std::size_t>(count));
    int out_of_place = 0;
    for (int i = 0; i < count; ++i) {
        const json& rec = records[static_cast<std::size_t>(i)];
        const bool bad = i % 11 == 5;
        if (rec.at("id") != i || rec.at("ok") != !bad || (bad && rec.at("index") != i)) {
            ++out_of_place;
        }
    }
    CHECK(out_of_place == 0);
}

TEST_CASE("batch keeps order around the chunk boundaries", "[batch][chunks]") {
    for (const int count : {255, 256, 257, 511, 512, 513, 1536, 1537}) {
        const Run r = batch(numbered_records(count, 5));
        const auto lines = lines_of(r.out);
        INFO("records: " << count);
        REQUIRE(lines.size() == static_cast<std::size_t>(count));
        const json first = json::parse(lines.front());
        const json last = json::parse(lines.back());
        CHECK(first.at("id") == 0);
        CHECK(last.at("id") == count - 1);
    }
}

TEST_CASE("batch output is the same however many times it runs", "[batch][chunks]") {
    const std::string input = numbered_records(3000, 13);
    const std::string first = batch(input).out;
    for (int i = 0; i < 3; ++i) {
        CHECK(batch(input).out == first);
    }
}

TEST_CASE("batch keeps order for 5000 records where every record is bad", "[batch][chunks]") {
    std::string input;
    for (int i = 0; i < 5000; ++i) {
        input += "{\"id\": " + std::to_string(i) + ", \"metastatis\": true}\n";
    }
    const Run r = batch(input);
    const auto records = records_of(r);
    REQUIRE(records.size() == 5000U);
    int out_of_place = 0;
    for (int i = 0; i < 5000; ++i) {
        const json& rec = records[static_cast<std::size_t>(i)];
        if (rec.at("id") != i || rec.at("line") != i + 1) {
            ++out_of_place;
        }
    }
    CHECK(out_of_place == 0);
    CHECK(r.err == "staged 5000 records: 0 ok, 5000 errors\n");
}

// ---------------------------------------------------------------------------------------------
// A batch line is the --json output of the same case

namespace {

struct Equivalent {
    std::string record;              ///< the case as a JSON record
    std::vector<std::string> flags;  ///< the same case as command-line options
};

const std::vector<Equivalent>& equivalents() {
    static const std::vector<Equivalent> cases = {
        {R"({"size": 6, "grade": 3})", {"--size", "6", "--grade", "3"}},
        {R"({"size": 2, "grade": 1})", {"--size", "2", "--grade", "1"}},
        {R"({"size": 5, "grade": 2, "depth": "deep"})", {"--size", "5", "--grade", "2", "--depth", "deep"}},
        {R"({"size": 5.5, "grade": 2, "depth": "superficial"})",
         {"--size", "5.5", "--grade", "2", "--depth", "superficial"}},
        {R"({"size": "55 mm", "grade": 3})", {"--size", "55 mm", "--grade", "3"}},
        {R"({"size": "5.5cm", "grade": "X"})", {"--size", "5.5cm", "--grade", "X"}},
        {R"({"size": "unknown", "grade": 3})", {"--size", "unknown", "--grade", "3"}},
        {R"({"size": 6, "grade": 3, "nodes": true})", {"--size", "6", "--grade", "3", "--nodes"}},
        {R"({"size": 6, "grade": 3, "nodes": false, "metastasis": false})",
         {"--size", "6", "--grade", "3", "--no-nodes", "--no-metastasis"}},
        {R"({"size": 6, "grade": 2, "nodes": "unknown"})", {"--size", "6", "--grade", "2", "--nodes=unknown"}},
        {R"({"size": 3, "grade": 1, "metastasis": true})", {"--size", "3", "--grade", "1", "--metastasis"}},
        {R"({"site": "extremity", "size": 12, "grade": 3, "extension": "adjacent"})",
         {"--site", "extremity", "--size", "12", "--grade", "3", "--extension", "adjacent"}},
        {R"({"site": "retroperitoneum", "size": 20, "grade": 2, "edition": 7})",
         {"--site", "retroperitoneum", "--size", "20", "--grade", "2", "--edition", "7"}},
        {R"({"site": "uterus", "size": 7, "adnexa": true})", {"--site", "uterus", "--size", "7", "--adnexa"}},
        {R"({"site": "uterus", "size": 4})", {"--site", "uterus", "--size", "4"}},
        {R"({"site": "uterus", "size": 7, "grade": 3})", {"--site", "uterus", "--size", "7", "--grade", "3"}},
        {R"({"site": "uterus", "size": 9, "pelvic": true, "abdominal_sites": 2})",
         {"--site", "uterus", "--size", "9", "--pelvic", "--abdominal-sites", "2"}},
        {R"({"site": "uterus", "size": 9, "bladder_rectum": true, "nodes": true})",
         {"--site", "uterus", "--size", "9", "--bladder-rectum", "--nodes"}},
        {R"({"site": "uterus", "size": 9, "nodes": "unknown"})",
         {"--site", "uterus", "--size", "9", "--nodes=unknown"}},
        {R"({"site": "uterus", "histology": "ess", "size": 3})",
         {"--site", "uterus", "--histology", "ess", "--size", "3"}},
        {R"({"site": "uterus", "histology": "adenosarcoma", "size": 3, "myometrial_invasion": 50})",
         {"--site", "uterus", "--histology", "adenosarcoma", "--size", "3", "--myometrial-invasion", "50"}},
        {R"({"site": "uterus", "histology": "adenosarcoma", "myometrial_invasion": 75, "metastasis": true})",
         {"--site", "uterus", "--histology", "adenosarcoma", "--myometrial-invasion", "75", "--metastasis"}},
    };
    return cases;
}

}  // namespace

TEST_CASE("batch line for a case equals its --json output byte for byte", "[batch][equivalence]") {
    std::string input;
    for (const Equivalent& e : equivalents()) {
        input += e.record + "\n";
    }
    const Run r = batch(input);
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == equivalents().size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Equivalent& e = equivalents()[i];
        std::vector<std::string> args = e.flags;
        args.emplace_back("--json");
        const Run single = run_cli(args);
        INFO("record: " << e.record);
        INFO("stderr of the single run: " << single.err);
        REQUIRE(single.code == exit_code::ok);
        REQUIRE(!single.out.empty());
        CHECK(single.out.back() == '\n');
        CHECK(lines[i] == single.out.substr(0, single.out.size() - 1));
    }
}

TEST_CASE("batch line equals --json output in a JSON array and in a large batch too", "[batch][equivalence]") {
    // Inside an array, and spread over chunks handled by worker threads.
    std::string array = "[";
    std::string ndjson;
    const std::size_t n = equivalents().size();
    for (std::size_t copy = 0; copy < 60; ++copy) {
        for (std::size_t i = 0; i < n; ++i) {
            array += (copy == 0 && i == 0) ? "" : ",";
            array += equivalents()[i].record;
            ndjson += equivalents()[i].record + "\n";
        }
    }
    array += "]";
    std::vector<std::string> expected;
    for (const Equivalent& e : equivalents()) {
        std::vector<std::string> args = e.flags;
        args.emplace_back("--json");
        const Run single = run_cli(args);
        REQUIRE(single.code == exit_code::ok);
        expected.push_back(single.out.substr(0, single.out.size() - 1));
    }
    for (const std::string& input : {array, ndjson}) {
        const auto lines = lines_of(batch(input).out);
        REQUIRE(lines.size() == 60 * n);
        int differ = 0;
        for (std::size_t k = 0; k < lines.size(); ++k) {
            differ += lines[k] == expected[k % n] ? 0 : 1;
        }
        CHECK(differ == 0);
    }
}

TEST_CASE("batch error line for a field error names the same field as the single case error", "[batch][equivalence]") {
    const Run single = run_cli({"--size", "-3", "--grade", "3"});
    REQUIRE(single.code == exit_code::usage);
    const auto records = records_of(batch(R"({"size": -3, "grade": 3})"
                                          "\n"));
    REQUIRE(records.size() == 1);
    CHECK(records[0].at("error").at("field") == "size");
    CHECK(contains(single.err, "--size"));
}
