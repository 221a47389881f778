#pragma once
// The one options model of the program: a CLI11 App built from the core's field table (the case's
// options) and the command table (options.cpp: the commands, their options, groups and help
// text). Parsing, --help, `help COMMAND`, the manual page (help2man reads --help and the help of
// each command) and the one completer (`lmsstage __complete WORD...`, called by short bash, zsh
// and fish scripts) are all derived from it, so that an option is added in one row.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "lmsstage/lmsstage.hpp"

namespace lmsstage::cli {

enum class ColorMode : std::uint8_t { automatic, always, never };

/// A single case from the command line: the case and how to report it.
struct CaseLine {
    Case input;
    bool json = false;
    bool explain = false;
    bool brief = false;
    bool no_pager = false;
    bool version = false;
    ColorMode color = ColorMode::automatic;
};

/// What the command line asked for, once parsed.
struct CommandLine {
    std::string command;  ///< empty: a case (`lmsstage [CASE FIELD...]`)
    bool help = false;    ///< -h or --help
    /// The command's options in the order given: long name and value ("" for a flag).
    std::vector<std::pair<std::string, std::string>> options;
    std::vector<std::string> operands;
    CaseLine case_line;  ///< for a case

    [[nodiscard]] bool has(std::string_view option) const;
    /// The value of an option given once; empty when not given.
    [[nodiscard]] std::string value(std::string_view option) const;
};

/// The arguments (without the program name) parsed, or the usage error to report (one line,
/// without "lmsstage: ").
std::variant<CommandLine, std::string> parse_command_line(const std::vector<std::string>& args);

/// `lmsstage --help` and `lmsstage help`.
std::string main_help();
/// `lmsstage COMMAND --help` and `lmsstage help COMMAND`; empty for a word that is no command.
std::string command_help(std::string_view command);
/// The usage lines shown on stderr when lmsstage is run without arguments.
std::string short_usage();
/// `lmsstage --version`.
std::string version_text();
/// The long names of the options of a command ("" for the program itself), as the App has them:
/// what its help and the completer must each show.
std::vector<std::string> command_options(std::string_view command);
/// The commands, in help order, each with its one-line summary.
std::vector<std::pair<std::string, std::string>> command_summaries();

/// The completer: the candidates for the last of `words` (the command line after the program name,
/// the word being completed last, maybe empty), one a line as "word<TAB>description", or the one
/// line ":files" when file names are to be completed.
std::string complete(const std::vector<std::string>& words);

/// The shells `completion_script` writes for: bash, zsh, fish.
std::span<const std::string_view> completion_shells() noexcept;
/// The completion script of a shell: a few lines that ask `lmsstage __complete`. Another name
/// throws std::invalid_argument naming the accepted shells.
std::string completion_script(std::string_view shell);

}  // namespace lmsstage::cli
