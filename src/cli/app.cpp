#include "cli/app.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <sstream>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>
#include <string_view>
#include <system_error>
#include <utility>

#include "cli/commands.hpp"
#include "cli/fields.hpp"
#include "cli/interrupt.hpp"
#include "cli/safe_text.hpp"
#include "cli/render_json.hpp"
#include "cli/render_text.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::cli {
namespace {

constexpr std::string_view k_examples = R"(Examples:
  lmsstage --size 6 --grade 3
      AJCC 7 soft tissue sarcoma: T2 N0 M0 G3, stage III, survival row "localized"
  lmsstage --site retroperitoneum --size 4.5 --grade 1 --nodes
      nodal metastasis: stage III whatever the size and grade
  lmsstage --size "55 mm" --grade 2 --depth superficial
      sizes take cm or mm; exactly 5 cm is T1, 5.01 cm is T2
  lmsstage --size unknown --grade 3 --json
      size unknown: stage null, possible stages IIA and III
  lmsstage --site uterus --size 7 --adnexa --json
      FIGO 2009 IIA (T2a N0 M0), summary stage regional, uterine leiomyosarcoma table
  lmsstage --site uterus --histology adenosarcoma --myometrial-invasion 50
      FIGO IB: invasion of exactly half is IB
  lmsstage --site uterus --size 3 --bladder-rectum --nodes --explain
      FIGO IVA (bladder/rectum outranks positive nodes), with the rule trace
  lmsstage --site gi --histology gist --gi-site stomach --size 7 --mitotic-rate 8
      AJCC 7 GIST, gastric table: T3, high mitotic rate, stage IIIA, GIST survival table
  lmsstage --edition 8 --site retroperitoneum --size 12 --grade 2 --nodes
      AJCC 8 retroperitoneum: N1 is IIIB (at --site extremity it would be IV)
  lmsstage --edition 8 --site head-neck --size 3 --grade 2
      AJCC 8 head and neck: T2, no stage grouping in the 8th edition
)";

constexpr std::string_view k_pipelines = R"(Pipelines:
  lmsstage batch [FILE...]    stage JSON records (NDJSON, or a JSON text: an array,
                              pretty-printed objects) from files or stdin; NDJSON out,
                              exactly one line per record, in order
  lmsstage check FILE...      run regression cases ({...case, "expect": {...}}; - for
                              stdin); ends with "N passed, N failed"; --junit FILE
  lmsstage rules [SYSTEM]     print the rule tables this binary applies (--json for JSON)
  lmsstage COMMAND --help     more on each
)";

constexpr std::string_view k_exit_codes = R"(Exit codes:
  0   case staged (batch: every record staged; check: every case passed)
  1   check: at least one expectation not met
  64  usage error: unknown option, bad or conflicting value
  65  batch/check: a record invalid (the others are still written), or an input
      cut short by a syntax error; check: an input without cases
  66  an input cannot be read (missing, a directory, no permission, read error)
  70  internal error (a bug)      71  out of memory
  74  output cannot be written    130/143  stopped by SIGINT/SIGTERM
)";

constexpr std::string_view k_batch_help = R"(Usage: lmsstage batch [FILE...]

Stages every record of each FILE (or of stdin when no FILE is given, or for "-") and
writes NDJSON to stdout: exactly one line per input record, in input order.

How records are framed (no guessing):
  - An input whose first non-blank character is "[", or whose first non-blank line
    is a lone "{" (as jq, Python and JavaScript pretty-print), is a JSON text: its
    values are read one after another by a JSON parser. The elements of a top-level
    array are records (several arrays, or jq . output, are fine); so is every other
    top-level value. A fault inside a record makes that record an error. A fault
    between records (a missing or extra comma or bracket, a line break inside a
    string, an array never closed) stops reading that input: an error line says
    where (line, column) and that the rest of the input was not read.
  - Any other input is NDJSON: every non-blank line is exactly one record and gets
    exactly one output line; lines are never joined or split.
Keys are the case fields of lmsstage --help with _ for - (e.g. "abdominal_sites"),
plus "id" (a string or number, echoed back). Blank lines are skipped (line numbers
still count them); CRLF line ends and a UTF-8 byte-order mark are accepted; UTF-16
and UTF-32 input is refused (convert it with iconv).

