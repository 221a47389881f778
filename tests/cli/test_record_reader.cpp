// The strict one-record JSON reader (cli/record_reader): what it accepts, what it rejects, which
// field an error names, and that the id survives an error elsewhere in the record.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/record_reader.hpp"
#include "doors/flat_json.hpp"
#include "lmsstage/lmsstage.hpp"

using lmsstage::cli::read_record;
using lmsstage::cli::Record;
using lmsstage::cli::RecordError;
using lmsstage::cli::RecordKind;
using namespace std::string_literals;

namespace {

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

/// Reads `bytes` as a batch record into `record`; returns the error, if any.
std::optional<RecordError> read(std::string_view bytes, Record& record) {
    return read_record(bytes, RecordKind::batch, record);
}

/// The error a record that must be rejected gives (fails the test when it is accepted).
RecordError rejected(std::string_view bytes) {
    Record record;
    INFO("record: " << bytes);
    auto error = read(bytes, record);
    REQUIRE(error.has_value());
    return *error;
}

/// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = 0;
        unsigned cp = 0;
        if (c < 0x80U) {
            ++i;
            continue;
        }
        if (c >= 0xC2U && c <= 0xDFU) {
            len = 2;
            cp = c & 0x1FU;
        } else if (c >= 0xE0U && c <= 0xEFU) {
            len = 3;
            cp = c & 0x0FU;
        } else if (c >= 0xF0U && c <= 0xF4U) {
            len = 4;
            cp = c & 0x07U;
        } else {
            return false;
        }
        if (i + len > text.size()) {
            return false;
        }
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0U) != 0x80U) {
                return false;
            }
            cp = (cp << 6U) | (cc & 0x3FU);
        }
        if ((len == 3 && (cp < 0x800U || (cp >= 0xD800U && cp <= 0xDFFFU))) ||
            (len == 4 && (cp < 0x10000U || cp > 0x10FFFFU))) {
            return false;
        }
        i += len;
    }
    return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// A good record

TEST_CASE("record reader accepts a good soft tissue record", "[record_reader]") {
    Record record;
    const auto error = read(R"({"size": 6, "grade": 3, "depth": "deep", "nodes": false, "metastasis": false})", record);
    REQUIRE_FALSE(error.has_value());
    REQUIRE(record.input.size.has_value());
    REQUIRE(record.input.size->value.has_value());
    CHECK(record.input.size->value->value == 6.0);
    CHECK(record.input.size->value->unit == lmsstage::LengthUnit::cm);
    CHECK(record.input.grade == lmsstage::Grade::g3);
    CHECK(record.input.depth == lmsstage::Depth::deep);
    CHECK(record.input.nodes == lmsstage::Finding::absent);
    CHECK(record.input.metastasis == lmsstage::Finding::absent);
}

TEST_CASE("record reader accepts a good uterine record with every uterine field", "[record_reader]") {
    Record record;
    const auto error =
        read(R"({"site":"uterus","histology":"lms","size":7,"adnexa":true,"pelvic":false,"bladder_rectum":false,)"
             R"("abdominal_sites":1,"nodes":"unknown","extension":"adjacent-organ"})",
             record);
    REQUIRE_FALSE(error.has_value());
    CHECK(record.input.site == lmsstage::Site::uterus);
    CHECK(record.input.histology == lmsstage::Histology::lms);
    CHECK(record.input.adnexa == lmsstage::Finding::present);
    CHECK(record.input.pelvic == lmsstage::Finding::absent);
    CHECK(record.input.bladder_rectum == lmsstage::Finding::absent);
    CHECK(record.input.abdominal_sites == 1);
    CHECK(record.input.nodes == lmsstage::Finding::unknown);
    CHECK(record.input.extension == lmsstage::Extension::adjacent_organ);
}

TEST_CASE("record reader accepts an empty object as an empty case", "[record_reader]") {
    Record record;
    CHECK_FALSE(read("{}", record).has_value());
    CHECK_FALSE(record.input.size.has_value());
    CHECK(record.id_json.empty());
}

TEST_CASE("record reader accepts whitespace around and inside the object", "[record_reader]") {
    Record record;
    CHECK_FALSE(read(" \t{ \"size\" :\r\n 6 ,\n\"grade\":\t2 }\r\n ", record).has_value());
    CHECK(record.input.grade == lmsstage::Grade::g2);
}

