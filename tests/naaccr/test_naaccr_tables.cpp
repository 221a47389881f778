// The NAACCR mapping tables themselves: each loads, each row cites a source, the ranges cover
// their code lists without overlap, every primary-site row is reachable and applies as written,
// and the output codes match the Collaborative Stage and SEER EOD code tables row by row.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <variant>

#include "naaccr/naaccr.hpp"
#include "naaccr/tables.hpp"

namespace nc = lmsstage::naaccr;

namespace {

/// Every code from `first` to `last` falls in exactly one row's [from, to].
template <typename Rows>
void check_partition(const Rows& rows, int first, int last) {
    for (int code = first; code <= last; ++code) {
        int hits = 0;
        for (const auto& row : rows) {
            hits += (code >= row.from && code <= row.to) ? 1 : 0;
        }
        INFO("code " << code);
        CHECK(hits == 1);
    }
}

std::string topography(int number) {
    char text[8];
    std::snprintf(text, sizeof text, "C%03d", number);
    return text;
}

std::string_view representative_histology(const std::string& histology_class) {
    if (histology_class == "adenosarcoma") {
        return "8933";
    }
    return histology_class == "gist" ? "8936" : "8890";
}

}  // namespace

TEST_CASE("naaccr tables: every table loads, and every row names its source") {
    const nc::Tables& t = nc::tables();
    CHECK(t.behavior.size() == 4);
    CHECK(t.primary_site.size() == 119);
    CHECK(t.tumor_size.size() == 8);
    CHECK(t.grade.size() == 27);
    CHECK(t.regional_nodes.size() == 7);
    CHECK(t.mets_at_dx.size() == 5);
    CHECK(t.tnm_edition.size() == 12);
    CHECK(t.tnm_output.size() == 102);
    CHECK(t.summary_stage_2018.size() == 6);
    CHECK(t.ss2018_direct_extension.size() == 22);
    for (const auto& row : t.primary_site) {
        CHECK_FALSE(row.source.empty());
    }
    const nc::EmbeddedTable sites = nc::embedded_table("primary_site.csv");
    REQUIRE(sites.width > 1);
    CHECK(sites.cell(0) == "class");
    CHECK(sites.size() == sites.width * sites.lines.size());
    CHECK(nc::embedded_table("no-such.csv").width == 0);
}

TEST_CASE("NAACCR tables - the embedded cells are the file's, byte for byte, brackets and quotes included",
          "[naaccr][tables]") {
    // data/naaccr/grade.csv, line 2: its source cell holds [ and ] (item numbers), and the whole
    // text of every table is the cells in order, so a wrong end would shift every cell after it.
    const nc::EmbeddedTable grade = nc::embedded_table("grade.csv");
    REQUIRE(grade.width == 8);
    CHECK(grade.cell(grade.width) == "soft_tissue");
    const std::string_view source = grade.cell(2 * grade.width - 1);
    CHECK(source.rfind("SEER EOD 3.3 Grade Clinical [3843] / Grade Pathological [3844] code tables", 0) == 0);
    CHECK(grade.cell(2 * grade.width) == "soft_tissue");
    for (const char* file : {"behavior.csv", "grade.csv", "primary_site.csv", "regional_nodes.csv",
                             "summary_stage_2018.csv", "tnm_output.csv", "tumor_size.csv"}) {
        INFO(file);
        const nc::EmbeddedTable table = nc::embedded_table(file);
        REQUIRE(table.size() > table.width);
        CHECK(table.ends.back() == table.text.size());
        for (std::size_t i = 1; i < table.size(); ++i) {
            CHECK(table.ends[i - 1] <= table.ends[i]);
        }
    }
}

TEST_CASE("naaccr tables: code ranges cover their code lists once") {
    check_partition(nc::tables().tumor_size, 0, 999);
    // Regional Nodes Positive: 00-90, 95, 97, 98, 99 are codes; 91-94 and 96 are not (refused).
    for (int code = 0; code <= 99; ++code) {
        int hits = 0;
        for (const auto& row : nc::tables().regional_nodes) {
            hits += (code >= row.from && code <= row.to) ? 1 : 0;
        }
        const bool is_code = code <= 90 || code == 95 || code >= 97;
        INFO("regionalNodesPositive " << code);
        CHECK(hits == (is_code ? 1 : 0));
    }
}

