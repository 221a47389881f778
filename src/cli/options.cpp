#include "cli/options.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

#include "doors/fields.hpp"
#include "lmsstage/rules.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;
namespace {

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
    std::string_view more;     ///< the help after its options, as written
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
    {"--color", "WHEN", Takes::after_equals, "auto always never",
     "auto (the default: on a terminal, unless NO_COLOR is set or TERM is dumb), always or never"},
    {"-h,--help", "", Takes::nothing, "", "this help (lmsstage help COMMAND: the help of a command)"},
    {"--version", "", Takes::nothing, "", "version and rule-set editions"},
};

constexpr OptionRow k_batch_options[] = {
    {"--from", "FORMAT", Takes::value, "json csv tsv",
     "json, csv or tsv (default: by file name, .csv or .tsv, else JSON)"},
    {"--to", "FORMAT", Takes::value, "json ndjson csv tsv",
     "json (the default), ndjson, csv or tsv (default with --columns: ndjson)"},
    {"--columns", "LIST", Takes::value, "", "the columns to write, comma-separated (below)"},
    {"--naaccr", "", Takes::nothing, "", "records keyed by NAACCR items; NAACCR-coded output (below)"},
    {"--encoding", "NAME", Takes::value, "utf-8 windows-1252 latin-1",
     "the inputs' encoding: utf-8 (the default), windows-1252 (what Excel saves as CSV on Windows) or "
     "latin-1, decoded to UTF-8 as read"},
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
     R"(Input (--from json|csv|tsv; by default a FILE ending in .csv or .tsv, in any
letter case, is CSV or TSV, and anything else, stdin included, is JSON):
  - JSON: an input whose first non-blank character is "[", or whose first
    non-blank line is a lone "{" (as jq, Python and JavaScript pretty-print), is
    a JSON text: its values are read one after another by a JSON parser. The
    elements of a top-level array are records (several arrays, or jq . output,
    are fine); so is every other top-level value. A fault inside a record makes
    that record an error. A fault between records (a missing or extra comma or
    bracket, a line break inside a string, an array never closed) stops reading
    that input: an error line says where (line, column) and that the rest of
    the input was not read. Any other input is NDJSON: every non-blank line is
    exactly one record; lines are never joined or split. Keys are the case
    fields of lmsstage --help with _ for - (e.g. "abdominal_sites"), plus "id"
    (a string or number, echoed back). Values are written as on the command
    line: a JSON string or number ("grade": 3 or "3", "size": "55 mm"), true or
    false for yes/no fields, and null for a field not given.
  - CSV (RFC 4180: quoted fields, doubled quotes, line breaks in quotes) and
    TSV (tabs, the same quoting): the first row names the columns, each a case
    field (abdominal_sites, abdominal-sites or --abdominal-sites) or id; every
    other row is one record. An empty cell is a value not given; a row of empty
    cells is skipped like a blank line. A header naming anything else (the
    nearest name is suggested), or a field twice, is an error record in place
    of the whole input, which is not read further. The id is echoed as a JSON
    string.
Blank lines are skipped (line numbers still count them); CRLF line ends and a
UTF-8 byte-order mark are accepted; UTF-16 and UTF-32 input is refused (convert
it with iconv). A record or row over 1 MiB is an error, and reading goes on.

Output (--to):
  json       the full result object of lmsstage --json, one a line (default)
  ndjson     one flat JSON object a line, with the chosen columns as keys
  csv, tsv   a header row, then one row per record (CSV: CRLF line ends,
             quoted as needed; lists joined with "; ")
