// The stage-group tables as data (lmsstage::all_rule_sets()), for every system: each has its id and
// source; no combination matches two rows, every valid combination matches exactly one row and every
// row is reached; grade and mitotic rate matter only where the manual uses them; the T categories are
// defined where they are used. What each row gives is pinned by each system's exhaustive test
// (test_ajcc7_sts, test_ajcc8_sts, test_figo2009, test_gist), against the manual's table written out
// there by hand. The T values below are those of docs/rules.md §1-4.
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lmsstage/fields.hpp"
#include "support/core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

/// What the manual says of a system's tables.
struct Facts {
    const RuleSet* rules;
    const char* id;
    std::vector<T> t;                ///< the T values staging looks up (or, without groups, defines)
    bool has_groups;                 ///< false: AJCC 8 head and neck and visceral give the T category only
    std::optional<bool> uses_grade;  ///< not pinned where there are no stage groups
    bool uses_rate;                  ///< the GIST mitotic rate column
    const char* stages;              ///< every stage a row gives, in stage order
};

const std::vector<Facts>& facts() {
    static const std::vector<Facts> k_facts = {
        {&ajcc7_sts_rules(), "ajcc7-sts", {T::t1, T::t2}, true, true, false, "IA, IB, IIA, IIB, III, IV"},
        {&figo2009_uterine_rules(),
         "figo2009-uterine",
         {T::t1a, T::t1b, T::t2a, T::t2b, T::t3a, T::t3b, T::t4},
         true,
         false,
         false,
         "IA, IB, IIA, IIB, IIIA, IIIB, IIIC, IVA, IVB"},
        {&figo2009_adenosarcoma_rules(),
         "figo2009-adenosarcoma",
         {T::t1a, T::t1b, T::t1c, T::t2a, T::t2b, T::t3a, T::t3b, T::t4},
         true,
         false,
         false,
         "IA, IB, IC, IIA, IIB, IIIA, IIIB, IIIC, IVA, IVB"},
        {&ajcc7_gist_gastric_rules(),
         "ajcc7-gist",
         {T::t1, T::t2, T::t3, T::t4},
         true,
         false,
         true,
         "IA, IB, II, IIIA, IIIB, IV"},
        {&ajcc7_gist_intestinal_rules(),
         "ajcc7-gist",
         {T::t1, T::t2, T::t3, T::t4},
         true,
         false,
         true,
         "I, II, IIIA, IIIB, IV"},
        {&ajcc8_gist_gastric_rules(),
         "ajcc8-gist",
         {T::t1, T::t2, T::t3, T::t4},
         true,
         false,
         true,
         "IA, IB, II, IIIA, IIIB, IV"},
        {&ajcc8_gist_intestinal_rules(),
         "ajcc8-gist",
         {T::t1, T::t2, T::t3, T::t4},
         true,
         false,
         true,
         "I, II, IIIA, IIIB, IV"},
        {&ajcc8_sts_trunk_extremity_rules(),
         "ajcc8-sts-trunk-extremity",
         {T::t1, T::t2, T::t3, T::t4},
         true,
         true,
         false,
         "IA, IB, II, IIIA, IIIB, IV"},
        {&ajcc8_sts_retroperitoneum_rules(),
         "ajcc8-sts-retroperitoneum",
         {T::t1, T::t2, T::t3, T::t4},
         true,
         true,
         false,
         "IA, IB, II, IIIA, IIIB, IV"},
        {&ajcc8_sts_head_neck_rules(),
         "ajcc8-sts-head-neck",
         {T::t1, T::t2, T::t3, T::t4a, T::t4b},
         false,
         std::nullopt,
         false,
         ""},
        {&ajcc8_sts_visceral_rules(),
         "ajcc8-sts-visceral",
         {T::t1, T::t2a, T::t2b, T::t3, T::t4a, T::t4b, T::t4c},
         false,
         std::nullopt,
         false,
         ""},
        // UICC TNM 9 (docs/rules.md §10): NDRS TNM 9 staging sheets, soft tissues and GIST.
        {&uicc9_sts_trunk_extremity_rules(),
         "uicc9-sts-trunk-extremity",
         {T::t1, T::t2, T::t3, T::t4},
         true,
         true,
         false,
         "IA, IB, II, IIIA, IIIB, IV"},
        {&uicc9_sts_retroperitoneum_rules(),
         "uicc9-sts-retroperitoneum",
         {T::t1, T::t2, T::t3, T::t4},
         true,
         true,
         false,
         "IA, IB, II, IIIA, IIIB, IV"},
        {&uicc9_gist_gastric_rules(),
         "uicc9-gist",
         {T::t1, T::t2, T::t3, T::t4},
         true,
         false,
         true,
         "IA, IB, II, IIIA, IIIB, IV"},
        {&uicc9_gist_other_rules(),
         "uicc9-gist",
         {T::t1, T::t2, T::t3, T::t4},
         true,
         false,
         true,
         "I, II, IIIA, IIIB, IV"},
    };
    return k_facts;
}

