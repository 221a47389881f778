// lmsstage batch: records in (files or stdin; JSON, NDJSON, CSV or TSV; keyed by case fields or by
// NAACCR items), exactly one output record per input record, in order: the full result object, or
// chosen columns as CSV, TSV or compact NDJSON.
#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/csv.hpp"
#include "cli/csv_records.hpp"
#include "cli/encoding.hpp"
#include "cli/inputs.hpp"
#include "cli/interrupt.hpp"
#include "cli/naaccr_xml.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/record_reader.hpp"
#include "cli/record_stream.hpp"
#include "cli/registry.hpp"
#include "doors/columns.hpp"
#include "doors/fields.hpp"
#include "doors/naaccr_xml.hpp"
#include "doors/record_output.hpp"
#include "doors/safe_text.hpp"
#include "doors/tally.hpp"
#include "lmsstage/lmsstage.hpp"
#include "naaccr/naaccr.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;
namespace {

enum class InputFormat { by_name, json, csv, tsv, naaccr_xml };

/// The options, checked and resolved.
struct BatchPlan {
    InputFormat from = InputFormat::by_name;
    RecordFormat output;
    ColumnSet columns;
    bool naaccr = false;
    bool exit_zero = false;
    StageOptions stage;
    bool naaccr_codes = false;  ///< the output carries the NAACCR output items
    Encoding encoding = Encoding::utf8;
    bool encoding_given = false;  ///< --encoding: the inputs are decoded to UTF-8 as read, whatever they declare
    char delimiter = 0;           ///< --delimiter; 0: found from each header row
    bool size_mm = false;         ///< --size-unit mm: a bare size is millimetres
    bool blank_unknown = false;   ///< --blank unknown: an empty cell is "unknown"
    enum class Summary { none, text, json } summary = Summary::none;  ///< --summary
};

/// The names of a --keep list; "id" is left out (the id is always echoed).
std::variant<std::vector<std::string>, std::string> keep_list(std::string_view list) {
    std::vector<std::string> names;
    std::vector<std::string> folded_names;
    while (true) {
        const std::size_t comma = std::min(list.find(','), list.size());
        const std::string name(list.substr(0, comma));
        if (name.empty()) {
            return std::string("batch: --keep: an empty column name (names are separated by single commas)");
        }
        const std::string folded = lowercase(name);
        if (std::find(folded_names.begin(), folded_names.end(), folded) != folded_names.end()) {
            return "batch: --keep: " + printable(name) + " is given more than once";
        }
        folded_names.push_back(folded);
        if (folded != "id") {
            names.push_back(name);
        }
        if (comma == list.size()) {
            return names;
        }
        list.remove_prefix(comma + 1);
    }
}

std::variant<BatchPlan, std::string> make_plan(const CommandLine& line) {
    const std::string encoding = line.value("--encoding"), delimiter = line.value("--delimiter"),
                      size_unit = line.value("--size-unit"), blank = line.value("--blank"),
                      summary = line.value("--summary"), keep = line.value("--keep"), from = line.value("--from"),
                      columns = line.value("--columns"), to_given = line.value("--to");
    BatchPlan plan;
    plan.naaccr = line.has("--naaccr");
    plan.exit_zero = line.has("--exit-zero");
    if (!encoding.empty()) {
        const auto named = encoding_named(encoding);
        if (!named) {
            return "batch: --encoding must be utf-8, windows-1252 or latin-1, got " + echo(encoding);
        }
        plan.encoding = *named;
        plan.encoding_given = true;
    }
    if (!delimiter.empty()) {
        if (delimiter != "," && delimiter != ";" && delimiter != "tab" && delimiter != "\t") {
            return "batch: --delimiter must be , ; or tab, got " + printable(delimiter);
        }
        plan.delimiter = delimiter == "," || delimiter == ";" ? delimiter[0] : '\t';
    }
    if (!size_unit.empty() && size_unit != "cm" && size_unit != "mm") {
        return "batch: --size-unit must be cm or mm, got " + printable(size_unit);
    }
    plan.size_mm = size_unit == "mm";
    if (!blank.empty() && blank != "not-given" && blank != "unknown") {
        return "batch: --blank must be not-given or unknown, got " + printable(blank);
    }
    plan.blank_unknown = blank == "unknown";
    if (!summary.empty()) {
        if (summary != "true" && summary != "text" && summary != "json") {
            return "batch: --summary takes text or json after =, got " + printable(summary);
        }
        plan.summary = summary == "json" ? BatchPlan::Summary::json : BatchPlan::Summary::text;
    }
    if (!keep.empty()) {
        auto names = keep_list(keep);
        if (auto* problem = std::get_if<std::string>(&names)) {
            return *problem;
        }
        plan.output.keep = std::get<std::vector<std::string>>(std::move(names));
    }
    if (from == "naaccr-xml") {
        plan.from = InputFormat::naaccr_xml;
        plan.naaccr = true;  // NAACCR XML is keyed by NAACCR items
    } else if (!from.empty()) {
        if (from != "json" && from != "csv" && from != "tsv") {
            return "batch: --from must be json, csv, tsv or naaccr-xml, got " + echo(from);
        }
        plan.from = from == "json" ? InputFormat::json : (from == "csv" ? InputFormat::csv : InputFormat::tsv);
    }
    if (to_given == "naaccr-xml" || to_given == "fhir") {
        if (!keep.empty()) {
            return "batch: --keep passes input columns to --to json, ndjson, csv or tsv, not to --to " + to_given +
                   (to_given == "fhir" ? std::string() : std::string(" (which keeps every item as it was)"));
        }
        if (!columns.empty()) {
            return "batch: --columns chooses the columns of --to ndjson, csv or tsv, not of --to " + to_given;
        }
        if (to_given == "naaccr-xml") {
            if (line.operands.size() > 1) {
                return std::string("batch: --to naaccr-xml writes one NAACCR XML input back: give one FILE");
            }
            plan.output.writer = Writer::naaccr_xml;
            plan.naaccr = true;
            plan.naaccr_codes = true;
            plan.stage = StageOptions{.trace = false, .texts = false, .notes = false};
        } else {
            plan.output.writer = Writer::fhir;
            // The assumptions and notes go into the Observations' notes.
            plan.stage = StageOptions{.trace = false, .texts = true, .notes = true};
        }
        return plan;
    }
    const std::string to = !to_given.empty() ? to_given : (columns.empty() ? "json" : "ndjson");
    if (to != "json" && to != "ndjson" && to != "csv" && to != "tsv") {
        return "batch: --to must be json (the full result records), ndjson, csv, tsv, naaccr-xml or fhir, got " +
               echo(to);
    }
    plan.output.to = to == "json"     ? OutputFormat::json
                     : to == "ndjson" ? OutputFormat::ndjson
                                      : (to == "csv" ? OutputFormat::csv : OutputFormat::tsv);
    if (plan.output.to == OutputFormat::json) {
        if (!columns.empty()) {
            return std::string("batch: --columns chooses the columns of --to ndjson, csv or tsv, not of --to json");
        }
        plan.naaccr_codes = plan.naaccr;
        for (const std::string& name : plan.output.keep) {
            // The kept members go into the result object beside its own.
            if (auto problem = with_kept(ColumnSet{}, std::span(&name, 1));
                std::holds_alternative<std::string>(problem)) {
                return "batch: " + std::get<std::string>(problem);
            }
        }
        return plan;  // full records: trace and texts (StageOptions{} builds everything)
    }
    if (columns.empty()) {
        plan.columns = default_columns(plan.naaccr);
    } else {
        auto parsed = parse_columns(columns, plan.naaccr);
        if (auto* problem = std::get_if<std::string>(&parsed)) {
            return "batch: " + *problem;
        }
        plan.columns = std::get<ColumnSet>(std::move(parsed));
    }
    plan.columns.raw_cells = line.has("--raw-cells");
    if (!keep.empty()) {  // even --keep id alone: the id first
        auto kept = with_kept(plan.columns, plan.output.keep);
        if (auto* problem = std::get_if<std::string>(&kept)) {
            return "batch: " + *problem;
        }
        plan.columns = std::get<ColumnSet>(std::move(kept));
    }
    plan.stage = StageOptions{.trace = plan.columns.trace, .texts = plan.columns.texts, .notes = plan.columns.notes};
    plan.naaccr_codes = plan.columns.naaccr;
    return plan;
}

/// The case field (or with `naaccr`, the NAACCR item lmsstage reads) nearest a column's name, if
/// one is close.
std::string nearest_field(std::string_view name, bool naaccr) {
    const std::string folded = lowercase(name);
    Closest closest(folded);
    for (const FieldSpec& spec : field_specs()) {
        closest.consider(spec.key);
    }
    if (naaccr) {
        for (const naaccr::ItemInfo& item : naaccr::input_items()) {
            closest.consider(item.id);
        }
    }
    return closest.suggestion();
}

InputFormat format_of(const BatchPlan& plan, const Input& input) {
    if (plan.from != InputFormat::by_name) {
        return plan.from;
    }
    const std::string& name = input.path;  // .csv, .CSV
    if (has_extension(name, ".csv")) {
        return InputFormat::csv;
    }
    if (has_extension(name, ".xml")) {
        return InputFormat::naaccr_xml;
    }
    return has_extension(name, ".tsv") ? InputFormat::tsv : InputFormat::json;
}

/// An input read after a look at its first bytes, to tell NAACCR XML by its content.
class PeekingReader {
public:
    explicit PeekingReader(const ReadFn& reader) : m_reader(reader) {}

