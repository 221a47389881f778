#include "cli/options.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <utility>

#include "doors/columns.hpp"
#include "doors/fields.hpp"
#include "doors/render_rules.hpp"
#include "doors/render_text.hpp"
#include "doors/safe_text.hpp"
#include "lmsstage/rules.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;

// Generated from data/help/ and data/completion/ by cmake/EmbedText.cmake: the help's longer
// texts and the shells' completion shims, by their path under data/ ("help/batch.txt").
std::string_view embedded_data_text(std::string_view path) noexcept;

namespace {

std::string_view data_text(std::string_view path) {
    const std::string_view text = embedded_data_text(path);
    if (text.empty()) {
        throw std::logic_error("data/" + std::string(path) + ": not embedded");
    }
    return text;
}

// ---- The command table ----------------------------------------------------------------------

/// What follows an option on the command line.
enum class Takes : std::uint8_t {
    nothing,       ///< a flag: --json, --no-nodes
    value,         ///< a value, in the next word or after '=': --to csv, --to=csv
    after_equals,  ///< a flag that may take a value after '=': --color, --color=never
};

/// One option of the program or of a command. The case's own options are the field table's.
struct OptionRow {
    std::string_view names;  ///< as CLI11 takes them: "--from", "-h,--help"
    std::string_view value;  ///< what its value is (FORMAT), shown in help; empty for a flag
    Takes takes;
    std::string_view words;  ///< the values completed, space-separated; ":files" for file names
    std::string_view help;
};

/// What a command's operands are, for the completer.
enum class Operand : std::uint8_t { files, rule_set, command, shell };

struct CommandRow {
    std::string_view name;
    std::string_view operands;  ///< as the usage line shows them: "[FILE...]"
    Operand operand;
    std::string_view summary;  ///< one line, for the completer's description
    std::string_view about;    ///< the Commands list of lmsstage --help
    std::string_view intro;    ///< the help's first paragraph, wrapped (@SYSTEMS@, @COMMANDS@ filled in)
    std::string_view more;     ///< the help after its options: a file of data/ (help/batch.txt), or empty
    std::span<const OptionRow> options;
};

constexpr OptionRow k_help = {"-h,--help", "", Takes::nothing, "", "this help"};

/// The program's own options (the group "Output" of lmsstage --help).
constexpr OptionRow k_case_options[] = {
    {"--json", "", Takes::nothing, "",
     "one JSON object on stdout (keys: ok, system, categories, stage, possible_stages, summary_stage, "
     "survival, assumptions, warnings, notes, trace, version)"},
    {"--brief", "", Takes::nothing, "", "only the stage, TNM, summary stage and survival figure"},
    {"--explain", "", Takes::nothing, "", "add the rule trace: which rule applied, because of what"},
    {"--no-pager", "", Takes::nothing, "",
     "never page the report (by default a report longer than the terminal goes through PAGER)"},
    {"--color", "WHEN", Takes::after_equals, "auto always never",
     "auto (the default: on a terminal, unless NO_COLOR is set or TERM is dumb), always or never"},
    {"-h,--help", "", Takes::nothing, "", "this help (lmsstage help COMMAND: the help of a command)"},
    {"--version", "", Takes::nothing, "", "version and rule-set editions"},
};

constexpr OptionRow k_batch_options[] = {
    {"--from", "FORMAT", Takes::value, "json csv tsv naaccr-xml",
     "json, csv, tsv or naaccr-xml (default: by file name, .csv, .tsv or .xml, else by content: NAACCR XML "
     "when it starts with '<', else JSON)"},
    {"--to", "FORMAT", Takes::value, "json ndjson csv tsv naaccr-xml fhir",
     "json (the default), ndjson, csv, tsv (default with --columns: ndjson), naaccr-xml (the NAACCR XML input "
     "written back with the derived items) or fhir (one FHIR R4 mCODE Bundle a line)"},
    {"--columns", "LIST", Takes::value, "", "the columns to write, comma-separated (below)"},
    {"--naaccr", "", Takes::nothing, "", "records keyed by NAACCR items; NAACCR-coded output (below)"},
    {"--keep", "LIST", Takes::value, "",
     "input columns to pass through to the output (comma-separated, any letter case; CSV/TSV and NAACCR XML "
     "input): the output begins with id, then these, then the --columns"},
    {"--delimiter", "CHAR", Takes::value, ", ; tab",
     "the delimiter of CSV/TSV input: , ; or tab (default: the one of these the header row holds most "
     "often outside quotes; none: , for CSV, tab for TSV)"},
    {"--size-unit", "UNIT", Takes::value, "cm mm",
     "the unit of a size given as a bare number, for the whole run: cm (the default) or mm; a size with "
     "its unit (65 mm) keeps it; NAACCR items are millimetres already. A bare size over 40 cm, or under 1 mm, "
     "is warned as likely in the other unit"},
    {"--blank", "MEANS", Takes::value, "not-given unknown",
     "what an empty CSV/TSV cell means: not-given (the default: the case's own rule, an error or an "
     "assumption such as N0) or unknown (as if \"unknown\" were written, where the field takes it: every "
     "stage its possible values allow; a blank site, histology or depth stays not given)"},
    {"--summary", "FORMAT", Takes::after_equals, "text json",
     "at the end, counts by stage, summary stage, system, error field, warning and assumption on "
     "stderr: text (the default) or json (one JSON object)"},
    {"--encoding", "NAME", Takes::value, "utf-8 windows-1252 latin-1",
     "the inputs' encoding: utf-8 (the default), windows-1252 (what Excel saves as CSV on Windows) or "
     "latin-1, decoded to UTF-8 as read (NAACCR XML: in place of the encoding the file declares)"},
    {"--raw-cells", "", Takes::nothing, "",
     "CSV/TSV cells written as they came, for pipelines: no quote before a formula trigger, control "
     "characters kept (below)"},
    {"--exit-zero", "", Takes::nothing, "",
     "invalid records do not set the exit status (0 when every record got its output line): for Spark, "
     "xargs and other cluster jobs. An input cut short (a fault between JSON records, a refused CSV "
     "header, a quote never closed) is still 65; I/O errors still fail."},
    k_help,
};

constexpr OptionRow k_check_options[] = {
    {"--junit", "FILE", Takes::value, ":files",
     "also write a JUnit XML report (one testcase per case, failures with expected and got) for GitLab, "
     "Jenkins and GitHub reporters; - for standard output; never a case file (exit 64)"},
    {"--naaccr", "", Takes::nothing, "",
     "the cases are keyed by NAACCR items, as for lmsstage batch --naaccr (data/cases/naaccr/ holds "
     "such cases)"},
    k_help,
};

constexpr OptionRow k_rules_options[] = {
    {"--json", "", Takes::nothing, "", "print the tables as JSON"},
    k_help,
};

constexpr OptionRow k_help_only[] = {k_help};

constexpr CommandRow k_commands[] = {
    {"batch", "[FILE...]", Operand::files, "stage records from files or standard input",
     "stage JSON, CSV or TSV records (NDJSON, or a JSON text: an array, pretty-printed objects) from files "
     "or stdin; exactly one output record per input record, in order",
     "Stages every record of each FILE (or of stdin when no FILE is given, or for \"-\") and writes one "
     "output record per input record to stdout, in input order.",
     "help/batch.txt", k_batch_options},
    {"check", "FILE...", Operand::files, "run regression cases against their expectations",
     "run regression cases ({...case, \"expect\": {...}}; - for stdin); ends with \"N passed, N failed\"",
     "Each record is a case plus \"expect\": {...} and optionally \"source\" (where the expected values come "
     "from). Records are framed as by lmsstage batch (JSON only). FILE \"-\" reads stdin. Expectation keys: "
     "stage, possible_stages (compared as a set), summary_stage, categories (any of T, N, M, G, "
     "mitotic_rate), system (the system id), survival.matched, survival.table, assumptions, warnings, notes, "
     "naaccr (the NAACCR output items, e.g. {\"summaryStage2018\": \"1\"}); or \"error\": FIELD alone, for a "
     "case that must be rejected for that field (or NAACCR item). Objects compare as subsets, everything "
     "else exactly.",
     "help/check.txt", k_check_options},
    {"rules", "[SYSTEM]", Operand::rule_set, "print the rule tables this program applies",
     "the rule tables, survival tables and note sources this binary applies, as Markdown (--json for JSON)",
     "Prints the T definitions, stage groups, notes and fields of every staging system, the survival tables "
     "with their population, sources and cohort, every note a result can carry with its source, the GIST "
     "risk of progression tables and the histology table, as Markdown (or JSON with --json), rendered from "
     "the data the staging code uses. SYSTEM limits the output to one system id (@SYSTEMS@) or to one of "
     "@TOPICS@.",
     "", k_rules_options},
    {"help", "[COMMAND]", Operand::command, "show the help of lmsstage or of a command",
     "this help, or the help of a command", "The help of lmsstage, or of one of its commands: @COMMANDS@.", "",
     k_help_only},
    {"completion", "SHELL", Operand::shell, "print the completion script for a shell",
     "the completion script for bash, zsh or fish",
     "Prints the shell completion script for the shell named (bash, zsh or fish): a few lines that ask "
     "lmsstage itself (lmsstage __complete WORD...) for the options, each option's values (lmsstage --site "
     "<TAB>), the commands and their options, rules' system ids and file names for batch and check, all "
     "from the tables that make this help.",
     "help/completion.txt", k_help_only},
};

bool is_command(std::string_view word) {
    return std::any_of(std::begin(k_commands), std::end(k_commands),
                       [word](const auto& row) { return row.name == word; });
}

constexpr std::string_view k_usage = R"(Usage: lmsstage [CASE FIELD...] [--json | --brief] [--explain] [--color=WHEN]
       lmsstage COMMAND [ARG...]      (batch, check, rules, help, completion)
)";

