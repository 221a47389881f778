#include "cli/naaccr_xml.hpp"

#include "cli/encoding.hpp"

#include "doors/fields.hpp"
#include "doors/naaccr_xml.hpp"
#include "doors/render_json.hpp"
#include "doors/safe_text.hpp"

#include <expat.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace lmsstage::cli {

using namespace lmsstage::doors;
namespace {

struct Item {
    std::string id;
    std::string value;
    std::string attributes;  ///< the other attributes (naaccrNum), as XML
};

enum class Level { none, root, patient, tumor, item, extension, done };

/// The local name of an element without a namespace prefix; empty for a prefixed one.
std::string_view unprefixed(std::string_view name) {
    return name.find(':') == std::string_view::npos ? name : std::string_view{};
}

class XmlReader {
public:
    XmlReader(const std::function<bool(const XmlPiece&)>& on_piece) : m_on_piece(on_piece) {}

    /// `decoded`: the bytes are UTF-8 already (batch --encoding decoded them), whatever the document's
    /// declaration says. Otherwise the declaration is followed, UTF-8 without one: expat reads UTF-8,
    /// UTF-16, ISO-8859-1 and US-ASCII, on_unknown_encoding adds Windows-1252 (Java's Cp1252, as the
    /// NAACCR XML reference implementation writes it) and Latin-1's other names; any other is
    /// refused, naming it, with the conversion to make.
    StreamEnd read(const ReadFn& read, bool decoded) {
        std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(
            XML_ParserCreate(decoded ? "UTF-8" : nullptr), &XML_ParserFree);
        if (!parser) {
            throw std::bad_alloc();
        }
        m_parser = parser.get();
        XML_SetUserData(m_parser, this);
        XML_SetElementHandler(m_parser, &XmlReader::on_start, &XmlReader::on_end);
        XML_SetCharacterDataHandler(m_parser, &XmlReader::on_text);
        XML_SetStartDoctypeDeclHandler(m_parser, &XmlReader::on_doctype);
        XML_SetEntityDeclHandler(m_parser, &XmlReader::on_entity);
        XML_SetParamEntityParsing(m_parser, XML_PARAM_ENTITY_PARSING_NEVER);
        XML_SetUnknownEncodingHandler(m_parser, &XmlReader::on_unknown_encoding, this);
        for (;;) {
            void* buffer = XML_GetBuffer(m_parser, k_chunk);
            if (buffer == nullptr) {
                throw std::bad_alloc();
            }
            const ReadResult got = read(static_cast<char*>(buffer), k_chunk);
            if (got.error != 0) {
                return StreamEnd{StreamEnd::Kind::read_error, got.error,
                                 static_cast<long long>(XML_GetCurrentLineNumber(m_parser))};
            }
            const bool last = got.bytes == 0;
            if (XML_ParseBuffer(m_parser, static_cast<int>(got.bytes), last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
                if (m_stopped) {
                    return StreamEnd{StreamEnd::Kind::consumer_stopped};
                }
                if (m_problem.empty()) {
                    problem(expat_problem());
                }
                return finish_with_problem();
            }
            if (last) {
                break;
            }
        }
        if (m_level != Level::done) {
            problem("the input ends before </NaaccrData>");  // expat reports this itself; kept for safety
            return finish_with_problem();
        }
        return hand_on_text() ? StreamEnd{} : StreamEnd{StreamEnd::Kind::consumer_stopped};
    }

private:
    static constexpr int k_chunk = 1 << 16;

    // ---- expat's callbacks ------------------------------------------------------------------

    static void on_start(void* self, const XML_Char* name, const XML_Char** attributes) {
        static_cast<XmlReader*>(self)->start(name, attributes);
    }
    static void on_end(void* self, const XML_Char* name) { static_cast<XmlReader*>(self)->end(name); }
    static void on_text(void* self, const XML_Char* text, int size) {
        static_cast<XmlReader*>(self)->text(std::string_view(text, static_cast<std::size_t>(size)));
    }
    static void on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        static_cast<XmlReader*>(self)->problem(
            "a document type declaration (<!DOCTYPE ...>) is not accepted in NAACCR XML: remove it (NAACCR XML "
            "files have none; refusing it keeps entities out)");
    }
    /// A single-byte encoding lmsstage knows (encoding_named), as expat's map of byte to code point.
    static int on_unknown_encoding(void* self, const XML_Char* name, XML_Encoding* info) {
        const std::optional<Encoding> known = encoding_named(name);
        if (!known || *known == Encoding::utf8) {
            static_cast<XmlReader*>(self)->m_unknown_encoding = name;
            return XML_STATUS_ERROR;
        }
        for (unsigned byte = 0; byte < 256; ++byte) {
            info->map[byte] = static_cast<int>(code_point(*known, static_cast<unsigned char>(byte)));
        }
        info->data = nullptr;
        info->convert = nullptr;
        info->release = nullptr;
        return XML_STATUS_OK;
    }
    static void on_entity(void* self, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                          const XML_Char*, const XML_Char*) {
        static_cast<XmlReader*>(self)->problem("an entity declaration is not accepted in NAACCR XML");
    }

