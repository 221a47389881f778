#pragma once
// batch --summary: what a run gave, counted, so that it can be judged without opening its output.
// Each worker counts its batch apart and adds it in once (one lock a batch); the counts are written
// on stderr at the end, as text or as one JSON object.

#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

#include "lmsstage/result.hpp"

namespace lmsstage::cli {

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

    /// The counts as text: a heading for each kind, then "count  name" lines, the largest first.
    void write_text(std::ostream& out) const;
    /// The counts as one JSON object on one line.
    void write_json(std::ostream& out) const;

    /// A warning or assumption with its numbers (those that begin a word) taken out, so that those that differ only in
    /// their values count together ("size N has no unit and was taken as N cm, ...").
    static std::string pattern(std::string_view text);

private:
    using Counts = std::map<std::string, long long, std::less<>>;
    long long m_ok = 0;
    long long m_errors = 0;
    Counts m_stage;
    Counts m_summary_stage;
    Counts m_system;
    Counts m_error_field;
    Counts m_warning;
    Counts m_assumption;
};

/// The tally of a whole run, added to from the workers.
class RunTally {
public:
    void merge(const Tally& batch) {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_tally.merge(batch);
    }
    [[nodiscard]] const Tally& tally() const { return m_tally; }  ///< once the workers are done

private:
    std::mutex m_mutex;
    Tally m_tally;
};

}  // namespace lmsstage::cli
