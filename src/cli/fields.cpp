#include "cli/fields.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#if !defined(__cpp_lib_to_chars)  // no floating-point from_chars: parse_number's fallback
#include <cerrno>
#include <cstdlib>
#endif
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <string>

namespace lmsstage::cli {
namespace {

// Help order follows a clinician's reading: where and what, how big and how bad, how far.
constexpr FieldSpec k_fields[] = {
    {Field::site, "site", "--site", ValueKind::choice, "SITE",
     "primary site: soft-tissue (default; AJCC 7 only), extremity, trunk, retroperitoneum, head-neck, visceral "
     "(AJCC 8 only), uterus (FIGO 2009), gi (with --histology gist or lms)"},
    {Field::histology, "histology", "--histology", ValueKind::choice, "TYPE",
     "lms (leiomyosarcoma, default except with --site gi, which needs it named); ess (endometrial stromal sarcoma) "
     "and adenosarcoma with --site uterus; gist (gastrointestinal stromal tumour) with --site gi"},
    {Field::size, "size", "--size", ValueKind::length, "LENGTH",
     "greatest dimension: cm (6, 5.5), or with unit (55mm, 5.5cm), or unknown; exactly 5 cm is T1 / FIGO IA"},
    {Field::depth, "depth", "--depth", ValueKind::choice, "DEPTH",
     "superficial or deep (relative to the superficial fascia); AJCC 7 soft tissue only; retroperitoneal tumours "
     "are deep by definition"},
    {Field::grade, "grade", "--grade", ValueKind::grade, "GRADE",
     "FNCLCC grade 1, 2, 3, or X (cannot be assessed); required for soft tissue sarcoma; not used by FIGO"},
    {Field::nodes, "nodes", "--nodes", ValueKind::finding, "[yes|no|unknown]",
     "regional lymph node metastasis; --nodes = yes, --no-nodes = no, --nodes=unknown = NX; omitted = no (stated "
     "as an assumption)"},
    {Field::metastasis, "metastasis", "--metastasis", ValueKind::finding, "[yes|no|unknown]",
     "distant metastasis; --metastasis = yes, --no-metastasis = no, --metastasis=unknown = M0 or M1; omitted = "
     "no (stated as an assumption)"},
    {Field::extension, "extension", "--extension", ValueKind::choice, "EXTENT",
     "local spread, for the summary stage: confined (default), adjacent (tissue, bone or major vessel), "
     "adjacent-organ, further, or unknown"},
    {Field::adnexa, "adnexa", "--adnexa", ValueKind::finding, "[yes|no|unknown]",
     "uterus: tumour involves the adnexa (FIGO IIA)"},
    {Field::pelvic, "pelvic", "--pelvic", ValueKind::finding, "[yes|no|unknown]",
     "uterus: tumour extends to other pelvic tissues (FIGO IIB)"},
    {Field::bladder_rectum, "bladder_rectum", "--bladder-rectum", ValueKind::finding, "[yes|no|unknown]",
     "uterus: tumour invades bladder and/or rectum (FIGO IVA)"},
    {Field::abdominal_sites, "abdominal_sites", "--abdominal-sites", ValueKind::count, "N",
     "uterus: number of abdominal sites invaded, 0 or more, or unknown (FIGO IIIA = 1, IIIB = 2 or more)"},
    {Field::cervix, "cervix", "--cervix", ValueKind::finding, "[yes|no|unknown]",
     "uterus: endocervical stromal involvement; leaves the FIGO stage unchanged but makes stage I regional for "
     "the summary stage"},
    {Field::peritoneal_cytology, "peritoneal_cytology", "--peritoneal-cytology", ValueKind::finding,
     "[yes|no|unknown]",
     "uterus: positive peritoneal cytology; leaves the FIGO stage unchanged but makes stage I regional for the "
     "summary stage"},
    {Field::myometrial_invasion, "myometrial_invasion", "--myometrial-invasion", ValueKind::percent, "PERCENT",
     "adenosarcoma: percent of myometrium invaded, 0 to 100, or unknown (0 = IA, up to and including 50 = IB, "
     "over 50 = IC)"},
    {Field::mitotic_rate, "mitotic_rate", "--mitotic-rate", ValueKind::rate, "RATE",
     "GIST: mitoses per 50 HPF (5 mm2), 0 or more, or unknown; low is 5 or less, high more than 5"},
    {Field::gi_site, "gi_site", "--gi-site", ValueKind::choice, "ORGAN",
     "GIST: stomach, omentum (gastric table); small-intestine, esophagus, colorectum, mesentery, peritoneum "
     "(intestinal table)"},
    {Field::edition, "edition", "--edition", ValueKind::edition, "7|8",
     "AJCC edition for soft tissue and GIST: 7 (default) or 8 (soft tissue by site: give the site; no depth; "
     "head-neck and visceral get a T category only)"},
    {Field::adjoining_invasion, "adjoining_invasion", "--adjoining-invasion", ValueKind::choice, "INVASION",
     "AJCC 8 head & neck: none (default); t4a = orbit, skull base/dura, central-compartment viscera, facial "
     "skeleton or pterygoid muscles; t4b = brain, carotid encasement, prevertebral muscle, or CNS via perineural "
     "spread; or unknown"},
    {Field::visceral_extent, "visceral_extent", "--visceral-extent", ValueKind::choice, "EXTENT",
     "AJCC 8 visceral: confined (T1), serosa (T2a), beyond-serosa (T2b), other-organ (T3), or unknown"},
    {Field::foci, "foci", "--foci", ValueKind::count, "N",
     "AJCC 8 visceral: number of tumour sites, 1 or more (default 1); 2 = T4a, 3-5 = T4b, more than 5 = T4c"},
    {Field::id, "id", "--id", ValueKind::id, "ID", "record identifier, echoed back untouched"},
};

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

/// Quotes what the user gave, for error messages: empty text shows as "".
std::string shown(std::string_view text) {
    if (text.empty()) {
        return "\"\"";
    }
    return std::string(text);
}

CaseError bad(const FieldSpec& spec, std::string_view given) {
    return CaseError{spec.field, "must be " + accepted_values(spec) + ", got " + shown(given)};
}

template <typename Enum, std::size_t N>
std::string join_names(const std::array<Enum, N>& values) {
    std::string out;
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0) {
            out += i + 1 == N ? " or " : ", ";
        }
        out += name(values[i]);
    }
    return out;
}

