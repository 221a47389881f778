// lmsstage batch and lmsstage check: records in (files or stdin), one outcome per record.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/record_reader.hpp"
#include "cli/record_stream.hpp"
#include "cli/render_json.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::cli {
namespace {

constexpr std::size_t k_flush_bytes = std::size_t{1} << 18;

struct Input {
    std::string name;  ///< empty for stdin
    std::unique_ptr<std::ifstream> file;
};

/// Opens every input before anything is written, so a missing file costs no partial output.
bool open_inputs(const std::vector<std::string>& names, std::vector<Input>& inputs, std::ostream& err) {
    if (names.empty()) {
        inputs.push_back(Input{"", nullptr});
        return true;
    }
    for (const std::string& name : names) {
        if (name == "-") {
            inputs.push_back(Input{"", nullptr});
            continue;
        }
        auto file = std::make_unique<std::ifstream>(name, std::ios::binary);
        if (!*file) {
            err << "lmsstage: cannot open " << name << ": " << std::strerror(errno) << '\n';
            return false;
        }
        inputs.push_back(Input{name, std::move(file)});
    }
    return true;
}

/// Output in large writes; remembers whether the reader went away.
class Output {
public:
    explicit Output(std::ostream& out) : m_out(out) { m_buffer.reserve(k_flush_bytes + (std::size_t{1} << 16)); }
    std::string& buffer() { return m_buffer; }
    bool maybe_flush() { return m_buffer.size() < k_flush_bytes || flush(); }
    bool flush() {
        if (m_failed) {
            return false;
        }
        errno = 0;
        m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        m_out.flush();
        m_buffer.clear();
        if (!m_out) {
            m_failed = true;
            m_broken_pipe = errno == EPIPE;
            return false;
        }
        return true;
    }
    [[nodiscard]] bool broken_pipe() const { return m_broken_pipe; }

private:
    std::ostream& m_out;
    std::string m_buffer;
    bool m_failed = false;
    bool m_broken_pipe = false;
};

int output_failed(const Output& output, std::ostream& err) {
    if (output.broken_pipe()) {
        return exit_code::ok;  // the reader went away (| head): stop quietly
    }
    err << "lmsstage: cannot write the output\n";
    return exit_code::io;
}

void report_stream_problem(std::ostream& err, const Input& input, const StreamProblem& problem) {
    err << "lmsstage: " << (input.name.empty() ? std::string("<stdin>") : input.name) << ':' << problem.line << ": "
        << problem.message << '\n';
}

}  // namespace

int run_batch(const std::vector<std::string>& files, std::istream& in, std::ostream& out, std::ostream& err) {
    std::vector<Input> inputs;
    if (!open_inputs(files, inputs, err)) {
        return exit_code::no_input;
    }
    Output output(out);
    Record record;
    long long ok = 0;
    long long bad = 0;
    bool stream_problem = false;

    for (const Input& input : inputs) {
        std::istream& stream = input.file ? *input.file : in;
        const std::string_view file_name = input.name;
        const std::function<bool(const RawRecord&)> on_record = [&](const RawRecord& raw) {
            std::string& buf = output.buffer();
            RecordPlace place = raw.place;
            place.file = file_name;
            if (!raw.problem.empty()) {
                append_error_json(buf, "", raw.problem, "", place);
                ++bad;
            } else if (auto error = read_record(raw.bytes, RecordKind::batch, record)) {
                append_error_json(buf, error->field, error->message, record.id_json, place);
                ++bad;
            } else {
                const Outcome outcome = stage(record.input);
                if (const auto* invalid = std::get_if<CaseError>(&outcome)) {
                    append_error_json(buf, *invalid, record.id_json, place);
                    ++bad;
                } else {
                    append_result_json(buf, std::get<Result>(outcome), record.id_json);
                    ++ok;
                }
            }
            buf += '\n';
            return output.maybe_flush();
        };
        const std::function<void(const StreamProblem&)> on_problem = [&](const StreamProblem& problem) {
            stream_problem = true;
            report_stream_problem(err, input, problem);
        };
        if (!split_records(stream, on_record, on_problem)) {
            return output_failed(output, err);
        }
        if (stream.bad()) {
            output.flush();
            err << "lmsstage: error reading " << (input.name.empty() ? "<stdin>" : input.name) << '\n';
            return exit_code::no_input;
        }
    }
    if (!output.flush()) {
        return output_failed(output, err);
    }
    err << "staged " << ok + bad << " records: " << ok << " ok, " << bad << " errors\n";
    return bad > 0 || stream_problem ? exit_code::data : exit_code::ok;
}

