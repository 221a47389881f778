#include "cli/completion.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <utility>
#include <vector>

#include "cli/fields.hpp"
#include "lmsstage/rules.hpp"

namespace lmsstage::cli {
namespace {

constexpr std::array<std::string_view, 3> k_shells = {"bash", "zsh", "fish"};

/// What follows an option on the command line.
enum class Takes : std::uint8_t {
    nothing,   ///< a flag: --json, --no-nodes
    value,     ///< a value in the next word or after '=': --site uterus, --site=uterus
    optional,  ///< a flag-form field: --nodes, --nodes=unknown (or --nodes unknown)
};

/// The program's own options; the case's options come from the field table. This table and the
/// commands below say what app.cpp parses; a parser built from one table would take them from it.
struct GlobalOption {
    std::string_view name;
    std::string_view values;  ///< the words of an option that takes a value, space-separated
    std::string_view summary;
};
constexpr GlobalOption k_global_options[] = {
    {"--json", "", "write the result as one line of JSON"},
    {"--explain", "", "add the rules applied, step by step"},
    {"--brief", "", "only the stage, TNM, summary stage and survival"},
    {"--color", "auto always never", "colour the report: auto, always or never"},
    {"--help", "", "show the options and exit"},
    {"--version", "", "show the version and rule sets and exit"},
};

/// What a command's operands are.
enum class Operand : std::uint8_t { files, rule_set, command, shell };

struct CommandFlag {
    std::string_view name;
    std::string_view summary;
};
constexpr CommandFlag k_help_flag = {"--help", "show this command's help and exit"};
constexpr CommandFlag k_help_flags[] = {k_help_flag};
constexpr CommandFlag k_rules_flags[] = {{"--json", "print the tables as JSON"}, k_help_flag};

struct Command {
    std::string_view name;
    std::string_view summary;
    Operand operand;
    std::span<const CommandFlag> flags;
};
constexpr Command k_commands[] = {
    {"batch", "stage JSON records from files or standard input", Operand::files, k_help_flags},
    {"check", "run regression cases against their expectations", Operand::files, k_help_flags},
    {"rules", "print the rule tables this program applies", Operand::rule_set, k_rules_flags},
    {"help", "show the help of lmsstage or of a command", Operand::command, {}},
    {"completion", "print the completion script for a shell", Operand::shell, {}},
};

/// The pieces one after the other (g++ 12 warns, wrongly, of overlap in "literal" + std::string).
std::string cat(std::initializer_list<std::string_view> pieces) {
    std::string out;
    for (const std::string_view piece : pieces) {
        out += piece;
    }
    return out;
}

/// One option as every shell's script describes it.
struct Option {
    std::string name;
    Takes takes = Takes::nothing;
    std::vector<std::string> values;  ///< the words completed for its value; empty = any value
    std::string value_name;           ///< what the value is (zsh shows it): SITE, yes|no|unknown
    std::string summary;
    std::string excludes;  ///< the option it cannot be given with: --no-nodes for --nodes
};

/// A word offered for an operand, with what it means (zsh and fish show it).
struct Word {
    std::string word;
    std::string summary;
};

/// Words go into the scripts unquoted (bash's compgen -W expands its list): anything beyond
/// letters, digits and ._+- is a programming error, caught by the tests of every script.
const std::string& checked(const std::string& word) {
    const auto plain = [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' ||
               ch == '_' || ch == '+' || ch == '-';
    };
    if (word.empty() || !std::all_of(word.begin(), word.end(), plain)) {
        throw std::logic_error(cat({"completion: \"", word, "\" needs quoting in a shell script"}));
    }
    return word;
}

/// At most 56 characters, cut at a space: an option's column and its description fit 80 columns.
std::string summary(std::string_view text) {
    constexpr std::size_t k_width = 56;
    if (text.size() <= k_width) {
        return std::string(text);
    }
    std::size_t cut = text.rfind(' ', k_width - 3);
    if (cut == std::string_view::npos) {
        cut = k_width - 3;
    }
    std::string out(text.substr(0, cut));
    while (!out.empty() && std::string_view(" ,;:(").find(out.back()) != std::string_view::npos) {
        out.pop_back();
    }
    return out + "...";
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    while (!text.empty()) {
        const std::size_t end = text.find(' ');
        if (end != 0) {
            words.emplace_back(text.substr(0, end));
        }
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return words;
}

/// "[yes|no|unknown]" -> "yes|no|unknown"; "SITE" as it is.
std::string value_name(std::string_view placeholder) {
    std::string out;
    for (const char ch : placeholder) {
        if (ch != '[' && ch != ']') {
            out += ch;
        }
    }
    return out;
}

/// The options of the case (from the field table), then the program's own.
std::vector<Option> case_options() {
    std::vector<Option> out;
    for (const FieldSpec& spec : field_specs()) {
        if (spec.kind == ValueKind::id) {
            continue;  // JSON only
        }
        Option option{std::string(spec.option),
                      is_flag_form(spec) ? Takes::optional : Takes::value,
                      {},
                      value_name(spec.placeholder),
                      summary(spec.help),
                      {}};
        for (const std::string_view word : value_words(spec)) {
            option.values.push_back(checked(std::string(word)));
        }
        if (!is_flag_form(spec)) {
            out.push_back(std::move(option));
            continue;
        }
        option.excludes = cat({"--no-", std::string_view(option.name).substr(2)});
        Option negation{option.excludes, Takes::nothing, {}, {}, cat({"same as ", option.name, "=no"}), option.name};
        out.push_back(std::move(option));
        out.push_back(std::move(negation));
    }
    for (const GlobalOption& global : k_global_options) {
        Option option{std::string(global.name),    global.values.empty() ? Takes::nothing : Takes::value,
                      split_words(global.values),  {},
                      std::string(global.summary), {}};
        for (const char ch : global.name.substr(2)) {
            option.value_name += static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
        }
        for (const std::string& word : option.values) {
            checked(word);
        }
        out.push_back(std::move(option));
    }
    return out;
}

/// The rule-set ids `lmsstage rules` accepts, each once, then its two other sections.
std::vector<Word> rule_set_words() {
    std::vector<Word> out;
    for (const RuleSet* rules : all_rule_sets()) {
        const std::string id(rules->system.id);
        bool seen = false;
        for (Word& word : out) {
            if (word.word == id) {
                // One id for several tables (GIST gastric and intestinal): the name they share.
                word.summary = word.summary.substr(0, word.summary.find(" ("));
                seen = true;
            }
        }
        if (!seen) {
            out.push_back(Word{checked(id), summary(rules->system.name)});
        }
    }
    out.push_back(Word{"survival", "the survival tables, with population and source"});
    out.push_back(Word{"notes", "every note a result can carry, with its source"});
    return out;
}

std::vector<Word> operand_words(Operand operand) {
    std::vector<Word> out;
    switch (operand) {
        case Operand::files: break;
        case Operand::rule_set: return rule_set_words();
        case Operand::command:
            for (const Command& command : k_commands) {
                if (command.operand != Operand::command) {
                    out.push_back(Word{std::string(command.name), std::string(command.summary)});
                }
            }
            break;
        case Operand::shell:
            for (const std::string_view shell : k_shells) {
                out.push_back(Word{std::string(shell), {}});
            }
            break;
    }
    return out;
}

template <typename Range, typename Name>
std::string joined(const Range& items, Name name) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) {
            out += ' ';
        }
        out += name(item);
    }
    return out;
}

