// lmsstage-compare [--runs N] [--single N] BASELINE CURRENT CASES.ndjson CASES.csv: two builds of
// lmsstage side by side on the same cases, run in turn so that both see the same load on a shared
// machine, the order swapped at each pair (A B, B A, A B ...): the second of two runs in a row was
// measured 1-3 % slower (batches) and 5-7 % slower (one case) than the first, the same program in
// both places. For each workload it prints the median wall time of each program with its
// range (min-max), cases per second, the median of the CPU time (user + system, from wait4), the
// ratios CURRENT/BASELINE of the median wall and CPU times (below 1: CURRENT is faster) and the
// median peak RSS. Workloads:
//   - full records: `batch CASES.ndjson`, stdout on /dev/null; then each program once more through a
//     pipe, its output counted: the bytes a case and the ratios per output byte (the record's
//     members grew since the first release, so the same work per byte takes longer a record);
//   - CSV from NDJSON: `batch CASES.ndjson --to csv`; CSV from CSV: `batch CASES.csv --to csv`
//     (a program without --to csv, as the first release, gets only its CURRENT figures);
//   - with --columns LIST, the same two again with `--columns LIST` for both programs: the same
//     output when the default columns differ between the two builds (like for like);
//   - one case: `--size 6 --grade 3`, BASELINE, CURRENT and /bin/true in turn, with the ratios
//     CURRENT/BASELINE and CURRENT//bin/true; with --floor PROGRAM, also PROGRAM (no arguments) in
//     the same turns: bench/compare.sh gives lmsstage-hello, a C++ program that writes one line,
//     linked as lmsstage is, so that what the way of linking costs by itself shows beside what
//     the program adds (CURRENT/floor).
// lmsstage-compare [--columns LIST] ... as above.
// lmsstage-compare --single-only [--single N] BASELINE CURRENT: only the one-case figures (no case
// files), for a quick look at start-up time.
// Figures, not a test: the exit status is 0 unless a program fails or the cases are missing.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace {

struct Run {
    double wall = 0;  ///< seconds
    double cpu = 0;   ///< user + system seconds of the child
    double rss_mib = 0;
    int status = -1;
    unsigned long long bytes = 0;  ///< what it wrote to stdout, when drained
};

