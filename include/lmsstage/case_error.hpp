#pragma once
/// Why a case cannot be staged: what every reader of a field and the staging itself return for
/// bad input, in place of an exception.

#include <string>

#include "lmsstage/vocabulary.hpp"

namespace lmsstage {

/// Why a case cannot be staged: the field at fault and what is wrong with it, in words that
/// follow the field's name ("size" + " must be a positive length, got -3").
struct CaseError {
    Field field;
    std::string problem;

    /// "size must be a positive length, got -3"
    [[nodiscard]] std::string message() const;
};

}  // namespace lmsstage
