#pragma once
// The registry door: NAACCR-coded records in, NAACCR-coded results out. Pure functions over the
// sourced tables of data/naaccr/ (see docs/naaccr.md); no I/O. The staging core knows nothing of
// NAACCR: input records become the texts of lmsstage's own case fields, which the field table
// then reads like any other input; results become NAACCR item codes.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "lmsstage/case_error.hpp"

namespace lmsstage {
struct Case;
struct Result;
struct StageOptions;
}  // namespace lmsstage

namespace lmsstage::naaccr {

/// The NAACCR items lmsstage reads.
enum class Item : std::uint8_t {
    primary_site,
    histology,
    behavior,
    size_summary,
    size_pathologic,
    size_clinical,
    grade_clinical,
    grade_pathological,
    nodes_positive,
    mets_bone,
    mets_brain,
    mets_distant_ln,
    mets_liver,
    mets_lung,
    mets_other,
    tnm_edition,
    discriminator_1,
    discriminator_2,
    cs_ssf10,
    // The TNM categories the registry recorded: read only for which classification the record
    // carries, the staging basis (docs/naaccr.md).
    ajcc_clin_t,
    ajcc_clin_n,
    ajcc_clin_m,
    ajcc_path_t,
    ajcc_path_n,
    ajcc_path_m,
    ajcc_post_therapy_t,
    ajcc_post_therapy_n,
    ajcc_post_therapy_m,
    tnm_path_t,
    tnm_path_n,
    tnm_path_m,
    tnm_clin_t,
    tnm_clin_n,
    tnm_clin_m,
    date_of_diagnosis,
};
inline constexpr std::size_t k_item_count = 35;

/// A NAACCR data item: XML id, item number and name (NAACCR Data Dictionary, version 25).
struct ItemInfo {
    Item item;
    std::string_view id;
    int number;
    std::string_view name;
};

/// Every item lmsstage reads, in the order above.
std::span<const ItemInfo> input_items() noexcept;
const ItemInfo& info(Item item) noexcept;
/// The item with this NAACCR XML id, or nullptr (an item lmsstage does not read).
const ItemInfo* find_input_item(std::string_view naaccr_id) noexcept;

/// One NAACCR-coded record: the values of the items lmsstage reads. An absent or blank value is
/// "not given"; surrounding spaces are ignored.
class Record {
public:
    void set(Item item, std::string_view value);
    /// Sets by NAACCR XML id; false (and nothing set) for an item lmsstage does not read.
    bool set(std::string_view naaccr_id, std::string_view value);
    [[nodiscard]] std::optional<std::string_view> get(Item item) const noexcept;
    void clear() noexcept;

private:
    std::array<std::string, k_item_count> m_values;
    std::uint64_t m_set = 0;  ///< the items set since the last clear(), so that clear() touches only those
};

/// One lmsstage case field as text, ready for the field table: {"size", "65mm"}.
struct FieldText {
    std::string_view key;
    std::string text;
    friend bool operator==(const FieldText&, const FieldText&) = default;
};

/// A record that maps: the case field texts, and notes saying how special codes were read.
struct Mapped {
    std::vector<FieldText> fields;
    std::vector<std::string> notes;
    std::vector<std::string> warnings;  ///< codes read as unknown because they cannot be placed
    /// The text given for a field key, or nullopt.
    [[nodiscard]] std::optional<std::string_view> field(std::string_view key) const noexcept;
};

/// A record lmsstage will not stage: which item, with what value, and why.
struct Refusal {
    std::string_view item;  ///< NAACCR XML id
    std::string value;
    std::string reason;
    /// "histologicTypeIcdO3 [522] 8980: carcinosarcoma ..."
    [[nodiscard]] std::string message() const;
};

using Mapping = std::variant<Mapped, Refusal>;

/// Maps a NAACCR-coded record to lmsstage case field texts, or refuses it.
Mapping map_record(const Record& record);

/// Reads mapped field texts into a case through the field table; the first CaseError stops.
std::optional<CaseError> apply(const Mapped& mapped, Case& target);

/// The items map_record derives a case field from ("primarySite [400]"); empty for a case field no
/// NAACCR item carries, which a NAACCR-keyed record may give beside its items (a derived one it may
/// not: nothing is given twice).
std::string_view derived_from(Field field) noexcept;

/// Stages a NAACCR-coded record: maps it (or refuses it), applies the mapped fields to `input`
/// (which may already hold the case fields the record gave besides its items), takes each field the
/// chosen system asks for and the record leaves out as explicitly unknown (no NAACCR item carries
/// the visceral extent or the myometrial invasion; a size or grade item may be missing), so that the
/// result lists every stage it allows instead of refusing the record, and stages it with `options`.
/// The mapping's notes and warnings, then a note for each field taken as unknown, follow the
/// result's own.
std::optional<std::variant<Refusal, CaseError>> stage_record(const Record& record, Case& input, Result& result,
                                                             const StageOptions& options);

/// One NAACCR-coded output: item id and code ("summaryStage2018", "1").
struct OutputItem {
    std::string_view id;
    std::string code;
    friend bool operator==(const OutputItem&, const OutputItem&) = default;
};

/// The output item ids, in output order (a CSV header): summaryStage2018, tnmEditionNumber, the
/// Derived AJCC-7 T, N, M and stage group, and the Derived EOD 2018 T, N, M and stage group.
std::span<const std::string_view> output_item_ids() noexcept;

/// The staged case in NAACCR codes, one per output_item_ids() entry; the items of the edition the
/// case was not staged in are empty. `input` is the case that was staged (its extension and
/// edition). Throws std::logic_error for a category no output table lists (a defect).
std::vector<OutputItem> output_items(const Result& result, const Case& input);

}  // namespace lmsstage::naaccr
