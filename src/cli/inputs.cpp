#include "cli/inputs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <new>
#include <streambuf>

#include "cli/interrupt.hpp"
#include "doors/safe_text.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;
namespace {

std::optional<std::string> problem_with(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return std::string(std::strerror(errno));
    }
    if (S_ISDIR(info.st_mode)) {
        return std::string("is a directory (name the files in it, e.g. DIR/*.ndjson)");
    }
    if (!S_ISREG(info.st_mode) && !S_ISFIFO(info.st_mode) && !S_ISCHR(info.st_mode)) {
        return std::string("is not a regular file, FIFO or character device");
    }
    if (::access(path.c_str(), R_OK) != 0) {
        return std::string(std::strerror(errno));
    }
    return std::nullopt;
}

}  // namespace

bool has_extension(std::string_view name, std::string_view extension) {
    if (name.size() < extension.size()) {
        return false;
    }
    const std::string_view end = name.substr(name.size() - extension.size());
    return std::equal(end.begin(), end.end(), extension.begin(), extension.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
}

std::optional<std::string> check_inputs(const std::vector<std::string>& names, std::vector<Input>& out) {
    out.clear();
    if (names.empty()) {
        out.push_back(Input{"", "<stdin>", ""});
    }
    for (const std::string& name : names) {
        if (name == "-") {
            out.push_back(Input{"", "<stdin>", ""});
        } else if (auto problem = problem_with(name)) {
            out.clear();
            return "cannot read " + printable(name) + ": " + *problem;
        } else {
            out.push_back(Input{name, printable(name), valid_utf8(name)});
        }
    }
    return std::nullopt;
}

InputReader::InputReader(const Input& input, std::istream& in, int stdin_fd) : m_in(in), m_fd(stdin_fd) {
    if (!input.path.empty()) {
        m_fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
        m_own_fd = m_fd >= 0;
        m_open_error = m_fd >= 0 ? 0 : errno;
    }
}

bool InputReader::open_failed(const Input& input, std::ostream& err) const {
    if (m_open_error == 0) {
        return false;
    }
    err << "lmsstage: cannot open " << input.shown << ": " << std::strerror(m_open_error) << '\n';
    return true;
}

InputReader::~InputReader() {
    if (m_own_fd) {
        ::close(m_fd);
    }
}

ReadResult InputReader::read(char* buffer, std::size_t size) {
    if (m_open_error != 0) {
        return ReadResult{0, m_open_error};
    }
    if (m_fd < 0) {
        // The stream's buffer itself: istream::read would take a short read for the end.
        std::streambuf* source = m_in.rdbuf();
        errno = 0;
        try {
            return ReadResult{source != nullptr
                                  ? static_cast<std::size_t>(source->sgetn(buffer, static_cast<std::streamsize>(size)))
                                  : 0,
                              0};
        } catch (const std::bad_alloc&) {
            throw;
        } catch (...) {
            return ReadResult{0, errno != 0 ? errno : EIO};  // the stream failed: a read error
        }
    }
    while (true) {
        const ssize_t got = ::read(m_fd, buffer, size);
        if (got >= 0) {
            return ReadResult{static_cast<std::size_t>(got), 0};
        }
        if (errno != EINTR || stop_signal() != 0) {
            return ReadResult{0, errno};
        }
    }
}

}  // namespace lmsstage::cli