Spreadsheet-safe cells (CSV and TSV, unless --raw-cells): a text cell that
begins with = + - @ tab or CR (which a spreadsheet would run as a formula) is
written with a single quote before it, and quoted (OWASP, CSV injection); a
control character is written as \u00XX. Numbers lmsstage writes (line, row,
survival.percent) are never changed. Invalid UTF-8 is written as U+FFFD in
every format. NDJSON is for programs: its strings are exact JSON.
Columns (--columns LIST, comma-separated; alone, it means --to ndjson):
      id, ok, file, line, row, index, system.id, system.name, categories.T,
      categories.N, categories.M, categories.G, categories.mitotic_rate,
      stage, possible_stages, summary_stage, survival.table, survival.title,
      survival.matched, survival.percent (the matched row's), survival.measure,
      survival.source, survival.cohort, survival.taken, survival.cited_in,
      survival.population, survival.rows, survival.note, assumptions,
      warnings, notes, trace, version, error.field, error.message, and the
      NAACCR output items (below). A . may be written _; system, T, N, M, G and
      mitotic_rate are short for system.id and categories.*; "default" is the
      default set: id, ok, system, stage, possible_stages, T, N, M, G,
      summary_stage, survival_percent, survival_table, error_field,
      error_message. The trace and the texts (assumptions, warnings, notes)
      are built only when a column needs them.

NAACCR (--naaccr): records keyed by NAACCR XML item ids (primarySite,
histologicTypeIcdO3, behaviorCodeIcdO3, tumorSizeSummary, tumorSizePathologic,
tumorSizeClinical, gradeClinical, gradePathological, regionalNodesPositive,
metsAtDxBone .. metsAtDxOther, tnmEditionNumber, schemaDiscriminator1 and 2,
csSiteSpecificFactor10), in JSON or CSV, mapped by the sourced tables of
docs/naaccr.md; a record the tables refuse (a carcinosarcoma, behaviour /2, ...)
is an error naming the item and the reason, and the mapping's notes join the
result's. A record may add case fields no item carries (depth, extension, ...)
and an id; other NAACCR items are passed over; any other key is an error. The
output adds the NAACCR output items summaryStage2018, tnmEditionNumber,
derivedAjcc7T, derivedAjcc7N, derivedAjcc7M, derivedAjcc7StageGrp,
derivedEod2018T, derivedEod2018N, derivedEod2018M, derivedEod2018StageGroup (as
columns, or a "naaccr" object in --to json).

A bad record gives an error record in its place: "ok": false, "line" (where the
record starts, 1-based), "row" (CSV/TSV: its row, the header being row 1),
"index" (0-based, for an element of a JSON array), "error": {"field",
"message"} and the "id" when the record was read past its id. Unknown keys,
keys given twice, wrong types, invalid JSON or UTF-8 and invalid cases are all
errors; nothing is guessed or dropped.

A summary goes to stderr: "staged N records: K ok, E errors" (N = records
written). Every input is checked before any output: a regular file, FIFO or
character device that can be read. Files are opened one at a time.

Exit: 0 all staged; 65 some records invalid, or an input cut short; 66 an input
cannot be read (the reason is given); 71 out of memory; 74 output cannot be
written; 130/143 stopped by SIGINT/SIGTERM (the last line written is whole). If
the reader of stdout goes away (| head), lmsstage stops quietly with 0.

Examples:
  printf '{"id":1,"size":6,"grade":3}\n{"id":2,"size":-3,"grade":1}\n' |
    lmsstage batch
  lmsstage batch --from csv cohort.csv --to csv > staged.csv
  lmsstage batch --naaccr --to csv registry.csv --columns default,notes
)",
     k_batch_options},
    {"check", "FILE...", Operand::files, "run regression cases against their expectations",
     "run regression cases ({...case, \"expect\": {...}}; - for stdin); ends with \"N passed, N failed\"",
     "Each record is a case plus \"expect\": {...} and optionally \"source\" (where the expected values come "
     "from). Records are framed as by lmsstage batch (JSON only). FILE \"-\" reads stdin. Expectation keys: "
     "stage, possible_stages (compared as a set), summary_stage, categories (any of T, N, M, G, "
     "mitotic_rate), system (the system id), survival.matched, survival.table, assumptions, warnings, notes, "
     "naaccr (the NAACCR output items, e.g. {\"summaryStage2018\": \"1\"}); or \"error\": FIELD alone, for a "
     "case that must be rejected for that field (or NAACCR item). Objects compare as subsets, everything "
     "else exactly.",
     R"(Prints one line per unmet expectation (file:line: id: field: expected ..., got
...) and ends with "N passed, N failed". Control characters from the input are
shown escaped (\n, \x1b), so every line is one line.

