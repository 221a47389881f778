// The CSV door under read faults, in-process: batch reads its input through a read function that
// fails (EIO) after a chosen number of bytes, handed out in pieces of a chosen size (the test seam
// Streams::read_through). A row is staged only when the reader saw its line end; a read error gives
// exit 66 and says why, inside a data row or inside the header; a header over the byte bound is an
// error, never a silent shift of the rows after it.
#include <catch2/catch.hpp>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/record_stream.hpp"
#include "support/cli_test_support.hpp"

using lmsstage::cli::ReadFn;
using lmsstage::cli::ReadResult;
using json = nlohmann::json;
using namespace lmsstage_door_test;

namespace {

/// Reads `text` in pieces of at most `piece` bytes, and fails with EIO once `cut` bytes were given
/// (never failing when `cut` is past the end). The program's own read function is not called.
ReadFn faulty(const std::string& text, std::size_t cut, std::size_t piece) {
    auto at = std::make_shared<std::size_t>(0);
    return [&text, cut, piece, at](char* buffer, std::size_t size) {
        if (*at >= cut && cut <= text.size()) {
            return ReadResult{0, EIO};
        }
        const std::size_t n = std::min({size, piece, text.size() - *at, cut - *at});
        std::memcpy(buffer, text.data() + *at, n);
        *at += n;
        return ReadResult{n, 0};
    };
}

/// batch ARGS on `text` read through faulty(text, cut, piece).
Run run_faulty(const std::vector<std::string>& args, const std::string& text, std::size_t cut, std::size_t piece) {
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    lmsstage::cli::Streams io{in, out, err, -1, [&](const ReadFn&) { return faulty(text, cut, piece); }};
    lmsstage::cli::CommandLine line;
    line.command = "batch";
    line.options = {{"--from", args.at(0)}, {"--to", "ndjson"}, {"--columns", args.at(1)}};
    Run r;
    r.code = lmsstage::cli::run_batch(line, io);
    r.out = out.str();
    r.err = err.str();
    return r;
}

}  // namespace

// The issue's reproducer: "2,3,12" read as "2,3,1" came out ok, stage IIA T1 (AJCC 7 soft tissue:
// T1 at 5 cm or less, G3 T1 N0 M0 is IIA) instead of III T2 (over 5 cm, G3 T2 N0 M0 is III).
TEST_CASE("csv faults - a read error inside a row gives exit 66 and no row for the cut record", "[faults][csv]") {
    const std::string text = "id,grade,size\n1,3,6\n2,3,12\n";
    const std::size_t cut = text.find("12") + 1;  // "2,3,1" read, then EIO
    const Run r = run_faulty({"csv", "id,ok,stage,T,error_message"}, text, cut, 4096);
    CHECK(r.code == exit_code::no_input);
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 2);
    CHECK(json::parse(lines[0]) == json::parse(R"({"id":"1","ok":true,"stage":"III","T":"T2","error_message":null})"));
    CHECK(json::parse(lines[1])["error_message"] ==
          "reading stopped at line 3: Input/output error; the rest of this input was not read");
    CHECK(!contains(r.out, "IIA"));
    CHECK(contains(r.err, "<stdin>:3: reading stopped at line 3: Input/output error"));
}

TEST_CASE("csv faults - a read error inside the header gives exit 66 with the I/O reason", "[faults][csv]") {
    const std::string text = "id,grade,size\n1,3,6\n";
    for (std::size_t cut = 0; cut <= text.find('\n'); ++cut) {
        INFO("cut after " << cut << " bytes");
        const Run r = run_faulty({"csv", "id,ok,error_message"}, text, cut, 3);
        CHECK(r.code == exit_code::no_input);
        CHECK(contains(r.err, "<stdin>:1: reading stopped at line 1: Input/output error"));
        CHECK(!contains(r.err, "header,"));  // never taken for a header naming what lmsstage does not take
        const auto lines = lines_of(r.out);
        REQUIRE(lines.size() == 1);
        CHECK(json::parse(lines[0])["ok"] == false);
    }
}