A bad record gives an error object in its place, with "ok": false, "line" (where
the record starts, 1-based), "index" (0-based, for an element of a JSON array),
"error": {"field", "message"} and the "id" when the record was read past its id.
Unknown keys, keys given twice, wrong types, invalid JSON or UTF-8 and records over
1 MiB are all errors; nothing is guessed or dropped.

A summary goes to stderr: "staged N records: K ok, E errors" (N = lines written).
Every input is checked before any output: a regular file, FIFO or character
device that can be read. Files are opened one at a time.
Exit: 0 all staged; 65 some records invalid, or an input cut short; 66 an input
cannot be read (the reason is given); 71 out of memory; 74 output cannot be
written; 130/143 stopped by SIGINT/SIGTERM (the last line written is whole).
If the reader of stdout goes away (| head), lmsstage stops quietly with 0.

Example:
  printf '{"id":1,"size":6,"grade":3}\n{"id":2,"size":-3,"grade":1}\n' | lmsstage batch
)";

constexpr std::string_view k_check_help = R"(Usage: lmsstage check [--junit FILE] FILE...

Each record is a case plus "expect": {...} and optionally "source" (where the
expected values come from). Records are framed as by lmsstage batch. FILE "-"
reads stdin. Expectation keys: stage, possible_stages (compared as a set),
summary_stage, categories (any of T, N, M, G, mitotic_rate), system (the system
id), survival.matched, survival.table, assumptions, warnings; or "error": FIELD
alone, for a case that must be rejected for that field. Objects compare as
subsets, everything else exactly.

Prints one line per unmet expectation (file:line: id: field: expected ..., got ...)
and ends with "N passed, N failed". Control characters from the input are shown
escaped (\n, \x1b), so every line is one line.
  --junit FILE   also write a JUnit XML report (one testcase per case, failures
                 with expected and got) for GitLab, Jenkins and GitHub reporters

check cannot pass on nothing: an input without cases, a case without "expect" or
with an empty one, and an unknown expectation key are errors.
Exit: 0 all passed; 1 some expectations not met; 64 no FILE or a bad option; 65 a
record cannot be used, or an input holds no cases; 66 a FILE cannot be read (a
directory, missing: checked before any output); 74 output or the report cannot
be written; 130/143 stopped by SIGINT/SIGTERM.