TEST_CASE("record reader clears the previous record before reading", "[record_reader]") {
    Record record;
    REQUIRE_FALSE(read(R"({"size": 6, "grade": 3, "id": 1})", record).has_value());
    REQUIRE_FALSE(read(R"({"site": "uterus"})", record).has_value());
    CHECK_FALSE(record.input.size.has_value());
    CHECK_FALSE(record.input.grade.has_value());
    CHECK(record.id_json.empty());
}

// ---------------------------------------------------------------------------------------------
// Not JSON, not UTF-8, not an object

TEST_CASE("record reader rejects invalid JSON without naming a field", "[record_reader][syntax]") {
    for (const std::string_view bad :
         {R"({"size": 6,})", R"({"size" 6})", R"({size: 6})", R"({"size": 6)", R"({"size": 06})", R"({"size": 6.})",
          R"({"size": +6})", R"({"size": tru})", R"({'size': 6})", "not json", "", "   "}) {
        const RecordError error = rejected(bad);
        INFO("record: " << bad << " -> " << error.message);
        CHECK(error.field.empty());
        CHECK_FALSE(error.message.empty());
    }
}

TEST_CASE("record reader names the byte where the JSON goes wrong", "[record_reader][syntax]") {
    const RecordError error = rejected(R"({"size": 6 "grade": 3})");
    CHECK(contains(error.message, "invalid JSON at byte 12"));
}

TEST_CASE("record reader rejects text after the object", "[record_reader][syntax]") {
    const RecordError error = rejected(R"({"size": 6} {"size": 7})");
    CHECK(error.field.empty());
    CHECK(contains(error.message, "after the object"));
}

TEST_CASE("record reader says a truncated record ends early", "[record_reader][syntax]") {
    const RecordError error = rejected(R"({"size": 6, "grade)");
    CHECK(contains(error.message, "truncated"));
}

TEST_CASE("record reader rejects invalid UTF-8 inside a string", "[record_reader][utf8]") {
    for (const std::string& bad : {
             "{\"site\": \"\xff\"}"s,              // never valid
             "{\"site\": \"ut\xC3\"}"s,            // lead byte without its continuation
             "{\"site\": \"\xC0\xAF\"}"s,          // overlong '/'
             "{\"site\": \"\xE0\x80\xAF\"}"s,      // overlong, three bytes
             "{\"site\": \"\xED\xA0\x80\"}"s,      // an encoded surrogate
             "{\"site\": \"\xF4\x90\x80\x80\"}"s,  // past U+10FFFF
             "{\"site\": \"\x80\"}"s,              // a lone continuation byte
             "{\"si\xFFte\": \"uterus\"}"s,        // in a key
         }) {
        const RecordError error = rejected(bad);
        INFO("message: " << error.message);
        CHECK(contains(error.message, "UTF-8"));
        CHECK(error.field.empty());
    }
}