/// Runs argv with stdin and stderr on /dev/null, and stdout on /dev/null or, `drained`, on a pipe that
/// this program reads to its end (64 KiB at a time) and counts, of the system's default size or of
/// `pipe_size` bytes; times it to its end and reads its rusage.
Run run(const std::vector<std::string>& args, bool drained = false, int pipe_size = 0) {
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (const std::string& arg : args) {
        argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    Run result;
    int pipe_fds[2] = {-1, -1};
    if (drained && ::pipe(pipe_fds) != 0) {
        std::perror("pipe");
        std::exit(71);
    }
    if (drained && pipe_size > 0 && ::fcntl(pipe_fds[0], F_SETPIPE_SZ, pipe_size) < 0) {
        std::perror("fcntl F_SETPIPE_SZ");
        std::exit(71);
    }
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) {
        std::perror("fork");
        std::exit(71);
    }
    if (pid == 0) {
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 0);
        ::dup2(drained ? pipe_fds[1] : null, 1);
        ::dup2(null, 2);
        if (drained) {
            ::close(pipe_fds[0]);
            ::close(pipe_fds[1]);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    if (drained) {
        ::close(pipe_fds[1]);
        std::vector<char> buffer(1 << 16);
        for (ssize_t got = 0; (got = ::read(pipe_fds[0], buffer.data(), buffer.size())) != 0;) {
            if (got < 0 && errno != EINTR) {
                break;
            }
            result.bytes += got > 0 ? static_cast<unsigned long long>(got) : 0;
        }
        ::close(pipe_fds[0]);
    }
    int status = 0;
    rusage usage{};
    if (::wait4(pid, &status, 0, &usage) != pid) {
        std::perror("wait4");
        std::exit(71);
    }
    result.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                 static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    result.rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

struct Summary {
    double median = 0;
    double min = 0;
    double max = 0;
};

Summary summarise(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    const double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return {median, values.front(), values.back()};
}

struct Series {
    std::vector<double> wall;
    std::vector<double> cpu;
    std::vector<double> rss;
    bool failed = false;
};

void add(Series& series, const Run& r) {
    series.wall.push_back(r.wall);
    series.cpu.push_back(r.cpu);
    series.rss.push_back(r.rss_mib);
    series.failed = series.failed || r.status != 0;
}

void print_series(const char* who, const Series& s, unsigned long long cases) {
    const Summary wall = summarise(s.wall);
    const Summary cpu = summarise(s.cpu);
    const Summary rss = summarise(s.rss);
    std::printf("  %-9s wall %8.3f s (%.3f-%.3f)  %6.2f M cases/s  CPU %8.3f s (%.3f-%.3f)  peak RSS %6.1f MiB%s\n",
                who, wall.median, wall.min, wall.max, static_cast<double>(cases) / wall.median / 1e6, cpu.median,
                cpu.min, cpu.max, rss.median, s.failed ? "  (a run FAILED)" : "");
}

/// Whether the program takes `batch --to csv` (the first release does not: exit 64).
/// (Its input is /dev/null: no record.)
bool takes_csv(const std::string& program) { return run({program, "batch", "--to", "csv"}).status == 0; }

/// Both programs' output counted, and the ratios per output byte of the runs to /dev/null (`sa`, `sb`);
/// then both through a pipe of the default size that this program drains, in turn with `dd` writing as
/// many bytes as CURRENT does from /dev/zero, 64 KiB at a time: the copy limit for that much output,
/// through a pipe of the default size (as a shell makes it) and of 1 MiB (the largest a program may
/// make it by default, /proc/sys/fs/pipe-max-size, as lmsstage does its standard output).
void through_a_pipe(const std::string& a, const std::string& b, const std::vector<std::string>& tail,
                    unsigned long long cases, int runs, const Series& sa, const Series& sb) {
    std::vector<std::string> args_a{a};
    std::vector<std::string> args_b{b};
    args_a.insert(args_a.end(), tail.begin(), tail.end());
    args_b.insert(args_b.end(), tail.begin(), tail.end());
    const Run first_a = run(args_a, true);
    const Run first_b = run(args_b, true);
    if (first_a.status != 0 || first_b.status != 0 || first_a.bytes == 0 || first_b.bytes == 0) {
        std::printf("  (the output could not be counted: a run failed)\n");
        return;
    }
    const auto bytes_a = static_cast<double>(first_a.bytes);
    const auto bytes_b = static_cast<double>(first_b.bytes);
    const double size = bytes_b / bytes_a;
    std::printf(
        "  output: baseline %.0f bytes a case, current %.0f (%.2f); per output byte, ratio current/baseline: wall "
        "%.2f, CPU %.2f\n",
        bytes_a / static_cast<double>(cases), bytes_b / static_cast<double>(cases), size,
        summarise(sb.wall).median / summarise(sa.wall).median / size,
        summarise(sb.cpu).median / summarise(sa.cpu).median / size);
    const std::vector<std::string> copy{"/bin/dd",           "if=/dev/zero",
                                        "bs=65536",          "count=" + std::to_string(first_b.bytes),
                                        "iflag=count_bytes", "status=none"};
    constexpr int k_large_pipe = 1 << 20;
    Series pa;
    Series pb;
    Series pc;
    Series pl;
    struct Turn {
        Series* series;
        const std::vector<std::string>* args;
        int pipe_size;
    };
    const std::vector<Turn> turns{{&pa, &args_a, 0}, {&pb, &args_b, 0}, {&pc, &copy, 0}, {&pl, &copy, k_large_pipe}};
    for (int r = 0; r < runs; ++r) {
        for (std::size_t j = 0; j < turns.size(); ++j) {
            const Turn& turn = turns[(static_cast<std::size_t>(r) + j) % turns.size()];
            add(*turn.series, run(*turn.args, true, turn.pipe_size));
        }
    }
    std::printf(
        "  through a pipe drained by lmsstage-compare (%d runs each, in turn with dd writing as many bytes as "
        "current from /dev/zero, 64 KiB at a time: the copy limit):\n",
        runs);
    print_series("baseline", pa, cases);
    print_series("current", pb, cases);
    print_series("dd", pc, cases);
    print_series("dd 1 MiB", pl, cases);
    const double limit = summarise(pc.wall).median;
    const double large_limit = summarise(pl.wall).median;
    std::printf(
        "  ratio to the copy limit (wall; for the baseline, dd's time scaled to its bytes): current %.2f, baseline "
        "%.2f through a pipe of the default size; current %.2f against dd through a pipe of 1 MiB\n",
        summarise(pb.wall).median / limit, summarise(pa.wall).median / (limit / size),
        summarise(pb.wall).median / large_limit);
}

/// Times `tail` for both programs (BASELINE only when `a_too`); with `per_byte`, also counts what each
/// writes and gives the ratios per output byte (for records whose size differs between the builds),
/// and times both through a pipe against the pipe's copy limit (through_a_pipe).
bool workload(const char* title, const std::string& a, const std::string& b, const std::vector<std::string>& tail,
              unsigned long long cases, int runs, bool a_too, bool per_byte = false) {
    Series sa;
    Series sb;
    const auto run_a = [&] {
        if (a_too) {
            std::vector<std::string> args{a};
            args.insert(args.end(), tail.begin(), tail.end());
            add(sa, run(args));
        }
    };
    const auto run_b = [&] {
        std::vector<std::string> args{b};
        args.insert(args.end(), tail.begin(), tail.end());
        add(sb, run(args));
    };
    for (int i = 0; i < runs; ++i) {
        if (i % 2 == 0) {
            run_a();
            run_b();
        } else {
            run_b();
            run_a();
        }
    }
    std::printf("%s (%llu cases, %d runs each, in turn, the order swapped each pair):\n", title, cases, runs);
    if (a_too) {
        print_series("baseline", sa, cases);
    } else {
        std::printf("  baseline  (does not take this command)\n");
    }
    print_series("current", sb, cases);
    if (a_too) {
        std::printf("  ratio current/baseline: wall %.2f, CPU %.2f, peak RSS %.2f\n",
                    summarise(sb.wall).median / summarise(sa.wall).median,
                    summarise(sb.cpu).median / summarise(sa.cpu).median,
                    summarise(sb.rss).median / summarise(sa.rss).median);
    }
    if (a_too && per_byte) {
        through_a_pipe(a, b, tail, cases, std::min(runs, 5), sa, sb);
    }
    return !sa.failed && !sb.failed;
}

unsigned long long count_lines(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    unsigned long long lines = 0;
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        lines += static_cast<unsigned long long>(std::count(buffer.data(), buffer.data() + in.gcount(), '\n'));
    }
    return lines;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    int single = 30;
    bool single_only = false;
    std::string columns;
    std::string floor;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i += 2) {
        if (std::strcmp(argv[i], "--single-only") == 0) {
            single_only = true;
            --i;  // takes no value
        } else if (i + 1 == argc) {
            break;
        } else if (std::strcmp(argv[i], "--runs") == 0) {
            runs = std::max(1, std::atoi(argv[i + 1]));
        } else if (std::strcmp(argv[i], "--single") == 0) {
            single = std::max(1, std::atoi(argv[i + 1]));
        } else if (std::strcmp(argv[i], "--columns") == 0) {
            columns = argv[i + 1];
        } else if (std::strcmp(argv[i], "--floor") == 0) {
            floor = argv[i + 1];
        } else {
            break;
        }
    }
    if (argc - i != (single_only ? 2 : 4)) {
        std::fprintf(stderr,
                     "usage: lmsstage-compare [--runs N] [--single N] [--columns LIST] [--floor PROGRAM] BASELINE "
                     "CURRENT CASES.ndjson CASES.csv\n"
                     "       lmsstage-compare --single-only [--single N] [--floor PROGRAM] BASELINE CURRENT\n");
        return 64;
    }
    const std::string a = argv[i];
    const std::string b = argv[i + 1];
    bool ok = true;
    if (!single_only) {
        const std::string ndjson = argv[i + 2];
        const std::string csv = argv[i + 3];
        const unsigned long long cases = count_lines(ndjson);
        if (cases == 0 || count_lines(csv) != cases + 1) {
            std::fprintf(stderr,
                         "lmsstage-compare: %s and %s must hold the same cases (NDJSON lines; CSV header + rows)\n",
                         ndjson.c_str(), csv.c_str());
            return 66;
        }
        const bool a_csv = takes_csv(a);
        ok = workload("full records, NDJSON in, JSON to /dev/null", a, b, {"batch", ndjson}, cases, runs, true, true);
        ok =
            workload("CSV from NDJSON, to /dev/null", a, b, {"batch", ndjson, "--to", "csv"}, cases, runs, a_csv) && ok;
        ok = workload("CSV from CSV, to /dev/null", a, b, {"batch", csv, "--to", "csv"}, cases, runs, a_csv) && ok;
        if (!columns.empty()) {
            const std::string title = "--columns " + columns;
            std::printf("like for like, both programs with %s:\n", title.c_str());
            ok = workload("CSV from NDJSON, the same columns", a, b,
                          {"batch", ndjson, "--to", "csv", "--columns", columns}, cases, runs, a_csv) &&
                 ok;
            ok = workload("CSV from CSV, the same columns", a, b, {"batch", csv, "--to", "csv", "--columns", columns},
                          cases, runs, a_csv) &&
                 ok;
        }
    }

    Series sa;
    Series sb;
    Series st;
    Series sf;
    std::vector<std::pair<Series*, std::vector<std::string>>> singles{
        {&sa, {a, "--size", "6", "--grade", "3"}}, {&sb, {b, "--size", "6", "--grade", "3"}}, {&st, {"/bin/true"}}};
    if (!floor.empty()) {
        singles.push_back({&sf, {floor}});
    }
    // All in turn, each as often first: rotations of the list, forwards and backwards (a b t,
    // t b a, b t a, a t b, ...).
    const std::size_t n = singles.size();
    for (int r = 0; r < single; ++r) {
        const auto rotation = static_cast<std::size_t>(r / 2) % n;
        for (std::size_t j = 0; j < n; ++j) {
            const std::size_t k = (rotation + (r % 2 == 0 ? j : n - 1 - j)) % n;
            add(*singles[k].first, run(singles[k].second));
        }
    }
    const auto ms = [](const Series& s) {
        const Summary w = summarise(s.wall);
        return std::vector<double>{w.median * 1e3, w.min * 1e3, w.max * 1e3};
    };
    std::printf("one case, --size 6 --grade 3 (%d runs each, in turn with /bin/true%s):\n", single,
                floor.empty() ? "" : " and the floor");
    std::vector<std::pair<const char*, const Series*>> shown{{"baseline", &sa}, {"current", &sb}, {"/bin/true", &st}};
    if (!floor.empty()) {
        shown.emplace_back("floor", &sf);
    }
    for (const auto& [who, s] : shown) {
        const std::vector<double> w = ms(*s);
        const Summary cpu = summarise(s->cpu);
        std::printf("  %-9s wall %6.3f ms (%.3f-%.3f)  CPU %6.3f ms (%.3f-%.3f)  peak RSS %5.1f MiB%s\n", who, w[0],
                    w[1], w[2], cpu.median * 1e3, cpu.min * 1e3, cpu.max * 1e3, summarise(s->rss).median,
                    s->failed ? "  (a run FAILED)" : "");
    }
    const auto ratio = [](const Series& x, const Series& y) {
        return summarise(x.wall).median / summarise(y.wall).median;
    };
    const auto cpu_ratio = [](const Series& x, const Series& y) {
        return summarise(x.cpu).median / summarise(y.cpu).median;
    };
    std::printf("  ratio current/baseline %.2f, current//bin/true %.2f, baseline//bin/true %.2f (wall medians)\n",
                ratio(sb, sa), ratio(sb, st), ratio(sa, st));
    std::printf("  ratio current/baseline %.2f, current//bin/true %.2f, baseline//bin/true %.2f (CPU medians)\n",
                cpu_ratio(sb, sa), cpu_ratio(sb, st), cpu_ratio(sa, st));
    if (!floor.empty()) {
        const std::size_t slash = floor.rfind('/');
        std::printf(
            "  floor (%s, no arguments)//bin/true %.2f (wall medians), %.2f (CPU medians); "
            "current/floor %.2f (wall), %.2f (CPU)\n",
            floor.c_str() + (slash == std::string::npos ? 0 : slash + 1), ratio(sf, st), cpu_ratio(sf, st),
            ratio(sb, sf), cpu_ratio(sb, sf));
    }
    ok = ok && !sa.failed && !sb.failed;
    return ok ? 0 : 1;
}
