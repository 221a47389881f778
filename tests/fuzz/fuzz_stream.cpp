// fuzz_stream: arbitrary bytes as a whole input -> lmsstage::cli::run({"batch"}, in, out, err, env),
// the whole program in-process, reading an std::istringstream.
//
// Properties checked beyond "no crash, no leak, no UB, no hang":
//  - the exit code is 0 or 65, and the stderr summary "staged N records: K ok, E errors" is there;
//  - every output line is a JSON object (strict, UTF-8 checked) ending in '\n', with a bool "ok";
//  - the number of output lines is N = K + E; K lines have ok true, E have ok false;
//  - exit 0 means E = 0; E > 0 means exit 65;
//  - an error object carries its "line" (>= 1, never past the input's line count, never going
//    down), a result none; a fault that stopped reading (it has a "column") is the last line;
//  - NDJSON input (an independent oracle, ndjson_record_lines, of the framing rules): exactly one
//    output line per non-blank input line, always, and an error object's "line" is that line's
//    number. Every input is also run with the line "{}" in front, which makes it NDJSON, so the
//    property is checked on every input;
//  - every other stderr line is "lmsstage: <stdin>: ..." (a fault that stopped reading);
//  - the input read as a CSV table (and again under a header lmsstage takes): see check_csv_run;
//    and so read again under a read fault at a byte of its own choosing: see check_csv_fault_run;
//  - the input read as NAACCR XML, and written back: see check_xml_run.
//
// Big inputs: records near the 1 MiB limit and the reader's 256 KiB chunks cannot be reached with
// libFuzzer's small inputs. So an input whose first byte is 0x01 is run twice: as it is, and
// expanded: in the rest, "\x02" and three bytes B1 B2 B3 stand for the byte before them (a space at
// the start) repeated B1 * 65536 + B2 * 256 + B3 more times; the expansion stops at 3 MiB (past the
// 1 MiB record limit and the reader's 1.5 MiB window). A marker after '"', ',', '}' or ']' stands
// for nothing: repeated, each of those can make a record of its own ("""""" is three string values,
// "[,,,," empty slots), and millions of tiny records take longer than the 10 s timeout under the
// sanitizers and coverage (about 150 000 records a second here; that mode is for big records).
// Expanded runs take up to a second each; LMSSTAGE_FUZZ_NO_EXPAND=1 in the environment turns them
// off, for raw throughput.
#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "fuzz_check.hpp"
#include "json_inspect.hpp"

namespace lmsstage_fuzz {
namespace {

constexpr std::size_t k_max_expanded = std::size_t{3} << 20;

std::string expand(std::string_view rest) {
    std::string out;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == '\x02' && i + 3 < rest.size()) {
            const char repeated = out.empty() ? ' ' : out.back();
            if (repeated == '"' || repeated == ',' || repeated == '}' || repeated == ']') {
                i += 3;
                continue;
            }
            const auto byte = [&](std::size_t at) {
                return static_cast<std::size_t>(static_cast<unsigned char>(rest[at]));
            };
            const std::size_t count = (byte(i + 1) << 16U) | (byte(i + 2) << 8U) | byte(i + 3);
            if (out.size() + count > k_max_expanded) {
                break;
            }
            out.append(count, repeated);
            i += 3;
        } else {
            out += rest[i];
        }
    }
    return out;
}