    void start(std::string_view name, const XML_Char** attributes) {
        if (halted()) {
            return;
        }
        if (m_extension_depth > 0) {
            ++m_extension_depth;
            open_tag(extension_text(), name, attributes);
            return;
        }
        const std::string_view local = unprefixed(name);
        switch (m_level) {
            case Level::none:
                if (name != "NaaccrData") {
                    problem("the root element is <" + std::string(name) +
                            ">, not <NaaccrData>: not a NAACCR XML file (give JSON, CSV or TSV records "
                            "with --from)");
                    return;
                }
                m_pending += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
                open_tag(m_pending, name, attributes);
                m_pending += '\n';
                m_level = Level::root;
                return;
            case Level::root:
            case Level::patient:
            case Level::tumor: break;
            case Level::item:
                problem("an element <" + std::string(name) + "> inside an Item: an Item holds its value only");
                return;
            case Level::extension: return;  // counted in m_extension_depth above
            case Level::done: problem("an element <" + std::string(name) + "> after </NaaccrData>"); return;
        }
        if (local.empty()) {
            m_extension_level = m_level;
            m_level = Level::extension;
            m_extension_depth = 1;
            m_extension.clear();
            open_tag(m_extension, name, attributes);
            return;
        }
        if (local == "Item") {
            start_item(attributes);
        } else if (local == "Patient" && m_level == Level::root) {
            m_patient_items.clear();
            m_patient_bytes = 0;
            m_seen_tumor = false;
            m_seen_patient = true;
            m_pending += "    ";
            open_tag(m_pending, name, attributes);
            m_pending += '\n';
            m_level = Level::patient;
        } else if (local == "Tumor" && m_level == Level::patient) {
            start_tumor(attributes);
        } else {
            const char* where = m_level == Level::root      ? "in <NaaccrData> (it holds Item and Patient elements)"
                                : m_level == Level::patient ? "in a <Patient> (it holds Item and Tumor elements)"
                                                            : "in a <Tumor> (it holds Item elements)";
            problem("unexpected element <" + std::string(name) + "> " + where);
        }
    }

    void start_item(const XML_Char** attributes) {
        if (m_level == Level::patient && m_seen_tumor) {
            problem("an Item of the Patient after its first Tumor: a Patient's Items come before its Tumors");
            return;
        }
        if (m_level == Level::root && m_seen_patient) {
            problem("an Item of <NaaccrData> after its first Patient: the root's Items come before its Patients");
            return;
        }
        m_item = Item{};
        bool has_id = false;
        for (const XML_Char** a = attributes; *a != nullptr; a += 2) {
            const std::string_view key = a[0];
            if (key == "naaccrId") {
                m_item.id = a[1];
                has_id = true;
            } else {
                append_attribute(m_item.attributes, key, a[1]);
            }
        }
        if (!has_id || m_item.id.empty()) {
            problem("an Item without its naaccrId attribute (write <Item naaccrId=\"primarySite\">C559</Item>)");
            return;
        }
        m_item_parent = m_level;
        m_level = Level::item;
    }

    void start_tumor(const XML_Char** attributes) {
        if (!hand_on_text()) {
            return;
        }
        m_seen_tumor = true;
        m_tumor_line = static_cast<long long>(XML_GetCurrentLineNumber(m_parser));
        m_tumor.assign(1, k_tumor_mark);
        for (const Item& item : m_root_items) {
            add_tumor_entry(m_tumor, k_root_item, item.id, item.value);
        }
        for (const Item& item : m_patient_items) {
            add_tumor_entry(m_tumor, k_patient_item, item.id, item.value);
        }
        std::string own;
        for (const XML_Char** a = attributes; *a != nullptr; a += 2) {
            append_attribute(own, a[0], a[1]);
        }
        add_tumor_entry(m_tumor, k_tumor_attributes, own);
        m_level = Level::tumor;
    }

