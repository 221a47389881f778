#include "cli/interrupt.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <utility>

namespace lmsstage::cli {
namespace {

std::atomic<int> g_stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "set from a signal handler");

extern "C" void on_stop_signal(int signal) { g_stop_signal.store(signal, std::memory_order_relaxed); }

}  // namespace

void install_stop_handlers() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a read waiting on stdin returns, and the stop is seen
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

std::thread start_thread_without_stop_signals(std::function<void()> body) {
    sigset_t stop_signals;
    sigset_t before;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, &before);  // the new thread inherits the mask
    try {
        std::thread thread(std::move(body));
        pthread_sigmask(SIG_SETMASK, &before, nullptr);
        return thread;
    } catch (...) {
        pthread_sigmask(SIG_SETMASK, &before, nullptr);
        throw;
    }
}

int stop_signal() noexcept { return g_stop_signal.load(std::memory_order_relaxed); }

void request_stop(int signal) noexcept { g_stop_signal.store(signal, std::memory_order_relaxed); }

const char* signal_name(int signal) noexcept {
    return signal == SIGINT ? "SIGINT" : (signal == SIGTERM ? "SIGTERM" : "a signal");
}

StopAwareOutput::StopAwareOutput(int fd) : m_fd(fd), m_buffer(new char[k_buffer_size]) {
    struct stat info {};
    m_waits = ::fstat(fd, &info) == 0 && (S_ISFIFO(info.st_mode) || S_ISSOCK(info.st_mode));
    if (m_waits && S_ISFIFO(info.st_mode)) {
        // A pipe of 1 MiB, the most a program may ask for by default (/proc/sys/fs/pipe-max-size), in
        // place of 64 KiB: the reader and the writer wake each other a sixteenth as often (full
        // records into `wc -l`: 1.5 s for a million, 2.3-2.9 s before). A refusal leaves it as it was.
        (void)::fcntl(fd, F_SETPIPE_SZ, k_pipe_size);
    }
    setp(m_buffer.get(), m_buffer.get() + k_buffer_size);
}

StopAwareOutput::~StopAwareOutput() { (void)drain(); }

bool StopAwareOutput::write_all(const char* data, std::size_t size) {
    while (size > 0 && !m_failed) {
        std::size_t chunk = size;
        if (m_waits) {
            // A pipe with room is written in whole buffers (a signal interrupts a write that then
            // blocks). A full pipe, or any pipe once a stop is requested, is waited for in poll()
            // 100 ms at a time, then given at most PIPE_BUF bytes, which it takes without blocking;
            // after a stop request, a reader that takes nothing for 100 ms is not waited for.
            pollfd ready{m_fd, POLLOUT, 0};
            if (stop_signal() != 0 || ::poll(&ready, 1, 0) == 0) {
                const int polled = ::poll(&ready, 1, 100);
                if (polled < 0 && errno == EINTR) {
                    continue;
                }
                if (polled == 0 && stop_signal() != 0) {
                    errno = EINTR;
                    m_failed = true;
                    break;
                }
                if (polled == 0) {
                    continue;
                }
                chunk = std::min<std::size_t>(size, PIPE_BUF);
            }
        }
        const ssize_t put = ::write(m_fd, data, chunk);
        if (put < 0) {
            if (errno == EINTR) {
                continue;
            }
            m_failed = true;  // errno says why (EPIPE, ENOSPC, ...)
            break;
        }
        data += put;
        size -= static_cast<std::size_t>(put);
    }
    return !m_failed;
}

bool StopAwareOutput::drain() {
    const auto size = static_cast<std::size_t>(pptr() - pbase());
    setp(m_buffer.get(), m_buffer.get() + k_buffer_size);
    return m_failed ? false : write_all(m_buffer.get(), size);
}

StopAwareOutput::int_type StopAwareOutput::overflow(int_type c) {
    if (!drain()) {
        return traits_type::eof();
    }
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

std::streamsize StopAwareOutput::xsputn(const char* s, std::streamsize n) {
    const auto size = static_cast<std::size_t>(n);
    if (size < k_direct && size <= static_cast<std::size_t>(epptr() - pptr())) {
        std::memcpy(pptr(), s, size);
        pbump(static_cast<int>(n));
        return n;
    }
    if (!drain() || !write_all(s, size)) {
        return 0;
    }
    return n;
}

int StopAwareOutput::sync() { return drain() ? 0 : -1; }

}  // namespace lmsstage::cli
