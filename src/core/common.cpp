// Helpers shared by every staging system: table lookup, number and set formatting, survival data.
#include <array>
#include <charconv>
#include <cmath>

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

std::optional<Stage> look_up_group(const RuleSet& rules, T t, N n, M m, G g) noexcept {
    std::optional<Stage> found;
    for (const GroupRow& row : rules.groups) {
        if (row.t.contains(t) && row.n.contains(n) && row.m.contains(m) && row.g.contains(g)) {
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
    std::array<char, 32> buffer{};
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    if (ec != std::errc{}) {
        return "?";
    }
    return std::string(buffer.data(), end);
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