constexpr std::string_view k_fields_note =
    "Every field is also a JSON key, with _ for - (\"abdominal_sites\"). A field a system does not use draws "
    "a warning. An explicit unknown gives every stage consistent with it; a required field may be left out "
    "when no value of it could change the stage.";

constexpr std::array<std::string_view, 3> k_shells = {"bash", "zsh", "fish"};

// ---- The App built from the tables ----------------------------------------------------------

/// What the model knows of an option beyond CLI11: the field it sets, how it shows in help, and
/// what the completer offers for its value.
struct Meta {
    const FieldSpec* field = nullptr;
    bool negation = false;  ///< --no-NAME of a yes/no field
    Takes takes = Takes::nothing;
    std::string label;  ///< as help shows it: "--size LENGTH", "--color=WHEN"
    std::string help;
    std::vector<std::string> words;  ///< the values offered
    bool files = false;              ///< its value is a file name
};

/// The program's App without CLI11's help flag (nor its commands): -h, --help are the model's
/// options. add_unchecked runs `add` on it without CLI11's check of a new option's names against
/// every option before it (quadratic: most of the whole model's making): the tables name each once.
struct ProgramApp : CLI::App {
    ProgramApp() : CLI::App("", "lmsstage", nullptr) {}
    CLI::Option* add_unchecked(const std::function<CLI::Option*(CLI::App&)>& add) {
        std::vector<CLI::Option_p> before = std::exchange(options_, {});
        CLI::Option* option = add(static_cast<CLI::App&>(*this));
        before.push_back(std::move(options_.back()));
        options_ = std::move(before);
        return option;
    }
};

