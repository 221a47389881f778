// The stage-group tables as data (lmsstage::all_rule_sets()): no combination matches two rows, every
// valid combination matches exactly one row, and that row gives the stage the spec gives.
// The expected stages are written out from docs/rules.md §1, §2, §2b, §3 and §4 here, by hand.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

// Every enumerator, listed here rather than taken from the library.
constexpr std::array<T, 15> k_every_t = {T::tx,  T::t1,  T::t1a, T::t1b, T::t1c, T::t2,  T::t2a, T::t2b,
                                         T::t3,  T::t3a, T::t3b, T::t4,  T::t4a, T::t4b, T::t4c};
constexpr std::array<N, 3> k_every_n = {N::n0, N::n1, N::nx};
constexpr std::array<M, 2> k_every_m = {M::m0, M::m1};
constexpr std::array<G, 4> k_every_g = {G::g1, G::g2, G::g3, G::gx};
constexpr std::array<Rate, 2> k_every_rate = {Rate::low, Rate::high};

/// What a system can be asked to look up once unknowns are resolved, and what the spec says it gives.
struct Domain {
    const RuleSet* rules;
    std::string_view id;
    std::vector<T> t;        ///< T values staging looks up (systems with groups) or defines (without)
    bool has_groups;         ///< false: AJCC 8 head & neck and visceral give the T category only
    bool uses_rate;          ///< GIST: the mitotic rate column
    std::string (*expected)(T, N, M, G, Rate);
};

// docs/rules.md §1 (AJCC 7 STS).
std::string ajcc7_expected(T t, N n, M m, G g, Rate /*rate not used*/) {
    if (m == M::m1) {
        return "IV";
    }
    if (n == N::n1) {
        return "III";
    }
    const bool low = g == G::g1 || g == G::gx;  // GX is grouped with G1
    if (t == T::t1) {
        return low ? "IA" : "IIA";
    }
    if (low) {
        return "IB";
    }
    return g == G::g2 ? "IIB" : "III";
}

// docs/rules.md §2 / 2b (FIGO 2009): M1 -> IVB; T4 -> IVA (any N); N1 -> IIIC; else T decides.
std::string figo_expected(T t, N n, M m, G /*grade not used*/, Rate /*rate not used*/) {
    if (m == M::m1) {
        return "IVB";
    }
    if (t == T::t4) {
        return "IVA";
    }
    if (n == N::n1) {
        return "IIIC";
    }
    switch (t) {
        case T::t1a: return "IA";
        case T::t1b: return "IB";
        case T::t1c: return "IC";
        case T::t2a: return "IIA";
        case T::t2b: return "IIB";
        case T::t3a: return "IIIA";
        case T::t3b: return "IIIB";
        default: return "?";
    }
}

// docs/rules.md §3, gastric (stomach, omentum): IA T1-T2 low; IB T3 low; II T1-T2 high, T4 low;
// IIIA T3 high; IIIB T4 high; IV any N1 or M1.
std::string gist_gastric_expected(T t, N n, M m, G /*grade not used*/, Rate rate) {
    if (m == M::m1 || n == N::n1) {
        return "IV";
    }
    const bool low = rate == Rate::low;
    switch (t) {
        case T::t1:
        case T::t2: return low ? "IA" : "II";
        case T::t3: return low ? "IB" : "IIIA";
        case T::t4: return low ? "II" : "IIIB";
        default: return "?";
    }
}

// docs/rules.md §3, small intestine, oesophagus, colon/rectum, mesentery, peritoneum: I T1-T2 low;
// II T3 low; IIIA T1 high, T4 low; IIIB T2-T4 high; IV any N1 or M1.
std::string gist_intestinal_expected(T t, N n, M m, G /*grade not used*/, Rate rate) {
    if (m == M::m1 || n == N::n1) {
        return "IV";
    }
    const bool low = rate == Rate::low;
    switch (t) {
        case T::t1: return low ? "I" : "IIIA";
        case T::t2: return low ? "I" : "IIIB";
        case T::t3: return low ? "II" : "IIIB";
        case T::t4: return low ? "IIIA" : "IIIB";
        default: return "?";
    }
}

