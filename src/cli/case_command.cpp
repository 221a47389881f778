// `lmsstage [CASE FIELD...]`: one case from the command line, staged and reported. The options are
// the field table's; every bad argument is one line on stderr naming what to type instead (64).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/fields.hpp"
#include "cli/help.hpp"
#include "cli/render_json.hpp"
#include "cli/render_text.hpp"
#include "cli/safe_text.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::cli {
namespace {

enum class ColorMode { automatic, always, never };

/// What the command line asked for.
struct CaseArgs {
    Case input;
    bool json = false;
    bool explain = false;
    bool brief = false;
    bool help = false;
    bool version = false;
    ColorMode color = ColorMode::automatic;
};

using Parsed = std::variant<CaseArgs, std::string>;  // the arguments, or a usage error

/// The field an option names: --size, --size=6, --no-nodes; `negated` says it was --no-.
const FieldSpec* field_of_option(std::string_view arg, bool& negated) {
    const std::string_view option = arg.substr(0, arg.find('='));
    for (const FieldSpec& spec : field_specs()) {
        if (spec.kind == ValueKind::id) {
            continue;  // JSON records only
        }
        negated = is_flag_form(spec) && option.size() > 5 && option.substr(0, 5) == "--no-" &&
                  option.substr(5) == spec.option.substr(2);
        if (spec.option == option || negated) {
            return &spec;
        }
    }
    return nullptr;
}

std::vector<std::string> known_options() {
    std::vector<std::string> names = {"--json", "--brief", "--explain", "--color", "--help", "--version"};
    for (const FieldSpec& spec : field_specs()) {
        if (spec.kind != ValueKind::id) {
            names.emplace_back(spec.option);
            if (is_flag_form(spec)) {
                names.push_back("--no-" + std::string(spec.option.substr(2)));
            }
        }
    }
    return names;
}

std::string unknown_option(std::string_view arg) {
    const std::string option(arg.substr(0, arg.find('=')));
    std::string message = "unknown option " + option;
    std::size_t best = 3;  // suggest only close matches
    std::string suggestion;
    for (const std::string& known : known_options()) {
        const std::size_t d = edit_distance(option, known);
        if (d < best) {
            best = d;
            suggestion = known;
        } else if (d == best && !suggestion.empty()) {
            suggestion += " or " + known;
        }
    }
    if (!suggestion.empty()) {
        message += " (did you mean " + suggestion + "?)";
    }
    return message + "; see lmsstage --help";
}

/// A word with no option before it, and what was probably meant.
std::string unexpected_word(std::string_view word, std::string_view previous) {
    std::string message = "unexpected argument \"" + std::string(word) + "\": every value needs its option";
    const bool unit = word == "cm" || word == "mm";
    if (unit && previous.find_first_not_of("0123456789.") == std::string_view::npos && !previous.empty()) {
        return message + " (a unit goes with its number: write " + std::string(previous) + std::string(word) +
               ", or quote \"" + std::string(previous) + " " + std::string(word) + "\")";
    }
    bool negated = false;
    const FieldSpec* flag = field_of_option(previous, negated);
    if (flag != nullptr && is_flag_form(*flag) && previous.find('=') == std::string_view::npos && !negated) {
        return message + " (a yes/no field takes its value after =: write " + std::string(flag->option) + "=" +
               std::string(word) + ")";
    }
    const bool numeric = !word.empty() && word.find_first_not_of("0123456789.") == std::string_view::npos;
    return message + (numeric ? " (e.g. --size " + std::string(word) + ")" : std::string()) + "; see lmsstage --help";
}

/// Reads one field option (and its value), setting the case; a usage error otherwise.
std::optional<std::string> field_option(const std::vector<std::string>& args, std::size_t& i, const FieldSpec& spec,
                                        bool negated, std::vector<std::pair<Field, bool>>& seen, Case& input) {
    const std::string& arg = args[i];
    const std::size_t equals = arg.find('=');
    const std::string negative = "--no-" + std::string(spec.option.substr(2));
    for (const auto& [field, was_negated] : seen) {
        if (field == spec.field) {
            return was_negated == negated
                       ? (negated ? negative : std::string(spec.option)) + " was given more than once"
                       : std::string(spec.option) + " and " + negative + " contradict each other";
        }
    }
    seen.emplace_back(spec.field, negated);
    std::optional<CaseError> problem;
    if (negated) {
        if (equals != std::string::npos) {
            return negative + " takes no value";
        }
        problem = set_from_bool(input, spec, false);
    } else if (equals != std::string::npos) {
        if (equals + 1 == arg.size()) {
            return std::string(spec.option) + " needs a value: " + accepted_values(spec);
        }
        problem = set_from_text(input, spec, std::string_view(arg).substr(equals + 1));
    } else if (is_flag_form(spec)) {
        problem = set_from_bool(input, spec, true);  // a bare --nodes means yes
    } else {
        bool ignored = false;
        const bool next_is_option = i + 1 < args.size() && (field_of_option(args[i + 1], ignored) != nullptr ||
                                                            args[i + 1].rfind("--", 0) == 0);
        if (i + 1 == args.size() || next_is_option) {
            return std::string(spec.option) + " needs a value: " + accepted_values(spec);
        }
        problem = set_from_text(input, spec, args[++i]);
    }
    if (problem) {
        return std::string(field_info(problem->field).option) + " " + problem->problem;
    }
    return std::nullopt;
}

/// The program's own options: --json, --color=WHEN, ...; false when `arg` is none of them.
std::optional<Parsed> own_option(std::string_view arg, CaseArgs& out) {
    if (arg == "-h" || arg == "--help") {
        out.help = true;
    } else if (arg == "--version") {
        out.version = true;
    } else if (arg == "--json") {
        out.json = true;
    } else if (arg == "--brief") {
        out.brief = true;
    } else if (arg == "--explain") {
        out.explain = true;
    } else if (arg == "--color" || arg == "--color=always") {
        out.color = ColorMode::always;
    } else if (arg == "--color=never") {
        out.color = ColorMode::never;
    } else if (arg == "--color=auto") {
        out.color = ColorMode::automatic;
    } else if (arg.rfind("--color=", 0) == 0) {
        return Parsed{"--color takes auto, always or never, got " + std::string(arg.substr(arg.find('=') + 1))};
    } else {
        return std::nullopt;
    }
    return Parsed{out};
}

Parsed parse_case_args(const std::vector<std::string>& args) {
    CaseArgs out;
    std::vector<std::pair<Field, bool>> seen;  // each field given, and whether as --no-
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--") {
            if (i + 1 < args.size()) {
                return "\"" + args[i + 1] +
                       "\" comes after --, which ends the options, and lmsstage takes no other "
                       "arguments: leave out the --";
            }
            break;
        }
        if (auto own = own_option(arg, out)) {
            if (auto* bad = std::get_if<std::string>(&*own)) {
                return *bad;
            }
            continue;
        }
        bool negated = false;
        if (const FieldSpec* spec = field_of_option(arg, negated)) {
            if (auto bad = field_option(args, i, *spec, negated, seen, out.input)) {
                return *bad;
            }
        } else if (arg.size() > 1 && arg[0] == '-') {
            return unknown_option(arg);
        } else {
            return unexpected_word(arg, i > 0 ? std::string_view(args[i - 1]) : std::string_view{});
        }
    }
    if (out.json && out.brief) {
        return std::string("--json and --brief cannot be given together: choose one output");
    }
    return out;
}