    /// True when the input's first character that is not white space (after a UTF-8 byte-order
    /// mark) is '<'. Reads up to 4 KiB ahead; read() gives those bytes first.
    bool starts_xml() {
        constexpr std::size_t k_step = 512;
        while (m_head.size() < 8 * k_step && !m_end && m_error == 0) {
            const std::size_t had = m_head.size();
            m_head.resize(had + k_step);
            const ReadResult got = m_reader(m_head.data() + had, k_step);
            m_head.resize(had + got.bytes);
            m_error = got.error;
            m_end = got.error == 0 && got.bytes == 0;
            std::string_view head = m_head;
            if (head.size() < 3 && std::string_view("\xEF\xBB\xBF").starts_with(head)) {
                continue;  // a byte-order mark read in part
            }
            if (head.starts_with("\xEF\xBB\xBF")) {
                head.remove_prefix(3);
            }
            if (head.find_first_not_of(" \t\r\n") != std::string_view::npos) {
                break;
            }
        }
        return looks_like_xml(m_head);
    }

    /// True when the input read so far by starts_xml() begins with a line that is no JSON but holds
    /// a comma, semicolon or tab: a CSV or TSV header read as JSON.
    [[nodiscard]] bool looks_like_table() const {
        std::string_view head = m_head;
        if (head.starts_with("\xEF\xBB\xBF")) {
            head.remove_prefix(3);
        }
        const std::size_t first = head.find_first_not_of(" \t\r\n");
        if (first == std::string_view::npos || head[first] == '{' || head[first] == '[' || head[first] == '<') {
            return false;
        }
        const std::string_view line = head.substr(first, head.find_first_of("\r\n", first) - first);
        return line.find_first_of(",;\t") != std::string_view::npos;
    }

