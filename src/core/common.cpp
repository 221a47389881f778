// Helpers shared by every staging system: table lookup, number and set formatting, survival data.
#include <algorithm>
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
    if (gist_risk.assessed || gist_risk.metastatic) {
        gist_risk = {};  // 360 bytes: left as they are when nothing was set (not a GIST)
    }
    basis.reset();
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

namespace {

/// The first table that covers each site and histology (what survival_table_for returns), found
/// once for every pair: staging asks for it every case.
using TableIndex = std::array<std::array<const SurvivalTable*, k_all_histologies.size()>, k_all_sites.size()>;

TableIndex index_tables() noexcept {
    TableIndex index{};
    for (const Site site : k_all_sites) {
        for (const Histology histology : k_all_histologies) {
            for (const SurvivalTable& table : detail::survival_table_data()) {
                if (table.covers(site, histology)) {
                    index[static_cast<std::size_t>(site)][static_cast<std::size_t>(histology)] = &table;
                    break;
                }
            }
        }
    }
    return index;
}

}  // namespace

const SurvivalTable* survival_table_for(Site site, Histology histology) noexcept {
    static const TableIndex k_index = index_tables();
    const auto s = static_cast<std::size_t>(site);
    const auto h = static_cast<std::size_t>(histology);
    return s < k_index.size() && h < k_index[s].size() ? k_index[s][h] : nullptr;
}

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

const Band& band_of(std::span<const Band> bands, const Length& length) noexcept {
    for (const Band& band : bands) {
        if (!length.exceeds_cm(band.up_to)) {
            return band;
        }
    }
    return bands.back();  // unreachable: the last band has no upper bound
}

const Band& band_of(std::span<const Band> bands, double value) noexcept {
    for (const Band& band : bands) {
        if (value <= band.up_to) {
            return band;
        }
    }
    return bands.back();  // unreachable: the last band has no upper bound
}