namespace {

using Json = nlohmann::json;

/// Compares an expectation with the actual value: objects as subsets, everything else exactly.
bool matches(const Json& expected, const Json& actual) {
    if (expected.is_object()) {
        if (!actual.is_object()) {
            return false;
        }
        for (const auto& [key, value] : expected.items()) {
            if (!actual.contains(key) || !matches(value, actual.at(key))) {
                return false;
            }
        }
        return true;
    }
    return expected == actual;
}

/// The part of the result an expectation key speaks of.
std::optional<Json> actual_for(const std::string& key, const Json& result) {
    if (key == "stage" || key == "possible_stages" || key == "summary_stage" || key == "categories" ||
        key == "assumptions" || key == "warnings") {
        return result.at(key);
    }
    if (key == "system") {
        return result.at("system").at("id");
    }
    if (key == "survival.matched") {
        const Json& survival = result.at("survival");
        return survival.is_null() ? Json(nullptr) : survival.at("matched");
    }
    if (key == "survival.table") {
        const Json& survival = result.at("survival");
        return survival.is_null() ? Json(nullptr) : survival.at("table");
    }
    return std::nullopt;
}

constexpr std::string_view k_expect_keys =
    "stage, possible_stages, summary_stage, categories, system, survival.matched, survival.table, assumptions, "
    "warnings, error";

}  // namespace

int run_check(const std::vector<std::string>& files, std::istream& in, std::ostream& out, std::ostream& err) {
    std::vector<Input> inputs;
    if (!open_inputs(files, inputs, err)) {
        return exit_code::no_input;
    }
    Record record;
    long long passed = 0;
    long long failed = 0;
    bool unreadable = false;
    std::string result_json;

    for (const Input& input : inputs) {
        std::istream& stream = input.file ? *input.file : in;
        const std::string where_file = input.name.empty() ? "<stdin>" : input.name;
        const std::function<bool(const RawRecord&)> on_record = [&](const RawRecord& raw) {
            std::string where = where_file;
            if (raw.place.kind == RecordPlace::Kind::index) {
                where += "[";
                where += std::to_string(raw.place.number);
                where += "]";
            } else {
                where += ':';
                where += std::to_string(raw.place.number);
            }
            std::vector<std::string> misses;
            auto miss = [&](std::string_view field, const std::string& expected, const std::string& got) {
                misses.push_back(std::string(field) + ": expected " + expected + ", got " + got);
            };
            if (!raw.problem.empty()) {
                unreadable = true;
                misses.emplace_back("record: " + std::string(raw.problem));
            } else if (auto error = read_record(raw.bytes, RecordKind::check, record)) {
                unreadable = true;
                misses.push_back("record: " + error->message);
            } else if (record.expect_json.empty()) {
                unreadable = true;
                misses.emplace_back("record: no \"expect\" object: nothing to check");
            } else {
                const Json expect = Json::parse(record.expect_json);  // validated by read_record
                const Outcome outcome = stage(record.input);
                const auto* invalid = std::get_if<CaseError>(&outcome);
                if (expect.contains("error")) {
                    const std::string got = invalid ? std::string(field_name(invalid->field)) : "a staged result";
                    if (!invalid || Json(got) != expect.at("error")) {
                        miss("error", expect.at("error").dump(), invalid ? Json(got).dump() : got);
                    }
                } else if (invalid) {
                    miss("result", "a staged result", "error: " + invalid->message());
                } else {
                    result_json.clear();
                    append_result_json(result_json, std::get<Result>(outcome), {});
                    const Json actual = Json::parse(result_json);
                    for (const auto& [key, expected] : expect.items()) {
                        const auto got = actual_for(key, actual);
                        if (!got) {
                            unreadable = true;
                            misses.push_back("expect: unknown key \"" + key + "\" (accepted: " +
                                             std::string(k_expect_keys) + ")");
                        } else if (!matches(expected, *got)) {
                            miss(key, expected.dump(), got->dump());
                        }
                    }
                }
            }
            if (misses.empty()) {
                ++passed;
            } else {
                ++failed;
                for (const std::string& m : misses) {
                    out << where;
                    if (!record.id_json.empty()) {
                        out << ": id " << record.id_json;
                    }
                    out << ": " << m << '\n';
                }
            }
            return static_cast<bool>(out);
        };
        const std::function<void(const StreamProblem&)> on_problem = [&](const StreamProblem& problem) {
            unreadable = true;
            report_stream_problem(err, input, problem);
        };
        if (!split_records(stream, on_record, on_problem)) {
            break;
        }
    }
    out << passed << " passed, " << failed << " failed\n";
    out.flush();
    if (!out) {
        err << "lmsstage: cannot write the output\n";
        return exit_code::io;
    }
    if (unreadable) {
        return exit_code::data;
    }
    return failed > 0 ? exit_code::check_failed : exit_code::ok;
}

}  // namespace lmsstage::cli
