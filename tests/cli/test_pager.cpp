// The pager: only on a terminal, only for a report longer than the terminal, never with --no-pager
// or an empty PAGER.
#include <catch2/catch.hpp>

#include <string>

#include "cli/app.hpp"
#include "cli/pager.hpp"

using lmsstage::cli::Environment;
using lmsstage::cli::pager_for;

namespace {

Environment terminal(std::size_t rows) {
    Environment env;
    env.stdout_is_terminal = rows > 0;
    env.rows = rows;
    env.pager = "less -FRX";
    return env;
}

std::string lines(std::size_t count) {
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
        text += "line\n";
    }
    return text;
}

}  // namespace

TEST_CASE("a report longer than the terminal goes through the pager", "[pager]") {
    CHECK(pager_for(lines(25), false, terminal(24)) == "less -FRX");
}

TEST_CASE("a report that fits the terminal is written as it is", "[pager]") {
    CHECK_FALSE(pager_for(lines(24), false, terminal(24)).has_value());
}

TEST_CASE("no pager into a pipe (no terminal rows)", "[pager]") {
    CHECK_FALSE(pager_for(lines(500), false, terminal(0)).has_value());
}

TEST_CASE("no pager with the no-pager option or an empty PAGER or cat", "[pager]") {
    CHECK_FALSE(pager_for(lines(500), true, terminal(24)).has_value());
    Environment env = terminal(24);
    env.pager.clear();
    CHECK_FALSE(pager_for(lines(500), false, env).has_value());
    env.pager = "cat";
    CHECK_FALSE(pager_for(lines(500), false, env).has_value());
}

TEST_CASE("PAGER names the pager", "[pager]") {
    Environment env = terminal(24);
    env.pager = "more";
    CHECK(pager_for(lines(25), false, env) == "more");
}
