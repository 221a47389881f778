// lmsstage check: regression cases ({...case, "expect": {...}}) run as a gate that cannot pass on
// nothing: every input must hold cases, every case must expect something, and what it expects
// must be met. Unmet expectations are printed one a line (control characters escaped), then
// "N passed, N failed"; --junit FILE writes the same as JUnit XML for CI test reporters.
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/interrupt.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/record_reader.hpp"
#include "cli/record_stream.hpp"
#include "cli/registry.hpp"
#include "doors/junit.hpp"
#include "doors/result_schema.hpp"
#include "doors/safe_text.hpp"
#include "lmsstage/lmsstage.hpp"
#include "naaccr/naaccr.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;
namespace {

using Json = nlohmann::json;

constexpr std::array<std::string_view, 15> k_expect_keys = {
    "stage",       "possible_stages", "summary_stage", "categories", "system", "survival.matched", "survival.table",
    "assumptions", "warnings",        "notes",         "naaccr",     "error",  "gist_risk",        "basis",
    "tnm"};
constexpr int k_max_expect_depth = 16;

std::string expect_keys() { return joined(k_expect_keys); }

/// What checking one case found: nothing (passed), unmet expectations, or a record check cannot use.
struct Verdict {
    std::vector<std::string> misses;  ///< "field: expected X, got Y"
    bool unusable = false;            ///< the record cannot be checked (exit 65): an error, not a failure
    void miss(std::string_view field, const std::string& expected, const std::string& got) {
        misses.push_back(std::string(field) + ": expected " + expected + ", got " + got);
    }
    void unusable_because(std::string why) {
        unusable = true;
        misses.push_back(std::move(why));
    }
};

/// Objects compare as subsets, possible_stages as a set, everything else exactly.
bool matches(const Json& expected, const Json& actual, bool as_set = false) {
    if (expected.is_object()) {
        if (!actual.is_object()) {
            return false;
        }
        return std::all_of(expected.items().begin(), expected.items().end(), [&](const auto& item) {
            return actual.contains(item.key()) && matches(item.value(), actual.at(item.key()));
        });
    }
    if (as_set && expected.is_array() && actual.is_array()) {
        std::vector<Json> a(expected.begin(), expected.end());
        std::vector<Json> b(actual.begin(), actual.end());
        for (std::vector<Json>* list : {&a, &b}) {
            std::sort(list->begin(), list->end());
            list->erase(std::unique(list->begin(), list->end()), list->end());
        }
        return a == b;
    }
    return expected == actual;
}

/// The part of the result an expectation key (one of k_expect_keys but "error") speaks of.
Json actual_for(const std::string& key, const Json& result) {
    if (key == "system") {
        return result.at("system").at("id");
    }
    const std::size_t dot = key.find('.');  // survival.matched: a member of a group that may be null
    const Json& part = result.at(key.substr(0, dot));
    return dot == std::string::npos || part.is_null() ? part : part.at(key.substr(dot + 1));
}

/// Finds the first key given twice in one object of the expectation, at any depth, while it is
/// parsed (nlohmann::json keeps the last of two, as simdjson On-Demand passes over both): its
/// path, "expect.stage", "expect.categories.T", "expect.warnings[0].x".
class DuplicateKeys {
public:
    /// Follows one parse event; every event of a parse, in order.
    void event(Json::parse_event_t event, const Json& parsed) {
        using Event = Json::parse_event_t;
        switch (event) {
            case Event::object_start: m_frames.push_back(Frame{true, {}, {}, 0}); break;
            case Event::array_start: m_frames.push_back(Frame{false, {}, {}, 0}); break;
            case Event::key: key(parsed.is_string() ? parsed.get<std::string>() : parsed.dump()); break;
            case Event::object_end:
            case Event::array_end:
                if (!m_frames.empty()) {
                    m_frames.pop_back();
                }
                element_done();
                break;
            case Event::value: element_done(); break;
        }
    }
    /// The path of the first key given twice; empty when there is none.
    [[nodiscard]] const std::string& first() const { return m_first; }

private:
    struct Frame {
        bool object;
        std::vector<std::string> keys;  ///< an object's keys so far
        std::string key;                ///< an object's member being read
        std::size_t index;              ///< an array's element being read
    };
    void key(std::string name) {
        if (m_frames.empty() || !m_frames.back().object) {
            return;
        }
        Frame& frame = m_frames.back();
        if (m_first.empty() && std::find(frame.keys.begin(), frame.keys.end(), name) != frame.keys.end()) {
            m_first = "expect";
            for (std::size_t i = 0; i + 1 < m_frames.size(); ++i) {
                m_first += m_frames[i].object ? "." + m_frames[i].key : "[" + std::to_string(m_frames[i].index) + "]";
            }
            m_first += "." + name;
        }
        frame.key = name;
        frame.keys.push_back(std::move(name));
    }
    void element_done() {
        if (!m_frames.empty() && !m_frames.back().object) {
            ++m_frames.back().index;
        }
    }
    std::vector<Frame> m_frames;
    std::string m_first;
};

/// The expectation object, parsed and vetted: not empty, no key given twice, known keys, "error"
/// alone.
std::optional<Json> parse_expect(const std::string& text, Verdict& verdict) {
    bool too_deep = false;
    DuplicateKeys duplicates;
    Json expect = Json::parse(
        text,
        [&](int depth, Json::parse_event_t event, Json& parsed) {
            too_deep = too_deep || depth > k_max_expect_depth;
            if (!too_deep) {
                duplicates.event(event, parsed);
            }
            return !too_deep;
        },
        false);
    if (too_deep || expect.is_discarded() || !expect.is_object()) {
        verdict.unusable_because(too_deep ? "expect: nested more than 16 levels deep" : "expect: invalid JSON");
        return std::nullopt;
    }
    if (!duplicates.first().empty()) {
        // As for a key given twice in the record: which of the two was meant cannot be told.
        verdict.unusable_because(duplicates.first() + " is given more than once");
        return std::nullopt;
    }
    if (expect.empty()) {
        verdict.unusable_because("expect is empty: nothing to check (give one or more of: " + expect_keys() + ")");
        return std::nullopt;
    }
    for (const auto& item : expect.items()) {
        if (std::find(k_expect_keys.begin(), k_expect_keys.end(), item.key()) == k_expect_keys.end()) {
            verdict.unusable_because("expect: unknown key \"" + item.key() + "\" (accepted: " + expect_keys() + ")");
        } else if (item.value().is_object() && item.value().empty()) {
            verdict.unusable_because("expect: \"" + item.key() +
                                     "\" is empty: nothing to check (name at least one field)");
        }
    }
    if (expect.contains("error") && expect.size() > 1) {
        verdict.unusable_because("expect: \"error\" cannot be combined with other keys");
    }
    return verdict.misses.empty() ? std::optional(std::move(expect)) : std::nullopt;
}

/// A member's typed value as a JSON value, to compare with an expectation.
Json json_of(const Value& v) {
    switch (v.form()) {
        case Form::null: return nullptr;
        case Form::word:
        case Form::text: return std::string(v.text());
        case Form::bytes: return valid_utf8(v.text());
        case Form::number: {
            double number = 0;
            const std::string_view digits = v.text();
            std::from_chars(digits.data(), digits.data() + digits.size(), number);
            return number;
        }
        case Form::boolean: return v.text() == "true";
        case Form::id: return std::string(v.other());
        case Form::stages: {
            Json stages = Json::array();
            for (const Stage s : v.stages().members()) {
                stages.push_back(std::string(name(s)));
            }
            return stages;
        }
        case Form::texts: return std::vector<std::string>(v.texts().begin(), v.texts().end());
        case Form::trace: {
            Json trace = Json::array();
            for (const TraceStep& step : v.trace()) {
                trace.push_back({{"rule", std::string(step.rule)}, {"because", step.because}});
            }
            return trace;
        }
        case Form::survival_rows: {
            Json rows = Json::array();
            for (const SurvivalRow& row : v.rows()) {
                rows.push_back({{"summary_stage", std::string(name(row.summary_stage))}, {"percent", row.percent}});
            }
            return rows;
        }
    }
    return nullptr;
}

/// The result's members as the result schema lists them, typed, with the NAACCR output items of
/// the case as "naaccr".
Json actual_json(const Result& result, const Case& input) {
    const std::vector<naaccr::OutputItem> codes = naaccr::output_items(result, input);
    const RecordView view{{}, {}, {}, &result, {}, {}, codes, {}};
    Json actual = Json::object();
    for (const Member& member : result_members()) {
        if (member.json.empty()) {
            continue;
        }
        const std::string group(group_of(member.json));
        if (group.empty()) {
            actual[std::string(member.json)] = json_of(member.value(view));
            continue;
        }
        const auto is_group = [&group](const MemberGroup& g) { return g.name == group; };
        const auto groups = member_groups();
        const auto found = std::find_if(groups.begin(), groups.end(), is_group);
        if (found != groups.end() && !found->present(view)) {
            if (!found->omit_when_absent) {
                actual[group] = nullptr;
            }
            continue;
        }
        actual[group][std::string(leaf_of(member.json))] = json_of(member.value(view));
    }
    return actual;
}

void compare_result(const Json& expect, const Result& result, const Case& input, Verdict& verdict) {
    const Json actual = actual_json(result, input);
    for (const auto& item : expect.items()) {
        const Json got = actual_for(item.key(), actual);
        if (!matches(item.value(), got, item.key() == "possible_stages")) {
            verdict.miss(item.key(), item.value().dump(), got.dump());
        }
    }
}

/// A record read as a case, staged, and compared with what it expects.
Verdict check_case(Record& record, bool naaccr) {
    Verdict verdict;
    if (record.expect_json.empty()) {
        verdict.unusable_because("record: no \"expect\" object: nothing to check");
        return verdict;
    }
    const auto expect = parse_expect(record.expect_json, verdict);
    if (!expect) {
        return verdict;
    }
    Result result;
    const std::optional<RecordError> invalid = stage_record(record, naaccr, result);
    if (expect->contains("error")) {
        const std::string got = invalid ? Json(invalid->field).dump() : "a staged result";
        if (!invalid || got != expect->at("error").dump()) {
            verdict.miss("error", expect->at("error").dump(), got);
        }
    } else if (invalid) {
        verdict.miss("result", "a staged result", "error: " + invalid->message);
    } else {
        compare_result(*expect, result, record.input, verdict);
    }
    return verdict;
}

/// A record whose case field was rejected while reading: the case may be expected to fail so.
Verdict check_rejected(const Record& record, const RecordError& error) {
    Verdict verdict;
    if (!error.bad_value || record.expect_json.empty()) {
        verdict.unusable_because("record: " + error.message);
        return verdict;
    }
    const auto expect = parse_expect(record.expect_json, verdict);
    if (!expect) {
        return verdict;
    }
    if (!expect->contains("error")) {
        verdict.miss("result", "a staged result", "error: " + error.message);
    } else if (Json(error.field) != expect->at("error")) {
        verdict.miss("error", expect->at("error").dump(), Json(error.field).dump() + " (" + error.message + ")");
    }
    return verdict;
}

/// The JUnit XML report: test cases go to a scratch file as they come, then the report is written
/// with its counts in front.
class JUnitReport {
public:
    /// Creates a temporary file beside FILE (so that a bad path fails before anything is read), renamed
    /// over FILE when the report is complete: a reader never sees half a report, and a symlink named
    /// FILE is replaced, never followed. "-" writes the report to `out` instead. The reason on failure.
    std::optional<std::string> open(const std::string& path, std::ostream& out) {
        m_path = path;
        if (path == "-") {
            m_stream = &out;
        } else {
            const std::size_t slash = path.rfind('/');
            m_temp =
                (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + ".lmsstage-junit.XXXXXX";
            const int fd = ::mkstemp(m_temp.data());
            if (fd < 0) {
                m_temp.clear();
            } else {
                m_file.reset(::fdopen(fd, "w"));
                if (!m_file) {
                    ::close(fd);
                }
            }
        }
        m_body.reset((m_file || m_stream) ? std::tmpfile() : nullptr);
        if (!(m_file || m_stream) || !m_body) {
            return "cannot write the JUnit report " + printable(path) + ": " + std::strerror(errno);
        }
        return std::nullopt;
    }
    JUnitReport() = default;
    JUnitReport(const JUnitReport&) = delete;
    JUnitReport& operator=(const JUnitReport&) = delete;
    ~JUnitReport() {
        if (!m_temp.empty()) {
            ::unlink(m_temp.c_str());  // not renamed: the report was not completed
        }
    }
    [[nodiscard]] bool to_stream() const { return m_stream != nullptr; }
    [[nodiscard]] bool active() const { return m_file != nullptr || m_stream != nullptr; }

    void add(const Input& input, long long line, const std::string& name, const Verdict& verdict) {
        const std::string entry = junit_testcase(input.shown, line, name, verdict.misses, verdict.unusable);
        ++(verdict.misses.empty() ? m_passed : (verdict.unusable ? m_errors : m_failures));
        m_ok = m_ok && std::fwrite(entry.data(), 1, entry.size(), m_body.get()) == entry.size();
    }

    /// Writes the report; the reason when it cannot be written.
    std::optional<std::string> close() {
        errno = 0;
        m_ok = m_ok && std::fflush(m_body.get()) == 0 && std::fseek(m_body.get(), 0, SEEK_SET) == 0 &&
               put(junit_head(m_passed, m_failures, m_errors));
        std::vector<char> buffer(std::size_t{1} << 16);
        for (std::size_t n = 0; m_ok && (n = std::fread(buffer.data(), 1, buffer.size(), m_body.get())) > 0;) {
            m_ok = put(std::string_view(buffer.data(), n));
        }
        m_ok = m_ok && put(k_junit_tail);
        if (m_stream != nullptr) {
            m_ok = m_ok && m_stream->flush().good();
        } else {
            m_ok = std::fclose(m_file.release()) == 0 && m_ok;
            m_ok = m_ok && std::rename(m_temp.c_str(), m_path.c_str()) == 0;
            if (m_ok) {
                m_temp.clear();
            }
        }
        if (!m_ok) {
            return "cannot write the JUnit report " + printable(m_path) +
                   (errno != 0 ? ": " + std::string(std::strerror(errno)) : "");
        }
        return std::nullopt;
    }

private:
    struct Closer {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    bool put(std::string_view text) {
        if (m_stream != nullptr) {
            return m_stream->write(text.data(), static_cast<std::streamsize>(text.size())).good();
        }
        return std::fwrite(text.data(), 1, text.size(), m_file.get()) == text.size();
    }
    std::string m_path;
    std::string m_temp;                ///< the report being written, until renamed over m_path
    std::ostream* m_stream = nullptr;  ///< --junit -: the report goes to standard output
    std::unique_ptr<std::FILE, Closer> m_file;
    std::unique_ptr<std::FILE, Closer> m_body;
    long long m_passed = 0;
    long long m_failures = 0;
    long long m_errors = 0;
    bool m_ok = true;
};

/// The name of a case in reports: its id (a string id without its quotes), or its line.
std::string case_name(const Record& record, long long line) {
    std::string_view id = record.id_json;
    if (id.size() >= 2 && id.front() == '"') {
        id = id.substr(1, id.size() - 2);
    }
    return id.empty() ? "line " + std::to_string(line) : std::string(id);
}

class CheckCommand {
public:
    CheckCommand(const Streams& io, JUnitReport& junit, bool naaccr)
        : m_io(io), m_output(junit.to_stream() ? io.err : io.out), m_junit(junit), m_naaccr(naaccr) {}

    /// Checks every input in order; false when output stopped (failed, or a stop was requested).
    bool read_all(const std::vector<Input>& inputs) {
        for (const Input& input : inputs) {
            InputReader reader(input, m_io.in, m_io.stdin_fd);
            if (reader.open_failed(input, m_io.err)) {
                m_input_failed = true;
                continue;
            }
            const long long before = m_passed + m_failed;
            const auto read = [&reader](char* buffer, std::size_t size) { return reader.read(buffer, size); };
            const StreamEnd end = split_records(read, [&](const RawRecord& raw) { return one(input, raw); });
            if (end.kind == StreamEnd::Kind::consumer_stopped || stop_signal() != 0) {
                return false;
            }
            if (end.kind == StreamEnd::Kind::read_error) {
                m_io.err << "lmsstage: " << input.shown << ':' << end.line
                         << ": reading stopped: " << std::strerror(end.error)
                         << "; the rest of this input was not read\n";
                m_input_failed = true;
            } else if (m_passed + m_failed == before) {
                m_unusable = true;  // an input without cases: nothing was checked
                print(input.shown + ": no cases in this input: nothing was checked");
            }
        }
        return print(std::to_string(m_passed) + " passed, " + std::to_string(m_failed) + " failed") && m_output.flush();
    }

    int finish(bool completed) {
        if (const int signal = stop_signal(); signal != 0) {
            m_io.err << "lmsstage: stopped by " << signal_name(signal) << " after " << m_passed + m_failed
                     << " cases\n";
            return exit_code::signal_base + signal;
        }
        if (!completed) {
            return output_failed(m_output, m_io.err);
        }
        if (m_junit.active()) {
            if (auto problem = m_junit.close()) {
                m_io.err << "lmsstage: " << *problem << '\n';
                return exit_code::io;
            }
        }
        if (m_input_failed) {
            return exit_code::no_input;
        }
        if (m_passed + m_failed == 0 || m_unusable) {
            return exit_code::data;
        }
        return m_failed > 0 ? exit_code::check_failed : exit_code::ok;
    }

private:
    bool one(const Input& input, const RawRecord& raw) {
        if (stop_signal() != 0) {
            return false;
        }
        thread_local Record record;
        record.clear();
        Verdict verdict;
        if (!raw.problem.empty()) {
            verdict.unusable_because("record: " + std::string(raw.problem));
        } else if (auto error = read_record(raw.bytes, RecordKind::check, record,
                                            m_naaccr ? RecordKeys::naaccr : RecordKeys::case_fields)) {
            verdict = check_rejected(record, *error);
        } else {
            verdict = check_case(record, m_naaccr);
        }
        m_unusable = m_unusable || verdict.unusable;
        ++(verdict.misses.empty() ? m_passed : m_failed);
        if (m_junit.active()) {
            m_junit.add(input, raw.place.line, case_name(record, raw.place.line), verdict);
        }
        std::string where = input.shown + ':' + std::to_string(raw.place.line);
        if (!record.id_json.empty()) {
            where += ": id ";
            where += record.id_json;
        }
        where += ": ";
        for (const std::string& miss : verdict.misses) {
            if (!print(where + miss)) {
                return false;
            }
        }
        return true;
    }

    /// One line of output, control characters escaped: input cannot forge a line.
    bool print(const std::string& line) { return m_output.write(printable(line) + '\n'); }

    const Streams& m_io;
    Output m_output;
    JUnitReport& m_junit;
    bool m_naaccr;
    long long m_passed = 0;
    long long m_failed = 0;
    bool m_unusable = false;
    bool m_input_failed = false;
};

/// Why the report path would overwrite a case file: one of the inputs (same path or same file), or a
/// name with a case file's extension; nothing when it is safe.
std::optional<std::string> report_is_input(const std::string& report, const std::vector<Input>& inputs) {
    for (const std::string_view extension : {".ndjson", ".jsonl", ".json", ".csv", ".tsv"}) {
        // A case file named where the report goes (check --junit cases/*.ndjson, or *.NDJSON: in any
        // letter case, as batch reads them): never overwrite it.
        if (has_extension(report, extension)) {
            return printable(report) + " has the name of a case file";
        }
    }
    struct stat report_stat {};
    const bool report_exists = ::stat(report.c_str(), &report_stat) == 0;
    for (const Input& input : inputs) {
        if (input.path.empty()) {
            continue;
        }
        struct stat input_stat {};
        if (input.path == report ||
            (report_exists && ::stat(input.path.c_str(), &input_stat) == 0 && input_stat.st_dev == report_stat.st_dev &&
             input_stat.st_ino == report_stat.st_ino)) {
            return printable(report) + " is the input " + input.shown;
        }
    }
    return std::nullopt;
}

}  // namespace

int run_check(const CommandLine& line, const Streams& io) {
    const std::string report = line.value("--junit");
    std::vector<Input> inputs;
    if (auto problem = check_inputs(line.operands, inputs)) {
        io.err << "lmsstage: " << *problem << '\n';
        return exit_code::no_input;
    }
    JUnitReport junit;
    if (!report.empty()) {
        if (const auto clash = report == "-" ? std::nullopt : report_is_input(report, inputs)) {
            io.err << "lmsstage: --junit " << *clash
                   << ": refusing to overwrite it (give the report its own name: --junit "
                      "report.xml)\n";
            return exit_code::usage;
        }
        if (auto problem = junit.open(report, io.out)) {
            io.err << "lmsstage: " << *problem << '\n';
            return exit_code::io;
        }
    }
    CheckCommand command(io, junit, line.has("--naaccr"));
    const bool completed = command.read_all(inputs);
    return command.finish(completed);
}

}  // namespace lmsstage::cli