/// The rows of a rule set that match a combination (counted here, not by look_up_group).
std::vector<std::size_t> matching_rows(const RuleSet& rules, T t, N n, M m, G g, Rate rate) {
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < rules.groups.size(); ++i) {
        const GroupRow& row = rules.groups[i];
        if (row.t.contains(t) && row.n.contains(n) && row.m.contains(m) && row.g.contains(g) &&
            row.rate.contains(rate)) {
            rows.push_back(i);
        }
    }
    return rows;
}

std::string combo_text(T t, N n, M m, G g, Rate rate) {
    return std::string(name(t)) + ' ' + std::string(name(n)) + ' ' + std::string(name(m)) + ' ' + std::string(name(g)) +
           ", rate " + std::string(name(rate));
}

bool defines(const RuleSet& rules, T t) {
    for (const TDefinition& def : rules.t_definitions) {
        if (def.t == t) {
            return true;
        }
    }
    return false;
}

/// Unknowns (NX) are resolved before a lookup: the values a lookup is asked for.
constexpr std::array<N, 2> k_n0_n1 = {N::n0, N::n1};

}  // namespace

TEST_CASE("Rule tables - all_rule_sets is the 15 rule sets, in order", "[rules]") {
    const auto sets = all_rule_sets();
    REQUIRE(sets.size() == facts().size());
    for (std::size_t i = 0; i < sets.size(); ++i) {
        INFO("rule set " << i << ", expected " << facts()[i].id);
        CHECK(sets[i] == facts()[i].rules);
    }
}

TEST_CASE(
    "Rule tables - every rule set has its system id, a name, a source, T definitions, and stage rows unless "
    "it gives the T category only",
    "[rules]") {
    for (const Facts& f : facts()) {
        const RuleSet& rules = *f.rules;
        INFO("rule set " << f.id << " (" << rules.system.name << ")");
        CHECK(rules.system.id == f.id);
        CHECK_FALSE(rules.system.name.empty());
        CHECK_FALSE(rules.source.empty());
        CHECK_FALSE(rules.t_definitions.empty());
        CHECK(rules.groups.empty() == !f.has_groups);
        if (f.uses_grade) {
            CHECK(rules.uses_grade == *f.uses_grade);
        }
        CHECK(rules.uses_rate == f.uses_rate);
        StageSet stages;
        for (const GroupRow& row : rules.groups) {
            stages.insert(row.stage);
        }
        CHECK(stages_text(stages) == f.stages);
        for (T t : f.t) {
            INFO("T " << name(t));
            CHECK(defines(rules, t));  // every T a system stages has a definition
        }
    }
}

TEST_CASE("Rule tables - the gastric and intestinal GIST tables have different names", "[rules][gist]") {
    CHECK(ajcc7_gist_gastric_rules().system.name != ajcc7_gist_intestinal_rules().system.name);
    CHECK(ajcc8_gist_gastric_rules().system.name != ajcc8_gist_intestinal_rules().system.name);
    CHECK(ajcc7_gist_gastric_rules().system.name != ajcc8_gist_gastric_rules().system.name);
}

TEST_CASE("Rule tables - no T N M G rate combination matches more than one row", "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        for_each_combination(
            [&](T t, N n, M m, G g, Rate rate) {
                INFO("rule set " << rules->system.name << ", " << combo_text(t, n, m, g, rate));
                CHECK(matching_rows(*rules, t, n, m, g, rate).size() <= 1);
            },
            k_all_t, k_all_n, k_all_m, k_all_g, k_all_rates);
    }
}