TEST_CASE("record reader accepts valid multi-byte UTF-8 in strings", "[record_reader][utf8]") {
    Record record;
    // 2-, 3- and 4-byte sequences in the id and in an unused string field's value are fine.
    REQUIRE_FALSE(read("{\"id\": \"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\", \"size\": 6}", record).has_value());
    CHECK(record.id_json == "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
}

TEST_CASE("record reader says what a non-object record is", "[record_reader][shape]") {
    CHECK(contains(rejected("[1, 2]").message, "got an array"));
    CHECK(contains(rejected("[]").message, "got an array"));
    CHECK(contains(rejected("42").message, "got a number"));
    CHECK(contains(rejected("-1.5e3").message, "got a number"));
    CHECK(contains(rejected(R"("size")").message, "got a string"));
    CHECK(contains(rejected("true").message, "got a boolean"));
    CHECK(contains(rejected("null").message, "got null"));
}

TEST_CASE("record reader says a record must be an object", "[record_reader][shape]") {
    const RecordError error = rejected("[1, 2]");
    CHECK(error.field.empty());
    CHECK(contains(error.message, "must be a JSON object"));
}

// ---------------------------------------------------------------------------------------------
// Keys: duplicates and unknowns

TEST_CASE("record reader rejects a key given twice and names it", "[record_reader][keys]") {
    struct Twice {
        std::string_view record;
        std::string_view field;
    };
    for (const Twice& twice : {
             Twice{R"({"size": 6, "grade": 3, "size": 7})", "size"},
             Twice{R"({"size": 6, "s\u0069ze": 7})", "size"},  // spelled with an escape
             Twice{R"({"grade": 3, "grade": 3})", "grade"},    // the same value twice too
             Twice{R"({"id": 1, "id": 2})", "id"},
         }) {
        const RecordError error = rejected(twice.record);
        CHECK(error.field == twice.field);
        CHECK(contains(error.message, twice.field));
        CHECK(contains(error.message, "more than once"));
    }
}

TEST_CASE("record reader rejects metastatis and suggests metastasis", "[record_reader][keys]") {
    const RecordError error = rejected(R"({"size": 6, "grade": 3, "metastatis": true})");
    CHECK(error.field == "metastatis");
    CHECK(contains(error.message, "unknown field \"metastatis\""));
    CHECK(contains(error.message, "did you mean \"metastasis\"?"));
}

TEST_CASE("record reader suggests the nearest field for other typos", "[record_reader][keys]") {
    CHECK(contains(rejected(R"({"grades": 3})").message, "did you mean \"grade\"?"));
    CHECK(contains(rejected(R"({"node": true})").message, "did you mean \"nodes\"?"));
    CHECK(contains(rejected(R"({"abdominal-sites": 1})").message, "did you mean \"abdominal_sites\"?"));
}

TEST_CASE("record reader lists the accepted fields for an unknown key", "[record_reader][keys]") {
    const RecordError error = rejected(R"({"zzzzzzzzzzzz": 1})");
    CHECK_FALSE(contains(error.message, "did you mean"));
    CHECK(contains(error.message, "accepted fields: "));
    CHECK(contains(error.message, "abdominal_sites"));
}

TEST_CASE("record reader rejects expect and source in a batch record", "[record_reader][keys]") {
    CHECK(rejected(R"({"size": 6, "expect": {"stage": "III"}})").field == "expect");
    CHECK(rejected(R"({"size": 6, "source": "paper"})").field == "source");
}

TEST_CASE("record reader accepts expect and source in a check record", "[record_reader][keys]") {
    Record record;
    const auto error = read_record(R"({"size": 6, "grade": 3, "expect": {"stage": "III"}, "source": "AJCC"})",
                                   RecordKind::check, record);
    REQUIRE_FALSE(error.has_value());
    CHECK(record.expect_json == R"({"stage": "III"})");
    CHECK(record.source == "AJCC");
}

TEST_CASE("record reader rejects an expect that is not an object", "[record_reader][keys]") {
    Record record;
    const auto error = read_record(R"({"size": 6, "expect": "III"})", RecordKind::check, record);
    REQUIRE(error.has_value());
    CHECK(error->field == "expect");
}

// ---------------------------------------------------------------------------------------------
// Types

TEST_CASE("record reader rejects nodes maybe and names nodes", "[record_reader][types]") {
    const RecordError error = rejected(R"({"nodes": "maybe"})");
    CHECK(error.field == "nodes");
    CHECK(contains(error.message, "maybe"));
}

TEST_CASE("record reader rejects size true and names size", "[record_reader][types]") {
    const RecordError error = rejected(R"({"size": true})");
    CHECK(error.field == "size");
    CHECK(contains(error.message, "got true"));
}

TEST_CASE("record reader takes what the command line takes: numeric strings, yes and no, null as not given",
          "[record_reader][types]") {
    // One vocabulary for both doors: "grade": "3" is --grade 3, "adnexa": "yes" is --adnexa=yes, and a
    // JSON null (what pandas and CSV converters write for a missing value) is a field not given.
    Record record;
    REQUIRE_FALSE(read(R"({"grade": "3", "edition": "8", "abdominal_sites": "1", "adnexa": "yes", "nodes": null,
                           "myometrial_invasion": "50%", "size": null})",
                       record)
                      .has_value());
    CHECK(record.input.grade == lmsstage::Grade::g3);
    CHECK(record.input.edition == 8);
    CHECK(record.input.abdominal_sites == lmsstage::Measured<long long>(1));
    CHECK(record.input.adnexa == lmsstage::Finding::present);
    CHECK_FALSE(record.input.nodes.has_value());
    CHECK_FALSE(record.input.size.has_value());
    CHECK(*record.input.myometrial_invasion->value == 50.0);
}

