// Unknown and left-out inputs (docs/rules.md §5), for every system: a left-out finding takes its
// documented default and the result says so; an explicitly unknown one gives every stage consistent
// with every possible value, and the stage only when they agree. The unknowns of AJCC 8 and GIST
// (size, mitotic rate; unknown nodes counted as N0) are in those systems' exhaustive tests.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "support/core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

/// True when some assumption names the category (the text may say more, e.g. "...: N0").
bool assumes(const Result& r, std::string_view category) { return any_contains(r.assumptions, category); }

Case with_nodes(Case c, Finding nodes) {
    c.nodes = nodes;
    return c;
}

Case soft_tissue_size_unknown(Grade g) {
    Case c = soft_tissue_case(1.0, g);
    c.size = size_unknown();
    return c;
}

Case uterus_size_unknown() {
    Case c = uterine_case(1.0);
    c.histology = std::nullopt;
    c.size = size_unknown();
    return c;
}

}  // namespace

// ---- Left out: the documented default, stated --------------------------------------------------------

TEST_CASE("Unknowns left out - nodes and metastasis are N0 and M0 and stated, given as no not stated",
          "[unknowns][assumptions]") {
    struct Row {
        const char* label;
        Case c;
        const char* stage;
    };
    const std::array<Row, 4> rows = {{
        {"AJCC 7, 7 cm G3", soft_tissue_case(7.0, Grade::g3), "III"},
        {"FIGO 2009, 3 cm", uterine_case(3.0), "IA"},
        {"AJCC 8 trunk, 7 cm G2", ajcc8_case(Site::trunk, size_cm(7.0), Grade::g2), "IIIA"},
        {"GIST, stomach 3 cm rate 3", gist_case(GiSite::stomach, size_cm(3.0), rate_of(3.0)), "IA"},
    }};
    for (const Row& row : rows) {
        const Result omitted = staged(row.c);
        Case given = row.c;
        given.nodes = Finding::absent;
        given.metastasis = Finding::absent;
        const Result stated = staged(given);
        INFO(row.label << "\nassumptions (left out):" << joined(omitted.assumptions)
                       << "\nassumptions (given):" << joined(stated.assumptions));
        CHECK(omitted.categories.n == "N0");
        CHECK(omitted.categories.m == "M0");
        CHECK(assumes(omitted, "N0"));
        CHECK(assumes(omitted, "M0"));
        CHECK(stated.categories.n == "N0");
        CHECK(stated.categories.m == "M0");
        CHECK_FALSE(assumes(stated, "N0"));
        CHECK_FALSE(assumes(stated, "M0"));
        // The assumed N0 M0 case stages as the explicit one.
        CHECK(stage_text(omitted.stage) == row.stage);
        CHECK(stage_text(stated.stage) == row.stage);
    }
}

TEST_CASE("Unknowns left out - uterine findings are not involved and stated, given not stated",
          "[unknowns][assumptions][figo2009]") {
    const Result omitted = staged(uterine_case(3.0));
    INFO("assumptions (left out):" << joined(omitted.assumptions));
    CHECK(assumes(omitted, "adnexa"));
    CHECK(assumes(omitted, "bladder"));

    Case given = uterine_case(3.0);
    given.adnexa = Finding::absent;
    given.pelvic = Finding::absent;
    given.abdominal_sites = 0;
    given.bladder_rectum = Finding::absent;
    const Result stated = staged(given);
    INFO("assumptions (given):" << joined(stated.assumptions));
    CHECK_FALSE(assumes(stated, "adnexa"));
    CHECK_FALSE(assumes(stated, "bladder"));
}

TEST_CASE("Unknowns left out - extension is confined (localized) and stated, given confined not stated",
          "[unknowns][assumptions][summary]") {
    for (const Case& base :
         {soft_tissue_case(7.0, Grade::g3), gist_case(GiSite::stomach, size_cm(3.0), rate_of(3.0))}) {
        Case omitted = base;
        omitted.nodes = Finding::absent;
        omitted.metastasis = Finding::absent;
        Case given = omitted;
        given.extension = Extension::confined;
        const Result assumed = staged(omitted);
        const Result stated = staged(given);
        INFO(assumed.system.id << "\nassumptions (left out):" << joined(assumed.assumptions)
                               << "\nassumptions (given):" << joined(stated.assumptions));
        CHECK(summary_text(assumed.summary_stage) == "localized");
        CHECK(any_contains(assumed.assumptions, "confined"));
        CHECK(summary_text(stated.summary_stage) == "localized");
        CHECK_FALSE(any_contains(stated.assumptions, "confined"));
    }
}

