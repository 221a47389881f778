#pragma once
/// The staging tables themselves, as data: the same rows the staging functions look up, exposed so
/// that they can be printed (`lmsstage rules`) and audited line by line against the manuals.

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "lmsstage/result.hpp"
#include "lmsstage/vocabulary.hpp"

namespace lmsstage {

/// T categories of every supported system (AJCC 7 soft tissue, FIGO/AJCC corpus uteri sarcoma).
enum class T : std::uint8_t { tx, t1, t1a, t1b, t1c, t2, t2a, t2b, t3, t3a, t3b, t4 };
/// N categories; NX = cannot be assessed (explicitly unknown).
enum class N : std::uint8_t { n0, n1, nx };
/// M categories (the 7th edition has no MX).
enum class M : std::uint8_t { m0, m1 };
/// Grade categories as written in the tables.
enum class G : std::uint8_t { g1, g2, g3, gx };

std::string_view name(T value) noexcept;
std::string_view name(N value) noexcept;
std::string_view name(M value) noexcept;
std::string_view name(G value) noexcept;

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
    Set<G> g;  ///< `any` for systems that do not use grade
    Stage stage;
    std::string_view definition;  ///< the manual's wording for the stage, where it has one
};

/// One row of a T-definition table, in the manual's words.
struct TDefinition {
    T t;
    std::string_view definition;
};

/// A staging system's tables, as applied.
struct RuleSet {
    System system;
    std::string_view source;
    std::span<const TDefinition> t_definitions;
    std::span<const GroupRow> groups;
    std::span<const std::string_view> notes;  ///< rules that are not rows (precedence, unknowns, boundaries)
    bool uses_grade;                          ///< false: the G column is not part of the system
};

inline constexpr std::array k_all_t = {T::tx, T::t1, T::t1a, T::t1b, T::t1c, T::t2,
                                       T::t2a, T::t2b, T::t3, T::t3a, T::t3b, T::t4};
inline constexpr std::array k_all_n = {N::n0, N::n1, N::nx};
inline constexpr std::array k_all_m = {M::m0, M::m1};
inline constexpr std::array k_all_g = {G::g1, G::g2, G::g3, G::gx};

/// AJCC 7th edition soft tissue sarcoma.
const RuleSet& ajcc7_sts_rules() noexcept;
/// FIGO 2009 uterine leiomyosarcoma and endometrial stromal sarcoma.
const RuleSet& figo2009_uterine_rules() noexcept;
/// FIGO 2009 uterine adenosarcoma.
const RuleSet& figo2009_adenosarcoma_rules() noexcept;
/// Every rule set, in the order `lmsstage rules` prints them.
std::span<const RuleSet* const> all_rule_sets() noexcept;

/// The stage group of a T/N/M/G combination in a rule set: the unique row that matches, or nullopt
/// when no row does (an invalid combination). Unknowns (NX) must be resolved before the lookup.
std::optional<Stage> look_up_group(const RuleSet& rules, T t, N n, M m, G g) noexcept;

}  // namespace lmsstage