TEST_CASE("record reader rejects other wrong JSON types and names the field", "[record_reader][types]") {
    struct Bad {
        std::string_view field;
        std::initializer_list<std::string_view> records;
    };
    for (const Bad& bad : {
             Bad{"metastasis", {R"({"metastasis": "maybe"})", R"({"metastasis": 1})"}},
             Bad{"grade", {R"({"grade": "4"})", R"({"grade": 3.0})", R"({"grade": 4})", R"({"grade": true})"}},
             Bad{"abdominal_sites",
                 {R"({"abdominal_sites": "one"})", R"({"abdominal_sites": 1.5})", R"({"abdominal_sites": 1e2})"}},
             Bad{"edition", {R"({"edition": "nine"})"}},
             Bad{"site", {R"({"site": 7})", R"({"site": ["uterus"]})"}},
             Bad{"size", {R"({"size": {"cm": 6}})"}},
             Bad{"mitotic_rate", {R"({"mitotic_rate": true})"}},
             Bad{"id", {R"({"id": true})", R"({"id": null})", R"({"id": {"a": 1}})"}},
         }) {
        for (const std::string_view bytes : bad.records) {
            Record record;
            const auto error = read(bytes, record);
            INFO("record: " << bytes);
            REQUIRE(error.has_value());
            INFO("message: " << error->message);
            CHECK(error->field == bad.field);
        }
    }
}

TEST_CASE("record reader accepts grade X and lower-case x", "[record_reader][types]") {
    Record record;
    REQUIRE_FALSE(read(R"({"grade": "X"})", record).has_value());
    CHECK(record.input.grade == lmsstage::Grade::gx);
    REQUIRE_FALSE(read(R"({"grade": "x"})", record).has_value());
    CHECK(record.input.grade == lmsstage::Grade::gx);
}

TEST_CASE("record reader accepts grades 1 2 3 as numbers", "[record_reader][types]") {
    Record record;
    REQUIRE_FALSE(read(R"({"grade": 1})", record).has_value());
    CHECK(record.input.grade == lmsstage::Grade::g1);
    REQUIRE_FALSE(read(R"({"grade": 2})", record).has_value());
    CHECK(record.input.grade == lmsstage::Grade::g2);
}

TEST_CASE("record reader reads size 55 mm, 5.5cm and unknown", "[record_reader][types]") {
    struct Size {
        std::string_view record;
        double value;
        lmsstage::LengthUnit unit;
    };
    for (const Size& size : {
             Size{R"({"size": "55 mm"})", 55.0, lmsstage::LengthUnit::mm},
             Size{R"({"size": "5.5cm"})", 5.5, lmsstage::LengthUnit::cm},
         }) {
        Record record;
        INFO("record: " << size.record);
        REQUIRE_FALSE(read(size.record, record).has_value());
        REQUIRE(record.input.size.has_value());
        REQUIRE(record.input.size->value.has_value());
        CHECK(record.input.size->value->value == size.value);
        CHECK(record.input.size->value->unit == size.unit);
    }
    Record record;
    REQUIRE_FALSE(read(R"({"size": "unknown"})", record).has_value());
    REQUIRE(record.input.size.has_value());
    CHECK_FALSE(record.input.size->known());
}

TEST_CASE("record reader rejects size with an unknown unit and names size", "[record_reader][types]") {
    const RecordError error = rejected(R"({"size": "55 in"})");
    CHECK(error.field == "size");
    CHECK(contains(error.message, "unit"));
}

TEST_CASE("record reader reads mitotic rate unknown and a number", "[record_reader][types]") {
    Record record;
    REQUIRE_FALSE(read(R"({"mitotic_rate": "unknown"})", record).has_value());
    REQUIRE(record.input.mitotic_rate.has_value());
    CHECK_FALSE(record.input.mitotic_rate->known());
    REQUIRE_FALSE(read(R"({"mitotic_rate": 4.5})", record).has_value());
    REQUIRE(record.input.mitotic_rate.has_value());
    CHECK(record.input.mitotic_rate->value == 4.5);
}

// ---------------------------------------------------------------------------------------------
// Numbers at the edges

