#include "doors/junit.hpp"

#include "doors/safe_text.hpp"

namespace lmsstage::doors {

std::string junit_xml(std::string_view text) {
    std::string out;
    const std::string shown = printable(text);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const char c = shown[i];
        if (c == '\xEF' && i + 2 < shown.size() && shown[i + 1] == '\xBF' &&
            (shown[i + 2] == '\xBE' || shown[i + 2] == '\xBF')) {
            out += shown[i + 2] == '\xBE' ? "\\uFFFE" : "\\uFFFF";
            i += 2;
            continue;
        }
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string junit_testcase(std::string_view file, long long line, std::string_view name,
                           std::span<const std::string> misses, bool unusable) {
    const std::string where = junit_xml(file);
    std::string entry = "    <testcase classname=\"" + where + "\" name=\"" + junit_xml(name) + "\" file=\"" + where +
                        "\" line=\"" + std::to_string(line) + "\"";
    if (misses.empty()) {
        return entry + "/>\n";
    }
    const char* kind = unusable ? "error" : "failure";
    std::string detail;
    for (const std::string& m : misses) {
        detail += junit_xml(m) + "\n";
    }
    return entry + ">\n      <" + std::string(kind) + " message=\"" + junit_xml(misses.front()) + "\" type=\"" +
           (unusable ? "unusable record" : "unmet expectation") + "\">" + detail + "</" + kind + ">\n    </testcase>\n";
}

std::string junit_head(long long passed, long long failures, long long errors) {
    const std::string counts = "tests=\"" + std::to_string(passed + failures + errors) + "\" failures=\"" +
                               std::to_string(failures) + "\" errors=\"" + std::to_string(errors) + "\"";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"lmsstage check\" " + counts +
           ">\n  <testsuite name=\"lmsstage check\" " + counts + " skipped=\"0\">\n";
}

}  // namespace lmsstage::doors
