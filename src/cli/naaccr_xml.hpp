#pragma once
// NAACCR XML (the registries' exchange format since NAACCR version 21; NAACCR XML specification
// 1.x): a NaaccrData root with its Items, Patients with theirs, and in each Patient its Tumors with
// theirs. Every Tumor is one record; it also carries the items of its Patient and of the NaaccrData
// (the nearest level wins when an item is given twice).
//
// Read by expat (Debian libexpat1-dev) as a stream: the input is parsed in chunks, and what is held
// at once is one Tumor, its Patient's items and the root's items, each bounded by
// k_max_record_bytes. A document type declaration (<!DOCTYPE ...>) is refused, so that no entity is
// ever declared or loaded (no external entities, no entity expansion). Errors give the line.
//
// Besides the tumours, the reader hands on the document's other XML (the root's start tag and
// items, each Patient's start tag and items, extension elements of other namespaces, end tags) as
// text pieces, re-serialised, so that --to naaccr-xml writes the whole document back with only the
// derived items added to each Tumor (the writer is doors/naaccr_xml.hpp). NAACCR elements are those without a namespace
// prefix (the default namespace, as NAACCR XML files are written); prefixed elements are extensions.

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "cli/record_reader.hpp"
#include "cli/record_stream.hpp"

namespace lmsstage::cli {

/// One piece of a NAACCR XML input, in document order.
struct XmlPiece {
    enum class Kind {
        text,     ///< XML to write through unchanged with --to naaccr-xml, and nothing otherwise
        tumor,    ///< one Tumor, encoded (doors/naaccr_xml.hpp) for read_xml_tumor and append_xml_tumor
        problem,  ///< the input is not a NAACCR XML file, or not well-formed: reading stops
    };
    Kind kind = Kind::text;
    std::string_view bytes;
    long long line = 0;        ///< tumor: the line of its start tag; problem: where it was found
    bool before_root = false;  ///< problem: found before the root element, so no document to write back
};

/// True when an input's first bytes are XML: after a UTF-8 byte-order mark and white space, '<'.
bool looks_like_xml(std::string_view head) noexcept;

/// Reads one NAACCR XML input, calling `on_piece` for each piece in order. Stops as soon as
/// `on_piece` returns false, or after a problem piece (then a last text piece closes the elements
/// that were open, so that the output stays well-formed). `decoded`: `read` gives UTF-8 whatever
/// the document's declaration says (batch --encoding decoded it); else the declaration is followed.
StreamEnd read_naaccr_xml(const ReadFn& read, const std::function<bool(const XmlPiece&)>& on_piece,
                          bool decoded = false);

/// Reads an encoded tumour into `out` (cleared first): the items lmsstage reads, from the root, the
/// Patient and the Tumor (the nearest wins), and the id: patientIdNumber, followed by "/" and
/// tumorRecordNumber when the Tumor has one. `keep` names items (in any letter case) whose values
/// go into out.kept, in its order (batch --keep), empty for an item the tumour has not.
void read_xml_tumor(std::string_view encoded, Record& out, std::span<const std::string> keep = {});

}  // namespace lmsstage::cli
