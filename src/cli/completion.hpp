#pragma once
// Shell completion scripts for bash, zsh and fish, written from the field table (fields.hpp), the
// rule sets and the command list, so that a new field, value or system completes without an edit
// to any script.

#include <span>
#include <string>
#include <string_view>

namespace lmsstage::cli {

/// The shells `completion_script` writes for, in the order usage text names them.
std::span<const std::string_view> completion_shells() noexcept;

/// The completion script for `shell` ("bash", "zsh" or "fish"), to be sourced or installed in that
/// shell's completion directory. Any other name throws std::invalid_argument whose message names
/// the accepted shells: a caller that takes the name from the user reports it as a usage error.
std::string completion_script(std::string_view shell);

}  // namespace lmsstage::cli