std::string joined(const std::vector<std::string>& words) {
    return joined(words, [](const std::string& word) { return word; });
}
std::string joined(const std::vector<Word>& words) {
    return joined(words, [](const Word& word) { return word.word; });
}
std::string command_names() {
    return joined(k_commands, [](const Command& command) { return command.name; });
}

/// 'text' for bash and zsh: a quote ends the string, is written escaped, and the string resumes.
std::string sh_quoted(std::string_view text) {
    std::string out = "'";
    for (const char ch : text) {
        out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    }
    return out + "'";
}

/// 'text' for fish: backslash and quote escaped inside the quotes.
std::string fish_quoted(std::string_view text) {
    std::string out = "'";
    for (const char ch : text) {
        if (ch == '\\' || ch == '\'') {
            out += '\\';
        }
        out += ch;
    }
    return out + "'";
}

// ---- bash -----------------------------------------------------------------------------------

constexpr std::string_view k_bash_head =
    R"(# bash completion for lmsstage(1): its options and their values, its commands, and file
# names for batch and check. Generated from lmsstage's field table; do not edit.
# Plain bash (compgen, compopt): it needs nothing from the bash-completion package.

# _lmsstage_reply WORDS CUR [PREFIX]: the words of WORDS that begin with CUR, after PREFIX.
_lmsstage_reply() {
    mapfile -t COMPREPLY < <(compgen -P "${3-}" -W "$1" -- "$2")
}

