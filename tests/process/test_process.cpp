// The built lmsstage program as a process, for what only a process shows: signals (SIGINT and
// SIGTERM finish the line being written, then exit 130 and 143), peak memory (bounded in bytes,
// measured with getrusage), and writing to a full disk.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool k_sanitized = true;  // ASan's shadow memory makes resident sizes meaningless
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool k_sanitized = true;
#else
constexpr bool k_sanitized = false;
#endif
#else
constexpr bool k_sanitized = false;
#endif

struct Child {
    pid_t pid = -1;
    int in = -1;   ///< the child's stdin (we write), -1 when not a pipe
    int out = -1;  ///< the child's stdout (we read), -1 when not a pipe
    int err = -1;  ///< the child's stderr (we read)
};

/// Starts lmsstage with `args`; stdin and stdout are pipes unless a path is given for them.
/// `address_limit`: bytes of address space the child may map (ulimit -v), 0 for no limit.
Child spawn(const std::vector<std::string>& args, const char* stdin_path = nullptr, const char* stdout_path = nullptr,
            rlim_t address_limit = 0) {
    int in[2] = {-1, -1};
    int out[2] = {-1, -1};
    int err[2] = {-1, -1};
    // Close-on-exec: no child keeps another pipe's end open (it would never see its end of input).
    REQUIRE(::pipe2(err, O_CLOEXEC) == 0);
    if (stdin_path == nullptr) {
        REQUIRE(::pipe2(in, O_CLOEXEC) == 0);
    }
    if (stdout_path == nullptr) {
        REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
    }
    Child c;
    c.pid = ::fork();
    REQUIRE(c.pid >= 0);
    if (c.pid == 0) {
        const int stdin_fd = stdin_path != nullptr ? ::open(stdin_path, O_RDONLY) : in[0];
        const int stdout_fd = stdout_path != nullptr ? ::open(stdout_path, O_WRONLY) : out[1];
        ::dup2(stdin_fd, STDIN_FILENO);
        ::dup2(stdout_fd, STDOUT_FILENO);
        ::dup2(err[1], STDERR_FILENO);
        if (address_limit != 0) {
            const rlimit limit{address_limit, address_limit};
            ::setrlimit(RLIMIT_AS, &limit);
        }
        std::vector<char*> argv;
        std::string program = LMSSTAGE_PROGRAM;
        argv.push_back(program.data());
        std::vector<std::string> copies(args);
        for (std::string& a : copies) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(err[1]);
    c.err = err[0];
    if (stdin_path == nullptr) {
        ::close(in[0]);
        c.in = in[1];
    }
    if (stdout_path == nullptr) {
        ::close(out[1]);
        c.out = out[0];
    }
    return c;
}

std::string read_all(int fd) {
    std::string text;
    char buffer[65536];
    ssize_t got = 0;
    while ((got = ::read(fd, buffer, sizeof buffer)) > 0) {
        text.append(buffer, static_cast<std::size_t>(got));
    }
    return text;
}

/// Waits for the child; its exit status (128 + signal when killed by one) and peak RSS in KiB.
std::pair<int, long> finish(const Child& c) {
    int status = 0;
    rusage usage{};
    REQUIRE(::wait4(c.pid, &status, 0, &usage) == c.pid);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return {code, usage.ru_maxrss};
}

/// Writes all of `text` to `fd` (a pipe to the child); false when the child stopped reading. Called
/// from writer threads: no assertions here (the test checks what the child wrote instead).
bool write_all(int fd, const std::string& text) {
    std::size_t at = 0;
    while (at < text.size()) {
        const ssize_t put = ::write(fd, text.data() + at, text.size() - at);
        if (put <= 0) {
            return false;
        }
        at += static_cast<std::size_t>(put);
    }
    return true;
}

/// Samples the child's VmHWM (peak resident memory of its own program) every 10 ms until `done`.
/// (getrusage's ru_maxrss would also count the pages the child shared with this process between
/// fork and exec, so it grows with this test process's own memory.)
long sample_peak_kib(pid_t pid, const std::atomic<bool>& done) {
    long peak = 0;
    const std::string path = "/proc/" + std::to_string(pid) + "/status";
    while (!done) {
        if (std::FILE* f = std::fopen(path.c_str(), "r")) {
            char line[256];
            while (std::fgets(line, sizeof line, f) != nullptr) {
                long kib = 0;
                if (std::sscanf(line, "VmHWM: %ld kB", &kib) == 1) {
                    peak = std::max(peak, kib);
                }
            }
            std::fclose(f);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return peak;
}

std::string records(int from, int count) {
    std::string text;
    for (int i = from; i < from + count; ++i) {
        text += "{\"id\":" + std::to_string(i) + ",\"size\":6.5,\"grade\":3,\"depth\":\"deep\",\"nodes\":false}\n";
    }
    return text;
}

/// Runs `batch` with stdout to /dev/null while `feed` writes its standard input (then closed) and
/// the child's peak resident memory is sampled; checks exit 0, the stderr summary `expected_err`
/// and a peak of at most `limit_kib` KiB. A sanitizer build only warns: its memory is not the program's.
template <typename Feed>
void check_batch_memory(Feed feed, const std::string& expected_err, long limit_kib) {
    if (k_sanitized) {
        WARN("sanitizer build: resident memory is not measured");
        return;
    }
    const Child c = spawn({"batch"}, nullptr, "/dev/null");
    std::thread writer([&] {
        feed(c.in);
        ::close(c.in);
    });
    std::atomic<bool> ended{false};
    long rss_kib = 0;
    std::thread sampler([&] { rss_kib = sample_peak_kib(c.pid, ended); });
    const std::string err = read_all(c.err);
    ended = true;
    writer.join();
    sampler.join();
    const auto [code, rusage_kib] = finish(c);
    CHECK(code == 0);
    CHECK(err == expected_err);
    INFO("peak RSS: " << rss_kib << " KiB (getrusage, with the pages shared before exec: " << rusage_kib << " KiB)");
    CHECK(rss_kib > 0);
    CHECK(rss_kib <= limit_kib);
    ::close(c.err);
}

/// Every line of `text` is a whole JSON object; the text ends with a newline.
void check_whole_lines(const std::string& text) {
    REQUIRE_FALSE(text.empty());
    CHECK(text.back() == '\n');
    std::size_t start = 0;
    int broken = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        const std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        broken += nlohmann::json::accept(line) ? 0 : 1;
        start = nl == std::string::npos ? text.size() : nl + 1;
    }
    CHECK(broken == 0);
}

/// Reads from `fd` until nothing more has come for `quiet_ms` after `done` became true.
std::string read_until_quiet(int fd, const std::atomic<bool>& done, int quiet_ms) {
    std::string text;
    char buffer[65536];
    while (true) {
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, quiet_ms);
        if (ready == 0 && done) {
            return text;
        }
        if (ready == 1) {
            const ssize_t got = ::read(fd, buffer, sizeof buffer);
            if (got <= 0) {
                return text;
            }
            text.append(buffer, static_cast<std::size_t>(got));
        }
    }
}

/// Reads from `fd` until `bytes` have come (or it ends); returns them.
std::string read_at_least(int fd, std::size_t bytes) {
    std::string text;
    char buffer[65536];
    while (text.size() < bytes) {
        pollfd p{fd, POLLIN, 0};
        REQUIRE(::poll(&p, 1, 60000) == 1);
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got <= 0) {
            break;
        }
        text.append(buffer, static_cast<std::size_t>(got));
    }
    return text;
}

}  // namespace

