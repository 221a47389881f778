#pragma once
/// What staging returns: the stage (or the set of stages the inputs allow), the categories behind
/// it, the summary stage and survival table row, and every assumption, warning, note and rule used.

#include <bit>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "lmsstage/gist_risk.hpp"
#include "lmsstage/histology.hpp"
#include "lmsstage/survival.hpp"
#include "lmsstage/vocabulary.hpp"

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
    /// The only member, when there is exactly one.
    [[nodiscard]] constexpr std::optional<Stage> single() const noexcept {
        if (size() != 1) {
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

/// The TNM categories (and grade) the system derived. Empty `g` = grade not used by the system.
struct Categories {
    std::string_view t;
    std::string_view n;
    std::string_view m;
    std::string_view g;
    std::string_view rate;  ///< GIST mitotic rate category ("low", "high", "unknown"); empty outside GIST
};

/// One step of the reasoning: which rule, because of what.
struct TraceStep {
    std::string_view rule;
    std::string because;
};

/// A list whose elements keep their storage when it is cleared, so that a Result reused for many
/// cases (batch staging) stops allocating once warm. Reads like a std::vector.
template <typename T>
class ReusableList {
public:
    ReusableList() = default;
    ReusableList(std::initializer_list<T> items) {
        for (const T& item : items) {
            push_back(item);
        }
    }
    /// The next element, still holding what it last held: the caller overwrites it. While the
    /// list is not recording, one scratch element that is never part of the list.
    T& next() {
        if (!m_recording) {
            return m_scratch;
        }
        if (m_size == m_items.size()) {
            m_items.emplace_back();
        }
        return m_items[m_size++];
    }
    /// Appends by assignment into reused storage (a string keeps its capacity).
    template <typename U>
    void push_back(U&& value) {
        next() = std::forward<U>(value);
    }
    template <typename U>
    void emplace_back(U&& value) {
        next() = std::forward<U>(value);
    }
    void clear() noexcept { m_size = 0; }
    /// Off: the list keeps nothing, so that staging for a caller that will not read it (see
    /// StageOptions) can skip building its texts. On by default.
    void set_recording(bool on) noexcept { m_recording = on; }
    [[nodiscard]] bool recording() const noexcept { return m_recording; }
    [[nodiscard]] std::size_t size() const noexcept { return m_size; }
    [[nodiscard]] bool empty() const noexcept { return m_size == 0; }
    [[nodiscard]] const T& operator[](std::size_t i) const { return m_items[i]; }
    [[nodiscard]] const T& front() const { return m_items.front(); }
    [[nodiscard]] const T& back() const { return m_items[m_size - 1]; }
    [[nodiscard]] const T* begin() const noexcept { return m_items.data(); }
    [[nodiscard]] const T* end() const noexcept { return m_items.data() + m_size; }

private:
    std::vector<T> m_items;
    std::size_t m_size = 0;
    T m_scratch{};
    bool m_recording = true;
};

using TextList = ReusableList<std::string>;
using Trace = ReusableList<TraceStep>;

/// The staged case.
struct Result {
    System system;
    HistologyType histology = Histology::lms;  ///< the histologic type staged (given, or the default lms)
    Categories categories;
    std::optional<Stage> stage;                 ///< nullopt when the inputs leave it undetermined
    StageSet possible_stages;                   ///< every stage consistent with the inputs
    std::optional<SummaryStage> summary_stage;  ///< nullopt when undetermined
    const SurvivalTable* survival = nullptr;    ///< the table for this site, nullptr when none fits
    TextList assumptions;                       ///< defaults applied to omitted inputs
    TextList warnings;                          ///< given inputs the system did not use, and similar
    TextList notes;                             ///< context: why a stage is undetermined, caveats
    Trace trace;
    GistRisk gist_risk;          ///< GIST: the risk of progression beside the stage; `assessed` false otherwise
    std::optional<Basis> basis;  ///< the basis given (the categories' prefix); nullopt = not stated

    /// Empties the result for the next case, keeping its storage.
    void clear() noexcept;
};

/// Why a case cannot be staged: the field at fault and what is wrong with it, in words that
/// follow the field's name ("size" + " must be a positive length, got -3").
struct CaseError {
    Field field;
    std::string problem;

    /// "size must be a positive length, got -3"
    [[nodiscard]] std::string message() const;
};

/// Either a result or the reason the case is invalid; bad clinical input is never an exception.
using Outcome = std::variant<Result, CaseError>;

}  // namespace lmsstage
