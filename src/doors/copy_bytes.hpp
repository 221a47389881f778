#pragma once
// Copying the short pieces an output record is mostly made of (keys, words, numbers, delimiters).

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace lmsstage::doors {

/// Copies `n` bytes from `from` to `to` (which do not overlap). Up to 16 bytes are copied inline,
/// as two overlapping moves of 8, 4 or 1 bytes, without a branch per byte: a call to memcpy for a
/// key of a dozen bytes cost more than the copy (the JSON writer, full records: 3 % of the
/// program's time, README, Performance). Longer pieces go to memcpy.
inline void copy_bytes(char* to, const char* from, std::size_t n) noexcept {
    if (n >= 8 && n <= 16) {
        std::uint64_t head = 0;
        std::uint64_t tail = 0;
        std::memcpy(&head, from, 8);
        std::memcpy(&tail, from + n - 8, 8);
        std::memcpy(to, &head, 8);
        std::memcpy(to + n - 8, &tail, 8);
    } else if (n >= 4 && n < 8) {
        std::uint32_t head = 0;
        std::uint32_t tail = 0;
        std::memcpy(&head, from, 4);
        std::memcpy(&tail, from + n - 4, 4);
        std::memcpy(to, &head, 4);
        std::memcpy(to + n - 4, &tail, 4);
    } else if (n > 0 && n < 4) {
        to[0] = from[0];
        to[n / 2] = from[n / 2];
        to[n - 1] = from[n - 1];
    } else if (n > 16) {
        std::memcpy(to, from, n);
    }
}

}  // namespace lmsstage::doors