TEST_CASE("Rule tables - every valid combination matches exactly one row, and every row is reached", "[rules]") {
    for (const Facts& f : facts()) {
        if (!f.has_groups) {
            continue;  // T only: no rows (checked above)
        }
        const RuleSet& rules = *f.rules;
        std::vector<bool> reached(rules.groups.size(), false);
        int combinations = 0;
        for_each_combination(
            [&](T t, N n, M m, G g, Rate rate) {
                INFO("rule set " << rules.system.name << ", " << combo_text(t, n, m, g, rate));
                const auto rows = matching_rows(rules, t, n, m, g, rate);
                CHECK(rows.size() == 1);
                for (std::size_t i : rows) {
                    reached[i] = true;
                    CHECK(look_up_group(rules, t, n, m, g, rate) == rules.groups[i].stage);
                }
                ++combinations;
            },
            f.t, k_n0_n1, k_all_m, k_all_g, k_all_rates);
        CHECK(combinations == static_cast<int>(f.t.size()) * 2 * 2 * 4 * 2);
        for (std::size_t i = 0; i < reached.size(); ++i) {
            INFO("rule set " << rules.system.name << ", row " << i << " (stage " << name(rules.groups[i].stage) << ")");
            CHECK(reached[i]);
        }
    }
}

TEST_CASE("Rule tables - grade never changes a FIGO or GIST stage", "[rules][figo2009][gist]") {
    for (const RuleSet* rules : all_rule_sets()) {
        if (rules->uses_grade || rules->groups.empty()) {
            continue;
        }
        for_each_combination(
            [&](T t, N n, M m, Rate rate, G g) {
                INFO("rule set " << rules->system.name << ", " << combo_text(t, n, m, g, rate));
                CHECK(look_up_group(*rules, t, n, m, g, rate) == look_up_group(*rules, t, n, m, G::g1, rate));
            },
            k_all_t, k_all_n, k_all_m, k_all_rates, k_all_g);
    }
}

TEST_CASE("Rule tables - the mitotic rate never changes a stage outside GIST", "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        if (rules->uses_rate || rules->groups.empty()) {
            continue;
        }
        for_each_combination(
            [&](T t, N n, M m, G g) {
                INFO("rule set " << rules->system.id << ", " << combo_text(t, n, m, g, Rate::high));
                CHECK(look_up_group(*rules, t, n, m, g, Rate::high) == look_up_group(*rules, t, n, m, g, Rate::low));
            },
            k_all_t, k_all_n, k_all_m, k_all_g);
    }
}

TEST_CASE(
    "Rule tables - T1c exists only for adenosarcoma, T4c only for visceral sarcoma, T4a and T4b only for "
    "AJCC 8 head and neck and visceral",
    "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        INFO("rule set " << rules->system.name);
        const bool t4_letters = rules == &ajcc8_sts_head_neck_rules() || rules == &ajcc8_sts_visceral_rules();
        CHECK(defines(*rules, T::t1c) == (rules == &figo2009_adenosarcoma_rules()));
        CHECK(defines(*rules, T::t4c) == (rules == &ajcc8_sts_visceral_rules()));
        CHECK(defines(*rules, T::t4a) == t4_letters);
        CHECK(defines(*rules, T::t4b) == t4_letters);
    }
    // Head and neck T is by size only up to T3: no T4 by size.
    CHECK_FALSE(defines(ajcc8_sts_head_neck_rules(), T::t4));
    CHECK(defines(ajcc8_sts_head_neck_rules(), T::t3));
}

TEST_CASE("Rule tables - T1c, T4a, T4b and T4c N0 M0 match no row where they are not staged", "[rules]") {
    // N1 and M1 rows are "any T"; the N0 M0 rows name their T: none names a lettered T4, and the
    // uterine (LMS/ESS) table has no T1c.
    CHECK(matching_rows(figo2009_uterine_rules(), T::t1c, N::n0, M::m0, G::gx, Rate::low).empty());
    for (const RuleSet* rules : all_rule_sets()) {
        for_each_combination(
            [&](T t, G g, Rate rate) {
                INFO("rule set " << rules->system.name << ", " << combo_text(t, N::n0, M::m0, g, rate));
                CHECK(matching_rows(*rules, t, N::n0, M::m0, g, rate).empty());
            },
            std::array<T, 3>{T::t4a, T::t4b, T::t4c}, k_all_g, k_all_rates);
    }
}