    ReadResult read(char* buffer, std::size_t size) {
        if (m_at < m_head.size()) {
            const std::size_t n = std::min(size, m_head.size() - m_at);
            std::memcpy(buffer, m_head.data() + m_at, n);
            m_at += n;
            return ReadResult{n, 0};
        }
        if (m_error != 0) {
            return ReadResult{0, std::exchange(m_error, 0)};
        }
        return m_end ? ReadResult{} : m_reader(buffer, size);
    }

private:
    const ReadFn& m_reader;
    std::string m_head;
    std::size_t m_at = 0;
    int m_error = 0;
    bool m_end = false;
};

/// The tally of a whole run (batch --summary): each worker counts its batch apart and adds it in
/// once, one lock a batch.
class RunTally {
public:
    void merge(const Tally& batch) {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_tally.merge(batch);
    }
    [[nodiscard]] const Tally& tally() const { return m_tally; }  ///< once the workers are done

private:
    std::mutex m_mutex;
    Tally m_tally;
};

/// Stages the records of a batch (on a worker thread): one output record each.
class BatchStager {
public:
    BatchStager(const BatchPlan& plan, RunTally* tally) : m_plan(plan), m_tally(tally) {}

    void operator()(Batch& batch) const {
        thread_local Record record;
        thread_local Result result;
        thread_local Tally tally;
        thread_local std::vector<naaccr::OutputItem> codes;
        tally.clear();
        for (const Batch::Item& item : batch.items) {
            const std::string_view bytes(batch.input.data() + item.offset, item.size);
            if (item.xml && !bytes.starts_with(k_tumor_mark)) {
                if (m_plan.output.writer == Writer::naaccr_xml) {
                    batch.output += bytes;  // the document around the tumours
                }
                continue;
            }
            std::optional<RecordError> error;
            if (item.xml) {
                read_xml_tumor(bytes, record, m_plan.output.keep);
            } else if (item.problem) {
                error = RecordError{std::string(bytes.substr(0, item.field_size)),
                                    std::string(bytes.substr(item.field_size)), false, false};
                record.clear();
            } else {
                error = item.csv != nullptr ? read_csv_record(bytes, *item.csv, record)
                                            : read_padded_record(bytes, RecordKind::batch, record, keys());
            }
            if (!error && m_plan.size_mm) {
                in_millimetres(record.input);
            }
            if (!error) {
                error = stage_record(record, m_plan.naaccr || item.xml, result, m_plan.stage);
            }
            if (item.csv != nullptr) {
                say_lines_spanned(bytes, item.place.line, error, result);
            }
            codes.clear();
            if (!error && m_plan.naaccr_codes) {
                codes = naaccr::output_items(result, record.input);
            }
            const RecordView view{record.id_json,
                                  record.id_text,
                                  item.place,
                                  error ? nullptr : &result,
                                  error ? std::string_view(error->field) : std::string_view(),
                                  error ? std::string_view(error->message) : std::string_view(),
                                  codes,
                                  record.kept};
            append_record(batch.output, m_plan.output, m_plan.columns, view, record.input,
                          item.xml ? bytes : std::string_view());
            ++(error ? batch.bad : batch.ok);
            if (m_tally != nullptr) {
                if (error) {
                    tally.add_error(error->field);
                } else {
                    tally.add(result);
                }
            }
        }
        if (m_tally != nullptr) {
            m_tally->merge(tally);
        }
    }

private:
    /// --size-unit mm: a size given as a bare number is millimetres (a size with its unit keeps it).
    static void in_millimetres(Case& input) {
        if (input.size && input.size->known() && !input.size->value->unit_stated) {
            input.size->value->unit = LengthUnit::mm;
        }
    }