#if !defined(__cpp_lib_to_chars)
/// What std::from_chars(first, last, value) does, for a standard library without floating-point
/// from_chars (Emscripten 3.1's libc++), by strtod: no leading space or '+', no hexadecimal, and
/// out of range only when the value overflows to infinity or underflows to zero. The web build's
/// tests compare its results byte for byte with the native program's.
std::from_chars_result from_chars_fallback(const char* first, const char* last, double& value) {
    const char* p = first;
    if (p != last && *p == '-') {
        ++p;
    }
    if (p == last || !(std::isdigit(static_cast<unsigned char>(*p)) != 0 || *p == '.' ||
                       std::tolower(static_cast<unsigned char>(*p)) == 'i' ||
                       std::tolower(static_cast<unsigned char>(*p)) == 'n')) {
        return {first, std::errc::invalid_argument};
    }
    std::string text(first, last);
    const auto digits = static_cast<std::size_t>(p - first);
    if (text.size() > digits + 1 && text[digits] == '0' && (text[digits + 1] == 'x' || text[digits + 1] == 'X')) {
        text.resize(digits + 1);  // from_chars reads "0x10" as 0 followed by other text
    }
    errno = 0;
    char* end = nullptr;
    const double parsed = std::strtod(text.c_str(), &end);
    if (end == text.c_str()) {
        return {first, std::errc::invalid_argument};
    }
    const char* stop = first + (end - text.c_str());
    if (errno == ERANGE && (std::isinf(parsed) || parsed == 0.0)) {
        return {stop, std::errc::result_out_of_range};
    }
    value = parsed;
    return {stop, std::errc{}};
}
#endif