    void end(std::string_view name) {
        if (halted()) {
            return;
        }
        if (m_extension_depth > 0) {
            --m_extension_depth;
            std::string& out = extension_text();
            out += "</";
            out += name;
            out += '>';
            if (m_extension_depth == 0) {
                end_extension();
            }
            return;
        }
        switch (m_level) {
            case Level::item: end_item(); return;
            case Level::tumor:
                m_level = Level::patient;
                if (m_tumor.size() > k_max_record_bytes) {
                    problem("a Tumor over 1 MiB (with its Patient's and the root's items)");
                    return;
                }
                hand_on(XmlPiece{XmlPiece::Kind::tumor, m_tumor, m_tumor_line});
                return;
            case Level::patient:
                m_pending += "    </Patient>\n";
                m_level = Level::root;
                return;
            case Level::root:
                m_pending += "</NaaccrData>\n";
                m_level = Level::done;
                return;
            case Level::none:
            case Level::extension:
            case Level::done: return;  // expat has matched the tags
        }
    }

    void end_item() {
        m_level = m_item_parent;
        switch (m_item_parent) {
            case Level::root:
            case Level::patient: {
                const bool root = m_item_parent == Level::root;
                m_pending += root ? "    " : "        ";
                append_item_xml(m_pending, m_item.id, m_item.value, m_item.attributes);
                std::size_t& bytes = root ? m_root_bytes : m_patient_bytes;
                bytes += m_item.id.size() + m_item.value.size();
                if (bytes > k_max_record_bytes) {
                    problem(std::string("the items of ") + (root ? "<NaaccrData>" : "a <Patient>") + " over 1 MiB");
                    return;
                }
                (root ? m_root_items : m_patient_items).push_back(std::move(m_item));
                flush_if_large();
                return;
            }
            case Level::tumor:
                add_tumor_entry(m_tumor, k_tumor_item, m_item.id, m_item.value, m_item.attributes);
                if (m_tumor.size() > k_max_record_bytes) {
                    problem("a Tumor over 1 MiB (with its Patient's and the root's items)");
                }
                return;
            case Level::none:
            case Level::item:
            case Level::extension:
            case Level::done: return;
        }
    }

    void end_extension() {
        m_level = m_extension_level;
        if (m_level == Level::tumor) {
            add_tumor_entry(m_tumor, k_tumor_extension, m_extension);
            if (m_tumor.size() > k_max_record_bytes) {
                problem("a Tumor over 1 MiB (with its Patient's and the root's items)");
            }
        } else {
            m_pending += m_level == Level::root ? "    " : "        ";
            m_pending += m_extension;
            m_pending += '\n';
            flush_if_large();
        }
        m_extension.clear();
    }

    void text(std::string_view text) {
        if (halted()) {
            return;
        }
        if (m_extension_depth > 0) {
            append_xml_escaped(extension_text(), text);
            return;
        }
        if (m_level == Level::item) {
            m_item.value += text;
            if (m_item.value.size() > k_max_record_bytes) {
                problem("an Item value over 1 MiB");
            }
            return;
        }
        if (text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
            problem("text outside an Item: \"" + std::string(text.substr(0, 40)) +
                    "\" (values go in <Item naaccrId=\"...\">value</Item>)");
        }
    }

    /// True once reading has stopped (a problem, or the consumer): expat may still report the
    /// rest of the event it was in, which is then ignored.
    [[nodiscard]] bool halted() const { return !m_problem.empty() || m_stopped; }

    // ---- output pieces ----------------------------------------------------------------------

    std::string& extension_text() {
        if (m_extension.size() > k_max_record_bytes) {
            problem("an extension element over 1 MiB");
        }
        return m_extension;
    }

    static void append_attribute(std::string& out, std::string_view key, std::string_view value) {
        out += ' ';
        out += key;
        out += "=\"";
        append_xml_escaped(out, value, true);
        out += '"';
    }

    static void open_tag(std::string& out, std::string_view name, const XML_Char** attributes) {
        out += '<';
        out += name;
        for (const XML_Char** a = attributes; *a != nullptr; a += 2) {
            append_attribute(out, a[0], a[1]);
        }
        out += '>';
    }

    void flush_if_large() {
        if (m_pending.size() > k_max_record_bytes) {
            hand_on_text();
        }
    }

    bool hand_on(const XmlPiece& piece) {
        if (!m_on_piece(piece)) {
            m_stopped = true;
            XML_StopParser(m_parser, XML_FALSE);
            return false;
        }
        return true;
    }

    bool hand_on_text() {
        if (m_pending.empty()) {
            return true;
        }
        const bool go_on = hand_on(XmlPiece{XmlPiece::Kind::text, m_pending, 0});
        m_pending.clear();
        return go_on;
    }

    void problem(std::string message) {
        if (!m_problem.empty() || m_stopped) {
            return;
        }
        m_problem = std::move(message);
        m_problem_line = static_cast<long long>(XML_GetCurrentLineNumber(m_parser));
        XML_StopParser(m_parser, XML_FALSE);
    }

