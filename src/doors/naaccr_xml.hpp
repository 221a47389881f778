#pragma once
// NAACCR XML out (batch --to naaccr-xml): each Tumor written back into its document with the derived
// items added, as XML that a NAACCR XML reader takes (escaped text, comments). The reader
// (cli/naaccr_xml.hpp) hands each Tumor on encoded as below, so that the workers write it back
// without parsing XML again.

#include <span>
#include <string>
#include <string_view>

#include "naaccr/naaccr.hpp"

namespace lmsstage::doors {

// An encoded tumour: k_tumor_mark, then entries, each a kind byte and three fields ended by NUL
// (XML text never holds a NUL): an item (id, value, its other attributes as XML), the Tumor's own
// attributes as XML, or an extension element as XML.
inline constexpr char k_tumor_mark = '\x01';
inline constexpr char k_root_item = 'D';
inline constexpr char k_patient_item = 'P';
inline constexpr char k_tumor_item = 'T';
inline constexpr char k_tumor_attributes = 'A';
inline constexpr char k_tumor_extension = 'X';

void add_tumor_entry(std::string& out, char kind, std::string_view a, std::string_view b = {}, std::string_view c = {});

struct TumorEntry {
    char kind = 0;
    std::string_view a;
    std::string_view b;
    std::string_view c;
};

/// Calls `each` for every entry of an encoded tumour.
template <typename Each>
void for_each_tumor_entry(std::string_view encoded, Each each) {
    std::size_t at = encoded.starts_with(k_tumor_mark) ? 1 : 0;
    const auto field = [&]() {
        const std::size_t end = encoded.find('\0', at);
        const std::string_view text = encoded.substr(at, end - at);
        at = end == std::string_view::npos ? encoded.size() : end + 1;
        return text;
    };
    while (at < encoded.size()) {
        TumorEntry entry;
        entry.kind = encoded[at++];
        entry.a = field();
        entry.b = field();
        entry.c = field();
        each(entry);
    }
}

/// One Item element: `<Item naaccrId="ID" ATTRIBUTES>VALUE</Item>` and a line break, escaped.
void append_item_xml(std::string& out, std::string_view id, std::string_view value, std::string_view attributes);

/// Writes an encoded tumour back as its Tumor element: its items and extensions as read, each item
/// whose id is among `derived` (with a code) given that code instead, and the other derived items
/// with a code added after them. A `comment`, when not empty, comes first as an XML comment.
void append_xml_tumor(std::string& out, std::string_view encoded, std::span<const naaccr::OutputItem> derived,
                      std::string_view comment = {});

/// `text` as an XML comment on a line of its own ("--" spaced out, as a comment may not hold it).
void append_xml_comment(std::string& out, std::string_view text);

/// `text` as XML character data, or (`attribute`) as an attribute value in double quotes.
void append_xml_escaped(std::string& out, std::string_view text, bool attribute = false);

}  // namespace lmsstage::doors