TEST_CASE("naaccr tables: topography and code numbers") {
    CHECK(nc::topography_number("C492") == 492);
    CHECK(nc::topography_number("C49.2") == 492);
    CHECK(nc::topography_number("c000") == 0);
    CHECK(nc::topography_number("C49") == -1);
    CHECK(nc::topography_number("C4922") == -1);
    CHECK(nc::topography_number("D492") == -1);
    CHECK(nc::code_number("065") == 65);
    CHECK(nc::code_number("") == -1);
    CHECK(nc::code_number("-1") == -1);
    CHECK(nc::code_number("6a") == -1);
}

TEST_CASE("naaccr tables: every primary-site row is reachable and applies as written") {
    const auto& rows = nc::tables().primary_site;
    // A code an earlier row of the same class and edition takes whatever the discriminators say.
    const auto shadowed = [&rows](std::size_t index, int code) {
        for (std::size_t j = 0; j < index; ++j) {
            const nc::SiteRow& earlier = rows[j];
            if (earlier.histology_class == rows[index].histology_class && earlier.discriminator_item.empty() &&
                (earlier.edition == 0 || earlier.edition == (rows[index].edition != 0 ? rows[index].edition : 7)) &&
                code >= earlier.from && code <= earlier.to) {
                return true;
            }
        }
        return false;
    };
    for (std::size_t index = 0; index < rows.size(); ++index) {
        const nc::SiteRow& row = rows[index];
        REQUIRE((!shadowed(index, row.from) || !shadowed(index, row.to)));
        for (const int code : {row.from, row.to}) {
            if (shadowed(index, code)) {
                continue;
            }
            INFO(row.histology_class << " " << topography(code) << " edition " << row.edition << " "
                                     << row.discriminator_item);
            nc::Record r;
            r.set(nc::Item::behavior, "3");
            r.set(nc::Item::histology, representative_histology(row.histology_class));
            r.set(nc::Item::primary_site, topography(code));
            if (row.edition != 0) {
                r.set(nc::Item::tnm_edition, row.edition == 8 ? "08" : "07");
            }
            if (!row.discriminator_item.empty()) {
                REQUIRE(r.set(row.discriminator_item, row.discriminator_values.front()));
            }
            const nc::Mapping m = nc::map_record(r);
            if (row.site.empty()) {
                REQUIRE(std::holds_alternative<nc::Refusal>(m));
                CHECK(std::get<nc::Refusal>(m).reason == row.refusal);
            } else {
                REQUIRE(std::holds_alternative<nc::Mapped>(m));
                CHECK(std::get<nc::Mapped>(m).field("site") == row.site);
                CHECK(std::get<nc::Mapped>(m).field("gi_site").value_or("") == row.gi_site);
            }
        }
    }
}

