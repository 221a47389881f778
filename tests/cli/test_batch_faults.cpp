// batch under faults, in-process: inputs checked before any output, files opened one at a time,
// names and echoed values made safe, I/O errors with their reason, a stop request, out of memory,
// and the worker pool (cli/pipeline) when a worker throws or no thread can start.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <fstream>
#include <new>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "cli/app.hpp"
#include "cli/interrupt.hpp"
#include "cli/pipeline.hpp"
#include "doors/safe_text.hpp"
#include "support/cli_test_support.hpp"

using lmsstage::cli::Environment;
namespace exit_code = lmsstage::cli::exit_code;
using json = nlohmann::json;

using namespace lmsstage_door_test;

namespace {

long count_lines(std::string_view text) { return static_cast<long>(std::count(text.begin(), text.end(), '\n')); }

const std::string k_good = R"({"size": 6, "grade": 3})";

}  // namespace

// ---------------------------------------------------------------------------------------------
// Inputs: checked before any output, opened one at a time

TEST_CASE("faults - a directory after good files exits 66 with the reason before any output", "[faults][issue9]") {
    const TempDir dir;
    const std::string a = dir.write("a.ndjson", k_good + "\n");
    const std::string b = dir.write("b.ndjson", k_good + "\n");
    const Run r = run_cli({"batch", a, b, dir.path("")});
    CHECK(r.code == exit_code::no_input);
    CHECK(r.out.empty());
    CHECK(r.err == "lmsstage: cannot read " + dir.path("") +
                       ": is a directory (name the files in it, e.g. "
                       "DIR/*.ndjson)\n");
}

TEST_CASE("faults - a missing file is named with the system's reason", "[faults]") {
    const TempDir dir;
    const Run r = run_cli({"batch", dir.path("gone.ndjson")});
    CHECK(r.code == exit_code::no_input);
    CHECK(r.err == "lmsstage: cannot read " + dir.path("gone.ndjson") + ": No such file or directory\n");
}

TEST_CASE("faults - a character device such as /dev/null is a valid, empty input", "[faults]") {
    const Run r = run_cli({"batch", "/dev/null"});
    CHECK(r.code == exit_code::ok);
    CHECK(r.out.empty());
}

TEST_CASE("faults - 300 files are read with 64 file descriptors: one open at a time", "[faults][issue9]") {
    const TempDir dir;
    std::vector<std::string> args = {"batch"};
    for (int i = 0; i < 300; ++i) {
        args.push_back(dir.write(std::to_string(i) + ".ndjson",
                                 "{\"id\": " + std::to_string(i) + ", \"size\": 6, \"grade\": 3}\n"));
    }
    rlimit before{};
    REQUIRE(getrlimit(RLIMIT_NOFILE, &before) == 0);
    rlimit low = before;
    low.rlim_cur = 64;
    REQUIRE(setrlimit(RLIMIT_NOFILE, &low) == 0);
    const Run r = run_cli(args);
    REQUIRE(setrlimit(RLIMIT_NOFILE, &before) == 0);
    CHECK(r.code == exit_code::ok);
    CHECK(count_lines(r.out) == 300);
    CHECK(r.err == "staged 300 records: 300 ok, 0 errors\n");
}

// ---------------------------------------------------------------------------------------------
// Safe echoes

TEST_CASE("faults - a file name that is not UTF-8 is written as valid UTF-8 JSON", "[faults][issue9]") {
    const TempDir dir;
    const std::string file = dir.write(
        "bad\xff"
        "name.ndjson",
        R"({"size": -1})"
        "\n");
    const Run r = run_cli({"batch", file});
    CHECK(r.code == exit_code::data);
    json record;
    REQUIRE_NOTHROW(record = json::parse(r.out));  // nlohmann rejects invalid UTF-8
    CHECK(record.at("file") == dir.path("bad\xEF\xBF\xBD"
                                        "name.ndjson"));
}

TEST_CASE("faults - a control character in a file name is escaped on stderr", "[faults][issue9]") {
    const TempDir dir;
    const Run r = run_cli({"batch", dir.path("two\nlines\x1b[2J")});
    CHECK(r.code == exit_code::no_input);
    CHECK(count_lines(r.err) == 1);
    CHECK(contains(r.err, "two\\nlines\\x1b[2J"));
}

TEST_CASE("faults - a value with a newline in a command-line error stays one line on stderr", "[faults][issue9]") {
    const Run r = run_cli({"--size", "5\n", "--grade", "3"});
    CHECK(r.code == exit_code::usage);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "lmsstage: --size has an unknown unit \"\\n\" (accepted units: cm, mm; a bare number is cm), "
          "got 5\\n\n");
}

