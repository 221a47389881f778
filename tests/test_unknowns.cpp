// Unknown inputs (docs/rules.md §5): omitted findings are assumed and said so; explicitly unknown
// values stage to the set of stages consistent with every possible value.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

/// True when some assumption names the category (the text may say more, e.g. "...: N0").
bool assumes(const Result& r, std::string_view category) { return any_contains(r.assumptions, category); }

Case with_nodes(Case c, Finding nodes) {
    c.nodes = nodes;
    return c;
}

Case unknown_size_soft_tissue(Grade g) {
    Case c;
    c.size = size_unknown();
    c.grade = g;
    return c;
}

Case unknown_size_uterus() {
    Case c;
    c.site = Site::uterus;
    c.size = size_unknown();
    return c;
}

/// The set of stages over a list of concrete cases (each must stage to exactly one stage).
StageSet union_of(const std::vector<Case>& concrete) {
    StageSet all;
    for (const Case& c : concrete) {
        const Result r = staged(c);
        REQUIRE(r.stage.has_value());
        all.insert(*r.stage);
    }
    return all;
}

}  // namespace

// ---- Omitted nodes / metastasis: assumed N0 / M0, and said so ----------------------------------

TEST_CASE("Unknowns AJCC 7 - omitted nodes are N0, stated in assumptions", "[unknowns][assumptions]") {
    const Result r = staged(soft_tissue_case(7.0, Grade::g3));
    INFO("assumptions:" << joined(r.assumptions));
    CHECK(r.categories.n == "N0");
    CHECK(assumes(r, "N0"));
}

TEST_CASE("Unknowns AJCC 7 - omitted metastasis is M0, stated in assumptions", "[unknowns][assumptions]") {
    const Result r = staged(soft_tissue_case(7.0, Grade::g3));
    INFO("assumptions:" << joined(r.assumptions));
    CHECK(r.categories.m == "M0");
    CHECK(assumes(r, "M0"));
}

TEST_CASE("Unknowns AJCC 7 - explicit nodes no and metastasis no are not assumptions", "[unknowns][assumptions]") {
    Case c = soft_tissue_case(7.0, Grade::g3);
    c.nodes = Finding::absent;
    c.metastasis = Finding::absent;
    const Result r = staged(c);
    INFO("assumptions:" << joined(r.assumptions));
    CHECK(r.categories.n == "N0");
    CHECK(r.categories.m == "M0");
    CHECK_FALSE(assumes(r, "N0"));
    CHECK_FALSE(assumes(r, "M0"));
}

TEST_CASE("Unknowns AJCC 7 - the assumed N0 M0 case stages as the explicit one (7 cm G3 is III)",
          "[unknowns][assumptions]") {
    Case explicit_case = soft_tissue_case(7.0, Grade::g3);
    explicit_case.nodes = Finding::absent;
    explicit_case.metastasis = Finding::absent;
    CHECK(stage_text(staged(soft_tissue_case(7.0, Grade::g3)).stage) == "III");
    CHECK(stage_text(staged(explicit_case).stage) == "III");
}

TEST_CASE("Unknowns FIGO - omitted nodes are N0, stated in assumptions", "[unknowns][assumptions][figo2009]") {
    const Result r = staged(uterine_case(3.0));
    INFO("assumptions:" << joined(r.assumptions));
    CHECK(r.categories.n == "N0");
    CHECK(assumes(r, "N0"));
}

TEST_CASE("Unknowns FIGO - omitted metastasis is M0, stated in assumptions", "[unknowns][assumptions][figo2009]") {
    const Result r = staged(uterine_case(3.0));
    INFO("assumptions:" << joined(r.assumptions));
    CHECK(r.categories.m == "M0");
    CHECK(assumes(r, "M0"));
}

TEST_CASE("Unknowns FIGO - explicit nodes no and metastasis no are not assumptions", "[unknowns][assumptions][figo2009]") {
    Case c = uterine_case(3.0);
    c.nodes = Finding::absent;
    c.metastasis = Finding::absent;
    const Result r = staged(c);
    INFO("assumptions:" << joined(r.assumptions));
    CHECK_FALSE(assumes(r, "N0"));
    CHECK_FALSE(assumes(r, "M0"));
}