    [[nodiscard]] RecordKeys keys() const { return m_plan.naaccr ? RecordKeys::naaccr : RecordKeys::case_fields; }

    /// A CSV/TSV row that spans lines (a quoted cell holds a line break) says which: RFC 4180
    /// allows it, but a stray quote joins the rows up to the next quote into one record, silently.
    static void say_lines_spanned(std::string_view row, long long first, std::optional<RecordError>& error,
                                  Result& result) {
        if (!error && !result.warnings.recording()) {
            return;  // staged without warnings (StageOptions::texts): nothing would show it
        }
        if (row.empty() || std::memchr(row.data(), '"', row.size()) == nullptr) {
            return;  // the common case: a line break outside quotes ends a row, so no quote, no span
        }
        long long breaks = 0;
        for (std::size_t i = 0; i < row.size(); ++i) {
            breaks += row[i] == '\n' || (row[i] == '\r' && (i + 1 == row.size() || row[i + 1] != '\n')) ? 1 : 0;
        }
        if (breaks == 0) {
            return;
        }
        std::string span;
        fill_template(span, k_lines_spanned_warning, {std::to_string(first), std::to_string(first + breaks)});
        if (error) {
            error->message += "; ";
            error->message += span;
        } else {
            result.warnings.push_back(std::move(span));
        }
    }

    const BatchPlan& m_plan;
    RunTally* m_tally;
};

}  // namespace

namespace {

class BatchCommand {
public:
    BatchCommand(const Streams& io, const BatchPlan& plan)
        : m_io(io),
          m_plan(plan),
          m_output(io.out),
          m_pipeline(m_output, BatchStager(plan, plan.summary == BatchPlan::Summary::none ? nullptr : &m_tally)) {}

    /// The CSV or TSV header row of the output; false when it cannot be written.
    bool write_header() {
        std::string header;
        append_header(header, m_plan.columns, m_plan.output.to);
        return header.empty() || m_output.write(header);
    }

