#pragma once
// The report a clinician reads at a terminal. Its first screen (24 rows of 80 columns) says it all:
// stage and system, the TNM categories, the summary stage, the survival figure (or the rows an
// undetermined stage leaves open), the stage by the current edition, the histology staged (and
// whether it was the default), each category with its reason, every warning and the assumptions.
// A GIST's risk of progression in detail, the survival table with its source and population, the
// notes, the rule trace and the reminder follow. Every line fits the width given.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lmsstage/case.hpp"
#include "lmsstage/result.hpp"

namespace lmsstage::doors {

struct TextOptions {
    bool colour = false;     ///< ANSI colour (only on a terminal, never with NO_COLOR or TERM=dumb)
    bool explain = false;    ///< append the full rule trace
    bool brief = false;      ///< only the stage, TNM, summary stage, survival figure and warnings
    std::size_t width = 80;  ///< wrap every line to this many columns (at least 40)
    /// The case staged, when the caller has it: the report then names the survival rows an
    /// undetermined stage leaves open and the stage by the current edition (both from the core), and
    /// says when the histology staged was the default (the case gave none).
    const Case* input = nullptr;
};

std::string render_text(const Result& result, const TextOptions& options);

/// `text` wrapped at spaces to `width` columns (UTF-8 characters, each one column): its first line
/// after `lead`, the others after `hang` spaces. A word that does not fit after a lead of words goes
/// whole to the next line; a hang that would leave less room than the longest word, or less than
/// half the width, gives way to the lead's indentation and 4; a lead as wide as the line is wrapped
/// with the text. Only a word wider than a line is broken: after a | / or - that fits, or else after
/// the characters that fit (never inside one). Every line ends in '\n', without trailing spaces.
/// The report and the help both wrap so.
std::string wrap(std::string_view lead, std::string_view text, std::size_t hang, std::size_t width = 80);

/// The report's headline without the system: "Stage III", "FIGO stage undetermined: IB or IIIC",
/// "No stage group: T category T2", or why the case is not staged.
std::string report_headline(const Result& result);

/// The survival rows the report names instead of marking one: those the case's unknowns leave open
/// when its stage is undetermined and a table fits; empty otherwise (one row, or none, is marked).
std::vector<SummaryStage> open_rows(const Result& result, const Case& input);

/// The report's current-edition line ("AJCC 8th edition (2017, current): IIIA for trunk/extremity;
/// choose the site to be sure"), or "" when the case is not staged by the AJCC 7th edition.
std::string current_edition_line(const Case& input);

}  // namespace lmsstage::doors