struct Model {
    ProgramApp app;
    std::map<const CLI::Option*, Meta> meta;
    std::map<const CLI::App*, const CommandRow*> rows;
    std::set<const CLI::Option*> operands;  ///< the positional option of each command

    [[nodiscard]] const Meta* meta_of(const CLI::Option* option) const {
        const auto found = meta.find(option);
        return found == meta.end() ? nullptr : &found->second;
    }
};

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

/// The columns of batch --to csv/tsv/ndjson, for its help: the result schema's, then how to write them.
std::string columns_paragraph() {
    return doors::column_list() +
           ", and the NAACCR output items (below). survival.percent is the matched row's. A . may be written _; "
           "system, T, N, M, G and mitotic_rate are short for system.id and categories.*; \"default\" is the default "
           "set: " +
           doors::joined(doors::default_column_names()) +
           "; with --naaccr, then the NAACCR output items. A column of an object the result has none of (survival "
           "without a survival table, gist_risk for a case that is not a GIST) is empty, or null in NDJSON. The "
           "trace and the texts (assumptions, warnings, notes) are built only when a column needs them.";
}

std::string replaced(std::string text, std::string_view marker, std::string_view with) {
    if (const std::size_t at = text.find(marker); at != std::string::npos) {
        text.replace(at, marker.size(), with);
    }
    return text;
}

/// Adds one option, its values kept as given (the core reads them): CLI11 splits the words, the
/// model reads them in order.
CLI::Option* add(Model& model, CLI::App& app, const std::string& names, Meta meta, const std::string& group) {
    // 0 or 1 value (a missing one is the model's to report); a flag keeps a value as text (--nodes=unknown).
    const auto make = [&names, &meta](CLI::App& to) {
        return meta.takes == Takes::value ? to.add_option(names, CLI::callback_t(), meta.help)->expected(0, 1)
                                          : to.add_flag(names, std::as_const(meta.help));
    };
    CLI::Option* option = &app == &model.app ? model.app.add_unchecked(make) : make(app);
    option->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->group(group);
    model.meta.emplace(option, std::move(meta));
    return option;
}

Meta row_meta(const OptionRow& row) {
    Meta meta;
    meta.takes = row.takes;
    meta.help = row.help;
    meta.label = replaced(std::string(row.names), ",", ", ");
    if (!row.value.empty()) {
        meta.label += row.takes == Takes::after_equals ? "=" : " ";
        meta.label += row.value;
    }
    meta.files = row.words == ":files";
    meta.words = meta.files ? std::vector<std::string>() : split_words(row.words);
    return meta;
}

/// "\"survival\" (the survival tables...), ...": the words `rules` takes besides a system id.
std::string rules_topic_list() {
    std::string out;
    for (const RulesTopic& topic : rules_topics()) {
        out += out.empty() ? "" : ", ";
        out += "\"" + std::string(topic.word) + "\" (" + std::string(topic.summary) + ")";
    }
    return out;
}

std::string rule_set_ids() {
    std::string ids;
    for (const RuleSet* rules : all_rule_sets()) {
        if (ids.find(rules->system.id) == std::string::npos) {
            ids += (ids.empty() ? "" : ", ") + std::string(rules->system.id);
        }
    }
    return ids;
}

std::string command_names() { return joined(k_commands, ", ", &CommandRow::name); }

// ---- Help -----------------------------------------------------------------------------------

/// An option as a help line: the label, and its help in a column at 18 (or below it, indented 6,
/// for the case's fields, whose labels are long).
std::string option_lines(const Meta& meta) {
    if (meta.field != nullptr) {
        const std::string_view left_out = meta.field->left_out;
        const std::string help = left_out.empty() ? meta.help : meta.help + "; left out: " + std::string(left_out);
        return "  " + meta.label + "\n" + wrap("      ", help, 6);
    }
    std::string lead = "  " + meta.label;
    if (lead.size() + 2 > 18) {
        lead += "\n" + std::string(18, ' ');
    } else {
        lead.resize(18, ' ');
    }
    return wrap(lead, meta.help, 18);
}