TEST_CASE("naaccr tables: output codes match the CS and SEER EOD code tables, row by row") {
    using Row = std::tuple<std::string, std::string, std::string, std::string>;
    // Collaborative Stage 02.05.50 tables ajcc7_t_codes, ajcc7_n_codes, ajcc7_m_codes, ajcc7_stage_codes.
    const std::set<Row> expected = {
        {"derivedAjcc7T", "*", "TX", "999"},
        {"derivedAjcc7T", "*", "T1", "100"},
        {"derivedAjcc7T", "*", "T1a", "120"},
        {"derivedAjcc7T", "*", "T1b", "150"},
        {"derivedAjcc7T", "*", "T1c", "180"},
        {"derivedAjcc7T", "*", "T2", "200"},
        {"derivedAjcc7T", "*", "T2a", "210"},
        {"derivedAjcc7T", "*", "T2b", "220"},
        {"derivedAjcc7T", "*", "T3", "300"},
        {"derivedAjcc7T", "*", "T3a", "310"},
        {"derivedAjcc7T", "*", "T3b", "320"},
        {"derivedAjcc7T", "*", "T4", "400"},
        {"derivedAjcc7T", "*", "T4a", "410"},
        {"derivedAjcc7T", "*", "T4b", "420"},
        {"derivedAjcc7T", "*", "T4c", "430"},
        {"derivedAjcc7T", "*", "none", "888"},
        {"derivedAjcc7T", "ajcc7-sts", "T1", "199"},
        {"derivedAjcc7T", "ajcc7-sts", "T2", "299"},
        {"derivedAjcc7T", "figo2009-uterine", "T1", "199"},
        {"derivedAjcc7T", "figo2009-uterine", "T2", "299"},
        {"derivedAjcc7T", "figo2009-uterine", "T3", "399"},
        {"derivedAjcc7T", "figo2009-adenosarcoma", "T1", "199"},
        {"derivedAjcc7T", "figo2009-adenosarcoma", "T2", "299"},
        {"derivedAjcc7T", "figo2009-adenosarcoma", "T3", "399"},
        {"derivedAjcc7N", "*", "N0", "000"},
        {"derivedAjcc7N", "*", "N1", "100"},
        {"derivedAjcc7N", "*", "NX", "999"},
        {"derivedAjcc7N", "*", "none", "888"},
        {"derivedAjcc7M", "*", "M0", "000"},
        {"derivedAjcc7M", "*", "M1", "100"},
        {"derivedAjcc7M", "*", "none", "888"},
        // SEER Research Data record description, Derived AJCC-7 M: 999 = MX.
        {"derivedAjcc7M", "*", "MX", "999"},
        // The AJCC 7th edition does not stage GI leiomyosarcoma: its N and M are not applicable.
        {"derivedAjcc7N", "ajcc7-gi-lms", "N0", "888"},
        {"derivedAjcc7N", "ajcc7-gi-lms", "N1", "888"},
        {"derivedAjcc7N", "ajcc7-gi-lms", "NX", "888"},
        {"derivedAjcc7M", "ajcc7-gi-lms", "M0", "888"},
        {"derivedAjcc7M", "ajcc7-gi-lms", "M1", "888"},
        {"derivedAjcc7M", "ajcc7-gi-lms", "MX", "888"},
        {"derivedAjcc7StageGrp", "*", "I", "100"},
        {"derivedAjcc7StageGrp", "*", "IA", "120"},
        {"derivedAjcc7StageGrp", "*", "IB", "150"},
        {"derivedAjcc7StageGrp", "*", "IC", "180"},
        {"derivedAjcc7StageGrp", "*", "II", "300"},
        {"derivedAjcc7StageGrp", "*", "IIA", "320"},
        {"derivedAjcc7StageGrp", "*", "IIB", "330"},
        {"derivedAjcc7StageGrp", "*", "III", "500"},
        {"derivedAjcc7StageGrp", "*", "IIIA", "520"},
        {"derivedAjcc7StageGrp", "*", "IIIB", "530"},
        {"derivedAjcc7StageGrp", "*", "IIIC", "540"},
        {"derivedAjcc7StageGrp", "*", "IV", "700"},
        {"derivedAjcc7StageGrp", "*", "IVA", "720"},
        {"derivedAjcc7StageGrp", "*", "IVB", "730"},
        {"derivedAjcc7StageGrp", "*", "undetermined", "999"},
        // Collaborative Stage 02.05.50 table ajcc7_stage_codes: INOS 110, IINOS 310, IIINOS 510, IVNOS 710.
        {"derivedAjcc7StageGrp", "*", "I NOS", "110"},
        {"derivedAjcc7StageGrp", "*", "II NOS", "310"},
        {"derivedAjcc7StageGrp", "*", "III NOS", "510"},
        {"derivedAjcc7StageGrp", "*", "IV NOS", "710"},
        {"derivedAjcc7StageGrp", "*", "none", "888"},
        // SEER EOD 3.0: Derived EOD 2018 T/N/M as AJCC categories; stage groups 1A..4B, 99, 88.
        {"derivedEod2018T", "*", "TX", "TX"},
        {"derivedEod2018T", "*", "T1", "T1"},
        {"derivedEod2018T", "*", "T1a", "T1a"},
        {"derivedEod2018T", "*", "T1b", "T1b"},
        {"derivedEod2018T", "*", "T1c", "T1c"},
        {"derivedEod2018T", "*", "T2", "T2"},
        {"derivedEod2018T", "*", "T2a", "T2a"},
        {"derivedEod2018T", "*", "T2b", "T2b"},
        {"derivedEod2018T", "*", "T3", "T3"},
        {"derivedEod2018T", "*", "T3a", "T3a"},
        {"derivedEod2018T", "*", "T3b", "T3b"},
        {"derivedEod2018T", "*", "T4", "T4"},
        {"derivedEod2018T", "*", "T4a", "T4a"},
        {"derivedEod2018T", "*", "T4b", "T4b"},
        {"derivedEod2018T", "*", "T4c", "T4c"},
        {"derivedEod2018T", "*", "none", "88"},
        {"derivedEod2018N", "*", "N0", "N0"},
        {"derivedEod2018N", "*", "N1", "N1"},
        {"derivedEod2018N", "*", "NX", "NX"},
        {"derivedEod2018N", "*", "none", "88"},
        {"derivedEod2018M", "*", "M0", "M0"},
        {"derivedEod2018M", "*", "M1", "M1"},
        {"derivedEod2018M", "*", "none", "88"},
        {"derivedEod2018M", "*", "MX", ""},  // no code for unknown metastasis: left blank
        {"derivedEod2018StageGroup", "*", "I", "1"},
        {"derivedEod2018StageGroup", "*", "IA", "1A"},
        {"derivedEod2018StageGroup", "*", "IB", "1B"},
        {"derivedEod2018StageGroup", "*", "IC", "1C"},
        {"derivedEod2018StageGroup", "*", "II", "2"},
        {"derivedEod2018StageGroup", "*", "IIA", "2A"},
        {"derivedEod2018StageGroup", "*", "IIB", "2B"},
        {"derivedEod2018StageGroup", "*", "III", "3"},
        {"derivedEod2018StageGroup", "*", "IIIA", "3A"},
        {"derivedEod2018StageGroup", "*", "IIIB", "3B"},
        {"derivedEod2018StageGroup", "*", "IIIC", "3C"},
        {"derivedEod2018StageGroup", "*", "IV", "4"},
        {"derivedEod2018StageGroup", "*", "IVA", "4A"},
        {"derivedEod2018StageGroup", "*", "IVB", "4B"},
        {"derivedEod2018StageGroup", "*", "undetermined", "99"},
        {"derivedEod2018StageGroup", "*", "I NOS", "99"},
        {"derivedEod2018StageGroup", "*", "II NOS", "99"},
        {"derivedEod2018StageGroup", "*", "III NOS", "99"},
        {"derivedEod2018StageGroup", "*", "IV NOS", "99"},
        {"derivedEod2018StageGroup", "*", "none", "88"},
    };
    std::set<Row> actual;
    for (const nc::TnmRow& row : nc::tables().tnm_output) {
        CHECK_FALSE(row.source.empty());
        actual.emplace(row.naaccr_id, row.system, row.lmsstage, row.code);
    }
    CHECK(actual.size() == nc::tables().tnm_output.size());
    CHECK(actual == expected);
}