    /// Reads every input in order; false when writing stopped (output, worker failure or signal).
    bool read_all(const std::vector<Input>& inputs) {
        for (const Input& input : inputs) {
            InputReader reader(input, m_io.in, m_io.stdin_fd);
            if (reader.open_failed(input, m_io.err)) {
                m_input_failed = true;
                continue;
            }
            ReadFn input_read = [&reader](char* buffer, std::size_t size) { return reader.read(buffer, size); };
            if (m_io.read_through) {
                input_read = m_io.read_through(std::move(input_read));
            }
            PeekingReader peeking(input_read);
            const ReadFn read = decoding(
                [&peeking](char* buffer, std::size_t size) { return peeking.read(buffer, size); }, m_plan.encoding);
            InputFormat format = format_of(m_plan, input);
            if (format == InputFormat::json && m_plan.from == InputFormat::by_name && peeking.starts_xml()) {
                format = InputFormat::naaccr_xml;  // a NAACCR XML file by its content (stdin, or any name)
            } else if (format == InputFormat::json && m_plan.from == InputFormat::by_name &&
                       peeking.looks_like_table()) {
                // Read as JSON (nothing is guessed), with the one line that says how to read it as a table.
                m_io.err << "lmsstage: " << input.shown
                         << ": the first line is no JSON but looks like a CSV or TSV header: add --from csv (or "
                            "--from tsv), or name the file .csv\n";
            }
            if (m_plan.output.writer == Writer::naaccr_xml && format != InputFormat::naaccr_xml) {
                not_naaccr_xml(input, "");
                continue;
            }
            StreamEnd end;
            if (format == InputFormat::json) {
                end = split_records(read, [&](const RawRecord& raw) { return add(input, raw); });
            } else if (format == InputFormat::naaccr_xml) {
                end = read_naaccr_xml(
                    read, [&](const XmlPiece& piece) { return add_xml(input, piece); }, m_plan.encoding_given);
            } else {
                end = read_table(input, read, format == InputFormat::tsv);
            }
            if (end.kind == StreamEnd::Kind::consumer_stopped || stop_signal() != 0) {
                return false;
            }
            if (end.kind == StreamEnd::Kind::read_error) {
                read_failed(input, end);
            }
        }
        return m_pipeline.finish();
    }

    int finish(bool completed) {
        if (const int signal = stop_signal(); signal != 0) {
            m_io.err << "lmsstage: stopped by " << signal_name(signal) << " after " << lines()
                     << " output lines; the rest of the input was not staged\n";
            return exit_code::signal_base + signal;
        }
        report_thread_problem();
        if (m_pipeline.failure()) {
            return worker_failed(m_pipeline.failure(), lines(), m_io.err);
        }
        if (!completed || !m_output.flush()) {
            return output_failed(m_output, m_io.err);
        }
        warn_passed_over();
        m_io.err << "staged " << lines() << (lines() == 1 ? " record: " : " records: ") << m_pipeline.ok() << " ok, "
                 << m_pipeline.bad() << (m_pipeline.bad() == 1 ? " error\n" : " errors\n");
        if (m_plan.summary == BatchPlan::Summary::text) {
            m_io.err << m_tally.tally().text();
        } else if (m_plan.summary == BatchPlan::Summary::json) {
            m_io.err << m_tally.tally().json();
        }
        if (m_input_failed) {
            return exit_code::no_input;
        }
        if (m_cut_short) {
            return exit_code::data;  // records after the fault were not read: never hidden by --exit-zero
        }
        return m_pipeline.bad() > 0 && !m_plan.exit_zero ? exit_code::data : exit_code::ok;
    }

private:
    long long lines() const { return m_pipeline.ok() + m_pipeline.bad(); }

    /// Hands a full batch on; false when reading must stop.
    bool added() {
        const bool go_on = !m_pipeline.current().full() || m_pipeline.submit();
        report_thread_problem();
        return go_on;
    }

    bool add(const Input& input, const RawRecord& raw) {
        if (stop_signal() != 0) {
            return false;
        }
        RecordPlace place = raw.place;
        place.file = input.json_name;
        m_pipeline.current().add(raw.problem.empty() ? raw.bytes : raw.problem, place, !raw.problem.empty());
        if (raw.stops) {
            m_io.err << "lmsstage: " << input.shown << ": " << printable(raw.problem) << '\n';
            m_cut_short = true;
        }
        return added();
    }