/// The help of the program and of each command, from the App: groups in the order their options
/// were added, within 80 columns.
class HelpFormatter : public CLI::Formatter {
public:
    explicit HelpFormatter(const Model& model) : m_model(model) {}

    std::string make_help(const CLI::App* app, std::string /*name*/, CLI::AppFormatMode /*mode*/) const override {
        return app->get_parent() == nullptr ? program_help(*app) : command_help(*app);
    }

private:
    [[nodiscard]] std::string groups(const CLI::App& app) const {
        std::vector<std::string> order;
        std::map<std::string, std::string> text;
        bool fields = false;
        for (const CLI::Option* option : app.get_options()) {
            const Meta* meta = m_model.meta_of(option);
            if (meta == nullptr || option->get_group().empty()) {
                continue;  // positional operands, --no-NAME (shown with NAME)
            }
            const std::string& group = option->get_group();
            if (text.find(group) == text.end()) {
                std::string head = "\n";
                if (fields && meta->field == nullptr) {
                    head += wrap({}, k_fields_note, 0) + '\n';  // after the last field group
                }
                head += group + ":\n";
                order.push_back(group);
                text[group] = head;
            }
            fields = meta->field != nullptr;
            text[group] += option_lines(*meta);
        }
        std::string out;
        for (const std::string& group : order) {
            out += text[group];
        }
        return out;
    }

    [[nodiscard]] std::string program_help(const CLI::App& app) const {
        std::string out = wrap("lmsstage " + std::string(version()) + ": ", app.get_description(), 0);
        out += '\n';
        out += k_usage;
        out += groups(app);
        out += "  --              ends the options\n\nCommands:\n";
        for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
            const CommandRow* row = m_model.rows.at(command);
            std::string lead = "  " + command->get_name() + " " + std::string(row->operands);
            lead.resize(std::max<std::size_t>(lead.size() + 2, 22), ' ');
            out += wrap(lead, row->about, 22);
        }
        out += app.get_footer() + "\n";
        out += clinical_judgment_reminder();
        out += '\n';
        return out;
    }

    [[nodiscard]] std::string command_help(const CLI::App& command) const {
        const CommandRow* row = m_model.rows.at(&command);
        std::string out = "Usage: lmsstage " + command.get_name();
        out += row->options.size() > 1 ? " [OPTIONS] " : " ";
        out += row->operands;
        out += "\n\n";
        out += wrap({}, command.get_description(), 0);
        out += groups(command);
        if (!row->more.empty()) {
            out += '\n';
            out += replaced(std::string(data_text(row->more)), "@COLUMNS@\n", wrap("      ", columns_paragraph(), 6));
        }
        return out;
    }

    const Model& m_model;
};

/// The whole model; or, given the arguments, only the options they name and the command they begin
/// with, if any (CLI11's options are costly to make: a case is read in a fraction of the time).
std::unique_ptr<Model> build_model(const std::vector<std::string>* args = nullptr) {
    auto model = std::make_unique<Model>();
    CLI::App& app = model->app;
    app.description(
        "staging of leiomyosarcoma and the sarcomas staged with it, with the matching five-year "
        "survival table. Rule sets: " +
        std::string(rule_set_editions()) + ".");
    app.footer(std::string(data_text("help/footer.txt")));
    app.allow_extras();  // unknown options and stray words: the model names them, with a hint
    app.require_subcommand(0, 1);
    app.formatter(std::make_shared<HelpFormatter>(*model));
    const auto wanted = [args](std::string_view names) {                  // given a case's words, the options they name
        const std::string_view name = names.substr(names.find(',') + 1);  // --x (or --no-x); -h of -h,--help
        return args == nullptr || std::any_of(args->begin(), args->end(), [names, name](std::string_view word) {
                   word = word.substr(0, word.find('='));
                   return word == name || (word.starts_with("--no-") && word.substr(5) == name.substr(2)) ||
                          (names[1] != '-' && word.size() > 1 && word[0] == '-' && word[1] != '-' &&
                           word.find(names[1]) != std::string_view::npos);
               });
    };
    for (const FieldSpec& spec : field_specs()) {
        if (spec.kind == ValueKind::id) {
            continue;  // JSON records only
        }
        if (!wanted(spec.option)) {
            continue;
        }
        Meta meta;
        meta.field = &spec;
        meta.help = spec.help;
        meta.takes = is_flag_form(spec) ? Takes::after_equals : Takes::value;
        meta.label = std::string(spec.option) + (is_flag_form(spec) ? "" : " ") + std::string(spec.placeholder);
        for (const std::string_view word : value_words(spec)) {
            meta.words.emplace_back(word);
        }
        const std::string negation = "--no-" + std::string(spec.option.substr(2));
        if (is_flag_form(spec)) {
            meta.label += ", " + negation;
        }
        add(*model, app, std::string(spec.option), std::move(meta), std::string(spec.topic));
        if (is_flag_form(spec)) {
            Meta negative;
            negative.field = &spec;
            negative.negation = true;
            negative.help = "same as " + std::string(spec.option) + "=no";
            add(*model, app, negation, negative, {});  // shown with its field
        }
    }
    for (const OptionRow& row : k_case_options) {
        if (wanted(row.names)) {
            add(*model, app, std::string(row.names), row_meta(row), "Output");
        }
    }
    for (const CommandRow& row : k_commands) {
        if (args != nullptr && row.name != args->front()) {
            continue;
        }
        std::string intro =
            replaced(replaced(std::string(row.intro), "@SYSTEMS@", rule_set_ids()), "@TOPICS@", rules_topic_list());
        CLI::App* command = app.add_subcommand(std::string(row.name), replaced(intro, "@COMMANDS@", command_names()));
        command->allow_extras();
        for (const OptionRow& option : row.options) {
            add(*model, *command, std::string(option.names), row_meta(option), "Options");
        }
        std::string name(row.operands);  // "[FILE...]": FILE
        std::erase_if(name, [](char ch) { return ch == '[' || ch == ']' || ch == '.'; });
        // Any number: how many a command takes is its own to say (check needs one, rules one at most).
        // A minimum no command line reaches keeps CLI11 taking them one by one, each word as given
        // (with allow_extra_args it would split a file named "[a,b]" into a and b).
        constexpr int k_unreached = 1 << 28;
        CLI::Option* operands = command->add_option(name, CLI::callback_t(), "")->expected(k_unreached, -1);
        operands->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        model->operands.insert(operands);
        model->rows.emplace(command, &row);
    }
    return model;
}