TEST_CASE("Unknowns FIGO - omitted extent findings are stated as assumed not involved", "[unknowns][assumptions][figo2009]") {
    const Result omitted = staged(uterine_case(3.0));
    INFO("assumptions (omitted):" << joined(omitted.assumptions));
    CHECK(assumes(omitted, "adnexa"));
    CHECK(assumes(omitted, "bladder"));

    Case given = uterine_case(3.0);
    given.adnexa = Finding::absent;
    given.pelvic = Finding::absent;
    given.abdominal_sites = 0;
    given.bladder_rectum = Finding::absent;
    const Result explicit_result = staged(given);
    INFO("assumptions (given):" << joined(explicit_result.assumptions));
    CHECK_FALSE(assumes(explicit_result, "adnexa"));
    CHECK_FALSE(assumes(explicit_result, "bladder"));
}

// ---- Size unknown (AJCC 7) ---------------------------------------------------------------------

TEST_CASE("Unknowns AJCC 7 - size unknown is TX", "[unknowns][size]") {
    CHECK(staged(unknown_size_soft_tissue(Grade::g3)).categories.t == "TX");
}

TEST_CASE("Unknowns AJCC 7 - size unknown N0 M0 G3 is IIA or III, stage undetermined", "[unknowns][size]") {
    Case c = unknown_size_soft_tissue(Grade::g3);
    c.nodes = Finding::absent;
    c.metastasis = Finding::absent;
    const Result r = staged(c);
    CHECK_FALSE(r.stage.has_value());
    CHECK(stages_text(r.possible_stages) == "IIA, III");
}

TEST_CASE("Unknowns AJCC 7 - undetermined stage is explained in a note", "[unknowns][size]") {
    const Result r = staged(unknown_size_soft_tissue(Grade::g3));
    INFO("notes:" << joined(r.notes));
    CHECK(any_contains(r.notes, "undetermined"));
}

TEST_CASE("Unknowns AJCC 7 - size unknown N0 M0 G1 is IA or IB", "[unknowns][size]") {
    const Result r = staged(unknown_size_soft_tissue(Grade::g1));
    CHECK_FALSE(r.stage.has_value());
    CHECK(stages_text(r.possible_stages) == "IA, IB");
}

TEST_CASE("Unknowns AJCC 7 - size unknown N0 M0 G2 is IIA or IIB", "[unknowns][size]") {
    const Result r = staged(unknown_size_soft_tissue(Grade::g2));
    CHECK(stages_text(r.possible_stages) == "IIA, IIB");
}

TEST_CASE("Unknowns AJCC 7 - grade X behaves as G1 - size unknown N0 M0 GX is IA or IB", "[unknowns][size]") {
    const Result r = staged(unknown_size_soft_tissue(Grade::gx));
    CHECK(r.categories.g == "GX");
    CHECK(stages_text(r.possible_stages) == "IA, IB");
}

TEST_CASE("Unknowns AJCC 7 - a set with one member gives the stage - M1 with size unknown is IV", "[unknowns][size]") {
    Case c = unknown_size_soft_tissue(Grade::g2);
    c.metastasis = Finding::present;
    const Result r = staged(c);
    CHECK(r.categories.t == "TX");
    CHECK(stage_text(r.stage) == "IV");
    CHECK(stages_text(r.possible_stages) == "IV");
}

TEST_CASE("Unknowns AJCC 7 - a set with one member gives the stage - N1 with size unknown is III", "[unknowns][size]") {
    Case c = unknown_size_soft_tissue(Grade::g1);
    c.nodes = Finding::present;
    const Result r = staged(c);
    CHECK(stage_text(r.stage) == "III");
}

TEST_CASE("Unknowns AJCC 7 - size unknown with depth given is still TX (no letter)", "[unknowns][size]") {
    Case c = unknown_size_soft_tissue(Grade::g1);
    c.depth = Depth::deep;
    CHECK(staged(c).categories.t == "TX");
}