/// Decimal exponents beyond this are out of any double's range.
constexpr long long k_max_power = 100000;

/// A number that fills the whole text: std::from_chars, so "nan" and "inf" parse and are then
/// rejected as not finite; "1e400" is out of range.
enum class NumberStatus { ok, not_a_number, out_of_range, not_finite };
NumberStatus parse_number(std::string_view text, double& out) {
    if (text.empty()) {
        return NumberStatus::not_a_number;
    }
    const char* first = text.data();
    const char* last = text.data() + text.size();
#if defined(__cpp_lib_to_chars)
    auto [end, ec] = std::from_chars(first, last, out);
#else
    auto [end, ec] = from_chars_fallback(first, last, out);
#endif
    if (ec == std::errc::result_out_of_range) {
        return NumberStatus::out_of_range;
    }
    if (ec != std::errc{} || end != last) {
        return NumberStatus::not_a_number;
    }
    if (!std::isfinite(out)) {
        return NumberStatus::not_finite;
    }
    if (out == 0.0) {
        out = 0.0;  // -0 is 0: no "-0" in texts
    }
    return NumberStatus::ok;
}

/// A positive decimal as DIGITS x 10^exponent: no leading or trailing zeros in the digits.
struct Decimal {
    std::string digits;
    long long exponent = 0;
};

/// "5.5", "55", "5.0e-1" (a text std::from_chars took as a positive number) as a Decimal.
std::optional<Decimal> to_decimal(std::string_view text) {
    Decimal d;
    long long fraction_digits = 0;
    bool after_point = false;
    std::size_t i = 0;
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        if (text[i] == '.') {
            after_point = true;
        } else if (text[i] >= '0' && text[i] <= '9') {
            d.digits += text[i];
            fraction_digits += after_point ? 1 : 0;
        } else {
            return std::nullopt;
        }
    }
    long long power = 0;
    if (i < text.size()) {
        const std::string_view exp = text.substr(i + 1 + ((i + 1 < text.size() && text[i + 1] == '+') ? 1U : 0U));
        auto [end, ec] = std::from_chars(exp.data(), exp.data() + exp.size(), power);
        if (ec != std::errc{} || end != exp.data() + exp.size() || power > k_max_power || power < -k_max_power) {
            return std::nullopt;
        }
    }
    const std::size_t first = d.digits.find_first_not_of('0');
    const std::size_t last = d.digits.find_last_not_of('0');
    if (first == std::string::npos) {
        return std::nullopt;  // zero: not a positive length
    }
    d.exponent = power - fraction_digits + static_cast<long long>(d.digits.size() - 1 - last);
    d.digits = d.digits.substr(first, last - first + 1);
    return d;
}