// ---- Explicitly unknown: every consistent stage ---------------------------------------------------------

TEST_CASE("Unknowns - size or nodes unknown give every consistent stage (AJCC 7, FIGO 2009)", "[unknowns]") {
    struct Row {
        const char* label;
        Case c;
        const char* t;
        const char* n;
        const char* stages;  ///< possible stages; the stage when there is one
    };
    const Case n0_m0_g3 = edited(soft_tissue_size_unknown(Grade::g3), [](Case& c) {
        c.nodes = Finding::absent;
        c.metastasis = Finding::absent;
    });
    const std::vector<Row> rows = {
        // AJCC 7 (docs/rules.md §1): T1 or T2 for an unknown size; N0 or N1 for unknown nodes (NX).
        {"AJCC 7 size unknown G3", soft_tissue_size_unknown(Grade::g3), "TX", "N0", "IIA, III"},
        {"AJCC 7 size unknown G3, N0 M0 given", n0_m0_g3, "TX", "N0", "IIA, III"},
        {"AJCC 7 size unknown G1", soft_tissue_size_unknown(Grade::g1), "TX", "N0", "IA, IB"},
        {"AJCC 7 size unknown G2", soft_tissue_size_unknown(Grade::g2), "TX", "N0", "IIA, IIB"},
        {"AJCC 7 size unknown GX (grouped with G1)", soft_tissue_size_unknown(Grade::gx), "TX", "N0", "IA, IB"},
        {"AJCC 7 size unknown M1: one member, the stage",
         edited(soft_tissue_size_unknown(Grade::g2), [](Case& c) { c.metastasis = Finding::present; }), "TX", "N0",
         "IV"},
        {"AJCC 7 size unknown N1: one member, the stage",
         with_nodes(soft_tissue_size_unknown(Grade::g1), Finding::present), "TX", "N1", "III"},
        {"AJCC 7 size unknown, depth deep: still no letter",
         edited(soft_tissue_size_unknown(Grade::g1), [](Case& c) { c.depth = Depth::deep; }), "TX", "N0", "IA, IB"},
        {"AJCC 7 nodes unknown 3 cm G1", with_nodes(soft_tissue_case(3.0, Grade::g1), Finding::unknown), "T1", "NX",
         "IA, III"},
        {"AJCC 7 nodes unknown 7 cm G3: N0 and N1 agree",
         with_nodes(soft_tissue_case(7.0, Grade::g3), Finding::unknown), "T2", "NX", "III"},
        {"AJCC 7 nodes unknown M1",
         edited(with_nodes(soft_tissue_case(3.0, Grade::g1), Finding::unknown),
                [](Case& c) { c.metastasis = Finding::present; }),
         "T1", "NX", "IV"},
        {"AJCC 7 size and nodes unknown G1", with_nodes(soft_tissue_size_unknown(Grade::g1), Finding::unknown), "TX",
         "NX", "IA, IB, III"},
        // FIGO 2009 (docs/rules.md §2): an unknown size is T1 (IA or IB); unknown nodes N0 or N1 (NX).
        {"FIGO size unknown", uterus_size_unknown(), "T1", "N0", "IA, IB"},
        {"FIGO size unknown, adnexa: size does not matter",
         edited(uterus_size_unknown(), [](Case& c) { c.adnexa = Finding::present; }), "T2a", "N0", "IIA"},
        {"FIGO size unknown, N1", with_nodes(uterus_size_unknown(), Finding::present), "T1", "N1", "IIIC"},
        {"FIGO size unknown, M1", edited(uterus_size_unknown(), [](Case& c) { c.metastasis = Finding::present; }), "T1",
         "N0", "IVB"},
        {"FIGO nodes unknown 3 cm", with_nodes(uterine_case(3.0), Finding::unknown), "T1a", "NX", "IA, IIIC"},
        {"FIGO nodes unknown, 1 abdominal site",
         edited(with_nodes(uterine_case(3.0), Finding::unknown), [](Case& c) { c.abdominal_sites = 1; }), "T3a", "NX",
         "IIIA, IIIC"},
        {"FIGO nodes unknown, bladder or rectum: IVA at any N",
         edited(with_nodes(uterine_case(3.0), Finding::unknown), [](Case& c) { c.bladder_rectum = Finding::present; }),
         "T4", "NX", "IVA"},
        {"FIGO nodes unknown, M1",
         edited(with_nodes(uterine_case(3.0), Finding::unknown), [](Case& c) { c.metastasis = Finding::present; }),
         "T1a", "NX", "IVB"},
        {"FIGO size and nodes unknown", with_nodes(uterus_size_unknown(), Finding::unknown), "T1", "NX",
         "IA, IB, IIIC"},
        {"FIGO adenosarcoma nodes unknown, 80 % invasion", with_nodes(adenosarcoma_case(80.0), Finding::unknown), "T1c",
         "NX", "IC, IIIC"},
    };
    for (const Row& row : rows) {
        const Result r = staged(row.c);
        const bool single = std::string(row.stages).find(',') == std::string::npos;
        INFO(row.label << "\nnotes:" << joined(r.notes) << "\nassumptions:" << joined(r.assumptions));
        CHECK(r.categories.t == row.t);
        CHECK(r.categories.n == row.n);
        CHECK(stages_text(r.possible_stages) == row.stages);
        CHECK(stage_text(r.stage) == (single ? row.stages : "undetermined"));
        if (!single) {
            CHECK(any_contains(r.notes, "undetermined"));  // the note says which unknown leaves it open
        }
        if (row.c.nodes == Finding::unknown) {
            CHECK_FALSE(assumes(r, "N0"));  // an unknown is not an assumption
        }
    }
    CHECK(staged(soft_tissue_size_unknown(Grade::gx)).categories.g == "GX");
}