namespace {

/// The mapping of the thigh leiomyosarcoma with one item changed.
nc::Mapping thigh_with(nc::Item item, const std::string& value, nc::Item other = nc::Item::cs_ssf10,
                       const std::string& other_value = "") {
    nc::Record r;
    r.set(nc::Item::primary_site, "C492");
    r.set(nc::Item::histology, "8890");
    r.set(nc::Item::behavior, "3");
    r.set(item, value);
    if (!other_value.empty()) {
        r.set(other, other_value);
    }
    return nc::map_record(r);
}

/// True when a dictionaries cell ("140-160 180-260") lists `version`.
bool in_dictionary(const std::string& dictionaries, int version) {
    std::istringstream words(dictionaries);
    for (std::string word; words >> word;) {
        const std::size_t dash = word.find('-');
        const int from = std::stoi(word.substr(0, dash));
        const int to = dash == std::string::npos ? from : std::stoi(word.substr(dash + 1));
        if (version >= from && version <= to) {
            return true;
        }
    }
    return false;
}

std::string code_text(int code, int width) {
    std::string text = std::to_string(code);
    return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(text.size()))), '0') + text;
}

}  // namespace

TEST_CASE("naaccr tables: every size, nodes, edition and behaviour row applies as written") {
    for (const nc::SizeRow& row : nc::tables().tumor_size) {
        for (const int code : {row.from, row.to}) {
            INFO("tumorSizeSummary " << code_text(code, 3));
            const nc::Mapping m = thigh_with(nc::Item::size_summary, code_text(code, 3));
            REQUIRE(std::holds_alternative<nc::Mapped>(m) == (row.action != "refuse"));
            if (const auto* mapped = std::get_if<nc::Mapped>(&m)) {
                const std::string expected = row.action == "unknown" ? "unknown"
                                             : row.action == "exact" ? std::to_string(code) + "mm"
                                                                     : std::to_string(row.size_mm) + "mm";
                CHECK(mapped->field("size") == expected);
            }
        }
    }
    for (const nc::NodesRow& row : nc::tables().regional_nodes) {
        INFO("regionalNodesPositive " << code_text(row.to, 2));
        const auto mapped = std::get<nc::Mapped>(thigh_with(nc::Item::nodes_positive, code_text(row.to, 2)));
        CHECK(mapped.field("nodes").value_or("not_given") == row.nodes);
    }
    for (const nc::EditionRow& row : nc::tables().tnm_edition) {
        INFO("tnmEditionNumber " << code_text(row.code, 2));
        const nc::Mapping m = thigh_with(nc::Item::tnm_edition, code_text(row.code, 2));
        REQUIRE(std::holds_alternative<nc::Mapped>(m) == (row.action != "refuse"));
        if (const auto* mapped = std::get_if<nc::Mapped>(&m)) {
            CHECK(mapped->field("edition").value_or("") ==
                  (row.action == "edition" ? std::to_string(row.edition) : ""));
        }
    }
    for (const nc::BehaviorRow& row : nc::tables().behavior) {
        INFO("behaviorCodeIcdO3 " << row.code);
        CHECK(std::holds_alternative<nc::Mapped>(thigh_with(nc::Item::behavior, std::to_string(row.code))) ==
              row.accepted);
    }
}

