#pragma once
// The character encoding of the input (batch --encoding): UTF-8 as it is, or a single-byte
// encoding that spreadsheets on Windows write (Windows-1252, ISO 8859-1) decoded into UTF-8 as it
// is read, so that every later step (framing, fields, ids) sees UTF-8.

#include <cstdint>
#include <optional>
#include <string_view>

#include "cli/record_stream.hpp"

namespace lmsstage::cli {

enum class Encoding : std::uint8_t { utf8, windows_1252, latin_1 };

/// The encoding a name stands for (utf-8, utf8, windows-1252, cp1252, latin-1, latin1,
/// iso-8859-1; any letter case), or nothing.
std::optional<Encoding> encoding_named(std::string_view name);

/// The code point one byte of a single-byte encoding stands for (Windows-1252 as the WHATWG Encoding
/// Standard maps it; ISO 8859-1 byte for code point). Not for UTF-8.
std::uint32_t code_point(Encoding encoding, unsigned char byte) noexcept;

/// A read function giving the UTF-8 text of what `read` gives in `encoding` (`read` itself for
/// UTF-8). A read error is passed on with the bytes decoded before it.
ReadFn decoding(ReadFn read, Encoding encoding);

}  // namespace lmsstage::cli
