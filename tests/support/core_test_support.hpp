#pragma once
// Helpers shared by the core tests: the rules of each system (test_ajcc7_sts, test_ajcc8_sts,
// test_figo2009, test_gist) and the topics that cross systems (summary stage and survival, unknowns,
// validation, rule tables, properties). They build cases, stage them and turn results into text for
// readable failure messages; every expected value lives in the test files, written out by hand from
// the public sources.

#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "lmsstage/lmsstage.hpp"

namespace lmsstage_core_test {

// ---- Values as entered ---------------------------------------------------------------------------

inline lmsstage::Measured<lmsstage::Length> size_cm(double value) {
    return lmsstage::Measured<lmsstage::Length>::of(lmsstage::Length{value, lmsstage::LengthUnit::cm});
}
inline lmsstage::Measured<lmsstage::Length> size_mm(double value) {
    return lmsstage::Measured<lmsstage::Length>::of(lmsstage::Length{value, lmsstage::LengthUnit::mm});
}
inline lmsstage::Measured<lmsstage::Length> size_unknown() { return lmsstage::Measured<lmsstage::Length>::unknown(); }

/// A mitotic rate per 50 HPF (5 mm^2), known or explicitly unknown.
inline lmsstage::Measured<lmsstage::MitoticRate> rate_of(double per_50_hpf) {
    return lmsstage::Measured<lmsstage::MitoticRate>::of(per_50_hpf);
}
inline lmsstage::Measured<lmsstage::MitoticRate> rate_unknown() {
    return lmsstage::Measured<lmsstage::MitoticRate>::unknown();
}

/// A yes/no finding from a boolean (true = present).
inline lmsstage::Finding yes_no(bool present) {
    return present ? lmsstage::Finding::present : lmsstage::Finding::absent;
}

/// A yes/no finding left out, given as no, given as yes (and explicitly unknown).
inline constexpr std::array<std::optional<lmsstage::Finding>, 3> k_omitted_no_yes = {
    std::nullopt, lmsstage::Finding::absent, lmsstage::Finding::present};
inline constexpr std::array<std::optional<lmsstage::Finding>, 4> k_omitted_no_yes_unknown = {
    std::nullopt, lmsstage::Finding::absent, lmsstage::Finding::present, lmsstage::Finding::unknown};

/// A size as entered, with a label for failure messages and the index of the size band the manual
/// puts it in (0 = T1, 1 = T2, ...; k_band_unknown when the size is unknown).
struct NamedSize {
    std::string label;
    lmsstage::Measured<lmsstage::Length> size;
    int band;
};
inline constexpr int k_band_unknown = -1;

/// The sizes that test a manual's size bands, given its boundaries in cm ("5 cm or less" is 5): each
/// boundary exactly, 0.01 cm below and above it, and the same in mm (0.1 mm below and above); 0.1 cm
/// and 40 cm; and the size unknown. Every boundary belongs to the lower band, in the unit entered:
/// the band of a size is the number of boundaries it exceeds.
inline std::vector<NamedSize> sizes_around(std::initializer_list<double> boundaries_cm) {
    auto band_of = [&](double value, double per_cm) {
        int band = 0;
        for (double boundary : boundaries_cm) {
            band += value > boundary * per_cm ? 1 : 0;
        }
        return band;
    };
    auto label = [](const char* prefix, double value, const char* unit) {
        std::ostringstream text;
        text << prefix << value << ' ' << unit;
        return text.str();
    };
    std::vector<NamedSize> sizes = {{"0.1 cm", size_cm(0.1), 0}};
    for (double boundary : boundaries_cm) {
        for (double cm : {boundary - 0.01, boundary, boundary + 0.01}) {
            sizes.push_back({label(cm == boundary ? "exactly " : "", cm, "cm"), size_cm(cm), band_of(cm, 1.0)});
        }
        for (double mm : {boundary * 10.0 - 0.1, boundary * 10.0, boundary * 10.0 + 0.1}) {
            sizes.push_back({label(mm == boundary * 10.0 ? "exactly " : "", mm, "mm"), size_mm(mm), band_of(mm, 10.0)});
        }
    }
    sizes.push_back({"40 cm", size_cm(40.0), static_cast<int>(boundaries_cm.size())});
    sizes.push_back({"size unknown", size_unknown(), k_band_unknown});
    return sizes;
}

/// The T category of a size band: T1, T2, T3, T4; TX when the size is unknown.
inline std::string t_of_band(int band) {
    constexpr std::array<const char*, 4> k_names = {"T1", "T2", "T3", "T4"};
    return band == k_band_unknown ? "TX" : k_names.at(static_cast<std::size_t>(band));
}

// ---- One case per system, nothing else given --------------------------------------------------------

/// AJCC 7 soft tissue: size in cm and grade.
inline lmsstage::Case soft_tissue_case(double cm, lmsstage::Grade grade) {
    lmsstage::Case c;
    c.size = size_cm(cm);
    c.grade = grade;
    return c;
}

/// AJCC 8 at a named soft tissue site: edition 8, site, size and grade.
inline lmsstage::Case ajcc8_case(lmsstage::Site site, const lmsstage::Measured<lmsstage::Length>& size,
                                 lmsstage::Grade grade) {
    lmsstage::Case c;
    c.site = site;
    c.edition = 8;
    c.size = size;
    c.grade = grade;
    return c;
}

/// AJCC 8 head and neck: size and invasion of adjoining structures (grade 2 given, as registries send it).
inline lmsstage::Case head_neck_case(const lmsstage::Measured<lmsstage::Length>& size,
                                     std::optional<lmsstage::AdjoiningInvasion> invasion = std::nullopt) {
    lmsstage::Case c = ajcc8_case(lmsstage::Site::head_neck, size, lmsstage::Grade::g2);
    c.adjoining_invasion = invasion;
    return c;
}

/// AJCC 8 visceral organs: edition 8, extent and number of tumour sites (nullopt = left out). The
/// site is `visceral`, or `gi` with histology lms (a leiomyosarcoma of the GI tract).
inline lmsstage::Case visceral_case(std::optional<lmsstage::VisceralExtent> extent,
                                    std::optional<long long> foci = std::nullopt,
                                    lmsstage::Site site = lmsstage::Site::visceral) {
    lmsstage::Case c;
    c.site = site;
    if (site == lmsstage::Site::gi) {
        c.histology = lmsstage::Histology::lms;
    }
    c.edition = 8;
    c.visceral_extent = extent;
    c.foci = foci;
    return c;
}

/// Leiomyosarcoma of the GI tract (site gi, histology lms) with the edition given or left out.
inline lmsstage::Case gi_lms_case(std::optional<int> edition) {
    lmsstage::Case c;
    c.site = lmsstage::Site::gi;
    c.histology = lmsstage::Histology::lms;
    c.edition = edition;
    return c;
}

/// GIST: site gi, histology gist, the GI site, size and mitotic rate (edition left out = 7).
inline lmsstage::Case gist_case(lmsstage::GiSite gi_site, const lmsstage::Measured<lmsstage::Length>& size,
                                const lmsstage::Measured<lmsstage::MitoticRate>& rate,
                                std::optional<int> edition = std::nullopt) {
    lmsstage::Case c;
    c.site = lmsstage::Site::gi;
    c.histology = lmsstage::Histology::gist;
    c.gi_site = gi_site;
    c.size = size;
    c.mitotic_rate = rate;
    c.edition = edition;
    return c;
}

/// A uterine leiomyosarcoma (or ESS) case of the given size in cm.
inline lmsstage::Case uterine_case(double cm, lmsstage::Histology histology = lmsstage::Histology::lms) {
    lmsstage::Case c;
    c.site = lmsstage::Site::uterus;
    c.histology = histology;
    c.size = size_cm(cm);
    return c;
}

/// A uterine adenosarcoma case with the given myometrial invasion (percent).
inline lmsstage::Case adenosarcoma_case(double invasion_percent) {
    lmsstage::Case c;
    c.site = lmsstage::Site::uterus;
    c.histology = lmsstage::Histology::adenosarcoma;
    c.myometrial_invasion = invasion_percent;
    return c;
}

/// A copy of `c` with the changes `edit` makes (for a row of a table of cases).
template <typename Edit>
lmsstage::Case edited(lmsstage::Case c, Edit edit) {
    edit(c);
    return c;
}

// ---- Staging ------------------------------------------------------------------------------------

/// Stages a case that must be valid; a CaseError fails the test with its message.
inline lmsstage::Result staged(const lmsstage::Case& c) {
    lmsstage::Outcome outcome = lmsstage::stage(c);
    if (const auto* bad = std::get_if<lmsstage::CaseError>(&outcome)) {
        FAIL("unexpected case error: " << bad->message());
    }
    return std::get<lmsstage::Result>(std::move(outcome));
}

/// The error of a case that must be invalid; nullopt when it stages.
inline std::optional<lmsstage::CaseError> case_error(const lmsstage::Case& c) {
    lmsstage::Outcome outcome = lmsstage::stage(c);
    if (const auto* bad = std::get_if<lmsstage::CaseError>(&outcome)) {
        return *bad;
    }
    return std::nullopt;
}

/// Calls `f` with every combination of one value from each range, in order (the first range varies
/// slowest): the loops of an exhaustive test, written once.
template <typename F>
void for_each_combination(F&& f) {
    f();
}
template <typename F, typename Range, typename... Ranges>
void for_each_combination(F&& f, const Range& first, const Ranges&... rest) {
    for (const auto& value : first) {
        for_each_combination([&](const auto&... more) { f(value, more...); }, rest...);
    }
}

// ---- Text ---------------------------------------------------------------------------------------

/// "III", or "undetermined" when there is no single stage.
inline std::string stage_text(std::optional<lmsstage::Stage> s) {
    return s ? std::string(lmsstage::name(*s)) : std::string("undetermined");
}

/// "IIA, III" (stage order); "" for the empty set.
inline std::string stages_text(lmsstage::StageSet set) {
    std::string text;
    for (lmsstage::Stage s : set.members()) {
        if (!text.empty()) {
            text += ", ";
        }
        text += lmsstage::name(s);
    }
    return text;
}

/// "localized", or "undetermined".
inline std::string summary_text(std::optional<lmsstage::SummaryStage> s) {
    return s ? std::string(lmsstage::name(*s)) : std::string("undetermined");
}

inline std::string field_text(lmsstage::Field f) { return std::string(lmsstage::field_name(f)); }

/// The name of a value that may be left out: "deep", or "omitted".
template <typename E>
std::string optional_text(const std::optional<E>& value) {
    if (!value) {
        return "omitted";
    }
    if constexpr (std::is_integral_v<E>) {
        return std::to_string(*value);
    } else {
        return std::string(lmsstage::name(*value));
    }
}

/// The G category the AJCC tables write for a grade (GX stays GX; the tables group it with G1).
inline const char* g_category(lmsstage::Grade g) {
    switch (g) {
        case lmsstage::Grade::g1: return "G1";
        case lmsstage::Grade::g2: return "G2";
        case lmsstage::Grade::g3: return "G3";
        case lmsstage::Grade::gx: return "GX";
        case lmsstage::Grade::high: return "G2-G3";
        case lmsstage::Grade::unknown: return "G1-G3";
    }
    return "?";
}

/// The FNCLCC grades a grade stands for: itself; high grade G2 or G3 (FNCLCC grades 2 and 3 are the
/// high grades); unknown any of G1 to G3.
inline std::vector<lmsstage::Grade> grades_within(lmsstage::Grade g) {
    using lmsstage::Grade;
    if (g == Grade::high) {
        return {Grade::g2, Grade::g3};
    }
    if (g == Grade::unknown) {
        return {Grade::g1, Grade::g2, Grade::g3};
    }
    return {g};
}

/// The column of a grade in a stage table written G1, G2, G3, GX.
inline std::size_t grade_column(lmsstage::Grade g) {
    switch (g) {
        case lmsstage::Grade::g1: return 0;
        case lmsstage::Grade::g2: return 1;
        case lmsstage::Grade::g3: return 2;
        case lmsstage::Grade::gx: return 3;
        case lmsstage::Grade::high:
        case lmsstage::Grade::unknown: break;  // not one column: see grades_within
    }
    return 0;
}

/// A manual's N0 M0 stage table: a row per T category (size band), columns G1, G2, G3, GX.
template <std::size_t Rows>
using StagesByGrade = std::array<std::array<lmsstage::Stage, 4>, Rows>;

/// The stage in the row of a size band and the column of a grade.
template <std::size_t Rows>
lmsstage::Stage stage_at(const StagesByGrade<Rows>& table, int band, lmsstage::Grade g) {
    return table.at(static_cast<std::size_t>(band))[grade_column(g)];
}

/// A case the manual names (a size boundary, an invasion boundary), with the T category and the
/// stage it gives.
struct NamedCase {
    std::string label;
    lmsstage::Case c;
    const char* t;
    const char* stage;
};

/// Stages each named case and checks its T category and stage.
inline void check_named_cases(const std::vector<NamedCase>& rows) {
    for (const NamedCase& row : rows) {
        INFO(row.label);
        const lmsstage::Result r = staged(row.c);
        CHECK(r.categories.t == row.t);
        CHECK(stage_text(r.stage) == row.stage);
    }
}

/// What every exhaustive test checks of a result: the system, every possible stage and the stage
/// (the only possible one, else none), and the T, N and M categories.
inline void check_staging(const lmsstage::Result& r, std::string_view system_id, lmsstage::StageSet stages,
                          std::string_view t, bool n1, bool m1) {
    CHECK(r.system.id == system_id);
    CHECK(stages_text(r.possible_stages) == stages_text(stages));
    CHECK(stage_text(r.stage) == stage_text(stages.single()));
    CHECK(r.categories.t == t);
    CHECK(r.categories.n == (n1 ? "N1" : "N0"));
    CHECK(r.categories.m == (m1 ? "M1" : "M0"));
}

/// The figure of the survival row the result's summary stage matches, as published; "" for none.
inline std::string matched_figure(const lmsstage::Result& r) {
    if (r.survival == nullptr || !r.summary_stage) {
        return "";
    }
    for (const lmsstage::SurvivalRow& row : r.survival->rows) {
        if (row.summary_stage == *r.summary_stage) {
            return std::string(row.percent_text);
        }
    }
    return "";
}

/// True when some line contains `needle`.
inline bool any_contains(const lmsstage::TextList& lines, std::string_view needle) {
    for (const std::string& line : lines) {
        if (line.find(needle) != std::string::npos) {
            return true;
        }
    }
    return false;
}

/// True when one line contains every needle.
inline bool any_line_with_all(const lmsstage::TextList& lines, std::initializer_list<std::string_view> needles) {
    for (const std::string& line : lines) {
        bool all = true;
        for (std::string_view needle : needles) {
            all = all && line.find(needle) != std::string::npos;
        }
        if (all) {
            return true;
        }
    }
    return false;
}

/// Every line joined, for INFO output.
inline std::string joined(const lmsstage::TextList& lines) {
    std::string text;
    for (const std::string& line : lines) {
        text += "\n  - ";
        text += line;
    }
    return text.empty() ? std::string(" (none)") : text;
}

}  // namespace lmsstage_core_test