// docs/rules.md §4, trunk & extremities (N1 M0 -> IV) and retroperitoneum (N1 M0 -> IIIB).
std::string ajcc8_n0_m0(T t, G g) {
    const bool low = g == G::g1 || g == G::gx;  // GX is grouped with G1
    if (t == T::t1) {
        return low ? "IA" : "II";
    }
    if (low) {
        return "IB";  // T2-T4
    }
    return t == T::t2 ? "IIIA" : "IIIB";
}

std::string ajcc8_trunk_expected(T t, N n, M m, G g, Rate /*rate not used*/) {
    if (m == M::m1 || n == N::n1) {
        return "IV";
    }
    return ajcc8_n0_m0(t, g);
}

std::string ajcc8_retro_expected(T t, N n, M m, G g, Rate /*rate not used*/) {
    if (m == M::m1) {
        return "IV";
    }
    if (n == N::n1) {
        return "IIIB";
    }
    return ajcc8_n0_m0(t, g);
}

std::string no_groups_expected(T, N, M, G, Rate) { return "undetermined"; }

const std::vector<Domain>& domains() {
    static const std::vector<Domain> k_domains = {
        {&ajcc7_sts_rules(), "ajcc7-sts", {T::t1, T::t2}, true, false, ajcc7_expected},
        {&figo2009_uterine_rules(), "figo2009-uterine", {T::t1a, T::t1b, T::t2a, T::t2b, T::t3a, T::t3b, T::t4},
         true, false, figo_expected},
        {&figo2009_adenosarcoma_rules(), "figo2009-adenosarcoma",
         {T::t1a, T::t1b, T::t1c, T::t2a, T::t2b, T::t3a, T::t3b, T::t4}, true, false, figo_expected},
        {&ajcc7_gist_gastric_rules(), "ajcc7-gist", {T::t1, T::t2, T::t3, T::t4}, true, true, gist_gastric_expected},
        {&ajcc7_gist_intestinal_rules(), "ajcc7-gist", {T::t1, T::t2, T::t3, T::t4}, true, true,
         gist_intestinal_expected},
        {&ajcc8_gist_gastric_rules(), "ajcc8-gist", {T::t1, T::t2, T::t3, T::t4}, true, true, gist_gastric_expected},
        {&ajcc8_gist_intestinal_rules(), "ajcc8-gist", {T::t1, T::t2, T::t3, T::t4}, true, true,
         gist_intestinal_expected},
        {&ajcc8_sts_trunk_extremity_rules(), "ajcc8-sts-trunk-extremity", {T::t1, T::t2, T::t3, T::t4}, true, false,
         ajcc8_trunk_expected},
        {&ajcc8_sts_retroperitoneum_rules(), "ajcc8-sts-retroperitoneum", {T::t1, T::t2, T::t3, T::t4}, true, false,
         ajcc8_retro_expected},
        {&ajcc8_sts_head_neck_rules(), "ajcc8-sts-head-neck", {T::t1, T::t2, T::t3, T::t4a, T::t4b}, false, false,
         no_groups_expected},
        {&ajcc8_sts_visceral_rules(), "ajcc8-sts-visceral", {T::t1, T::t2a, T::t2b, T::t3, T::t4a, T::t4b, T::t4c},
         false, false, no_groups_expected},
    };
    return k_domains;
}

const Domain* domain_of(const RuleSet* rules) {
    for (const Domain& d : domains()) {
        if (d.rules == rules) {
            return &d;
        }
    }
    return nullptr;
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
    return std::string(name(t)) + ' ' + std::string(name(n)) + ' ' + std::string(name(m)) + ' ' +
           std::string(name(g)) + ", rate " + std::string(name(rate));
}

