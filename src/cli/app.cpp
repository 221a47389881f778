#include "cli/app.hpp"

#include <malloc.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>
#include <sstream>
#include <string_view>
#include <system_error>
#include <utility>

#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "doors/safe_text.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;
namespace {

/// One line on stderr, exit 64. The message may repeat what was typed: control characters are
/// shown escaped, so that it stays one line and sends no terminal escape sequence.
int usage_error(std::ostream& err, const std::string& message) {
    err << "lmsstage: " << printable(message) << '\n';
    return exit_code::usage;
}

}  // namespace

int write_output(std::ostream& out, std::ostream& err, const std::string& text) {
    Output output(out);
    if (!output.write(text) || !output.flush()) {
        return output_failed(output, err);  // the reason (No space left on device), exit 74
    }
    return exit_code::ok;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env) {
    std::istringstream nothing;
    return run(args, nothing, out, err, env);
}

namespace {

/// `lmsstage help [COMMAND]`.
int run_help(const std::vector<std::string>& operands, const Streams& io) {
    if (operands.empty()) {
        return write_output(io.out, io.err, main_help());
    }
    const std::string text = operands.size() == 1 ? command_help(operands.front()) : std::string();
    if (text.empty()) {
        std::string message =
            "help takes one command: " + joined(command_summaries(), ", ", [](const auto& c) { return c.first; }) +
            "; got ";
        if (operands.size() == 1) {
            message += '"';
            message += echo(operands.front());
            message += '"';
        } else {
            message += std::to_string(operands.size());
            message += " words";
        }
        return usage_error(io.err, message);
    }
    return write_output(io.out, io.err, text);
}

/// `lmsstage completion bash|zsh|fish`.
int run_completion(const std::vector<std::string>& operands, const Streams& io) {
    const auto known = completion_shells();
    if (operands.size() != 1 || std::find(known.begin(), known.end(), operands.front()) == known.end()) {
        return usage_error(io.err, "completion takes one shell: bash, zsh, fish; see lmsstage completion --help");
    }
    return write_output(io.out, io.err, completion_script(operands.front()));
}

int run_command(const CommandLine& line, const Streams& io) {
    const std::vector<std::string>& operands = line.operands;
    if (line.command == "batch") {
        return run_batch(line, io);
    }
    if (line.command == "check") {
        if (operands.empty()) {
            return usage_error(io.err,
                               "check needs at least one FILE (use - for standard input); see lmsstage check --help");
        }
        return run_check(line, io);
    }
    if (line.command == "rules") {
        if (operands.size() > 1) {
            return usage_error(io.err, "rules takes at most one SYSTEM, got " + std::to_string(operands.size()));
        }
        return run_rules(operands.empty() ? std::string() : operands.front(), line.has("--json"), io.out, io.err);
    }
    if (line.command == "help") {
        return run_help(operands, io);
    }
    return run_completion(operands, io);
}

int dispatch(const std::vector<std::string>& args, const Streams& io, const Environment& env) {
    if (args.empty()) {
        io.err << short_usage() << "Try lmsstage --help for the case fields, examples and exit codes.\n";
        return exit_code::usage;
    }
    if (args.front() == "__complete") {  // the completer the shells' scripts call
        return write_output(io.out, io.err, complete(std::vector<std::string>(args.begin() + 1, args.end())));
    }
    const auto parsed = parse_command_line(args);
    if (const auto* bad = std::get_if<std::string>(&parsed)) {
        return usage_error(io.err, *bad);
    }
    const CommandLine& line = std::get<CommandLine>(parsed);
    if (line.help) {
        return write_output(io.out, io.err, line.command.empty() ? main_help() : command_help(line.command));
    }
    return line.command.empty() ? run_case(line.case_line, io, env) : run_command(line, io);
}

}  // namespace

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
        const Environment& env) {
    try {
        return dispatch(args, Streams{in, out, err, env.stdin_fd}, env);
    } catch (const std::bad_alloc&) {
        err << "lmsstage: out of memory\n";
        return exit_code::os_error;
    } catch (const std::system_error& e) {
        const bool resources =
            e.code() == std::errc::resource_unavailable_try_again || e.code() == std::errc::not_enough_memory;
        err << "lmsstage: " << (resources ? "" : "internal error: ") << printable(e.what()) << '\n';
        return resources ? exit_code::os_error : exit_code::internal;
    }
}