TEST_CASE("process - SIGTERM while waiting for input: the lines so far are whole, exit 143", "[process][signals]") {
    std::signal(SIGPIPE, SIG_IGN);
    const Child c = spawn({"batch"});
    // Records are written while the output is read (neither pipe may fill up and block both sides);
    // once all are written and no output has come for a while, lmsstage waits in read().
    std::atomic<bool> written{false};
    std::thread writer([&] {
        write_all(c.in, records(0, 3000));
        written = true;
    });
    std::string out = read_until_quiet(c.out, written, 500);
    writer.join();
    REQUIRE_FALSE(out.empty());
    ::kill(c.pid, SIGTERM);  // stdin stays open: lmsstage is waiting in read()
    out += read_all(c.out);
    const std::string err = read_all(c.err);
    const auto [code, rss] = finish(c);
    ::close(c.in);
    CHECK(code == 143);
    check_whole_lines(out);
    CHECK(err.find("lmsstage: stopped by SIGTERM after ") != std::string::npos);
    ::close(c.out);
    ::close(c.err);
}

TEST_CASE("process - SIGINT while writing: the output ends with a whole line, exit 130", "[process][signals]") {
    char path[] = "/tmp/lmsstage-process-XXXXXX";
    const int fd = ::mkstemp(path);
    REQUIRE(fd >= 0);
    write_all(fd, records(0, 200000));
    ::close(fd);
    const Child c = spawn({"batch", path});
    std::string out = read_at_least(c.out, std::size_t{4} << 20);  // the pipe is full: lmsstage is writing
    ::kill(c.pid, SIGINT);
    out += read_all(c.out);
    read_all(c.err);
    const auto [code, rss] = finish(c);
    ::unlink(path);
    CHECK(code == 130);
    check_whole_lines(out);
    CHECK(out.size() < std::size_t{200000} * 1500);
    ::close(c.out);
    ::close(c.err);
}

