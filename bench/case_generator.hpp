#pragma once
// Deterministic generator of realistic case records (NDJSON) for benchmarks and soak tests:
// soft tissue sites with and without depth, uterine cases with extension findings, adenosarcoma,
// explicit unknowns, and, on request, a bad record every K records. Same seed, same bytes.

#include <cstdint>
#include <string>
#include <string_view>

namespace lmsstage::bench {

class CaseGenerator {
public:
    explicit CaseGenerator(std::uint64_t seed, std::uint64_t bad_every = 0)
        : m_state(seed | 1U), m_bad_every(bad_every) {}

    /// Appends record number `n` (0-based) and a newline to `out`.
    void append(std::uint64_t n, std::string& out);

    /// The header row of the same cases as CSV (a spreadsheet's export: yes/no, empty cells).
    static std::string_view csv_header();
    /// Appends a record made by append() (a good one) as a CSV row, CRLF-terminated.
    static void append_csv(std::string_view record, std::string& out);

private:
    std::uint64_t next();
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }
    bool chance(unsigned percent) { return below(100) < percent; }

    std::uint64_t m_state;
    std::uint64_t m_bad_every;
};

}  // namespace lmsstage::bench