TEST_CASE("record reader rejects size 1e400 as out of range", "[record_reader][numbers]") {
    const RecordError error = rejected(R"({"size": 1e400})");
    CHECK(error.field == "size");
    CHECK(contains(error.message, "out of range"));
}

TEST_CASE("record reader rejects other out of range numbers and names the field", "[record_reader][numbers]") {
    CHECK(rejected(R"({"myometrial_invasion": 1e400})").field == "myometrial_invasion");
    CHECK(rejected(R"({"mitotic_rate": -1e400})").field == "mitotic_rate");
    CHECK(rejected(R"({"abdominal_sites": 99999999999999999999})").field == "abdominal_sites");
    CHECK(rejected(R"({"foci": -99999999999999999999})").field == "foci");
    CHECK(rejected(R"({"size": "1e400 cm"})").field == "size");
}

TEST_CASE("record reader reads size 0, -0 and -3 as given, and staging refuses them for size",
          "[record_reader][numbers]") {
    // Reading converts text to values; whether a size is valid is decided once, by the core.
    for (std::string_view text :
         {R"({"size": 0, "grade": 3})", R"({"size": -0, "grade": 3})", R"({"size": -0.0, "grade": 3})",
          R"({"size": -3, "grade": 3})", R"({"size": "-0 mm", "grade": 3})"}) {
        INFO("record: " << text);
        Record record;
        REQUIRE_FALSE(read(text, record).has_value());
        const auto invalid = lmsstage::validate(record.input);
        REQUIRE(invalid.has_value());
        CHECK(invalid->field == lmsstage::Field::size);
        CHECK(contains(invalid->message(), "positive"));
    }
}

TEST_CASE("record reader never takes size 1e-400 as a positive size", "[record_reader][numbers]") {
    // Below the smallest double: out of range, or zero (not positive); never a staged size.
    const RecordError error = rejected(R"({"size": 1e-400})");
    CHECK(error.field == "size");
}

TEST_CASE("record reader reads abdominal sites -0 as zero", "[record_reader][numbers]") {
    Record record;
    REQUIRE_FALSE(read(R"({"abdominal_sites": -0})", record).has_value());
    CHECK(record.input.abdominal_sites == 0);
}

TEST_CASE("record reader reads exponent forms of sizes", "[record_reader][numbers]") {
    Record record;
    REQUIRE_FALSE(read(R"({"size": 6E0})", record).has_value());
    REQUIRE(record.input.size.has_value());
    REQUIRE(record.input.size->value.has_value());
    CHECK(record.input.size->value->value == 6.0);
    REQUIRE_FALSE(read(R"({"size": 5.5e-1})", record).has_value());
    REQUIRE(record.input.size->value.has_value());
    CHECK(record.input.size->value->value == Approx(0.55));
}

TEST_CASE("record reader echoes at most about 40 bytes of a bad value", "[record_reader][numbers]") {
    const std::string long_value(500, '7');
    const RecordError error = rejected("{\"grade\": " + long_value + "}");
    CHECK(error.field == "grade");
    CHECK(error.message.size() < 200);
}

TEST_CASE("record reader keeps error messages valid UTF-8 when it shortens a value", "[record_reader][utf8]") {
    // 30 two-byte characters: a cut at a fixed byte count lands inside one of them.
    std::string value;
    for (int i = 0; i < 30; ++i) {
        value += "\xC3\xA9";
    }
    const RecordError error = rejected("{\"nodes\": \"" + value + "\"}");
    CHECK(error.field == "nodes");
    CHECK(valid_utf8(error.message));
}

TEST_CASE("record reader keeps unknown-key errors valid UTF-8 for a long key", "[record_reader][utf8]") {
    std::string key;
    for (int i = 0; i < 30; ++i) {
        key += "\xC3\xA9";
    }
    const RecordError error = rejected("{\"" + key + "\": 1}");
    CHECK(valid_utf8(error.message));
    CHECK(valid_utf8(error.field));
}

// ---------------------------------------------------------------------------------------------
// The id

TEST_CASE("record reader keeps a string id as its raw JSON text", "[record_reader][id]") {
    Record record;
    REQUIRE_FALSE(read(R"({"id": "case \"17\"\u00e9", "size": 6})", record).has_value());
    CHECK(record.id_json == R"("case \"17\"\u00e9")");
}