TEST_CASE("Unknowns - AJCC 8 and GIST count unknown nodes as N0, and a note says so", "[unknowns][ajcc8][gist]") {
    for (const Case& c :
         {ajcc8_case(Site::extremity, size_cm(7.0), Grade::g2), ajcc8_case(Site::trunk, size_cm(7.0), Grade::g2),
          ajcc8_case(Site::retroperitoneum, size_cm(7.0), Grade::g2),
          gist_case(GiSite::small_intestine, size_cm(7.0), rate_of(3.0))}) {
        const Result r = staged(with_nodes(c, Finding::unknown));
        INFO(r.system.id << ", site " << optional_text(c.site) << "\nnotes:" << joined(r.notes));
        CHECK(r.categories.n == "N0");
        CHECK(any_line_with_all(r.notes, {"unknown", "N0"}));
    }
}

TEST_CASE("Unknowns - GIST: a note names the unknown size or mitotic rate and the stages it leaves open",
          "[unknowns][gist]") {
    const Result rate = staged(gist_case(GiSite::stomach, size_cm(7.0), rate_unknown()));
    INFO("notes (rate unknown):" << joined(rate.notes));
    CHECK(any_line_with_all(rate.notes, {"mitotic rate", "IB", "IIIA"}));
    const Result size = staged(gist_case(GiSite::stomach, size_unknown(), rate_of(3.0)));
    INFO("notes (size unknown):" << joined(size.notes));
    CHECK(any_line_with_all(size.notes, {"size unknown", "IA", "IB", "II"}));
}

// ---- Soundness: the set is the union over every concrete value --------------------------------------

