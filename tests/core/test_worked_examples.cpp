// The worked examples of docs/rules.md §9, each from the case its command line gives to the stage,
// the categories, the summary stage and the survival row. (Test names spell no option: Catch's
// console reporter cannot wrap a name with "--" in it.) Each system's file tests its rules in depth.
#include <string>

#include "support/core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

/// What a worked example states; nullptr where it states nothing.
struct Example {
    const char* system_id;
    const char* stage;  ///< "undetermined": no stage grouping
    const char* t;
    const char* n = nullptr;
    const char* m = nullptr;
    const char* summary = nullptr;
    const char* table = nullptr;   ///< "" = no survival table
    const char* figure = nullptr;  ///< the matched row, as published
};

Result check_example(const Case& c, const Example& e) {
    const Result r = staged(c);
    CHECK(r.system.id == e.system_id);
    CHECK(stage_text(r.stage) == e.stage);
    CHECK(r.categories.t == e.t);
    for (auto [actual, expected] : {std::pair{r.categories.n, e.n}, std::pair{r.categories.m, e.m}}) {
        if (expected != nullptr) {
            CHECK(actual == expected);
        }
    }
    if (e.summary != nullptr) {
        CHECK(summary_text(r.summary_stage) == e.summary);
    }
    if (e.table != nullptr) {
        CHECK((r.survival != nullptr ? r.survival->id : std::string_view{}) == e.table);
    }
    if (e.figure != nullptr) {
        CHECK(matched_figure(r) == e.figure);
    }
    return r;
}

Case uterus(double cm) {
    Case c = uterine_case(cm);
    c.histology = std::nullopt;
    return c;
}

}  // namespace

TEST_CASE("Worked example - size 6 cm, grade 3: AJCC 7 T2 N0 M0 G3, stage III, localized, 82.4 %",
          "[examples][ajcc7]") {
    const Result r = check_example(soft_tissue_case(6.0, Grade::g3),
                                   {"ajcc7-sts", "III", "T2", "N0", "M0", "localized", "soft-tissue-sarcoma", "82.4"});
    CHECK(r.categories.g == "G3");
}

TEST_CASE("Worked example - uterus, 7 cm, adnexa: FIGO IIA (T2a N0 M0), regional, 37 %", "[examples][figo2009]") {
    check_example(edited(uterus(7.0), [](Case& c) { c.adnexa = Finding::present; }),
                  {"figo2009-uterine", "IIA", "T2a", "N0", "M0", "regional", "uterine-leiomyosarcoma", "37"});
}

TEST_CASE("Worked example - uterus, 3 cm, bladder or rectum, nodes: FIGO IVA (T4 N1 M0), distant",
          "[examples][figo2009]") {
    check_example(edited(uterus(3.0),
                         [](Case& c) {
                             c.bladder_rectum = Finding::present;
                             c.nodes = Finding::present;
                         }),
                  {"figo2009-uterine", "IVA", "T4", "N1", "M0", "distant"});
}

TEST_CASE("Worked example - GIST of the stomach, 7 cm, mitotic rate 8: AJCC 7 gastric T3 high, IIIA, localized, 95 %",
          "[examples][gist]") {
    const Result r = check_example(gist_case(GiSite::stomach, size_cm(7.0), rate_of(8.0)),
                                   {"ajcc7-gist", "IIIA", "T3", nullptr, nullptr, "localized", "gist", "95"});
    CHECK(r.system.name == "AJCC 7th edition, GIST (gastric and omental)");
    CHECK(r.categories.rate == "high");
}

TEST_CASE(
    "Worked example - AJCC 8 retroperitoneum, 12 cm, grade 2, nodes: IIIB (extremity: IV), regional, "
    "no survival table",
    "[examples][ajcc8]") {
    Case c = ajcc8_case(Site::retroperitoneum, size_cm(12.0), Grade::g2);
    c.nodes = Finding::present;
    check_example(c, {"ajcc8-sts-retroperitoneum", "IIIB", "T3", "N1", nullptr, "regional", ""});
    c.site = Site::extremity;
    CHECK(stage_text(staged(c).stage) == "IV");
}

TEST_CASE("Worked example - AJCC 8 head and neck, 3 cm, grade 2: T2, no stage grouping", "[examples][ajcc8]") {
    const Result r = check_example(head_neck_case(size_cm(3.0)), {"ajcc8-sts-head-neck", "undetermined", "T2"});
    CHECK(r.possible_stages.empty());
}
