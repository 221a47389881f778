#pragma once
// The output side of batch and check: large writes that remember why they failed, and the ordered
// worker pool that stages records in batches and writes them in input order. Memory is bounded in
// bytes: a batch is handed on at k_batch_records records or k_batch_bytes bytes of input, whichever
// comes first, and at most two batches more than there are workers (k_max_in_flight at most) exist
// at once: one for each worker, one waiting for the next free worker, one being written.

#include <cerrno>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "doors/records.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;

struct CsvHeader;

/// Writes to a stream; remembers whether and why writing failed (errno, EPIPE: the reader left).
class Output {
public:
    explicit Output(std::ostream& out) : m_out(out) {}
    bool write(std::string_view text);
    bool flush();
    [[nodiscard]] bool failed() const { return m_failed; }
    [[nodiscard]] bool broken_pipe() const { return m_error == EPIPE; }
    [[nodiscard]] int error() const { return m_error; }

private:
    std::ostream& m_out;
    bool m_failed = false;
    int m_error = 0;
};

/// Exit code for a failed output: 0 and no message when the reader went away (| head), else 74
/// with the reason on `err`.
int output_failed(const Output& output, std::ostream& err);

/// Exit code and message for what a worker threw: 71 for out of memory, 70 (a bug) otherwise.
int worker_failed(const std::exception_ptr& failure, long long lines_written, std::ostream& err);

inline constexpr std::size_t k_batch_records = 256;
inline constexpr std::size_t k_batch_bytes = std::size_t{1} << 16;
inline constexpr std::size_t k_max_in_flight = 6;

/// Records read, and the NDJSON lines they give.
struct Batch {
    struct Item {
        std::size_t offset = 0;  ///< the record's bytes in `input` (or the problem's text)
        std::size_t size = 0;
        RecordPlace place;
        bool problem = false;            ///< the bytes are a framing problem's message, not a record
        std::size_t field_size = 0;      ///< a problem: its first bytes name the field at fault
        const CsvHeader* csv = nullptr;  ///< a CSV/TSV row, read by this header; nullptr: JSON
        bool xml = false;                ///< a piece of NAACCR XML (cli/naaccr_xml.hpp): a Tumor or text
    };
    std::string input;
    std::vector<Item> items;
    /// The CSV/TSV headers its rows are read by, held until the batch is cleared: a header lives as
    /// long as a batch needs it, not to the end of the run (memory bounded whatever the inputs).
    std::vector<std::shared_ptr<const CsvHeader>> headers;
    std::size_t header_bytes = 0;  ///< their size, counted towards the batch's bytes
    std::string output;
    long long ok = 0;
    long long bad = 0;
    bool done = false;
    std::exception_ptr failure;  ///< what a worker threw while processing the batch

    void add(std::string_view bytes, RecordPlace place, bool problem, const CsvHeader* csv = nullptr);
    /// A CSV/TSV data row, read by `header`, which takes `header_size` bytes.
    void add_row(std::string_view bytes, RecordPlace place, const std::shared_ptr<const CsvHeader>& header,
                 std::size_t header_size);
    /// A problem that names the field at fault (a CSV header's column).
    void add_problem(std::string_view field, std::string_view message, RecordPlace place);
    /// A piece of NAACCR XML: an encoded Tumor (a record), or text to write through (not a record).
    void add_xml(std::string_view bytes, RecordPlace place);
    [[nodiscard]] bool full() const {
        return items.size() >= k_batch_records || input.size() + header_bytes >= k_batch_bytes;
    }
    void clear();
};

/// Processes a batch: one output line per item, counting ok and bad.
using ProcessFn = std::function<void(Batch&)>;
/// Starts a thread running `body` (std::thread by default; tests make it fail).
using ThreadStarter = std::function<std::thread(std::function<void()> body)>;

class Pipeline {
public:
    Pipeline(Output& output, ProcessFn process, ThreadStarter start_thread = {});
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;
    ~Pipeline();

    /// The batch being filled.
    Batch& current();
    /// Hands the current batch on and writes what is ready; false when writing must stop: the
    /// output failed, a worker failed (failure()), or a stop was requested (stop_signal()).
    bool submit();
    /// Hands on what is left and writes everything, in order; false as for submit().
    bool finish();

    [[nodiscard]] long long ok() const { return m_ok; }
    [[nodiscard]] long long bad() const { return m_bad; }
    /// What a worker threw, if anything (the batch it was processing is not written).
    [[nodiscard]] std::exception_ptr failure() const { return m_failure; }
    /// Why worker threads could not be started (the batches are then staged on this thread).
    [[nodiscard]] const std::string& thread_problem() const { return m_thread_problem; }

private:
    std::unique_ptr<Batch> take_spare();
    void start_workers();
    void work();
    bool write_ready(std::size_t limit);
    bool write(Batch& batch);
    void stop();

    Output& m_output;
    ProcessFn m_process;
    ThreadStarter m_start_thread;
    std::unique_ptr<Batch> m_current;
    std::deque<std::unique_ptr<Batch>> m_in_flight;
    std::deque<Batch*> m_todo;
    std::vector<std::unique_ptr<Batch>> m_spares;
    std::vector<std::thread> m_workers;
    bool m_workers_tried = false;
    std::mutex m_mutex;
    std::condition_variable m_work;
    std::condition_variable m_done;
    bool m_stopping = false;
    bool m_failed = false;
    long long m_ok = 0;
    long long m_bad = 0;
    std::exception_ptr m_failure;
    std::string m_thread_problem;
};

}  // namespace lmsstage::cli
