// Helpers shared by every staging system: table lookup, number and set formatting, survival data.
#include <array>
#include <charconv>
#include <cmath>
#include <utility>
#if !defined(__cpp_lib_to_chars)  // no floating-point to_chars: format_number's fallback
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#endif

#include "core/detail.hpp"

namespace lmsstage {

std::vector<Stage> StageSet::members() const {
    std::vector<Stage> out;
    for (Stage s : k_all_stages) {
        if (contains(s)) {
            out.push_back(s);
        }
    }
    return out;
}

void Result::clear() noexcept {
    system = {};
    categories = {};
    stage.reset();
    possible_stages = {};
    summary_stage.reset();
    survival = nullptr;
    assumptions.clear();
    warnings.clear();
    notes.clear();
    trace.clear();
}

std::string CaseError::message() const {
    std::string text{field_name(field)};
    text += ' ';
    text += problem;
    return text;
}

std::optional<Stage> look_up_group(const RuleSet& rules, T t, N n, M m, G g, Rate rate) noexcept {
    std::optional<Stage> found;
    for (const GroupRow& row : rules.groups) {
        if (row.t.contains(t) && row.n.contains(n) && row.m.contains(m) && row.g.contains(g) &&
            row.rate.contains(rate)) {
            if (found) {
                return std::nullopt;  // two rows match: the table is ambiguous; tests forbid this
            }
            found = row.stage;
        }
    }
    return found;
}

std::span<const SurvivalTable> survival_tables() noexcept { return detail::survival_table_data(); }

const SurvivalTable* find_survival_table(std::string_view id) noexcept {
    for (const SurvivalTable& table : detail::survival_table_data()) {
        if (table.id == id) {
            return &table;
        }
    }
    return nullptr;
}

namespace detail {

#if !defined(__cpp_lib_to_chars)
namespace {

/// What std::to_chars(first, last, value) prints, for a standard library without floating-point
/// to_chars (Emscripten 3.1's libc++): the fewest significant digits that read back as `value`,
/// written fixed or scientific, whichever is shorter (fixed on a tie). The web build's tests
/// compare its results byte for byte with the native program's.
std::string shortest_form(double value) {
    if (std::isnan(value)) {
        return std::signbit(value) ? "-nan" : "nan";
    }
    if (std::isinf(value)) {
        return value < 0 ? "-inf" : "inf";
    }
    const std::string sign = std::signbit(value) ? "-" : "";
    if (value == 0.0) {
        return sign + "0";
    }
    // The shortest correctly rounded d.ddde+XX that reads back as the value.
    std::array<char, 40> buffer{};
    for (int precision = 0; precision <= 17; ++precision) {
        std::snprintf(buffer.data(), buffer.size(), "%.*e", precision, std::fabs(value));
        if (std::strtod(buffer.data(), nullptr) == std::fabs(value)) {
            break;
        }
    }
    const std::string scientific(buffer.data());
    const std::size_t e = scientific.find('e');
    std::string digits = scientific.substr(0, e);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    const int exponent = std::atoi(scientific.c_str() + e + 1);
    const auto count = static_cast<int>(digits.size());
    std::string fixed;
    if (exponent < 0) {
        fixed = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    } else if (count <= exponent + 1) {
        // A whole number: of the fixed forms this long, to_chars prints the one nearest the value,
        // its exact digits (12345678901234567890 reads as 12345678901234567168).
        std::array<char, 320> whole{};
        std::snprintf(whole.data(), whole.size(), "%.0f", std::fabs(value));
        fixed = whole.data();
    } else {
        fixed = digits.substr(0, static_cast<std::size_t>(exponent + 1)) + '.' +
                digits.substr(static_cast<std::size_t>(exponent + 1));
    }
    return sign + (fixed.size() <= scientific.size() ? fixed : scientific);
}

}  // namespace
#endif

std::string format_number(double value) {
    // Fast path for the usual clinical values (6, 5.5, 12.25): when value is exactly N/100 for a
    // modest whole N, those at most two decimals are its shortest round-trip form, as to_chars
    // would print it.
    const double hundredths = value * 100.0;
    if (!std::signbit(value) && hundredths < 1e12 && hundredths == std::floor(hundredths) &&
        static_cast<double>(static_cast<long long>(hundredths)) / 100.0 == value) {
        const auto n = static_cast<long long>(hundredths);
        std::string text = std::to_string(n / 100);
        const long long cents = n % 100;
        if (cents != 0) {
            text += '.';
            text += static_cast<char>('0' + cents / 10);
            if (cents % 10 != 0) {
                text += static_cast<char>('0' + cents % 10);
            }
        }
        return text;
    }
#if defined(__cpp_lib_to_chars)
    std::array<char, 32> buffer{};
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    if (ec != std::errc{}) {
        return "?";
    }
    return std::string(buffer.data(), end);
#else
    return shortest_form(value);
#endif
}

std::string describe_length(const Length& length) {
    std::string text = format_number(length.value);
    text += ' ';
    text += name(length.unit);
    if (length.unit != LengthUnit::cm) {
        text += " (";
        text += format_number(length.in_cm());
        text += " cm)";
    }
    return text;
}

std::string join_stages(StageSet stages) {
    std::string text;
    for (Stage s : k_all_stages) {
        if (!stages.contains(s)) {
            continue;
        }
        if (!text.empty()) {
            text += ", ";
        }
        text += name(s);
    }
    return text;
}

Few<N> derive_n(const Case& input, const NodeWording& wording, Result& result) {
    if (!input.nodes) {
        result.categories.n = name(N::n0);
        add(result.assumptions, {"no ", wording.none, " involvement reported: N0"});
        trace(result, "N", {"nodes not reported -> N0 (assumed)"});
        return {N::n0};
    }
    if (*input.nodes == Finding::unknown) {
        result.categories.n = name(N::nx);
        trace(result, "N", {"nodes unknown -> NX (N0 or N1)"});
        return {N::n0, N::n1};
    }
    const bool present = *input.nodes == Finding::present;
    const N n = present ? N::n1 : N::n0;
    result.categories.n = name(n);
    if (present) {
        trace(result, "N", {wording.nodes, " metastasis -> ", name(n)});
    } else {
        trace(result, "N", {"no ", wording.none, " metastasis -> ", name(n)});
    }
    return {n};
}

M derive_m(const Case& input, Result& result) {
    const M m = input.metastasis.value_or(false) ? M::m1 : M::m0;
    result.categories.m = name(m);
    if (!input.metastasis) {
        result.assumptions.emplace_back("no distant metastasis reported: M0");
        trace(result, "M", {"metastasis not reported -> M0 (assumed)"});
    } else {
        trace(result, "M", {m == M::m1 ? "distant metastasis" : "no distant metastasis", " -> ", name(m)});
    }
    return m;
}

void stage_combinations(const RuleSet& rules, const Candidates& c, std::string_view unknowns, Result& result) {
    // The trace line is written in place (its storage is reused across cases); no other trace step
    // is added until it is complete, so the reference stays valid.
    std::string& combos = begin_trace(result, "stage");
    for (T t : c.t) {
        for (N n : c.n) {
            for (Rate rate : c.rate) {
                const std::optional<Stage> s = look_up_group(rules, t, n, c.m, c.g, rate);
                if (!s) {
                    continue;  // unreachable: every table is total (tested)
                }
                result.possible_stages.insert(*s);
                if (!combos.empty()) {
                    combos += "; ";
                }
                combos += name(t);
                combos += ' ';
                combos += name(n);
                combos += ' ';
                combos += name(c.m);
                if (c.show_g) {
                    combos += ' ';
                    combos += name(c.g);
                }
                if (c.show_rate) {
                    combos += ", mitotic rate ";
                    combos += name(rate);
                }
                combos += " -> ";
                combos += name(*s);
            }
        }
    }
    result.stage = result.possible_stages.single();
    if (!result.stage) {
        combos += "; undetermined: one of ";
        combos += join_stages(result.possible_stages);
        add(result.notes, {"stage undetermined (", unknowns, "): one of ", join_stages(result.possible_stages)});
    }
}

std::string unknowns_text(bool size_unknown, bool nodes_unknown, bool rate_unknown) {
    std::string text;
    for (auto [open, what] : {std::pair{size_unknown, "size unknown"}, std::pair{nodes_unknown, "nodes unknown"},
                              std::pair{rate_unknown, "mitotic rate unknown"}}) {
        if (open) {
            text += text.empty() ? "" : " and ";
            text += what;
        }
    }
    return text;
}

void summarize_soft_tissue(const Case& input, M m, const Few<N>& ns, bool adjacent_organ_distant, Result& result) {
    const Extension extension = input.extension.value_or(Extension::confined);
    SummaryStage summary = SummaryStage::localized;
    std::string_view because;
    std::string_view assumed;
    std::string_view nodes_note;
    if (m == M::m1) {
        summary = SummaryStage::distant;
        because = "distant metastasis";
    } else {
        if (!input.extension) {
            result.assumptions.emplace_back("no extension beyond the site of origin reported: confined");
        }
        if (extension == Extension::further) {
            summary = SummaryStage::distant;
            because = "further contiguous extension";
        } else if (extension == Extension::adjacent_organ && adjacent_organ_distant) {
            summary = SummaryStage::distant;
            because = "extension to an adjacent organ (distant for GIST, SEER 2018)";
        } else if (ns.size() == 1 && ns.front() == N::n1) {
            summary = SummaryStage::regional;
            because = "regional node metastasis";
        } else if (extension == Extension::adjacent || extension == Extension::adjacent_organ) {
            summary = SummaryStage::regional;
            because = extension == Extension::adjacent ? "extension to adjacent tissue, bone or major vessel"
                                                       : "extension to an adjacent organ";
        } else {
            because = "confined to the site of origin";
            if (!input.extension) {
                assumed = " (assumed)";
            }
            if (ns.size() > 1) {
                nodes_note = ", nodes unknown counted as negative (SEER convention)";
            }
        }
    }
    result.summary_stage = summary;
    trace(result, "summary_stage", {because, assumed, nodes_note, " -> ", name(summary)});
}

std::string_view common_category(std::string_view a, std::string_view b) noexcept {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) {
        ++n;
    }
    // Keep only a whole category ("T1"), never a bare letter ("T").
    if (n < 2) {
        return {};
    }
    return a.substr(0, n);
}

}  // namespace detail
}  // namespace lmsstage