Example:
  lmsstage check data/cases/*.ndjson
)";

constexpr std::string_view k_rules_help = R"(Usage: lmsstage rules [SYSTEM] [--json]

Prints the T definitions, stage groups and notes of every staging system, and the
survival tables, as Markdown (or JSON with --json), rendered from the data the
staging code uses. SYSTEM limits the output to one system id (ajcc7-sts,
figo2009-uterine, figo2009-adenosarcoma, ajcc7-gist, ajcc8-gist,
ajcc8-sts-trunk-extremity, ajcc8-sts-retroperitoneum, ajcc8-sts-head-neck,
ajcc8-sts-visceral), to "survival" (the survival tables
with their population, sources and cohort) or to "notes" (every note a result can
carry, with its source).
)";

std::string option_for(Field field) { return std::string(spec_of(field).option); }

const FieldSpec* spec_by_option(std::string_view arg) {
    const std::string_view option = arg.substr(0, arg.find('='));
    for (const FieldSpec& spec : field_specs()) {
        if (spec.option == option || "--no-" + std::string(spec.option.substr(2)) == option) {
            return &spec;
        }
    }
    return nullptr;
}

std::string negated_option(const FieldSpec& spec) { return "--no-" + std::string(spec.option.substr(2)); }


std::string help_text() {
    std::string out;
    out += "lmsstage ";
    out += version();
    out += ": staging of leiomyosarcoma with the matching five-year survival table.\n";
    out += "Rule sets: ";
    out += rule_set_editions();
    out += ".\n\n";
    out += "Usage: lmsstage [CASE FIELDS...] [--json] [--explain]\n";
    out += "       lmsstage batch|check|rules ...\n\n";
    out += "Case fields (each also a JSON key, with _ for -):\n";
    for (const FieldSpec& spec : field_specs()) {
        if (spec.kind == ValueKind::id) {
            continue;
        }
        std::string left = "  " + std::string(spec.option);
        if (is_flag_form(spec)) {
            left += "[=" + std::string(spec.placeholder.substr(1, spec.placeholder.size() - 2)) + "], " +
                    negated_option(spec);
        } else {
            left += ' ';
            left += spec.placeholder;
        }
        out += left;
        out += '\n';
        // Wrap the help at about 76 columns, indented.
        std::string_view help = spec.help;
        while (!help.empty()) {
            std::size_t take = help.size();
            if (take > 70) {
                take = help.rfind(' ', 70);
                if (take == std::string_view::npos) {
                    take = 70;
                }
            }
            out += "        ";
            out += help.substr(0, take);
            out += '\n';
            help.remove_prefix(std::min(help.size(), take + 1));
        }
    }
    out += R"(
Output:
  --json          one JSON object on stdout (keys: ok, system, categories, stage,
                  possible_stages, summary_stage, survival, assumptions, warnings,
                  notes, trace, version)
  --explain       add the rule trace: which rule applied, because of what
  -h, --help      this help
  --version       version and rule-set editions

Omitted nodes or metastasis are taken as absent (N0/M0) and the report says so.
An explicit unknown (--size unknown, --grade X, --nodes=unknown) gives every
stage consistent with it; the stage is shown only when that set has one member.
Colour is used only on a terminal, and never when NO_COLOR is set.

)";
    out += k_examples;
    out += '\n';
    out += k_pipelines;
    out += '\n';
    out += k_exit_codes;
    return out;
}


std::vector<std::string> known_options() {
    std::vector<std::string> names = {"--json", "--explain", "--help", "--version"};
    for (const FieldSpec& spec : field_specs()) {
        if (spec.kind == ValueKind::id) {
            continue;
        }
        names.emplace_back(spec.option);
        if (is_flag_form(spec)) {
            names.push_back(negated_option(spec));
        }
    }
    return names;
}

std::string unexpected_argument_message(const std::string& arg) {
    if (arg.size() > 1 && arg[0] == '-') {
        const std::string option = arg.substr(0, arg.find('='));
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
    const bool numeric = !arg.empty() && arg.find_first_not_of("0123456789.") == std::string::npos;
    return "unexpected argument \"" + arg + "\": every value needs its option" +
           (numeric ? " (e.g. --size " + arg + ")" : std::string()) + "; see lmsstage --help";
}

/// One line on stderr, exit 64. The message may repeat what was typed: control characters are
/// shown escaped, so that it stays one line and sends no terminal escape sequence.
int usage_error(std::ostream& err, const std::string& message) {
    err << "lmsstage: " << printable(message) << '\n';
    return exit_code::usage;
}

int write_output(std::ostream& out, std::ostream& err, const std::string& text) {
    out << text;
    out.flush();
    if (!out) {
        err << "lmsstage: cannot write the output\n";
        return exit_code::io;
    }
    return exit_code::ok;
}

/// Options and operands of a subcommand: -h/--help, the boolean options named, the options with a
/// value named (--junit FILE or --junit=FILE), and operands.
struct SubcommandArgs {
    bool help = false;
    std::vector<std::string> flags;
    std::vector<std::pair<std::string, std::string>> values;
    std::vector<std::string> operands;
};

std::string unknown_subcommand_option(std::string_view command, const std::string& arg) {
    std::string message = std::string(command) + ": unknown option " + arg;
    if (spec_by_option(arg) != nullptr) {
        message += " (case fields go in the records, not on the command line)";
    }
    return message + "; see lmsstage " + std::string(command) + " --help";
}

std::optional<std::string> parse_subcommand(const std::vector<std::string>& args, std::string_view command,
                                            const std::vector<std::string_view>& known_flags,
                                            const std::vector<std::string_view>& value_options, SubcommandArgs& out) {
    bool options_done = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const std::string name = arg.substr(0, arg.find('='));
        if (!options_done && arg == "--") {
            options_done = true;
        } else if (!options_done && (arg == "-h" || arg == "--help")) {
            out.help = true;
        } else if (!options_done && std::find(value_options.begin(), value_options.end(), name) != value_options.end()) {
            if (name == arg && i + 1 == args.size()) {
                return std::string(command) + ": " + name + " needs a value (a file name)";
            }
            out.values.emplace_back(name, name == arg ? args[++i] : arg.substr(name.size() + 1));
            if (out.values.back().second.empty()) {
                return std::string(command) + ": " + name + " needs a value (a file name)";
            }
        } else if (!options_done && arg.size() > 1 && arg[0] == '-') {
            if (std::find(known_flags.begin(), known_flags.end(), arg) == known_flags.end()) {
                return unknown_subcommand_option(command, arg);
            }
            out.flags.push_back(arg);
        } else {
            out.operands.push_back(arg);
        }
    }
    return std::nullopt;
}

int run_check_command(const SubcommandArgs& parsed, const Streams& io) {
    if (parsed.help) {
        return write_output(io.out, io.err, std::string(k_check_help));
    }
    if (parsed.operands.empty()) {
        return usage_error(io.err, "check needs at least one FILE (use - for standard input); see lmsstage check --help");
    }
    if (parsed.values.size() > 1) {
        return usage_error(io.err, "check: --junit was given more than once");
    }
    return run_check(CheckOptions{parsed.operands, parsed.values.empty() ? "" : parsed.values.front().second}, io);
}

int run_subcommand(const std::vector<std::string>& args, const Streams& io) {
    const std::string& command = args.front();
    SubcommandArgs parsed;
    const std::vector<std::string_view> flags =
        command == "rules" ? std::vector<std::string_view>{"--json"} : std::vector<std::string_view>{};
    const std::vector<std::string_view> value_options =
        command == "check" ? std::vector<std::string_view>{"--junit"} : std::vector<std::string_view>{};
    if (auto problem = parse_subcommand(args, command, flags, value_options, parsed)) {
        return usage_error(io.err, *problem);
    }
    std::ostream& out = io.out;
    std::ostream& err = io.err;
    if (command == "batch") {
        return parsed.help ? write_output(out, err, std::string(k_batch_help)) : run_batch(parsed.operands, io);
    }
    if (command == "check") {
        return run_check_command(parsed, io);
    }
    if (parsed.help) {
        return write_output(out, err, std::string(k_rules_help));
    }
    if (parsed.operands.size() > 1) {
        return usage_error(err, "rules takes at most one SYSTEM, got " + std::to_string(parsed.operands.size()));
    }
    return run_rules(parsed.operands.empty() ? std::string() : parsed.operands.front(), !parsed.flags.empty(), out,
                     err);
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env) {
    std::istringstream nothing;
    return run(args, nothing, out, err, env);
}

namespace {

int run_case(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env);

}  // namespace

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
        const Environment& env) {
    try {
        if (!args.empty() && (args.front() == "batch" || args.front() == "check" || args.front() == "rules")) {
            return run_subcommand(args, Streams{in, out, err, env.stdin_fd});
        }
        return run_case(args, out, err, env);
    } catch (const std::bad_alloc&) {
        err << "lmsstage: out of memory\n";
        return exit_code::os_error;
    } catch (const std::system_error& e) {
        const bool resources = e.code() == std::errc::resource_unavailable_try_again ||
                               e.code() == std::errc::not_enough_memory;
        err << "lmsstage: " << (resources ? "" : "internal error: ") << printable(e.what()) << '\n';
        return resources ? exit_code::os_error : exit_code::internal;
    }
}

namespace {

int run_case(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env) {
    CLI::App app{"lmsstage"};
    app.set_help_flag();  // help is ours: built from the field table
    app.allow_extras();

    bool want_help = false;
    bool want_version = false;
    bool want_json = false;
    bool want_explain = false;
    app.add_flag("-h,--help", want_help);
    app.add_flag("--version", want_version);
    app.add_flag("--json", want_json);
    app.add_flag("--explain", want_explain);

    struct Slot {
        const FieldSpec* spec;
        std::vector<std::string> values;
        CLI::Option* option = nullptr;
        std::int64_t negated = 0;
    };
    std::vector<Slot> slots;
    slots.reserve(field_specs().size());
    for (const FieldSpec& spec : field_specs()) {
        if (spec.kind == ValueKind::id) {
            continue;  // JSON only
        }
        slots.push_back(Slot{&spec, {}, nullptr, 0});
    }
    for (Slot& slot : slots) {
        const std::string option(slot.spec->option);
        // allow_extra_args(false): a vector option would otherwise swallow the words after its value.
        slot.option = app.add_option(option, slot.values)
                          ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
                          ->allow_extra_args(false);
        if (is_flag_form(*slot.spec)) {
            slot.option->expected(0, 1);
            app.add_flag(negated_option(*slot.spec), slot.negated);
        } else {
            slot.option->expected(1);
        }
    }

    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        // CLI11's own exit codes are not ours: every parse failure is a usage error.
        std::string message = e.what();
        const std::string option = message.substr(0, message.find(':'));
        if (option.rfind("--", 0) == 0 && message.find("required") != std::string::npos) {
            message = option + " needs a value";
            for (const Slot& slot : slots) {
                if (slot.spec->option == option) {
                    message += ": " + accepted_values(*slot.spec);
                }
            }
        }
        return usage_error(err, message);
    }

    if (want_help) {
        return write_output(out, err, help_text());
    }
    if (want_version) {
        return write_output(out, err,
                            "lmsstage " + std::string(version()) + "\nrule sets: " +
                                std::string(rule_set_editions()) + "\n");
    }
    // CLI11 takes the next word as a value even when it is an option: "--grade --size 6".
    for (const Slot& slot : slots) {
        if (slot.option->count() == 1 && !slot.values.empty() && spec_by_option(slot.values.front()) != nullptr) {
            return usage_error(err, std::string(slot.spec->option) + " needs a value: " + accepted_values(*slot.spec));
        }
    }
    if (!app.remaining().empty()) {
        return usage_error(err, unexpected_argument_message(app.remaining().front()));
    }

    Case input;
    for (const Slot& slot : slots) {
        const std::size_t given = slot.option->count();
        const std::string option(slot.spec->option);
        if (given > 0 && slot.negated > 0) {
            return usage_error(err, option + " and " + negated_option(*slot.spec) + " contradict each other");
        }
        if (given > 1) {
            return usage_error(err, option + " was given more than once");
        }
        if (slot.negated > 1) {
            return usage_error(err, negated_option(*slot.spec) + " was given more than once");
        }
        std::optional<CaseError> problem;
        if (slot.negated > 0) {
            problem = set_from_bool(input, *slot.spec, false);
        } else if (given == 1) {
            // A bare flag (--nodes) means yes; CLI11 reports it as no value or one empty value.
            const bool bare = slot.values.empty() || (is_flag_form(*slot.spec) && slot.values.front().empty());
            const std::string text = bare ? std::string("yes") : slot.values.front();
            problem = set_from_text(input, *slot.spec, text);
        }
        if (problem) {
            return usage_error(err, option_for(problem->field) + " " + problem->problem);
        }
    }

    const Outcome outcome = stage(input);
    if (const auto* bad = std::get_if<CaseError>(&outcome)) {
        return usage_error(err, option_for(bad->field) + " " + bad->problem);
    }
    const Result& result = std::get<Result>(outcome);
    std::string text;
    if (want_json) {
        append_result_json(text, result, {});
        text += '\n';
    } else {
        text = render_text(result, TextOptions{env.stdout_is_terminal && !env.no_color, want_explain});
    }
    return write_output(out, err, text);
}

}  // namespace

int main_entry(int argc, char** argv) {
    try {
        std::vector<std::string> args;
        for (int i = 1; i < argc; ++i) {
            args.emplace_back(argv[i]);
        }
        Environment env;
        env.stdout_is_terminal = ::isatty(STDOUT_FILENO) == 1;
        const char* no_color = std::getenv("NO_COLOR");
        env.no_color = no_color != nullptr && *no_color != '\0';
        env.stdin_fd = STDIN_FILENO;
        std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is seen as EPIPE and handled: stop quietly
        install_stop_handlers();
        std::ios::sync_with_stdio(false);
        return run(args, std::cin, std::cout, std::cerr, env);
    } catch (const std::exception& e) {
        std::cerr << "lmsstage: internal error: " << e.what() << '\n';
    } catch (...) {
        std::cerr << "lmsstage: internal error\n";
    }
    return exit_code::internal;
}

}  // namespace lmsstage::cli
