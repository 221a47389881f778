#include "cli/pipeline.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>
#include <system_error>

#include "cli/app.hpp"
#include "cli/interrupt.hpp"
#include "cli/record_reader.hpp"
#include "doors/safe_text.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;

bool Output::write(std::string_view text) {
    if (m_failed) {
        return false;
    }
    errno = 0;
    m_out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!m_out) {
        m_failed = true;
        m_error = errno;
    }
    return !m_failed;
}

bool Output::flush() {
    if (m_failed) {
        return false;
    }
    errno = 0;
    m_out.flush();
    if (!m_out) {
        m_failed = true;
        m_error = errno;
    }
    return !m_failed;
}

int output_failed(const Output& output, std::ostream& err) {
    if (output.broken_pipe()) {
        return exit_code::ok;  // the reader went away (| head): stop quietly
    }
    err << "lmsstage: cannot write the output" << (output.error() != 0 ? ": " : "")
        << (output.error() != 0 ? std::strerror(output.error()) : "") << '\n';
    return exit_code::io;
}

int worker_failed(const std::exception_ptr& failure, long long lines_written, std::ostream& err) {
    const std::string after = "; the output ends after " + std::to_string(lines_written) + " lines\n";
    try {
        std::rethrow_exception(failure);
    } catch (const std::bad_alloc&) {
        err << "lmsstage: out of memory while staging" << after;
        return exit_code::os_error;
    } catch (const std::exception& e) {
        err << "lmsstage: internal error on a worker thread: " << printable(e.what()) << after;
    } catch (...) {
        err << "lmsstage: internal error on a worker thread" << after;
    }
    return exit_code::internal;
}

void Batch::add(std::string_view bytes, RecordPlace place, bool problem, const CsvHeader* csv) {
    items.push_back(Item{input.size(), bytes.size(), place, problem, 0, csv, false});
    input += bytes;
    input += '\n';  // what the parser may see right after a record (see read_padded_record)
}

void Batch::add_row(std::string_view bytes, RecordPlace place, const std::shared_ptr<const CsvHeader>& header,
                    std::size_t header_size) {
    if (headers.empty() || headers.back() != header) {
        headers.push_back(header);
        header_bytes += header_size;
    }
    add(bytes, place, false, header.get());
}

void Batch::add_problem(std::string_view field, std::string_view message, RecordPlace place) {
    items.push_back(Item{input.size(), field.size() + message.size(), place, true, field.size(), nullptr, false});
    input += field;
    input += message;
    input += '\n';
}

void Batch::add_xml(std::string_view bytes, RecordPlace place) {
    items.push_back(Item{input.size(), bytes.size(), place, false, 0, nullptr, true});
    input += bytes;
    input += '\n';
}

void Batch::clear() {
    // A batch that once held a huge record gives its memory back: memory stays bounded in bytes.
    if (input.capacity() > 4 * k_batch_bytes) {
        std::string().swap(input);
    }
    if (output.capacity() > 32 * k_batch_bytes) {
        std::string().swap(output);
    }
    input.clear();
    items.clear();
    output.clear();
    headers.clear();
    header_bytes = 0;
    ok = 0;
    bad = 0;
    done = false;
    failure = nullptr;
}

Pipeline::Pipeline(Output& output, ProcessFn process, ThreadStarter start_thread)
    : m_output(output), m_process(std::move(process)), m_start_thread(std::move(start_thread)) {
    if (!m_start_thread) {
        m_start_thread = start_thread_without_stop_signals;
    }
}

Pipeline::~Pipeline() { stop(); }

Batch& Pipeline::current() {
    if (!m_current) {
        m_current = take_spare();
    }
    return *m_current;
}

namespace {

void process_guarded(const ProcessFn& process, Batch& batch) {
    try {
        process(batch);
    } catch (...) {
        batch.failure = std::current_exception();  // reported by the writing thread, in order
    }
}

}  // namespace

bool Pipeline::submit() {
    if (!m_current || m_current->items.empty()) {
        return !m_failed;
    }
    m_current->input.append(k_record_padding, '\n');  // the parser may read past a record's end
    start_workers();
    if (m_workers.empty()) {  // no worker thread could start: stage here
        process_guarded(m_process, *m_current);
        const bool ok = write(*m_current);
        m_spares.push_back(std::move(m_current));
        return ok;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_in_flight.push_back(std::move(m_current));
        m_todo.push_back(m_in_flight.back().get());
    }
    m_work.notify_one();
    // More batches than the workers can take only hold memory (each about 600 KB of full records).
    return write_ready(std::min(k_max_in_flight, m_workers.size() + 2));
}

bool Pipeline::finish() {
    if (!m_workers_tried && m_current && !m_current->items.empty()) {
        m_workers_tried = true;  // one small batch: no threads needed
    }
    return submit() && write_ready(1);
}

std::unique_ptr<Batch> Pipeline::take_spare() {
    if (m_spares.empty()) {
        return std::make_unique<Batch>();
    }
    auto batch = std::move(m_spares.back());
    m_spares.pop_back();
    batch->clear();
    return batch;
}

void Pipeline::start_workers() {
    if (m_workers_tried) {
        return;
    }
    m_workers_tried = true;
    const unsigned count = std::min(std::max(1U, std::thread::hardware_concurrency()), 4U);
    try {
        for (unsigned i = 0; i < count; ++i) {
            m_workers.push_back(m_start_thread([this] { work(); }));
        }
    } catch (const std::system_error& e) {
        m_thread_problem = e.what();  // go on with the workers there are, or on this thread
    }
}

void Pipeline::work() {
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
        process_guarded(m_process, *batch);
        {
            const std::lock_guard lock(m_mutex);
            batch->done = true;
        }
        m_done.notify_all();
    }
}

bool Pipeline::write_ready(std::size_t limit) {
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
        const bool ok = write(*front);
        m_spares.push_back(std::move(front));
        if (!ok) {
            return false;
        }
    }
}

bool Pipeline::write(Batch& batch) {
    if (m_failed) {
        return false;
    }
    if (batch.failure) {
        m_failure = batch.failure;
        m_failed = true;
    } else if (stop_signal() != 0) {
        m_failed = true;  // finish nothing more: the lines written so far are whole
    } else if (m_output.write(batch.output)) {
        m_ok += batch.ok;
        m_bad += batch.bad;
    } else {
        m_failed = true;
    }
    return !m_failed;
}

void Pipeline::stop() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_todo.clear();
    }
    m_work.notify_all();
    for (std::thread& t : m_workers) {
        t.join();
    }
    m_workers.clear();
}

}  // namespace lmsstage::cli
