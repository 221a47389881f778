// lmsstage batch: records in (files or stdin), exactly one NDJSON line out per record, in order.
#include <cstring>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/interrupt.hpp"
#include "cli/pipeline.hpp"
#include "cli/record_reader.hpp"
#include "cli/record_stream.hpp"
#include "cli/render_json.hpp"
#include "cli/safe_text.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::cli {
namespace {

/// Stages every record of a batch into its output, one line each (runs on worker threads).
void stage_batch(Batch& batch) {
    thread_local Record record;
    thread_local Result result;
    std::string& out = batch.output;
    for (const Batch::Item& item : batch.items) {
        const std::string_view bytes(batch.input.data() + item.offset, item.size);
        if (item.problem) {
            append_error_json(out, "", bytes, "", item.place);
            ++batch.bad;
        } else if (auto error = read_padded_record(bytes, RecordKind::batch, record)) {
            append_error_json(out, error->field, error->message, record.id_json, item.place);
            ++batch.bad;
        } else if (auto invalid = stage(record.input, result)) {
            append_error_json(out, *invalid, record.id_json, item.place);
            ++batch.bad;
        } else {
            append_result_json(out, result, record.id_json);
            ++batch.ok;
        }
        out += '\n';
    }
}

class BatchCommand {
public:
    explicit BatchCommand(const Streams& io) : m_io(io), m_output(io.out), m_pipeline(m_output, stage_batch) {}

    /// Reads every input in order; false when writing stopped (output, worker failure or signal).
    bool read_all(const std::vector<Input>& inputs) {
        for (const Input& input : inputs) {
            InputReader reader(input, m_io.in, m_io.stdin_fd);
            if (reader.open_error() != 0) {
                m_io.err << "lmsstage: cannot open " << input.shown << ": " << std::strerror(reader.open_error()) << '\n';
                m_input_failed = true;
                continue;
            }
            const auto read = [&reader](char* buffer, std::size_t size) { return reader.read(buffer, size); };
            const StreamEnd end =
                split_records(read, [&](const RawRecord& raw) { return add(input, raw); });
            if (end.kind == StreamEnd::Kind::consumer_stopped || stop_signal() != 0) {
                return false;
            }
            if (end.kind == StreamEnd::Kind::read_error) {
                read_failed(input, end);
            }
        }
        return m_pipeline.finish();
    }

    int finish(bool completed) {
        if (const int signal = stop_signal(); signal != 0) {
            m_io.err << "lmsstage: stopped by " << signal_name(signal) << " after " << lines()
                     << " output lines; the rest of the input was not staged\n";
            return exit_code::signal_base + signal;
        }
        report_thread_problem();
        if (m_pipeline.failure()) {
            return worker_failed(m_pipeline.failure(), lines(), m_io.err);
        }
        if (!completed || !m_output.flush()) {
            return output_failed(m_output, m_io.err);
        }
        m_io.err << "staged " << lines() << (lines() == 1 ? " record: " : " records: ") << m_pipeline.ok() << " ok, "
                 << m_pipeline.bad() << (m_pipeline.bad() == 1 ? " error\n" : " errors\n");
        if (m_input_failed) {
            return exit_code::no_input;
        }
        return m_pipeline.bad() > 0 ? exit_code::data : exit_code::ok;
    }

private:
    long long lines() const { return m_pipeline.ok() + m_pipeline.bad(); }

    bool add(const Input& input, const RawRecord& raw) {
        if (stop_signal() != 0) {
            return false;
        }
        RecordPlace place = raw.place;
        place.file = input.json_name;
        Batch& batch = m_pipeline.current();
        batch.add(raw.problem.empty() ? raw.bytes : raw.problem, place, !raw.problem.empty());
        if (raw.stops) {
            m_io.err << "lmsstage: " << input.shown << ": " << printable(raw.problem) << '\n';
        }
        const bool go_on = !batch.full() || m_pipeline.submit();
        report_thread_problem();
        return go_on;
    }

    /// A read error: an error line in place of the unread rest, and the reason on stderr.
    void read_failed(const Input& input, const StreamEnd& end) {
        const std::string message = "reading stopped at line " + std::to_string(end.line) + ": " +
                                    std::strerror(end.error) + "; the rest of this input was not read";
        RecordPlace place = RecordPlace::at_line(end.line);
        place.file = input.json_name;
        m_pipeline.current().add(message, place, true);
        m_io.err << "lmsstage: " << input.shown << ':' << end.line << ": " << message << '\n';
        m_input_failed = true;
    }

    void report_thread_problem() {
        if (!m_thread_note_done && !m_pipeline.thread_problem().empty()) {
            m_thread_note_done = true;
            m_io.err << "lmsstage: cannot start worker threads (" << m_pipeline.thread_problem()
                     << "): staging on fewer threads\n";
        }
    }

    const Streams& m_io;
    Output m_output;
    Pipeline m_pipeline;
    bool m_input_failed = false;
    bool m_thread_note_done = false;
};

}  // namespace

int run_batch(const std::vector<std::string>& files, const Streams& io) {
    std::vector<Input> inputs;
    if (auto problem = check_inputs(files, inputs)) {
        io.err << "lmsstage: " << *problem << '\n';
        return exit_code::no_input;
    }
    BatchCommand command(io);
    const bool completed = command.read_all(inputs);
    return command.finish(completed);
}

}  // namespace lmsstage::cli
