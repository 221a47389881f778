#include "cli/help.hpp"

#include <string>
#include <vector>

#include "cli/fields.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::cli {
namespace {

constexpr std::string_view k_usage = R"(Usage: lmsstage [CASE FIELD...] [--json | --brief] [--explain] [--color=WHEN]
       lmsstage COMMAND [ARG...]      (batch, check, rules, help, completion)
)";

constexpr std::string_view k_output = R"(
Output:
  --json          one JSON object on stdout (keys: ok, system, categories,
                  stage, possible_stages, summary_stage, survival, assumptions,
                  warnings, notes, trace, version)
  --brief         only the stage, TNM, summary stage and survival figure
  --explain       add the rule trace: which rule applied, because of what
  --color=WHEN    auto (the default: on a terminal, unless NO_COLOR is set or
                  TERM is dumb), always or never
  -h, --help      this help (lmsstage help COMMAND: the help of a command)
  --version       version and rule-set editions
  --              ends the options
)";

constexpr std::string_view k_commands = R"(
Commands:
  batch [FILE...]     stage JSON records (NDJSON, or a JSON text: an array,
                      pretty-printed objects) from files or stdin; NDJSON out,
                      exactly one line per record, in order
  check FILE...       run regression cases ({...case, "expect": {...}}; - for
                      stdin); ends with "N passed, N failed"; --junit FILE
  rules [SYSTEM]      the rule tables, survival tables and note sources this
                      binary applies, as Markdown (--json for JSON)
  help [COMMAND]      this help, or the help of a command
  completion SHELL    the completion script for bash, zsh or fish
)";

constexpr std::string_view k_examples = R"(
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
)";

constexpr std::string_view k_exit_codes = R"(
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

constexpr std::string_view k_batch_help = R"(Usage: lmsstage batch [OPTIONS] [FILE...]

Stages every record of each FILE (or of stdin when no FILE is given, or for "-")
and writes one output record per input record to stdout, in input order.

Input (--from json|csv|tsv; by default a FILE ending in .csv or .tsv, in any
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
  --columns LIST   comma-separated column names (alone, it means --to ndjson):
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
  --exit-zero   invalid records do not set the exit status (0 when every
                record got its output line): for Spark, xargs and other
                cluster jobs. An input cut short (a fault between JSON
                records, a refused CSV header, a quote never closed) is still
                65; I/O errors still fail.
Exit: 0 all staged; 65 some records invalid, or an input cut short; 66 an input
cannot be read (the reason is given); 71 out of memory; 74 output cannot be
written; 130/143 stopped by SIGINT/SIGTERM (the last line written is whole). If
the reader of stdout goes away (| head), lmsstage stops quietly with 0.

Examples:
  printf '{"id":1,"size":6,"grade":3}\n{"id":2,"size":-3,"grade":1}\n' |
    lmsstage batch
  lmsstage batch --from csv cohort.csv --to csv > staged.csv
  lmsstage batch --naaccr --to csv registry.csv --columns default,notes
)";

constexpr std::string_view k_check_help = R"(Usage: lmsstage check [--junit FILE] [--naaccr] FILE...

Each record is a case plus "expect": {...} and optionally "source" (where the
expected values come from). Records are framed as by lmsstage batch (JSON
only). FILE "-" reads stdin. Expectation keys: stage, possible_stages (compared
as a set), summary_stage, categories (any of T, N, M, G, mitotic_rate), system
(the system id), survival.matched, survival.table, assumptions, warnings,
notes, naaccr (the NAACCR output items, e.g. {"summaryStage2018": "1"}); or
"error": FIELD alone, for a case that must be rejected for that field (or
NAACCR item). Objects compare as subsets, everything else exactly.

Prints one line per unmet expectation (file:line: id: field: expected ..., got
...) and ends with "N passed, N failed". Control characters from the input are
shown escaped (\n, \x1b), so every line is one line.
  --junit FILE   also write a JUnit XML report (one testcase per case, failures
                 with expected and got) for GitLab, Jenkins and GitHub reporters
  --naaccr       the cases are keyed by NAACCR items, as for lmsstage batch
                 --naaccr (data/cases/naaccr/ holds such cases)