int compare(const Decimal& a, const Decimal& b) {
    const auto magnitude = [](const Decimal& d) { return d.exponent + static_cast<long long>(d.digits.size()); };
    if (magnitude(a) != magnitude(b)) {
        return magnitude(a) < magnitude(b) ? -1 : 1;
    }
    const int c = a.digits.compare(b.digits);  // same magnitude: a shorter prefix is the smaller
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::int8_t residue_of(const Decimal& d, double value);

/// sign(decimal `text` - `value`), where `value` is the double nearest to it. A plain decimal of
/// at most 15 digits, the usual size, is read without building a Decimal.
std::int8_t residue_of(std::string_view text, double value) {
    double digits = 0.0;
    int count = 0;
    int fraction = -1;  // digits after the point; -1: no point yet
    for (const char c : text) {
        if (c == '.' && fraction < 0) {
            fraction = 0;
        } else if (c >= '0' && c <= '9' && count < 15 && fraction < 22) {
            digits = digits * 10.0 + (c - '0');  // exact: fewer than 16 digits
            count += (count > 0 || c != '0') ? 1 : 0;
            fraction += fraction >= 0 ? 1 : 0;
        } else {
            const auto decimal = to_decimal(text);  // an exponent, or more digits
            return decimal ? residue_of(*decimal, value) : std::int8_t{0};
        }
    }
    if (fraction <= 0) {
        return static_cast<std::int8_t>(digits > value ? 1 : (digits < value ? -1 : 0));
    }
    double power = 1.0;
    for (int k = 0; k < fraction; ++k) {
        power *= 10.0;  // exact: at most 10^15
    }
    // fma rounds once, and never a non-zero difference to zero: the sign is exact.
    const double difference = std::fma(value, power, -digits);  // value*10^k - digits
    return static_cast<std::int8_t>(difference > 0.0 ? -1 : (difference < 0.0 ? 1 : 0));
}

/// sign(decimal - value), where `value` is the double nearest to the decimal.
std::int8_t residue_of(const Decimal& d, double value) {
    constexpr double k_exact_limit = 9007199254740992.0;  // 2^53: integers below it are exact
    if (d.digits.size() <= 15 && d.exponent >= -22 && d.exponent <= 22) {
        double digits = 0.0;
        for (const char c : d.digits) {
            digits = digits * 10.0 + (c - '0');  // exact: fewer than 16 digits
        }
        double power = 1.0;
        for (long long k = 0; k < (d.exponent < 0 ? -d.exponent : d.exponent); ++k) {
            power *= 10.0;  // exact up to 10^22
        }
        if (d.exponent < 0) {
            // fma rounds once, and never a non-zero difference to zero: the sign is exact.
            const double difference = std::fma(value, power, -digits);  // value*10^k - digits
            return static_cast<std::int8_t>(difference > 0.0 ? -1 : (difference < 0.0 ? 1 : 0));
        }
        if (digits * power < k_exact_limit) {
            const double whole = digits * power;
            return static_cast<std::int8_t>(whole > value ? 1 : (whole < value ? -1 : 0));
        }
    }
    // A long decimal: compare with every digit of the double (at most 767 significant digits).
    std::array<char, 1024> buffer{};
#if defined(__cpp_lib_to_chars)
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                   std::chars_format::scientific, 800);
    const auto exact = ec == std::errc{} ? to_decimal(std::string_view(buffer.data(), end)) : std::nullopt;
#else
    // No floating-point to_chars (Emscripten 3.1's libc++): printf's %e gives the same exact digits.
    const int written = std::snprintf(buffer.data(), buffer.size(), "%.800e", value);
    const auto exact = written > 0 && static_cast<std::size_t>(written) < buffer.size()
                           ? to_decimal(std::string_view(buffer.data(), static_cast<std::size_t>(written)))
                           : std::nullopt;
#endif
    return exact ? static_cast<std::int8_t>(compare(d, *exact)) : std::int8_t{0};
}

std::optional<CaseError> parse_count(const FieldSpec& spec, std::string_view text, std::optional<long long>& out) {
    long long value = 0;
    const char* last = text.data() + text.size();
    auto [end, ec] = std::from_chars(text.data(), last, value);
    if (text.empty() || ec != std::errc{} || end != last) {
        return bad(spec, text);
    }
    out = value;
    return std::nullopt;
}

std::optional<CaseError> parse_measure(const FieldSpec& spec, std::string_view text, double& out) {
    switch (parse_number(text, out)) {
        case NumberStatus::ok: return std::nullopt;
        case NumberStatus::out_of_range:
            return CaseError{spec.field, "is out of range: must be " + accepted_values(spec) + ", got " + shown(text)};
        case NumberStatus::not_finite:
            return CaseError{spec.field, "must be a finite number (" + accepted_values(spec) + "), got " + shown(text)};
        case NumberStatus::not_a_number: break;
    }
    return bad(spec, text);
}