TEST_CASE("naaccr tables: every soft tissue and GIST grade row applies as written") {
    for (const nc::GradeRow& row : nc::tables().grade) {
        if (row.schema != "soft_tissue") {
            continue;  // GIST and corpus grades: test_naaccr_input.cpp
        }
        INFO("gradePathological " << row.code);
        const nc::Mapping m = thigh_with(nc::Item::grade_pathological, row.code);
        REQUIRE(std::holds_alternative<nc::Mapped>(m) == (row.target != "refuse"));
        if (const auto* mapped = std::get_if<nc::Mapped>(&m)) {
            CHECK(mapped->field("grade") == row.value);
        }
    }
    for (const nc::GradeRow& row : nc::tables().grade) {
        if (row.schema != "gist") {
            continue;
        }
        nc::Record r;
        r.set(nc::Item::primary_site, "C169");
        r.set(nc::Item::histology, "8936");
        r.set(nc::Item::behavior, "3");
        r.set(nc::Item::grade_clinical, row.code);
        INFO("GIST gradeClinical " << row.code);
        const auto mapped = std::get<nc::Mapped>(nc::map_record(r));
        CHECK(mapped.field("mitotic_rate") == row.value);
    }
}

TEST_CASE("naaccr tables: the dictionary items, and every item lmsstage reads or writes is one of them") {
    const auto& items = nc::tables().items;
    CHECK(items.size() == 873);
    for (std::size_t i = 1; i < items.size(); ++i) {
        CHECK(items[i - 1].id < items[i].id);  // sorted, each id once
    }
    for (const nc::ItemInfo& item : nc::input_items()) {
        INFO(item.id);
        const nc::ItemRow* row = nc::find_dictionary_item(item.id);
        REQUIRE(row != nullptr);
        CHECK(row->number == item.number);
        CHECK(row->name == item.name);
        CHECK(in_dictionary(row->dictionaries, 250));
    }
    for (const std::string_view id : nc::output_item_ids()) {
        INFO(id);
        const nc::ItemRow* row = nc::find_dictionary_item(id);
        REQUIRE(row != nullptr);
        CHECK(in_dictionary(row->dictionaries, 250));
    }
    CHECK(nc::find_dictionary_item("dateOfDiagnosis") != nullptr);
    CHECK(nc::find_dictionary_item("tumorSizeSumary") == nullptr);
}