int write_text(const Streams& io, const std::string& text) { return write_output(io.out, io.err, text); }

int usage(const Streams& io, const std::string& message) {
    io.err << "lmsstage: " << printable(message) << '\n';
    return exit_code::usage;
}

bool colour_on(ColorMode mode, const Environment& env) {
    switch (mode) {
        case ColorMode::always: return true;
        case ColorMode::never: return false;
        case ColorMode::automatic: break;
    }
    return env.stdout_is_terminal && !env.no_color && !env.term_dumb;
}

}  // namespace

int run_case(const std::vector<std::string>& args, const Streams& io, const Environment& env) {
    if (args.empty()) {
        io.err << short_usage() << "Try lmsstage --help for the case fields, examples and exit codes.\n";
        return exit_code::usage;
    }
    const Parsed parsed = parse_case_args(args);
    if (const auto* bad = std::get_if<std::string>(&parsed)) {
        return usage(io, *bad);
    }
    const CaseArgs& a = std::get<CaseArgs>(parsed);
    if (a.help) {
        return write_text(io, main_help());
    }
    if (a.version) {
        return write_text(io, version_text());
    }
    const Outcome outcome = stage(a.input);
    if (const auto* bad = std::get_if<CaseError>(&outcome)) {
        return usage(io, std::string(field_info(bad->field).option) + " " + bad->problem);
    }
    const Result& result = std::get<Result>(outcome);
    std::string text;
    if (a.json) {
        append_result_json(text, result, {});
        text += '\n';
    } else {
        TextOptions options;
        options.colour = colour_on(a.color, env);
        options.explain = a.explain;
        options.brief = a.brief;
        options.width = env.columns;
        text = render_text(result, options);
    }
    return write_text(io, text);
}

}  // namespace lmsstage::cli