// ---- Parsing --------------------------------------------------------------------------------

/// Whether a word names a case field's option (to tell a command's user that case fields go in
/// the records).
bool is_case_option(std::string_view arg) {
    const std::string_view option = arg.substr(0, arg.find('='));
    return std::any_of(field_specs().begin(), field_specs().end(), [option](const FieldSpec& spec) {
        return spec.option == option || (option.rfind("--no-", 0) == 0 && option.substr(5) == spec.option.substr(2));
    });
}

/// The long names of an App's options, its own before the case fields'.
std::vector<std::string> option_names(const Model& model, const CLI::App& app) {
    std::vector<std::string> names;
    for (const bool fields : {false, true}) {
        for (const CLI::Option* option : app.get_options()) {
            const Meta* meta = model.meta_of(option);
            if (meta != nullptr && (meta->field != nullptr) == fields) {
                for (const std::string& name : option->get_lnames()) {
                    names.push_back("--" + name);
                }
            }
        }
    }
    return names;
}

std::string unknown_option(const Model& model, std::string_view arg) {
    const std::string option(arg.substr(0, arg.find('=')));
    Closest closest(option);
    if (option.size() <= k_echo_bytes) {  // no option is near a longer word (and the distance would take its time)
        for (const std::string& known : option_names(model, model.app)) {
            closest.consider(known);
        }
    }
    return "unknown option " + echo(option) + did_you_mean(closest.ties()) + "; see lmsstage --help";
}

const Meta* option_meta(const Model& model, const CLI::App& app, std::string_view word) {
    if (word.rfind("--", 0) != 0 || word.size() < 3) {
        return nullptr;
    }
    const std::string name(word.substr(2, word.find('=') - 2));
    const std::vector<const CLI::Option*> options = app.get_options();
    const auto found =
        std::find_if(options.begin(), options.end(), [&name](auto* option) { return option->check_lname(name); });
    return found == options.end() ? nullptr : model.meta_of(*found);
}

/// A word with no option before it, and what was probably meant.
std::string unexpected_word(const Model& model, std::string_view word, std::string_view previous) {
    std::string message = "unexpected argument \"" + echo(word) + "\": every value needs its option";
    const bool unit = word == "cm" || word == "mm";
    if (unit && previous.find_first_not_of("0123456789.") == std::string_view::npos && !previous.empty()) {
        return message + " (a unit goes with its number: write " + echo(previous) + std::string(word) +
               ", or quote \"" + echo(previous) + " " + std::string(word) + "\")";
    }
    const Meta* flag = option_meta(model, model.app, previous);
    if (flag != nullptr && flag->field != nullptr && flag->takes == Takes::after_equals && !flag->negation &&
        previous.find('=') == std::string_view::npos) {
        return message + " (a yes/no field takes its value after =: write " + std::string(flag->field->option) + "=" +
               echo(word) + ")";
    }
    const bool numeric = !word.empty() && word.find_first_not_of("0123456789.") == std::string_view::npos;
    return message + (numeric ? " (e.g. --size " + echo(word) + ")" : std::string()) + "; see lmsstage --help";
}