bool defines(const RuleSet& rules, T t) {
    for (const TDefinition& def : rules.t_definitions) {
        if (def.t == t) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("Rule tables - all_rule_sets is the 11 rule sets, in order", "[rules]") {
    const auto sets = all_rule_sets();
    REQUIRE(sets.size() == 11);
    CHECK(sets[0] == &ajcc7_sts_rules());
    CHECK(sets[1] == &figo2009_uterine_rules());
    CHECK(sets[2] == &figo2009_adenosarcoma_rules());
    CHECK(sets[3] == &ajcc7_gist_gastric_rules());
    CHECK(sets[4] == &ajcc7_gist_intestinal_rules());
    CHECK(sets[5] == &ajcc8_gist_gastric_rules());
    CHECK(sets[6] == &ajcc8_gist_intestinal_rules());
    CHECK(sets[7] == &ajcc8_sts_trunk_extremity_rules());
    CHECK(sets[8] == &ajcc8_sts_retroperitoneum_rules());
    CHECK(sets[9] == &ajcc8_sts_head_neck_rules());
    CHECK(sets[10] == &ajcc8_sts_visceral_rules());
}

TEST_CASE("Rule tables - every rule set has its docs/rules.md §8 system id", "[rules]") {
    CHECK(ajcc7_sts_rules().system.id == "ajcc7-sts");
    CHECK(figo2009_uterine_rules().system.id == "figo2009-uterine");
    CHECK(figo2009_adenosarcoma_rules().system.id == "figo2009-adenosarcoma");
    CHECK(ajcc7_gist_gastric_rules().system.id == "ajcc7-gist");
    CHECK(ajcc7_gist_intestinal_rules().system.id == "ajcc7-gist");
    CHECK(ajcc8_gist_gastric_rules().system.id == "ajcc8-gist");
    CHECK(ajcc8_gist_intestinal_rules().system.id == "ajcc8-gist");
    CHECK(ajcc8_sts_trunk_extremity_rules().system.id == "ajcc8-sts-trunk-extremity");
    CHECK(ajcc8_sts_retroperitoneum_rules().system.id == "ajcc8-sts-retroperitoneum");
    CHECK(ajcc8_sts_head_neck_rules().system.id == "ajcc8-sts-head-neck");
    CHECK(ajcc8_sts_visceral_rules().system.id == "ajcc8-sts-visceral");
}

TEST_CASE("Rule tables - the gastric and intestinal GIST tables have different names", "[rules][gist]") {
    CHECK(ajcc7_gist_gastric_rules().system.name != ajcc7_gist_intestinal_rules().system.name);
    CHECK(ajcc8_gist_gastric_rules().system.name != ajcc8_gist_intestinal_rules().system.name);
    CHECK(ajcc7_gist_gastric_rules().system.name != ajcc8_gist_gastric_rules().system.name);
}

TEST_CASE("Rule tables - every rule set has a source, T definitions, and rows unless it has no stage groups",
          "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        INFO("rule set " << rules->system.id << " (" << rules->system.name << ")");
        const Domain* d = domain_of(rules);
        REQUIRE(d != nullptr);
        CHECK(rules->system.id == d->id);
        CHECK_FALSE(rules->system.name.empty());
        CHECK_FALSE(rules->source.empty());
        CHECK_FALSE(rules->t_definitions.empty());
        if (d->has_groups) {
            CHECK_FALSE(rules->groups.empty());
        } else {
            CHECK(rules->groups.empty());
        }
    }
}

TEST_CASE("Rule tables - grade is used by AJCC 7 and AJCC 8 trunk/retroperitoneum, not by FIGO or GIST", "[rules]") {
    CHECK(ajcc7_sts_rules().uses_grade);
    CHECK_FALSE(figo2009_uterine_rules().uses_grade);
    CHECK_FALSE(figo2009_adenosarcoma_rules().uses_grade);
    CHECK_FALSE(ajcc7_gist_gastric_rules().uses_grade);
    CHECK_FALSE(ajcc7_gist_intestinal_rules().uses_grade);
    CHECK_FALSE(ajcc8_gist_gastric_rules().uses_grade);
    CHECK_FALSE(ajcc8_gist_intestinal_rules().uses_grade);
    CHECK(ajcc8_sts_trunk_extremity_rules().uses_grade);
    CHECK(ajcc8_sts_retroperitoneum_rules().uses_grade);
    // Head & neck and visceral have no stage groups, so no G column to speak of: not pinned here.
}

TEST_CASE("Rule tables - the mitotic rate is used by the four GIST tables only", "[rules][gist]") {
    for (const RuleSet* rules : all_rule_sets()) {
        INFO("rule set " << rules->system.id << " (" << rules->system.name << ")");
        const Domain* d = domain_of(rules);
        REQUIRE(d != nullptr);
        CHECK(rules->uses_rate == d->uses_rate);
    }
}

TEST_CASE("Rule tables - no T N M G rate combination matches more than one row", "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        for (T t : k_every_t) {
            for (N n : k_every_n) {
                for (M m : k_every_m) {
                    for (G g : k_every_g) {
                        for (Rate rate : k_every_rate) {
                            INFO("rule set " << rules->system.name << ", " << combo_text(t, n, m, g, rate));
                            CHECK(matching_rows(*rules, t, n, m, g, rate).size() <= 1);
                        }
                    }
                }
            }
        }
    }
}