std::optional<bool> parse_yes_no(std::string_view text) {
    if (text == "yes" || text == "true") {
        return true;
    }
    if (text == "no" || text == "false") {
        return false;
    }
    return std::nullopt;
}

}  // namespace

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

std::span<const FieldSpec> field_specs() noexcept { return k_fields; }

const FieldSpec& spec_of(Field field) noexcept {
    for (const FieldSpec& spec : k_fields) {
        if (spec.field == field) {
            return spec;
        }
    }
    return k_fields[0];  // unreachable: every Field has a row (tested)
}

namespace {

/// The field table's rows grouped by key length, built from the table at compile time: a lookup
/// compares a key with the two or three keys of its length only.
constexpr std::size_t k_max_key = 32;
constexpr std::size_t k_per_length = 6;
struct KeyIndex {
    std::array<std::array<std::int8_t, k_per_length>, k_max_key> rows{};
    std::array<std::uint8_t, k_max_key> counts{};
};
constexpr KeyIndex build_key_index() {
    KeyIndex index;
    for (std::size_t i = 0; i < std::size(k_fields); ++i) {
        const std::size_t length = k_fields[i].key.size();
        index.rows[length][index.counts[length]++] = static_cast<std::int8_t>(i);
    }
    return index;
}
constexpr KeyIndex k_key_index = build_key_index();

}  // namespace

const FieldSpec* find_field_by_key(std::string_view key) noexcept {
    if (key.size() >= k_max_key) {
        return nullptr;
    }
    for (std::size_t i = 0; i < k_key_index.counts[key.size()]; ++i) {
        const FieldSpec& spec = k_fields[static_cast<std::size_t>(k_key_index.rows[key.size()][i])];
        if (spec.key == key) {
            return &spec;
        }
    }
    return nullptr;
}

std::string accepted_values(const FieldSpec& spec) {
    switch (spec.field) {
        case Field::site: return "one of " + join_names(k_all_sites);
        case Field::histology: return "one of lms, ess, adenosarcoma or gist";
        case Field::size:
            return "a positive length in cm (6, 5.5), a number with unit cm or mm (55mm, 5.5 cm), or unknown";
        case Field::depth: return join_names(k_all_depths);
        case Field::grade: return "1, 2, 3 or X";
        case Field::nodes:
        case Field::metastasis:
        case Field::adnexa:
        case Field::pelvic:
        case Field::bladder_rectum:
        case Field::cervix:
        case Field::peritoneal_cytology: return "yes, no or unknown";
        case Field::extension: return "one of " + join_names(k_all_extensions);
        case Field::abdominal_sites: return "a whole number of sites, 0 or more, or unknown";
        case Field::myometrial_invasion: return "a percentage from 0 to 100, or unknown";
        case Field::mitotic_rate: return "a number of mitoses per 50 HPF, 0 or more, or unknown";
        case Field::gi_site: return "one of " + join_names(k_all_gi_sites);
        case Field::edition: return "7 or 8";
        case Field::adjoining_invasion: return join_names(k_all_adjoining_invasions);
        case Field::visceral_extent: return "one of " + join_names(k_all_visceral_extents);
        case Field::foci: return "a whole number of sites, 1 or more";
        case Field::id: return "a string or a number";
    }
    return "?";
}

namespace {
template <typename Enum, std::size_t N>
std::vector<std::string_view> names_of(const std::array<Enum, N>& values) {
    std::vector<std::string_view> out;
    for (Enum value : values) {
        out.push_back(name(value));
    }
    return out;
}
}  // namespace