bool parse_summary(std::string_view line, long long& n, long long& ok, long long& errors) {
    // "staged N records: K ok, E errors", singular where a count is 1 ("1 record", "1 error").
    std::string copy(line);
    char record_word[8] = {};
    char error_word[8] = {};
    int end = 0;
    const int read = std::sscanf(copy.c_str(), "staged %lld %7[a-z]: %lld ok, %lld %7[a-z]%n", &n, record_word, &ok,
                                 &errors, error_word, &end);
    const std::string_view records = record_word;
    const std::string_view error = error_word;
    return read == 5 && static_cast<std::size_t>(end) == copy.size() && records == (n == 1 ? "record" : "records") &&
           error == (errors == 1 ? "error" : "errors");
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

/// The summary on the last line of stderr: false when there is none or its counts do not add up.
bool summary_at_end(const std::vector<std::string_view>& err_lines, long long& n, long long& ok, long long& errors) {
    return !err_lines.empty() && parse_summary(err_lines.back(), n, ok, errors) && n == ok + errors;
}

/// How many lines an input has when a line ends with LF, CRLF or a lone CR (CSV and XML).
long long lines_ending_lf_crlf_or_cr(std::string_view input) {
    long long lines = 1;
    for (std::size_t i = 0; i < input.size(); ++i) {
        lines += input[i] == '\n' || (input[i] == '\r' && (i + 1 == input.size() || input[i + 1] != '\n')) ? 1 : 0;
    }
    return lines;
}

/// The line numbers of an input's records when it is NDJSON, computed independently of lmsstage's
/// reader from the documented rules: not UTF-16/32 (no byte-order mark FF FE / FE FF, no NUL in the
/// first two bytes); after a UTF-8 byte-order mark and blank space, the first character is not '['
/// and the first line is not a lone '{' (followed only by blanks, looked at up to 256 KiB). Then
/// every line that is not blank (only spaces, tabs, CRs) is one record. False when not NDJSON.
bool ndjson_record_lines(std::string_view input, std::vector<long long>& record_lines) {
    const std::string_view head = input.substr(0, 2);
    if (head == "\xFF\xFE" || head == "\xFE\xFF" || head.find('\0') != std::string_view::npos) {
        return false;
    }
    if (input.substr(0, 3) == "\xEF\xBB\xBF") {
        input.remove_prefix(3);
    }
    const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    const std::size_t first = input.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && input[first] == '[') {
        return false;
    }
    if (first != std::string_view::npos && input[first] == '{') {
        std::size_t k = first + 1;
        while (k < input.size() && k - first < (std::size_t{1} << 18) && is_blank(input[k])) {
            ++k;
        }
        if (k >= input.size() || input[k] == '\n' || k - first >= (std::size_t{1} << 18)) {
            return false;
        }
    }
    long long number = 0;
    for (const std::string_view line : split_lines(input)) {
        ++number;
        bool blank = true;
        for (const char c : line) {
            blank = blank && is_blank(c);
        }
        if (!blank) {
            record_lines.push_back(number);
        }
    }
    return true;
}

/// What one in-process run of the program gave.
struct ProgramRun {
    int code = -1;
    std::string out;
    std::string err;
};

/// Runs lmsstage in-process on `args` with `input` on standard input.
ProgramRun run_program(const std::vector<std::string>& args, std::string_view input) {
    std::istringstream in{std::string(input)};
    std::ostringstream out;
    std::ostringstream err;
    ProgramRun run;
    run.code = lmsstage::cli::run(args, in, out, err, lmsstage::cli::Environment{});
    run.out = out.str();
    run.err = err.str();
    return run;
}

/// Prints the input (as `input_label`), stdout, stderr, where (`detail`, when given) and the exit
/// code, then stops on the property `what`.
void fail_run(const char* input_label, std::string_view input, const ProgramRun& run, const char* what,
              std::string_view detail) {
    print_escaped(input_label, input);
    print_escaped("stdout", run.out);
    print_escaped("stderr", run.err);
    if (!detail.empty()) {
        print_escaped("at", detail);
    }
    std::fprintf(stderr, "exit code: %d\n", run.code);
    FUZZ_CHECK(false, what);
}

