// The one table of case fields (include/lmsstage/fields.hpp), and reading a value from its text.
// A row names a Case member; the reading, the "was it given" test and the word list are made from
// the member's type, so adding a field is one row here (and its member and its staging logic).
#include "lmsstage/fields.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/detail.hpp"
#include "core/numbers.hpp"
#include "lmsstage/case.hpp"
#include "lmsstage/rules.hpp"

namespace lmsstage {
namespace {

// ---- Words ------------------------------------------------------------------------------------

constexpr char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// A character as words are compared: lower case, and a space or an underscore as '-'.
constexpr char folded(char c) noexcept { return c == ' ' || c == '_' ? '-' : lower(c); }

/// The text without surrounding blanks, in lower case (for messages and hints).
std::string lower_trimmed(std::string_view text) {
    std::string out(trimmed(text));
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

/// A word as compared: lower case, spaces and underscores as '-', no surrounding blanks.
std::string normalized(std::string_view text) {
    std::string out(trimmed(text));
    std::transform(out.begin(), out.end(), out.begin(), folded);
    return out;
}

/// A word as compared, like `normalized`, but folded into a buffer of its own: a million records
/// look their words up a few million times. A text longer than any word of the vocabulary does not
/// fit and matches nothing.
class Folded {
public:
    explicit Folded(std::string_view text) noexcept {
        text = trimmed(text);
        fits_ = text.size() <= buffer_.size();
        if (fits_) {
            size_ = text.size();
            for (std::size_t i = 0; i < size_; ++i) {
                buffer_[i] = folded(text[i]);
            }
        }
    }
    /// True when the text, folded, is `normal` (a word already in folded form).
    [[nodiscard]] bool is(std::string_view normal) const noexcept { return fits_ && view() == normal; }
    [[nodiscard]] bool fits() const noexcept { return fits_; }
    [[nodiscard]] std::string_view view() const noexcept { return {buffer_.data(), size_}; }

private:
    std::array<char, 48> buffer_{};
    std::size_t size_ = 0;
    bool fits_ = false;
};

/// What the user gave, for messages: empty text shows as "".
std::string shown(std::string_view text) { return text.empty() ? std::string("\"\"") : std::string(text); }

CaseError invalid(const FieldInfo& f, std::string_view given, std::string_view hint = {}) {
    std::string problem = "must be " + accepted_values(f) + ", got " + shown(given);
    if (!hint.empty()) {
        problem += "; ";
        problem += hint;
    }
    return CaseError{f.field, std::move(problem)};
}

/// True when `word`, normalized, is `normal` (already normalized): compared in place, since a
/// million records look their words up a few million times.
bool normalizes_to(std::string_view word, std::string_view normal) noexcept {
    if (word.size() != normal.size()) {
        return false;  // the vocabulary's words have no surrounding blanks to trim
    }
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (folded(word[i]) != normal[i]) {
            return false;
        }
    }
    return true;
}

/// The canonical word a text stands for: the word itself (any case), or a synonym's meaning.
std::optional<std::string_view> canonical(const FieldInfo& f, std::string_view text) {
    const std::span<const std::string_view> words = f.words();
    for (std::string_view w : words) {
        if (w == text) {
            return w;  // as the vocabulary spells it: the usual case
        }
    }
    const Folded word(text);
    if (!word.fits()) {
        return std::nullopt;
    }
    for (std::string_view w : words) {
        if (normalizes_to(w, word.view())) {
            return w;
        }
    }
    for (const Synonym& s : f.synonyms) {
        if (word.is(s.word)) {
            return s.means;
        }
    }
    return std::nullopt;
}

// Words that are not values of a field, and what to write instead.
struct Hint {
    std::string_view word;
    std::string_view say;
};
constexpr Hint k_site_hints[] = {
    {"thigh", "a tumour of the thigh is staged with site extremity"},
    {"leg", "a tumour of the leg is staged with site extremity"},
    {"calf", "a tumour of the calf is staged with site extremity"},
    {"knee", "a tumour of the knee is staged with site extremity"},
    {"foot", "a tumour of the foot is staged with site extremity"},
    {"arm", "a tumour of the arm is staged with site extremity"},
    {"forearm", "a tumour of the forearm is staged with site extremity"},
    {"hand", "a tumour of the hand is staged with site extremity"},
    {"shoulder", "a tumour of the shoulder is staged with site extremity"},
    {"buttock", "a tumour of the buttock is staged with site extremity"},
    {"groin", "a tumour of the groin is staged with site extremity"},
    {"chest-wall", "a tumour of the chest wall is staged with site trunk"},
    {"abdominal-wall", "a tumour of the abdominal wall is staged with site trunk"},
    {"back", "a tumour of the back is staged with site trunk"},
    {"flank", "a tumour of the flank is staged with site trunk"},
    {"neck", "a tumour of the neck is staged with site head-neck"},
    {"scalp", "a tumour of the scalp is staged with site head-neck"},
    {"stomach", "a gastric tumour is staged with site gi, gi_site stomach and histology gist or lms"},
    {"small-intestine",
     "a small-bowel tumour is staged with site gi, gi_site small-intestine and histology gist or lms"},
    {"duodenum", "a duodenal tumour is staged with site gi, gi_site duodenum and histology gist or lms"},
    {"colon", "a colonic tumour is staged with site gi, gi_site colorectum and histology gist or lms"},
    {"rectum", "a rectal tumour is staged with site gi, gi_site rectum and histology gist or lms"},
    {"esophagus", "an oesophageal tumour is staged with site gi, gi_site esophagus and histology gist or lms"},
    {"oesophagus", "an oesophageal tumour is staged with site gi, gi_site esophagus and histology gist or lms"},
    {"liver", "a sarcoma of the liver is staged with site visceral and edition 8"},
    {"lung", "a sarcoma of the lung is staged with site visceral and edition 8"},
    {"kidney", "a sarcoma of the kidney is staged with site visceral and edition 8"},
    {"bladder", "a sarcoma of the bladder is staged with site visceral and edition 8"},
    {"heart",
     "a sarcoma of the heart is staged with site soft-tissue under the AJCC 7th edition (Collaborative Stage "
     "schema Heart and Mediastinum) and site visceral under the 8th (ch. 42); one of the mediastinum with site "
     "mediastinum"},
    {"vein", "a leiomyosarcoma of a great vein is staged by where it lies: trunk, retroperitoneum or extremity"},
};
// A four-tier grade 4 (undifferentiated) is the highest of its system: high grade, with grade 3, when
// four grades are read as two (AJCC Cancer Staging Manual, 6th ed. (2002), soft tissue sarcoma,
// histologic grade: four-grade systems, grades 3 and 4 high grade); FNCLCC has three grades.
constexpr std::string_view k_four_tier =
    "grade 4 is not an FNCLCC grade: FNCLCC has three grades, and grade 4 of a four-tier system is its highest "
    "(high grade); enter the FNCLCC grade (1, 2 or 3) from the pathology report, or high when only \"high grade\" is "
    "known (staged as G2 or G3)";
constexpr Hint k_grade_hints[] = {
    {"low",
     "a grade stated as low grade only is FNCLCC grade 1 (SEER Grade Clinical and Pathological, soft tissue: "
     "code 1 for \"low grade\" only): enter 1"},
    {"4", k_four_tier},
    {"g4", k_four_tier},
    {"iv", k_four_tier},
    {"grade-4", k_four_tier},
};

/// A hint for a word that is not a value: a table's, else the closest value ("did you mean").
std::string hint_for(const FieldInfo& f, std::string_view text) {
    const std::string word = normalized(text);
    const std::span<const Hint> hints = f.field == Field::site    ? std::span<const Hint>(k_site_hints)
                                        : f.field == Field::grade ? std::span<const Hint>(k_grade_hints)
                                                                  : std::span<const Hint>{};
    for (const Hint& h : hints) {
        if (h.word == word) {
            return std::string(h.say);
        }
    }
    std::string_view best;
    std::size_t best_distance = word.size() <= 3 ? 1 : 2;  // suggest only close words
    for (std::string_view w : f.words()) {
        const std::size_t d = edit_distance(word, normalized(w));
        if (d <= best_distance && (best.empty() || d < best_distance)) {
            best = w;
            best_distance = d;
        }
    }
    return best.empty() ? std::string() : "did you mean " + std::string(best) + "?";
}

// ---- Values by type -----------------------------------------------------------------------------

template <typename V>
using Read = std::variant<V, CaseError>;

template <typename E>
constexpr auto& all_values() {
    if constexpr (std::is_same_v<E, Site>)
        return k_all_sites;
    else if constexpr (std::is_same_v<E, Depth>)
        return k_all_depths;
    else if constexpr (std::is_same_v<E, Grade>)
        return k_all_grades;
    else if constexpr (std::is_same_v<E, Extension>)
        return k_all_extensions;
    else if constexpr (std::is_same_v<E, GiSite>)
        return k_all_gi_sites;
    else if constexpr (std::is_same_v<E, AdjoiningInvasion>)
        return k_all_adjoining_invasions;
    else if constexpr (std::is_same_v<E, Basis>)
        return k_all_bases;
    else
        return k_all_visceral_extents;
}

/// A value named by a word (site, grade, ...).
template <typename E>
Read<E> read_word(const FieldInfo& f, std::string_view text) {
    if (const auto word = canonical(f, text)) {
        // The field's words are its values' names in all_values order (words() below): a word
        // found as the vocabulary spells it is found again by its address, without comparing text.
        const std::span<const std::string_view> words = f.words();
        for (std::size_t i = 0; i < words.size() && i < all_values<E>().size(); ++i) {
            if (words[i].data() == word->data() && words[i].size() == word->size()) {
                return all_values<E>()[i];
            }
        }
        for (E value : all_values<E>()) {  // a synonym's meaning
            if (name(value) == *word) {
                return value;
            }
        }
    }
    return invalid(f, text, hint_for(f, text));
}

// ---- Histology: a word of the histology table, or an ICD-O-3 code ---------------------------------

/// What an ICD-O-3 behaviour code means.
std::string_view behaviour_words(int behaviour) noexcept {
    switch (behaviour) {
        case 0: return "benign";
        case 1: return "uncertain whether benign or malignant";
        case 2: return "in situ";
        case 3: return "malignant";
        case 6: return "malignant, metastatic site";
        case 9: return "malignant, uncertain whether primary or metastatic";
        default: return "not an ICD-O-3 behaviour code";
    }
}

/// An ICD-O-3 morphology as written: "8850", "8850/3" or "88503" (code then behaviour); the
/// behaviour is -1 when not written.
bool read_icd_o_code(std::string_view word, int& code, int& behaviour) noexcept {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    const bool four = word.size() >= 4 && std::all_of(word.begin(), word.begin() + 4, digit);
    if (!four) {
        return false;
    }
    code = (word[0] - '0') * 1000 + (word[1] - '0') * 100 + (word[2] - '0') * 10 + (word[3] - '0');
    if (word.size() == 4) {
        behaviour = -1;
        return true;
    }
    if (word.size() == 5 && digit(word[4])) {
        behaviour = word[4] - '0';
        return true;
    }
    if (word.size() == 6 && word[4] == '/' && digit(word[5])) {
        behaviour = word[5] - '0';
        return true;
    }
    return false;
}

/// The type of an ICD-O-3 code: its row for the behaviour written, or, with none written, the
/// malignant row (else the code's only row: 8821 is desmoid tumour, 8821/1).
Read<HistologyType> read_histology_code(const FieldInfo& f, std::string_view text, int code, int behaviour) {
    const auto c = static_cast<std::uint16_t>(code);
    if (behaviour >= 0) {
        if (const auto type = HistologyType::of(c, static_cast<std::uint8_t>(behaviour))) {
            return *type;
        }
    } else {
        for (const std::uint8_t b : {std::uint8_t{3}, std::uint8_t{1}, std::uint8_t{0}, std::uint8_t{2}}) {
            if (const auto type = HistologyType::of(c, b)) {
                return *type;
            }
        }
    }
    if (const auto malignant = HistologyType::of(c, 3); malignant && behaviour >= 0) {
        return CaseError{f.field, "ICD-O-3 " + std::to_string(code) + "/" + std::to_string(behaviour) +
                                      " has behaviour " + std::to_string(behaviour) + " (" +
                                      std::string(behaviour_words(behaviour)) +
                                      "): lmsstage stages malignant tumours, behaviour 3 (" + malignant->code_text() +
                                      " is " + std::string(malignant->row().name) + "), got " + shown(text)};
    }
    return CaseError{f.field, "ICD-O-3 " + std::to_string(code) +
                                  " is not in lmsstage's histology table (the sarcomas of ICD-O-3 8800-9581, and "
                                  "the codes it refuses with their reason): give the histology's code as ICD-O-3 "
                                  "writes it (8850 or 8850/3) or its name (liposarcoma), got " +
                                  shown(text)};
}

Read<HistologyType> read_histology(const FieldInfo& f, std::string_view text) {
    const std::string_view word = trimmed(text);
    int code = 0;
    int behaviour = -1;
    if (read_icd_o_code(word, code, behaviour)) {
        return read_histology_code(f, text, code, behaviour);
    }
    if (const Folded folded(word); folded.fits()) {
        if (const auto type = HistologyType::named(folded.view())) {
            return *type;
        }
    }
    return invalid(f, text, hint_for(f, text));
}

constexpr std::string_view k_yes_words[] = {"yes", "true", "present", "positive", "y"};
constexpr std::string_view k_no_words[] = {"no", "false", "absent", "negative", "n"};

Read<Finding> read_finding(const FieldInfo& f, std::string_view text) {
    const Folded word(text);
    const auto is_word = [&word](std::string_view w) { return word.is(w); };
    if (std::any_of(std::begin(k_yes_words), std::end(k_yes_words), is_word)) {
        return Finding::present;
    }
    if (std::any_of(std::begin(k_no_words), std::end(k_no_words), is_word)) {
        return Finding::absent;
    }
    if (word.is("unknown")) {
        return Finding::unknown;
    }
    return invalid(f, text);
}

bool is_unknown_word(std::string_view text) { return Folded(text).is("unknown"); }

/// A number (trimmed) with its one decimal comma written as a point ("6,5" -> "6.5"), in lower
/// case; nullopt unless it holds exactly one comma.
std::optional<std::string> with_decimal_point(std::string_view word) {
    const auto comma = word.find(',');
    if (comma == std::string_view::npos || word.find(',', comma + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    std::string point = lower_trimmed(word);  // (trimmed already: the comma stays where it was)
    point[comma] = '.';
    return point;
}

/// A number of the text, or why it is not one, with a hint for a decimal comma.
Read<double> read_number(const FieldInfo& f, std::string_view text) {
    const std::string_view word = trimmed(text);  // from_chars takes e and E, inf and INF alike
    double value = 0.0;
    switch (detail::parse_number(word, value)) {
        case detail::NumberStatus::ok:
        case detail::NumberStatus::not_finite: return value;  // the core refuses it, with the field
        case detail::NumberStatus::out_of_range:
            return CaseError{f.field, "is out of range: must be " + accepted_values(f) + ", got " + shown(text)};
        case detail::NumberStatus::not_a_number: break;
    }
    if (const auto point = with_decimal_point(word)) {
        return invalid(f, text, "use a decimal point: " + *point);
    }
    return invalid(f, text);
}

Read<long long> read_whole(const FieldInfo& f, std::string_view text) {
    const std::string_view word = trimmed(text);
    long long value = 0;
    const char* last = word.data() + word.size();
    auto [end, ec] = std::from_chars(word.data(), last, value);
    if (word.empty() || ec != std::errc{} || end != last) {
        return invalid(f, text,
                       word.find_first_of(".,") != std::string_view::npos ? "a whole number, without decimals"
                                                                          : std::string_view{});
    }
    return value;
}

Read<int> read_edition(const FieldInfo& f, std::string_view text) {
    std::string word = normalized(text);
    constexpr std::string_view k_uicc_words[] = {"uicc9", "uicc-9", "uicc", "tnm9", "uicc-tnm9", "uicc-tnm-9"};
    if (std::find(std::begin(k_uicc_words), std::end(k_uicc_words), word) != std::end(k_uicc_words)) {
        return k_uicc9;
    }
    if (word == "9" || word == "9th" || word == "ajcc9") {
        return invalid(f, text,
                       "for the UICC TNM 9th edition (2025) write uicc9; AJCC has no 9th edition of these chapters");
    }
    if (word == "7th" || word == "8th" || word == "ajcc7" || word == "ajcc8") {
        word = word.substr(word.size() - (word.back() == 'h' ? 3 : 1), 1);
    }
    const auto whole = read_whole(f, word);
    if (std::holds_alternative<CaseError>(whole)) {
        return invalid(f, text);
    }
    const long long value = std::get<long long>(whole);
    return static_cast<int>(std::clamp<long long>(value, -1000, 1000));  // the core checks 7 or 8
}

/// A length as typed, split into its number and its unit ("55mm" -> "55", "mm"; "6" -> "6", "").
struct TypedLength {
    std::string_view number;
    std::string_view unit;
};

TypedLength split_length(std::string_view word) {
    std::size_t split = 0;
    while (split < word.size() &&
           (std::isdigit(static_cast<unsigned char>(word[split])) != 0 || word[split] == '.' || word[split] == '-' ||
            word[split] == '+' || word[split] == 'e' || word[split] == ',')) {
        ++split;
    }
    if (split == 0) {
        return {word, {}};
    }
    return {word.substr(0, split), trimmed(word.substr(split))};
}

/// A number as typed, read with a decimal comma taken as a point; the text it should be typed as.
std::optional<std::pair<double, std::string>> typed_number(std::string_view number) {
    const std::string text = with_decimal_point(number).value_or(std::string(number));
    double value = 0.0;
    if (detail::parse_number(text, value) != detail::NumberStatus::ok || !(value > 0.0)) {
        return std::nullopt;
    }
    return std::pair{value, text};
}

/// What to type for a size given as several dimensions ("4x6x3", "40 x 60 mm", "4cm x 5cm"): the
/// greatest of them, with the unit it was given in (a unit after the last applies to those without
/// one); empty when a dimension is not a length.
std::string greatest_dimension(std::string_view word) {
    std::vector<TypedLength> dimensions;
    for (std::size_t start = 0; start <= word.size();) {
        const std::size_t end = std::min(word.find_first_of("x*", start), word.size());
        dimensions.push_back(split_length(trimmed(word.substr(start, end - start))));
        start = end + 1;
    }
    const std::string_view last_unit = dimensions.back().unit;
    double greatest_cm = 0.0;
    std::string greatest;
    for (const TypedLength& dimension : dimensions) {
        const std::string_view unit = dimension.unit.empty() ? last_unit : dimension.unit;
        const auto number = typed_number(dimension.number);
        if (!number || (unit != "cm" && unit != "mm" && !unit.empty())) {
            return {};
        }
        const double cm = unit == "mm" ? number->first / 10.0 : number->first;
        if (cm > greatest_cm) {
            greatest_cm = cm;
            greatest = number->second + std::string(unit);
        }
    }
    return greatest;
}

/// "55", "55mm", "5.5 cm", "unknown"; hints for a decimal comma, several dimensions, other units.
Read<Measured<Length>> read_length(const FieldInfo& f, std::string_view text) {
    double plain = 0.0;
    std::int8_t plain_residue = 0;
    if (detail::read_plain_decimal(text, plain, plain_residue)) {
        return Measured<Length>::of(Length{plain, LengthUnit::cm, plain_residue, false});  // the usual "6", "12.5"
    }
    if (is_unknown_word(text)) {
        return Measured<Length>::unknown();
    }
    std::string lowered;
    for (const std::string typed = lower_trimmed(text); const char c : typed) {
        if (c == '\x97' && !lowered.empty() && lowered.back() == '\xC3') {
            lowered.back() = 'x';  // U+00D7 MULTIPLICATION SIGN, as in "4 × 6 cm"
        } else {
            lowered += c;
        }
    }
    const std::string_view word = lowered;
    const auto [number, unit] = split_length(word);
    if (number != word && word.find_first_of("x*") != std::string_view::npos) {
        const std::string greatest = greatest_dimension(word);
        return invalid(f, text,
                       greatest.empty() ? std::string("give the greatest dimension only (6, 5.5 cm or 55 mm)")
                                        : "give the greatest dimension only: " + greatest);
    }
    LengthUnit length_unit = LengthUnit::cm;
    if (unit == "mm") {
        length_unit = LengthUnit::mm;
    } else if (!unit.empty() && unit != "cm") {
        return CaseError{f.field, "has an unknown unit \"" + std::string(unit) +
                                      "\" (accepted units: cm, mm; a bare number is cm), got " + shown(text)};
    }
    if (const auto pointed = typed_number(number); pointed && number.find(',') != std::string_view::npos) {
        return invalid(f, text, "use a decimal point: " + pointed->second + std::string(unit));
    }
    const auto value = read_number(f, number);
    if (const auto* bad = std::get_if<CaseError>(&value)) {
        return *bad;
    }
    const double v = std::get<double>(value);
    const std::int8_t residue = v > 0.0 && std::isfinite(v) ? detail::residue_of(number, v) : std::int8_t{0};
    return Measured<Length>::of(Length{v, length_unit, residue, !unit.empty()});
}

/// Builds each member's reader, "given" test and word list from its type.
template <typename V>
Read<V> read_value(const FieldInfo& f, std::string_view text) {
    if constexpr (std::is_same_v<V, Finding>) {
        return read_finding(f, text);
    } else if constexpr (std::is_same_v<V, HistologyType>) {
        return read_histology(f, text);
    } else if constexpr (std::is_enum_v<V>) {
        return read_word<V>(f, text);
    } else if constexpr (std::is_same_v<V, Measured<Length>>) {
        return read_length(f, text);
    } else if constexpr (std::is_same_v<V, int>) {
        return read_edition(f, text);
    } else if constexpr (std::is_same_v<V, long long>) {
        return read_whole(f, text);
    } else if constexpr (std::is_same_v<V, Measured<long long>>) {
        if (is_unknown_word(text)) {
            return Measured<long long>::unknown();
        }
        const auto whole = read_whole(f, text);
        if (const auto* bad = std::get_if<CaseError>(&whole)) {
            return *bad;
        }
        return Measured<long long>::of(std::get<long long>(whole));
    } else {  // Measured<double>: a percentage ("50%") or a rate
        if (is_unknown_word(text)) {
            return Measured<double>::unknown();
        }
        std::string_view number = text;
        while (!number.empty() && (number.back() == ' ' || number.back() == '%')) {
            number.remove_suffix(1);
        }
        const auto value = read_number(f, number);
        if (const auto* bad = std::get_if<CaseError>(&value)) {
            return *bad;
        }
        return Measured<double>::of(std::get<double>(value));
    }
}

template <auto Member>
using ValueOf = typename std::remove_cvref_t<decltype(std::declval<Case&>().*Member)>::value_type;

template <auto Member>
bool given(const Case& c) noexcept {
    return (c.*Member).has_value();
}

template <auto Member>
std::optional<CaseError> read(Case& c, const FieldInfo& f, std::string_view text) {
    auto value = read_value<ValueOf<Member>>(f, text);
    if (auto* bad = std::get_if<CaseError>(&value)) {
        return std::move(*bad);
    }
    c.*Member = std::get<ValueOf<Member>>(std::move(value));
    return std::nullopt;
}

/// The histology table's words, in table order: the staged types' own words (the refused ones are
/// words lmsstage knows only to refuse them with their reason, and are not offered).
std::span<const std::string_view> histology_words() noexcept {
    static const std::vector<std::string_view> k_words = [] {
        std::vector<std::string_view> out;
        for (const HistologyRow& row : histology_table()) {
            if (!row.word.empty() && !row.refused()) {
                out.push_back(row.word);
            }
        }
        return out;
    }();
    return k_words;
}

template <auto Member>
std::span<const std::string_view> words() noexcept {
    using V = ValueOf<Member>;
    if constexpr (std::is_same_v<V, Finding>) {
        static constexpr std::array<std::string_view, 3> k_words = {"yes", "no", "unknown"};
        return k_words;
    } else if constexpr (std::is_same_v<V, int>) {
        static constexpr std::array<std::string_view, 3> k_words = {"7", "8", "uicc9"};
        return k_words;
    } else if constexpr (std::is_same_v<V, HistologyType>) {
        return histology_words();
    } else if constexpr (std::is_enum_v<V>) {
        static const auto k_words = [] {
            constexpr auto& all = all_values<V>();
            std::array<std::string_view, all.size()> out{};
            for (std::size_t i = 0; i < all.size(); ++i) {
                out[i] = name(all[i]);
            }
            return out;
        }();
        return k_words;
    } else {
        return {};
    }
}

std::span<const std::string_view> no_words() noexcept { return {}; }

/// A number field's known value as a double (the range check reads it); nothing for other fields.
template <auto Member>
std::optional<double> number(const Case& c) noexcept {
    using V = ValueOf<Member>;
    if constexpr (std::is_same_v<V, long long>) {
        return (c.*Member).has_value() ? std::optional<double>(static_cast<double>(*(c.*Member))) : std::nullopt;
    } else if constexpr (std::is_same_v<V, Measured<long long>> || std::is_same_v<V, Measured<double>>) {
        if (!(c.*Member).has_value() || !(c.*Member)->known()) {
            return std::nullopt;
        }
        return static_cast<double>(*(c.*Member)->value);
    } else {
        return std::nullopt;
    }
}

template <auto Member>
constexpr FieldInfo row(Field field, std::string_view key, std::string_view option, ValueKind kind,
                        std::string_view placeholder, std::string_view topic, std::string_view help,
                        std::string_view numbers, std::string_view left_out, std::span<const Synonym> synonyms = {}) {
    return FieldInfo{field,        key,      option,   kind,           placeholder,   topic,          help,
                     numbers,      left_out, synonyms, &given<Member>, &read<Member>, &words<Member>, &number<Member>,
                     std::nullopt, {},       {}};
}

/// A number field's row with its range: `numbers` says the same range in words (a test checks it).
constexpr FieldInfo bounded(double min, double max, FieldInfo info) {
    info.bounds = Bounds{min, max};
    return info;
}

/// A field's row with what to say when a system asks for it and the values staging tries in its
/// place (see FieldInfo::asked and FieldInfo::representatives).
constexpr FieldInfo asked(std::string_view text, std::span<const std::string_view> representatives, FieldInfo info) {
    info.asked = text;
    info.representatives = representatives;
    return info;
}

// ---- Synonyms: what clinicians and registries write -----------------------------------------------

// clang-format off
constexpr Synonym k_site_synonyms[] = {
    {"extremities", "extremity"}, {"limb", "extremity"},         {"limbs", "extremity"},
    {"trunk-wall", "trunk"},      {"retroperitoneal", "retroperitoneum"},
    {"head-and-neck", "head-neck"}, {"head/neck", "head-neck"},  {"uterine", "uterus"},
    {"corpus-uteri", "uterus"},   {"gastrointestinal", "gi"},    {"gi-tract", "gi"},
    {"viscera", "visceral"},      {"larynx", "head-neck-organ"}, {"laryngeal", "head-neck-organ"},
    {"parotid", "head-neck-organ"}, {"salivary-gland", "head-neck-organ"},
    {"oral-cavity", "head-neck-organ"}, {"pharynx", "head-neck-organ"}, {"thyroid", "head-neck-organ"},
    {"sinonasal", "head-neck-organ"}, {"cervical-esophagus", "head-neck-organ"},
    {"cervical-oesophagus", "head-neck-organ"}, {"mediastinal", "mediastinum"},
};
// clang-format on
// clang-format off
constexpr Synonym k_grade_synonyms[] = {
    {"i", "1"},  {"ii", "2"},  {"iii", "3"},  {"g1", "1"}, {"g2", "2"},
    {"g3", "3"}, {"gx", "X"},  {"grade-1", "1"}, {"grade-2", "2"}, {"grade-3", "3"},
};
// clang-format on
// clang-format off
constexpr Synonym k_gi_site_synonyms[] = {
    {"oesophagus", "esophagus"},     {"oesophageal", "esophagus"},  {"esophageal", "esophagus"},
    {"gastric", "stomach"},          {"omental", "omentum"},        {"duodenal", "duodenum"},
    {"jejunum", "jejunum-ileum"},    {"ileum", "jejunum-ileum"},    {"small-bowel", "small-intestine"},
    {"jejunal", "jejunum-ileum"},    {"ileal", "jejunum-ileum"},    {"jejunum/ileum", "jejunum-ileum"},
    {"colon", "colorectum"},         {"rectal", "rectum"},          {"colorectal", "colorectum"},
    {"large-bowel", "colorectum"},   {"mesenteric", "mesentery"},   {"peritoneal", "peritoneum"},
};
// clang-format on
constexpr Synonym k_extension_synonyms[] = {{"adjacent-organs", "adjacent-organ"}};
constexpr Synonym k_visceral_synonyms[] = {{"other-organs", "other-organ"}};
// clang-format off
constexpr Synonym k_basis_synonyms[] = {
    {"c", "clinical"},          {"p", "pathological"},      {"pathologic", "pathological"},
    {"yp", "post-therapy"},     {"post-treatment", "post-therapy"}, {"posttherapy", "post-therapy"},
    {"post-neoadjuvant", "post-therapy"},
};
// clang-format on

// ---- The values tried for a left-out field: one in every band or class any system tells apart ---

constexpr std::string_view k_sizes_tried[] = {"1", "3", "4.5", "7", "12", "20"};  // cm
constexpr std::string_view k_grades_tried[] = {"1", "2", "3", "X"};  // high and unknown are unions of these
constexpr std::string_view k_invasions_tried[] = {"0", "30", "80"};
constexpr std::string_view k_rates_tried[] = {"2", "8"};
constexpr std::string_view k_visceral_extents_tried[] = {"confined", "serosa", "beyond-serosa", "other-organ"};

// ---- The table --------------------------------------------------------------------------------

// Help order follows a clinician's reading: where and what, how big and how bad, how far; then
// the findings of each system.
constexpr std::string_view k_case = "Case (every system)";
constexpr std::string_view k_uterus = "Uterus (FIGO 2009)";
constexpr std::string_view k_gist = "GIST";
constexpr std::string_view k_ajcc8 = "AJCC 8th edition, head and neck and visceral organs";
constexpr std::string_view k_record = "Records (batch and check)";

constexpr std::array k_fields = {
    row<&Case::site>(Field::site, "site", "--site", ValueKind::choice, "SITE", k_case,
                     "primary site: soft-tissue (default; AJCC 7 only), extremity, trunk, "
                     "retroperitoneum, head-neck (soft tissue of the head and neck), head-neck-organ (an organ of the "
                     "head and neck: larynx, salivary gland, cervical oesophagus...; AJCC 8 only), visceral (AJCC 8 "
                     "only), uterus (FIGO 2009), gi (with histology gist or a sarcoma's type), mediastinum (AJCC 7 "
                     "soft tissue, AJCC 8 visceral; no survival table); the heart: soft-tissue under AJCC 7, "
                     "visceral under AJCC 8",
                     {}, "soft-tissue", k_site_synonyms),
    row<&Case::histology>(
        Field::histology, "histology", "--histology", ValueKind::choice, "TYPE", k_case,
        "the histologic type, by name or ICD-O-3 code (liposarcoma, ups, 8850, 8850/3): lms (leiomyosarcoma; "
        "the default, except at site gi, which needs it named) and every sarcoma the AJCC soft tissue chapters "
        "stage; ess and adenosarcoma at site uterus; gist at site gi; Kaposi sarcoma, DFSP, desmoid and the "
        "chapters' other exclusions are refused with the reason (lmsstage rules histologies lists them all)",
        {}, "lms"),
    row<&Case::edition>(
        Field::edition, "edition", "--edition", ValueKind::edition, "7|8|uicc9", k_case,
        "AJCC edition for soft tissue and GIST: 7 (default) or 8 (soft tissue by site: give the site; no "
        "depth; head-neck and visceral get a T category only); or uicc9, UICC TNM 9th edition (2025): "
        "extremity, trunk, retroperitoneum and GIST",
        {}, "7"),
    asked("is required: the greatest dimension (6, 55 mm, 5.5cm) or unknown", k_sizes_tried,
          row<&Case::size>(
              Field::size, "size", "--size", ValueKind::length, "LENGTH", k_case,
              "greatest dimension: cm (6, 5.5), or with its unit (55mm, 5.5cm), or unknown; exactly 5 cm is T1 / "
              "FIGO IA",
              "a positive length in cm (6, 5.5), a number with its unit cm or mm (55mm, 5.5 cm), or unknown", "")),
    row<&Case::depth>(
        Field::depth, "depth", "--depth", ValueKind::choice, "DEPTH", k_case,
        "superficial or deep (relative to the superficial fascia); AJCC 7 soft tissue only; retroperitoneal "
        "tumours are deep by definition",
        {}, "no a/b letter"),
    asked(
        "is required for soft tissue sarcoma: 1, 2, 3, X (cannot be assessed), high (G2 or G3) or unknown",
        k_grades_tried,
        row<&Case::grade>(Field::grade, "grade", "--grade", ValueKind::grade, "GRADE", k_case,
                          "FNCLCC grade 1, 2, 3, X (cannot be assessed; grouped with G1), high (stated as high grade "
                          "only: G2 or G3) or unknown (any of G1 to G3); soft tissue sarcoma; not used by FIGO or GIST",
                          {}, "", k_grade_synonyms)),
    row<&Case::nodes>(Field::nodes, "nodes", "--nodes", ValueKind::finding, "[=yes|no|unknown]", k_case,
                      "regional lymph node metastasis; --nodes is yes, --no-nodes no, --nodes=unknown NX", {},
                      "no (stated as an assumption)"),
    row<&Case::metastasis>(Field::metastasis, "metastasis", "--metastasis", ValueKind::finding, "[=yes|no|unknown]",
                           k_case,
                           "distant metastasis; --metastasis is yes, --no-metastasis no, --metastasis=unknown M0 or M1",
                           {}, "no (stated as an assumption)"),
    row<&Case::extension>(Field::extension, "extension", "--extension", ValueKind::choice, "EXTENT", k_case,
                          "local spread, for the summary stage: confined, adjacent (tissue, bone or major vessel), "
                          "adjacent-organ, further, or unknown",
                          {}, "confined (stated as an assumption)", k_extension_synonyms),
    row<&Case::adnexa>(Field::adnexa, "adnexa", "--adnexa", ValueKind::finding, "[=yes|no|unknown]", k_uterus,
                       "the adnexa are involved (FIGO IIA)", {}, "no (stated as an assumption)"),
    row<&Case::pelvic>(Field::pelvic, "pelvic", "--pelvic", ValueKind::finding, "[=yes|no|unknown]", k_uterus,
                       "other pelvic tissues are involved (FIGO IIB)", {}, "no (stated as an assumption)"),
    bounded(0, detail::k_no_bound,
            row<&Case::abdominal_sites>(
                Field::abdominal_sites, "abdominal_sites", "--abdominal-sites", ValueKind::count, "N", k_uterus,
                "abdominal sites invaded, 0 or more, or unknown (FIGO IIIA = 1, IIIB = 2 or more)",
                "a whole number of sites, 0 or more, or unknown", "0 (stated as an assumption)")),
    row<&Case::bladder_rectum>(Field::bladder_rectum, "bladder_rectum", "--bladder-rectum", ValueKind::finding,
                               "[=yes|no|unknown]", k_uterus, "the bladder and/or rectum are invaded (FIGO IVA)", {},
                               "no (stated as an assumption)"),
    row<&Case::cervix>(
        Field::cervix, "cervix", "--cervix", ValueKind::finding, "[=yes|no|unknown]", k_uterus,
        "endocervical stromal involvement: the FIGO stage is unchanged, stage I becomes regional for the "
        "summary stage",
        {}, "no (stated as an assumption)"),
    row<&Case::peritoneal_cytology>(
        Field::peritoneal_cytology, "peritoneal_cytology", "--peritoneal-cytology", ValueKind::finding,
        "[=yes|no|unknown]", k_uterus,
        "positive peritoneal cytology: the FIGO stage is unchanged, stage I becomes regional for the summary "
        "stage",
        {}, "no (stated as an assumption)"),
    asked("is required for adenosarcoma: the percentage of myometrium invaded, 0 to 100, or unknown", k_invasions_tried,
          bounded(
              0, 100,
              row<&Case::myometrial_invasion>(
                  Field::myometrial_invasion, "myometrial_invasion", "--myometrial-invasion", ValueKind::percent,
                  "PERCENT", k_uterus,
                  "adenosarcoma: percent of the myometrium invaded, 0 to 100, or unknown (0 = IA, up to and including "
                  "50 = IB, over 50 = IC)",
                  "a percentage from 0 to 100, or unknown", ""))),
    row<&Case::gi_site>(
        Field::gi_site, "gi_site", "--gi-site", ValueKind::choice, "ORGAN", k_gist,
        "stomach, omentum (gastric table); small-intestine, duodenum, jejunum-ileum, esophagus, colorectum, "
        "rectum, mesentery, peritoneum (intestinal table); the AFIP risk of progression has columns for stomach, "
        "duodenum, jejunum-ileum and rectum (small-intestine gives both of its parts)",
        {}, "", k_gi_site_synonyms),
    asked("is required for GIST: mitoses per 50 HPF (5 mm2), 0 or more, or unknown", k_rates_tried,
          bounded(0, detail::k_no_bound,
                  row<&Case::mitotic_rate>(
                      Field::mitotic_rate, "mitotic_rate", "--mitotic-rate", ValueKind::rate, "RATE", k_gist,
                      "mitoses per 50 HPF (5 mm2), 0 or more, or unknown; low is 5 or less, high more than 5",
                      "a number of mitoses per 50 HPF, 0 or more, or unknown", ""))),
    row<&Case::adjoining_invasion>(
        Field::adjoining_invasion,
        "adjoining_invasion", "--adjoining-invasion", ValueKind::choice, "INVASION", k_ajcc8,
        "head and neck: none; t4a = orbit, skull base or dura, central-compartment viscera, facial skeleton "
        "or pterygoid muscles; t4b = brain, carotid encasement, prevertebral muscle, or CNS by perineural "
        "spread; or unknown",
        {}, "none (stated as an assumption)"),
    asked("is required for a unifocal visceral sarcoma: confined, serosa, beyond-serosa, other-organ or unknown",
          k_visceral_extents_tried,
          row<&Case::visceral_extent>(
              Field::visceral_extent,
              "visceral_extent", "--visceral-extent", ValueKind::choice, "EXTENT", k_ajcc8,
              "visceral organs: confined (T1), serosa (T2a), beyond-serosa (T2b), other-organ (T3), or unknown", {}, "",
              k_visceral_synonyms)),
    bounded(1, detail::k_no_bound,
            row<&Case::foci>(Field::foci, "foci", "--foci", ValueKind::count, "N", k_ajcc8,
                             "visceral organs: tumour sites, 1 or more; 2 = T4a, 3 to 5 = T4b, more than 5 = T4c",
                             "a whole number of sites, 1 or more", "1 (stated as an assumption)")),
    row<&Case::rupture>(Field::rupture, "rupture", "--rupture", ValueKind::finding, "[=yes|no|unknown]", k_gist,
                        "tumour rupture, before or during surgery: the modified NIH risk of progression is high "
                        "(Joensuu 2008); not used by the AJCC stage",
                        {}, "no (stated as an assumption)"),
    row<&Case::basis>(Field::basis, "basis", "--basis", ValueKind::choice, "BASIS", k_case,
                      "what the categories rest on: clinical (cT2 cN0 cM0), pathological (pT2 pN0) or post-therapy "
                      "(after neoadjuvant treatment: ypT2 ypN0); M stays cM (pM0 does not exist); the stage is "
                      "the same",
                      {}, "not stated (categories without a prefix)", k_basis_synonyms),
    FieldInfo{Field::id,
              "id",
              "--id",
              ValueKind::id,
              "ID",
              k_record,
              "a record's identifier, echoed back untouched",
              "a string or a number",
              "",
              {},
              nullptr,
              nullptr,
              &no_words,
              nullptr,
              std::nullopt,
              {},
              {}},
};

// One row per field: the table and the Field enum name the same fields.
static_assert(k_fields.size() == k_all_fields.size(), "every Field needs its row in k_fields");

}  // namespace

std::span<const FieldInfo> fields() noexcept { return k_fields; }

namespace {

/// Where a key is looked for in k_field_slots: from its length and first and last letters.
constexpr std::size_t key_slot(std::string_view key) noexcept {
    if (key.empty()) {
        return 0;
    }
    const std::size_t first = static_cast<unsigned char>(key.front());
    const std::size_t last = static_cast<unsigned char>(key.back());
    return (key.size() * 31U + first * 7U + last) % 256U;
}

/// The rows by key, open addressing: 1 + the row's index, 0 for an empty slot. A record's keys are
/// looked up one by one, each compared with the one row its slot points at (the table is a few
/// dozen rows, the slots 256).
constexpr std::array<std::uint8_t, 256> k_field_slots = [] {
    std::array<std::uint8_t, 256> slots{};
    for (std::size_t i = 0; i < k_fields.size(); ++i) {
        std::size_t slot = key_slot(k_fields[i].key);
        while (slots[slot] != 0) {
            slot = (slot + 1) % slots.size();
        }
        slots[slot] = static_cast<std::uint8_t>(i + 1);
    }
    return slots;
}();
static_assert(k_fields.size() < 128, "k_field_slots holds row indexes in a byte, the table half empty at most");

/// The row index of each Field, by its value.
constexpr auto k_field_rows = [] {
    std::array<std::uint8_t, k_fields.size()> rows{};
    for (std::size_t i = 0; i < k_fields.size(); ++i) {
        rows[static_cast<std::size_t>(k_fields[i].field)] = static_cast<std::uint8_t>(i);
    }
    return rows;
}();

}  // namespace

const FieldInfo& field_info(Field field) noexcept {
    const auto value = static_cast<std::size_t>(field);
    return value < k_field_rows.size() ? k_fields[k_field_rows[value]] : k_fields.front();
}

const FieldInfo* find_field(std::string_view key) noexcept {
    for (std::size_t slot = key_slot(key);; slot = (slot + 1) % k_field_slots.size()) {
        const std::uint8_t row = k_field_slots[slot];
        if (row == 0) {
            return nullptr;
        }
        if (k_fields[row - 1U].key == key) {
            return &k_fields[row - 1U];
        }
    }
}

std::string_view field_name(Field value) noexcept {
    return static_cast<std::size_t>(value) < k_field_rows.size() ? field_info(value).key : "?";
}

std::span<const std::string_view> value_words(const FieldInfo& field) noexcept { return field.words(); }

std::string accepted_values(const FieldInfo& field) {
    const std::span<const std::string_view> words = field.words();
    if (words.empty()) {
        return std::string(field.numbers);
    }
    std::string out = words.size() > 2 && field.kind == ValueKind::choice ? "one of " : "";
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            out += i + 1 == words.size() ? " or " : ", ";
        }
        out += words[i];
    }
    return out;
}

std::optional<CaseError> read_field(Case& target, const FieldInfo& field, std::string_view text) {
    if (field.read == nullptr) {
        return CaseError{field.field, "is not a case field"};
    }
    return field.read(target, field, text);
}

std::optional<CaseError> read_field(Case& target, const FieldInfo& field, bool value) {
    if (field.kind != ValueKind::finding) {
        return CaseError{field.field, "must be " + accepted_values(field) + ", got " + (value ? "true" : "false")};
    }
    return read_field(target, field, value ? std::string_view("yes") : std::string_view("no"));
}

std::size_t edit_distance(std::string_view a, std::string_view b) noexcept {
    std::array<std::size_t, 64> row{};
    if (b.size() >= row.size() || a.size() >= 64) {
        return 99;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0U : 1U;
            row[j] = std::min(std::min(row[j] + 1, row[j - 1] + 1), diagonal + cost);
            diagonal = up;
        }
    }
    return row[b.size()];
}

