#pragma once
// SIGINT and SIGTERM ask a running batch or check to stop: the line being written is finished,
// nothing more is written, and the program exits 128 + the signal's number (130, 143). When the
// reader of the output has stalled, the program does not wait for it: the output then ends where
// the reader stopped taking it.

#include <functional>
#include <memory>
#include <streambuf>
#include <thread>

namespace lmsstage::cli {

/// Installs the SIGINT and SIGTERM handlers (the real process only; tests call request_stop).
void install_stop_handlers();

/// The signal that asked to stop, or 0.
int stop_signal() noexcept;

/// Asks to stop as if `signal` had arrived (0 clears the request).
void request_stop(int signal) noexcept;

/// Starts a thread that never takes SIGINT or SIGTERM, so that they reach the reading thread (a
/// read waiting on stdin then returns and the stop is seen).
std::thread start_thread_without_stop_signals(std::function<void()> body);

/// The signal's name for messages: "SIGINT", "SIGTERM".
const char* signal_name(int signal) noexcept;

/// Standard output for the real process: writes to a file descriptor, and once a stop is
/// requested finishes what it is writing (whole lines) only while the reader of a pipe, FIFO or
/// socket takes it: a reader that takes nothing for 100 ms is not waited for (badbit, errno EINTR).
/// (The library's own stream retries an interrupted write for ever.) A full pipe is waited for in
/// poll(), then given at most PIPE_BUF bytes, which it takes without blocking.
class StopAwareOutput : public std::streambuf {
public:
    explicit StopAwareOutput(int fd);
    StopAwareOutput(const StopAwareOutput&) = delete;
    StopAwareOutput& operator=(const StopAwareOutput&) = delete;
    ~StopAwareOutput() override;

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

private:
    bool drain();
    bool write_all(const char* data, std::size_t size);

    int m_fd;
    bool m_waits = false;  ///< a pipe, FIFO or socket: wait with poll(), write PIPE_BUF at most
    bool m_failed = false;
    /// 64 KiB, left uninitialised (only what is written is read): zeroing it cost a single case
    /// 16 page faults at start.
    std::unique_ptr<char[]> m_buffer;
    static constexpr std::size_t k_buffer_size = std::size_t{1} << 16;
    /// A write of at least this much (a batch's output) goes out as it is, after what is buffered:
    /// copied into the buffer, its bytes were read again by the writing thread, from the cache of
    /// the worker that wrote them.
    static constexpr std::size_t k_direct = std::size_t{1} << 13;
    /// The size asked for a pipe on standard output (see the constructor).
    static constexpr int k_pipe_size = 1 << 20;
};

}  // namespace lmsstage::cli