TEST_CASE("Rule tables - every valid combination matches exactly one row, with the stage of the spec", "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        const Domain* d = domain_of(rules);
        REQUIRE(d != nullptr);
        if (!d->has_groups) {
            continue;  // no stage grouping: checked below
        }
        int combinations = 0;
        for (T t : d->t) {
            for (N n : {N::n0, N::n1}) {
                for (M m : k_every_m) {
                    for (G g : k_every_g) {
                        for (Rate rate : k_every_rate) {
                            INFO("rule set " << rules->system.name << ", " << combo_text(t, n, m, g, rate));
                            const auto rows = matching_rows(*rules, t, n, m, g, rate);
                            CHECK(rows.size() == 1);
                            if (rows.size() == 1) {
                                CHECK(std::string(name(rules->groups[rows.front()].stage)) ==
                                      d->expected(t, n, m, g, rate));
                            }
                            CHECK(stage_text(look_up_group(*rules, t, n, m, g, rate)) ==
                                  d->expected(t, n, m, g, rate));
                            ++combinations;
                        }
                    }
                }
            }
        }
        CHECK(combinations == static_cast<int>(d->t.size()) * 2 * 2 * 4 * 2);
    }
}

TEST_CASE("Rule tables - the systems with no stage grouping match no combination", "[rules][ajcc8]") {
    for (const RuleSet* rules : {&ajcc8_sts_head_neck_rules(), &ajcc8_sts_visceral_rules()}) {
        for (T t : k_every_t) {
            for (N n : k_every_n) {
                for (M m : k_every_m) {
                    for (G g : k_every_g) {
                        INFO("rule set " << rules->system.id << ", " << combo_text(t, n, m, g, Rate::low));
                        CHECK_FALSE(look_up_group(*rules, t, n, m, g).has_value());
                    }
                }
            }
        }
    }
}

TEST_CASE("Rule tables - every row is reached by some valid combination (no dead rows)", "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        const Domain* d = domain_of(rules);
        REQUIRE(d != nullptr);
        std::vector<bool> reached(rules->groups.size(), false);
        for (T t : d->t) {
            for (N n : {N::n0, N::n1}) {
                for (M m : k_every_m) {
                    for (G g : k_every_g) {
                        for (Rate rate : k_every_rate) {
                            for (std::size_t i : matching_rows(*rules, t, n, m, g, rate)) {
                                reached[i] = true;
                            }
                        }
                    }
                }
            }
        }
        for (std::size_t i = 0; i < reached.size(); ++i) {
            INFO("rule set " << rules->system.name << ", row " << i << " (stage " << name(rules->groups[i].stage)
                             << ")");
            CHECK(reached[i]);
        }
    }
}