// Every cut point of a small table, read one byte, seven bytes or all at a time: the rows staged
// are exactly those whose line end was read, each as the fault-free run stages it, followed by one
// read-error line; the exit status is 66.
TEST_CASE("csv faults - every cut point stages exactly the rows read to their line end", "[faults][csv]") {
    const std::string text = "id,grade,size\n1,3,6\n\"2\",3,12\n\"3\nb\",2,4\n4,1,\"5\"\n";
    const std::string columns = "id,ok,stage,T,row,line";
    const Run clean = run_faulty({"csv", columns}, text, text.size() + 1, 4096);
    REQUIRE(clean.code == exit_code::ok);
    const auto clean_lines = lines_of(clean.out);
    REQUIRE(clean_lines.size() == 4);
    // The byte just after each data row's final line end (a line break inside quotes is data).
    const std::vector<std::size_t> row_ends = {text.find("\"2\""), text.find("\"3\n"), text.find("4,1"), text.size()};
    for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{4096}}) {
        for (std::size_t cut = 0; cut <= text.size(); ++cut) {
            INFO("cut after " << cut << " bytes, read " << piece << " at a time");
            const Run r = run_faulty({"csv", columns}, text, cut, piece);
            CHECK(r.code == exit_code::no_input);
            std::size_t staged = 0;
            for (const std::size_t end : row_ends) {
                staged += end <= cut ? 1 : 0;
            }
            const auto lines = lines_of(r.out);
            REQUIRE(lines.size() == staged + 1);
            for (std::size_t i = 0; i < staged; ++i) {
                CHECK(lines[i] == clean_lines[i]);
            }
            CHECK(json::parse(lines.back())["ok"] == false);
            CHECK(contains(r.err, ": Input/output error; the rest of this input was not read"));
        }
    }
}

// The header is held to the byte bound of a record (1 MiB, k_max_record_bytes): one byte over is
// an error for the whole input, and the row after it is never read as the header.
TEST_CASE("csv faults - a header over the byte bound is an error, never a silent shift", "[faults][csv]") {
    const std::size_t bound = lmsstage::cli::k_max_record_bytes;
    for (const std::size_t size : {bound, bound + 1}) {
        INFO("header of " << size << " bytes");
        const std::string padding(size - 10, ',');  // empty names: unnamed columns, empty cells
        const std::string header = "grade,size" + padding;
        REQUIRE(header.size() == size);
        // Were the header dropped, the next row would be taken for it and "3,6" staged as III.
        const std::string text = header + "\ngrade,size" + padding + "\n3,6" + padding + "\n";
        const Run r = run_faulty({"csv", "ok,stage,error_message"}, text, text.size() + 1, 65536);
        INFO(r.err.substr(0, 400));
        const auto lines = lines_of(r.out);
        if (size == bound) {
            // At the bound: read; "grade,size" is then a data row (an error: not a grade), "3,6" is III.
            CHECK(r.code == exit_code::data);
            REQUIRE(lines.size() == 2);
            CHECK(json::parse(lines[0])["ok"] == false);
            CHECK(json::parse(lines[1])["stage"] == "III");
        } else {
            CHECK(r.code == exit_code::data);
            REQUIRE(lines.size() == 1);
            CHECK(contains(json::parse(lines[0])["error_message"].get<std::string>(), "header: "));
            CHECK(contains(r.err, "the rest of this input was not read"));
            CHECK(!contains(r.out, "III"));
        }
    }
}

// RFC 4180 section 2.6: a quoted field may hold line breaks, so a stray quote joins every row up to
// the next quote into one record. Such a row still stages, but says which lines it spans: a warning
// when it is staged, part of the message when it is an error.
TEST_CASE("csv faults - a row that spans lines says which, as a warning or in its error", "[faults][csv]") {
    const Run r =
        run_cli({"batch", "--from", "csv", "--to", "ndjson", "--columns", "id,ok,warnings,error_message,line"},
                "id,grade,size\n\"P1,3,6\nP2\",3,12\nP3,1,\"4\r\n\r\nx\"\nP4,2,3\n");
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 3);
    const json merged = json::parse(lines[0]);
    CHECK(merged["id"] == "P1,3,6\nP2");  // two patients in one id: staged, but never silently
    CHECK(merged["ok"] == true);
    CHECK(merged["warnings"] == json::array({"this row spans lines 2-3: a quoted cell holds a line break (a stray "
                                             "quote joins the rows up to the next quote)"}));
    const json error = json::parse(lines[1]);
    CHECK(error["ok"] == false);
    CHECK(error["line"] == 4);
    CHECK(contains(error["error_message"].get<std::string>(), "; this row spans lines 4-6: a quoted cell"));
    const json plain = json::parse(lines[2]);
    CHECK(plain["warnings"] == json::array());
    CHECK(plain["line"] == 7);
}