void check_run(std::string_view input) {
    // --from json: an input whose first character is '<' would otherwise be read as NAACCR XML
    // (check_xml_run).
    const ProgramRun run = run_program({"batch", "--from", "json"}, input);
    const int code = run.code;
    const std::string& out_text = run.out;
    const std::string& err_text = run.err;
    auto fail = [&](const char* what, std::string_view detail = {}) { fail_run("input", input, run, what, detail); };

    if (code != 0 && code != 65) {
        fail("exit code is neither 0 nor 65");
    }

    // stderr: faults that stopped reading, then the summary.
    long long n = -1;
    long long n_ok = -1;
    long long n_bad = -1;
    bool summary = false;
    for (const std::string_view line : split_lines(err_text)) {
        if (parse_summary(line, n, n_ok, n_bad)) {
            if (summary) {
                fail("two summary lines on stderr", line);
            }
            summary = true;
        } else if (line.rfind("lmsstage: <stdin>: ", 0) != 0 || summary) {
            fail("unexpected stderr line", line);
        }
    }
    if (!summary) {
        fail("no summary \"staged N records: ...\" on stderr");
    }
    if (n != n_ok + n_bad || n_ok < 0 || n_bad < 0) {
        fail("summary counts do not add up");
    }
    if (code == 0 && n_bad != 0) {
        fail("exit 0 with errors");
    }
    if (n_bad > 0 && code != 65) {
        fail("errors without exit 65");
    }

    // stdout: one JSON object a line.
    if (!out_text.empty() && out_text.back() != '\n') {
        fail("output does not end with a newline");
    }
    const std::vector<std::string_view> lines = split_lines(out_text);
    if (static_cast<long long>(lines.size()) != n) {
        fail("number of output lines differs from the summary's record count");
    }
    long long input_lines = 1;
    for (const char c : input) {
        input_lines += c == '\n' ? 1 : 0;
    }
    std::vector<long long> expected_lines;
    const bool plain_ndjson = ndjson_record_lines(input, expected_lines);
    if (plain_ndjson && expected_lines.size() != lines.size()) {
        fail("NDJSON: the number of output lines differs from the number of non-blank input lines");
    }
    long long seen_ok = 0;
    long long last_line = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        const Inspected parsed = inspect_json(line);
        if (!parsed.parsed || !parsed.value.is_object()) {
            fail("an output line is not a JSON object", line);
        }
        if (parsed.duplicate_key) {
            fail("an output line repeats a key", line);
        }
        const nlohmann::json& j = parsed.value;
        if (!j.contains("ok") || !j["ok"].is_boolean()) {
            fail("an output line without a bool ok", line);
        }
        if (j["ok"].get<bool>()) {
            ++seen_ok;
            if (j.contains("line") || j.contains("index") || j.contains("column")) {
                fail("a result carries a line, index or column", line);
            }
            continue;
        }
        if (!j.contains("line") || !j["line"].is_number_integer()) {
            fail("an error object without a whole-number line", line);
        }
        const long long at = j["line"].get<long long>();
        if (at < 1 || at > input_lines || at < last_line) {
            fail("an error object's line is out of order or out of the input", line);
        }
        if (j.contains("index") && (!j["index"].is_number_integer() || j["index"].get<long long>() < 0)) {
            fail("an error object's index is not a whole number >= 0", line);
        }
        if (j.contains("column") && i + 1 != lines.size()) {
            fail("lines after the fault that stopped reading", line);
        }
        if (plain_ndjson && (at != expected_lines[i] || j.contains("column"))) {
            fail("NDJSON: an error object's line is not the line of its record", line);
        }
        last_line = at;
    }
    if (seen_ok != n_ok) {
        fail("number of ok lines differs from the summary's ok count");
    }
}

