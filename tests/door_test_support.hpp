#pragma once
// Helpers shared by the tests of the doors (command line, batch, check, rules): the program run
// in-process on given arguments and standard input, and text helpers for its output. Expected
// values live in the test files themselves.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <istream>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "cli/app.hpp"

namespace lmsstage_door_test {

using lmsstage::cli::Environment;
namespace exit_code = lmsstage::cli::exit_code;

/// What one run of the program gave.
struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

/// Runs lmsstage in-process: `args` without the program name, standard input read from `input` (a
/// stream buffer that fails or stops part way, as a test needs).
inline Run run_cli(const std::vector<std::string>& args, std::streambuf& input, const Environment& env = {}) {
    std::istream in(&input);
    std::ostringstream out;
    std::ostringstream err;
    Run r;
    r.code = lmsstage::cli::run(args, in, out, err, env);
    r.out = out.str();
    r.err = err.str();
    return r;
}
/// Runs lmsstage in-process: `args` without the program name, `input` on standard input.
inline Run run_cli(const std::vector<std::string>& args, const std::string& input = {}, const Environment& env = {}) {
    std::stringbuf in(input, std::ios::in);
    return run_cli(args, in, env);
}
inline Run run_cli(const std::vector<std::string>& args, const Environment& env) { return run_cli(args, {}, env); }

inline bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

/// The lines of `text`; a final line without '\n' counts too.
inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) {
        lines.push_back(line);
    }
    return lines;
}

/// The text with its line wrapping undone: every run of spaces and newlines becomes one space (the
/// text report wraps long lines at 80 columns).
inline std::string flat(std::string_view text) {
    std::string out;
    for (char c : text) {
        const bool blank = c == ' ' || c == '\n';
        if (!blank || (!out.empty() && out.back() != ' ')) {
            out += blank ? ' ' : c;
        }
    }
    return out;
}

/// A temporary directory of this test, removed at the end; unique within the run (a time stamp and
/// a counter).
class TempDir {
public:
    TempDir() {
        static int counter = 0;
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_path = std::filesystem::temp_directory_path() /
                 ("lmsstage-test-" + std::to_string(stamp) + "-" + std::to_string(++counter));
        std::filesystem::create_directories(m_path);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    /// Writes `content` (bytes as given) to the file `name` in the directory; returns its path.
    std::string write(const std::string& name, const std::string& content) const {
        const std::filesystem::path file = m_path / name;
        std::ofstream out(file, std::ios::binary);
        out << content;
        return file.string();
    }
    [[nodiscard]] std::string path(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

}  // namespace lmsstage_door_test