    /// A piece of a NAACCR XML input: a tumour (a record), the text around the tumours, or a
    /// problem that stopped reading.
    bool add_xml(const Input& input, const XmlPiece& piece) {
        if (stop_signal() != 0) {
            return false;
        }
        RecordPlace place = RecordPlace::at_line(piece.line);
        place.file = input.json_name;
        if (piece.kind == XmlPiece::Kind::problem && piece.before_root && m_plan.output.writer == Writer::naaccr_xml) {
            // No document began, so none can be written back: the input is refused as a whole, as
            // JSON or CSV is, rather than written as a comment that alone is no XML document.
            not_naaccr_xml(input, ':' + std::to_string(piece.line) + ": " + printable(piece.bytes));
            return true;
        }
        if (piece.kind == XmlPiece::Kind::problem) {
            m_pipeline.current().add(piece.bytes, place, true);
            m_io.err << "lmsstage: " << input.shown << ':' << piece.line << ": " << printable(piece.bytes) << '\n';
            m_cut_short = true;
            return added();
        }
        m_pipeline.current().add_xml(piece.bytes, place);
        return added();
    }

    /// An input that --to naaccr-xml cannot write back (JSON, CSV, or XML with no NAACCR XML root):
    /// nothing of it is written; it is named on stderr (with `why`, when given) and the run exits 65.
    void not_naaccr_xml(const Input& input, const std::string& why) {
        m_io.err << "lmsstage: " << input.shown
                 << (why.empty() ? std::string(": not NAACCR XML, which --to naaccr-xml writes back (give a NAACCR XML "
                                               "file, or --to json, csv or fhir)")
                                 : why + " (--to naaccr-xml writes back NAACCR XML only)")
                 << "; nothing of it was written\n";
        m_cut_short = true;
    }

    /// A CSV or TSV input: its header row, then one record per data row.
    StreamEnd read_table(const Input& input, const ReadFn& read, bool tsv) {
        csv::Dialect dialect = tsv ? csv::Dialect::tsv() : csv::Dialect::csv();
        if (m_plan.delimiter != 0) {
            dialect.delimiter = m_plan.delimiter;
        }
        csv::RowFramer framer(read, dialect, k_max_record_bytes);
        std::shared_ptr<const CsvHeader> header;  // held by the batches of its rows, and here
        std::size_t header_size = 0;
        csv::RawRow raw;
        while (framer.next(raw)) {
            if (stop_signal() != 0) {
                return StreamEnd{StreamEnd::Kind::consumer_stopped};
            }
            RecordPlace place{static_cast<long long>(raw.line), 0, -1, input.json_name,
                              static_cast<long long>(raw.number)};
            bool go_on = true;
            if (!raw.problem.empty() && header == nullptr) {
                // A header that cannot be read (too long, a quote never closed): the rows after it
                // have no columns, and no later row is taken for the header.
                const std::string message =
                    "header: " + std::string(raw.problem) + "; the rest of this input was not read";
                m_pipeline.current().add_problem("", message, place);
                m_io.err << "lmsstage: " << input.shown << ':' << raw.line << ": " << printable(message) << '\n';
                m_cut_short = true;
                return added() ? StreamEnd{} : StreamEnd{StreamEnd::Kind::consumer_stopped};
            }
            if (!raw.problem.empty()) {
                go_on = add(input, RawRecord{{}, place, raw.problem, raw.stops});
            } else if (header == nullptr) {
                if (m_plan.delimiter == 0) {
                    dialect.delimiter = csv::header_delimiter(raw.bytes, dialect.delimiter);
                    framer.set_delimiter(dialect.delimiter);
                }
                header = read_header(input, raw, dialect, place);
                if (header == nullptr) {
                    // The header names what lmsstage does not take: an error record, and nothing
                    // more of this input is read.
                    return added() ? StreamEnd{} : StreamEnd{StreamEnd::Kind::consumer_stopped};
                }
                header_size = raw.bytes.size() + header->columns.size() * sizeof(CsvHeader::Column);
            } else if (!is_empty_row(raw.bytes, dialect)) {
                m_pipeline.current().add_row(raw.bytes, place, header, header_size);
                go_on = added();
            }
            if (!go_on) {
                return StreamEnd{StreamEnd::Kind::consumer_stopped};
            }
        }
        if (framer.error() != 0) {
            return StreamEnd{StreamEnd::Kind::read_error, framer.error(), static_cast<long long>(framer.line())};
        }
        return StreamEnd{};
    }