# _lmsstage_files CUR: the names of files and directories that begin with CUR.
_lmsstage_files() {
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$1")
}

_lmsstage() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev='' option='' prefix='' inline=0 values='' i
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    # The option whose value is being completed: "--site VALUE", or "--site=VALUE", which bash
    # splits into "--site" "=" "VALUE" while COMP_WORDBREAKS holds '=' (the default).
    if [[ $cur == = && $prev == --* ]]; then
        option=$prev cur='' inline=1
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)) && [[ ${COMP_WORDS[COMP_CWORD - 2]} == --* ]]; then
        option=${COMP_WORDS[COMP_CWORD - 2]} inline=1
    elif [[ $cur == --*=* ]]; then
        option=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=} inline=1
    else
        option=$prev
    fi

    if ((COMP_CWORD > 1)); then
        local operands=0 # after "--" every word is an operand
        for ((i = 2; i < COMP_CWORD; i++)); do
            [[ ${COMP_WORDS[i]} == -- ]] && operands=1
        done
        case ${COMP_WORDS[1]} in
)";

constexpr std::string_view k_bash_options = R"(        esac
    fi

    case $option in
)";

constexpr std::string_view k_bash_tail = R"(    esac
    if ((inline)); then
        _lmsstage_reply "$values" "$cur" "$prefix"
        return 0
    fi
    if ((COMP_CWORD == 1)) && [[ $cur != -* ]]; then
        _lmsstage_reply '@COMMANDS@' "$cur"
        return 0
    fi
    # The options not given yet (--x and --no-x are one option), after the values of a
    # flag-form option just given ("--nodes unknown").
    local given=' ' word base options=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]%%=*}
        if [[ $word == --?* ]]; then
            base=${word#--}
            base=${base#no-}
            given+="--$base --no-$base "
        fi
    done
    for word in @OPTIONS@; do
        [[ $given == *" $word "* ]] || options+=("$word")
    done
    _lmsstage_reply "$values ${options[*]}" "$cur"
}

complete -F _lmsstage lmsstage
)";

std::string replaced(std::string text, std::string_view marker, std::string_view with) {
    const std::size_t at = text.find(marker);
    if (at != std::string::npos) {
        text.replace(at, marker.size(), with);
    }
    return text;
}

/// The body of a command's arm: its flags when the word begins with '-', else its operands.
std::string bash_command_arm(const Command& command) {
    const std::string_view indent = "                ";
    std::string operands;
    if (command.operand == Operand::files) {
        operands = "_lmsstage_files \"$cur\"";
    } else {
        operands = cat({"_lmsstage_reply ", sh_quoted(joined(operand_words(command.operand))), " \"$cur\""});
    }
    if (command.flags.empty()) {
        return cat({indent, operands, "\n", indent, "return 0 ;;\n"});
    }
    const std::string flags = joined(command.flags, [](const CommandFlag& flag) { return flag.name; });
    return cat({indent, "if [[ $cur == -* ]] && ((!operands)); then\n",           //
                indent, "    _lmsstage_reply ", sh_quoted(flags), " \"$cur\"\n",  //
                indent, "else\n",                                                 //
                indent, "    ", operands, "\n",                                   //
                indent, "fi\n",                                                   //
                indent, "return 0 ;;\n"});
}