TEST_CASE("record reader keeps a number id as its raw JSON text", "[record_reader][id]") {
    Record record;
    REQUIRE_FALSE(read(R"({"id": 1.50e2, "size": 6})", record).has_value());
    CHECK(record.id_json == "1.50e2");
    REQUIRE_FALSE(read(R"({"id": -0, "size": 6})", record).has_value());
    CHECK(record.id_json == "-0");
    REQUIRE_FALSE(read(R"({"id": 123456789012345678901234567890})", record).has_value());
    CHECK(record.id_json == "123456789012345678901234567890");
}

TEST_CASE("record reader keeps the id when a field before it is bad", "[record_reader][id]") {
    Record record;
    const auto error = read(R"({"size": "big", "nodes": "maybe", "id": "r1"})", record);
    REQUIRE(error.has_value());
    CHECK(error->field == "size");  // the first problem is reported
    CHECK(record.id_json == R"("r1")");
}

TEST_CASE("record reader keeps the id when a field after it is bad", "[record_reader][id]") {
    Record record;
    const auto error = read(R"({"id": 42, "metastatis": true})", record);
    REQUIRE(error.has_value());
    CHECK(error->field == "metastatis");
    CHECK(record.id_json == "42");
}

TEST_CASE("record reader keeps the id when a later key is a duplicate", "[record_reader][id]") {
    Record record;
    const auto error = read(R"({"grade": 3, "grade": 2, "id": "dup"})", record);
    REQUIRE(error.has_value());
    CHECK(record.id_json == R"("dup")");
}

TEST_CASE("record reader keeps the id read before a syntax error", "[record_reader][id]") {
    Record record;
    const auto error = read(R"({"id": 9, "size": 6,, "grade": 3})", record);
    REQUIRE(error.has_value());
    CHECK(error->field.empty());
    CHECK(record.id_json == "9");
}

// README, batch: an error record carries "its id if the record was read past its id". A complete
// object with text after it was read past its id; a record whose object never closes was not read.
TEST_CASE("record reader keeps the id of a whole object followed by other text", "[record_reader][id]") {
    Record record;
    // {"id":2,"size":6,"grade":3} is 27 bytes; byte 28 is the space, byte 29 the x.
    auto error = read(R"({"id":2,"size":6,"grade":3} x)", record);
    REQUIRE(error.has_value());
    CHECK(error->field.empty());
    CHECK(error->message == "invalid JSON at byte 29: unexpected text after the object");
    CHECK(record.id_json == "2");
    CHECK(record.id_text == "2");
    for (const char* after : {",", "]", "x", " 5", " \"x\"", "{", "[1]"}) {
        INFO(after);
        error = read(R"({"id":"a b","size":6})" + std::string(after), record);
        REQUIRE(error.has_value());
        CHECK(contains(error->message, "unexpected text after the object"));
        CHECK(record.id_json == R"("a b")");
    }
    // The object's own fault comes first: the 6x at byte 18, after the id was read.
    error = read(R"({"id":"a","size":6x} y)", record);
    REQUIRE(error.has_value());
    CHECK(error->message == "invalid JSON at byte 18: an invalid number");
    CHECK(record.id_json == R"("a")");
    // Braces inside strings do not end the object.
    error = read(R"({"id":"}","site":"{"} x)", record);
    REQUIRE(error.has_value());
    CHECK(record.id_json == R"("}")");
    // An object that is not closed was not read: no id.
    error = read(R"({"id":2,"size":6,"grade":3)", record);
    REQUIRE(error.has_value());
    CHECK(contains(error->message, "truncated"));
    CHECK(record.id_json.empty());
}

// ---------------------------------------------------------------------------------------------
// Hostile input

TEST_CASE("record reader survives 100000 nested arrays in a field", "[record_reader][depth]") {
    // No field takes an array: the value is refused by its type, never descended into.
    const std::string deep = "{\"id\": 5, \"size\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    Record record;
    const auto error = read(deep, record);
    REQUIRE(error.has_value());
    CHECK(error->field == "size");
    CHECK(contains(error->message, "got an array"));
    CHECK(record.id_json == "5");
}

TEST_CASE("record reader survives 100000 unclosed arrays as a whole record", "[record_reader][depth]") {
    const RecordError error = rejected(std::string(100000, '['));
    CHECK(error.field.empty());
    CHECK(contains(error.message, "must be a JSON object"));
}