namespace {

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

/// Representative concrete values for an explicit unknown: sizes 3 cm and 7 cm, nodes no and yes,
/// the FNCLCC grades a grade high or unknown stands for.
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
    std::vector<Case> nodes;
    for (const Case& k : sizes) {
        if (k.nodes == Finding::unknown) {
            nodes.push_back(with_nodes(k, Finding::absent));
            nodes.push_back(with_nodes(k, Finding::present));
        } else {
            nodes.push_back(k);
        }
    }
    // A grade stated as high only is G2 or G3; an unknown grade any of G1 to G3.
    std::vector<Case> out;
    for (const Case& k : nodes) {
        for (Grade g : k.grade ? grades_within(*k.grade) : std::vector<Grade>{}) {
            Case each = k;
            each.grade = g;
            out.push_back(each);
        }
        if (!k.grade) {
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

const std::array<Measured<Length>, 3> k_sizes = {size_cm(3.0), size_cm(7.0), size_unknown()};
constexpr std::array<Finding, 3> k_nodes = {Finding::absent, Finding::present, Finding::unknown};
constexpr std::array<bool, 2> k_no_yes = {false, true};

}  // namespace

TEST_CASE("Unknowns soundness AJCC 7 - possible stages are the union over every concrete size and node value",
          "[unknowns][soundness]") {
    int checked = 0;
    for_each_combination(
        [&](const Measured<Length>& size, const std::optional<Finding>& nodes, const std::optional<Finding>& metastasis,
            Grade g) {
            Case c = soft_tissue_case(1.0, g);
            c.size = size;
            c.nodes = nodes;
            c.metastasis = metastasis;
            check_sound(c, size_label(size) + ", nodes " + optional_text(nodes) + ", metastasis " +
                               optional_text(metastasis) + ", grade " + std::string(name(g)));
            ++checked;
        },
        k_sizes, k_omitted_no_yes_unknown, k_omitted_no_yes, k_all_grades);
    CHECK(checked == 3 * 4 * 3 * 6);
}

TEST_CASE("Unknowns soundness FIGO LMS/ESS - possible stages are the union over every concrete size and node value",
          "[unknowns][soundness][figo2009]") {
    struct Spread {
        const char* label;
        void (*apply)(Case&);
    };
    const std::array<Spread, 6> spreads = {{
        {"limited to the uterus", [](Case&) {}},
        {"adnexa", [](Case& c) { c.adnexa = Finding::present; }},
        {"pelvic", [](Case& c) { c.pelvic = Finding::present; }},
        {"1 abdominal site", [](Case& c) { c.abdominal_sites = 1; }},
        {"2 abdominal sites", [](Case& c) { c.abdominal_sites = 2; }},
        {"bladder/rectum", [](Case& c) { c.bladder_rectum = Finding::present; }},
    }};
    int checked = 0;
    for_each_combination(
        [&](Histology h, const Spread& spread, const Measured<Length>& size, Finding nodes, bool m1) {
            Case c = uterine_case(1.0, h);
            c.size = size;
            spread.apply(c);
            c.nodes = nodes;
            c.metastasis = yes_no(m1);
            check_sound(c, std::string(name(h)) + ", " + spread.label + ", " + size_label(size) + ", nodes " +
                               std::string(name(nodes)) + ", M1 " + (m1 ? "yes" : "no"));
            ++checked;
        },
        std::array<Histology, 2>{Histology::lms, Histology::ess}, spreads, k_sizes, k_nodes, k_no_yes);
    CHECK(checked == 2 * 6 * 3 * 3 * 2);
}

TEST_CASE("Unknowns soundness FIGO adenosarcoma - possible stages are the union over both node values",
          "[unknowns][soundness][figo2009][adenosarcoma]") {
    int checked = 0;
    for_each_combination(
        [&](double invasion, long long abdominal, bool bladder, Finding nodes, bool m1) {
            Case c = adenosarcoma_case(invasion);
            c.abdominal_sites = abdominal;
            c.bladder_rectum = yes_no(bladder);
            c.nodes = nodes;
            c.metastasis = yes_no(m1);
            check_sound(c, "invasion " + std::to_string(invasion) + "%, abdominal_sites " + std::to_string(abdominal) +
                               ", bladder_rectum " + (bladder ? "yes" : "no") + ", nodes " + std::string(name(nodes)) +
                               ", M1 " + (m1 ? "yes" : "no"));
            ++checked;
        },
        std::array<double, 3>{0.0, 50.0, 80.0}, std::array<long long, 3>{0, 1, 2}, k_no_yes, k_nodes, k_no_yes);
    CHECK(checked == 3 * 3 * 2 * 3 * 2);
}