TEST_CASE("Rule tables - grade never changes a FIGO or GIST stage", "[rules][figo2009][gist]") {
    for (const RuleSet* rules : all_rule_sets()) {
        if (rules->uses_grade) {
            continue;
        }
        for (T t : k_every_t) {
            for (N n : k_every_n) {
                for (M m : k_every_m) {
                    for (Rate rate : k_every_rate) {
                        INFO("rule set " << rules->system.name << ", " << name(t) << ' ' << name(n) << ' ' << name(m)
                                         << ", rate " << name(rate));
                        const std::string with_g1 = stage_text(look_up_group(*rules, t, n, m, G::g1, rate));
                        for (G g : k_every_g) {
                            CHECK(stage_text(look_up_group(*rules, t, n, m, g, rate)) == with_g1);
                        }
                    }
                }
            }
        }
    }
}

TEST_CASE("Rule tables - the mitotic rate never changes a stage outside GIST", "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        if (rules->uses_rate) {
            continue;
        }
        for (T t : k_every_t) {
            for (N n : k_every_n) {
                for (M m : k_every_m) {
                    for (G g : k_every_g) {
                        INFO("rule set " << rules->system.id << ", " << name(t) << ' ' << name(n) << ' ' << name(m)
                                         << ' ' << name(g));
                        CHECK(stage_text(look_up_group(*rules, t, n, m, g, Rate::high)) ==
                              stage_text(look_up_group(*rules, t, n, m, g, Rate::low)));
                    }
                }
            }
        }
    }
}

TEST_CASE("Rule tables - AJCC 8 GIST has the same stage groups as AJCC 7 GIST", "[rules][gist]") {
    const std::array<std::array<const RuleSet*, 2>, 2> pairs = {{
        {&ajcc7_gist_gastric_rules(), &ajcc8_gist_gastric_rules()},
        {&ajcc7_gist_intestinal_rules(), &ajcc8_gist_intestinal_rules()},
    }};
    for (const auto& pair : pairs) {
        for (T t : k_every_t) {
            for (N n : k_every_n) {
                for (M m : k_every_m) {
                    for (Rate rate : k_every_rate) {
                        INFO(pair[0]->system.name << " vs " << pair[1]->system.name << ", "
                                                  << combo_text(t, n, m, G::gx, rate));
                        CHECK(stage_text(look_up_group(*pair[0], t, n, m, G::gx, rate)) ==
                              stage_text(look_up_group(*pair[1], t, n, m, G::gx, rate)));
                    }
                }
            }
        }
    }
}

TEST_CASE("Rule tables - the stages each table can give are the spec's stages", "[rules]") {
    // docs/rules.md: AJCC 7 STS IA IB IIA IIB III IV; FIGO IA IB IIA IIB IIIA IIIB IIIC IVA IVB, adenosarcoma also IC;
    // GIST gastric IA IB II IIIA IIIB IV, intestinal I II IIIA IIIB IV; AJCC 8 trunk & extremities and
    // retroperitoneum IA IB II IIIA IIIB IV; AJCC 8 head & neck and visceral none.
    struct Expected {
        const RuleSet* rules;
        const char* stages;
    };
    const std::array<Expected, 11> expected = {{
        {&ajcc7_sts_rules(), "IA, IB, IIA, IIB, III, IV"},
        {&figo2009_uterine_rules(), "IA, IB, IIA, IIB, IIIA, IIIB, IIIC, IVA, IVB"},
        {&figo2009_adenosarcoma_rules(), "IA, IB, IC, IIA, IIB, IIIA, IIIB, IIIC, IVA, IVB"},
        {&ajcc7_gist_gastric_rules(), "IA, IB, II, IIIA, IIIB, IV"},
        {&ajcc7_gist_intestinal_rules(), "I, II, IIIA, IIIB, IV"},
        {&ajcc8_gist_gastric_rules(), "IA, IB, II, IIIA, IIIB, IV"},
        {&ajcc8_gist_intestinal_rules(), "I, II, IIIA, IIIB, IV"},
        {&ajcc8_sts_trunk_extremity_rules(), "IA, IB, II, IIIA, IIIB, IV"},
        {&ajcc8_sts_retroperitoneum_rules(), "IA, IB, II, IIIA, IIIB, IV"},
        {&ajcc8_sts_head_neck_rules(), ""},
        {&ajcc8_sts_visceral_rules(), ""},
    }};
    for (const Expected& e : expected) {
        INFO("rule set " << e.rules->system.name);
        StageSet stages;
        for (const GroupRow& row : e.rules->groups) {
            stages.insert(row.stage);
        }
        CHECK(stages_text(stages) == e.stages);
    }
}