/// A word CLI11 left over at the top level: an unknown option, or a stray word (located in the
/// arguments to say what came before it).
std::string stray(const Model& model, const std::vector<std::string>& args, const std::string& word) {
    std::size_t at = 0;
    for (; at < args.size(); ++at) {
        const Meta* before = at > 0 ? option_meta(model, model.app, args[at - 1]) : nullptr;
        const bool is_value =
            before != nullptr && before->takes == Takes::value && args[at - 1].find('=') == std::string::npos;
        if (args[at] == word && !is_value) {
            break;
        }
    }
    const auto dashes = std::find(args.begin(), args.end(), "--");
    if (dashes != args.end() && static_cast<std::size_t>(dashes - args.begin()) < at) {
        return "\"" + word +
               "\" comes after --, which ends the options, and lmsstage takes no other arguments: "
               "leave out the --";
    }
    if (word.size() > 1 && word[0] == '-' && word != "--") {
        return unknown_option(model, word);
    }
    return unexpected_word(model, word,
                           at > 0 && at < args.size() ? std::string_view(args[at - 1]) : std::string_view{});
}

/// Reads one field option into the case; a usage error otherwise.
std::optional<std::string> read_field_option(const Meta& meta, const std::string& value,
                                             std::vector<std::pair<Field, bool>>& seen, Case& input) {
    const FieldSpec& spec = *meta.field;
    const std::string negative = "--no-" + std::string(spec.option.substr(2));
    for (const auto& [field, was_negated] : seen) {
        if (field == spec.field) {
            return was_negated == meta.negation
                       ? (meta.negation ? negative : std::string(spec.option)) + " was given more than once"
                       : std::string(spec.option) + " and " + negative + " contradict each other";
        }
    }
    seen.emplace_back(spec.field, meta.negation);
    std::optional<CaseError> problem;
    if (meta.negation) {
        if (value != "true") {
            return negative + " takes no value";
        }
        problem = set_from_bool(input, spec, false);
    } else if (meta.takes == Takes::after_equals && value == "true") {
        problem = set_from_bool(input, spec, true);  // a bare --nodes means yes
    } else if (value.empty()) {
        return std::string(spec.option) + " needs a value: " + accepted_values(spec);
    } else {
        problem = set_from_text(input, spec, value);
    }
    if (problem) {
        std::string message = std::string(field_info(problem->field).option) + " " + problem->problem;
        if (const std::size_t at = message.rfind(value); value.size() > k_echo_bytes && at != std::string::npos) {
            message.replace(at, value.size(), echo(value));  // the value repeated only in part
        }
        return message;
    }
    return std::nullopt;
}

/// The program's own options (--json, --color=WHEN, ...).
std::optional<std::string> read_own_option(const CLI::Option& option, const std::string& value, CaseLine& out) {
    const std::string name = "--" + option.get_lnames().front();
    if (name == "--color") {
        if (value != "true" && value != "always" && value != "never" && value != "auto") {
            return "--color takes auto, always or never, got " + echo(value);
        }
        out.color = value == "never" ? ColorMode::never : value == "auto" ? ColorMode::automatic : ColorMode::always;
        return std::nullopt;
    }
    if (value != "true") {
        return name + " takes no value";
    }
    (name == "--json"       ? out.json
     : name == "--brief"    ? out.brief
     : name == "--explain"  ? out.explain
     : name == "--no-pager" ? out.no_pager
                            : out.version) = true;
    return std::nullopt;
}

/// Each option as given, in order, with its value: CLI11 keeps the values of one option together,
/// in the order of its occurrences.
template <typename Visit>
std::optional<std::string> each_given(const CLI::App& app, Visit visit) {
    std::map<const CLI::Option*, std::size_t> seen;
    for (const CLI::Option* option : app.parse_order()) {
        const std::size_t index = seen[option]++;
        const auto& results = option->results();
        if (auto problem = visit(*option, index < results.size() ? results[index] : std::string())) {
            return problem;
        }
    }
    return std::nullopt;
}

std::variant<CommandLine, std::string> read_case(const Model& model, const std::vector<std::string>& args) {
    CommandLine line;
    for (const CLI::Option* option : model.app.get_options()) {
        if (option->count() > 0 && option->check_lname("help")) {
            line.help = true;  // help before anything else
            return line;
        }
    }
    for (const std::string& word : model.app.remaining()) {
        if (word != "--") {  // -- alone ends the options, and may end the arguments
            return stray(model, args, word);
        }
    }
    std::vector<std::pair<Field, bool>> seen;
    auto problem = each_given(model.app, [&](const CLI::Option& option, const std::string& value) {
        const Meta& meta = model.meta.at(&option);
        return meta.field != nullptr ? read_field_option(meta, value, seen, line.case_line.input)
                                     : read_own_option(option, value, line.case_line);
    });
    if (problem) {
        return *problem;
    }
    if (line.case_line.json && line.case_line.brief) {
        return std::string("--json and --brief cannot be given together: choose one output");
    }
    return line;
}