    std::string expat_problem() const {
        const XML_Error code = XML_GetErrorCode(m_parser);
        std::string message = code == XML_ERROR_UNKNOWN_ENCODING ? "cannot read the XML: " : "not well-formed XML: ";
        message += XML_ErrorString(code);
        message += " (column " + std::to_string(XML_GetCurrentColumnNumber(m_parser) + 1) + ")";
        if (code == XML_ERROR_UNKNOWN_ENCODING) {
            const std::string name =
                m_unknown_encoding.empty() ? std::string("ITS-ENCODING") : doors::printable(m_unknown_encoding);
            message += ": the declaration names " + name +
                       ", which lmsstage does not read (it reads UTF-8, UTF-16, Windows-1252 and ISO-8859-1); "
                       "convert the file to UTF-8 (iconv -f " +
                       name + " -t UTF-8) and change its declaration to encoding=\"UTF-8\"";
        }
        return message;
    }

    /// The problem, after what was read before it; then the end tags of the open elements.
    StreamEnd finish_with_problem() {
        if (m_problem_line == 0) {
            m_problem_line = static_cast<long long>(XML_GetCurrentLineNumber(m_parser));
        }
        const std::string message = m_problem + "; the rest of this input was not read";
        if (!hand_on_text() ||
            !m_on_piece(XmlPiece{XmlPiece::Kind::problem, message, m_problem_line, m_level == Level::none})) {
            return StreamEnd{StreamEnd::Kind::consumer_stopped};
        }
        Level open = m_level;
        if (open == Level::item) {
            open = m_item_parent;
        } else if (open == Level::extension) {
            open = m_extension_level;
        }
        if (open == Level::tumor || open == Level::patient) {
            m_pending += "    </Patient>\n";
        }
        if (open == Level::tumor || open == Level::patient || open == Level::root) {
            m_pending += "</NaaccrData>\n";
        }
        return hand_on_text() ? StreamEnd{} : StreamEnd{StreamEnd::Kind::consumer_stopped};
    }

    const std::function<bool(const XmlPiece&)>& m_on_piece;
    XML_Parser m_parser = nullptr;
    Level m_level = Level::none;
    Level m_item_parent = Level::none;
    Level m_extension_level = Level::none;
    int m_extension_depth = 0;
    std::string m_extension;
    std::string m_pending;  ///< XML not yet handed on
    std::vector<Item> m_root_items;
    std::vector<Item> m_patient_items;
    std::size_t m_root_bytes = 0;
    std::size_t m_patient_bytes = 0;
    bool m_seen_tumor = false;
    bool m_seen_patient = false;
    Item m_item;
    std::string m_tumor;
    long long m_tumor_line = 0;
    std::string m_problem;
    std::string m_unknown_encoding;  ///< the encoding the declaration names, when expat cannot read it
    long long m_problem_line = 0;
    bool m_stopped = false;
};

}  // namespace

bool looks_like_xml(std::string_view head) noexcept {
    if (head.starts_with("\xEF\xBB\xBF")) {
        head.remove_prefix(3);
    }
    const std::size_t first = head.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && head[first] == '<';
}

StreamEnd read_naaccr_xml(const ReadFn& read, const std::function<bool(const XmlPiece&)>& on_piece, bool decoded) {
    XmlReader reader(on_piece);
    return reader.read(read, decoded);
}

void read_xml_tumor(std::string_view encoded, Record& out, std::span<const std::string> keep) {
    out.clear();
    out.kept.assign(keep.size(), std::string());
    std::string_view patient_id;
    std::string_view tumor_number;
    // Root items first, then the Patient's, then the Tumor's: a later set wins.
    for (const char kind : {k_root_item, k_patient_item, k_tumor_item}) {
        for_each_tumor_entry(encoded, [&](const TumorEntry& entry) {
            if (entry.kind != kind) {
                return;
            }
            out.naaccr.set(entry.a, entry.b);
            for (std::size_t i = 0; i < keep.size(); ++i) {
                if (lowercase(entry.a) == lowercase(keep[i])) {
                    out.kept[i].assign(entry.b);  // a later level's item wins, as for the items read
                }
            }
            if (entry.a == "patientIdNumber") {
                patient_id = entry.b;
            } else if (entry.a == "tumorRecordNumber" && kind == k_tumor_item) {
                tumor_number = entry.b;
            }
        });
    }
    if (!patient_id.empty() || !tumor_number.empty()) {
        out.id_text = patient_id;
        if (!tumor_number.empty()) {
            out.id_text += '/';
            out.id_text += tumor_number;
        }
        out.id_json.clear();
        append_json_string(out.id_json, out.id_text);
    }
}

}  // namespace lmsstage::cli