/// The input as a CSV table (batch --from csv, compact NDJSON out): exit 0 or 65 with the summary
/// on stderr; one JSON object a line, as many as the summary counts, each with a bool ok and its
/// row, rows increasing and lines never going down nor past the input; only a refused header
/// (row 1) or a row that stopped reading may end the output early.
void check_csv_run(std::string_view input) {
    const ProgramRun run = run_program({"batch", "--from", "csv", "--to", "ndjson", "--columns", "ok,row,line"}, input);
    const int code = run.code;
    const std::string& out_text = run.out;
    const std::string& err_text = run.err;
    auto fail = [&](const char* what, std::string_view detail = {}) {
        fail_run("csv input", input, run, what, detail);
    };
    if (code != 0 && code != 65) {
        fail("CSV: exit code is neither 0 nor 65");
    }
    long long n = -1;
    long long n_ok = -1;
    long long n_bad = -1;
    const std::vector<std::string_view> err_lines = split_lines(err_text);
    if (!summary_at_end(err_lines, n, n_ok, n_bad)) {
        fail("CSV: no summary, or its counts do not add up");
    }
    const std::vector<std::string_view> lines = split_lines(out_text);
    if (static_cast<long long>(lines.size()) != n || (n_bad > 0) != (code == 65)) {
        fail("CSV: the output lines or the exit code differ from the summary");
    }
    const long long input_lines = lines_ending_lf_crlf_or_cr(input);
    long long last_row = 0;
    long long last_line = 0;
    for (const std::string_view line : lines) {
        const Inspected parsed = inspect_json(line);
        if (!parsed.parsed || !parsed.value.is_object() || !parsed.value["ok"].is_boolean() ||
            !parsed.value["row"].is_number_integer() || !parsed.value["line"].is_number_integer()) {
            fail("CSV: an output line is not an object with ok, row and line", line);
        }
        const long long row = parsed.value["row"].get<long long>();
        const long long at = parsed.value["line"].get<long long>();
        if (row <= last_row || at < last_line || at < 1 || at > input_lines || row > input_lines) {
            fail("CSV: rows out of order, or lines out of the input", line);
        }
        last_row = row;
        last_line = at;
    }
}

/// batch --from csv on `input`, read through the test seam Streams::read_through: in pieces of
/// `piece` bytes, failing with EIO once `cut` bytes were given (never, when `cut` is past the end).
ProgramRun run_csv_with_fault(std::string_view input, std::size_t cut, std::size_t piece) {
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    const auto faulty = [input, cut, piece](const lmsstage::cli::ReadFn&) {
        auto at = std::make_shared<std::size_t>(0);
        return lmsstage::cli::ReadFn([input, cut, piece, at](char* buffer, std::size_t size) {
            if (*at >= cut && cut <= input.size()) {
                return lmsstage::cli::ReadResult{0, EIO};
            }
            const std::size_t n = std::min({size, piece, input.size() - *at, cut - *at});
            std::memcpy(buffer, input.data() + *at, n);
            *at += n;
            return lmsstage::cli::ReadResult{n, 0};
        });
    };
    lmsstage::cli::Streams io{in, out, err, -1, faulty};
    lmsstage::cli::CommandLine line;
    line.command = "batch";
    line.options = {{"--from", "csv"}, {"--to", "ndjson"}, {"--columns", "ok,line,error_message"}};
    ProgramRun run;
    run.code = lmsstage::cli::run_batch(line, io);
    run.out = out.str();
    run.err = err.str();
    return run;
}

/// The CSV door's framing under a read fault: the input cut after a number of bytes taken from its
/// own hash, read in pieces of 1 to 64 bytes. Either reading had stopped before the cut (a header
/// refused), and the output is the fault-free run's, or: exit 66; every output line but the last
/// is the fault-free run's line at that place (no row that the fault cut is staged, none changed);
/// the last line is the read error, ok false; stderr gives the I/O reason.
void check_csv_fault_run(std::string_view input) {
    std::size_t hash = 14695981039346656037ULL;  // FNV-1a
    for (const char c : input) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    const std::size_t cut = hash % (input.size() + 1);
    const std::size_t piece = 1 + (hash >> 32U) % 64;
    const ProgramRun clean = run_csv_with_fault(input, input.size() + 1, piece);
    const ProgramRun run = run_csv_with_fault(input, cut, piece);
    auto fail = [&](const char* what, std::string_view detail = {}) {
        fail_run("csv input under a read fault", input, run, what, detail);
    };
    if (clean.code != 0 && clean.code != 65) {
        fail("CSV fault: the fault-free run's exit code is neither 0 nor 65");
    }
    if (run.code != 66) {
        if (run.code != clean.code || run.out != clean.out) {
            fail("CSV fault: neither exit 66 nor the fault-free run's output");
        }
        return;
    }
    const std::vector<std::string_view> lines = split_lines(run.out);
    const std::vector<std::string_view> clean_lines = split_lines(clean.out);
    if (lines.empty() || lines.size() > clean_lines.size() + 1) {
        fail("CSV fault: no read-error line, or more lines than the fault-free run");
    }
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        if (lines[i] != clean_lines[i]) {
            fail("CSV fault: a line before the fault differs from the fault-free run's", lines[i]);
        }
    }
    const Inspected last = inspect_json(lines.back());
    if (!last.parsed || !last.value.is_object() || last.value["ok"] != false ||
        run.err.find("Input/output error") == std::string::npos) {
        fail("CSV fault: the last line is not the read error, or stderr gives no reason", lines.back());
    }
}

