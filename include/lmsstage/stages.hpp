#pragma once
/// The stage names every supported system uses, a set of them, and the identity of a staging
/// system: what results and rule tables share, below both.

#include <array>
#include <bit>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

namespace lmsstage {

/// Every stage name used by the supported systems, in order of increasing extent.
enum class Stage : std::uint8_t { I, IA, IB, IC, II, IIA, IIB, III, IIIA, IIIB, IIIC, IV, IVA, IVB };
inline constexpr std::array k_all_stages = {Stage::I,    Stage::IA,  Stage::IB,  Stage::IC,   Stage::II,
                                            Stage::IIA,  Stage::IIB, Stage::III, Stage::IIIA, Stage::IIIB,
                                            Stage::IIIC, Stage::IV,  Stage::IVA, Stage::IVB};
std::string_view name(Stage value) noexcept;

/// A set of stages, kept in stage order.
class StageSet {
public:
    constexpr StageSet() noexcept = default;
    constexpr StageSet(std::initializer_list<Stage> stages) noexcept {
        for (Stage s : stages) {
            insert(s);
        }
    }
    constexpr void insert(Stage s) noexcept { m_bits = static_cast<std::uint16_t>(m_bits | bit(s)); }
    constexpr void merge(StageSet other) noexcept { m_bits = static_cast<std::uint16_t>(m_bits | other.m_bits); }
    [[nodiscard]] constexpr bool contains(Stage s) const noexcept { return (m_bits & bit(s)) != 0; }
    [[nodiscard]] constexpr int size() const noexcept { return std::popcount(m_bits); }
    [[nodiscard]] constexpr bool empty() const noexcept { return m_bits == 0; }
    /// One bit a member, by stage order (for hashing a set).
    [[nodiscard]] constexpr std::uint16_t bits() const noexcept { return m_bits; }
    /// The only member, when there is exactly one.
    [[nodiscard]] constexpr std::optional<Stage> single() const noexcept {
        // One bit set, tested without a population count (a call into the compiler's runtime
        // library where the processor's POPCNT is not assumed).
        if (m_bits == 0 || (m_bits & (m_bits - 1U)) != 0) {
            return std::nullopt;
        }
        return static_cast<Stage>(std::countr_zero(m_bits));
    }
    /// Members in stage order.
    [[nodiscard]] std::vector<Stage> members() const;
    friend constexpr bool operator==(StageSet, StageSet) noexcept = default;

private:
    static constexpr std::uint16_t bit(Stage s) noexcept {
        return static_cast<std::uint16_t>(1U << static_cast<unsigned>(s));
    }
    std::uint16_t m_bits = 0;
};

/// What a system's result is: an AJCC stage group, a FIGO stage, a T category only (AJCC 8 head and
/// neck, visceral organs), or no staging at all. Renderers choose their wording from this.
enum class Grouping : std::uint8_t { ajcc, figo, t_only, not_staged };

/// One staging system: stable id (`ajcc7-sts`) and human name, with the rule-set edition.
struct System {
    std::string_view id;
    std::string_view name;
    Grouping grouping = Grouping::ajcc;
};

}  // namespace lmsstage