check cannot pass on nothing: an input without cases, a case without "expect" or
with an empty one, and an unknown expectation key are errors. Exit: 0 all
passed; 1 some expectations not met; 64 no FILE or a bad option; 65 a record
cannot be used, or an input holds no cases; 66 a FILE cannot be read (a
directory, missing: checked before any output); 74 output or the report cannot
be written; 130/143 stopped by SIGINT/SIGTERM.

Example:
  lmsstage check data/cases/*.ndjson
)",
     k_check_options},
    {"rules", "[SYSTEM]", Operand::rule_set, "print the rule tables this program applies",
     "the rule tables, survival tables and note sources this binary applies, as Markdown (--json for JSON)",
     "Prints the T definitions, stage groups, notes and fields of every staging system, the survival tables "
     "with their population, sources and cohort, and every note a result can carry with its source, as "
     "Markdown (or JSON with --json), rendered from the data the staging code uses. SYSTEM limits the output "
     "to one system id (@SYSTEMS@), to \"survival\" or to \"notes\".",
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
     R"(Installed packages put them where the shells find them; otherwise, for example:
  source <(lmsstage completion bash)
  lmsstage completion fish > ~/.config/fish/completions/lmsstage.fish
)",
     k_help_only},
};

constexpr std::string_view k_usage = R"(Usage: lmsstage [CASE FIELD...] [--json | --brief] [--explain] [--color=WHEN]
       lmsstage COMMAND [ARG...]      (batch, check, rules, help, completion)
)";

constexpr std::string_view k_fields_note =
    "Every field is also a JSON key, with _ for - (\"abdominal_sites\"). A field a system does not use draws "
    "a warning. An explicit unknown gives every stage consistent with it; a required field may be left out "
    "when no value of it could change the stage.";

constexpr std::string_view k_footer = R"(
Examples:
  lmsstage --size 6 --grade 3
      AJCC 7 soft tissue sarcoma: T2 N0 M0 G3, stage III, localized (82.4%)
  lmsstage --size 55mm --grade III --depth superficial
      sizes take cm or mm (exactly 5 cm is T1); grades also as III or G3
  lmsstage --size unknown --grade 3 --json
      size unknown: stage null, possible stages IIA and III
  lmsstage --site uterus --size 7 --adnexa --json
      FIGO 2009 IIA (T2a N0 M0), regional, as one JSON object
  lmsstage --site uterus --size 3 --bladder-rectum --nodes --explain
      FIGO IVA (bladder/rectum outranks positive nodes), with the rule trace
  lmsstage --site gi --histology gist --gi-site stomach --size 7 \
           --mitotic-rate 8
      AJCC 7 GIST, gastric table: T3, high mitotic rate, stage IIIA
  lmsstage --edition 8 --site retroperitoneum --size 12 --grade 2 --nodes
      AJCC 8 retroperitoneum: N1 is IIIB (for an extremity it would be IV)

Exit codes:
  0    case staged (batch: every record staged; check: every case passed)
  1    check: at least one expectation not met
  64   usage error: unknown option, bad or conflicting value
  65   batch/check: a record invalid (the others are still written), or an
       input cut short by a syntax error; check: an input without cases
  66   an input cannot be read (missing, a directory, no permission)
  70   internal error (a bug)          71   out of memory
  74   output cannot be written        130/143   stopped by SIGINT/SIGTERM

Environment:
  NO_COLOR   when set and not empty: no colour
  TERM       dumb: no colour
  COLUMNS    the report's width (default: the terminal's width, or 80)
)";

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

struct Model {
    CLI::App app{"", "lmsstage"};
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

std::string replaced(std::string text, std::string_view marker, std::string_view with) {
    if (const std::size_t at = text.find(marker); at != std::string::npos) {
        text.replace(at, marker.size(), with);
    }
    return text;
}

/// Adds one option, its values kept as given (the core reads them): CLI11 splits the words, the
/// model reads them in order.
CLI::Option* add(Model& model, CLI::App& app, const std::string& names, Meta meta, const std::string& group) {
    CLI::Option* option = nullptr;
    if (meta.takes == Takes::value) {
        // 0 or 1: a missing value is the model's to report ("--grade needs a value: ...").
        option = app.add_option(names, CLI::callback_t(), meta.help)->expected(0, 1);
    } else {
        const std::string& help = meta.help;
        option = app.add_flag(names, help);  // --nodes=unknown: the flag keeps the value as text
    }
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
    if (!meta.files) {
        meta.words = split_words(row.words);
    }
    return meta;
}

std::string rule_set_ids() {
    std::string ids;
    for (const RuleSet* rules : all_rule_sets()) {
        if (ids.find(rules->system.id) == std::string::npos) {
            ids += ids.empty() ? "" : ", ";
            ids += rules->system.id;
        }
    }
    return ids;
}

std::string command_names() {
    std::string names;
    for (const CommandRow& row : k_commands) {
        names += names.empty() ? "" : ", ";
        names += row.name;
    }
    return names;
}

// ---- Help -----------------------------------------------------------------------------------

/// An option as a help line: the label, and its help in a column at 18 (or below it, indented 6,
/// for the case's fields, whose labels are long).
std::string option_lines(const Meta& meta) {
    if (meta.field != nullptr) {
        std::string help = meta.help;
        if (!meta.field->left_out.empty()) {
            help += "; left out: ";
            help += meta.field->left_out;
        }
        return "  " + meta.label + "\n" + wrap_text("      ", help, 6);
    }
    std::string lead = "  " + meta.label;
    if (lead.size() + 2 > 18) {
        lead += "\n";
        lead += std::string(18, ' ');
    } else {
        lead.resize(18, ' ');
    }
    return wrap_text(lead, meta.help, 18);
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
                    head += wrap_text({}, k_fields_note, 0);  // after the last field group
                    head += '\n';
                }
                head += group;
                head += ":\n";
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
        std::string out = wrap_text("lmsstage " + std::string(version()) + ": ", app.get_description(), 0);
        out += '\n';
        out += k_usage;
        out += groups(app);
        out += "  --              ends the options\n\nCommands:\n";
        for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
            const CommandRow* row = m_model.rows.at(command);
            std::string lead = "  " + command->get_name() + " " + std::string(row->operands);
            lead.resize(std::max<std::size_t>(lead.size() + 2, 22), ' ');
            out += wrap_text(lead, row->about, 22);
        }
        out += app.get_footer();
        out += "\n";
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
        out += wrap_text({}, command.get_description(), 0);
        out += groups(command);
        if (!row->more.empty()) {
            out += '\n';
            out += row->more;
        }
        return out;
    }

    const Model& m_model;
};

std::unique_ptr<Model> build_model() {
    auto model = std::make_unique<Model>();
    CLI::App& app = model->app;
    app.description(
        "staging of leiomyosarcoma and the sarcomas staged with it, with the matching five-year "
        "survival table. Rule sets: " +
        std::string(rule_set_editions()) + ".");
    app.footer(std::string(k_footer));
    app.set_help_flag();  // -h, --help are the model's options, read like the others
    app.allow_extras();   // unknown options and stray words: the model names them, with a hint
    app.require_subcommand(0, 1);
    app.formatter(std::make_shared<HelpFormatter>(*model));
    for (const FieldSpec& spec : field_specs()) {
        if (spec.kind == ValueKind::id) {
            continue;  // JSON records only
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
        add(*model, app, std::string(row.names), row_meta(row), "Output");
    }
    for (const CommandRow& row : k_commands) {
        std::string intro = replaced(std::string(row.intro), "@SYSTEMS@", rule_set_ids());
        CLI::App* command = app.add_subcommand(std::string(row.name), replaced(intro, "@COMMANDS@", command_names()));
        command->set_help_flag();
        command->allow_extras();
        for (const OptionRow& option : row.options) {
            add(*model, *command, std::string(option.names), row_meta(option), "Options");
        }
        std::string name(row.operands);  // "[FILE...]": FILE
        name.erase(
            std::remove_if(name.begin(), name.end(), [](char ch) { return ch == '[' || ch == ']' || ch == '.'; }),
            name.end());
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
    for (const FieldSpec& spec : field_specs()) {
        if (spec.option == option || (option.rfind("--no-", 0) == 0 && option.substr(5) == spec.option.substr(2))) {
            return true;
        }
    }
    return false;
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
    std::string message = "unknown option " + option;
    std::size_t best = 3;  // suggest only close matches
    std::string suggestion;
    for (const std::string& known : option_names(model, model.app)) {
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

const Meta* option_meta(const Model& model, const CLI::App& app, std::string_view word) {
    if (word.rfind("--", 0) != 0 || word.size() < 3) {
        return nullptr;
    }
    const std::string name(word.substr(2, word.find('=') - 2));
    for (const CLI::Option* option : app.get_options()) {
        if (option->check_lname(name)) {
            return model.meta_of(option);
        }
    }
    return nullptr;
}

/// A word with no option before it, and what was probably meant.
std::string unexpected_word(const Model& model, std::string_view word, std::string_view previous) {
    std::string message = "unexpected argument \"" + std::string(word) + "\": every value needs its option";
    const bool unit = word == "cm" || word == "mm";
    if (unit && previous.find_first_not_of("0123456789.") == std::string_view::npos && !previous.empty()) {
        return message + " (a unit goes with its number: write " + std::string(previous) + std::string(word) +
               ", or quote \"" + std::string(previous) + " " + std::string(word) + "\")";
    }
    const Meta* flag = option_meta(model, model.app, previous);
    if (flag != nullptr && flag->field != nullptr && flag->takes == Takes::after_equals && !flag->negation &&
        previous.find('=') == std::string_view::npos) {
        return message + " (a yes/no field takes its value after =: write " + std::string(flag->field->option) + "=" +
               std::string(word) + ")";
    }
    const bool numeric = !word.empty() && word.find_first_not_of("0123456789.") == std::string_view::npos;
    return message + (numeric ? " (e.g. --size " + std::string(word) + ")" : std::string()) + "; see lmsstage --help";
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
        return std::string(field_info(problem->field).option) + " " + problem->problem;
    }
    return std::nullopt;
}

/// The program's own options (--json, --color=WHEN, ...).
std::optional<std::string> read_own_option(const CLI::Option& option, const std::string& value, CaseLine& out) {
    const std::string name = "--" + option.get_lnames().front();
    if (name == "--color") {
        if (value == "true" || value == "always") {
            out.color = ColorMode::always;
        } else if (value == "never" || value == "auto") {
            out.color = value == "never" ? ColorMode::never : ColorMode::automatic;
        } else {
            return "--color takes auto, always or never, got " + value;
        }
        return std::nullopt;
    }
    if (value != "true") {
        return name + " takes no value";
    }
    (name == "--json"      ? out.json
     : name == "--brief"   ? out.brief
     : name == "--explain" ? out.explain
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
            std::string message = line.command + ": unknown option " + word;
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
            if (meta.takes == Takes::value && line.has(name)) {
                return line.command + ": " + name + " was given more than once";
            }
            line.options.emplace_back(name, meta.takes == Takes::value ? value : std::string());
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

// ---- Completion -----------------------------------------------------------------------------

/// At most 56 characters, cut at a space: a word's column and its description fit 80 columns.
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
            out.emplace_back("survival", "the survival tables, with population and source");
            out.emplace_back("notes", "every note a result can carry, with its source");
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

/// The field (or option) an option name stands for: "nodes" for --nodes and --no-nodes.
std::string base_name(const Meta& meta, const CLI::Option& option) {
    return meta.field != nullptr ? std::string(meta.field->option.substr(2)) : option.get_lnames().front();
}

constexpr std::string_view k_bash = R"(# bash completion for lmsstage(1). lmsstage completes its own command line
# (lmsstage __complete WORD...) from the tables that make its help; do not edit.
# Plain bash (compgen, compopt): it needs nothing from the bash-completion package.
_lmsstage() {
    local line=${COMP_LINE:0:COMP_POINT} current candidate words=() reply=()
    read -ra words <<<"$line"
    [[ -z $line || $line == *[[:space:]] ]] && words+=('')
    current=${words[${#words[@]} - 1]}
    while IFS= read -r candidate; do
        if [[ $candidate == :files ]]; then
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$current")
            return 0
        fi
        reply+=("${candidate%%$'\t'*}")
    done < <(lmsstage __complete "${words[@]:1}" 2>/dev/null)
    # With '=' in COMP_WORDBREAKS (the default), bash replaces only what follows the '='.
    if [[ $current == *=* && $COMP_WORDBREAKS == *=* ]]; then
        reply=("${reply[@]#"${current%=*}="}")
    fi
    COMPREPLY=("${reply[@]}")
}

complete -F _lmsstage lmsstage
)";
constexpr std::string_view k_zsh = R"(#compdef lmsstage
# zsh completion for lmsstage(1). lmsstage completes its own command line
# (lmsstage __complete WORD...) from the tables that make its help; do not edit.

_lmsstage() {
    local -a lines found shown
    local line word
    lines=("${(@f)$(lmsstage __complete "${(@)words[2,CURRENT-1]}" "$PREFIX" 2>/dev/null)}")
    if [[ $lines[1] == :files ]]; then
        _files
        return
    fi
    [[ $PREFIX == --*=* ]] && compset -P '*='
    for line in $lines; do
        [[ -n $line ]] || continue
        word=${line%%$'\t'*}
        [[ $word == --*=* ]] && word=${word#*=}
        found+=($word)
        if [[ $line == *$'\t'?* ]]; then
            shown+=("$word  -- ${line#*$'\t'}")
        else
            shown+=($word)
        fi
    done
    (( $#found )) && compadd -l -d shown -a found
}

# Autoloaded from $fpath the file is the function's body; sourced, it registers the function.
if [[ $funcstack[1] == _lmsstage ]]; then
    _lmsstage "$@"
else
    compdef _lmsstage lmsstage
fi
)";
constexpr std::string_view k_fish = R"(# fish completion for lmsstage(1). lmsstage completes its own command line
# (lmsstage __complete WORD...) from the tables that make its help; do not edit.

function __lmsstage_complete --description 'lmsstage: the candidates for the current word'
    set -l words (commandline -opc)
    set -e words[1]
    set -l current (commandline -ct)
    set -l lines (lmsstage __complete $words "$current" 2>/dev/null)
    if test "$lines[1]" = :files
        __fish_complete_path "$current"
        return
    end
    for line in $lines  # printf with no argument would still print an empty line
        printf '%s\n' $line
    end
end

complete -c lmsstage -f -a '(__lmsstage_complete)'
)";

}  // namespace

bool CommandLine::has(std::string_view option) const {
    return std::any_of(options.begin(), options.end(), [option](const auto& given) { return given.first == option; });
}

std::string CommandLine::value(std::string_view option) const {
    for (const auto& [name, given] : options) {
        if (name == option) {
            return given;
        }
    }
    return {};
}

std::variant<CommandLine, std::string> parse_command_line(const std::vector<std::string>& args) {
    const std::unique_ptr<Model> model = build_model();
    // A command's words after "--" are all operands: CLI11 hands them to the top level when the
    // command's operands are optional, so they are kept apart here.
    auto end = args.end();
    const auto is_command = [&args](const CommandRow& row) { return row.name == args.front(); };
    if (!args.empty() && std::any_of(std::begin(k_commands), std::end(k_commands), is_command)) {
        end = std::find(args.begin(), args.end(), "--");
    }
    std::vector<std::string> reversed(std::make_reverse_iterator(end), args.rend());  // as CLI11 takes them
    try {
        model->app.parse(reversed);
    } catch (const CLI::ParseError& error) {
        return parse_fault(error);
    }
    const std::vector<CLI::App*> commands = model->app.get_subcommands();
    if (commands.empty()) {
        return read_case(*model, args);
    }
    const CLI::App& command = *commands.front();
    if (args.front() != command.get_name()) {
        // A command's name after case options: the command must come first.
        const auto at = std::find(args.begin(), args.end(), command.get_name());
        return unexpected_word(*model, command.get_name(), at == args.begin() ? std::string_view{} : *(at - 1));
    }
    auto line = read_command(*model, command);
    if (auto* read = std::get_if<CommandLine>(&line); read != nullptr && !read->help && end != args.end()) {
        read->operands.insert(read->operands.end(), end + 1, args.end());
    }
    return line;
}

std::string wrap_text(std::string_view lead, std::string_view text, std::size_t hang, std::size_t width) {
    std::string out(lead);
    std::size_t used = lead.size();
    bool first_word = true;
    while (!text.empty()) {
        const std::size_t space = text.find(' ');
        const std::string_view word = text.substr(0, space);
        text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
        if (!first_word && used + 1 + word.size() > width) {
            out += '\n';
            out.append(hang, ' ');
            used = hang;
            first_word = true;
        }
        if (!first_word) {
            out += ' ';
            ++used;
        }
        out += word;
        used += word.size();
        first_word = false;
    }
    out += '\n';
    return out;
}

std::string main_help() { return build_model()->app.help(); }

std::string command_help(std::string_view command) {
    const std::unique_ptr<Model> model = build_model();
    for (const auto& [app, row] : model->rows) {
        if (row->name == command) {
            return app->help();
        }
    }
    return {};
}

std::string short_usage() { return std::string(k_usage); }

std::string version_text() {
    return "lmsstage " + std::string(version()) + "\nrule sets: " + std::string(rule_set_editions()) + "\n";
}

std::vector<std::string> command_options(std::string_view command) {
    const std::unique_ptr<Model> model = build_model();
    const CLI::App* app = &model->app;
    for (const auto& [sub, row] : model->rows) {
        app = row->name == command ? sub : app;
    }
    return option_names(*model, *app);
}

std::vector<std::pair<std::string, std::string>> command_summaries() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const CommandRow& row : k_commands) {
        out.emplace_back(row.name, row.summary);
    }
    return out;
}

std::string complete(const std::vector<std::string>& given) {
    std::vector<std::string> words = given;
    if (words.empty()) {
        words.emplace_back();
    }
    const std::string current = words.back();
    words.pop_back();
    const std::unique_ptr<Model> model = build_model();
    const CLI::App* scope = &model->app;
    const CommandRow* row = nullptr;
    for (const auto& [command, command_row] : model->rows) {
        if (!words.empty() && words.front() == command->get_name()) {
            scope = command;
            row = command_row;
        }
    }
    const auto first = words.begin() + (row != nullptr ? 1 : 0);
    const bool operands_only = row != nullptr && std::find(first, words.end(), "--") != words.end();
    std::string out;
    const auto offer = [&out, &current](const std::string& word, std::string_view about) {
        if (word.rfind(current, 0) == 0) {
            out += word;
            out += '\t';
            out += about;
            out += '\n';
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
    if (shell == "bash") {
        return std::string(k_bash);
    }
    if (shell == "zsh") {
        return std::string(k_zsh);
    }
    if (shell == "fish") {
        return std::string(k_fish);
    }
    throw std::invalid_argument("no completion for shell \"" + std::string(shell) + "\"; accepted: bash, zsh, fish");
}

}  // namespace lmsstage::cli
