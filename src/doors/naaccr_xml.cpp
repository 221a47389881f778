#include "doors/naaccr_xml.hpp"

#include <vector>

namespace lmsstage::doors {

void add_tumor_entry(std::string& out, char kind, std::string_view a, std::string_view b, std::string_view c) {
    out += kind;
    out += a;
    out += '\0';
    out += b;
    out += '\0';
    out += c;
    out += '\0';
}

void append_item_xml(std::string& out, std::string_view id, std::string_view value, std::string_view attributes) {
    out += "<Item naaccrId=\"";
    append_xml_escaped(out, id, true);
    out += '"';
    out += attributes;
    out += '>';
    append_xml_escaped(out, value);
    out += "</Item>\n";
}

void append_xml_tumor(std::string& out, std::string_view encoded, std::span<const naaccr::OutputItem> derived,
                      std::string_view comment) {
    if (!comment.empty()) {
        out += "        ";
        append_xml_comment(out, comment);
    }
    std::vector<bool> written(derived.size(), false);
    const auto derived_code = [&](std::string_view id) -> const naaccr::OutputItem* {
        for (std::size_t i = 0; i < derived.size(); ++i) {
            if (derived[i].id == id && !derived[i].code.empty()) {
                written[i] = true;
                return &derived[i];
            }
        }
        return nullptr;
    };
    const auto item = [&out](std::string_view id, std::string_view value, std::string_view attributes) {
        out += "            ";
        append_item_xml(out, id, value, attributes);
    };
    for_each_tumor_entry(encoded, [&](const TumorEntry& entry) {
        if (entry.kind == k_tumor_attributes) {
            out += "        <Tumor";
            out += entry.a;
            out += ">\n";
        } else if (entry.kind == k_tumor_item) {
            const naaccr::OutputItem* replaced = derived_code(entry.a);
            item(entry.a, replaced != nullptr ? std::string_view(replaced->code) : entry.b, entry.c);
        }
    });
    for (std::size_t i = 0; i < derived.size(); ++i) {
        if (!written[i] && !derived[i].code.empty()) {
            item(derived[i].id, derived[i].code, {});
        }
    }
    for_each_tumor_entry(encoded, [&](const TumorEntry& entry) {
        if (entry.kind == k_tumor_extension) {
            out += "            ";
            out += entry.a;
            out += '\n';
        }
    });
    out += "        </Tumor>\n";
}

void append_xml_comment(std::string& out, std::string_view text) {
    out += "<!-- lmsstage: ";
    for (std::size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] == '-' && (i + 1 == text.size() || text[i + 1] == '-')) {
            out += ' ';
        }
    }
    out += " -->\n";
}

void append_xml_escaped(std::string& out, std::string_view text, bool attribute) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += attribute ? "&quot;" : "\""; break;
            case '\r':
                out += "&#13;";  // kept: a bare carriage return would be read back as a line feed
                break;
            case '\t': out += attribute ? "&#9;" : "\t"; break;
            case '\n': out += attribute ? "&#10;" : "\n"; break;
            default: out += c;
        }
    }
}

}  // namespace lmsstage::doors