// ---- Nodes unknown (AJCC 7) --------------------------------------------------------------------

TEST_CASE("Unknowns AJCC 7 - nodes unknown is NX", "[unknowns][nodes]") {
    CHECK(staged(with_nodes(soft_tissue_case(3.0, Grade::g1), Finding::unknown)).categories.n == "NX");
}

TEST_CASE("Unknowns AJCC 7 - nodes unknown 3 cm G1 is IA or III", "[unknowns][nodes]") {
    const Result r = staged(with_nodes(soft_tissue_case(3.0, Grade::g1), Finding::unknown));
    CHECK_FALSE(r.stage.has_value());
    CHECK(stages_text(r.possible_stages) == "IA, III");
}

TEST_CASE("Unknowns AJCC 7 - nodes unknown 7 cm G3 is III (N0 and N1 agree)", "[unknowns][nodes]") {
    const Result r = staged(with_nodes(soft_tissue_case(7.0, Grade::g3), Finding::unknown));
    CHECK(r.categories.n == "NX");
    CHECK(stage_text(r.stage) == "III");
}

TEST_CASE("Unknowns AJCC 7 - nodes unknown with M1 is IV", "[unknowns][nodes]") {
    Case c = with_nodes(soft_tissue_case(3.0, Grade::g1), Finding::unknown);
    c.metastasis = Finding::present;
    CHECK(stage_text(staged(c).stage) == "IV");
}

TEST_CASE("Unknowns AJCC 7 - nodes unknown is not an assumption of N0", "[unknowns][nodes]") {
    const Result r = staged(with_nodes(soft_tissue_case(3.0, Grade::g1), Finding::unknown));
    INFO("assumptions:" << joined(r.assumptions));
    CHECK_FALSE(assumes(r, "N0"));
}

TEST_CASE("Unknowns AJCC 7 - size and nodes unknown G1 is IA, IB or III", "[unknowns][nodes][size]") {
    Case c = unknown_size_soft_tissue(Grade::g1);
    c.nodes = Finding::unknown;
    const Result r = staged(c);
    CHECK(r.categories.t == "TX");
    CHECK(r.categories.n == "NX");
    CHECK(stages_text(r.possible_stages) == "IA, IB, III");
}

// ---- FIGO ----------------------------------------------------------------------------------------

TEST_CASE("Unknowns FIGO - uterus size unknown is T1, IA or IB", "[unknowns][figo2009][size]") {
    const Result r = staged(unknown_size_uterus());
    CHECK(r.categories.t == "T1");
    CHECK_FALSE(r.stage.has_value());
    CHECK(stages_text(r.possible_stages) == "IA, IB");
}

TEST_CASE("Unknowns FIGO - uterus size unknown with adnexa is IIA (size does not matter)", "[unknowns][figo2009][size]") {
    Case c = unknown_size_uterus();
    c.adnexa = Finding::present;
    const Result r = staged(c);
    CHECK(r.categories.t == "T2a");
    CHECK(stage_text(r.stage) == "IIA");
}

TEST_CASE("Unknowns FIGO - uterus size unknown with N1 is IIIC", "[unknowns][figo2009][size]") {
    Case c = unknown_size_uterus();
    c.nodes = Finding::present;
    CHECK(stage_text(staged(c).stage) == "IIIC");
}

TEST_CASE("Unknowns FIGO - uterus size unknown with M1 is IVB", "[unknowns][figo2009][size]") {
    Case c = unknown_size_uterus();
    c.metastasis = Finding::present;
    CHECK(stage_text(staged(c).stage) == "IVB");
}

TEST_CASE("Unknowns FIGO - nodes unknown is NX", "[unknowns][figo2009][nodes]") {
    CHECK(staged(with_nodes(uterine_case(3.0), Finding::unknown)).categories.n == "NX");
}

