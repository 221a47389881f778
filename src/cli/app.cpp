#include "cli/app.hpp"

#include <sys/ioctl.h>
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
#include "cli/completion.hpp"
#include "cli/fields.hpp"
#include "cli/help.hpp"
#include "cli/interrupt.hpp"
#include "cli/render_json.hpp"
#include "cli/render_text.hpp"
#include "cli/safe_text.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::cli {
namespace {

/// Whether a word is one of the command-line options of a case field (to tell a subcommand user
/// that case fields go in the records).
bool is_case_option(std::string_view arg) {
    const std::string_view option = arg.substr(0, arg.find('='));
    for (const FieldSpec& spec : field_specs()) {
        if (spec.option == option ||
            (option.size() > 5 && option.substr(0, 5) == "--no-" && option.substr(5) == spec.option.substr(2))) {
            return true;
        }
    }
    return false;
}

/// One line on stderr, exit 64. The message may repeat what was typed: control characters are
/// shown escaped, so that it stays one line and sends no terminal escape sequence.
int usage_error(std::ostream& err, const std::string& message) {
    err << "lmsstage: " << printable(message) << '\n';
    return exit_code::usage;
}

/// Options and operands of a subcommand: -h/--help, the boolean options named, the options with a
/// value named (--junit FILE or --junit=FILE), and operands.
struct SubcommandArgs {
    bool help = false;
    std::vector<std::string> flags;
    std::vector<std::pair<std::string, std::string>> values;
    std::vector<std::string> operands;
};

std::string unknown_subcommand_option(std::string_view command, const std::string& arg) {
    std::string message = std::string(command) + ": unknown option " + arg;
    if (is_case_option(arg)) {
        message += " (case fields go in the records, not on the command line)";
    }
    return message + "; see lmsstage " + std::string(command) + " --help";
}

std::optional<std::string> parse_subcommand(const std::vector<std::string>& args, std::string_view command,
                                            const std::vector<std::string_view>& known_flags,
                                            const std::vector<std::string_view>& value_options, SubcommandArgs& out) {
    bool options_done = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const std::string name = arg.substr(0, arg.find('='));
        if (!options_done && arg == "--") {
            options_done = true;
        } else if (!options_done && (arg == "-h" || arg == "--help")) {
            out.help = true;
        } else if (!options_done &&
                   std::find(value_options.begin(), value_options.end(), name) != value_options.end()) {
            const std::string needs =
                std::string(command) + ": " + name + " needs a value" +
                (name == "--junit" ? " (a file name)" : "; see lmsstage " + std::string(command) + " --help");
            if (name == arg && i + 1 == args.size()) {
                return needs;
            }
            out.values.emplace_back(name, name == arg ? args[++i] : arg.substr(name.size() + 1));
            if (out.values.back().second.empty()) {
                return needs;
            }
        } else if (!options_done && arg.size() > 1 && arg[0] == '-') {
            if (std::find(known_flags.begin(), known_flags.end(), arg) == known_flags.end()) {
                return unknown_subcommand_option(command, arg);
            }
            out.flags.push_back(arg);
        } else {
            out.operands.push_back(arg);
        }
    }
    return std::nullopt;
}

int run_check_command(const SubcommandArgs& parsed, const Streams& io) {
    if (parsed.help) {
        return write_output(io.out, io.err, command_help("check"));
    }
    if (parsed.operands.empty()) {
        return usage_error(io.err,
                           "check needs at least one FILE (use - for standard input); see lmsstage check --help");
    }
    if (parsed.values.size() > 1) {
        return usage_error(io.err, "check: --junit was given more than once");
    }
    return run_check(
        CheckOptions{parsed.operands, parsed.values.empty() ? "" : parsed.values.front().second, !parsed.flags.empty()},
        io);
}

int run_batch_command(const SubcommandArgs& parsed, const Streams& io) {
    if (parsed.help) {
        return write_output(io.out, io.err, command_help("batch"));
    }
    BatchOptions options;
    options.files = parsed.operands;
    for (const std::string& flag : parsed.flags) {
        (flag == "--naaccr" ? options.naaccr : options.exit_zero) = true;
    }
    for (const auto& [name, value] : parsed.values) {
        std::string& slot = name == "--from" ? options.from : (name == "--to" ? options.to : options.columns);
        if (!slot.empty()) {
            return usage_error(io.err, "batch: " + name + " was given more than once");
        }
        slot = value;
    }
    return run_batch(options, io);
}