/// The body of an option's arm: complete its value, or (flag form) keep its values for later.
std::string bash_option_arm(const Option& option) {
    const std::string words = sh_quoted(joined(option.values));
    switch (option.takes) {
        case Takes::nothing: return {};
        case Takes::optional: return cat({" values=", words, " ;;\n"});
        case Takes::value: break;
    }
    if (option.values.empty()) {
        return " COMPREPLY=() && return 0 ;; # any value\n";
    }
    return cat({" _lmsstage_reply ", words, " \"$cur\" \"$prefix\" && return 0 ;;\n"});
}

/// Case arms, one per distinct body, its patterns joined with '|', in the order first seen.
std::string case_arms(const std::vector<std::pair<std::string, std::string>>& patterns_and_bodies,
                      std::string_view indent, std::string_view after_pattern) {
    std::vector<std::pair<std::string, std::string>> arms;  // patterns, body
    for (const auto& [pattern, body] : patterns_and_bodies) {
        if (body.empty()) {
            continue;
        }
        auto arm = std::find_if(arms.begin(), arms.end(), [&body = body](const auto& a) { return a.second == body; });
        if (arm == arms.end()) {
            arms.emplace_back(pattern, body);
        } else {
            arm->first += cat({"|", pattern});
        }
    }
    std::string out;
    for (const auto& [patterns, body] : arms) {
        out += cat({indent, patterns, ")", after_pattern, body});
    }
    return out;
}

/// Words on continued lines of at most 100 columns, the first starting at `column`.
std::string wrapped(const std::vector<std::string>& words, std::size_t column, std::string_view indent) {
    std::string out;
    for (const std::string& word : words) {
        if (!out.empty() && column + 1 + word.size() + 2 > 100) {
            out += cat({" \\\n", indent});
            column = indent.size();
        } else if (!out.empty()) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
    }
    return out;
}

std::string bash_script() {
    const std::vector<Option> options = case_options();
    std::vector<std::pair<std::string, std::string>> commands;
    for (const Command& command : k_commands) {
        commands.emplace_back(command.name, bash_command_arm(command));
    }
    std::vector<std::pair<std::string, std::string>> option_arms;
    std::vector<std::string> names;
    for (const Option& option : options) {
        option_arms.emplace_back(option.name, bash_option_arm(option));
        names.push_back(option.name);
    }
    std::string out(k_bash_head);
    out += case_arms(commands, "            ", "\n");
    out += k_bash_options;
    out += case_arms(option_arms, "        ", "");
    const std::string tail = replaced(std::string(k_bash_tail), "@COMMANDS@", command_names());
    return out + replaced(tail, "@OPTIONS@", wrapped(names, std::string_view("    for word in ").size(), "        "));
}

// ---- zsh ------------------------------------------------------------------------------------

/// An _arguments description in brackets: a bracket or backslash in it is escaped.
std::string zsh_description(std::string_view text) {
    std::string out;
    for (const char ch : text) {
        if (ch == '[' || ch == ']' || ch == '\\' || ch == ':') {
            out += '\\';
        }
        out += ch;
    }
    return out;
}

/// "word:description" for _describe, the colon in a word or description escaped.
std::string zsh_described(const Word& word) {
    std::string out = word.word + ":";
    for (const char ch : word.summary) {
        if (ch == ':') {
            out += '\\';
        }
        out += ch;
    }
    return out;
}

/// An _arguments action offering words with their descriptions, ((a\:"about a" b\:"about b")), or
/// without them when a word has none.
std::string zsh_word_action(const std::vector<Word>& words) {
    if (std::any_of(words.begin(), words.end(), [](const Word& word) { return word.summary.empty(); })) {
        return cat({"(", joined(words), ")"});  // (bash zsh fish)
    }
    std::string out = "((";
    for (const Word& word : words) {
        std::string described;
        for (const char ch : word.summary) {
            if (ch == '"' || ch == '\\' || ch == ':' || ch == '`' || ch == '$') {
                described += '\\';
            }
            described += ch;
        }
        out += cat({out.size() > 2 ? " " : "", word.word, "\\:\"", described, "\""});
    }
    return out + "))";
}