TEST_CASE("Unknowns FIGO - nodes unknown 3 cm limited to the uterus is IA or IIIC", "[unknowns][figo2009][nodes]") {
    const Result r = staged(with_nodes(uterine_case(3.0), Finding::unknown));
    CHECK_FALSE(r.stage.has_value());
    CHECK(stages_text(r.possible_stages) == "IA, IIIC");
}

TEST_CASE("Unknowns FIGO - nodes unknown with 1 abdominal site is IIIA or IIIC", "[unknowns][figo2009][nodes]") {
    Case c = with_nodes(uterine_case(3.0), Finding::unknown);
    c.abdominal_sites = 1;
    CHECK(stages_text(staged(c).possible_stages) == "IIIA, IIIC");
}

TEST_CASE("Unknowns FIGO - nodes unknown with bladder or rectum is IVA (T4 any N)", "[unknowns][figo2009][nodes]") {
    Case c = with_nodes(uterine_case(3.0), Finding::unknown);
    c.bladder_rectum = Finding::present;
    const Result r = staged(c);
    CHECK(r.categories.n == "NX");
    CHECK(stage_text(r.stage) == "IVA");
}

TEST_CASE("Unknowns FIGO - nodes unknown with M1 is IVB", "[unknowns][figo2009][nodes]") {
    Case c = with_nodes(uterine_case(3.0), Finding::unknown);
    c.metastasis = Finding::present;
    CHECK(stage_text(staged(c).stage) == "IVB");
}

TEST_CASE("Unknowns FIGO - size and nodes unknown is IA, IB or IIIC", "[unknowns][figo2009][nodes][size]") {
    Case c = unknown_size_uterus();
    c.nodes = Finding::unknown;
    CHECK(stages_text(staged(c).possible_stages) == "IA, IB, IIIC");
}

TEST_CASE("Unknowns FIGO adenosarcoma - nodes unknown with 80 percent invasion is IC or IIIC",
          "[unknowns][figo2009][nodes][adenosarcoma]") {
    Case c = adenosarcoma_case(80.0);
    c.nodes = Finding::unknown;
    const Result r = staged(c);
    CHECK(r.categories.n == "NX");
    CHECK(stages_text(r.possible_stages) == "IC, IIIC");
}

// ---- Soundness: the set equals the union over every concrete value ----------------------------

namespace {

/// Representative concrete values for an explicit unknown: sizes 3 cm and 7 cm, nodes no and yes.
std::vector<Case> concretes(const Case& c) {
    std::vector<Case> sizes;
    if (c.size && !c.size->known()) {
        for (double cm : {3.0, 7.0}) {
            Case k = c;
            k.size = size_cm(cm);
            sizes.push_back(k);
        }
    } else {
        sizes.push_back(c);
    }
    std::vector<Case> out;
    for (const Case& k : sizes) {
        if (k.nodes == Finding::unknown) {
            for (Finding f : {Finding::absent, Finding::present}) {
                Case kk = k;
                kk.nodes = f;
                out.push_back(kk);
            }
        } else {
            out.push_back(k);
        }
    }
    return out;
}

void check_sound(const Case& c, const std::string& label) {
    INFO(label);
    const Result r = staged(c);
    const StageSet expected = union_of(concretes(c));
    CHECK(stages_text(r.possible_stages) == stages_text(expected));
    if (expected.size() == 1) {
        CHECK(stage_text(r.stage) == stage_text(expected.single()));
    } else {
        CHECK_FALSE(r.stage.has_value());
    }
}

std::string size_label(const Measured<Length>& s) {
    return s.known() ? std::to_string(s.value->value) + " cm" : "size unknown";
}

}  // namespace

