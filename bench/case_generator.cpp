#include "case_generator.hpp"

#include <array>
#include <string_view>

namespace lmsstage::bench {
namespace {

constexpr std::array<std::string_view, 5> k_sts_sites = {"soft-tissue", "extremity", "trunk", "retroperitoneum",
                                                         "head-neck"};
constexpr std::array<std::string_view, 6> k_bad = {
    R"({"id":%,"size":-3,"grade":1})",
    R"({"id":%,"size":6,"grade":3,"metastatis":true})",
    R"({"id":%,"size":6,"grade":3,"size":7})",
    R"({"id":%,"size":6,"grade":)",
    R"({"id":%,"size":6,"grade":3,"nodes":"maybe"})",
    R"({"id":%,"site":"uterus","size":true})",
};

void append_size(std::string& out, std::uint64_t tenths) {
    out += std::to_string(tenths / 10);
    if (tenths % 10 != 0) {
        out += '.';
        out += static_cast<char>('0' + tenths % 10);
    }
}

}  // namespace

std::uint64_t CaseGenerator::next() {
    // xorshift64*: fast, deterministic, good enough for a case mix.
    m_state ^= m_state >> 12U;
    m_state ^= m_state << 25U;
    m_state ^= m_state >> 27U;
    return m_state * 0x2545F4914F6CDD1DULL;
}

void CaseGenerator::append(std::uint64_t n, std::string& out) {
    if (m_bad_every != 0 && n % m_bad_every == m_bad_every - 1) {
        const std::string_view bad = k_bad[below(k_bad.size())];
        const std::size_t hole = bad.find('%');
        out.append(bad.substr(0, hole));
        out += std::to_string(n);
        out.append(bad.substr(hole + 1));
        out += '\n';
        return;
    }
    out += "{\"id\":";
    out += std::to_string(n);
    const std::uint64_t kind = below(100);
    if (kind < 58) {  // soft tissue
        const std::string_view site = k_sts_sites[below(k_sts_sites.size())];
        if (site != "soft-tissue" || chance(50)) {
            out += ",\"site\":\"";
            out += site;
            out += '"';
        }
        out += ",\"size\":";
        if (chance(3)) {
            out += "\"unknown\"";
        } else if (chance(10)) {
            out += '"';
            out += std::to_string(5 + below(250));
            out += " mm\"";
        } else {
            append_size(out, 1 + below(250));
        }
        out += ",\"grade\":";
        const std::uint64_t g = below(10);
        out += g < 3 ? "1" : g < 6 ? "2" : g < 9 ? "3" : "\"X\"";
        if (site != "retroperitoneum" && chance(50)) {
            out += chance(40) ? ",\"depth\":\"superficial\"" : ",\"depth\":\"deep\"";
        }
        if (chance(40)) {
            const std::uint64_t nodes = below(10);
            out += nodes < 7 ? ",\"nodes\":false" : nodes < 9 ? ",\"nodes\":true" : ",\"nodes\":\"unknown\"";
        }
        if (chance(40)) {
            out += chance(85) ? ",\"metastasis\":false" : ",\"metastasis\":true";
        }
        if (chance(20)) {
            constexpr std::array<std::string_view, 4> k_ext = {"confined", "adjacent", "adjacent-organ", "further"};
            out += ",\"extension\":\"";
            out += k_ext[below(k_ext.size())];
            out += '"';
        }
    } else {  // uterus
        out += ",\"site\":\"uterus\"";
        const std::uint64_t h = below(10);
        const bool adeno = h == 9;
        if (h >= 7) {
            out += adeno ? ",\"histology\":\"adenosarcoma\"" : ",\"histology\":\"ess\"";
        }
        if (adeno) {
            out += ",\"myometrial_invasion\":";
            out += std::to_string(below(101));
        } else {
            out += ",\"size\":";
            if (chance(3)) {
                out += "\"unknown\"";
            } else {
                append_size(out, 5 + below(200));
            }
        }
        if (chance(15)) {
            out += ",\"adnexa\":true";
        }
        if (chance(10)) {
            out += ",\"pelvic\":true";
        }
        if (chance(10)) {
            out += ",\"abdominal_sites\":";
            out += std::to_string(below(4));
        }
        if (chance(5)) {
            out += ",\"bladder_rectum\":true";
        }
        if (chance(40)) {
            const std::uint64_t nodes = below(10);
            out += nodes < 7 ? ",\"nodes\":false" : nodes < 9 ? ",\"nodes\":true" : ",\"nodes\":\"unknown\"";
        }
        if (chance(30)) {
            out += chance(85) ? ",\"metastasis\":false" : ",\"metastasis\":true";
        }
    }
    out += "}\n";
}

namespace {

constexpr std::array<std::string_view, 14> k_csv_columns = {
    "id",         "site",      "histology", "size",   "grade",           "depth",          "nodes",
    "metastasis", "extension", "adnexa",    "pelvic", "abdominal_sites", "bladder_rectum", "myometrial_invasion"};

}  // namespace

std::string_view CaseGenerator::csv_header() {
    return "id,site,histology,size,grade,depth,nodes,metastasis,extension,adnexa,pelvic,abdominal_sites,"
           "bladder_rectum,myometrial_invasion\r\n";
}

void CaseGenerator::append_csv(std::string_view record, std::string& out) {
    // The records are flat objects of numbers, plain strings and booleans: "key":value pairs.
    std::array<std::string_view, k_csv_columns.size()> cells{};
    std::size_t at = 1;
    while (at < record.size() && record[at] == '"') {
        const std::size_t key_end = record.find('"', at + 1);
        const std::string_view key = record.substr(at + 1, key_end - at - 1);
        std::size_t value_begin = key_end + 2;
        std::size_t value_end = record.find_first_of(",}", value_begin);
        std::string_view value = record.substr(value_begin, value_end - value_begin);
        if (!value.empty() && value.front() == '"') {
            value = value.substr(1, value.size() - 2);
        }
        value = value == "true" ? "yes" : (value == "false" ? "no" : value);
        for (std::size_t i = 0; i < k_csv_columns.size(); ++i) {
            cells[i] = k_csv_columns[i] == key ? value : cells[i];
        }
        at = value_end + 1;
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
        out += i == 0 ? "" : ",";
        out += cells[i];
    }
    out += "\r\n";
}

}  // namespace lmsstage::bench
