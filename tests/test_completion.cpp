// The shell completion scripts (cli/completion.hpp): every option, value, command and rule set of
// the program is in each script, written from the tables. tests/shell/ runs the scripts in
// the shells themselves.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli/completion.hpp"
#include "cli/fields.hpp"
#include "lmsstage/rules.hpp"

using lmsstage::cli::completion_script;
using lmsstage::cli::completion_shells;
using lmsstage::cli::field_specs;
using lmsstage::cli::FieldSpec;
using lmsstage::cli::value_words;
using lmsstage::cli::ValueKind;

namespace {

/// The pieces one after the other (g++ 12 warns, wrongly, of overlap in "literal" + std::string).
std::string joined(std::initializer_list<std::string_view> pieces) {
    std::string out;
    for (const std::string_view piece : pieces) {
        out += piece;
    }
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

/// True when one line holds every one of `parts`.
bool a_line_has(const std::string& script, const std::vector<std::string>& parts) {
    for (const std::string& line : lines_of(script)) {
        bool all = true;
        for (const std::string& part : parts) {
            all = all && line.find(part) != std::string::npos;
        }
        if (all) {
            return true;
        }
    }
    return false;
}

/// How a script names an option: "--site" in bash and zsh, "-l site" in fish.
std::string option_as(std::string_view shell, std::string_view option) {
    if (shell != "fish") {
        return std::string(option);
    }
    std::string out = "-l ";
    out += option.substr(2);
    return out += ' ';
}

std::string words_joined(const FieldSpec& spec) {
    std::string out;
    for (const std::string_view word : value_words(spec)) {
        if (!out.empty()) {
            out += ' ';
        }
        out += word;
    }
    return out;
}

bool flag_form(const FieldSpec& spec) { return spec.kind == ValueKind::finding; }

}  // namespace

TEST_CASE("completion: the shells are bash, zsh and fish", "[completion]") {
    const auto shells = completion_shells();
    REQUIRE(std::vector<std::string_view>(shells.begin(), shells.end()) ==
            std::vector<std::string_view>{"bash", "zsh", "fish"});
}

TEST_CASE("completion: another shell is refused with the accepted ones named", "[completion]") {
    for (const std::string_view shell : {"", "tcsh", "Bash", "bash "}) {
        CAPTURE(shell);
        REQUIRE_THROWS_MATCHES(
            completion_script(shell), std::invalid_argument,
            Catch::Matchers::Message(joined({"no completion for shell \"", shell, "\"; accepted: bash, zsh, fish"})));
    }
}

TEST_CASE("completion: every command-line field's option is in every script, --id is not", "[completion]") {
    for (const std::string_view shell : completion_shells()) {
        const std::string script = completion_script(shell);
        for (const FieldSpec& spec : field_specs()) {
            CAPTURE(shell, spec.option);
            if (spec.kind == ValueKind::id) {
                CHECK_FALSE(a_line_has(script, {option_as(shell, spec.option)}));  // JSON only
                continue;
            }
            CHECK(a_line_has(script, {option_as(shell, spec.option)}));
            if (flag_form(spec)) {
                CHECK(a_line_has(script, {option_as(shell, joined({"--no-", spec.option.substr(2)}))}));
            }
        }
        for (const std::string_view option : {"--json", "--explain", "--brief", "--color", "--help", "--version"}) {
            CAPTURE(shell, option);
            CHECK(a_line_has(script, {option_as(shell, option)}));
        }
    }
}

TEST_CASE("completion: every value a field accepts is completed after its option", "[completion]") {
    for (const std::string_view shell : completion_shells()) {
        const std::string script = completion_script(shell);
        for (const FieldSpec& spec : field_specs()) {
            if (value_words(spec).empty()) {
                continue;
            }
            CAPTURE(shell, spec.option);
            // On the option's own line: bash's case arm, zsh's _arguments spec, fish's complete.
            CHECK(a_line_has(script, {option_as(shell, spec.option), words_joined(spec)}));
        }
        CAPTURE(shell);
        CHECK(a_line_has(script, {option_as(shell, "--color"), "auto always never"}));
    }
}

TEST_CASE("completion: --site offers each site word, in the table's order", "[completion]") {
    const std::string bash = completion_script("bash");
    REQUIRE(bash.find("--site) _lmsstage_reply 'soft-tissue extremity trunk retroperitoneum head-neck visceral "
                      "uterus gi head-neck-organ' \"$cur\" \"$prefix\"") != std::string::npos);
    const std::string zsh = completion_script("zsh");
    REQUIRE(zsh.find("--site=[") != std::string::npos);
    REQUIRE(
        zsh.find(":SITE:(soft-tissue extremity trunk retroperitoneum head-neck visceral uterus gi head-neck-organ)'") !=
        std::string::npos);
}

TEST_CASE("completion: rules completes every rule-set id, survival and notes", "[completion]") {
    for (const std::string_view shell : completion_shells()) {
        const std::string script = completion_script(shell);
        for (const lmsstage::RuleSet* rules : lmsstage::all_rule_sets()) {
            CAPTURE(shell, rules->system.id);
            CHECK(script.find(std::string(rules->system.id)) != std::string::npos);
        }
        CAPTURE(shell);
        CHECK(script.find("survival") != std::string::npos);
        CHECK(script.find("notes") != std::string::npos);
    }
}

TEST_CASE("completion: the commands are completed, and batch and check complete file names", "[completion]") {
    const std::string bash = completion_script("bash");
    CHECK(bash.find("_lmsstage_reply 'batch check rules help completion' \"$cur\"") != std::string::npos);
    CHECK(a_line_has(bash, {"batch|check)"}));
    CHECK(bash.find("_lmsstage_files \"$cur\"") != std::string::npos);
    const std::string zsh = completion_script("zsh");
    CHECK(zsh.find("'*:file:_files'") != std::string::npos);
    const std::string fish = completion_script("fish");
    CHECK(a_line_has(fish, {"'__lmsstage_in_command batch'", " -F"}));
    CHECK(a_line_has(fish, {"'__lmsstage_in_command check'", " -F"}));
    for (const std::string_view command : {"batch", "check", "rules", "help", "completion"}) {
        CAPTURE(command);
        CHECK(a_line_has(fish, {joined({"'__lmsstage_at_first' -a ", command, " -d "})}));
        CHECK(a_line_has(zsh, {joined({"'", command, ":"})}));
    }
}

TEST_CASE("completion: the bash script is plain bash, without the bash-completion package", "[completion]") {
    const std::string bash = completion_script("bash");
    for (const std::string_view helper :
         {"_init_completion", "_get_comp_words_by_ref", "_filedir", "__ltrim_colon_completions", "_comp_"}) {
        CAPTURE(helper);
        CHECK(bash.find(helper) == std::string::npos);
    }
    CHECK(bash.find("compgen -P \"${3-}\" -W \"$1\" -- \"$2\"") != std::string::npos);
    CHECK(std::string_view(bash).ends_with("\n\ncomplete -F _lmsstage lmsstage\n"));
}

TEST_CASE("completion: zsh's file starts with #compdef, and each script is the same every time", "[completion]") {
    CHECK(completion_script("zsh").rfind("#compdef lmsstage\n", 0) == 0);
    for (const std::string_view shell : completion_shells()) {
        CAPTURE(shell);
        CHECK(completion_script(shell) == completion_script(shell));
    }
}

TEST_CASE("completion: descriptions are cut to 56 characters", "[completion]") {
    // fish: -d '...' at the end of each complete line.
    for (const std::string& line : lines_of(completion_script("fish"))) {
        const std::size_t at = line.find(" -d '");
        if (at == std::string::npos) {
            continue;
        }
        std::string description = line.substr(at + 5, line.size() - at - 6);
        for (std::size_t pos = 0; (pos = description.find("\\'", pos)) != std::string::npos;) {
            description.erase(pos, 1);
        }
        CAPTURE(line);
        CHECK(description.size() <= 56);
        CHECK(line.back() == '\'');
    }
    CHECK(completion_script("fish").find("-d 'primary site: soft-tissue (default; AJCC 7 only)...'") !=
          std::string::npos);
}