std::string zsh_option_spec(const Option& option) {
    std::string spec;
    if (option.name == "--help" || option.name == "--version") {
        spec = "(- *)";  // nothing else after these
    } else if (!option.excludes.empty()) {
        spec = cat({"(", option.excludes, ")"});
    }
    spec += option.name;
    std::string message;
    for (const char ch : option.value_name) {
        message += ch == ':' ? std::string("\\:") : std::string(1, ch);
    }
    const std::string action = option.values.empty() ? " " : cat({"(", joined(option.values), ")"});
    switch (option.takes) {
        case Takes::nothing: return spec + "[" + zsh_description(option.summary) + "]";
        case Takes::value: return spec + "=[" + zsh_description(option.summary) + "]:" + message + ":" + action;
        case Takes::optional: return spec + "=[" + zsh_description(option.summary) + "]::" + message + ":" + action;
    }
    return spec;
}

std::string zsh_command_arm(const Command& command) {
    const std::string_view indent = "                ";
    std::string out = cat({"            (", command.name, ")\n"});
    out += cat({indent, "shift words\n", indent, "((CURRENT--))\n"});
    out += std::string(indent) + "_arguments -S";
    for (const CommandFlag& flag : command.flags) {
        const std::string exclusive = flag.name == "--help" ? "(- *)" : "";
        out += cat({" ", sh_quoted(cat({exclusive, flag.name, "[", zsh_description(flag.summary), "]"}))});
    }
    if (command.operand == Operand::files) {
        out += " '*:file:_files'";
    } else {
        const std::string what = command.operand == Operand::rule_set ? "system"
                                 : command.operand == Operand::shell  ? "shell"
                                                                      : "command";
        out += cat({" ", sh_quoted(cat({"1:", what, ":", zsh_word_action(operand_words(command.operand))}))});
    }
    return out + cat({"\n", indent, "return ;;\n"});
}

std::string zsh_script() {
    std::string out =
        "#compdef lmsstage\n"
        "# zsh completion for lmsstage(1): its options and their values, its commands, and file\n"
        "# names for batch and check. Generated from lmsstage's field table; do not edit.\n\n"
        "_lmsstage() {\n"
        "    local -a commands\n"
        "    commands=(\n";
    for (const Command& command : k_commands) {
        out += cat({"        ", sh_quoted(zsh_described(Word{std::string(command.name), std::string(command.summary)})),
                    "\n"});
    }
    out +=
        "    )\n"
        "    if ((CURRENT == 2)) && [[ $PREFIX != -* ]]; then\n"
        "        _describe -t commands 'lmsstage command' commands\n"
        "        return\n"
        "    fi\n"
        "    if ((CURRENT > 2)); then\n"
        "        case $words[2] in\n";
    for (const Command& command : k_commands) {
        out += zsh_command_arm(command);
    }
    out +=
        "        esac\n"
        "    fi\n"
        "    _arguments -S";
    for (const Option& option : case_options()) {
        out += cat({" \\\n        ", sh_quoted(zsh_option_spec(option))});
    }
    out +=
        "\n}\n\n"
        "# Autoloaded from $fpath the file is the function's body; sourced, it registers the function.\n"
        "if [[ $funcstack[1] == _lmsstage ]]; then\n"
        "    _lmsstage \"$@\"\n"
        "else\n"
        "    compdef _lmsstage lmsstage\n"
        "fi\n";
    return out;
}

// ---- fish -----------------------------------------------------------------------------------

constexpr std::string_view k_fish_head =
    R"fish(# fish completion for lmsstage(1): its options and their values, its commands, and file
# names for batch and check. Generated from lmsstage's field table; do not edit.