std::vector<std::string_view> value_words(const FieldSpec& spec) {
    switch (spec.field) {
        case Field::site: return names_of(k_all_sites);
        case Field::histology: return {"lms", "ess", "adenosarcoma", "gist"};  // carcinosarcoma is refused
        case Field::depth: return names_of(k_all_depths);
        case Field::grade: return names_of(k_all_grades);
        case Field::nodes:
        case Field::metastasis:
        case Field::adnexa:
        case Field::pelvic:
        case Field::bladder_rectum:
        case Field::cervix:
        case Field::peritoneal_cytology: return {"yes", "no", "unknown"};
        case Field::extension: return names_of(k_all_extensions);
        case Field::gi_site: return names_of(k_all_gi_sites);
        case Field::edition: return {"7", "8"};
        case Field::adjoining_invasion: return names_of(k_all_adjoining_invasions);
        case Field::visceral_extent: return names_of(k_all_visceral_extents);
        case Field::size:
        case Field::abdominal_sites:
        case Field::myometrial_invasion:
        case Field::mitotic_rate:
        case Field::foci:
        case Field::id: break;
    }
    return {};
}

std::optional<CaseError> parse_length(std::string_view text, std::optional<Measured<Length>>& out) {
    const FieldSpec& spec = spec_of(Field::size);
    const std::string_view given = text;
    text = trim(text);
    if (text.size() == 7 && lower(text) == "unknown") {
        out = Measured<Length>::unknown();
        return std::nullopt;
    }
    // Split the number from a unit: the number is the longest prefix of number characters.
    std::size_t split = 0;
    while (split < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[split])) != 0 || text[split] == '.' || text[split] == '-' ||
            text[split] == '+' || text[split] == 'e' || text[split] == 'E')) {
        ++split;
    }
    // "nan"/"inf" have no digits; hand them whole to the number parser so they are named as such.
    std::string_view number = split == 0 ? text : text.substr(0, split);
    std::string_view unit = split == 0 ? std::string_view{} : trim(text.substr(split));
    // A trailing 'e' belongs to no number ("5e"): let the unit check report it.
    LengthUnit length_unit = LengthUnit::cm;
    if (!unit.empty()) {
        const std::string u = lower(unit);
        if (u == "cm") {
            length_unit = LengthUnit::cm;
        } else if (u == "mm") {
            length_unit = LengthUnit::mm;
        } else {
            return CaseError{spec.field, "has an unknown unit \"" + std::string(unit) +
                                             "\" (accepted units: cm, mm; a bare number is cm), got " + shown(given)};
        }
    }
    double value = 0.0;
    switch (parse_number(number, value)) {
        case NumberStatus::ok: break;
        case NumberStatus::out_of_range:
            return CaseError{spec.field, "is out of range: must be " + accepted_values(spec) + ", got " + shown(given)};
        case NumberStatus::not_finite:
            return CaseError{spec.field, "must be a finite positive length, got " + shown(given)};
        case NumberStatus::not_a_number: return bad(spec, given);
    }
    if (value <= 0.0) {
        return CaseError{spec.field, "must be a positive length, got " + shown(given)};
    }
    out = Measured<Length>::of(Length{value, length_unit, residue_of(number, value), !unit.empty()});
    return std::nullopt;
}

/// The case member of a yes/no/unknown finding; nullptr for other fields.
std::optional<Finding>* finding_slot(Case& target, Field field) {
    switch (field) {
        case Field::nodes: return &target.nodes;
        case Field::metastasis: return &target.metastasis;
        case Field::adnexa: return &target.adnexa;
        case Field::pelvic: return &target.pelvic;
        case Field::bladder_rectum: return &target.bladder_rectum;
        case Field::cervix: return &target.cervix;
        case Field::peritoneal_cytology: return &target.peritoneal_cytology;
        default: return nullptr;
    }
}

std::optional<CaseError> set_from_bool(Case& target, const FieldSpec& spec, bool value) {
    if (std::optional<Finding>* slot = finding_slot(target, spec.field)) {
        *slot = value ? Finding::present : Finding::absent;
        return std::nullopt;
    }
    return CaseError{spec.field, "must be " + accepted_values(spec) + ", got " + (value ? "true" : "false")};
}