check cannot pass on nothing: an input without cases, a case without "expect" or
with an empty one, and an unknown expectation key are errors. Exit: 0 all
passed; 1 some expectations not met; 64 no FILE or a bad option; 65 a record
cannot be used, or an input holds no cases; 66 a FILE cannot be read (a
directory, missing: checked before any output); 74 output or the report cannot
be written; 130/143 stopped by SIGINT/SIGTERM.

Example:
  lmsstage check data/cases/*.ndjson
)";

constexpr std::string_view k_completion_help = R"(Usage: lmsstage completion bash|zsh|fish

Prints the shell completion script for the shell named: options, each option's
values (lmsstage --site <TAB>), commands, rules' system ids and file names for
batch and check, all from the same field table as --help. Installed packages put
them where the shells find them; otherwise, for example:
  source <(lmsstage completion bash)
  lmsstage completion fish > ~/.config/fish/completions/lmsstage.fish
)";

/// The options of one field, as help shows them: "--size LENGTH", "--nodes[=yes|no|unknown], --no-nodes".
std::string option_line(const FieldSpec& spec) {
    std::string out(spec.option);
    if (is_flag_form(spec)) {
        out += spec.placeholder;
        out += ", --no-";
        out += spec.option.substr(2);
    } else {
        out += ' ';
        out += spec.placeholder;
    }
    return out;
}

void case_fields(std::string& out) {
    std::string_view topic;
    for (const FieldSpec& spec : field_specs()) {
        if (spec.kind == ValueKind::id) {
            continue;  // JSON records only
        }
        if (spec.topic != topic) {
            topic = spec.topic;
            out += '\n';
            out += topic;
            out += ":\n";
        }
        out += "  ";
        out += option_line(spec);
        out += '\n';
        std::string help(spec.help);
        if (!spec.left_out.empty()) {
            help += "; left out: ";
            help += spec.left_out;
        }
        out += wrap_text("      ", help, 6);
    }
    out += '\n';
    out += wrap_text({},
                     "Every field is also a JSON key, with _ for - (\"abdominal_sites\"). A field a system does "
                     "not use draws a warning. An explicit unknown gives every stage consistent with it; a "
                     "required field may be left out when no value of it could change the stage.",
                     0);
}

}  // namespace

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

std::string main_help() {
    const std::string name = "lmsstage " + std::string(version()) + ": ";
    std::string out = wrap_text(name,
                                "staging of leiomyosarcoma and the sarcomas staged with it, with the matching "
                                "five-year survival table. Rule sets: " +
                                    std::string(rule_set_editions()) + ".",
                                0);
    out += '\n';
    out += k_usage;
    case_fields(out);
    out += k_output;
    out += k_commands;
    out += k_examples;
    out += k_exit_codes;
    out += '\n';
    out += clinical_judgment_reminder();
    out += '\n';
    return out;
}

std::string_view short_usage() { return k_usage; }

std::string version_text() {
    return "lmsstage " + std::string(version()) + "\nrule sets: " + std::string(rule_set_editions()) + "\n";
}

std::string command_help(std::string_view command) {
    if (command == "batch") {
        return std::string(k_batch_help);
    }
    if (command == "check") {
        return std::string(k_check_help);
    }
    if (command == "completion") {
        return std::string(k_completion_help);
    }
    if (command == "help") {
        return "Usage: lmsstage help [COMMAND]\n\n" +
               wrap_text({}, "The help of lmsstage, or of one of its commands: " + std::string(command_names()) + ".",
                         0);
    }
    if (command == "rules") {
        std::string ids;
        for (const RuleSet* rules : all_rule_sets()) {
            if (ids.find(rules->system.id) == std::string::npos) {
                ids += ids.empty() ? "" : ", ";
                ids += rules->system.id;
            }
        }
        return "Usage: lmsstage rules [SYSTEM] [--json]\n\n" +
               wrap_text({},
                         "Prints the T definitions, stage groups, notes and fields of every staging system, the "
                         "survival tables with their population, sources and cohort, and every note a result "
                         "can carry with its source, as Markdown (or JSON with --json), rendered from the data "
                         "the staging code uses. SYSTEM limits the output to one system id (" +
                             ids + "), to \"survival\" or to \"notes\".",
                         0);
    }
    return {};
}

std::string_view command_names() { return "batch, check, rules, help, completion"; }

}  // namespace lmsstage::cli