TEST_CASE("record reader survives 100000 nested objects", "[record_reader][depth]") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) {
        deep += "{\"a\":";
    }
    deep += "1";
    deep += std::string(100000, '}');
    const RecordError error = rejected(deep);
    CHECK(error.field == "a");
    CHECK(contains(error.message, "unknown field"));
}

TEST_CASE("record reader accepts nesting below the depth limit in an unknown field", "[record_reader][depth]") {
    // Ten levels is fine syntactically; the error is then the unknown key, not the depth.
    const RecordError error = rejected("{\"extra\": " + std::string(10, '[') + std::string(10, ']') + "}");
    CHECK(error.field == "extra");
}

TEST_CASE("record reader rejects a raw NUL byte inside a string", "[record_reader][nul]") {
    const RecordError error = rejected("{\"site\": \"ute\0rus\"}"s);
    CHECK(error.field.empty());
    CHECK(contains(error.message, "control character"));
}

TEST_CASE("record reader rejects a raw NUL byte between tokens", "[record_reader][nul]") {
    const RecordError error = rejected("{\"size\": 6,\0 \"grade\": 3}"s);
    CHECK(error.field.empty());
}

TEST_CASE("record reader rejects a NUL byte after the object", "[record_reader][nul]") {
    const RecordError error = rejected("{\"size\": 6}\0"s);
    CHECK(error.syntax);
    CHECK(error.message == "invalid JSON at byte 12: unexpected text after the object");
}

TEST_CASE("record reader rejects an escaped NUL in a site and names site", "[record_reader][nul]") {
    const RecordError error = rejected(R"({"site": "uterus\u0000"})");
    CHECK(error.field == "site");
}

TEST_CASE("record reader decodes escapes in string values", "[record_reader][escapes]") {
    Record record;
    REQUIRE_FALSE(read(R"({"site": "ut\u0065r\u0075s", "histology": "\u006cms"})", record).has_value());
    CHECK(record.input.site == lmsstage::Site::uterus);
    CHECK(record.input.histology == lmsstage::Histology::lms);
}

TEST_CASE("record reader decodes escapes in keys", "[record_reader][escapes]") {
    Record record;
    REQUIRE_FALSE(read(R"({"\u0073ize": 6, "gr\u0061de": 3})", record).has_value());
    CHECK(record.input.grade == lmsstage::Grade::g3);
}

TEST_CASE("record reader accepts every simple escape inside an id", "[record_reader][escapes]") {
    Record record;
    REQUIRE_FALSE(read(R"({"id": "\"\\\/\b\f\n\r\t"})", record).has_value());
    CHECK(record.id_json == R"("\"\\\/\b\f\n\r\t")");
}

TEST_CASE("record reader rejects an invalid escape", "[record_reader][escapes]") {
    CHECK(contains(rejected(R"({"site": "\x41"})").message, "invalid escape"));
    CHECK(contains(rejected(R"({"site": "\u12G4"})").message, "invalid escape"));
    CHECK(contains(rejected(R"({"site": "\u12"})").message, "invalid escape"));
}

TEST_CASE("record reader decodes a surrogate pair into one 4-byte character", "[record_reader][escapes]") {
    // The decoded text shows in the error for an unknown site: U+1F600 as F0 9F 98 80.
    const RecordError error = rejected(R"({"site": "\ud83d\ude00"})");
    CHECK(error.field == "site");
    CHECK(contains(error.message, "\xF0\x9F\x98\x80"));
}

TEST_CASE("record reader accepts a surrogate pair in an id", "[record_reader][escapes]") {
    Record record;
    REQUIRE_FALSE(read(R"({"id": "\uD83D\uDE00"})", record).has_value());
    CHECK(record.id_json == R"("\uD83D\uDE00")");
}

TEST_CASE("record reader rejects unpaired surrogates", "[record_reader][escapes]") {
    for (const std::string_view bad : {R"({"id": "\ud83d"})", R"({"id": "\ud83dx"})", R"({"id": "\ude00"})",
                                       R"({"id": "\ud83d\u0041"})", R"({"id": "\ud83d\ud83d"})"}) {
        const RecordError error = rejected(bad);
        INFO("record: " << bad);
        CHECK(contains(error.message, "surrogate"));
    }
}