TEST_CASE("process - SIGTERM while blocked writing to a reader that never reads: exit 143 promptly",
          "[process][signals]") {
    char dir[] = "/tmp/lmsstage-process-XXXXXX";
    REQUIRE(::mkdtemp(dir) != nullptr);
    const std::string input = std::string(dir) + "/records.ndjson";
    const std::string fifo = std::string(dir) + "/stalled";
    {
        const int fd = ::open(input.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        REQUIRE(fd >= 0);
        write_all(fd, records(0, 200000));
        ::close(fd);
    }
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // The reader: opened (so that the program's open for writing does not wait), never read.
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    REQUIRE(reader >= 0);
    const Child c = spawn({"batch", input}, "/dev/null", fifo.c_str());
    // Wait until the FIFO is full (as much unread as it holds, to within the PIPE_BUF bytes a write
    // to a full pipe is given at most; the program makes it 1 MiB where it may): the program is
    // then blocked writing.
    int unread = 0;
    int capacity = 65536;
    for (int i = 0; i < 1000 && unread < capacity - PIPE_BUF; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        REQUIRE(::ioctl(reader, FIONREAD, &unread) == 0);
        capacity = ::fcntl(reader, F_GETPIPE_SZ);
    }
    REQUIRE(unread >= capacity - PIPE_BUF);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto sent = std::chrono::steady_clock::now();
    ::kill(c.pid, SIGTERM);
    int status = 0;
    pid_t done = 0;
    while (done == 0 && std::chrono::steady_clock::now() - sent < std::chrono::seconds(5)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        done = ::waitpid(c.pid, &status, WNOHANG);
    }
    if (done == 0) {
        ::kill(c.pid, SIGKILL);  // the program ignored SIGTERM: end it, and fail
        ::waitpid(c.pid, &status, 0);
    }
    const std::string err = read_all(c.err);
    ::close(reader);
    ::close(c.err);
    std::filesystem::remove_all(dir);
    REQUIRE(done == c.pid);
    CHECK(std::chrono::steady_clock::now() - sent < std::chrono::seconds(1));
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 143);
    CHECK(err.find("lmsstage: stopped by SIGTERM after ") != std::string::npos);
}

TEST_CASE("process - a pipe on standard output is made 1 MiB, where the system lets a program", "[process][io]") {
    // The largest pipe an unprivileged program may make (Linux's default is 1 MiB).
    long most = 0;
    if (std::FILE* f = std::fopen("/proc/sys/fs/pipe-max-size", "r")) {
        if (std::fscanf(f, "%ld", &most) != 1) {
            most = 0;
        }
        std::fclose(f);
    }
    // A new pipe holds 64 KiB (Linux's default, as a shell makes it). Checked on a pipe of its own:
    // the child's may be enlarged already by the time this process could look at it.
    std::array<int, 2> fresh{};
    REQUIRE(::pipe(fresh.data()) == 0);
    CHECK(::fcntl(fresh[1], F_GETPIPE_SZ) == 65536);
    ::close(fresh[0]);
    ::close(fresh[1]);
    const Child c = spawn({"batch"});
    write_all(c.in, records(0, 3));
    ::close(c.in);
    const std::string out = read_all(c.out);
    read_all(c.err);
    const auto [code, rss] = finish(c);
    CHECK(code == 0);
    check_whole_lines(out);
    CHECK(::fcntl(c.out, F_GETPIPE_SZ) == std::min(most, 1L << 20));
    ::close(c.out);
    ::close(c.err);
}

TEST_CASE("process - writing to a full disk exits 74 and says why", "[process][io]") {
    const Child c = spawn({"batch"}, nullptr, "/dev/full");
    REQUIRE(write_all(c.in, records(0, 10)));
    ::close(c.in);
    const std::string err = read_all(c.err);
    const auto [code, rss] = finish(c);
    CHECK(code == 74);
    CHECK(err == "lmsstage: cannot write the output: No space left on device\n");
    ::close(c.err);
}

TEST_CASE("process - every command that cannot write its output exits 74 and says why", "[process][io]") {
    const std::vector<std::vector<std::string>> commands = {{"rules"},
                                                            {"rules", "notes"},
                                                            {"help"},
                                                            {"help", "batch"},
                                                            {"--help"},
                                                            {"batch", "--help"},
                                                            {"completion", "bash"},
                                                            {"--version"},
                                                            {"--size", "6", "--grade", "3"},
                                                            {"--size", "6", "--grade", "3", "--json"}};
    for (const auto& args : commands) {
        INFO(args.front() << (args.size() > 1 ? " " + args[1] : ""));
        const Child c = spawn(args, "/dev/null", "/dev/full");
        const std::string err = read_all(c.err);
        const auto [code, rss] = finish(c);
        CHECK(code == 74);
        CHECK(err == "lmsstage: cannot write the output: No space left on device\n");
        ::close(c.err);
    }
}

