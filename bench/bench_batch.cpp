// lmsstage-bench LMSSTAGE [N...]: throughput and peak memory of `lmsstage batch`, and the wall time
// of one single-case run. For each N (default 1000000 and 10000000) it writes N generated cases to
// temporary files (NDJSON, and the same cases as a CSV table) and runs `LMSSTAGE batch`:
//   - with stdout to /dev/null (every result formatted and written), three times for N <= 2 million,
//     reporting the median: the program's own throughput, for the full result records, for a CSV of
//     the default columns from the NDJSON input (--to csv) and from the CSV input;
//   - the CSV table through a pipe, checking a header line and one row per case;
//   - once with stdout into a pipe that this program drains, counting lines, so every result is
//     really written and read (the reader shares the machine's cores), and checking that there
//     is exactly one line per case;
//   - once more with a bad record every 1000 cases: still exactly N lines, exit status 65.
// Peak RSS is the child's (getrusage). Figures, not assertions: targets are for people to compare.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "case_generator.hpp"

namespace {

struct RunFigures {
    double seconds = 0;
    long max_rss_kib = 0;
    unsigned long long lines = 0;
    unsigned long long bytes = 0;
    int status = 0;
};

std::string temp_path(unsigned long long n, const char* suffix) {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir != nullptr ? dir : "/tmp") + "/lmsstage-bench-" + std::to_string(n) + "-" +
           std::to_string(::getpid()) + suffix;
}

/// Writes n generated cases: NDJSON, or (csv) the same cases as a CSV table.
bool write_cases(const std::string& path, unsigned long long n, unsigned long long bad_every = 0, bool csv = false) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
        return false;
    }
    lmsstage::bench::CaseGenerator generator(20261126ULL, bad_every);
    std::string buffer(csv ? lmsstage::bench::CaseGenerator::csv_header() : "");
    std::string record;
    bool ok = true;
    for (unsigned long long i = 0; i < n && ok; ++i) {
        record.clear();
        generator.append(i, record);
        if (csv) {
            lmsstage::bench::CaseGenerator::append_csv(record, buffer);
        } else {
            buffer += record;
        }
        if (buffer.size() > (1U << 20U)) {
            ok = std::fwrite(buffer.data(), 1, buffer.size(), f) == buffer.size();
            buffer.clear();
        }
    }
    ok = ok && std::fwrite(buffer.data(), 1, buffer.size(), f) == buffer.size();
    return std::fclose(f) == 0 && ok;
}

/// Runs argv with stdin and stderr on /dev/null, and stdout into a pipe we drain (count_output)
/// or on /dev/null.
RunFigures run(const std::vector<std::string>& argv, bool count_output) {
    RunFigures figures;
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) {
        std::perror("pipe");
        std::exit(70);
    }
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = ::fork();
    if (child == 0) {
        ::dup2(pipe_fds[1], STDOUT_FILENO);
        const int null_fd = ::open("/dev/null", O_RDWR);
        ::dup2(null_fd, STDIN_FILENO);
        if (!count_output) {
            ::dup2(null_fd, STDOUT_FILENO);
        }
        ::dup2(null_fd, STDERR_FILENO);
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        std::vector<char*> args;
        for (const std::string& a : argv) {
            args.push_back(const_cast<char*>(a.c_str()));
        }
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        _exit(127);
    }
    ::close(pipe_fds[1]);
    std::vector<char> buffer(std::size_t{1} << 20);
    while (true) {
        const ssize_t got = ::read(pipe_fds[0], buffer.data(), buffer.size());
        if (got <= 0) {
            break;
        }
        figures.bytes += static_cast<unsigned long long>(got);
        const char* p = buffer.data();
        const char* end = p + got;
        while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr) {
            ++figures.lines;
            ++p;
        }
    }
    ::close(pipe_fds[0]);
    struct rusage usage {};
    ::wait4(child, &figures.status, 0, &usage);
    figures.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    figures.max_rss_kib = usage.ru_maxrss;
    return figures;
}