TEST_CASE("Rule tables - look_up_group gives no stage when two rows match (an ambiguous table)", "[rules]") {
    // The AJCC 7 soft tissue table with its first row (IA: T1 N0 M0 G1/GX) given twice.
    const RuleSet& original = ajcc7_sts_rules();
    REQUIRE_FALSE(original.groups.empty());
    const std::array<GroupRow, 2> doubled = {original.groups[0], original.groups[0]};
    RuleSet ambiguous = original;
    ambiguous.groups = doubled;

    REQUIRE(look_up_group(original, T::t1, N::n0, M::m0, G::g1) == Stage::IA);
    CHECK_FALSE(look_up_group(ambiguous, T::t1, N::n0, M::m0, G::g1).has_value());
    // A combination that no row of the doubled table matches: no stage either.
    CHECK_FALSE(look_up_group(ambiguous, T::t2, N::n0, M::m0, G::g3).has_value());
}

// ---- Bands: the rows staging reads, against the manuals' T definitions ----------------------------

namespace {

/// "5" for 5.0: how the manuals write a whole boundary.
std::string whole(double v) { return std::to_string(static_cast<long long>(v)); }

/// The words of T definition `t` in a rule set ("" when it has none).
std::string definition_of(const RuleSet& rules, T t) {
    for (const TDefinition& d : rules.t_definitions) {
        if (d.t == t) {
            return std::string(d.definition);
        }
    }
    return {};
}

bool says(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

}  // namespace

TEST_CASE("Rule tables - size bands increase, end unbounded, and each T definition says its band's bounds",
          "[rules][bands]") {
    // AJCC 7 ch. soft tissue (T1 5 cm or less), AJCC 8 chs. 40-41 (5/10/15 cm; head and neck 2/4 cm),
    // the AJCC GIST chapter (2/5/10 cm), FIGO 2009 leiomyosarcoma (IA 5 cm or less), UICC TNM 9.
    std::size_t with_bands = 0;
    for (const RuleSet* rules : all_rule_sets()) {
        INFO(rules->system.id << ": " << rules->system.name);
        const std::span<const Band> bands = rules->size_bands;
        if (bands.empty()) {
            continue;
        }
        ++with_bands;
        CHECK(std::isinf(bands.back().up_to));
        for (std::size_t i = 0; i < bands.size(); ++i) {
            INFO("band " << bands[i].text);
            const std::string definition = definition_of(*rules, bands[i].t);
            REQUIRE_FALSE(definition.empty());
            if (i + 1 < bands.size()) {
                CHECK(bands[i].up_to < bands[i + 1].up_to);
                // The boundary belongs to the lower band: "5 cm or less", "not more than 10 cm".
                CHECK((says(definition, whole(bands[i].up_to) + " cm or less") ||
                       says(definition, "more than " + whole(bands[i].up_to) + " cm")));
                CHECK(says(definition_of(*rules, bands[i + 1].t), "more than " + whole(bands[i].up_to) + " cm"));
            }
        }
    }
    // AJCC 7 soft tissue, FIGO uterine, four GIST tables, AJCC 8 trunk, retroperitoneum and head and
    // neck, UICC 9 trunk, retroperitoneum and two GIST tables.
    CHECK(with_bands == 13);
}

TEST_CASE("Rule tables - adenosarcoma invasion bands are FIGO 2009's IA none, IB half or less, IC more than half",
          "[rules][bands][figo2009]") {
    const RuleSet& rules = figo2009_adenosarcoma_rules();
    REQUIRE(rules.invasion_bands.size() == 3);
    CHECK(rules.invasion_bands[0].up_to == 0.0);
    CHECK(rules.invasion_bands[0].t == T::t1a);
    CHECK(says(definition_of(rules, T::t1a), "no myometrial invasion"));
    CHECK(rules.invasion_bands[1].up_to == 50.0);
    CHECK(rules.invasion_bands[1].t == T::t1b);
    CHECK(says(definition_of(rules, T::t1b), "half or less"));
    CHECK(std::isinf(rules.invasion_bands[2].up_to));
    CHECK(rules.invasion_bands[2].t == T::t1c);
    CHECK(says(definition_of(rules, T::t1c), "more than half"));
    for (const RuleSet* other : all_rule_sets()) {
        CHECK((other == &rules || other->invasion_bands.empty()));
    }
}

TEST_CASE("Rule tables - AJCC 7 depth letters: superficial a, deep b, on T1 and T2 only", "[rules][bands][ajcc7]") {
    // AJCC 7 soft tissue: T1a/T2a superficial, T1b/T2b deep.
    const RuleSet& rules = ajcc7_sts_rules();
    REQUIRE(rules.depth_letters.size() == 4);
    for (const DepthLetter& letter : rules.depth_letters) {
        INFO(name(letter.band) << " " << name(letter.depth) << " -> " << name(letter.t));
        const std::string definition = definition_of(rules, letter.t);
        CHECK(says(definition, std::string(name(letter.band)) + ", "));
        CHECK(says(definition, letter.depth == Depth::deep ? "deep" : "superficial"));
    }
    for (const RuleSet* other : all_rule_sets()) {
        CHECK((other == &rules || other->depth_letters.empty()));
    }
}

TEST_CASE("Rule tables - the values staging tries for a left-out field fall in every band of every rule set",
          "[rules][bands][fields]") {
    // A left-out size, grade, invasion or rate is tried at each of its row's representative values;
    // a band with no value in it would let a left-out field look as if it could not change the answer.
    const auto values_of = [](Field field) {
        std::vector<double> out;
        for (std::string_view text : field_info(field).representatives) {
            Case c;
            REQUIRE_FALSE(read_field(c, field_info(field), text).has_value());
            if (field == Field::size) {
                out.push_back(c.size->value->value);
            } else if (field == Field::myometrial_invasion) {
                out.push_back(*c.myometrial_invasion->value);
            } else if (field == Field::mitotic_rate) {
                out.push_back(*c.mitotic_rate->value);
            }
        }
        return out;
    };
    const auto covers = [](std::span<const Band> bands, const std::vector<double>& values) {
        for (std::size_t i = 0; i < bands.size(); ++i) {
            const double above = i == 0 ? -1.0 : bands[i - 1].up_to;
            bool found = false;
            for (double v : values) {
                found = found || (v > above && v <= bands[i].up_to);
            }
            INFO("band " << bands[i].text);
            CHECK(found);
        }
    };
    const std::vector<double> sizes = values_of(Field::size);
    const std::vector<double> invasions = values_of(Field::myometrial_invasion);
    for (const RuleSet* rules : all_rule_sets()) {
        INFO(rules->system.id);
        covers(rules->size_bands, sizes);
        covers(rules->invasion_bands, invasions);
    }
    // GIST: 5 mitoses or fewer per 50 HPF is low, more is high (AJCC GIST chapter).
    const std::vector<double> rates = values_of(Field::mitotic_rate);
    CHECK(std::count_if(rates.begin(), rates.end(), [](double r) { return r <= 5.0; }) >= 1);
    CHECK(std::count_if(rates.begin(), rates.end(), [](double r) { return r > 5.0; }) >= 1);
    // Every grade a table tells apart: 1, 2, 3 and X (high and unknown are unions of these).
    std::vector<Grade> grades;
    for (std::string_view text : field_info(Field::grade).representatives) {
        Case c;
        REQUIRE_FALSE(read_field(c, field_info(Field::grade), text).has_value());
        grades.push_back(*c.grade);
    }
    CHECK(grades == std::vector<Grade>{Grade::g1, Grade::g2, Grade::g3, Grade::gx});
    // Every field a system asks for says what to write and has values to try; no other field does.
    std::uint32_t asked_by_some = 0;
    for (const RuleSet* rules : all_rule_sets()) {
        asked_by_some |= rules->asks;
    }
    for (const FieldInfo& f : fields()) {
        INFO(f.key);
        CHECK(f.asked.empty() == f.representatives.empty());
        CHECK(f.asked.empty() == ((asked_by_some & field_bit(f.field)) == 0));
    }
}
