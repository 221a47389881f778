// lmsstage-gen-cases N [SEED] [BAD_EVERY]: writes N deterministic case records as NDJSON to stdout.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "case_generator.hpp"

int main(int argc, char** argv) {
    if (argc < 2 || argc > 4) {
        std::fputs("usage: lmsstage-gen-cases N [SEED] [BAD_EVERY]\n", stderr);
        return 64;
    }
    const unsigned long long count = std::strtoull(argv[1], nullptr, 10);
    const unsigned long long seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 20261126ULL;
    const unsigned long long bad_every = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 0ULL;
    lmsstage::bench::CaseGenerator generator(seed, bad_every);
    std::string buffer;
    for (unsigned long long n = 0; n < count; ++n) {
        generator.append(n, buffer);
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
