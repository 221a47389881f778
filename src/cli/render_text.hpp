#pragma once
// The report a clinician reads at a terminal: stage and system first, then each category with its
// reason, the survival table with the case's row marked, assumptions, and the reminder.

#include <string>

#include "lmsstage/result.hpp"

namespace lmsstage::cli {

struct TextOptions {
    bool colour = false;   ///< ANSI colour (only on a terminal, never with NO_COLOR)
    bool explain = false;  ///< append the full rule trace
};

std::string render_text(const Result& result, const TextOptions& options);

}  // namespace lmsstage::cli
