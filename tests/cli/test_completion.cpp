// The one completer (`lmsstage __complete WORD...`, cli/options.hpp) and the shell scripts that
// call it: every option of every command is offered, and shown in that command's help, with
// each option's values, the commands and rules' systems. tests/shell/ runs the scripts in the
// shells themselves.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli/options.hpp"
#include "doors/fields.hpp"
#include "lmsstage/rules.hpp"
#include "support/cli_test_support.hpp"

using namespace lmsstage::cli;  // the options model under test
using lmsstage_door_test::contains;
using lmsstage_door_test::lines_of;

namespace {

/// The words the completer offers for the command line `words` (the last being completed).
std::vector<std::string> offered(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const std::string& line : lines_of(lmsstage::cli::complete(words))) {
        out.push_back(line.substr(0, line.find('\t')));
    }
    return out;
}

bool has(const std::vector<std::string>& words, std::string_view word) {
    for (const std::string& w : words) {
        if (w == word) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> strings(std::initializer_list<std::string_view> words) { return {words.begin(), words.end()}; }

}  // namespace

TEST_CASE("completion: the shells are bash, zsh and fish", "[completion]") {
    const auto shells = completion_shells();
    REQUIRE(std::vector<std::string_view>(shells.begin(), shells.end()) ==
            std::vector<std::string_view>{"bash", "zsh", "fish"});
}

TEST_CASE("completion: another shell is refused with the accepted ones named", "[completion]") {
    for (const std::string_view shell : {"", "tcsh", "Bash", "bash "}) {
        CAPTURE(shell);
        REQUIRE_THROWS_MATCHES(completion_script(shell), std::invalid_argument,
                               Catch::Matchers::Message("no completion for shell \"" + std::string(shell) +
                                                        "\"; accepted: bash, zsh, fish"));
    }
}

TEST_CASE("completion: each script asks the program and registers itself for lmsstage", "[completion]") {
    for (const std::string_view shell : completion_shells()) {
        CAPTURE(shell);
        CHECK(contains(completion_script(shell), "lmsstage __complete "));
    }
    CHECK(std::string_view(completion_script("bash")).ends_with("\n\ncomplete -F _lmsstage lmsstage\n"));
    CHECK(completion_script("zsh").rfind("#compdef lmsstage\n", 0) == 0);
    CHECK(contains(completion_script("fish"), "complete -c lmsstage -f -a '(__lmsstage_complete)'"));
}

TEST_CASE("completion: the bash script is plain bash, without the bash-completion package", "[completion]") {
    const std::string bash = completion_script("bash");
    for (const std::string_view helper :
         {"_init_completion", "_get_comp_words_by_ref", "_filedir", "__ltrim_colon_completions", "_comp_"}) {
        CAPTURE(helper);
        CHECK_FALSE(contains(bash, helper));
    }
}

TEST_CASE("completion: every command-line field's option is offered, --id is not", "[completion]") {
    const std::vector<std::string> options = offered({"--"});
    for (const FieldSpec& spec : field_specs()) {
        CAPTURE(spec.option);
        if (spec.kind == ValueKind::id) {
            CHECK_FALSE(has(options, spec.option));  // JSON only
            continue;
        }
        CHECK(has(options, spec.option));
        if (spec.kind == ValueKind::finding) {
            CHECK(has(options, "--no-" + std::string(spec.option.substr(2))));
        }
    }
    for (const std::string_view option : {"--json", "--explain", "--brief", "--color", "--help", "--version"}) {
        CAPTURE(option);
        CHECK(has(options, option));
    }
}

TEST_CASE("completion: every option of every command is in its help and is completed", "[completion]") {
    // The options the issue found missing from the completions (batch --<TAB> gave only --help).
    CHECK(command_options("batch") ==
          strings({"--from", "--to", "--columns", "--naaccr", "--keep", "--delimiter", "--size-unit", "--blank",
                   "--summary", "--encoding", "--raw-cells", "--exit-zero", "--help"}));
    CHECK(command_options("check") == strings({"--junit", "--naaccr", "--help"}));
    CHECK(command_options("rules") == strings({"--json", "--help"}));
    std::vector<std::string> commands = {""};
    for (const auto& [name, summary] : command_summaries()) {
        commands.push_back(name);
    }
    for (const std::string& command : commands) {
        const std::string help = command.empty() ? main_help() : command_help(command);
        const std::vector<std::string> completed = command.empty() ? offered({"--"}) : offered({command, "--"});
        const std::vector<std::string> options = command_options(command);
        CHECK_FALSE(options.empty());
        // Each named once: the program's options are added without CLI11's check of a name against
        // those before it (ProgramApp in src/cli/options.cpp).
        CHECK(std::set<std::string>(options.begin(), options.end()).size() == options.size());
        for (const std::string& option : options) {
            CAPTURE(command, option);
            CHECK(contains(help, option));
            CHECK(has(completed, option));
        }
    }
}

TEST_CASE("completion: every value a field accepts is offered after its option, and after =", "[completion]") {
    for (const FieldSpec& spec : field_specs()) {
        if (value_words(spec).empty()) {
            continue;
        }
        CAPTURE(spec.option);
        const std::string option(spec.option);
        const std::vector<std::string> after_equals = offered({option + "="});
        const std::vector<std::string> after_space = offered({option, ""});
        for (const std::string_view word : value_words(spec)) {
            CAPTURE(word);
            CHECK(has(after_equals, option + "=" + std::string(word)));
            // A yes/no field takes its value after = only: "--nodes unknown" is refused with a hint.
            CHECK(has(after_space, word) == (spec.kind != ValueKind::finding));
        }
    }
    CHECK(offered({"--color="}) == strings({"--color=auto", "--color=always", "--color=never"}));
}

TEST_CASE("completion: --site offers each site word, in the table's order", "[completion]") {
    CHECK(offered({"--site", ""}) == strings({"soft-tissue", "extremity", "trunk", "retroperitoneum", "head-neck",
                                              "visceral", "uterus", "gi", "head-neck-organ", "mediastinum"}));
    CHECK(offered({"--site", "u"}) == strings({"uterus"}));
}

TEST_CASE("completion: rules completes every rule-set id, survival and notes", "[completion]") {
    const std::vector<std::string> systems = offered({"rules", ""});
    for (const lmsstage::RuleSet* rules : lmsstage::all_rule_sets()) {
        CAPTURE(rules->system.id);
        CHECK(has(systems, rules->system.id));
    }
    CHECK(has(systems, "survival"));
    CHECK(has(systems, "notes"));
}

TEST_CASE("completion: the commands are completed, and batch and check complete file names", "[completion]") {
    CHECK(offered({""}) == strings({"batch", "check", "rules", "help", "completion"}));
    CHECK(offered({"help", ""}) == strings({"batch", "check", "rules", "completion"}));
    CHECK(offered({"completion", ""}) == strings({"bash", "zsh", "fish"}));
    for (const std::string_view command : {"batch", "check"}) {
        CAPTURE(command);
        CHECK(lmsstage::cli::complete({std::string(command), ""}) == ":files\n");
        CHECK(lmsstage::cli::complete({std::string(command), "--", "-"}) == ":files\n");  // operands only
    }
    CHECK(lmsstage::cli::complete({"check", "--junit", ""}) == ":files\n");
    CHECK(offered({"batch", "--to", ""}) == strings({"json", "ndjson", "csv", "tsv", "naaccr-xml", "fhir"}));
    CHECK(offered({"batch", "--from", ""}) == strings({"json", "csv", "tsv", "naaccr-xml"}));
}

TEST_CASE("completion: an option given is not offered again, --x and --no-x being one", "[completion]") {
    CHECK(offered({"--nodes", "--no-n"}).empty());
    CHECK(offered({"--metastasis=unknown", "--no-m"}).empty());
    CHECK(offered({"--site", "uterus", "--si"}) == strings({"--size"}));
    CHECK(offered({"batch", "--naaccr", "--n"}).empty());
}

TEST_CASE("completion: descriptions are cut to 56 characters", "[completion]") {
    for (const std::vector<std::string>& words :
         {strings({"--"}), strings({""}), strings({"rules", ""}), strings({"batch", "--"})}) {
        for (const std::string& line : lines_of(lmsstage::cli::complete(words))) {
            CAPTURE(line);
            CHECK(line.size() - line.find('\t') - 1 <= 56);
        }
    }
    CHECK(contains(lmsstage::cli::complete({"--si"}), "--site\tprimary site: soft-tissue (default; AJCC 7 only)...\n"));
}