/// The median rate of `repeats` runs with output to /dev/null, and the largest peak RSS seen.
double median_rate(const std::vector<std::string>& argv, unsigned long long n, int repeats, long& max_rss) {
    std::vector<double> rates;
    for (int i = 0; i < repeats; ++i) {
        const RunFigures f = run(argv, false);
        rates.push_back(static_cast<double>(n) / f.seconds);
        max_rss = std::max(max_rss, f.max_rss_kib);
    }
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
}

bool exited(const RunFigures& f, int code) { return WIFEXITED(f.status) && WEXITSTATUS(f.status) == code; }

/// One size: the full-record and CSV rates to /dev/null, the piped run and the checks; false when
/// a check failed.
bool measure(const std::string& program, unsigned long long n) {
    const std::string path = temp_path(n, ".ndjson");
    const std::string csv_path = temp_path(n, ".csv");
    const std::string bad_path = temp_path(n, ".bad.ndjson");
    if (!write_cases(path, n) || !write_cases(csv_path, n, 0, true) || !write_cases(bad_path, n, 1000)) {
        std::fprintf(stderr, "cannot write the cases in %s\n", path.c_str());
        std::exit(74);
    }
    const int repeats = n <= 2000000ULL ? 3 : 1;
    long max_rss = 0;
    const double full = median_rate({program, "batch", path}, n, repeats, max_rss);
    const double csv_out = median_rate({program, "batch", path, "--to", "csv"}, n, repeats, max_rss);
    const double csv_in_out = median_rate({program, "batch", csv_path, "--to", "csv"}, n, repeats, max_rss);
    const RunFigures piped = run({program, "batch", path}, true);
    // A CSV table through a pipe: a header line and one row per case.
    const RunFigures table = run({program, "batch", csv_path, "--to", "csv"}, true);
    // The same volume with a bad record every 1000: one line per record, exit 65.
    const RunFigures bad = run({program, "batch", bad_path}, true);
    for (const std::string& p : {path, csv_path, bad_path}) {
        std::remove(p.c_str());
    }
    for (const RunFigures& f : {piped, table, bad}) {
        max_rss = std::max(max_rss, f.max_rss_kib);
    }
    const bool complete = exited(piped, 0) && piped.lines == n && exited(table, 0) && table.lines == n + 1 &&
                          exited(bad, 65) && bad.lines == n;
    std::printf("%-10llu %14.0f %14.0f %14.0f %14.0f %12.1f %10.1f  %s\n", n, full, csv_out, csv_in_out,
                static_cast<double>(n) / piped.seconds, static_cast<double>(max_rss) / 1024.0,
                static_cast<double>(piped.bytes) / 1e6,
                complete ? "one line per case (CSV: and a header); with bad records too (exit 65)"
                         : "INCOMPLETE: a line count or exit status is wrong");
    return complete;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs("usage: lmsstage-bench PATH-TO-LMSSTAGE [N...]\n", stderr);
        return 64;
    }
    const std::string program = argv[1];
    std::vector<unsigned long long> sizes;
    for (int i = 2; i < argc; ++i) {
        sizes.push_back(std::strtoull(argv[i], nullptr, 10));
    }
    if (sizes.empty()) {
        sizes = {1000000ULL, 10000000ULL};
    }
    std::printf(
        "cases/s with output to /dev/null (median of 3 runs up to 2 million cases): full records from\n"
        "NDJSON; CSV of the default columns from NDJSON; CSV from CSV. Then the full records through a\n"
        "pipe drained here.\n");
    std::printf("%-10s %14s %14s %14s %14s %12s %10s  %s\n", "cases", "full records", "CSV from JSON", "CSV from CSV",
                "full (pipe)", "peak RSS MiB", "output MB", "checks");
    int failures = 0;
    for (unsigned long long n : sizes) {
        failures += measure(program, n) ? 0 : 1;
    }

    // One case from the command line, as a clinician runs it.
    std::vector<double> times;
    for (int i = 0; i < 200; ++i) {
        times.push_back(run({program, "--size", "6", "--grade", "3"}, false).seconds * 1000.0);
    }
    std::sort(times.begin(), times.end());
    std::printf("single case (lmsstage --size 6 --grade 3): median %.2f ms, p95 %.2f ms over %zu runs\n",
                times[times.size() / 2], times[times.size() * 95 / 100], times.size());
    return failures == 0 ? 0 : 1;
}
