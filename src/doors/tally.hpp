#pragma once
// batch --summary: what a run gave, counted, so that it can be judged without opening its output,
// and the counts written as text or as one JSON object (the program puts them on stderr).

#include <array>
#include <map>
#include <string>
#include <string_view>

#include "lmsstage/result.hpp"

namespace lmsstage::doors {

/// The counts of some records: by stage, summary stage, system, error field, warning and assumption.
class Tally {
public:
    /// A staged record.
    void add(const Result& result);
    /// A record that is an error, by the field at fault (empty: not one field's).
    void add_error(std::string_view field);
    /// Adds another tally's counts to these.
    void merge(const Tally& other);
    void clear();

    /// The counts as text: a heading for each kind, then "count  name" lines, the largest first;
    /// each name printable() (its control characters escaped), since names can come from the input.
    [[nodiscard]] std::string text() const;
    /// The counts as one JSON object on one line, and a line break.
    [[nodiscard]] std::string json() const;

    /// What a warning or assumption is counted as: the template it fills (valued_warning_templates(),
    /// and the lines a CSV row spans) with its values written N, so that those that differ only in
    /// the case's values count together ("size N has no unit and was taken as N cm, ..."); any
    /// other text, fixed words only, as it is ("FIGO 2009 staging does not use grade").
    static std::string pattern(std::string_view text);

private:
    using Counts = std::map<std::string, long long, std::less<>>;
    /// Each kind of count: its heading in the text, its member in the JSON, the counts.
    struct Kind {
        std::string_view text;
        std::string_view json;
        const Counts* counts;
    };
    [[nodiscard]] std::array<Kind, 6> kinds() const;

    long long m_ok = 0;
    long long m_errors = 0;
    Counts m_stage;
    Counts m_summary_stage;
    Counts m_system;
    Counts m_error_field;
    Counts m_warning;
    Counts m_assumption;
};

}  // namespace lmsstage::doors
