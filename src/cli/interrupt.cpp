#include "cli/interrupt.hpp"

#include <pthread.h>
#include <atomic>

#include <csignal>
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

}  // namespace lmsstage::cli