Few<T> size_t_candidates(std::span<const Band> bands, const std::optional<Measured<Length>>& size, Result& result,
                         std::string_view extra) {
    if (size && size->known()) {
        const Band& band = band_of(bands, *size->value);
        if (result.trace.recording()) {
            trace(result, "T", {"size ", describe_length(*size->value), " ", band.text, extra, " -> ", name(band.t)});
        }
        return {band.t};
    }
    Few<T> all;
    for (const Band& band : bands) {
        all.insert(band.t);
    }
    trace(result, "T",
          {size ? "size unknown" : "size not given", " -> TX (", name(all.front()), all.size() == 2 ? " or " : " to ",
           name(all.back()), ")"});
    return all;
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

Few<N> derive_n_unknown_is_n0(const Case& input, NoteId note, std::string_view why, Result& result, N shown) {
    if (input.nodes == Finding::unknown) {
        result.categories.n = name(shown);
        add_note(result, note);
        trace(result, "N", {"nodes unknown -> ", shown == N::n0 ? "N0 (" : "NX, staged as N0 (", why, ")"});
        return {N::n0};
    }
    return derive_n(input, NodeWording{"regional node", "regional node"}, result);
}

Few<M> derive_m(const Case& input, Result& result) {
    if (!input.metastasis) {
        result.categories.m = name(M::m0);
        result.assumptions.emplace_back("no distant metastasis reported: M0");
        trace(result, "M", {"metastasis not reported -> M0 (assumed)"});
        return {M::m0};
    }
    if (*input.metastasis == Finding::unknown) {
        result.categories.m = "MX";
        add_note(result, NoteId::metastasis_unknown_mx);
        trace(result, "M", {"metastasis unknown -> MX (M0 or M1)"});
        return {M::m0, M::m1};
    }
    const M m = *input.metastasis == Finding::present ? M::m1 : M::m0;
    result.categories.m = name(m);
    trace(result, "M", {m == M::m1 ? "distant metastasis" : "no distant metastasis", " -> ", name(m)});
    return {m};
}

Few<G> derive_g(const Case& input, Result& result) {
    if (!input.grade) {
        trace(result, "G", {"grade not given -> any grade (G1 to G3)"});
        return {G::g1, G::g2, G::g3};
    }
    if (*input.grade == Grade::high) {
        result.categories.g = "G2-G3";
        trace(result, "G", {"grade stated as high grade only -> G2 or G3"});
        return {G::g2, G::g3};
    }
    if (*input.grade == Grade::unknown) {
        result.categories.g = "G1-G3";
        trace(result, "G", {"grade unknown (not an FNCLCC grade) -> G1, G2 or G3"});
        return {G::g1, G::g2, G::g3};
    }
    const G g = to_g(*input.grade);
    result.categories.g = name(g);
    trace(result, "G", {"grade ", name(*input.grade), " -> ", name(g), g == G::gx ? " (grouped with G1)" : ""});
    return {g};
}

namespace {

void append_combination(std::string& line, const Candidates& c, T t, N n, M m, G g, Rate rate) {
    for (std::string_view part : {name(t), std::string_view(" "), name(n), std::string_view(" "), name(m)}) {
        line += part;
    }
    if (c.show_g) {
        line += ' ';
        line += name(g);
    }
    if (c.show_rate) {
        line += ", mitotic rate ";
        line += name(rate);
    }
}

}  // namespace

void stage_combinations(const RuleSet& rules, const Candidates& c, const Case& input,
                        std::initializer_list<Field> unknown_fields, Result& result) {
    // The trace line is written in place (its storage is reused across cases); no other trace step
    // is added until it is complete, so the reference stays valid.
    std::string& combos = begin_trace(result, "stage");
    const bool tracing = result.trace.recording();
    const std::string_view prefix = rules.system.grouping == Grouping::figo ? "FIGO " : "";
    for (T t : c.t) {
        for (N n : c.n) {
            for (M m : c.m) {
                for (G g : c.g) {
                    for (Rate rate : c.rate) {
                        const std::optional<Stage> s = look_up_group(rules, t, n, m, g, rate);
                        if (!s) {
                            continue;  // unreachable: every table is total (tested)
                        }
                        result.possible_stages.insert(*s);
                        if (!tracing) {
                            continue;
                        }
                        if (!combos.empty()) {
                            combos += "; ";
                        }
                        append_combination(combos, c, t, n, m, g, rate);
                        combos += " -> ";
                        combos += prefix;
                        combos += name(*s);
                    }
                }
            }
        }
    }
    result.stage = result.possible_stages.single();
    if (!result.stage && (tracing || result.notes.recording())) {
        const std::string stages = join_stages(result.possible_stages);
        combos += "; undetermined: one of ";
        combos += stages;
        add(result.notes, {"stage undetermined (", unknowns_text(input, unknown_fields), "): one of ", stages});
    }
}

std::string_view category_text(const Few<T>& ts) noexcept {
    std::string_view common = name(ts.front());
    for (T t : ts) {
        common = common_category(common, name(t));
    }
    return common.empty() ? name(T::tx) : common;
}

bool is_unknown(const Case& c, Field field) noexcept {
    switch (field) {
        case Field::size: return c.size && !c.size->known();
        case Field::grade: return c.grade == Grade::high || c.grade == Grade::unknown;
        case Field::nodes: return c.nodes == Finding::unknown;
        case Field::metastasis: return c.metastasis == Finding::unknown;
        case Field::extension: return c.extension == Extension::unknown;
        case Field::adnexa: return c.adnexa == Finding::unknown;
        case Field::pelvic: return c.pelvic == Finding::unknown;
        case Field::bladder_rectum: return c.bladder_rectum == Finding::unknown;
        case Field::abdominal_sites: return c.abdominal_sites && !c.abdominal_sites->known();
        case Field::myometrial_invasion: return c.myometrial_invasion && !c.myometrial_invasion->known();
        case Field::mitotic_rate: return c.mitotic_rate && !c.mitotic_rate->known();
        case Field::adjoining_invasion: return c.adjoining_invasion == AdjoiningInvasion::unknown;
        case Field::visceral_extent: return c.visceral_extent == VisceralExtent::unknown;
        case Field::cervix: return c.cervix == Finding::unknown;
        case Field::peritoneal_cytology: return c.peritoneal_cytology == Finding::unknown;
        default: return false;
    }
}

std::string unknowns_text(const Case& input, std::initializer_list<Field> fields) {
    std::string text;
    for (Field field : fields) {
        const bool unknown = is_unknown(input, field);
        if (!unknown && input.has(field)) {
            continue;
        }
        const bool optional_default = field == Field::nodes || field == Field::metastasis ||
                                      field == Field::extension || field == Field::adnexa || field == Field::pelvic ||
                                      field == Field::bladder_rectum || field == Field::abdominal_sites ||
                                      field == Field::adjoining_invasion || field == Field::cervix ||
                                      field == Field::peritoneal_cytology || field == Field::visceral_extent;
        if (!unknown && optional_default) {
            // Left out: its default was applied and stated, nothing is open. (A visceral extent
            // left out where it would matter is asked for instead: see stage.cpp.)
            continue;
        }
        text += text.empty() ? "" : " and ";
        if (field == Field::bladder_rectum) {
            text += "bladder or rectum";
        } else if (field == Field::grade && input.grade == Grade::high) {
            text += "grade high: G2 or G3";
            continue;
        } else {
            const std::size_t start = text.size();
            text += field_name(field);
            std::replace(text.begin() + static_cast<std::ptrdiff_t>(start), text.end(), '_', ' ');
        }
        text += unknown ? " unknown" : " not given";
    }
    return text;
}

// ---------------------------------------------------------------------------------------------
// Summary stage

namespace {

constexpr std::string_view k_confined_assumed = "confined to the site of origin (assumed)";

constexpr int rank(SummaryStage s) noexcept { return static_cast<int>(s); }

SummaryStage summary_of(const Extent& extent, bool n1, M m) noexcept {
    if (m == M::m1 || extent.level == SummaryStage::distant) {
        return SummaryStage::distant;
    }
    if (n1 || extent.level == SummaryStage::regional) {
        return SummaryStage::regional;
    }
    return SummaryStage::localized;
}

/// Why one extent, nodes and M combination gives its summary stage.
std::string_view reason(const Extent& extent, bool n1, M m) noexcept {
    if (m == M::m1) {
        return "distant metastasis";
    }
    if (extent.level == SummaryStage::distant) {
        return extent.because;
    }
    if (n1) {
        return "regional node metastasis";
    }
    return extent.because;
}

}  // namespace

Few<Extent> extension_extents(const Case& input, bool adjacent_organ_distant) {
    const Extent confined{SummaryStage::localized, "confined to the site of origin"};
    const Extent adjacent{SummaryStage::regional, "extension to adjacent tissue, bone or major vessel"};
    const Extent organ = adjacent_organ_distant
                             ? Extent{SummaryStage::distant, "extension to an adjacent organ (distant for GIST)"}
                             : Extent{SummaryStage::regional, "extension to an adjacent organ"};
    const Extent further{SummaryStage::distant, "further contiguous extension"};
    if (!input.extension) {
        return {Extent{SummaryStage::localized, k_confined_assumed}};
    }
    switch (*input.extension) {
        case Extension::confined: return {confined};
        case Extension::adjacent: return {adjacent};
        case Extension::adjacent_organ: return {organ};
        case Extension::further: return {further};
        case Extension::unknown: break;
    }
    return {confined, adjacent, organ, further};
}

Few<Extent> combine_extents(const Few<Extent>& from_t, const Few<Extent>& from_extension) {
    Few<Extent> out;
    for (const Extent& a : from_t) {
        for (const Extent& b : from_extension) {
            out.insert(rank(a.level) > rank(b.level) ? a : b);
        }
    }
    return out;
}

void summarize(const Case& input, const Few<Extent>& extents, const Few<M>& ms, std::string_view scheme,
               Result& result) {
    const bool n1 = input.nodes == Finding::present;
    Few<SummaryStage, 3> levels;
    for (M m : ms) {
        for (const Extent& e : extents) {
            levels.insert(summary_of(e, n1, m));
        }
    }
    if (ms.contains(M::m0) && extents.contains(Extent{SummaryStage::localized, k_confined_assumed})) {
        result.assumptions.emplace_back("no extension beyond the site of origin reported: confined");
    }
    std::string& because = begin_trace(result, "summary_stage");
    if (!levels.single()) {
        result.summary_stage.reset();
        std::string open;
        for (SummaryStage s : k_all_summary_stages) {
            if (levels.contains(s)) {
                open += open.empty() ? "" : " or ";
                open += name(s);
            }
        }
        const std::string unknowns =
            unknowns_text(input, {Field::metastasis, Field::extension, Field::adnexa, Field::pelvic,
                                  Field::abdominal_sites, Field::bladder_rectum, Field::adjoining_invasion,
                                  Field::visceral_extent, Field::cervix, Field::peritoneal_cytology});
        for (std::string_view part : {std::string_view(unknowns), std::string_view(": "), std::string_view(open),
                                      std::string_view(" -> undetermined")}) {
            because += part;
        }
        add(result.notes, {"summary stage undetermined (", unknowns, "): ", open});
        return;
    }
    result.summary_stage = levels.front();
    if (!result.trace.recording()) {
        return;
    }
    because += reason(extents.front(), n1, ms.front());
    if (levels.front() == SummaryStage::localized && input.nodes == Finding::unknown) {
        because += ", nodes unknown counted as negative (SEER convention)";
    }
    for (std::string_view part :
         {std::string_view(" -> "), name(levels.front()), std::string_view(" ("), scheme, std::string_view(")")}) {
        because += part;
    }
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
