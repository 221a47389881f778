#pragma once
/// What staging returns: the stage (or the set of stages the inputs allow), the categories behind
/// it, the summary stage and survival table row, and every assumption, warning, note and rule used.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "lmsstage/case_error.hpp"
#include "lmsstage/gist_risk.hpp"
#include "lmsstage/histology.hpp"
#include "lmsstage/stages.hpp"
#include "lmsstage/survival.hpp"
#include "lmsstage/vocabulary.hpp"

namespace lmsstage {

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

/// The warnings that carry values of the case (a size, a count), each as its template: its fixed
/// words, with "{}" where a value goes. Every warning stage() writes with a value of the case in it
/// is one of these filled in (fill_template); every other warning, and every assumption, is fixed
/// text, whatever numbers it holds ("FIGO 2009", "1 (unifocal)"). A caller that counts warnings
/// (batch --summary) counts those that differ only in their values together.
std::span<const std::string_view> valued_warning_templates() noexcept;

/// Writes `text_template` into `out` with each "{}" replaced by the next of `values`.
void fill_template(std::string& out, std::string_view text_template, std::initializer_list<std::string_view> values);

/// Either a result or the reason the case is invalid; bad clinical input is never an exception.
using Outcome = std::variant<Result, CaseError>;

}  // namespace lmsstage
