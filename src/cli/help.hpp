#pragma once
// Every help text of the program: `lmsstage --help` (built from the field table, grouped, within
// 80 columns), the usage line shown on a usage error, and the help of each command. The manual
// page is generated from `--help` (help2man), so it cannot drift from it either.

#include <string>
#include <string_view>

namespace lmsstage::cli {

/// `lmsstage --help` and `lmsstage help`.
std::string main_help();
/// The two-line usage shown on stderr when lmsstage is run without arguments.
std::string_view short_usage();
/// `lmsstage --version`.
std::string version_text();
/// `lmsstage COMMAND --help` and `lmsstage help COMMAND`; empty for a word that is no command.
std::string command_help(std::string_view command);
/// The commands, in help order: batch, check, rules, help, completion.
std::string_view command_names();

/// Wraps `text` at `width` columns: first line after `lead`, the others indented by `hang`.
std::string wrap_text(std::string_view lead, std::string_view text, std::size_t hang, std::size_t width = 80);

}  // namespace lmsstage::cli
