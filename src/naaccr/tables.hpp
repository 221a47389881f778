#pragma once
// The NAACCR mapping tables of data/naaccr/, split into cells at build time (a table that is not
// CSV fails the build) and read once, on first use, into typed rows. Each row keeps the public source it cites. A table
// that does not read (a missing column, an unknown value) is a build defect: it throws std::logic_error, and the unit
// tests load every table so that it never reaches a user.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lmsstage::naaccr {

/// data/naaccr/behavior.csv: ICD-O-3 behaviour code -> accepted or refused.
struct BehaviorRow {
    int code = 0;
    bool accepted = false;
    std::string refusal;
    std::string source;
};

/// data/naaccr/primary_site.csv: topography range (and edition, discriminator) -> site, gi_site.
/// Rows are read top to bottom; the first that matches applies.
struct SiteRow {
    std::string histology_class;
    int from = 0;  ///< topography as a number: C492 -> 492
    int to = 0;
    int edition = 0;                 ///< 7 or 8; 0 = any
    std::string discriminator_item;  ///< NAACCR id, empty = none
    std::vector<std::string> discriminator_values;
    std::string site;     ///< lmsstage site; empty = refused
    std::string gi_site;  ///< lmsstage gi_site, for GIST
    std::string refusal;
    std::string source;
};

/// data/naaccr/tumor_size.csv: size code range -> what lmsstage is given.
struct SizeRow {
    int from = 0;
    int to = 0;
    std::string action;  ///< exact (code is mm), fixed (size_mm), unknown, refuse
    int size_mm = 0;
    std::string note;
    std::string source;
};

/// data/naaccr/grade.csv: grade code of a schema group -> lmsstage field and value.
struct GradeRow {
    std::string schema;  ///< soft_tissue, gist, corpus_sarcoma, corpus_adenosarcoma
    std::string code;
    std::string target;  ///< grade, mitotic_rate, none, refuse
    std::string value;
    int rank = 0;       ///< the higher rank wins between clinical and pathological grade
    bool warn = false;  ///< the code cannot be placed on the scale lmsstage stages by: the note is a warning
    std::string note;
    std::string source;
};

/// data/naaccr/regional_nodes.csv: Regional Nodes Positive range -> nodes.
struct NodesRow {
    int from = 0;
    int to = 0;
    std::string nodes;  ///< yes, no, unknown, not_given
    std::string note;
    std::string source;
};

/// data/naaccr/mets_at_dx.csv: Mets at DX code -> finding.
struct MetsRow {
    int code = 0;
    std::string items;    ///< all, or the one NAACCR id the code is valid for
    std::string finding;  ///< absent, present, not_applicable, unknown
    std::string source;
};

/// data/naaccr/tnm_edition.csv: TNM Edition Number -> edition, not given, or refused.
struct EditionRow {
    int code = 0;
    int edition = 0;
    std::string action;  ///< edition, not_given, refuse
    std::string note;
    std::string source;
};

/// data/naaccr/tnm_output.csv: lmsstage category or stage -> NAACCR code of an output item.
struct TnmRow {
    std::string naaccr_id;
    std::string system;    ///< a system id, or * for any
    std::string lmsstage;  ///< category or stage name; none, undetermined
    std::string code;      ///< empty: the item has no code for this value and is left blank
    std::string source;
};

/// data/naaccr/summary_stage_2018.csv: summary stage, nodes, direct extension -> SS2018 code.
struct SummaryStageRow {
    std::string summary_stage;     ///< localized, regional, distant, undetermined
    std::string nodes_involved;    ///< yes, no, *
    std::string direct_extension;  ///< yes, no, *
    std::string code;
    std::string source;
};

/// data/naaccr/ss2018_direct_extension.csv: which inputs mean regional by direct extension.
struct ExtensionRow {
    std::string input;   ///< a case field (extension, cervix, peritoneal_cytology) or T (the result's T category)
    std::string system;  ///< a system id, or *
    std::string value;
    bool direct_extension = false;
    std::string source;
};

/// data/naaccr/items.csv: every item of the NAACCR XML base dictionaries (versions 14 to 26), so
/// that a record's other items are told from misspelt keys.
struct ItemRow {
    std::string id;
    int number = 0;
    std::string name;
    std::string dictionaries;  ///< the dictionary versions that define it: "180-260"
    std::string source;
};

struct Tables {
    std::vector<BehaviorRow> behavior;
    std::vector<SiteRow> primary_site;
    std::vector<SizeRow> tumor_size;
    std::vector<GradeRow> grade;
    std::vector<NodesRow> regional_nodes;
    std::vector<MetsRow> mets_at_dx;
    std::vector<EditionRow> tnm_edition;
    std::vector<TnmRow> tnm_output;
    std::vector<SummaryStageRow> summary_stage_2018;
    std::vector<ExtensionRow> ss2018_direct_extension;
    std::vector<ItemRow> items;  ///< sorted by id
};

/// Every table, read on first use.
const Tables& tables();

/// The NAACCR data item with this XML id in any base dictionary from version 14 on, or nullptr.
const ItemRow* find_dictionary_item(std::string_view naaccr_id);
/// The same item named as a registry's export may head its column: its id in any letter case
/// (PrimarySite), or its item number ("400"); nullptr when none is.
const ItemRow* find_dictionary_item_loosely(std::string_view name);

/// A data/naaccr table as split into cells at build time (cmake/EmbedCsvTables.cmake): `width`
/// cells a row, the header first, each row with the line it is on in the file. The cells are one
/// text and each cell's end in it (offsets, which need no relocation when the program starts).
struct EmbeddedTable {
    std::string_view file;
    std::size_t width = 0;
    std::string_view text;
    std::span<const std::uint32_t> ends;  ///< where each cell ends in `text`, in row order
    std::span<const std::size_t> lines;

    [[nodiscard]] std::size_t size() const noexcept { return ends.size(); }
    /// Cell `i`, counting from the header's first, row by row.
    [[nodiscard]] std::string_view cell(std::size_t i) const noexcept {
        const std::uint32_t start = i == 0 ? 0 : ends[i - 1];
        return text.substr(start, ends[i] - start);
    }
};

/// The table of a data/naaccr file ("primary_site.csv"); an empty table when there is none.
EmbeddedTable embedded_table(std::string_view file_name) noexcept;

/// A topography code ("C492", "C49.2", "c492") as a number (492); -1 when it is not one.
int topography_number(std::string_view text) noexcept;
/// A whole number written with digits only ("065" -> 65); -1 when it is not one.
int code_number(std::string_view text) noexcept;

}  // namespace lmsstage::naaccr
