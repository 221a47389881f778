#pragma once
// SIGINT and SIGTERM ask a running batch or check to stop: the line being written is finished,
// nothing more is written, and the program exits 128 + the signal's number (130, 143).

#include <functional>
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

}  // namespace lmsstage::cli
