// The one field table (keys, option spellings) and the text readers built on it: the size-with-unit
// parser `parse_length` and `set_from_text` for the fields a clinician types.
#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "doors/fields.hpp"
#include "doors/safe_text.hpp"
#include "lmsstage/lmsstage.hpp"
#include "support/text_support.hpp"

using namespace lmsstage;
using lmsstage::doors::accepted_values;
using lmsstage::doors::field_specs;
using lmsstage::doors::FieldSpec;
using lmsstage::doors::find_field_by_key;
using lmsstage::doors::parse_length;
using lmsstage::doors::set_from_text;
using lmsstage::doors::spec_of;

using namespace lmsstage_door_test;

namespace {

long specs_for(Field field) {
    const auto specs = field_specs();
    return std::count_if(specs.begin(), specs.end(), [field](const FieldSpec& spec) { return spec.field == field; });
}

/// The option a key should have: "--" + key with '_' written as '-'.
std::string option_from_key(std::string_view key) {
    std::string option = "--" + std::string(key);
    std::replace(option.begin(), option.end(), '_', '-');
    return option;
}

/// Parses a size that must be accepted, and returns the length it read.
Length parsed_length(std::string_view text) {
    INFO("size text: [" << std::string(text) << "]");
    std::optional<Measured<Length>> size;
    const std::optional<CaseError> error = parse_length(text, size);
    REQUIRE_FALSE(error.has_value());
    REQUIRE(size.has_value());
    REQUIRE(size->known());
    return *size->value;
}

/// A size that must be refused, by the reader (text that is no length) or by validation (a length
/// that is no size: -3, 0, nan): the error either gives.
CaseError size_error(std::string_view text) {
    INFO("size text: [" << std::string(text) << "]");
    Case c;
    c.grade = Grade::g3;
    if (auto error = read_field(c, field_info(Field::size), text)) {
        return *error;
    }
    const std::optional<CaseError> invalid = validate(c);
    REQUIRE(invalid.has_value());
    return *invalid;
}

/// Reads one field from text into an empty case; returns the error, if any.
std::optional<CaseError> read_field(Case& target, Field field, std::string_view text) {
    return set_from_text(target, spec_of(field), text);
}

/// The error reading `text` into `field` of an empty case gives (the test fails when it is read):
/// it names the field, and the field is left not given.
CaseError refused(Field field, std::string_view text) {
    INFO(field_name(field) << " text: [" << std::string(text) << "]");
    Case c;
    const std::optional<CaseError> error = read_field(c, field, text);
    REQUIRE(error.has_value());
    CHECK(error->field == field);
    CHECK_FALSE(field_info(field).given(c));
    return *error;
}

/// Reads each text into an empty case and checks that it sets `member` to the value paired with it.
template <typename T>
void check_reads(Field field, std::optional<T> Case::*member,
                 std::initializer_list<std::pair<std::string_view, T>> accepted) {
    for (const auto& [text, value] : accepted) {
        INFO(field_name(field) << " text: " << std::string(text));
        Case c;
        CHECK_FALSE(read_field(c, field, text).has_value());
        REQUIRE((c.*member).has_value());
        CHECK(*(c.*member) == value);
    }
}

/// A uterine case that validates, for checks that a bad count or percent is refused somewhere.
Case valid_uterine_case(Histology histology) {
    Case c;
    c.site = Site::uterus;
    c.histology = histology;
    c.size = Measured<Length>::of({3.0, LengthUnit::cm});
    if (histology == Histology::adenosarcoma) {
        c.myometrial_invasion = 30.0;  // required for adenosarcoma
    }
    return c;
}

/// True when text is refused: either by the text reader or, if it reads, by validation of the case.
bool refused_by_reader_or_validation(Case c, Field field, std::string_view text) {
    if (read_field(c, field, text).has_value()) {
        return true;
    }
    const std::optional<CaseError> invalid = validate(c);
    return invalid.has_value() && invalid->field == field;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The field table

TEST_CASE("every case field except id has exactly one row in the field table", "[fields]") {
    for (Field field : k_all_fields) {
        if (field == Field::id) {
            continue;
        }
        INFO("field " << field_name(field));
        CHECK(specs_for(field) == 1);
    }
}

TEST_CASE("id has at most one row in the field table", "[fields]") { CHECK(specs_for(Field::id) <= 1); }

TEST_CASE("the field table has no row for a field outside the Field list", "[fields]") {
    for (const FieldSpec& spec : field_specs()) {
        const bool listed = std::find(k_all_fields.begin(), k_all_fields.end(), spec.field) != k_all_fields.end();
        INFO("key " << spec.key);
        CHECK(listed);
    }
}

TEST_CASE("a field's key is its canonical name with underscores", "[fields]") {
    for (const FieldSpec& spec : field_specs()) {
        INFO("key " << spec.key);
        CHECK(spec.key == field_name(spec.field));
        CHECK_FALSE(contains(spec.key, "-"));
    }
}

TEST_CASE("a field's option is -- and its key with dashes for underscores", "[fields]") {
    for (const FieldSpec& spec : field_specs()) {
        INFO("key " << spec.key);
        CHECK(spec.option == option_from_key(spec.key));
        CHECK_FALSE(contains(spec.option.substr(2), "_"));
    }
}

TEST_CASE("keys and options with two words keep one spelling each", "[fields]") {
    CHECK(spec_of(Field::abdominal_sites).key == "abdominal_sites");
    CHECK(spec_of(Field::abdominal_sites).option == "--abdominal-sites");
    CHECK(spec_of(Field::bladder_rectum).key == "bladder_rectum");
    CHECK(spec_of(Field::bladder_rectum).option == "--bladder-rectum");
    CHECK(spec_of(Field::myometrial_invasion).option == "--myometrial-invasion");
}

TEST_CASE("keys and options are unique across the table", "[fields]") {
    std::set<std::string_view> keys;
    std::set<std::string_view> options;
    for (const FieldSpec& spec : field_specs()) {
        INFO("key " << spec.key);
        CHECK(keys.insert(spec.key).second);
        CHECK(options.insert(spec.option).second);
    }
}

TEST_CASE("spec_of returns the row of the field asked for", "[fields]") {
    for (Field field : k_all_fields) {
        if (specs_for(field) == 0) {
            continue;  // reported by the exactly-one test
        }
        INFO("field " << field_name(field));
        CHECK(spec_of(field).field == field);
    }
}

TEST_CASE("find_field_by_key finds each key and nothing else", "[fields]") {
    for (const FieldSpec& spec : field_specs()) {
        INFO("key " << spec.key);
        CHECK(find_field_by_key(spec.key) == &spec);
    }
    CHECK(find_field_by_key("abdominal-sites") == nullptr);  // the option spelling is not a key
    CHECK(find_field_by_key("metastatis") == nullptr);
    CHECK(find_field_by_key("") == nullptr);
    // Near misses of every key (the lookup goes by length and first and last letters): one letter
    // more, one less, the last one changed, the first one upper case.
    std::set<std::string_view> keys;
    for (const FieldSpec& spec : field_specs()) {
        keys.insert(spec.key);
    }
    for (const FieldSpec& spec : field_specs()) {
        const std::string key(spec.key);
        std::string changed = key;
        changed.back() = changed.back() == 'x' ? 'y' : 'x';
        std::string upper = key;
        upper.front() = static_cast<char>(upper.front() - 'a' + 'A');
        for (const std::string& miss : {key + "s", key.substr(0, key.size() - 1), changed, upper}) {
            INFO("near miss " << miss);
            if (keys.count(miss) == 0) {
                CHECK(find_field_by_key(miss) == nullptr);
            }
        }
    }
}

TEST_CASE("every field has help text and a description of accepted values", "[fields]") {
    for (const FieldSpec& spec : field_specs()) {
        INFO("key " << spec.key);
        CHECK_FALSE(spec.help.empty());
        CHECK_FALSE(spec.placeholder.empty());
        const std::string accepted = accepted_values(spec);
        CHECK_FALSE(accepted.empty());
        CHECK(accepted != "?");
    }
}

// ---------------------------------------------------------------------------------------------
// parse_length

TEST_CASE("a bare number is a size in cm", "[fields][size]") {
    const Length length = parsed_length("6");
    CHECK(length.value == Approx(6.0));
    CHECK(length.unit == LengthUnit::cm);
}

TEST_CASE("a decimal number with cm attached is a size in cm", "[fields][size]") {
    const Length length = parsed_length("5.5cm");
    CHECK(length.value == Approx(5.5));
    CHECK(length.unit == LengthUnit::cm);
}

TEST_CASE("a number with mm after a space is a size in mm, kept in mm", "[fields][size]") {
    const Length length = parsed_length("55 mm");
    CHECK(length.value == Approx(55.0));
    CHECK(length.unit == LengthUnit::mm);
}

TEST_CASE("55 mm is 5.5 cm", "[fields][size]") { CHECK(parsed_length("55 mm").in_cm() == Approx(5.5)); }

TEST_CASE("50 mm is not over the 5 cm boundary", "[fields][size]") {
    CHECK_FALSE(parsed_length("50 mm").exceeds_cm(5.0));
}

TEST_CASE("50.1 mm is over the 5 cm boundary", "[fields][size]") { CHECK(parsed_length("50.1 mm").exceeds_cm(5.0)); }

TEST_CASE("exactly 5 cm is not over the 5 cm boundary and 5.01 cm is", "[fields][size]") {
    CHECK_FALSE(parsed_length("5").exceeds_cm(5.0));
    CHECK(parsed_length("5.01").exceeds_cm(5.0));
}

TEST_CASE("unknown is an explicitly unknown size", "[fields][size]") {
    std::optional<Measured<Length>> size;
    const std::optional<CaseError> error = parse_length("unknown", size);
    CHECK_FALSE(error.has_value());
    REQUIRE(size.has_value());
    CHECK_FALSE(size->known());
}

TEST_CASE("spaces around a size are ignored", "[fields][size]") {
    const Length plain = parsed_length("  6  ");
    CHECK(plain.value == Approx(6.0));
    CHECK(plain.unit == LengthUnit::cm);
    const Length with_unit = parsed_length(" 55 mm ");
    CHECK(with_unit.value == Approx(55.0));
    CHECK(with_unit.unit == LengthUnit::mm);

    std::optional<Measured<Length>> size;
    CHECK_FALSE(parse_length(" unknown ", size).has_value());
    REQUIRE(size.has_value());
    CHECK_FALSE(size->known());
}

TEST_CASE("a size that is not accepted is an error of the field size naming what was given", "[fields][size]") {
    struct Bad {
        std::string_view text;
        std::string_view shown;     // how the message must show what was given
        std::string_view accepted;  // a fragment of the message that says what is accepted
    };
    const std::string all_accepted = accepted_values(spec_of(Field::size));
    const Bad cases[] = {
        {"-3", "-3", "positive length"},   {"0", "0", "positive length"},     {"abc", "abc", all_accepted},
        {"nan", "nan", "positive length"}, {"inf", "inf", "positive length"}, {"5in", "5in", "cm, mm"},
        {"", "\"\"", all_accepted},
    };
    for (const Bad& bad : cases) {
        INFO("size text: [" << std::string(bad.text) << "]");
        const CaseError error = size_error(bad.text);
        CHECK(error.field == Field::size);
        INFO("message: " << error.message());
        CHECK(error.message().rfind("size ", 0) == 0);
        CHECK(contains(error.problem, bad.shown));
        CHECK(contains(error.problem, bad.accepted));
    }
}

TEST_CASE("a size out of the range of a double names what was given and what is accepted", "[fields][size]") {
    const CaseError error = size_error("1e400");
    INFO("message: " << error.message());
    CHECK(error.field == Field::size);
    CHECK(contains(error.problem, "1e400"));
    CHECK(contains(error.problem, "positive length"));
}

TEST_CASE("the size error for -3 is the contract's example message", "[fields][size]") {
    CHECK(size_error("-3").message() == "size must be a positive length, got -3");
}

TEST_CASE("nan and inf are called not finite", "[fields][size]") {
    CHECK(contains(size_error("nan").problem, "finite"));
    CHECK(contains(size_error("inf").problem, "finite"));
}

TEST_CASE("an unknown unit is named in the size error", "[fields][size]") {
    CHECK(contains(size_error("5in").problem, "\"in\""));
}

TEST_CASE("a size that does not read leaves the parsed size untouched", "[fields][size]") {
    std::optional<Measured<Length>> size;
    CHECK(parse_length("abc", size).has_value());
    CHECK_FALSE(size.has_value());
}

// ---------------------------------------------------------------------------------------------
// set_from_text

TEST_CASE("grade reads 1, 2, 3 and X", "[fields][grade]") {
    check_reads(Field::grade, &Case::grade, {{"1", Grade::g1}, {"2", Grade::g2}, {"3", Grade::g3}, {"X", Grade::gx}});
}

TEST_CASE("grade rejects 4, G4 and 0, naming what was given and the accepted grades", "[fields][grade]") {
    for (std::string_view text : {std::string_view("4"), std::string_view("G4"), std::string_view("0")}) {
        INFO("grade text: " << std::string(text));
        const CaseError error = refused(Field::grade, text);
        CHECK(contains(error.problem, text));
        CHECK(contains(error.problem, "1, 2, 3, X, high or unknown"));
    }
}

TEST_CASE("nodes reads yes, no and unknown", "[fields][nodes]") {
    check_reads(Field::nodes, &Case::nodes,
                {{"yes", Finding::present}, {"no", Finding::absent}, {"unknown", Finding::unknown}});
}

TEST_CASE("nodes rejects maybe, naming what was given and yes, no or unknown", "[fields][nodes]") {
    const CaseError error = refused(Field::nodes, "maybe");
    CHECK(contains(error.problem, "maybe"));
    CHECK(contains(error.problem, "yes, no or unknown"));
}

TEST_CASE("abdominal_sites reads whole numbers", "[fields][counts]") {
    check_reads(Field::abdominal_sites, &Case::abdominal_sites, {{"0", 0}, {"2", 2}});
}

TEST_CASE("abdominal_sites rejects 1.5 and words", "[fields][counts]") {
    for (std::string_view text : {std::string_view("1.5"), std::string_view("two"), std::string_view("")}) {
        INFO("abdominal_sites text: [" << std::string(text) << "]");
        CHECK(contains(refused(Field::abdominal_sites, text).problem, "whole number"));
    }
}

TEST_CASE("a negative abdominal_sites is refused by the reader or by validation", "[fields][counts]") {
    CHECK(refused_by_reader_or_validation(valid_uterine_case(Histology::lms), Field::abdominal_sites, "-1"));
}

TEST_CASE("myometrial_invasion reads percentages from 0 to 100", "[fields][percent]") {
    const std::pair<std::string_view, double> accepted[] = {{"0", 0.0}, {"50", 50.0}, {"50.5", 50.5}, {"100", 100.0}};
    for (const auto& [text, percent] : accepted) {
        INFO("myometrial_invasion text: " << std::string(text));
        Case c;
        CHECK_FALSE(read_field(c, Field::myometrial_invasion, text).has_value());
        REQUIRE(c.myometrial_invasion.has_value());
        CHECK(*c.myometrial_invasion->value == Approx(percent));
    }
}

TEST_CASE("myometrial_invasion refuses text that is not a number, and nan", "[fields][percent]") {
    const Case adenosarcoma = valid_uterine_case(Histology::adenosarcoma);
    for (std::string_view text : {std::string_view("half"), std::string_view("nan"), std::string_view("")}) {
        INFO("myometrial_invasion text: [" << std::string(text) << "]");
        CHECK(refused_by_reader_or_validation(adenosarcoma, Field::myometrial_invasion, text));
    }
}

TEST_CASE("myometrial_invasion outside 0 to 100 is refused by the reader or by validation", "[fields][percent]") {
    const Case adenosarcoma = valid_uterine_case(Histology::adenosarcoma);
    REQUIRE_FALSE(validate(adenosarcoma).has_value());
    CHECK(refused_by_reader_or_validation(adenosarcoma, Field::myometrial_invasion, "101"));
    CHECK(refused_by_reader_or_validation(adenosarcoma, Field::myometrial_invasion, "-1"));
    CHECK_FALSE(refused_by_reader_or_validation(adenosarcoma, Field::myometrial_invasion, "100"));
}

TEST_CASE("edition reads 7 and 8", "[fields][edition]") {
    check_reads(Field::edition, &Case::edition, {{"7", 7}, {"8", 8}});
}

TEST_CASE("edition refuses everything but 7, 8 and uicc9, saying 7, 8 or uicc9", "[fields][edition]") {
    for (std::string_view text : {std::string_view("6"), std::string_view("9"), std::string_view("7.5"),
                                  std::string_view("seventh"), std::string_view(""), std::string_view("10"),
                                  std::string_view("uicc8"), std::string_view("9th"), std::string_view("ajcc9")}) {
        INFO("edition text: [" << std::string(text) << "]");
        Case c;
        c.size = Measured<Length>::of({6.0, LengthUnit::cm});
        c.grade = Grade::g3;
        std::optional<CaseError> error = read_field(c, Field::edition, text);
        if (!error) {
            error = validate(c);
        }
        REQUIRE(error.has_value());
        CHECK(error->field == Field::edition);
        CHECK(contains(error->problem, "7, 8 or uicc9"));
    }
}

// A bare 9 is not taken for UICC: there is no AJCC 9th edition of the soft tissue or GIST chapters,
// and the message says what to type for UICC TNM 9.
TEST_CASE("edition 9 is refused, naming uicc9", "[fields][edition][uicc9]") {
    for (std::string_view text : {std::string_view("9"), std::string_view("9th"), std::string_view("AJCC9")}) {
        INFO("edition text: [" << std::string(text) << "]");
        CHECK(contains(refused(Field::edition, text).problem, "write uicc9"));
    }
}

TEST_CASE("edition reads uicc9 and its spellings as UICC TNM 9", "[fields][edition][uicc9]") {
    check_reads(Field::edition, &Case::edition,
                {{"uicc9", k_uicc9},
                 {"UICC9", k_uicc9},
                 {"uicc 9", k_uicc9},
                 {"UICC", k_uicc9},
                 {"tnm9", k_uicc9},
                 {"uicc-tnm-9", k_uicc9}});
}

TEST_CASE("edition also reads 7th, 8th, AJCC7 and AJCC8", "[fields][edition][synonyms]") {
    check_reads(Field::edition, &Case::edition, {{"7th", 7}, {"8th", 8}, {"AJCC7", 7}, {"ajcc8", 8}});
}

TEST_CASE("size read through set_from_text is the same as parse_length", "[fields][size]") {
    Case c;
    CHECK_FALSE(read_field(c, Field::size, "55 mm").has_value());
    REQUIRE(c.size.has_value());
    REQUIRE(c.size->known());
    CHECK(c.size->value->unit == LengthUnit::mm);
    CHECK(c.size->value->value == Approx(55.0));
}

// ---------------------------------------------------------------------------------------------
// Words: how a value's text is compared (the core reader, under both doors)

TEST_CASE("a word is read in any case, with blanks and tabs around it", "[fields][words]") {
    check_reads<Depth>(Field::depth, &Case::depth,
                       {{"deep", Depth::deep}, {" \tDeep\t ", Depth::deep}, {"SUPERFICIAL", Depth::superficial}});
}

TEST_CASE("a space or an underscore in a word stands for its hyphen", "[fields][words]") {
    check_reads<Site>(Field::site, &Case::site,
                      {{"soft_tissue", Site::soft_tissue},
                       {"Soft Tissue", Site::soft_tissue},
                       {"head and neck", Site::head_neck},
                       {"head_neck", Site::head_neck}});
    check_reads<GiSite>(Field::gi_site, &Case::gi_site,
                        {{"small bowel", GiSite::small_intestine}, {"Small_Intestine", GiSite::small_intestine}});
}

TEST_CASE("a text longer than any word of the vocabulary is refused, with no suggestion", "[fields][words]") {
    CHECK_FALSE(contains(refused(Field::site, std::string(80, 'e')).problem, "did you mean"));
}

TEST_CASE("a word one letter off gets the nearest value, a word far from all gets none", "[fields][words]") {
    Case c;
    const std::optional<CaseError> near = read_field(c, Field::site, "extremty");
    REQUIRE(near.has_value());
    CHECK(contains(near->problem, "did you mean extremity?"));
    const std::optional<CaseError> far = read_field(c, Field::site, "zzzzzz");
    REQUIRE(far.has_value());
    CHECK_FALSE(contains(far->problem, "did you mean"));
}

TEST_CASE("carcinosarcoma and its other names read as carcinosarcoma, to be refused with the reason",
          "[fields][words]") {
    check_reads<HistologyType>(Field::histology, &Case::histology,
                               {{"carcinosarcoma", Histology::carcinosarcoma},
                                {"MMMT", Histology::carcinosarcoma},
                                {"malignant mixed mullerian tumor", Histology::carcinosarcoma},
                                {"Malignant_Mixed_Mullerian_Tumour", Histology::carcinosarcoma}});
}

TEST_CASE("a finding reads yes, true, present, positive, y and their noes, in any case", "[fields][words]") {
    check_reads<Finding>(Field::nodes, &Case::nodes,
                         {{"Y", Finding::present},
                          {"TRUE", Finding::present},
                          {" Present ", Finding::present},
                          {"positive", Finding::present},
                          {"N", Finding::absent},
                          {"false", Finding::absent},
                          {"Absent", Finding::absent},
                          {"negative", Finding::absent},
                          {"Unknown", Finding::unknown}});
}

TEST_CASE("true or false given to a field that is no finding is refused with what the field takes", "[fields][words]") {
    Case c;
    const std::optional<CaseError> error = lmsstage::read_field(c, spec_of(Field::grade), true);
    REQUIRE(error.has_value());
    CHECK(error->field == Field::grade);
    CHECK(error->problem == "must be 1, 2, 3, X, high or unknown, got true");
}

TEST_CASE("a percentage may carry its sign and a decimal comma gets a hint", "[fields][percent]") {
    check_reads<Measured<double>>(Field::myometrial_invasion, &Case::myometrial_invasion,
                                  {{"50%", Measured<double>::of(50.0)},
                                   {"50 %", Measured<double>::of(50.0)},
                                   {" 30 ", Measured<double>::of(30.0)}});
    Case c;
    const std::optional<CaseError> comma = read_field(c, Field::myometrial_invasion, "50,5");
    REQUIRE(comma.has_value());
    CHECK(contains(comma->problem, "use a decimal point: 50.5"));
}

/// The hint a refused size gets: what follows "; " after the reader's message.
std::string size_hint(std::string_view text) {
    const CaseError error = size_error(text);
    const std::size_t at = error.problem.rfind("; ");
    return at == std::string::npos ? std::string() : error.problem.substr(at + 2);
}

TEST_CASE("a size given as several dimensions is answered with the greatest, in the unit it was given in",
          "[fields][size]") {
    // AJCC 7th and 8th editions, soft tissue sarcoma: T by the tumour's greatest dimension.
    CHECK(size_hint("4x6x3") == "give the greatest dimension only: 6");
    CHECK(size_hint("6x4x3") == "give the greatest dimension only: 6");
    CHECK(size_hint("40x60mm") == "give the greatest dimension only: 60mm");
    CHECK(size_hint("4 x 6 x 3 cm") == "give the greatest dimension only: 6cm");
    CHECK(size_hint("4 * 6 cm") == "give the greatest dimension only: 6cm");
    CHECK(size_hint("4 \xC3\x97 6 cm") == "give the greatest dimension only: 6cm");  // U+00D7
    CHECK(size_hint("4cm x 50mm") == "give the greatest dimension only: 50mm");      // 5 cm > 4 cm
    CHECK(size_hint("45mm x 4cm") == "give the greatest dimension only: 45mm");      // 4.5 cm > 4 cm
    CHECK(size_hint("4,5x3") == "give the greatest dimension only: 4.5");
    CHECK(size_hint("4xabc") == "give the greatest dimension only (6, 5.5 cm or 55 mm)");
    CHECK(size_hint("4x6in") == "give the greatest dimension only (6, 5.5 cm or 55 mm)");
}

TEST_CASE("the greatest dimension suggested, typed back, is read as that length", "[fields][size]") {
    CHECK(parsed_length("6").in_cm() == Approx(6.0));        // from 4x6x3
    CHECK(parsed_length("60mm").in_cm() == Approx(6.0));     // from 40x60mm
    CHECK(parsed_length("50mm").in_cm() == Approx(5.0));     // from 4cm x 50mm
    CHECK(parsed_length("65.5mm").in_cm() == Approx(6.55));  // from 65,5 mm
}

TEST_CASE("a size with a decimal comma is answered with a decimal point and keeps its unit", "[fields][size]") {
    CHECK(size_hint("6,5") == "use a decimal point: 6.5");
    CHECK(size_hint("65,5 mm") == "use a decimal point: 65.5mm");
    CHECK(size_hint("6,5cm") == "use a decimal point: 6.5cm");
    CHECK(contains(size_error("65,5 mm").problem, "got 65,5 mm;"));
}

TEST_CASE("a size's unit and exponent are read in any case", "[fields][size]") {
    CHECK(parsed_length("5.5 CM").unit == LengthUnit::cm);
    CHECK(parsed_length("55MM").unit == LengthUnit::mm);
    CHECK(parsed_length("1E1").value == 10.0);
    CHECK(parsed_length("1e1").value == 10.0);
}

TEST_CASE("a plain decimal with trailing zeros is the number it writes, exactly", "[fields][size]") {
    const Length size = parsed_length("12.50");
    CHECK(size.value == 12.5);
    CHECK(size.residue == 0);
    CHECK_FALSE(size.unit_stated);
}

TEST_CASE("a did-you-mean hint names the closest word, the first of a tie, and nothing when none is close",
          "[fields][messages]") {
    lmsstage::doors::Closest closest("sise");
    closest.consider("size");
    closest.consider("site");
    closest.consider("grade");
    CHECK(closest.ties() == "size or site");
    CHECK(closest.hint() == " (did you mean size?)");
    CHECK(closest.hint("\"") == " (did you mean \"size\"?)");
    lmsstage::doors::Closest far("metastasis");
    far.consider("size");
    CHECK(far.hint().empty());
}

TEST_CASE("joined lists items with a separator, each through its name, and nothing for no items",
          "[fields][messages]") {
    using lmsstage::doors::joined;
    CHECK(joined(std::vector<std::string>{"site", "size", "grade"}) == "site, size, grade");
    CHECK(joined(std::vector<std::string>{"site"}) == "site");
    CHECK(joined(std::vector<std::string>{}).empty());
    CHECK(joined(std::vector<std::string>{"", "x"}, " or ") == " or x");
    const std::vector<std::pair<std::string, int>> rows = {{"batch", 1}, {"check", 2}};
    CHECK(joined(rows, "; ", [](const auto& row) { return row.first; }) == "batch; check");
}