TEST_CASE("process - a million ordinary records are staged in at most 16 MiB", "[process][memory]") {
    check_batch_memory(
        [](int in) {
            for (int block = 0; block < 100; ++block) {
                write_all(in, records(block * 10000, 10000));
            }
        },
        "staged 1000000 records: 1000000 ok, 0 errors\n", 16 * 1024);
}

TEST_CASE("process - 2000 records with ids of almost 1 MiB are staged in at most 64 MiB", "[process][memory][issue9]") {
    check_batch_memory(
        [](int in) {
            const std::string head = "{\"size\":6,\"grade\":3,\"id\":\"";
            const std::string id((std::size_t{1} << 20) - 64, 'x');
            const std::string record = head + id + "\"}\n";
            for (int i = 0; i < 2000; ++i) {
                write_all(in, record);
            }
        },
        "staged 2000 records: 2000 ok, 0 errors\n", 64 * 1024);
}

// Under an address-space limit (ulimit -v, as shared clusters set it) glibc cannot give each worker
// thread its 64 MiB malloc arena and 8 MiB stack: the program used to run out of memory below about
// 32 MiB of addresses although it needs a few MiB. It now uses one arena and 1 MiB stacks there.
TEST_CASE("process - 200,000 records are staged in an address space of at most 24 MiB (ulimit -v)",
          "[process][memory]") {
    if (k_sanitized) {
        WARN("sanitizer build: the sanitizers reserve terabytes of address space");
        return;
    }
    const std::string path = std::filesystem::temp_directory_path() / "lmsstage-address-limit.ndjson";
    {
        std::ofstream file(path);
        for (int block = 0; block < 20; ++block) {
            file << records(block * 10000, 10000);
        }
    }
    const Child c =
        spawn({"batch", "--to", "csv", "--columns", "ok,stage"}, path.c_str(), "/dev/null", rlim_t{24} << 20);
    const std::string err = read_all(c.err);
    const int code = finish(c).first;
    ::close(c.err);
    std::filesystem::remove(path);
    CHECK(err == "staged 200000 records: 200000 ok, 0 errors\n");
    CHECK(code == 0);
}

// NAACCR item ids: the NAACCR XML base dictionaries 14 to 26 (data/naaccr/items.csv, 873 ids), the
// columns of a full-layout registry extract. 3,000 such files, one tumour each, used to keep every
// header to the end of the run (205 MiB); a header now lives as long as the batches of its rows.
TEST_CASE("process - 3000 NAACCR full-layout CSV files are staged in at most 16 MiB", "[process][memory]") {
    if (k_sanitized) {
        WARN("sanitizer build: resident memory is not measured");
        return;
    }
    std::ifstream items(LMSSTAGE_ITEMS_CSV);
    std::string header;
    std::string row;
    std::string line;
    std::getline(items, line);  // naaccr_id,naaccr_num,...
    int columns = 0;
    while (std::getline(items, line)) {
        const std::string id = line.substr(0, line.find(','));
        // The thigh leiomyosarcoma of SEER EOD 3.3: C49.2, 8890/3, 65 mm, Grade Pathological 3.
        const std::string value = id == "primarySite"           ? "C492"
                                  : id == "histologicTypeIcdO3" ? "8890"
                                  : id == "behaviorCodeIcdO3"   ? "3"
                                  : id == "tumorSizeSummary"    ? "065"
                                  : id == "gradePathological"   ? "3"
                                                                : "";
        header += (columns == 0 ? "" : ",") + id;
        row += (columns == 0 ? "" : ",") + value;
        ++columns;
    }
    REQUIRE(columns == 873);
    char dir[] = "/tmp/lmsstage-process-XXXXXX";
    REQUIRE(::mkdtemp(dir) != nullptr);
    std::vector<std::string> args = {"batch", "--naaccr", "--to", "csv", "--columns", "ok,stage"};
    for (int i = 0; i < 3000; ++i) {
        args.push_back(std::string(dir) + "/" + std::to_string(i) + ".csv");
        std::ofstream(args.back()) << header << "\n" << row << "\n";
    }
    const Child c = spawn(args, "/dev/null", "/dev/null");
    std::atomic<bool> ended{false};
    long rss_kib = 0;
    std::thread sampler([&] { rss_kib = sample_peak_kib(c.pid, ended); });
    const std::string err = read_all(c.err);
    ended = true;
    sampler.join();
    const auto [code, rusage_kib] = finish(c);
    std::filesystem::remove_all(dir);
    CHECK(code == 0);
    CHECK(err == "staged 3000 records: 3000 ok, 0 errors\n");
    INFO("peak RSS: " << rss_kib << " KiB (getrusage: " << rusage_kib << " KiB)");
    CHECK(rss_kib > 0);
    CHECK(rss_kib <= 16 * 1024);
    ::close(c.err);
}
