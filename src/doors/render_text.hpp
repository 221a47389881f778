#pragma once
// The report a clinician reads at a terminal: stage and system first, then the TNM categories, the
// summary stage and the matched survival figure, so that the answer fits the first lines; then each
// category with its reason, the survival table with the case's row marked and its provenance,
// assumptions, warnings, notes, and the reminder. Every line fits the width given.

#include <cstddef>
#include <string>

#include "lmsstage/result.hpp"

namespace lmsstage::doors {

struct TextOptions {
    bool colour = false;     ///< ANSI colour (only on a terminal, never with NO_COLOR or TERM=dumb)
    bool explain = false;    ///< append the full rule trace
    bool brief = false;      ///< only the stage, TNM, summary stage and matched survival figure
    std::size_t width = 80;  ///< wrap every line to this many columns (at least 40)
};

std::string render_text(const Result& result, const TextOptions& options);

}  // namespace lmsstage::doors
