#include "cli/encoding.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "doors/fields.hpp"

namespace lmsstage::cli {
namespace {

/// Windows-1252 bytes 0x80-0x9F as code points (WHATWG Encoding Standard, index-windows-1252;
/// the unassigned 0x81, 0x8D, 0x8F, 0x90 and 0x9D map to themselves).
constexpr std::array<std::uint16_t, 32> k_windows_1252_high = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/// The UTF-8 encoding of one byte of a single-byte encoding (1 to 3 bytes written to `out`), its
/// length returned. Windows-1252 as the WHATWG Encoding Standard maps it (its five unassigned
/// bytes 0x81 0x8D 0x8F 0x90 0x9D to the C1 controls of the same value); ISO 8859-1 byte for code
/// point.
std::size_t decode_byte(Encoding encoding, unsigned char byte, char* out) noexcept {
    const std::uint32_t code = code_point(encoding, byte);
    if (code < 0x80U) {
        out[0] = static_cast<char>(code);
        return 1;
    }
    if (code < 0x800U) {
        out[0] = static_cast<char>(0xC0U | (code >> 6U));
        out[1] = static_cast<char>(0x80U | (code & 0x3FU));
        return 2;
    }
    out[0] = static_cast<char>(0xE0U | (code >> 12U));
    out[1] = static_cast<char>(0x80U | ((code >> 6U) & 0x3FU));
    out[2] = static_cast<char>(0x80U | (code & 0x3FU));
    return 3;
}

}  // namespace

std::uint32_t code_point(Encoding encoding, unsigned char byte) noexcept {
    if (encoding == Encoding::windows_1252 && byte >= 0x80U && byte <= 0x9FU) {
        return k_windows_1252_high[byte - 0x80U];
    }
    return byte;
}

std::optional<Encoding> encoding_named(std::string_view name) {
    const std::string key = doors::lowercase(name);
    if (key == "utf-8" || key == "utf8") {
        return Encoding::utf8;
    }
    if (key == "windows-1252" || key == "cp1252") {
        return Encoding::windows_1252;
    }
    if (key == "latin-1" || key == "latin1" || key == "iso-8859-1") {
        return Encoding::latin_1;
    }
    return std::nullopt;
}

ReadFn decoding(ReadFn read, Encoding encoding) {
    if (encoding == Encoding::utf8) {
        return read;
    }
    // Decoded text waits here until the caller takes it; a read error is passed on after it.
    struct State {
        std::vector<char> raw;
        std::string decoded;
        std::size_t taken = 0;
        int error = 0;
        bool ended = false;
    };
    auto state = std::make_shared<State>();
    return [read = std::move(read), encoding, state](char* buffer, std::size_t size) {
        State& s = *state;
        if (s.taken == s.decoded.size()) {
            if (s.ended) {
                return ReadResult{0, s.error};
            }
            s.decoded.clear();
            s.taken = 0;
            s.raw.resize(std::max<std::size_t>(size, 4096));
            const ReadResult got = read(s.raw.data(), s.raw.size());
            s.error = got.error;
            s.ended = got.bytes == 0 || got.error != 0;
            char bytes[3];
            for (std::size_t i = 0; i < got.bytes; ++i) {
                s.decoded.append(bytes, decode_byte(encoding, static_cast<unsigned char>(s.raw[i]), bytes));
            }
            if (s.decoded.empty()) {
                return ReadResult{0, s.error};
            }
        }
        const std::size_t n = std::min(size, s.decoded.size() - s.taken);
        std::copy_n(s.decoded.data() + s.taken, n, buffer);
        s.taken += n;
        return ReadResult{n, 0};
    };
}

}  // namespace lmsstage::cli