function __lmsstage_at_first --description 'lmsstage: completing the first argument'
    test (count (commandline -opc)) -eq 1
end

function __lmsstage_in_command --description 'lmsstage: the first argument is one of $argv'
    set -l tokens (commandline -opc)
    test (count $tokens) -ge 2; and contains -- $tokens[2] $argv
end

# __lmsstage_can_give NAME [value]: no command, and neither --NAME nor --no-NAME given yet
function __lmsstage_can_give --description 'lmsstage: a case option not given yet'
    set -l tokens (commandline -opc)
    test (count $tokens) -ge 2; and contains -- $tokens[2] @COMMANDS@; and return 1
    set -l last (count $tokens)
    for i in (seq 2 $last)
        # "--site" as the last word, of an option that takes a value: its value is being completed
        test "$argv[2]" = value; and test $i -eq $last; and test "$tokens[$i]" = "--$argv[1]"; and continue
        string match -qr -- "^--(no-)?$argv[1](=|\$)" $tokens[$i]; and return 1
    end
    return 0
end

complete -c lmsstage -f
)fish";

std::string fish_line(std::string_view condition, const std::string& rest, std::string_view description) {
    std::string out = cat({"complete -c lmsstage -n ", fish_quoted(condition), " ", rest});
    if (!description.empty()) {
        out += cat({" -d ", fish_quoted(description)});
    }
    return out + "\n";
}

std::string fish_option(const Option& option) {
    // --no-nodes is "nodes" given: either spelling excludes both.
    const std::string_view base =
        std::string_view(option.excludes.empty() || option.takes != Takes::nothing ? option.name : option.excludes)
            .substr(2);
    const std::string condition = cat({"__lmsstage_can_give ", base, option.takes == Takes::value ? " value" : ""});
    std::string rest = cat({"-l ", std::string_view(option.name).substr(2)});
    switch (option.takes) {
        case Takes::nothing: break;
        case Takes::value:
            rest += " -x";
            if (!option.values.empty()) {
                rest += cat({" -a ", fish_quoted(joined(option.values))});
            }
            break;
        case Takes::optional:
            // The value is offered after "--nodes=", and as the next word ("--nodes unknown").
            rest += cat({" -a ", fish_quoted(joined(option.values))});
            break;
    }
    return fish_line(condition, rest, option.summary);
}

std::string fish_script() {
    std::string out = replaced(std::string(k_fish_head), "@COMMANDS@", command_names());
    out += "\n# Commands, as the first argument\n";
    for (const Command& command : k_commands) {
        out += fish_line("__lmsstage_at_first", cat({"-a ", command.name}), command.summary);
    }
    for (const Command& command : k_commands) {
        const std::string in_command = cat({"__lmsstage_in_command ", command.name});
        out += cat({"\n# lmsstage ", command.name, "\n"});
        for (const CommandFlag& flag : command.flags) {
            out += fish_line(in_command, cat({"-l ", flag.name.substr(2)}), flag.summary);
        }
        if (command.operand == Operand::files) {
            out += fish_line(in_command, "-F", {});
        }
        for (const Word& word : operand_words(command.operand)) {
            out += fish_line(in_command, cat({"-a ", word.word}), word.summary);
        }
    }
    out += "\n# A case's options (no command), each once\n";
    for (const Option& option : case_options()) {
        out += fish_option(option);
    }
    return out;
}

}  // namespace

std::span<const std::string_view> completion_shells() noexcept { return k_shells; }

std::string completion_script(std::string_view shell) {
    if (shell == "bash") {
        return bash_script();
    }
    if (shell == "zsh") {
        return zsh_script();
    }
    if (shell == "fish") {
        return fish_script();
    }
    std::string accepted;
    for (const std::string_view name : k_shells) {
        accepted += cat({accepted.empty() ? "" : ", ", name});
    }
    throw std::invalid_argument(cat({"no completion for shell \"", shell, "\"; accepted: ", accepted}));
}

}  // namespace lmsstage::cli
