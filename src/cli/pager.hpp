#pragma once
// The pager a long report goes through on a terminal: PAGER (default less -FRX), only when stdout
// is a terminal, the report is longer than its rows and --no-pager was not given; never in a pipe.

#include <optional>
#include <string>
#include <string_view>

#include "doors/context.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;

/// The pager command to show `text` through, or nullopt to write it as it is.
std::optional<std::string> pager_for(std::string_view text, bool no_pager, const Environment& env);

/// Runs `command` (through the shell, as PAGER is written) with `text` on its standard input and
/// waits for it; false when it could not be started, so that the caller writes the text itself.
bool show_in_pager(const std::string& command, std::string_view text);

}  // namespace lmsstage::cli