TEST_CASE("record reader rejects an unescaped control character in a string", "[record_reader][escapes]") {
    const RecordError error = rejected("{\"id\": \"a\tb\"}");
    CHECK(contains(error.message, "control character"));
}

// ---------------------------------------------------------------------------------------------
// The two readings: a flat record of printable ASCII is read by doors/flat_json, any other by
// simdjson. A check record is always read by simdjson, so for the keys both kinds take the two
// must agree on every record: the case, the id, and the error with its wording.

namespace {

/// What reading gives, as one text to compare.
std::string reading(std::string_view bytes, RecordKind kind) {
    Record record;
    const auto error = read_record(bytes, kind, record);
    std::string out = "id " + record.id_json + " (" + record.id_text + ")";
    if (error) {
        // The nearest key and the list of accepted keys are the only wording the two kinds differ
        // in (check takes two keys more).
        const std::string message = error->message.substr(
            0, std::min(error->message.find(" (did you mean"), error->message.find("; accepted fields:")));
        return out + " error " + error->field + ": " + message + (error->bad_value ? " [value]" : "") +
               (error->syntax ? " [syntax]" : "");
    }
    Record empty;
    return out + (record.input == empty.input ? " empty case" : " case read");
}

}  // namespace

TEST_CASE("record reader: the flat reading and simdjson's agree on generated records", "[record_reader][flat]") {
    const std::vector<std::string> keys = {
        "id",        "site",   "size",   "grade",        "depth",           "nodes",          "metastasis",
        "histology", "pelvic", "adnexa", "mitotic_rate", "abdominal_sites", "bladder_rectum", "myometrial_invasion"};
    const std::vector<std::string> values = {"6",
                                             "\"6\"",
                                             "5.5",
                                             "\"55 mm\"",
                                             "true",
                                             "false",
                                             "null",
                                             "\"yes\"",
                                             "\"unknown\"",
                                             "-0",
                                             "1e2",
                                             "\"uterus\"",
                                             "3",
                                             "\"x\"",
                                             "\"a\\u0062\"",
                                             "\"\xC3\xA9\"",
                                             "[1]",
                                             "{}",
                                             "01",
                                             "tru",
                                             "\"3\"",
                                             "0.5",
                                             "-3",
                                             "1e400",
                                             "\"ess\"",
                                             "\"\"",
                                             "\"leiomyosarcoma\"",
                                             "\"deep\"",
                                             "\"a b, c\"",
                                             "2",
                                             "\"8890/3\"",
                                             "100",
                                             "\"gist\"",
                                             "7e-1",
                                             "\"X\""};
    const std::vector<std::string> blanks = {"", "", "", " ", "\t", "\r\n", "  "};
    std::uint32_t seed = 20261207;
    const auto next = [&seed](std::size_t n) {
        seed = seed * 1664525U + 1013904223U;
        return static_cast<std::size_t>((seed >> 8U) % n);
    };
    int flat_records = 0;
    for (int n = 0; n < 20000; ++n) {
        std::string record = blanks[next(blanks.size())] + "{";
        const std::size_t count = next(6);
        for (std::size_t i = 0; i < count; ++i) {
            record += (i > 0 ? "," : "") + blanks[next(blanks.size())] + "\"" + keys[next(keys.size())] + "\"" +
                      blanks[next(blanks.size())] + ":" + blanks[next(blanks.size())] + values[next(values.size())] +
                      blanks[next(blanks.size())];
        }
        record += "}" + blanks[next(blanks.size())];
        if (next(4) == 0 && !record.empty()) {  // a byte changed, dropped or added
            const std::size_t at = next(record.size());
            const char byte = "{}[]\",: \\0ae\x01\xC3"[next(15)];
            switch (next(3)) {
                case 0: record[at] = byte; break;
                case 1: record.erase(at, 1); break;
                default: record.insert(at, 1, byte);
            }
        }
        std::vector<lmsstage::doors::FlatMember> members;
        std::string padded = record + std::string(16, '"');
        flat_records +=
            lmsstage::doors::read_flat_object(std::string_view(padded.data(), record.size()), members) ? 1 : 0;
        INFO("record: " << record);
        REQUIRE(reading(record, RecordKind::batch) == reading(record, RecordKind::check));
    }
    CHECK(flat_records > 1000);  // the flat reading was exercised
}
