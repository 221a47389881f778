#pragma once
// The rows of data/histology.csv, compiled in by cmake/EmbedHistology.cmake.

#include <span>

#include "lmsstage/histology.hpp"

namespace lmsstage::detail {

/// Every row of data/histology.csv, in the file's order (code order).
std::span<const HistologyRow> histology_rows() noexcept;

}  // namespace lmsstage::detail
