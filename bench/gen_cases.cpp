// lmsstage-gen-cases [--csv] N [SEED] [BAD_EVERY]: writes N deterministic case records to stdout, as
// NDJSON, or with --csv as a CSV table (a header row, then one row per case; no bad records).
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "case_generator.hpp"

int main(int argc, char** argv) {
    const bool csv = argc > 1 && std::string_view(argv[1]) == "--csv";
    const int first = csv ? 2 : 1;
    if (argc - first < 1 || argc - first > 3) {
        std::fputs("usage: lmsstage-gen-cases [--csv] N [SEED] [BAD_EVERY]\n", stderr);
        return 64;
    }
    const unsigned long long count = std::strtoull(argv[first], nullptr, 10);
    const unsigned long long seed = argc > first + 1 ? std::strtoull(argv[first + 1], nullptr, 10) : 20261126ULL;
    const unsigned long long bad_every = argc > first + 2 && !csv ? std::strtoull(argv[first + 2], nullptr, 10) : 0ULL;
    lmsstage::bench::CaseGenerator generator(seed, bad_every);
    std::string buffer(csv ? lmsstage::bench::CaseGenerator::csv_header() : "");
    std::string record;
    for (unsigned long long n = 0; n < count; ++n) {
        record.clear();
        generator.append(n, record);
        if (csv) {
            lmsstage::bench::CaseGenerator::append_csv(record, buffer);
        } else {
            buffer += record;
        }
        if (buffer.size() > (1U << 20U)) {
            if (std::fwrite(buffer.data(), 1, buffer.size(), stdout) != buffer.size()) {
                return 74;
            }
            buffer.clear();
        }
    }
    if (std::fwrite(buffer.data(), 1, buffer.size(), stdout) != buffer.size() || std::fflush(stdout) != 0) {
        return 74;
    }
    return 0;
}