std::variant<CommandLine, std::string> read_command(const Model& model, const CLI::App& command) {
    CommandLine line;
    line.command = command.get_name();
    const std::string see = "; see lmsstage " + line.command + " --help";
    for (const CLI::Option* option : command.get_options()) {
        if (option->count() > 0 && option->check_lname("help")) {
            line.help = true;
            return line;
        }
    }
    for (const std::string& word : command.remaining()) {
        if (word.size() > 1 && word[0] == '-') {
            std::string message = line.command + ": unknown option " + echo(word);
            message += is_case_option(word) ? " (case fields go in the records, not on the command line)" : "";
            return message + see;
        }
    }
    auto problem =
        each_given(command, [&](const CLI::Option& option, const std::string& value) -> std::optional<std::string> {
            if (model.operands.count(&option) > 0) {
                line.operands.push_back(value);
                return std::nullopt;
            }
            const Meta& meta = model.meta.at(&option);
            const std::string name = "--" + option.get_lnames().front();
            if (meta.takes == Takes::nothing && value != "true") {
                return line.command + ": " + name + " takes no value" + see;
            }
            if (meta.takes == Takes::value && value.empty()) {
                return line.command + ": " + name + " needs a value: " + meta.label.substr(name.size() + 1) + see;
            }
            if (meta.takes != Takes::nothing && line.has(name)) {
                return line.command + ": " + name + " was given more than once";
            }
            // A flag that may take a value after '=' keeps it ("true" when bare: --summary).
            line.options.emplace_back(name, meta.takes == Takes::nothing ? std::string() : value);
            return std::nullopt;
        });
    if (problem) {
        return *problem;
    }
    return line;
}

/// A fault CLI11 itself reports (none is expected with the options as the model adds them), in
/// the program's words, by its type.
std::string parse_fault(const CLI::ParseError& error) {
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
        return "an option was given the wrong number of values; see lmsstage --help";
    }
    return "the arguments cannot be read (" + error.get_name() + "); see lmsstage --help";
}

/// The arguments parsed by a model (the whole one, or a case's: parse_command_line).
std::variant<CommandLine, std::string> parse_with(Model& model, const std::vector<std::string>& args) {
    // A command's words after "--" are all operands: CLI11 hands them to the top level when the
    // command's operands are optional, so they are kept apart here.
    const auto end = !args.empty() && is_command(args.front()) ? std::find(args.begin(), args.end(), "--") : args.end();
    try {
        model.app.parse(std::vector<std::string>(std::make_reverse_iterator(end), args.rend()));  // as CLI11 takes them
    } catch (const CLI::ParseError& error) {
        return parse_fault(error);
    }
    const std::vector<CLI::App*> commands = model.app.get_subcommands();
    if (commands.empty()) {
        return read_case(model, args);
    }
    const CLI::App& command = *commands.front();
    if (args.front() != command.get_name()) {
        // A command's name after case options: the command must come first.
        const auto at = std::find(args.begin(), args.end(), command.get_name());
        return unexpected_word(model, command.get_name(), at == args.begin() ? std::string_view{} : *(at - 1));
    }
    auto line = read_command(model, command);
    if (auto* read = std::get_if<CommandLine>(&line); read != nullptr && !read->help && end != args.end()) {
        read->operands.insert(read->operands.end(), end + 1, args.end());
    }
    return line;
}

// ---- Completion -----------------------------------------------------------------------------

/// At most 56 characters, cut at a space: a word's column and its description fit 80 columns.
std::string summary(std::string_view text) {
    if (text.size() <= 56) {
        return std::string(text);
    }
    std::string out = wrap({}, text, 0, 53);
    out.resize(out.find('\n'));                     // its first line (wrap ends every line so)
    out.resize(out.find_last_not_of(" ,;:(") + 1);  // without a dangling separator
    return out + "...";
}

/// The words a command's operands take, with what each means.
std::vector<std::pair<std::string, std::string>> operand_words(Operand operand) {
    std::vector<std::pair<std::string, std::string>> out;
    switch (operand) {
        case Operand::files: break;
        case Operand::rule_set:
            for (const RuleSet* rules : all_rule_sets()) {
                const std::string id(rules->system.id);
                auto same = std::find_if(out.begin(), out.end(), [&id](const auto& word) { return word.first == id; });
                if (same == out.end()) {
                    out.emplace_back(id, summary(rules->system.name));
                } else {  // one id for several tables (GIST gastric and intestinal): the name they share
                    same->second = same->second.substr(0, same->second.find(" ("));
                }
            }
            for (const RulesTopic& topic : rules_topics()) {
                out.emplace_back(topic.word, topic.summary);
            }
            break;
        case Operand::command:
            for (const CommandRow& row : k_commands) {
                if (row.operand != Operand::command) {
                    out.emplace_back(row.name, row.summary);
                }
            }
            break;
        case Operand::shell:
            for (const std::string_view shell : k_shells) {
                out.emplace_back(shell, "");
            }
            break;
    }
    return out;
}

/// The App of a command by its name; null for a word that is no command.
const CLI::App* command_app(const Model& model, std::string_view name) {
    const auto found = std::find_if(model.rows.begin(), model.rows.end(),
                                    [name](const auto& row) { return row.second->name == name; });
    return found == model.rows.end() ? nullptr : found->first;
}

/// The field (or option) an option name stands for: "nodes" for --nodes and --no-nodes.
std::string base_name(const Meta& meta, const CLI::Option& option) {
    return meta.field != nullptr ? std::string(meta.field->option.substr(2)) : option.get_lnames().front();
}

}  // namespace

