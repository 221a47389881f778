// What a form needs to ask only what counts: route() names the system stage() will apply and the
// fields it reads, and value_words() lists the words a field accepts. Checked against every
// regression case and against the field readers themselves.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <variant>

#include "cli/record_reader.hpp"
#include "doors/fields.hpp"
#include "lmsstage/lmsstage.hpp"

using namespace lmsstage;

namespace {

bool warns_unused(const Result& result, Field field) {
    const std::string start = std::string(field_name(field)) + " was given but is not used";
    for (const std::string& warning : result.warnings) {
        if (warning.rfind(start, 0) == 0) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("route names the system stage applies and the fields it reads, for every regression case", "[route]") {
    int staged = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(LMSSTAGE_SOURCE_DIR) + "/data/cases")) {
        std::ifstream file(entry.path());
        std::string line;
        int number = 0;
        while (std::getline(file, line)) {
            ++number;
            cli::Record record;
            if (line.empty() || cli::read_record(line, cli::RecordKind::check, record)) {
                continue;  // a record rejected before staging: nothing to route
            }
            INFO(entry.path().filename().string() << ":" << number);
            const auto routed = route(record.input);
            const Outcome outcome = stage(record.input);
            if (std::holds_alternative<CaseError>(routed)) {
                // No system: stage rejects the case too (perhaps for a value it checks first).
                CHECK(std::holds_alternative<CaseError>(outcome));
                continue;
            }
            const Route& way = std::get<Route>(routed);
            const auto* result = std::get_if<Result>(&outcome);
            if (result == nullptr) {
                continue;
            }
            ++staged;
            CHECK(way.system_id == result->system.id);
            for (Field field : k_all_fields) {
                if (field == Field::id || !record.input.has(field)) {
                    continue;
                }
                INFO("field " << field_name(field));
                CHECK(warns_unused(*result, field) == ((way.fields & field_bit(field)) == 0));
            }
        }
    }
    CHECK(staged > 500);
}

TEST_CASE("route reports the same fault as stage when no system applies", "[route]") {
    Case gi;
    gi.site = Site::gi;
    const auto routed = route(gi);
    REQUIRE(std::holds_alternative<CaseError>(routed));
    CHECK(std::get<CaseError>(routed).field == Field::histology);

    Case eighth;
    eighth.edition = 8;
    eighth.size = Measured<Length>::of(Length{3.0, LengthUnit::cm});
    eighth.grade = Grade::g1;
    const auto routed8 = route(eighth);
    const Outcome staged8 = stage(eighth);
    REQUIRE(std::holds_alternative<CaseError>(routed8));
    REQUIRE(std::holds_alternative<CaseError>(staged8));
    CHECK(std::get<CaseError>(routed8).message() == std::get<CaseError>(staged8).message());
}

TEST_CASE("route needs only site, histology and edition", "[route]") {
    Case uterus;
    uterus.site = Site::uterus;  // no size yet: stage would reject it, route still answers
    const auto routed = route(uterus);
    REQUIRE(std::holds_alternative<Route>(routed));
    const Route& way = std::get<Route>(routed);
    CHECK(way.system_id == "figo2009-uterine");
    CHECK((way.fields & field_bit(Field::adnexa)) != 0);
    CHECK((way.fields & field_bit(Field::grade)) == 0);
}

TEST_CASE("value_words lists exactly the words each listed field accepts", "[route][fields]") {
    for (const cli::FieldSpec& spec : cli::field_specs()) {
        INFO("field " << spec.key);
        const auto words = cli::value_words(spec);
        const bool listed = spec.kind == cli::ValueKind::choice || spec.kind == cli::ValueKind::grade ||
                            spec.kind == cli::ValueKind::finding || spec.kind == cli::ValueKind::edition;
        CHECK(words.empty() != listed);
        for (std::string_view word : words) {
            INFO("word " << word);
            Case c;
            CHECK_FALSE(cli::set_from_text(c, spec, word).has_value());
            CHECK(c.has(spec.field));
            if (spec.kind == cli::ValueKind::choice) {
                CHECK(cli::accepted_values(spec).find(word) != std::string::npos);
            }
        }
    }
}