namespace {

/// The bit of field I of the table when the case gives it; the row is a constant, so its test is
/// inlined (this runs for every field of every record staged).
template <std::size_t I>
std::uint32_t bit_if_given(const Case& c) noexcept {
    constexpr auto given = k_fields[I].given;
    if constexpr (given == nullptr) {
        return 0U;
    } else {
        return given(c) ? field_bit(k_fields[I].field) : 0U;
    }
}

/// True (and `found` set) when field I of the table is a number outside its row's range; the row
/// is a constant, so the test is inlined and a field without a range costs nothing.
template <std::size_t I>
bool out_of_range(const Case& c, const FieldInfo*& found) noexcept {
    constexpr const FieldInfo& row = k_fields[I];
    if constexpr (!row.bounds.has_value()) {
        return false;
    } else {
        const std::optional<double> v = row.number(c);
        if (v && (!std::isfinite(*v) || *v < row.bounds->min || *v > row.bounds->max)) {
            found = &k_fields[I];
            return true;
        }
        return false;
    }
}

}  // namespace

const FieldInfo* detail::first_out_of_range(const Case& c) noexcept {
    const FieldInfo* found = nullptr;
    [&]<std::size_t... I>(std::index_sequence<I...>) { static_cast<void>((out_of_range<I>(c, found) || ...)); }
    (std::make_index_sequence<k_fields.size()>{});
    return found;
}

// Case::has, from the field's own row: one member looked at, not every field's.
bool Case::has(Field field) const noexcept {
    const FieldInfo& f = field_info(field);
    return f.given != nullptr && f.given(*this);
}

// Case::given_fields, from the table: no field can be forgotten here.
// The rows are constants, so each test is inlined: it runs for every record staged.
std::uint32_t Case::given_fields() const noexcept {
    return [this]<std::size_t... I>(std::index_sequence<I...>) { return (bit_if_given<I>(*this) | ...); }
    (std::make_index_sequence<k_fields.size()>{});
}

}  // namespace lmsstage
