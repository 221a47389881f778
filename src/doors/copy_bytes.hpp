#pragma once
// Copying the short pieces an output record is mostly made of (keys, words, numbers, delimiters).

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace lmsstage::doors {

/// Copies `n` bytes, from sizeof(Word) to twice that, as two moves of a Word that overlap in the
/// middle (the first and the last sizeof(Word) bytes).
template <typename Word>
void copy_two_words(char* to, const char* from, std::size_t n) noexcept {
    Word head{};
    Word tail{};
    std::memcpy(&head, from, sizeof head);
    std::memcpy(&tail, from + n - sizeof tail, sizeof tail);
    std::memcpy(to, &head, sizeof head);
    std::memcpy(to + n - sizeof tail, &tail, sizeof tail);
}

/// Copies `n` bytes from `from` to `to` (which do not overlap). Up to 16 bytes are copied inline,
/// as two overlapping moves of 8, 4 or 1 bytes, without a branch per byte: a call to memcpy for a
/// key of a dozen bytes cost more than the copy (the JSON writer, full records: 3 % of the
/// program's time, docs/performance.md). Longer pieces go to memcpy.
inline void copy_bytes(char* to, const char* from, std::size_t n) noexcept {
    if (n >= 8 && n <= 16) {
        copy_two_words<std::uint64_t>(to, from, n);
    } else if (n >= 4 && n < 8) {
        copy_two_words<std::uint32_t>(to, from, n);
    } else if (n > 0 && n < 4) {
        to[0] = from[0];
        to[n / 2] = from[n / 2];
        to[n - 1] = from[n - 1];
    } else if (n > 16) {
        std::memcpy(to, from, n);
    }
}

}  // namespace lmsstage::doors
