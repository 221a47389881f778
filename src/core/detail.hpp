#pragma once
// Internal to the core library: shared helpers and the per-system staging functions.

#include <array>
#include <initializer_list>
#include <span>
#include <string>

#include "lmsstage/case.hpp"
#include "lmsstage/result.hpp"
#include "lmsstage/rules.hpp"
#include "lmsstage/survival.hpp"

namespace lmsstage::detail {

/// The compiled-in survival tables (generated from data/survival.json).
std::span<const SurvivalTable> survival_table_data() noexcept;

/// Shortest text that reads back as the same double ("6", "5.01", "0.1").
std::string format_number(double value);
/// "6 cm", or "55 mm (5.5 cm)".
std::string describe_length(const Length& length);

/// Stages a validated case with AJCC 7 soft tissue sarcoma rules (rules.md section 1).
void stage_ajcc7_sts(const Case& input, Result& result);
/// Stages a validated uterine case with FIGO 2009 rules (rules.md sections 2 and 2b).
void stage_figo2009(const Case& input, bool adenosarcoma, Result& result);

/// Concatenation with one allocation: cat({"size ", text, " -> ", name(t)}).
inline std::string cat(std::initializer_list<std::string_view> parts) {
    std::size_t size = 0;
    for (std::string_view part : parts) {
        size += part.size();
    }
    std::string out;
    out.reserve(size);
    for (std::string_view part : parts) {
        out += part;
    }
    return out;
}

/// Appends a trace step, its text built in reused storage.
inline void trace(Result& result, std::string_view rule, std::initializer_list<std::string_view> parts) {
    TraceStep& step = result.trace.next();
    step.rule = rule;
    step.because.clear();
    for (std::string_view part : parts) {
        step.because += part;
    }
}

/// Starts a trace step whose text the caller appends to (reused storage). The reference is valid
/// until the next step is added.
inline std::string& begin_trace(Result& result, std::string_view rule) {
    TraceStep& step = result.trace.next();
    step.rule = rule;
    step.because.clear();
    return step.because;
}

/// Appends a text built from parts, in reused storage.
inline void add(TextList& list, std::initializer_list<std::string_view> parts) {
    std::string& text = list.next();
    text.clear();
    for (std::string_view part : parts) {
        text += part;
    }
}

/// A few values, kept inline (the candidates an unknown input leaves open).
template <typename E>
struct Few {
    std::array<E, 4> items{};
    std::size_t count = 0;
    Few() = default;
    Few(std::initializer_list<E> values) {
        for (E v : values) {
            items[count++] = v;
        }
    }
    [[nodiscard]] const E* begin() const { return items.data(); }
    [[nodiscard]] const E* end() const { return items.data() + count; }
    [[nodiscard]] std::size_t size() const { return count; }
    [[nodiscard]] E front() const { return items[0]; }
    [[nodiscard]] E back() const { return items[count - 1]; }
};

/// GIST, AJCC 7th or 8th edition (rules.md section 3).
void stage_gist(const Case& input, bool eighth, Result& result);
/// AJCC 8th edition soft tissue sarcoma (rules.md section 4).
void stage_ajcc8_trunk_retro(const Case& input, bool retroperitoneum, Result& result);
void stage_ajcc8_head_neck(const Case& input, Result& result);
void stage_ajcc8_visceral(const Case& input, Result& result);
/// Leiomyosarcoma of the GI tract under AJCC 7: outside its soft tissue chapter, no stage.
void stage_ajcc7_gi_lms(const Case& input, Result& result);

/// The G category of a grade (GX stays GX; the tables group it with G1).
constexpr G to_g(Grade grade) noexcept {
    switch (grade) {
        case Grade::g1: return G::g1;
        case Grade::g2: return G::g2;
        case Grade::g3: return G::g3;
        case Grade::gx: return G::gx;
    }
    return G::gx;
}

/// How a system names its regional nodes, for assumptions and the trace.
struct NodeWording {
    std::string_view nodes;  ///< "regional node", "pelvic and/or para-aortic node"
    std::string_view none;   ///< "regional node", "pelvic or para-aortic node" (after "no ")
};

/// N from the nodes finding: omitted = N0 (assumed, stated); unknown = NX, both N0 and N1 possible.
Few<N> derive_n(const Case& input, const NodeWording& wording, Result& result);
/// M from the metastasis finding: omitted = M0 (assumed, stated). Neither edition has MX.
M derive_m(const Case& input, Result& result);

/// The candidate categories an input leaves open, for the stage-group lookup.
struct Candidates {
    Few<T> t;
    Few<N> n;
    M m = M::m0;
    G g = G::gx;
    Few<Rate> rate{Rate::low};
    bool show_g = false;     ///< write G in the trace (soft tissue)
    bool show_rate = false;  ///< write the mitotic rate in the trace (GIST)
};

/// Looks up every combination of candidates, sets possible_stages and stage, writes the "stage"
/// trace line and, when the stage is undetermined, a note saying which unknown leaves it open.
void stage_combinations(const RuleSet& rules, const Candidates& c, std::string_view unknowns, Result& result);

/// SEER summary stage of a soft tissue or GIST primary: M1 distant; further extension distant;
/// N1 regional; adjacent extension regional, an adjacent organ distant for GIST (SEER 2018);
/// otherwise localized (nodes unknown counted as negative). Omitted extension is assumed confined.
void summarize_soft_tissue(const Case& input, M m, const Few<N>& ns, bool adjacent_organ_distant, Result& result);

/// Which explicit unknowns leave the stage open: "size unknown and nodes unknown".
std::string unknowns_text(bool size_unknown, bool nodes_unknown, bool rate_unknown);

/// The text of a set of stages: "IIA, III".
std::string join_stages(StageSet stages);

/// The common prefix of two category names, used when an unknown input leaves the subcategory or
/// the category open: "T1a"/"T1b" -> "T1"; "T1"/"T2" -> "" (the caller writes TX).
std::string_view common_category(std::string_view a, std::string_view b) noexcept;

}  // namespace lmsstage::detail
