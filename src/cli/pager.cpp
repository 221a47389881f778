#include "cli/pager.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "cli/app.hpp"

namespace lmsstage::cli {

std::optional<std::string> pager_for(std::string_view text, bool no_pager, const Environment& env) {
    if (no_pager || env.rows == 0 || env.pager.empty() || env.pager == "cat") {
        return std::nullopt;
    }
    std::size_t lines = 0;
    for (const char c : text) {
        lines += c == '\n' ? 1 : 0;
    }
    if (lines <= env.rows) {
        return std::nullopt;
    }
    return env.pager;
}

bool show_in_pager(const std::string& command, std::string_view text) {
    std::FILE* pipe = ::popen(command.c_str(), "w");
    if (pipe == nullptr) {
        return false;
    }
    // A pager quit before the end closes the pipe: the rest is not wanted (SIGPIPE is ignored).
    (void)std::fwrite(text.data(), 1, text.size(), pipe);
    const int status = ::pclose(pipe);
    // The shell's 127: the command was not found; the caller then writes the text itself.
    return !(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 127);
}

}  // namespace lmsstage::cli
