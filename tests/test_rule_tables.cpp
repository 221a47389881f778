// The stage-group tables as data (lmsstage::all_rule_sets()): no combination matches two rows, every
// valid combination matches exactly one row, and that row gives the stage the spec gives.
// The expected stages are written out from rules.md sections 1, 2 and 2b here, by hand.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

// Every enumerator, listed here rather than taken from the library.
constexpr std::array<T, 12> k_every_t = {T::tx,  T::t1,  T::t1a, T::t1b, T::t1c, T::t2,
                                         T::t2a, T::t2b, T::t3,  T::t3a, T::t3b, T::t4};
constexpr std::array<N, 3> k_every_n = {N::n0, N::n1, N::nx};
constexpr std::array<M, 2> k_every_m = {M::m0, M::m1};
constexpr std::array<G, 4> k_every_g = {G::g1, G::g2, G::g3, G::gx};

/// What a system can be asked to look up once unknowns are resolved, and what the spec says it gives.
struct Domain {
    std::string_view id;
    std::vector<T> t;  ///< T values staging looks up (AJCC 7: the size band; the a/b letter is not in the table)
    bool uses_grade;
    std::string (*expected)(T, N, M, G);
};

// rules.md section 1 (AJCC 7 STS).
std::string ajcc7_expected(T t, N n, M m, G g) {
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

// rules.md section 2 / 2b (FIGO 2009): M1 -> IVB; T4 -> IVA (any N); N1 -> IIIC; else T decides.
std::string figo_expected(T t, N n, M m, G /*grade not used*/) {
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

const std::array<Domain, 3> k_domains = {{
    {"ajcc7-sts", {T::t1, T::t2}, true, ajcc7_expected},
    {"figo2009-uterine", {T::t1a, T::t1b, T::t2a, T::t2b, T::t3a, T::t3b, T::t4}, false, figo_expected},
    {"figo2009-adenosarcoma", {T::t1a, T::t1b, T::t1c, T::t2a, T::t2b, T::t3a, T::t3b, T::t4}, false, figo_expected},
}};

const Domain* domain_of(std::string_view id) {
    for (const Domain& d : k_domains) {
        if (d.id == id) {
            return &d;
        }
    }
    return nullptr;
}

/// The rows of a rule set that match a combination (counted here, not by look_up_group).
std::vector<std::size_t> matching_rows(const RuleSet& rules, T t, N n, M m, G g) {
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < rules.groups.size(); ++i) {
        const GroupRow& row = rules.groups[i];
        if (row.t.contains(t) && row.n.contains(n) && row.m.contains(m) && row.g.contains(g)) {
            rows.push_back(i);
        }
    }
    return rows;
}

std::string combo_text(T t, N n, M m, G g) {
    return std::string(name(t)) + ' ' + std::string(name(n)) + ' ' + std::string(name(m)) + ' ' +
           std::string(name(g));
}

}  // namespace

TEST_CASE("Rule tables - all_rule_sets is AJCC 7 STS, FIGO 2009 uterine and FIGO 2009 adenosarcoma", "[rules]") {
    const auto sets = all_rule_sets();
    REQUIRE(sets.size() == 3);
    CHECK(sets[0] == &ajcc7_sts_rules());
    CHECK(sets[1] == &figo2009_uterine_rules());
    CHECK(sets[2] == &figo2009_adenosarcoma_rules());
    CHECK(ajcc7_sts_rules().system.id == "ajcc7-sts");
    CHECK(figo2009_uterine_rules().system.id == "figo2009-uterine");
    CHECK(figo2009_adenosarcoma_rules().system.id == "figo2009-adenosarcoma");
}

TEST_CASE("Rule tables - every rule set has a source, rows and T definitions", "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        INFO("rule set " << rules->system.id);
        CHECK_FALSE(rules->system.name.empty());
        CHECK_FALSE(rules->source.empty());
        CHECK_FALSE(rules->groups.empty());
        CHECK_FALSE(rules->t_definitions.empty());
    }
}

TEST_CASE("Rule tables - grade is used by AJCC 7 only (FIGO does not use grade)", "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        INFO("rule set " << rules->system.id);
        const Domain* d = domain_of(rules->system.id);
        REQUIRE(d != nullptr);
        CHECK(rules->uses_grade == d->uses_grade);
    }
}

TEST_CASE("Rule tables - no T N M G combination matches more than one row", "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        for (T t : k_every_t) {
            for (N n : k_every_n) {
                for (M m : k_every_m) {
                    for (G g : k_every_g) {
                        INFO("rule set " << rules->system.id << ", " << combo_text(t, n, m, g));
                        CHECK(matching_rows(*rules, t, n, m, g).size() <= 1);
                    }
                }
            }
        }
    }
}

