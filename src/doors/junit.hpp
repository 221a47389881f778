#pragma once
// JUnit XML (check --junit), the report CI test reporters read: one testcase per case, a failure or
// error element with what was unmet, and the counts on the testsuites and testsuite elements.

#include <span>
#include <string>
#include <string_view>

namespace lmsstage::doors {

/// `text` for an XML attribute value or text: control characters shown escaped (printable), and
/// U+FFFE/U+FFFF written as \uFFFE/\uFFFF (XML 1.0 can hold none of them).
std::string junit_xml(std::string_view text);

/// A testcase element and its line break. `file` names the input, `line` the case's line in it;
/// `misses` empty: passed; else a failure (an unmet expectation) or, `unusable`, an error (a record
/// that cannot be checked), with the first miss as its message and all of them as its text.
std::string junit_testcase(std::string_view file, long long line, std::string_view name,
                           std::span<const std::string> misses, bool unusable);

/// What comes before the testcases: the XML declaration and the opening elements with the counts.
std::string junit_head(long long passed, long long failures, long long errors);
/// What comes after them.
inline constexpr std::string_view k_junit_tail = "  </testsuite>\n</testsuites>\n";

}  // namespace lmsstage::doors
