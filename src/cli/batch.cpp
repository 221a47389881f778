// lmsstage batch and lmsstage check: records in (files or stdin), one outcome per record.
#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
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
    /// Writes `text` straight through (after anything buffered), without copying it.
    bool write_direct(std::string_view text) {
        if (!m_buffer.empty() && !flush()) {
            return false;
        }
        if (m_failed) {
            return false;
        }
        errno = 0;
        m_out.write(text.data(), static_cast<std::streamsize>(text.size()));
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

namespace {

/// Records are staged in batches by worker threads and written in input order; the number of
/// batches in flight is bounded, so memory stays flat however long the input.
constexpr std::size_t k_batch_records = 256;
constexpr std::size_t k_max_in_flight = 6;

struct Batch {
    struct Item {
        std::size_t offset = 0;
        std::size_t size = 0;
        RecordPlace place;
        std::string_view problem;  ///< static text from the record splitter
    };
    std::string input;
    std::vector<Item> items;
    std::string output;
    long long ok = 0;
    long long bad = 0;
    bool done = false;

    void clear() {
        input.clear();
        items.clear();
        output.clear();
        ok = 0;
        bad = 0;
        done = false;
    }
};

/// Stages every record of a batch into its output (one line each).
void process(Batch& batch, Record& record, Result& result) {
    std::string& buf = batch.output;
    for (const Batch::Item& item : batch.items) {
        const std::string_view bytes(batch.input.data() + item.offset, item.size);
        if (!item.problem.empty()) {
            append_error_json(buf, "", item.problem, "", item.place);
            ++batch.bad;
        } else if (auto error = read_record(bytes, RecordKind::batch, record)) {
            append_error_json(buf, error->field, error->message, record.id_json, item.place);
            ++batch.bad;
        } else {
            if (auto invalid = stage(record.input, result)) {
                append_error_json(buf, *invalid, record.id_json, item.place);
                ++batch.bad;
            } else {
                append_result_json(buf, result, record.id_json);
                ++batch.ok;
            }
        }
        buf += '\n';
    }
}

class Pipeline {
public:
    explicit Pipeline(Output& output) : m_output(output) {}
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;
    ~Pipeline() { stop(); }

    /// The batch being filled.
    Batch& current() {
        if (!m_current) {
            m_current = take_spare();
        }
        return *m_current;
    }

    /// Hands the current batch to the workers; false when output has failed.
    bool submit() {
        if (!m_current || m_current->items.empty()) {
            return !m_failed;
        }
        start_workers();
        {
            std::unique_lock lock(m_mutex);
            m_in_flight.push_back(std::move(m_current));
            m_todo.push_back(m_in_flight.back().get());
        }
        m_work.notify_one();
        return write_ready(k_max_in_flight);
    }

    /// Submits what is left and writes everything, in order.
    bool finish() {
        if (m_workers.empty() && m_current && !m_current->items.empty()) {
            // Small input: no threads needed.
            Record record;
            Result result;
            process(*m_current, record, result);
            write(*m_current);
            m_current.reset();
            return !m_failed;
        }
        return submit() && write_ready(1);
    }

    long long ok() const { return m_ok; }
    long long bad() const { return m_bad; }

private:
    std::unique_ptr<Batch> take_spare() {
        std::unique_lock lock(m_mutex);
        if (m_spares.empty()) {
            return std::make_unique<Batch>();
        }
        auto batch = std::move(m_spares.back());
        m_spares.pop_back();
        batch->clear();
        return batch;
    }

    void start_workers() {
        if (!m_workers.empty()) {
            return;
        }
        const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
        const unsigned count = std::min(cores, 4U);
        for (unsigned i = 0; i < count; ++i) {
            m_workers.emplace_back([this] { work(); });
        }
    }

    void work() {
        Record record;
        Result result;
        while (true) {
            Batch* batch = nullptr;
            {
                std::unique_lock lock(m_mutex);
                m_work.wait(lock, [this] { return m_stopping || !m_todo.empty(); });
                if (m_todo.empty()) {
                    return;
                }
                batch = m_todo.front();
                m_todo.pop_front();
            }
            process(*batch, record, result);
            {
                std::unique_lock lock(m_mutex);
                batch->done = true;
            }
            m_done.notify_all();
        }
    }

    /// Writes finished batches in order until fewer than `limit` are in flight.
    bool write_ready(std::size_t limit) {
        while (true) {
            std::unique_ptr<Batch> front;
            {
                std::unique_lock lock(m_mutex);
                if (m_in_flight.empty() || (m_in_flight.size() < limit && !m_in_flight.front()->done)) {
                    return !m_failed;
                }
                m_done.wait(lock, [this] { return m_in_flight.front()->done; });
                front = std::move(m_in_flight.front());
                m_in_flight.pop_front();
            }
            write(*front);
            std::unique_lock lock(m_mutex);
            m_spares.push_back(std::move(front));
            if (m_failed) {
                return false;
            }
        }
    }

    void write(Batch& batch) {
        m_ok += batch.ok;
        m_bad += batch.bad;
        if (m_failed) {
            return;
        }
        if (!m_output.write_direct(batch.output)) {
            m_failed = true;
        }
    }

    void stop() {
        {
            std::unique_lock lock(m_mutex);
            m_stopping = true;
            m_todo.clear();
        }
        m_work.notify_all();
        for (std::thread& t : m_workers) {
            t.join();
        }
        m_workers.clear();
    }

    Output& m_output;
    std::unique_ptr<Batch> m_current;
    std::deque<std::unique_ptr<Batch>> m_in_flight;
    std::deque<Batch*> m_todo;
    std::vector<std::unique_ptr<Batch>> m_spares;
    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_work;
    std::condition_variable m_done;
    bool m_stopping = false;
    bool m_failed = false;
    long long m_ok = 0;
    long long m_bad = 0;
};

}  // namespace

int run_batch(const std::vector<std::string>& files, std::istream& in, std::ostream& out, std::ostream& err) {
    std::vector<Input> inputs;
    if (!open_inputs(files, inputs, err)) {
        return exit_code::no_input;
    }
    Output output(out);
    bool stream_problem = false;
    bool output_ok = true;
    {
        Pipeline pipeline(output);
        for (const Input& input : inputs) {
            std::istream& stream = input.file ? *input.file : in;
            const std::string_view file_name = input.name;
            const std::function<bool(const RawRecord&)> on_record = [&](const RawRecord& raw) {
                Batch& batch = pipeline.current();
                Batch::Item item;
                item.offset = batch.input.size();
                item.size = raw.bytes.size();
                item.place = raw.place;
                item.place.file = file_name;
                item.problem = raw.problem;
                batch.input += raw.bytes;
                batch.items.push_back(item);
                return batch.items.size() < k_batch_records || pipeline.submit();
            };
            const std::function<void(const StreamProblem&)> on_problem = [&](const StreamProblem& problem) {
                stream_problem = true;
                report_stream_problem(err, input, problem);
            };
            if (!split_records(stream, on_record, on_problem)) {
                output_ok = false;
                break;
            }
            if (stream.bad()) {
                pipeline.finish();
                output.flush();
                err << "lmsstage: error reading " << (input.name.empty() ? "<stdin>" : input.name) << '\n';
                return exit_code::no_input;
            }
        }
        output_ok = output_ok && pipeline.finish() && output.flush();
        if (!output_ok) {
            return output_failed(output, err);
        }
        err << "staged " << pipeline.ok() + pipeline.bad() << " records: " << pipeline.ok() << " ok, "
            << pipeline.bad() << " errors\n";
        return pipeline.bad() > 0 || stream_problem ? exit_code::data : exit_code::ok;
    }
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
                // A case rejected for a field's value may be exactly what the record expects.
                const Json expect = record.expect_json.empty() ? Json() : Json::parse(record.expect_json);
                if (error->bad_value && expect.is_object() && expect.contains("error")) {
                    if (Json(error->field) != expect.at("error")) {
                        miss("error", expect.at("error").dump(), Json(error->field).dump() + " (" + error->message + ")");
                    }
                } else if (error->bad_value && expect.is_object()) {
                    // A readable record whose case is invalid: an unmet expectation, as when
                    // staging rejects the case.
                    miss("result", "a staged result", "error: " + error->message);
                } else {
                    unreadable = true;
                    misses.push_back("record: " + error->message);
                }
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