TEST_CASE("Rule tables - every valid combination matches exactly one row, with the stage of the spec", "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        const Domain* d = domain_of(rules->system.id);
        REQUIRE(d != nullptr);
        int combinations = 0;
        for (T t : d->t) {
            for (N n : {N::n0, N::n1}) {
                for (M m : k_every_m) {
                    for (G g : k_every_g) {
                        INFO("rule set " << rules->system.id << ", " << combo_text(t, n, m, g));
                        const auto rows = matching_rows(*rules, t, n, m, g);
                        CHECK(rows.size() == 1);
                        if (rows.size() == 1) {
                            CHECK(std::string(name(rules->groups[rows.front()].stage)) == d->expected(t, n, m, g));
                        }
                        CHECK(stage_text(look_up_group(*rules, t, n, m, g)) == d->expected(t, n, m, g));
                        ++combinations;
                    }
                }
            }
        }
        CHECK(combinations == static_cast<int>(d->t.size()) * 2 * 2 * 4);
    }
}

TEST_CASE("Rule tables - every row is reached by some valid combination (no dead rows)", "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        const Domain* d = domain_of(rules->system.id);
        REQUIRE(d != nullptr);
        std::vector<bool> reached(rules->groups.size(), false);
        for (T t : d->t) {
            for (N n : {N::n0, N::n1}) {
                for (M m : k_every_m) {
                    for (G g : k_every_g) {
                        for (std::size_t i : matching_rows(*rules, t, n, m, g)) {
                            reached[i] = true;
                        }
                    }
                }
            }
        }
        for (std::size_t i = 0; i < reached.size(); ++i) {
            INFO("rule set " << rules->system.id << ", row " << i << " (stage " << name(rules->groups[i].stage)
                             << ")");
            CHECK(reached[i]);
        }
    }
}

TEST_CASE("Rule tables - grade never changes a FIGO stage", "[rules][figo2009]") {
    for (const RuleSet* rules : {&figo2009_uterine_rules(), &figo2009_adenosarcoma_rules()}) {
        for (T t : k_every_t) {
            for (N n : k_every_n) {
                for (M m : k_every_m) {
                    INFO("rule set " << rules->system.id << ", " << name(t) << ' ' << name(n) << ' ' << name(m));
                    const std::string with_g1 = stage_text(look_up_group(*rules, t, n, m, G::g1));
                    for (G g : k_every_g) {
                        CHECK(stage_text(look_up_group(*rules, t, n, m, g)) == with_g1);
                    }
                }
            }
        }
    }
}

TEST_CASE("Rule tables - the stages each table can give are the spec's stages", "[rules]") {
    // rules.md: AJCC 7 STS IA IB IIA IIB III IV; FIGO IA IB IIA IIB IIIA IIIB IIIC IVA IVB, adenosarcoma also IC.
    struct Expected {
        const RuleSet* rules;
        const char* stages;
    };
    const std::array<Expected, 3> expected = {{
        {&ajcc7_sts_rules(), "IA, IB, IIA, IIB, III, IV"},
        {&figo2009_uterine_rules(), "IA, IB, IIA, IIB, IIIA, IIIB, IIIC, IVA, IVB"},
        {&figo2009_adenosarcoma_rules(), "IA, IB, IC, IIA, IIB, IIIA, IIIB, IIIC, IVA, IVB"},
    }};
    for (const Expected& e : expected) {
        INFO("rule set " << e.rules->system.id);
        StageSet stages;
        for (const GroupRow& row : e.rules->groups) {
            stages.insert(row.stage);
        }
        CHECK(stages_text(stages) == e.stages);
    }
}

TEST_CASE("Rule tables - T1c exists only for adenosarcoma", "[rules][figo2009]") {
    bool uterine_defines_t1c = false;
    for (const TDefinition& def : figo2009_uterine_rules().t_definitions) {
        uterine_defines_t1c = uterine_defines_t1c || def.t == T::t1c;
    }
    bool adenosarcoma_defines_t1c = false;
    for (const TDefinition& def : figo2009_adenosarcoma_rules().t_definitions) {
        adenosarcoma_defines_t1c = adenosarcoma_defines_t1c || def.t == T::t1c;
    }
    CHECK_FALSE(uterine_defines_t1c);
    CHECK(adenosarcoma_defines_t1c);
    // And no row of the uterine table stages T1c N0 M0.
    CHECK(matching_rows(figo2009_uterine_rules(), T::t1c, N::n0, M::m0, G::gx).empty());
}

TEST_CASE("Rule tables - every T a system can stage has a definition", "[rules]") {
    for (const RuleSet* rules : all_rule_sets()) {
        const Domain* d = domain_of(rules->system.id);
        REQUIRE(d != nullptr);
        for (T t : d->t) {
            INFO("rule set " << rules->system.id << ", " << name(t));
            bool defined = false;
            for (const TDefinition& def : rules->t_definitions) {
                defined = defined || def.t == t;
            }
            CHECK(defined);
        }
    }
}