TEST_CASE("Unknowns soundness AJCC 7 - possible stages are the union over every concrete size and node value",
          "[unknowns][soundness]") {
    int checked = 0;
    for (const Measured<Length>& size : {size_cm(3.0), size_cm(7.0), size_unknown()}) {
        for (const std::optional<Finding>& nodes :
             {std::optional<Finding>{}, std::optional<Finding>{Finding::absent}, std::optional<Finding>{Finding::present},
              std::optional<Finding>{Finding::unknown}}) {
            for (const std::optional<Finding>& metastasis :
                 {std::optional<Finding>{}, std::optional<Finding>{Finding::absent},
                  std::optional<Finding>{Finding::present}}) {
                for (Grade g : {Grade::g1, Grade::g2, Grade::g3, Grade::gx}) {
                    Case c;
                    c.size = size;
                    c.grade = g;
                    c.nodes = nodes;
                    c.metastasis = metastasis;
                    check_sound(c, size_label(size) + ", nodes " + (nodes ? std::string(name(*nodes)) : "omitted") +
                                       ", metastasis " + (metastasis ? std::string(name(*metastasis)) : "omitted") +
                                       ", grade " + std::string(name(g)));
                    ++checked;
                }
            }
        }
    }
    CHECK(checked == 3 * 4 * 3 * 4);
}

TEST_CASE("Unknowns soundness FIGO LMS/ESS - possible stages are the union over every concrete size and node value",
          "[unknowns][soundness][figo2009]") {
    struct Extent {
        const char* label;
        std::optional<Finding> adnexa;
        std::optional<Finding> pelvic;
        std::optional<long long> abdominal_sites;
        std::optional<Finding> bladder_rectum;
    };
    const std::array<Extent, 6> extents = {{
        {"limited to the uterus", {}, {}, {}, {}},
        {"adnexa", Finding::present, {}, {}, {}},
        {"pelvic", {}, Finding::present, {}, {}},
        {"1 abdominal site", {}, {}, 1, {}},
        {"2 abdominal sites", {}, {}, 2, {}},
        {"bladder/rectum", {}, {}, {}, Finding::present},
    }};
    int checked = 0;
    for (Histology h : {Histology::lms, Histology::ess}) {
        for (const Extent& e : extents) {
            for (const Measured<Length>& size : {size_cm(3.0), size_cm(7.0), size_unknown()}) {
                for (Finding nodes : {Finding::absent, Finding::present, Finding::unknown}) {
                    for (bool m1 : {false, true}) {
                        Case c;
                        c.site = Site::uterus;
                        c.histology = h;
                        c.size = size;
                        c.adnexa = e.adnexa;
                        c.pelvic = e.pelvic;
                        if (e.abdominal_sites) {
                            c.abdominal_sites = *e.abdominal_sites;
                        }
                        c.bladder_rectum = e.bladder_rectum;
                        c.nodes = nodes;
                        c.metastasis = yes_no(m1);
                        check_sound(c, std::string(name(h)) + ", " + e.label + ", " + size_label(size) + ", nodes " +
                                           std::string(name(nodes)) + ", M1 " + (m1 ? "yes" : "no"));
                        ++checked;
                    }
                }
            }
        }
    }
    CHECK(checked == 2 * 6 * 3 * 3 * 2);
}

TEST_CASE("Unknowns soundness FIGO adenosarcoma - possible stages are the union over both node values",
          "[unknowns][soundness][figo2009][adenosarcoma]") {
    int checked = 0;
    for (double invasion : {0.0, 50.0, 80.0}) {
        for (long long abdominal : {0LL, 1LL, 2LL}) {
            for (bool bladder : {false, true}) {
                for (Finding nodes : {Finding::absent, Finding::present, Finding::unknown}) {
                    for (bool m1 : {false, true}) {
                        Case c = adenosarcoma_case(invasion);
                        c.abdominal_sites = abdominal;
                        c.bladder_rectum = yes_no(bladder);
                        c.nodes = nodes;
                        c.metastasis = yes_no(m1);
                        check_sound(c, "invasion " + std::to_string(invasion) + "%, abdominal_sites " +
                                           std::to_string(abdominal) + ", bladder_rectum " + (bladder ? "yes" : "no") +
                                           ", nodes " + std::string(name(nodes)) + ", M1 " + (m1 ? "yes" : "no"));
                        ++checked;
                    }
                }
            }
        }
    }
    CHECK(checked == 3 * 3 * 2 * 3 * 2);
}
