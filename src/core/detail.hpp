#pragma once
// Internal to the core library: shared helpers and the per-system staging functions.
//
// Every system stages over *candidates*: the set of values each category can take given the inputs.
// A given value is one candidate; an explicit unknown (or a required input left out that turns out
// not to matter) is every value. Stage and summary stage are the union over all combinations, so an
// unknown never hides a possibility and never invents one.

#include <array>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <span>
#include <string>

#include "lmsstage/case.hpp"
#include "lmsstage/fields.hpp"
#include "lmsstage/result.hpp"
#include "lmsstage/rules.hpp"
#include "lmsstage/survival.hpp"

namespace lmsstage::detail {

/// The first field, in the field table's order, whose number is outside its row's range (or not
/// finite); nullptr when every number given is in range (fields.cpp: the rows' tests inlined).
const FieldInfo* first_out_of_range(const Case& c) noexcept;

/// The compiled-in survival tables (generated from data/survival.json).
std::span<const SurvivalTable> survival_table_data() noexcept;

/// Shortest text that reads back as the same double ("6", "5.01", "0.1").
std::string format_number(double value);
/// "6 cm", or "55 mm (5.5 cm)".
std::string describe_length(const Length& length);

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

/// `text` made the parts, one after the other, in its own storage (no allocation once it is as
/// long): sized once, then each part copied in (appending part by part checked the room each time).
inline void assign_parts(std::string& text, std::initializer_list<std::string_view> parts) {
    std::size_t size = 0;
    for (const std::string_view part : parts) {
        size += part.size();
    }
    text.resize(size);
    char* at = text.data();
    for (const std::string_view part : parts) {
        if (!part.empty()) {  // an empty view may have no data (memcpy from null is undefined)
            std::memcpy(at, part.data(), part.size());
            at += part.size();
        }
    }
}

/// Appends a trace step, its text built in reused storage.
inline void trace(Result& result, std::string_view rule, std::initializer_list<std::string_view> parts) {
    if (!result.trace.recording()) {
        return;
    }
    TraceStep& step = result.trace.next();
    step.rule = rule;
    assign_parts(step.because, parts);
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
    if (!list.recording()) {
        return;
    }
    assign_parts(list.next(), parts);
}

/// A few distinct values, kept inline in insertion order (the candidates an input leaves open).
template <typename E, std::size_t Capacity = 8>
struct Few {
    std::array<E, Capacity> items{};
    std::size_t count = 0;
    Few() = default;
    Few(std::initializer_list<E> values) {
        for (E v : values) {
            insert(v);
        }
    }
    /// Adds a value unless it is there already.
    void insert(E value) {
        for (std::size_t i = 0; i < count; ++i) {
            if (items[i] == value) {
                return;
            }
        }
        items[count++] = value;
    }
    [[nodiscard]] bool contains(E value) const {
        for (std::size_t i = 0; i < count; ++i) {
            if (items[i] == value) {
                return true;
            }
        }
        return false;
    }
    [[nodiscard]] const E* begin() const { return items.data(); }
    [[nodiscard]] const E* end() const { return items.data() + count; }
    [[nodiscard]] std::size_t size() const { return count; }
    [[nodiscard]] bool single() const { return count == 1; }
    [[nodiscard]] E front() const { return items[0]; }
    [[nodiscard]] E back() const { return items[count - 1]; }
};

/// Every value of a category: a stage-group cell that does not depend on it (the rule tables).
inline constexpr auto k_any_t = Set<T>::any();
inline constexpr auto k_any_n = Set<N>::any();
inline constexpr auto k_any_g = Set<G>::any();
inline constexpr auto k_any_rate = Set<Rate>::any();

/// The AJCC GIST chapter's T definitions and stage groups (gist.cpp): gastric (stomach, omentum)
/// and intestinal (small intestine and the other sites). UICC TNM 9 (uicc9.cpp) has the same rows.
extern const TDefinition k_gist_t_definitions[5];
extern const GroupRow k_gist_gastric_groups[8];
extern const GroupRow k_gist_intestinal_groups[7];
/// T by size: the AJCC GIST chapter's bands (gist.cpp) and AJCC 8's trunk, extremity and
/// retroperitoneum bands (ajcc8_sts.cpp); UICC TNM 9 (uicc9.cpp) has the same rows.
extern const Band k_gist_size_bands[4];
extern const Band k_sts_size_bands[4];

/// The GIST size bands' note, the same in AJCC 7, AJCC 8 and UICC 9.
inline constexpr std::string_view k_note_gist_size_boundaries =
    "Every size boundary belongs to the lower category: exactly 2, 5 and 10 cm are T1, T2 and T3.";

/// A GIST rule set (AJCC 7, AJCC 8, UICC 9): the chapter's T definitions and one of its group
/// tables, the mitotic rate in place of the grade, SEER Summary Stage 2018 for GIST, and the fields
/// GIST reads and asks for.
constexpr RuleSet gist_rule_set(System system, std::string_view source, std::span<const GroupRow> groups,
                                std::span<const std::string_view> notes) {
    return {system,
            source,
            k_gist_t_definitions,
            groups,
            notes,
            false,
            true,
            "SEER Summary Stage 2018, GIST",
            k_routing_fields | field_mask({Field::size, Field::extension, Field::mitotic_rate, Field::gi_site,
                                           Field::edition, Field::rupture}),
            field_mask({Field::size, Field::mitotic_rate}),
            k_gist_size_bands};
}

// ---------------------------------------------------------------------------------------------
// Bands (rules.hpp): the T category by greatest dimension or by invasion, as rows of the rule set.

inline constexpr double k_no_bound = std::numeric_limits<double>::infinity();

/// The band a length falls in (size bands, in cm, in increasing order).
const Band& band_of(std::span<const Band> bands, const Length& length) noexcept;
/// The band a value falls in (bands in the value's own unit, in increasing order).
const Band& band_of(std::span<const Band> bands, double value) noexcept;

/// T from size: the band of a known size; every band when the size is unknown (or left out).
/// Writes the T trace line (`extra` is appended before " -> T", e.g. the depth words).
Few<T> size_t_candidates(std::span<const Band> bands, const std::optional<Measured<Length>>& size, Result& result,
                         std::string_view extra = {});

// ---------------------------------------------------------------------------------------------
// N, M, G, rate

/// How a system names its regional nodes, for assumptions and the trace.
struct NodeWording {
    std::string_view nodes;  ///< "regional node", "pelvic and/or para-aortic node"
    std::string_view none;   ///< "regional node", "pelvic or para-aortic node" (after "no ")
};

/// N from the nodes finding: omitted = N0 (assumed, stated); unknown = NX, both N0 and N1 possible.
Few<N> derive_n(const Case& input, const NodeWording& wording, Result& result);
enum class NoteId : std::uint8_t;
/// N where N0 includes unknown nodal status (AJCC 8 soft tissue, GIST): unknown = N0, with the note.
/// `shown`: the category written for unknown nodes (UICC keeps NX, staged as N0).
Few<N> derive_n_unknown_is_n0(const Case& input, NoteId note, std::string_view why, Result& result, N shown = N::n0);
/// M from the metastasis finding: omitted = M0 (assumed, stated); unknown = M0 or M1 (shown MX).
Few<M> derive_m(const Case& input, Result& result);
/// G from the grade: GX is grouped with G1; a grade left out is every grade (G category null).
Few<G> derive_g(const Case& input, Result& result);

/// The candidate categories an input leaves open, for the stage-group lookup.
struct Candidates {
    Few<T> t;
    Few<N> n;
    Few<M> m;
    Few<G> g{G::gx};
    Few<Rate> rate{Rate::low};
    bool show_g = false;     ///< write G in the trace (soft tissue)
    bool show_rate = false;  ///< write the mitotic rate in the trace (GIST)
};

/// Looks up every combination of candidates, sets possible_stages and stage, writes the "stage"
/// trace line and, when the stage is undetermined, a note saying which of `unknown_fields` (those
/// explicitly unknown or left out) leaves it open.
void stage_combinations(const RuleSet& rules, const Candidates& c, const Case& input,
                        std::initializer_list<Field> unknown_fields, Result& result);

/// The category text of a candidate set: the one name, the common category ("T1" for T1a/T1b), or
/// "TX" when they share none.
std::string_view category_text(const Few<T>& ts) noexcept;

/// True when the case gives this field as explicitly unknown (`--size unknown`, `--nodes=unknown`).
bool is_unknown(const Case& input, Field field) noexcept;
/// The fields among `fields` that are explicitly unknown or left out, in words: "size unknown and
/// grade not given"; empty when none is.
std::string unknowns_text(const Case& input, std::initializer_list<Field> fields);

/// The common prefix of two category names, used when an unknown input leaves the subcategory or
/// the category open: "T1a"/"T1b" -> "T1"; "T1"/"T2" -> "" (the caller writes TX).
std::string_view common_category(std::string_view a, std::string_view b) noexcept;

/// The text of a set of stages: "IIA, III".
std::string join_stages(StageSet stages);

// ---------------------------------------------------------------------------------------------
// Summary stage (SEER Summary Stage 2018): M1 distant; a distant local extent distant; regional
// nodes regional; a regional local extent regional; otherwise localized. Nodes unknown count as
// negative (SEER convention, every system alike).

/// One possible local extent of the primary, with the finding that gives it.
struct Extent {
    SummaryStage level = SummaryStage::localized;
    std::string_view because;  ///< "extension to adjacent tissue, bone or major vessel"
    friend bool operator==(const Extent&, const Extent&) = default;
};

/// The extents the `extension` input allows. Omitted: confined (assumed; the caller decides whether
/// to state it). `adjacent_organ_distant`: GIST, where SEER 2018 codes an adjacent organ as distant.
Few<Extent> extension_extents(const Case& input, bool adjacent_organ_distant);

/// Every pairing of a primary-tumour extent (from T) with an extension extent, the further of each.
Few<Extent> combine_extents(const Few<Extent>& from_t, const Few<Extent>& from_extension);

/// Sets the summary stage (or leaves it undetermined, with a note) over every extent and M
/// candidate, and writes its trace line citing `scheme` ("SEER Summary Stage 2018, corpus sarcoma").
/// States the "confined" assumption when the extension was left out and it matters.
void summarize(const Case& input, const Few<Extent>& extents, const Few<M>& ms, std::string_view scheme,
               Result& result);

// ---------------------------------------------------------------------------------------------
// The staging systems (one file each)

/// AJCC 7th edition soft tissue sarcoma (AJCC 7th ed. soft tissue sarcoma chapter).
Few<T> stage_ajcc7_sts(const Case& input, Result& result);
/// FIGO 2009 uterine sarcoma (leiomyosarcoma and ESS, or adenosarcoma).
Few<T> stage_figo2009(const Case& input, bool adenosarcoma, Result& result);
/// GIST, AJCC 7th or 8th edition.
Few<T> stage_gist(const Case& input, bool eighth, Result& result);
/// AJCC 8th edition soft tissue sarcoma by site.
Few<T> stage_ajcc8_trunk_retro(const Case& input, bool retroperitoneum, Result& result);
/// How a system reads unknown nodes where it stages them as N0: the note, the reason, the category shown.
struct UnknownNodes {
    NoteId note;
    std::string_view why;
    N shown;
};
/// Trunk, extremities and retroperitoneum by `rules` (AJCC 8 or UICC 9: the same T by size, N, M
/// and G derivations; the stage groups are the rule set's own rows).
Few<T> stage_sts_by_size_and_grade(const Case& input, const RuleSet& rules, const UnknownNodes& nodes, Result& result);
/// GIST by a pair of rule sets (gastric, and every other site); `per_area`: the mitotic rate is
/// counted per 5 mm^2 (AJCC 8) rather than per 50 HPF.
Few<T> stage_gist_by(const Case& input, const RuleSet& gastric, const RuleSet& intestinal, bool per_area,
                     const UnknownNodes& nodes, Result& result);
/// UICC TNM 9th edition (2025): soft tissue sarcoma of the trunk and extremities, retroperitoneum; GIST.
Few<T> stage_uicc9_trunk_retro(const Case& input, bool retroperitoneum, Result& result);
Few<T> stage_uicc9_gist(const Case& input, Result& result);
Few<T> stage_ajcc8_head_neck(const Case& input, Result& result);
Few<T> stage_ajcc8_visceral(const Case& input, Result& result);
/// Head and neck: the summary-stage extents of the adjoining-invasion finding (T4a, T4b: distant in
/// SEER Summary Stage 2018 under either edition), its T4a/T4b candidates added to `ts`.
Few<Extent> adjoining_invasion_extents(const Case& input, Few<T>& ts);
/// Visceral organs: the summary-stage extents of the extent, foci and extension findings (beyond
/// the organ or multifocal: regional), the AJCC 8 T candidates added to `ts`. `eighth`: the T is
/// traced, and an extent left out is every extent; else (AJCC 7, no T) it adds nothing.
Few<Extent> visceral_extents(const Case& input, bool eighth, Few<T>& ts, Result& result);
/// Leiomyosarcoma of the GI tract under AJCC 7: outside its soft tissue chapter, not staged.
Few<T> stage_ajcc7_gi_lms(const Case& input, Result& result);

/// The G category of a grade (GX stays GX; the tables group it with G1). A grade that is not one
/// category (high, unknown) has GX here: derive_g gives its categories.
constexpr G to_g(Grade grade) noexcept {
    switch (grade) {
        case Grade::g1: return G::g1;
        case Grade::g2: return G::g2;
        case Grade::g3: return G::g3;
        case Grade::gx:
        case Grade::high:
        case Grade::unknown: return G::gx;
    }
    return G::gx;
}

// ---------------------------------------------------------------------------------------------
// Clinical notes: every fixed statement a result can carry, with its public source (notes.cpp).

enum class NoteId : std::uint8_t {
    ajcc8_current_named_site,
    ajcc8_current_generic_site,
    ajcc8_nodes_unknown_n0,
    gist_nodes_unknown_n0,
    metastasis_unknown_mx,
    no_stage_group_head_neck,
    no_stage_group_visceral,
    gi_lms_not_staged_ajcc7,
    figo2009_current,
    ess_staging_sources,
    figo_iva_wall_only,
    stage_iv_summary_regional,
    gist_adjacent_organ_ss2000,
    gist_risk_metastatic,
    no_table_retroperitoneum,
    no_table_visceral,
    no_table_ess,
    no_table_adenosarcoma,
    no_table_uterine_other,
    no_table_head_neck_organ,
    no_table_mediastinum,
    uicc9_nodes_unknown_nx,
    uicc9_n1_iiib,
};

/// Adds a catalogued note to the result.
void add_note(Result& result, NoteId id);

}  // namespace lmsstage::detail