    /// The header row: the columns of the rows after it; nullptr (and an error record in place of
    /// the input) when it names what lmsstage does not take.
    std::shared_ptr<const CsvHeader> read_header(const Input& input, const csv::RawRow& raw,
                                                 const csv::Dialect& dialect, RecordPlace place) {
        auto header = std::make_shared<CsvHeader>();
        if (auto error =
                read_csv_header(raw.bytes, dialect, m_plan.naaccr, *header, m_plan.output.keep, m_plan.blank_unknown)) {
            const std::string message = error->message + std::string("; the rest of this input was not read");
            m_pipeline.current().add_problem(error->field, message, place);
            m_io.err << "lmsstage: " << input.shown << ':' << raw.line << ": " << printable(message) << '\n';
            m_cut_short = true;
            return nullptr;
        }
        for (std::string& name : header->passed_over()) {
            if (std::find(m_passed_over.begin(), m_passed_over.end(), name) == m_passed_over.end()) {
                m_passed_over.push_back(std::move(name));
            }
        }
        return header;
    }

    /// A read error: an error line in place of the unread rest, and the reason on stderr.
    void read_failed(const Input& input, const StreamEnd& end) {
        const std::string message = "reading stopped at line " + std::to_string(end.line) + ": " +
                                    std::strerror(end.error) + "; the rest of this input was not read";
        RecordPlace place = RecordPlace::at_line(end.line);
        place.file = input.json_name;
        m_pipeline.current().add(message, place, true);
        m_io.err << "lmsstage: " << input.shown << ':' << end.line << ": " << message << '\n';
        m_input_failed = true;
    }

    /// One warning for the run naming the input columns that were neither read nor kept, each with
    /// the nearest case field when one is close (a misspelt header).
    void warn_passed_over() {
        if (m_passed_over.empty()) {
            return;
        }
        std::string names;
        for (const std::string& name : m_passed_over) {
            names += names.empty() ? "" : ", ";
            names += printable(name);
            names += did_you_mean(nearest_field(name, m_plan.naaccr));
        }
        m_io.err << "lmsstage: warning: " << (m_passed_over.size() == 1 ? "a column was" : "columns were")
                 << " passed over, being no case field" << (m_plan.naaccr ? " or NAACCR item" : "") << ": " << names
                 << " (--keep passes a column through to the output)\n";
    }

    void report_thread_problem() {
        if (!m_thread_note_done && !m_pipeline.thread_problem().empty()) {
            m_thread_note_done = true;
            m_io.err << "lmsstage: cannot start worker threads (" << m_pipeline.thread_problem()
                     << "): staging on fewer threads\n";
        }
    }

    const Streams& m_io;
    const BatchPlan& m_plan;
    RunTally m_tally;  // before the pipeline, whose workers add to it
    Output m_output;
    Pipeline m_pipeline;
    std::vector<std::string> m_passed_over;  // the columns passed over, in every input: one warning
    bool m_input_failed = false;
    bool m_cut_short = false;
    bool m_thread_note_done = false;
};

}  // namespace

int run_batch(const CommandLine& line, const Streams& io) {
    auto plan = make_plan(line);
    if (auto* problem = std::get_if<std::string>(&plan)) {
        io.err << "lmsstage: " << *problem << "; see lmsstage batch --help\n";
        return exit_code::usage;
    }
    std::vector<Input> inputs;
    if (auto problem = check_inputs(line.operands, inputs)) {
        io.err << "lmsstage: " << *problem << '\n';
        return exit_code::no_input;
    }
    if (std::get<BatchPlan>(plan).summary != BatchPlan::Summary::none) {
        std::get<BatchPlan>(plan).stage.texts = true;  // the warnings and assumptions, to be counted
    }
    BatchCommand command(io, std::get<BatchPlan>(plan));
    if (!command.write_header()) {
        return command.finish(false);
    }
    const bool completed = command.read_all(inputs);
    return command.finish(completed);
}

}  // namespace lmsstage::cli