namespace {

/// The width to wrap the report to: COLUMNS when set, else the terminal's, else 80.
std::size_t report_columns(bool terminal) {
    if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && *columns != '\0') {
        char* end = nullptr;
        const long value = std::strtol(columns, &end, 10);
        if (end != columns && *end == '\0' && value > 0) {
            return static_cast<std::size_t>(std::clamp(value, 40L, 1000L));
        }
    }
    winsize size{};
    if (terminal && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return std::max<std::size_t>(size.ws_col, 40);
    }
    return 80;
}

/// The terminal's rows when stdout is one (LINES when set), else 0: a report is never paged into a pipe.
std::size_t report_rows(bool terminal) {
    if (!terminal) {
        return 0;
    }
    if (const char* lines = std::getenv("LINES"); lines != nullptr && *lines != '\0') {
        char* end = nullptr;
        const long value = std::strtol(lines, &end, 10);
        if (end != lines && *end == '\0' && value > 0) {
            return static_cast<std::size_t>(std::min(value, 100000L));
        }
    }
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_row > 0) {
        return size.ws_row;
    }
    return 24;
}

Environment process_environment() {
    Environment env;
    env.stdout_is_terminal = ::isatty(STDOUT_FILENO) == 1;
    const char* no_color = std::getenv("NO_COLOR");
    env.no_color = no_color != nullptr && *no_color != '\0';
    const char* term = std::getenv("TERM");
    env.term_dumb = term != nullptr && std::string_view(term) == "dumb";
    env.columns = report_columns(env.stdout_is_terminal);
    env.rows = report_rows(env.stdout_is_terminal);
    const char* pager = std::getenv("PAGER");
    env.pager = pager == nullptr ? "less -FRX" : pager;
    env.stdin_fd = STDIN_FILENO;
    return env;
}

}  // namespace

/// Under an address-space limit (ulimit -v), one malloc arena for every thread: glibc otherwise
/// gives each worker thread an arena of its own, reserving 64 MiB of addresses apiece (its
/// HEAP_MAX_SIZE on 64-bit systems), which a limit of tens of MiB cannot hold although the program
/// needs a few MiB; and the threads' stacks are 1 MiB, not the 8 MiB of addresses each that
/// ulimit -s usually gives (the workers' deepest call chain needs a few KiB). Without a limit both
/// stay as they are: the arenas spare the threads a shared lock.
static void fit_allocator_to_address_limit() noexcept {
    rlimit limit{};
    if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        mallopt(M_ARENA_MAX, 1);
        pthread_attr_t attributes;
        if (pthread_attr_init(&attributes) == 0) {
            constexpr std::size_t k_stack_bytes = std::size_t{1} << 20;
            if (pthread_attr_setstacksize(&attributes, k_stack_bytes) == 0) {
                pthread_setattr_default_np(&attributes);
            }
            pthread_attr_destroy(&attributes);
        }
    }
}

int main_entry(int argc, char** argv) {
    fit_allocator_to_address_limit();
    try {
        std::vector<std::string> args;
        for (int i = 1; i < argc; ++i) {
            args.emplace_back(argv[i]);
        }
        const Environment env = process_environment();
        std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is seen as EPIPE and handled: stop quietly
        install_stop_handlers();
        StopAwareOutput out_buffer(STDOUT_FILENO);  // a stop is honoured even while the reader stalls
        std::ostream out(&out_buffer);
        const int code = run(args, std::cin, out, std::cerr, env);
        out.flush();
        return code;
    } catch (const std::exception& e) {
        std::cerr << "lmsstage: internal error: " << e.what() << '\n';
    } catch (...) {
        std::cerr << "lmsstage: internal error\n";
    }
    return exit_code::internal;
}

}  // namespace lmsstage::cli