int run_subcommand(const std::vector<std::string>& args, const Streams& io) {
    const std::string& command = args.front();
    SubcommandArgs parsed;
    const std::vector<std::string_view> flags = command == "rules" ? std::vector<std::string_view>{"--json"}
                                                : command == "batch"
                                                    ? std::vector<std::string_view>{"--naaccr", "--exit-zero"}
                                                    : std::vector<std::string_view>{"--naaccr"};
    const std::vector<std::string_view> value_options =
        command == "check"   ? std::vector<std::string_view>{"--junit"}
        : command == "batch" ? std::vector<std::string_view>{"--from", "--to", "--columns"}
                             : std::vector<std::string_view>{};
    if (auto problem = parse_subcommand(args, command, flags, value_options, parsed)) {
        return usage_error(io.err, *problem);
    }
    std::ostream& out = io.out;
    std::ostream& err = io.err;
    if (command == "batch") {
        return run_batch_command(parsed, io);
    }
    if (command == "check") {
        return run_check_command(parsed, io);
    }
    if (parsed.help) {
        return write_output(out, err, command_help("rules"));
    }
    if (parsed.operands.size() > 1) {
        return usage_error(err, "rules takes at most one SYSTEM, got " + std::to_string(parsed.operands.size()));
    }
    return run_rules(parsed.operands.empty() ? std::string() : parsed.operands.front(), !parsed.flags.empty(), out,
                     err);
}

}  // namespace

int write_output(std::ostream& out, std::ostream& err, const std::string& text) {
    out << text;
    out.flush();
    if (!out) {
        err << "lmsstage: cannot write the output\n";
        return exit_code::io;
    }
    return exit_code::ok;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env) {
    std::istringstream nothing;
    return run(args, nothing, out, err, env);
}

namespace {

/// `lmsstage help [COMMAND]`.
int run_help(const std::vector<std::string>& args, const Streams& io) {
    if (args.size() == 1) {
        return write_output(io.out, io.err, main_help());
    }
    const std::string text = args.size() == 2 ? command_help(args[1]) : std::string();
    if (text.empty()) {
        return usage_error(io.err,
                           "help takes one command: " + std::string(command_names()) + "; got " +
                               (args.size() == 2 ? "\"" + args[1] + "\"" : std::to_string(args.size() - 1) + " words"));
    }
    return write_output(io.out, io.err, text);
}

/// `lmsstage completion bash|zsh|fish`.
int run_completion(const std::vector<std::string>& args, const Streams& io) {
    if (args.size() == 2 && (args[1] == "-h" || args[1] == "--help")) {
        return write_output(io.out, io.err, command_help("completion"));
    }
    std::string shells;
    for (std::string_view shell : completion_shells()) {
        shells += shells.empty() ? "" : ", ";
        shells += shell;
    }
    const auto known = completion_shells();
    if (args.size() != 2 || std::find(known.begin(), known.end(), args[1]) == known.end()) {
        return usage_error(io.err, "completion takes one shell: " + shells + "; see lmsstage completion --help");
    }
    return write_output(io.out, io.err, completion_script(args[1]));
}

int dispatch(const std::vector<std::string>& args, const Streams& io, const Environment& env) {
    const std::string_view first = args.empty() ? std::string_view{} : std::string_view(args.front());
    if (first == "batch" || first == "check" || first == "rules") {
        return run_subcommand(args, io);
    }
    if (first == "help") {
        return run_help(args, io);
    }
    if (first == "completion") {
        return run_completion(args, io);
    }
    return run_case(args, io, env);
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

Environment process_environment() {
    Environment env;
    env.stdout_is_terminal = ::isatty(STDOUT_FILENO) == 1;
    const char* no_color = std::getenv("NO_COLOR");
    env.no_color = no_color != nullptr && *no_color != '\0';
    const char* term = std::getenv("TERM");
    env.term_dumb = term != nullptr && std::string_view(term) == "dumb";
    env.columns = report_columns(env.stdout_is_terminal);
    env.stdin_fd = STDIN_FILENO;
    return env;
}

}  // namespace

int main_entry(int argc, char** argv) {
    try {
        std::vector<std::string> args;
        for (int i = 1; i < argc; ++i) {
            args.emplace_back(argv[i]);
        }
        const Environment env = process_environment();
        std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is seen as EPIPE and handled: stop quietly
        install_stop_handlers();
        std::ios::sync_with_stdio(false);
        return run(args, std::cin, std::cout, std::cerr, env);
    } catch (const std::exception& e) {
        std::cerr << "lmsstage: internal error: " << e.what() << '\n';
    } catch (...) {
        std::cerr << "lmsstage: internal error\n";
    }
    return exit_code::internal;
}

}  // namespace lmsstage::cli
