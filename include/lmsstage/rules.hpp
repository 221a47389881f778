#pragma once
/// The staging tables themselves, as data: the same rows the staging functions look up, exposed so
/// that they can be printed (`lmsstage rules`) and audited line by line against the manuals.

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "lmsstage/stages.hpp"
#include "lmsstage/vocabulary.hpp"

namespace lmsstage {

/// T categories of every supported system (soft tissue, corpus uteri sarcoma, GIST, AJCC 8 sites).
enum class T : std::uint8_t { tx, t1, t1a, t1b, t1c, t2, t2a, t2b, t3, t3a, t3b, t4, t4a, t4b, t4c };
/// N categories; NX = cannot be assessed (explicitly unknown).
enum class N : std::uint8_t { n0, n1, nx };
/// M categories (the 7th edition has no MX).
enum class M : std::uint8_t { m0, m1 };
/// Grade categories as written in the tables.
enum class G : std::uint8_t { g1, g2, g3, gx };
/// GIST mitotic rate: low <= 5, high > 5 per 50 HPF (5 mm^2).
enum class Rate : std::uint8_t { low, high };

std::string_view name(T value) noexcept;
std::string_view name(N value) noexcept;
std::string_view name(M value) noexcept;
std::string_view name(G value) noexcept;
std::string_view name(Rate value) noexcept;

/// A small set of enumerators, for the "T1-T3", "any N", "G1, GX" cells of a table.
template <typename E>
class Set {
public:
    constexpr Set() noexcept = default;
    constexpr Set(std::initializer_list<E> values) noexcept {
        for (E v : values) {
            m_bits |= bit(v);
        }
    }
    /// Every value of the enumeration ("any T").
    static constexpr Set any() noexcept {
        Set s;
        s.m_bits = ~std::uint32_t{0};
        return s;
    }
    [[nodiscard]] constexpr bool contains(E v) const noexcept { return (m_bits & bit(v)) != 0; }
    [[nodiscard]] constexpr bool is_any() const noexcept { return m_bits == ~std::uint32_t{0}; }

private:
    static constexpr std::uint32_t bit(E v) noexcept { return std::uint32_t{1} << static_cast<unsigned>(v); }
    std::uint32_t m_bits = 0;
};

/// One row of a stage-group table: the stage applies when T, N, M and G are all in their cells.
struct GroupRow {
    Set<T> t;
    Set<N> n;
    Set<M> m;
    Set<G> g;        ///< `any` for systems that do not use grade
    Set<Rate> rate;  ///< `any` for systems that do not use the mitotic rate
    Stage stage;
    std::string_view definition;  ///< the manual's wording for the stage, where it has one
};

/// One row of a T-definition table, in the manual's words.
struct TDefinition {
    T t;
    std::string_view definition;
};

/// One band of a T category by a measure, as a row: a value up to `up_to` (inclusive: every
/// boundary belongs to the lower band, the manuals' "5 cm or less") is `t`; the last band has no
/// upper bound (infinity). Staging, the trace and `lmsstage rules` read the same rows.
struct Band {
    double up_to;
    T t;
    std::string_view text;  ///< the band in words, as the trace and `rules` write it: "> 5 cm, <= 10 cm"
};

/// The letter depth adds to a size category (AJCC 7 soft tissue: T1a superficial, T1b deep).
struct DepthLetter {
    T band;  ///< the category by size
    Depth depth;
    T t;  ///< the category with its letter
};

/// A staging system's tables, as applied.
struct RuleSet {
    System system;
    std::string_view source;
    std::span<const TDefinition> t_definitions;
    std::span<const GroupRow> groups;
    std::span<const std::string_view> notes;  ///< rules that are not rows (precedence, unknowns, boundaries)
    bool uses_grade;                          ///< false: the G column is not part of the system
    bool uses_rate;                           ///< true: the mitotic rate column is (GIST)
    std::string_view summary_source = {};     ///< the SEER Summary Stage 2018 scheme its summary stage follows
    std::uint32_t reads = 0;  ///< the fields it reads (field_bit set); any other given field draws a warning
    std::uint32_t asks = 0;   ///< the fields it asks for, unless no value of them could change the answer
    std::span<const Band> size_bands = {};            ///< T by greatest dimension in cm, in increasing order
    std::span<const Band> invasion_bands = {};        ///< T by myometrial invasion in percent (adenosarcoma)
    std::span<const DepthLetter> depth_letters = {};  ///< the a/b letter by depth (AJCC 7 soft tissue)
};

/// Fields every system reads: site and histology choose it; nodes and metastasis stage it; the basis
/// prefixes its categories.
inline constexpr std::uint32_t k_routing_fields =
    field_mask({Field::site, Field::histology, Field::nodes, Field::metastasis, Field::basis});

/// A fixed statement lmsstage can add to a result ("notes"), with the public source that supports it.
struct ClinicalNote {
    std::string_view id;
    std::string_view text;
    std::string_view source;
};
/// Every such statement, for `lmsstage rules` and the README.
std::span<const ClinicalNote> clinical_notes() noexcept;

inline constexpr std::array k_all_t = {T::tx, T::t1,  T::t1a, T::t1b, T::t1c, T::t2,  T::t2a, T::t2b,
                                       T::t3, T::t3a, T::t3b, T::t4,  T::t4a, T::t4b, T::t4c};
inline constexpr std::array k_all_n = {N::n0, N::n1, N::nx};
inline constexpr std::array k_all_m = {M::m0, M::m1};
inline constexpr std::array k_all_g = {G::g1, G::g2, G::g3, G::gx};
inline constexpr std::array k_all_rates = {Rate::low, Rate::high};

/// AJCC 7th edition soft tissue sarcoma.
const RuleSet& ajcc7_sts_rules() noexcept;
/// Leiomyosarcoma of the GI tract under AJCC 7: not staged (no tables; what it reads and why).
const RuleSet& ajcc7_gi_lms_rules() noexcept;
/// FIGO 2009 uterine leiomyosarcoma and endometrial stromal sarcoma.
const RuleSet& figo2009_uterine_rules() noexcept;
/// FIGO 2009 uterine adenosarcoma.
const RuleSet& figo2009_adenosarcoma_rules() noexcept;
/// AJCC 7th edition GIST, gastric (stomach, omentum) and intestinal tables.
const RuleSet& ajcc7_gist_gastric_rules() noexcept;
const RuleSet& ajcc7_gist_intestinal_rules() noexcept;
/// AJCC 8th edition GIST: the same groups under the 8th edition's name.
const RuleSet& ajcc8_gist_gastric_rules() noexcept;
const RuleSet& ajcc8_gist_intestinal_rules() noexcept;
/// AJCC 8th edition soft tissue sarcoma of the trunk and extremities, and of the retroperitoneum.
const RuleSet& ajcc8_sts_trunk_extremity_rules() noexcept;
const RuleSet& ajcc8_sts_retroperitoneum_rules() noexcept;
/// AJCC 8th edition head & neck and visceral sarcoma: T definitions only (no stage groups).
const RuleSet& ajcc8_sts_head_neck_rules() noexcept;
const RuleSet& ajcc8_sts_visceral_rules() noexcept;
/// UICC TNM 9th edition (2025): soft tissue sarcoma of the extremity and superficial trunk, and of
/// the retroperitoneum (one stage-group table); GIST, gastric (and omental) and every other site.
const RuleSet& uicc9_sts_trunk_extremity_rules() noexcept;
const RuleSet& uicc9_sts_retroperitoneum_rules() noexcept;
const RuleSet& uicc9_gist_gastric_rules() noexcept;
const RuleSet& uicc9_gist_other_rules() noexcept;
/// Every rule set, in the order `lmsstage rules` prints them.
std::span<const RuleSet* const> all_rule_sets() noexcept;

/// The stage group of a T/N/M/G combination in a rule set: the unique row that matches, or nullopt
/// when no row does (an invalid combination). Unknowns (NX) must be resolved before the lookup.
std::optional<Stage> look_up_group(const RuleSet& rules, T t, N n, M m, G g, Rate rate = Rate::low) noexcept;

}  // namespace lmsstage
