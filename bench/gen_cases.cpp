// lmsstage-gen-cases [--csv] N [SEED] [BAD_EVERY]: writes N deterministic case records to stdout, as
// NDJSON, or with --csv as a CSV table (a header row, then one row per case; no bad records).
// lmsstage-gen-cases --naaccr-xml N [SEED]: N tumours as one NAACCR XML document (patients of one to
// three tumours, registry items as a NAACCR export carries them, one tumour in ten not a sarcoma).
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>

#include "case_generator.hpp"

namespace {

/// N tumours as NAACCR XML (batch --naaccr, --to naaccr-xml): deterministic for a seed.
int naaccr_xml(unsigned long long count, unsigned long long seed) {
    unsigned long long state = seed;
    const auto next = [&state](unsigned long long range) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state >> 33) % range;
    };
    constexpr const char* k_sites[] = {"C492", "C493", "C494", "C481", "C541", "C559", "C490", "C160", "C220"};
    constexpr const char* k_histologies[] = {"8890", "8890", "8891", "8930", "8936", "8933", "8850", "8500"};
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NaaccrData "
        "baseDictionaryUri=\"http://naaccr.org/naaccrxml/naaccr-dictionary-250.xml\" recordType=\"A\" "
        "specificationVersion=\"1.7\" xmlns=\"http://naaccr.org/naaccrxml\">\n    <Item "
        "naaccrId=\"registryId\">0000001234</Item>\n";
    const auto item = [&out](int indent, const char* id, const std::string& value) {
        out.append(static_cast<std::size_t>(indent), ' ');
        out += "<Item naaccrId=\"";
        out += id;
        out += "\">";
        out += value;
        out += "</Item>\n";
    };
    const auto padded = [](unsigned long long value, std::size_t width) {
        std::string text = std::to_string(value);
        return std::string(width > text.size() ? width - text.size() : 0, '0') + text;
    };
    unsigned long long written = 0;
    for (unsigned long long patient = 1; written < count; ++patient) {
        out += "    <Patient>\n";
        item(8, "patientIdNumber", padded(patient, 8));
        item(8, "sex", next(2) == 0 ? "1" : "2");
        item(8, "dateOfBirth", std::to_string(19300101 + next(60) * 10000));
        const unsigned long long tumours = 1 + next(3);
        for (unsigned long long t = 1; t <= tumours && written < count; ++t, ++written) {
            out += "        <Tumor>\n";
            item(12, "tumorRecordNumber", padded(t, 2));
            item(12, "dateOfDiagnosis", std::to_string(20100101 + next(14) * 10000));
            item(12, "primarySite", k_sites[next(std::size(k_sites))]);
            item(12, "histologicTypeIcdO3", k_histologies[next(std::size(k_histologies))]);
            item(12, "behaviorCodeIcdO3", "3");
            item(12, "tumorSizeSummary", padded(5 + next(200), 3));
            item(12, "gradePathological", std::to_string(1 + next(3)));
            item(12, "regionalNodesPositive", next(10) == 0 ? "01" : "00");
            item(12, "textRemarks", "synthetic tumour &amp; remarks");
            out += "        </Tumor>\n";
        }
        out += "    </Patient>\n";
        if (out.size() > (1U << 20U)) {
            if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size()) {
                return 74;
            }
            out.clear();
        }
    }
    out += "</NaaccrData>\n";
    if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
        return 74;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 3 && std::string_view(argv[1]) == "--naaccr-xml") {
        return naaccr_xml(std::strtoull(argv[2], nullptr, 10),
                          argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 20261126ULL);
    }
    const bool csv = argc > 1 && std::string_view(argv[1]) == "--csv";
    const int first = csv ? 2 : 1;
    if (argc - first < 1 || argc - first > 3) {
        std::fputs("usage: lmsstage-gen-cases [--csv] N [SEED] [BAD_EVERY]\n", stderr);
        return 64;
    }
    const unsigned long long count = std::strtoull(argv[first], nullptr, 10);
    const unsigned long long seed = argc > first + 1 ? std::strtoull(argv[first + 1], nullptr, 10) : 20261126ULL;
    const unsigned long long bad_every = argc > first + 2 && !csv ? std::strtoull(argv[first + 2], nullptr, 10) : 0ULL;
    lmsstage::bench::CaseGenerator generator(seed, bad_every);
    std::string buffer(csv ? lmsstage::bench::CaseGenerator::csv_header() : "");
    std::string record;
    for (unsigned long long n = 0; n < count; ++n) {
        record.clear();
        generator.append(n, record);
        if (csv) {
            lmsstage::bench::CaseGenerator::append_csv(record, buffer);
        } else {
            buffer += record;
        }
        if (buffer.size() > (1U << 20U)) {
            if (std::fwrite(buffer.data(), 1, buffer.size(), stdout) != buffer.size()) {
                return 74;
            }
            buffer.clear();
        }
    }
    if (std::fwrite(buffer.data(), 1, buffer.size(), stdout) != buffer.size() || std::fflush(stdout) != 0) {
        return 74;
    }
    return 0;
}