TEST_CASE("Rule tables - retroperitoneum N1 M0 is IIIB, trunk and extremities IV", "[rules][ajcc8]") {
    for (T t : {T::t1, T::t2, T::t3, T::t4}) {
        for (G g : k_every_g) {
            INFO(name(t) << ' ' << name(g));
            CHECK(stage_text(look_up_group(ajcc8_sts_retroperitoneum_rules(), t, N::n1, M::m0, g)) == "IIIB");
            CHECK(stage_text(look_up_group(ajcc8_sts_trunk_extremity_rules(), t, N::n1, M::m0, g)) == "IV");
        }
    }
}

TEST_CASE("Rule tables - T1c exists only for adenosarcoma", "[rules][figo2009]") {
    CHECK_FALSE(defines(figo2009_uterine_rules(), T::t1c));
    CHECK(defines(figo2009_adenosarcoma_rules(), T::t1c));
    // And no row of the uterine table stages T1c N0 M0.
    CHECK(matching_rows(figo2009_uterine_rules(), T::t1c, N::n0, M::m0, G::gx, Rate::low).empty());
}

TEST_CASE("Rule tables - T4c exists only for visceral sarcoma", "[rules][ajcc8]") {
    for (const RuleSet* rules : all_rule_sets()) {
        INFO("rule set " << rules->system.name);
        CHECK(defines(*rules, T::t4c) == (rules == &ajcc8_sts_visceral_rules()));
    }
}

TEST_CASE("Rule tables - T4a and T4b exist only for AJCC 8 head & neck and visceral", "[rules][ajcc8]") {
    for (const RuleSet* rules : all_rule_sets()) {
        INFO("rule set " << rules->system.name);
        const bool t4_letters = rules == &ajcc8_sts_head_neck_rules() || rules == &ajcc8_sts_visceral_rules();
        CHECK(defines(*rules, T::t4a) == t4_letters);
        CHECK(defines(*rules, T::t4b) == t4_letters);
    }
}

TEST_CASE("Rule tables - T4a, T4b and T4c N0 M0 match no row of any table", "[rules][ajcc8]") {
    // N1 and M1 rows are "any T"; the N0 M0 rows name their T, and none names a lettered T4.
    for (const RuleSet* rules : all_rule_sets()) {
        for (T t : {T::t4a, T::t4b, T::t4c}) {
            for (G g : k_every_g) {
                for (Rate rate : k_every_rate) {
                    INFO("rule set " << rules->system.name << ", " << combo_text(t, N::n0, M::m0, g, rate));
                    CHECK(matching_rows(*rules, t, N::n0, M::m0, g, rate).empty());
                }
            }
        }
    }
}

TEST_CASE("Rule tables - head & neck T is by size only up to T3 (no T4 by size)", "[rules][ajcc8]") {
    CHECK_FALSE(defines(ajcc8_sts_head_neck_rules(), T::t4));
    CHECK(defines(ajcc8_sts_head_neck_rules(), T::t3));
}

TEST_CASE("Rule tables - every T a system can stage has a definition", "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        const Domain* d = domain_of(rules);
        REQUIRE(d != nullptr);
        for (T t : d->t) {
            INFO("rule set " << rules->system.name << ", " << name(t));
            CHECK(defines(*rules, t));
        }
    }
}
