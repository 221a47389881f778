#pragma once
// The inputs of batch and check: every one checked with stat() before anything is written, then
// opened one at a time while reading (so thousands of files need one descriptor), with the
// operating system's reason in every message.

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/record_stream.hpp"

namespace lmsstage::cli {

/// One input named on the command line; "-" is standard input.
struct Input {
    std::string path;       ///< empty for standard input
    std::string shown;      ///< for messages: printable, "<stdin>" for standard input
    std::string json_name;  ///< for "file" in error objects: valid UTF-8, empty for standard input
};

/// The inputs named (none: standard input), each a regular file, FIFO or character device that can
/// be read, or "-". On the first that is not, a message naming it and the reason, and no inputs.
std::optional<std::string> check_inputs(const std::vector<std::string>& names, std::vector<Input>& out);

/// True when a file name ends in `extension` (".csv") in any letter case: data.CSV is a CSV file.
bool has_extension(std::string_view name, std::string_view extension);

/// Reads one input: a file opened here, or standard input (a descriptor, or else a stream).
class InputReader {
public:
    InputReader(const Input& input, std::istream& in, int stdin_fd);
    ~InputReader();
    InputReader(const InputReader&) = delete;
    InputReader& operator=(const InputReader&) = delete;

    /// True when the open failed, having written "lmsstage: cannot open NAME: reason" to `err`.
    bool open_failed(const Input& input, std::ostream& err) const;
    ReadResult read(char* buffer, std::size_t size);

private:
    std::istream& m_in;
    int m_fd = -1;
    bool m_own_fd = false;
    int m_open_error = 0;
};

}  // namespace lmsstage::cli