/// The input as NAACCR XML (batch --from naaccr-xml, and --to naaccr-xml): exit 0 or 65 with the
/// summary; one JSON object a line, each error with its line within the input and in order; a
/// problem that stopped reading on stderr as "lmsstage: <stdin>:LINE: ..."; written back, the
/// output is read again without a problem when the input had none.
void check_xml_run(std::string_view input) {
    const ProgramRun run = run_program({"batch", "--from", "naaccr-xml"}, input);
    auto fail = [&](const char* what, std::string_view detail = {}) {
        fail_run("naaccr-xml input", input, run, what, detail);
    };
    if (run.code != 0 && run.code != 65) {
        fail("XML: exit code is neither 0 nor 65");
    }
    long long n = -1;
    long long n_ok = -1;
    long long n_bad = -1;
    const std::vector<std::string_view> err_lines = split_lines(run.err);
    if (!summary_at_end(err_lines, n, n_ok, n_bad)) {
        fail("XML: no summary, or its counts do not add up");
    }
    for (std::size_t i = 0; i + 1 < err_lines.size(); ++i) {
        if (err_lines[i].rfind("lmsstage: <stdin>:", 0) != 0) {
            fail("XML: unexpected stderr line", err_lines[i]);
        }
    }
    const std::vector<std::string_view> lines = split_lines(run.out);
    if (static_cast<long long>(lines.size()) != n || (n_bad > 0) != (run.code == 65)) {
        fail("XML: the output lines or the exit code differ from the summary");
    }
    const long long input_lines = lines_ending_lf_crlf_or_cr(input);
    long long last_line = 0;
    for (const std::string_view line : lines) {
        const Inspected parsed = inspect_json(line);
        if (!parsed.parsed || !parsed.value.is_object() || !parsed.value["ok"].is_boolean()) {
            fail("XML: an output line is not an object with ok", line);
        }
        if (parsed.value["ok"].get<bool>()) {
            continue;
        }
        const nlohmann::json& line_value = parsed.value.contains("line") ? parsed.value["line"] : nlohmann::json();
        const long long at = line_value.is_number_integer() ? line_value.get<long long>() : 0;
        if (at < 1 || at > input_lines || at < last_line) {
            fail("XML: an error's line is out of order or out of the input", line);
        }
        last_line = at;
    }
    if (err_lines.size() == 1) {  // read to the end: written back, it reads again to the end
        const ProgramRun written = run_program({"batch", "--to", "naaccr-xml"}, input);
        const ProgramRun again = run_program({"batch", "--to", "naaccr-xml"}, written.out);
        if (split_lines(again.err).size() != 1 || again.out != written.out) {
            fail("XML: written back, the document does not read back as itself", again.err);
        }
    }
}

}  // namespace
}  // namespace lmsstage_fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    static const bool expand = [] {
        const char* off = std::getenv("LMSSTAGE_FUZZ_NO_EXPAND");
        return off == nullptr || *off == '\0' || *off == '0';
    }();
    lmsstage_fuzz::check_run(input);
    lmsstage_fuzz::check_run("{}\n" + std::string(input));  // NDJSON whatever follows
    lmsstage_fuzz::check_csv_run(input);
    lmsstage_fuzz::check_csv_run("size,grade\n" + std::string(input));  // a header lmsstage takes
    lmsstage_fuzz::check_csv_fault_run(input);
    lmsstage_fuzz::check_csv_fault_run("size,grade\n" + std::string(input));
    lmsstage_fuzz::check_xml_run(input);
    if (expand && size > 0 && data[0] == 0x01) {
        lmsstage_fuzz::check_run(lmsstage_fuzz::expand(input.substr(1)));
    }
    return 0;
}