TEST_CASE("faults - an escape sequence in a command-line value is shown escaped", "[faults][issue9]") {
    const Run r = run_cli({"--site", "\x1b[31mred", "--size", "6", "--grade", "3"});
    CHECK(r.code == exit_code::usage);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(contains(r.err, "\\x1b[31mred"));
}

TEST_CASE("faults - printable escapes C0, DEL and C1 controls and repairs UTF-8", "[faults][safe]") {
    using lmsstage::cli::printable;
    CHECK(printable("a\tb\rc\nd") == "a\\tb\\rc\\nd");
    CHECK(printable("\x01\x7f") == "\\x01\\x7f");
    CHECK(printable("\xC2\x9B"
                    "2J") == "\\u009b2J");  // C1 CSI
    CHECK(printable("caf\xC3\xA9 \xE2\x82\xAC") == "caf\xC3\xA9 \xE2\x82\xAC");
    CHECK(printable("\xff") == "\xEF\xBF\xBD");
    CHECK(lmsstage::cli::valid_utf8("\xC0\xAF|\xED\xA0\x80|\xF4\x90\x80\x80") ==
          "\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|"
          "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

// Unicode format characters (general category Cf, Unicode Character Database
// DerivedGeneralCategory.txt: U+200B ZERO WIDTH SPACE, U+202E RIGHT-TO-LEFT OVERRIDE, U+2066
// LEFT-TO-RIGHT ISOLATE, U+FEFF ZERO WIDTH NO-BREAK SPACE, U+E0001 LANGUAGE TAG) and the separators
// U+2028 (Zl), U+2029 (Zp) are invisible or reorder text (Trojan Source, CVE-2021-42574): echoed
// as \uXXXX. Their neighbours U+200A (Zs) and U+2030 (Po) are shown as they are.
TEST_CASE("faults - printable escapes Unicode format characters, echo bounds a value", "[faults][safe]") {
    using lmsstage::doors::echo;
    using lmsstage::doors::printable;
    CHECK(printable("a\u200Bb\u202Ec\uFEFFd") == "a\\u200bb\\u202ec\\ufeffd");
    CHECK(printable("\u2066\u2028\u2029\U000E0001") == "\\u2066\\u2028\\u2029\\U000e0001");
    CHECK(printable("\u00AD") == "\\u00ad");                               // SOFT HYPHEN, Cf
    CHECK(printable("\u200A\u2030") == "\u200A\u2030");                    // HAIR SPACE, PER MILLE SIGN
    CHECK(printable("\u200F\u2010") == "\\u200f\u2010");                   // RLM (Cf), HYPHEN (Pd)
    CHECK(printable(printable("x\u202Ey\n")) == printable("x\u202Ey\n"));  // escaping twice changes nothing
    const std::string at_bound(lmsstage::doors::k_echo_bytes, 'x');
    CHECK(echo(at_bound) == at_bound);
    CHECK(echo(at_bound + "y") == at_bound + "... (65 bytes)");
    // A cut never splits a character: 63 bytes of x, then a 2-byte e-acute across byte 64.
    CHECK(echo(std::string(63, 'x') + "\u00E9\u00E9") == std::string(63, 'x') + "... (67 bytes)");
    CHECK(echo(std::string(100, '\n')).find('\n') == std::string::npos);
}

TEST_CASE("faults - every echo of what was typed is one bounded, escaped line", "[faults][safe]") {
    const std::string huge(100000, '9');
    for (const auto& args : std::vector<std::vector<std::string>>{{"rules", "foo\nbar\u202E"},
                                                                  {"help", "x\x1b[31m\u200B"},
                                                                  {"completion", "ba\nsh"},
                                                                  {"--site", "x\u202Ey", "--size", "6", "--grade", "3"},
                                                                  {"--size", huge},
                                                                  {"--" + huge},
                                                                  {huge},
                                                                  {"batch", "--" + huge},
                                                                  {"batch", "--columns", huge},
                                                                  {"batch", "--columns", "T\u202E"},
                                                                  {"batch", "--to", huge},
                                                                  {"batch", "--from", "\uFEFFcsv"},
                                                                  {"batch", "--encoding", huge}}) {
        const Run r = run_cli(args);
        INFO(r.err.substr(0, 300));
        CHECK(r.code == exit_code::usage);
        CHECK(count_lines(r.err) == 1);
        CHECK(r.err.size() < 3000);
        for (const char* hidden : {"\x1b", "\u202E", "\u200B", "\uFEFF"}) {
            CHECK(r.err.find(hidden) == std::string::npos);
        }
    }
    CHECK(contains(run_cli({"rules", "foo\nbar\u202E"}).err, "unknown system \"foo\\nbar\\u202e\""));
}

// NAACCR items lmsstage reads are codes of a few characters (histologicTypeIcdO3 [522]: 4 digits,
// NAACCR XML base dictionary): a refusal repeats 32 bytes of a longer value and its size.
TEST_CASE("faults - a NAACCR refusal repeats a huge value only in part", "[faults][safe]") {
    const std::string huge(900000, '9');
    const Run r =
        run_cli({"batch", "--naaccr", "--to", "ndjson", "--columns", "error_message"},
                "{\"primarySite\":\"C492\",\"histologicTypeIcdO3\":\"" + huge + "\",\"behaviorCodeIcdO3\":\"3\"}\n");
    CHECK(r.code == exit_code::data);
    CHECK(r.out == "{\"error_message\":\"histologicTypeIcdO3 [522] " + std::string(32, '9') +
                       "... (900000 bytes): is not an ICD-O-3 histology code (four digits, 8000-9999)\"}\n");
}

// ---------------------------------------------------------------------------------------------
// I/O errors say why

TEST_CASE("faults - a full disk gives exit 74 and says so", "[faults][issue9]") {
    std::istringstream in(k_good + "\n");
    std::ofstream out("/dev/full");
    REQUIRE(out.is_open());
    std::ostringstream err;
    CHECK(lmsstage::cli::run({"batch"}, in, out, err, Environment{}) == exit_code::io);
    CHECK(err.str() == "lmsstage: cannot write the output: No space left on device\n");
}

namespace {

/// Gives its text in one read, then fails: a read error part way through.
class FailingInput : public std::streambuf {
public:
    FailingInput(std::string text, bool throw_bad_alloc) : m_text(std::move(text)), m_throw(throw_bad_alloc) {}

protected:
    std::streamsize xsgetn(char* s, std::streamsize n) override {
        if (m_given) {
            if (m_throw) {
                throw std::bad_alloc();
            }
            errno = EIO;
            throw std::runtime_error("read error");
        }
        m_given = true;
        const auto take = std::min<std::size_t>(static_cast<std::size_t>(n), m_text.size());
        std::copy_n(m_text.data(), take, s);
        return static_cast<std::streamsize>(take);
    }

private:
    std::string m_text;
    bool m_throw;
    bool m_given = false;
};

}  // namespace

TEST_CASE("faults - a read error ends that input with an error line and the reason, exit 66", "[faults][issue9]") {
    FailingInput buffer(k_good + "\n" + k_good + "\n{\"si", false);
    const Run r = run_cli({"batch"}, buffer);
    CHECK(r.code == exit_code::no_input);
    const std::string& text = r.out;
    REQUIRE(count_lines(text) == 3);
    const json last = json::parse(text.substr(text.rfind('\n', text.size() - 2) + 1));
    CHECK(last.at("line") == 3);
    CHECK(last.at("error").at("message") ==
          "reading stopped at line 3: Input/output error; the rest of this input was not read");
    CHECK(contains(r.err, "lmsstage: <stdin>:3: reading stopped at line 3: Input/output error"));
}

TEST_CASE("faults - running out of memory exits 71 with a message, not 70", "[faults][issue9]") {
    FailingInput buffer(k_good + "\n", true);
    const Run r = run_cli({"batch"}, buffer);
    CHECK(r.code == exit_code::os_error);
    CHECK(r.err == "lmsstage: out of memory\n");
}

// ---------------------------------------------------------------------------------------------
// A stop request (SIGINT, SIGTERM) finishes whole lines

namespace {

/// Input that asks to stop (as a signal handler would) once `after` bytes have been read.
class StoppingInput : public std::streambuf {
public:
    StoppingInput(std::string text, std::size_t after) : m_text(std::move(text)), m_after(after) {}

protected:
    std::streamsize xsgetn(char* s, std::streamsize n) override {
        const std::size_t left = m_text.size() - m_at;
        const std::size_t take = std::min<std::size_t>({static_cast<std::size_t>(n), left});
        std::copy_n(m_text.data() + m_at, take, s);
        m_at += take;
        if (m_at >= m_after) {
            lmsstage::cli::request_stop(SIGTERM);
        }
        return static_cast<std::streamsize>(take);
    }
    int_type underflow() override { return traits_type::eof(); }

private:
    std::string m_text;
    std::size_t m_after;
    std::size_t m_at = 0;
};

}  // namespace

TEST_CASE("faults - a stop request ends the output after whole lines, exit 143", "[faults][issue9]") {
    std::string input;
    for (int i = 0; i < 20000; ++i) {
        input += "{\"id\": " + std::to_string(i) + ", \"size\": 6, \"grade\": 3}\n";
    }
    StoppingInput buffer(input, input.size() / 2);
    const Run r = run_cli({"batch"}, buffer);
    lmsstage::cli::request_stop(0);
    CHECK(r.code == exit_code::signal_base + SIGTERM);
    const std::string& text = r.out;
    REQUIRE_FALSE(text.empty());
    CHECK(text.back() == '\n');
    CHECK(count_lines(text) < 20000);
    CHECK(contains(r.err, "lmsstage: stopped by SIGTERM after " + std::to_string(count_lines(text)) +
                              " output lines; the rest of the input was not staged"));
}

// ---------------------------------------------------------------------------------------------
// The worker pool

namespace {

/// Writes one line "n" per item.
void number_items(lmsstage::cli::Batch& batch) {
    for (std::size_t i = 0; i < batch.items.size(); ++i) {
        batch.output += std::string(batch.input.data() + batch.items[i].offset, batch.items[i].size) + "\n";
        ++batch.ok;
    }
}

/// Feeds `count` items of `size` bytes through a pipeline; returns what finish() said.
bool feed(lmsstage::cli::Pipeline& pipeline, int count, std::size_t size = 1) {
    for (int i = 0; i < count; ++i) {
        lmsstage::cli::Batch& batch = pipeline.current();
        const std::string text = std::to_string(i);
        batch.add(text + std::string(size > text.size() ? size - text.size() : 0, ' '), {}, false);
        if (batch.full() && !pipeline.submit()) {
            return false;
        }
    }
    return pipeline.finish();
}

}  // namespace

TEST_CASE("faults - an exception on a worker thread is caught and reported, never terminate", "[faults][issue9]") {
    std::ostringstream sink;
    lmsstage::cli::Output output(sink);
    std::atomic<int> batches{0};
    lmsstage::cli::Pipeline pipeline(output, [&](lmsstage::cli::Batch& batch) {
        if (++batches == 3) {
            throw std::logic_error("result JSON size miscounted");
        }
        number_items(batch);
    });
    CHECK_FALSE(feed(pipeline, 5000));
    REQUIRE(pipeline.failure() != nullptr);
    CHECK(pipeline.ok() == count_lines(sink.str()));  // only whole batches before the failure
    std::ostringstream err;
    CHECK(lmsstage::cli::worker_failed(pipeline.failure(), pipeline.ok(), err) == exit_code::internal);
    CHECK(err.str() ==
          "lmsstage: internal error on a worker thread: result JSON size miscounted; the output ends after " +
              std::to_string(pipeline.ok()) + " lines\n");
}

TEST_CASE("faults - out of memory on a worker thread is exit 71", "[faults][issue9]") {
    std::ostringstream sink;
    lmsstage::cli::Output output(sink);
    lmsstage::cli::Pipeline pipeline(output, [](lmsstage::cli::Batch&) { throw std::bad_alloc(); });
    CHECK_FALSE(feed(pipeline, 1000));
    std::ostringstream err;
    CHECK(lmsstage::cli::worker_failed(pipeline.failure(), 0, err) == exit_code::os_error);
    CHECK(err.str() == "lmsstage: out of memory while staging; the output ends after 0 lines\n");
}

TEST_CASE("faults - when no thread can start, every batch is staged on the calling thread", "[faults][issue9]") {
    std::ostringstream sink;
    lmsstage::cli::Output output(sink);
    lmsstage::cli::Pipeline pipeline(output, number_items, [](std::function<void()>) -> std::thread {
        throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again), "thread");
    });
    CHECK(feed(pipeline, 5000));
    CHECK(pipeline.ok() == 5000);
    CHECK(count_lines(sink.str()) == 5000);
    CHECK(sink.str().substr(0, 6) == "0\n1\n2\n");
    CHECK(contains(pipeline.thread_problem(), "Resource temporarily unavailable"));
}

TEST_CASE("faults - a batch is handed on at 64 KiB of input even with few records", "[faults][memory]") {
    std::ostringstream sink;
    lmsstage::cli::Output output(sink);
    std::atomic<int> batches{0};
    std::atomic<std::size_t> largest{0};
    lmsstage::cli::Pipeline pipeline(output, [&](lmsstage::cli::Batch& batch) {
        ++batches;
        largest = std::max<std::size_t>(largest, batch.items.size());
        number_items(batch);
    });
    CHECK(feed(pipeline, 100, 10000));  // 100 records of 10 KB: batches of 7 records, not 256
    CHECK(batches == 15);
    CHECK(largest == 7);
}