std::optional<CaseError> set_from_text(Case& target, const FieldSpec& spec, std::string_view text) {
    switch (spec.field) {
        case Field::site:
            if ((target.site = parse_enum(text, k_all_sites))) {
                return std::nullopt;
            }
            return bad(spec, text);
        case Field::histology:
            if ((target.histology = parse_enum(text, k_all_histologies))) {
                return std::nullopt;
            }
            return bad(spec, text);
        case Field::depth:
            if ((target.depth = parse_enum(text, k_all_depths))) {
                return std::nullopt;
            }
            return bad(spec, text);
        case Field::extension:
            if ((target.extension = parse_enum(text, k_all_extensions))) {
                return std::nullopt;
            }
            return bad(spec, text);
        case Field::gi_site:
            if ((target.gi_site = parse_enum(text, k_all_gi_sites))) {
                return std::nullopt;
            }
            return bad(spec, text);
        case Field::adjoining_invasion:
            if ((target.adjoining_invasion = parse_enum(lower(text), k_all_adjoining_invasions))) {
                return std::nullopt;
            }
            return bad(spec, text);
        case Field::visceral_extent:
            if ((target.visceral_extent = parse_enum(text, k_all_visceral_extents))) {
                return std::nullopt;
            }
            return bad(spec, text);
        case Field::grade:
            if (text == "x") {
                text = "X";
            }
            if ((target.grade = parse_enum(text, k_all_grades))) {
                return std::nullopt;
            }
            return bad(spec, text);
        case Field::size: return parse_length(text, target.size);
        case Field::nodes:
        case Field::metastasis:
        case Field::adnexa:
        case Field::pelvic:
        case Field::bladder_rectum:
        case Field::cervix:
        case Field::peritoneal_cytology:
            if (std::optional<Finding>* slot = finding_slot(target, spec.field); slot != nullptr && text == "unknown") {
                *slot = Finding::unknown;
                return std::nullopt;
            }
            if (auto yes = parse_yes_no(text)) {
                return set_from_bool(target, spec, *yes);
            }
            return bad(spec, text);
        case Field::abdominal_sites: {
            if (text == "unknown") {
                target.abdominal_sites = Measured<long long>::unknown();
                return std::nullopt;
            }
            std::optional<long long> count;
            if (auto err = parse_count(spec, text, count)) {
                return err;
            }
            target.abdominal_sites = *count;
            return std::nullopt;
        }
        case Field::foci: return parse_count(spec, text, target.foci);
        case Field::myometrial_invasion: {
            if (text == "unknown") {
                target.myometrial_invasion = Measured<double>::unknown();
                return std::nullopt;
            }
            if (!text.empty() && text.back() == '%') {
                text.remove_suffix(1);
            }
            double value = 0.0;
            if (auto err = parse_measure(spec, text, value)) {
                return err;
            }
            target.myometrial_invasion = value;
            return std::nullopt;
        }
        case Field::mitotic_rate: {
            if (text == "unknown") {
                target.mitotic_rate = Measured<MitoticRate>::unknown();
                return std::nullopt;
            }
            double value = 0.0;
            if (auto err = parse_measure(spec, text, value)) {
                return err;
            }
            target.mitotic_rate = Measured<MitoticRate>::of(value);
            return std::nullopt;
        }
        case Field::edition: {
            std::optional<long long> value;
            if (auto err = parse_count(spec, text, value)) {
                return err;
            }
            if (*value != 7 && *value != 8) {
                return bad(spec, text);
            }
            target.edition = static_cast<int>(*value);
            return std::nullopt;
        }
        case Field::id: break;  // handled by the reader, never part of the case
    }
    return std::nullopt;
}

}  // namespace lmsstage::cli