bool CommandLine::has(std::string_view option) const {
    return std::any_of(options.begin(), options.end(), [option](const auto& given) { return given.first == option; });
}

std::string CommandLine::value(std::string_view option) const {
    const auto found =
        std::find_if(options.begin(), options.end(), [option](const auto& given) { return given.first == option; });
    return found == options.end() ? std::string() : found->second;
}

std::variant<CommandLine, std::string> parse_command_line(const std::vector<std::string>& args) {
    // A case, or a command named first and no other, is read first by a model of what its words name (read
    // as by the whole model); what it does not read cleanly, the whole model reads again for its messages.
    if (!args.empty() && std::none_of(args.begin() + 1, args.end(), is_command)) {
        if (auto line = parse_with(*build_model(&args), args); std::holds_alternative<CommandLine>(line)) {
            return line;
        }
    }
    return parse_with(*build_model(), args);
}

std::string main_help() { return build_model()->app.help(); }

std::string command_help(std::string_view command) {
    const std::unique_ptr<Model> model = build_model();
    const CLI::App* app = command_app(*model, command);
    return app != nullptr ? app->help() : std::string();
}

std::string short_usage() { return std::string(k_usage); }

std::string version_text() {
    return "lmsstage " + std::string(version()) + "\nrule sets: " + std::string(rule_set_editions()) + "\n";
}

std::vector<std::string> command_options(std::string_view command) {
    const std::unique_ptr<Model> model = build_model();
    const CLI::App* app = command_app(*model, command);
    return option_names(*model, app != nullptr ? *app : model->app);
}

std::vector<std::pair<std::string, std::string>> command_summaries() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const CommandRow& row : k_commands) {
        out.emplace_back(row.name, row.summary);
    }
    return out;
}

std::string complete(const std::vector<std::string>& given) {
    std::vector<std::string> words = given.empty() ? std::vector<std::string>{std::string()} : given;
    const std::string current = words.back();
    words.pop_back();
    const std::unique_ptr<Model> model = build_model();
    const CLI::App* sub = words.empty() ? nullptr : command_app(*model, words.front());
    const CLI::App* scope = sub != nullptr ? sub : &model->app;
    const CommandRow* row = sub != nullptr ? model->rows.at(sub) : nullptr;
    const auto first = words.begin() + (row != nullptr ? 1 : 0);
    const bool operands_only = row != nullptr && std::find(first, words.end(), "--") != words.end();
    std::string out;
    const auto offer = [&out, &current](const std::string& word, std::string_view about) {
        if (word.rfind(current, 0) == 0) {
            out.append(word).append(1, '\t').append(about).append(1, '\n');
        }
    };
    // A value: --site=VALUE, or the word after an option that takes one (--site VALUE).
    const std::size_t equals = current.find('=');
    const bool inline_value = current.rfind("--", 0) == 0 && equals != std::string::npos;
    const std::string previous = first != words.end() ? words.back() : std::string();
    if (const Meta* meta = option_meta(*model, *scope, inline_value ? current : previous);
        meta != nullptr && !operands_only &&
        (inline_value || (meta->takes == Takes::value && previous.find('=') == std::string::npos))) {
        if (meta->files && !inline_value) {
            return ":files\n";
        }
        for (const std::string& word : meta->words) {
            offer(inline_value ? current.substr(0, equals + 1) + word : word, {});
        }
        return out;
    }
    if (row == nullptr && words.empty() && current.rfind('-', 0) != 0) {
        for (const CommandRow& command : k_commands) {
            offer(std::string(command.name), command.summary);
        }
        return out;
    }
    if (row == nullptr || (!operands_only && current.rfind('-', 0) == 0)) {
        std::set<std::string> done;  // --x and --no-x are one option
        for (auto word = first; word != words.end(); ++word) {
            if (const Meta* meta = option_meta(*model, *scope, *word)) {
                done.insert(meta->field != nullptr ? std::string(meta->field->option.substr(2))
                                                   : word->substr(2, word->find('=') - 2));
            }
        }
        for (const CLI::Option* option : scope->get_options()) {
            const Meta* meta = model->meta_of(option);
            if (meta != nullptr && done.count(base_name(*meta, *option)) == 0) {
                for (const std::string& name : option->get_lnames()) {
                    offer("--" + name, summary(meta->help));
                }
            }
        }
        return out;
    }
    if (row->operand == Operand::files) {
        return ":files\n";
    }
    for (const auto& [word, about] : operand_words(row->operand)) {
        offer(word, about);
    }
    return out;
}

std::span<const std::string_view> completion_shells() noexcept { return k_shells; }

std::string completion_script(std::string_view shell) {
    constexpr std::array<std::string_view, 3> k_scripts = {"lmsstage.bash", "_lmsstage", "lmsstage.fish"};  // k_shells'
    for (std::size_t i = 0; i < k_shells.size(); ++i) {
        if (shell == k_shells.at(i)) {
            return std::string(data_text("completion/" + std::string(k_scripts.at(i))));
        }
    }
    throw std::invalid_argument("no completion for shell \"" + std::string(shell) + "\"; accepted: bash, zsh, fish");
}

}  // namespace lmsstage::cli
