// Validation (docs/rules.md §8 "Case fields", for every system): an invalid case gives a CaseError
// naming the field at fault, the same from `stage` and from `validate`, its message starting with the
// field's name; a field the chosen system does not use draws a warning, never an error and never
// silence.
#include <array>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lmsstage/fields.hpp"
#include "support/core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

/// The field of the error `stage` returns, or "(no error)"; also checks that `validate` agrees and
/// that the message follows the field's name ("size must be ...").
std::string error_field(const Case& c) {
    const std::optional<CaseError> from_stage = case_error(c);
    const std::optional<CaseError> from_validate = validate(c);
    CHECK(from_stage.has_value() == from_validate.has_value());
    if (from_stage && from_validate) {
        CHECK(from_stage->field == from_validate->field);
    }
    if (!from_stage) {
        return "(no error)";
    }
    INFO("message: " << from_stage->message());
    CHECK(from_stage->message().rfind(field_text(from_stage->field) + " ", 0) == 0);
    CHECK_FALSE(from_stage->problem.empty());
    return field_text(from_stage->field);
}

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr double k_inf = std::numeric_limits<double>::infinity();

/// Soft tissue, 3 cm, grade 2 (AJCC 7 unless an edition or site says otherwise).
Case sts(const Measured<Length>& size = size_cm(3.0)) {
    Case c;
    c.size = size;
    c.grade = Grade::g2;
    return c;
}

/// Uterine leiomyosarcoma (histology left out) of the given size.
Case uterus(const Measured<Length>& size = size_cm(3.0)) {
    Case c;
    c.site = Site::uterus;
    c.size = size;
    return c;
}

/// A valid GIST: stomach, 3 cm, mitotic rate 3.
Case gist(std::optional<int> edition = std::nullopt) {
    return gist_case(GiSite::stomach, size_cm(3.0), rate_of(3.0), edition);
}

/// A valid AJCC 8 case at a named soft tissue site: 3 cm, grade 2.
Case grouped8(Site site) { return ajcc8_case(site, size_cm(3.0), Grade::g2); }

constexpr std::array<Site, 5> k_sts_sites = {Site::soft_tissue, Site::extremity, Site::trunk, Site::retroperitoneum,
                                             Site::head_neck};
constexpr std::array<std::optional<int>, 3> k_gist_editions = {std::nullopt, 7, 8};

struct Invalid {
    std::string label;
    Case c;
    const char* field;
};

/// Every invalid case and the field at fault.
std::vector<Invalid> invalid_cases() {
    std::vector<Invalid> rows = {
        // size: a positive, finite length (cm or mm), given where the system needs it
        {"size 0 cm", sts(size_cm(0.0)), "size"},
        {"size -3 cm", sts(size_cm(-3.0)), "size"},
        {"size 0 mm", sts(size_mm(0.0)), "size"},
        {"size -0.0 cm", sts(size_cm(-0.0)), "size"},
        {"size NaN cm", sts(size_cm(k_nan)), "size"},
        {"size NaN mm", sts(size_mm(k_nan)), "size"},
        {"size +infinity cm", sts(size_cm(k_inf)), "size"},
        {"size +infinity mm", sts(size_mm(k_inf)), "size"},
        {"size -infinity cm", sts(size_cm(-k_inf)), "size"},
        {"GIST size 0 cm", edited(gist(), [](Case& c) { c.size = size_cm(0.0); }), "size"},
        {"GIST size -2 cm", edited(gist(), [](Case& c) { c.size = size_cm(-2.0); }), "size"},
        {"soft tissue, size left out", edited(sts(), [](Case& c) { c.size.reset(); }), "size"},
        {"GIST, size left out", edited(gist(), [](Case& c) { c.size.reset(); }), "size"},
        // grade: required for soft tissue (AJCC 7 at every site, AJCC 8 with stage groups)
        {"soft tissue, site left out, grade left out", edited(sts(), [](Case& c) { c.grade.reset(); }), "grade"},
        // uterus
        {"abdominal_sites -1", edited(uterus(), [](Case& c) { c.abdominal_sites = -1; }), "abdominal_sites"},
        {"myometrial_invasion -0.01", adenosarcoma_case(-0.01), "myometrial_invasion"},
        {"myometrial_invasion -50", adenosarcoma_case(-50.0), "myometrial_invasion"},
        {"myometrial_invasion 100.01", adenosarcoma_case(100.01), "myometrial_invasion"},
        {"myometrial_invasion 150", adenosarcoma_case(150.0), "myometrial_invasion"},
        {"myometrial_invasion NaN", adenosarcoma_case(k_nan), "myometrial_invasion"},
        {"myometrial_invasion infinite", adenosarcoma_case(k_inf), "myometrial_invasion"},
        {"adenosarcoma, myometrial_invasion left out",
         edited(uterus(), [](Case& c) { c.histology = Histology::adenosarcoma; }), "myometrial_invasion"},
        {"carcinosarcoma (staged as endometrial carcinoma)", uterine_case(3.0, Histology::carcinosarcoma), "histology"},
        // histology and site
        {"adenosarcoma, site left out", edited(sts(), [](Case& c) { c.histology = Histology::adenosarcoma; }),
         "histology"},
        {"gist, site left out", edited(sts(), [](Case& c) { c.histology = Histology::gist; }), "histology"},
        {"site gi, histology left out", edited(sts(), [](Case& c) { c.site = Site::gi; }), "histology"},
        // AJCC 7 depth: the retroperitoneum is deep by definition
        {"superficial retroperitoneal tumour",
         edited(sts(),
                [](Case& c) {
                    c.site = Site::retroperitoneum;
                    c.depth = Depth::superficial;
                }),
         "depth"},
        // edition 8 needs a named site
        {"edition 8, site left out", edited(sts(), [](Case& c) { c.edition = 8; }), "site"},
        {"edition 8, site soft-tissue",
         edited(sts(),
                [](Case& c) {
                    c.edition = 8;
                    c.site = Site::soft_tissue;
                }),
         "site"},
        // visceral organs: AJCC 8 only
        {"site visceral, edition left out",
         edited(sts(),
                [](Case& c) {
                    c.site = Site::visceral;
                    c.visceral_extent = VisceralExtent::confined;
                }),
         "edition"},
        {"site visceral, edition 7", edited(visceral_case(VisceralExtent::confined), [](Case& c) { c.edition = 7; }),
         "edition"},
        {"foci 0 (soft tissue)", edited(sts(), [](Case& c) { c.foci = 0; }), "foci"},
        {"foci 0 (visceral)", visceral_case(VisceralExtent::confined, 0), "foci"},
        {"foci -3 (visceral)", visceral_case(VisceralExtent::confined, -3), "foci"},
        {"foci 0 (gi lms, edition 8)", visceral_case(VisceralExtent::confined, 0, Site::gi), "foci"},
        {"unifocal visceral, extent and foci left out", visceral_case(std::nullopt), "visceral_extent"},
        {"unifocal visceral, foci 1, extent left out", visceral_case(std::nullopt, 1), "visceral_extent"},
        // head and neck: confined extension contradicts T4a
        {"head and neck T4a, extension confined",
         edited(head_neck_case(size_cm(1.0), AdjoiningInvasion::t4a),
                [](Case& c) { c.extension = Extension::confined; }),
         "extension"},
        // the mitotic rate is checked whatever the system
        {"mitotic_rate -1 (soft tissue)", edited(sts(), [](Case& c) { c.mitotic_rate = rate_of(-1.0); }),
         "mitotic_rate"},
    };
    for (Site site : k_sts_sites) {
        const std::string at = std::string(", site ") + std::string(name(site));
        rows.push_back({"grade left out" + at,
                        edited(sts(),
                               [site](Case& c) {
                                   c.site = site;
                                   c.grade.reset();
                               }),
                        "grade"});
        // ESS outside the uterus: the AJCC 7 soft tissue chapter stages it (Collaborative Stage AJCC 7
        // inclusion table, Soft Tissue 8823-8935); the 8th edition does not (ch. 45, SEER EOD Soft
        // Tissue Rare). Sites that need edition 8 are checked with it.
        if (site != Site::soft_tissue) {
            rows.push_back({"ess under AJCC 8" + at,
                            edited(sts(),
                                   [site](Case& c) {
                                       c.site = site;
                                       c.edition = 8;
                                       c.histology = Histology::ess;
                                   }),
                            "histology"});
        }
        rows.push_back({"adenosarcoma" + at,
                        edited(sts(),
                               [site](Case& c) {
                                   c.site = site;
                                   c.histology = Histology::adenosarcoma;
                                   c.myometrial_invasion = 10.0;
                               }),
                        "histology"});
    }
    for (Site site : {Site::extremity, Site::trunk, Site::retroperitoneum, Site::head_neck}) {
        const std::string at = std::string(", AJCC 8 ") + std::string(name(site));
        rows.push_back({"size left out" + at, edited(grouped8(site), [](Case& c) { c.size.reset(); }), "size"});
        if (site != Site::head_neck) {
            rows.push_back({"grade left out" + at, edited(grouped8(site), [](Case& c) { c.grade.reset(); }), "grade"});
        }
    }
    for (double bad : {0.0, -1.0, k_nan, k_inf}) {
        rows.push_back({"uterus, size " + std::to_string(bad), uterus(size_cm(bad)), "size"});
    }
    for (Histology h : {Histology::lms, Histology::ess}) {
        rows.push_back({"uterus, size left out, " + std::string(name(h)),
                        edited(uterus(),
                               [h](Case& c) {
                                   c.histology = h;
                                   c.size.reset();
                               }),
                        "size"});
    }
    for (int edition : {0, 6, 10, -7, 2010}) {  // 9 is k_uicc9, valid
        rows.push_back({"soft tissue, edition " + std::to_string(edition),
                        edited(sts(), [edition](Case& c) { c.edition = edition; }), "edition"});
        rows.push_back({"uterus, edition " + std::to_string(edition),
                        edited(uterus(), [edition](Case& c) { c.edition = edition; }), "edition"});
    }
    for (const std::optional<int>& edition : k_gist_editions) {
        const std::string in = ", edition " + optional_text(edition);
        rows.push_back({"site gi, histology left out" + in, edited(gist(edition), [](Case& c) { c.histology.reset(); }),
                        "histology"});
        rows.push_back(
            {"GIST, gi_site left out" + in, edited(gist(edition), [](Case& c) { c.gi_site.reset(); }), "gi_site"});
        rows.push_back({"GIST, mitotic_rate left out" + in,
                        edited(gist(edition), [](Case& c) { c.mitotic_rate.reset(); }), "mitotic_rate"});
    }
    for (Histology h : {Histology::ess, Histology::adenosarcoma}) {
        rows.push_back({"site gi, " + std::string(name(h)),
                        edited(gist(),
                               [h](Case& c) {
                                   c.histology = h;
                                   c.myometrial_invasion = 10.0;
                               }),
                        "histology"});
    }
    for (double rate : {-0.01, -1.0, -50.0}) {
        rows.push_back({"GIST, mitotic_rate " + std::to_string(rate),
                        edited(gist(), [rate](Case& c) { c.mitotic_rate = rate_of(rate); }), "mitotic_rate"});
    }
    for (double rate : {k_nan, k_inf, -k_inf}) {
        rows.push_back({"GIST 8th edition, mitotic_rate " + std::to_string(rate),
                        edited(gist(8), [rate](Case& c) { c.mitotic_rate = rate_of(rate); }), "mitotic_rate"});
    }
    for (std::optional<Site> site : {std::optional<Site>{}, std::optional<Site>{Site::soft_tissue},
                                     std::optional<Site>{Site::extremity}, std::optional<Site>{Site::trunk},
                                     std::optional<Site>{Site::retroperitoneum}, std::optional<Site>{Site::head_neck},
                                     std::optional<Site>{Site::visceral}, std::optional<Site>{Site::uterus}}) {
        for (std::optional<int> edition : {std::optional<int>{}, std::optional<int>{8}}) {
            rows.push_back({"gist at site " + optional_text(site) + ", edition " + optional_text(edition),
                            edited(gist(edition),
                                   [site](Case& c) {
                                       c.site = site;
                                       c.grade = Grade::g2;
                                   }),
                            "histology"});
        }
    }
    return rows;
}

}  // namespace

// ---- Errors ---------------------------------------------------------------------------------------

TEST_CASE("Validation - every invalid case is an error on the field at fault", "[validation]") {
    for (const Invalid& row : invalid_cases()) {
        INFO(row.label);
        CHECK(error_field(row.c) == row.field);
    }
}

TEST_CASE("Validation - valid cases at the edges of every range are not errors", "[validation]") {
    struct Valid {
        const char* label;
        Case c;
    };
    const std::vector<Valid> rows = {
        {"soft tissue 3 cm G2", sts()},
        {"the smallest positive size in cm", sts(size_cm(0.001))},
        {"the smallest positive size in mm", sts(size_mm(0.1))},
        {"soft tissue, size unknown", sts(size_unknown())},
        {"uterus, size unknown", uterus(size_unknown())},
        {"adenosarcoma, no size", adenosarcoma_case(20.0)},
        {"uterus, no grade", uterus()},
        {"abdominal_sites 0", edited(uterus(), [](Case& c) { c.abdominal_sites = 0; })},
        {"myometrial_invasion exactly 0", adenosarcoma_case(0.0)},
        {"myometrial_invasion exactly 100", adenosarcoma_case(100.0)},
        {"AJCC 7, edition 7", edited(sts(), [](Case& c) { c.edition = 7; })},
        {"AJCC 7 retroperitoneum, deep", edited(sts(),
                                                [](Case& c) {
                                                    c.site = Site::retroperitoneum;
                                                    c.depth = Depth::deep;
                                                })},
        {"AJCC 8 retroperitoneum, superficial (depth is not used: a warning)",
         edited(grouped8(Site::retroperitoneum), [](Case& c) { c.depth = Depth::superficial; })},
        {"GIST, edition left out", gist()},
        {"GIST, edition 7", gist(7)},
        {"GIST, edition 8", gist(8)},
        {"GIST, no grade", edited(gist(), [](Case& c) { c.grade.reset(); })},
        {"GIST, mitotic_rate unknown", edited(gist(), [](Case& c) { c.mitotic_rate = rate_unknown(); })},
        {"GIST, mitotic_rate exactly 0", edited(gist(), [](Case& c) { c.mitotic_rate = rate_of(0.0); })},
        {"site gi, lms, edition left out", gi_lms_case(std::nullopt)},
        {"site gi, lms, edition 7", gi_lms_case(7)},
        {"site gi, lms, 3 cm G2", edited(sts(),
                                         [](Case& c) {
                                             c.site = Site::gi;
                                             c.histology = Histology::lms;
                                         })},
        {"site gi, lms, edition 8 with visceral_extent",
         visceral_case(VisceralExtent::confined, std::nullopt, Site::gi)},
        {"site visceral, edition 8 (no size or grade needed)", visceral_case(VisceralExtent::confined)},
        {"site visceral, edition 8, 3 cm G2", edited(sts(),
                                                     [](Case& c) {
                                                         c.site = Site::visceral;
                                                         c.visceral_extent = VisceralExtent::confined;
                                                         c.edition = 8;
                                                     })},
        {"visceral, foci 1", visceral_case(VisceralExtent::confined, 1)},
        {"visceral, multifocal with no extent (foci decide T)", visceral_case(std::nullopt, 2)},
    };
    for (const Valid& row : rows) {
        INFO(row.label);
        CHECK(error_field(row.c) == "(no error)");
    }
    for (Site site : {Site::soft_tissue, Site::extremity, Site::trunk, Site::head_neck}) {
        INFO("AJCC 7 superficial, site " << name(site));
        CHECK(error_field(edited(sts(), [site](Case& c) {
                  c.site = site;
                  c.depth = Depth::superficial;
              })) == "(no error)");
    }
    for (Site site : {Site::extremity, Site::trunk, Site::retroperitoneum, Site::head_neck}) {
        INFO("AJCC 8, site " << name(site));
        CHECK(error_field(grouped8(site)) == "(no error)");
    }
}

TEST_CASE("Validation - error messages say what is accepted", "[validation]") {
    struct Row {
        const char* label;
        Case c;
        std::vector<std::string_view> words;
    };
    const std::vector<Row> rows = {
        {"site gi without histology", edited(gist(), [](Case& c) { c.histology.reset(); }), {"gist", "lms"}},
        {"edition 8, site left out",
         edited(grouped8(Site::extremity), [](Case& c) { c.site.reset(); }),
         {"extremity", "trunk", "retroperitoneum", "head-neck", "visceral"}},
        {"edition 8, site soft-tissue",
         edited(grouped8(Site::extremity), [](Case& c) { c.site = Site::soft_tissue; }),
         {"extremity", "trunk", "retroperitoneum", "head-neck", "visceral"}},
        {"site visceral, edition 7",
         edited(visceral_case(VisceralExtent::confined), [](Case& c) { c.edition = 7; }),
         {"8"}},
        {"carcinosarcoma", uterine_case(3.0, Histology::carcinosarcoma), {"endometrial carcinoma"}},
        {"head and neck T4a, extension confined",
         edited(head_neck_case(size_cm(1.0), AdjoiningInvasion::t4a),
                [](Case& c) { c.extension = Extension::confined; }),
         {"contradicts adjoining_invasion t4a"}},
    };
    for (const Row& row : rows) {
        const std::optional<CaseError> bad = case_error(row.c);
        REQUIRE(bad.has_value());
        INFO(row.label << ", message: " << bad->message());
        for (std::string_view words : row.words) {
            CHECK(bad->message().find(words) != std::string::npos);
        }
    }
}

TEST_CASE("Validation - every number field's range is in its row, and the row's words say it", "[validation][fields]") {
    // The ranges by definition: FIGO 2009 counts abdominal sites (IIIA one, IIIB more than one) and
    // grades adenosarcoma by the percentage of myometrium invaded; a mitotic count is never negative;
    // AJCC 8 ch. 44 counts a visceral sarcoma's tumour sites from one (T4a 2, T4b 3-5, T4c > 5).
    struct Range {
        std::string_view key;
        double min;
        double max;
        std::string_view words;  // how the row's `numbers` text says the range
    };
    constexpr Range k_ranges[] = {
        {"abdominal_sites", 0, k_inf, "0 or more"},
        {"myometrial_invasion", 0, 100, "from 0 to 100"},
        {"mitotic_rate", 0, k_inf, "0 or more"},
        {"foci", 1, k_inf, "1 or more"},
    };
    std::size_t bounded = 0;
    for (const FieldInfo& f : fields()) {
        INFO("field " << f.key);
        const bool number = f.kind == ValueKind::count || f.kind == ValueKind::percent || f.kind == ValueKind::rate;
        // Every count, percentage and rate has its range in its row: a new one cannot be left unchecked.
        CHECK(f.bounds.has_value() == number);
        if (!f.bounds) {
            continue;
        }
        ++bounded;
        const Range* range = nullptr;
        for (const Range& r : k_ranges) {
            range = r.key == f.key ? &r : range;
        }
        REQUIRE(range != nullptr);
        CHECK(f.bounds->min == range->min);
        CHECK(f.bounds->max == range->max);
        CHECK(f.numbers.find(range->words) != std::string_view::npos);
        // Just below the range: an error on the field, saying the row's words; at the bounds: none.
        const auto read = [&](double value) {
            Case c = sts();
            const std::string text = std::to_string(static_cast<long long>(value));
            REQUIRE_FALSE(read_field(c, f, text).has_value());
            return c;
        };
        const Case below = read(range->min - 1);
        CHECK(error_field(below) == f.key);
        const std::optional<CaseError> bad = case_error(below);
        REQUIRE(bad.has_value());
        CHECK(bad->problem ==
              "must be " + std::string(f.numbers) + ", got " + std::to_string(static_cast<long long>(range->min - 1)));
        CHECK(error_field(read(range->min)) == "(no error)");
        if (range->max != k_inf) {
            CHECK(error_field(read(range->max)) == "(no error)");
            CHECK(error_field(read(range->max + 1)) == f.key);
        }
    }
    CHECK(bounded == std::size(k_ranges));
}

// ---- Warnings: a given field the system does not use ---------------------------------------------------

TEST_CASE("Warnings - a field the system does not use draws a warning naming it, and changes nothing",
          "[validation][warnings]") {
    struct Row {
        std::string label;
        Case c;
        std::vector<std::string_view> warnings;  ///< words of each warning, one warning each
        const char* stage;
        const char* g = nullptr;  ///< the G category, where the row pins it
    };
    const Case sts_ia = soft_tissue_case(3.0, Grade::g1);
    const Case trunk_ia = ajcc8_case(Site::trunk, size_cm(3.0), Grade::g1);
    std::vector<Row> rows = {
        // AJCC 7 soft tissue: uterine, GIST and AJCC 8 fields
        {"AJCC 7, adnexa", edited(sts_ia, [](Case& c) { c.adnexa = Finding::present; }), {"adnexa"}, "IA"},
        {"AJCC 7, pelvic", edited(sts_ia, [](Case& c) { c.pelvic = Finding::present; }), {"pelvic"}, "IA"},
        {"AJCC 7, abdominal_sites", edited(sts_ia, [](Case& c) { c.abdominal_sites = 2; }), {"abdominal_sites"}, "IA"},
        {"AJCC 7, bladder_rectum",
         edited(sts_ia, [](Case& c) { c.bladder_rectum = Finding::present; }),
         {"bladder_rectum"},
         "IA"},
        {"AJCC 7, myometrial_invasion",
         edited(sts_ia, [](Case& c) { c.myometrial_invasion = 80.0; }),
         {"myometrial_invasion"},
         "IA"},
        {"AJCC 7, GIST fields",
         edited(sts_ia,
                [](Case& c) {
                    c.mitotic_rate = rate_of(3.0);
                    c.gi_site = GiSite::stomach;
                }),
         {"mitotic_rate", "gi_site"},
         "IA"},
        {"AJCC 7, AJCC 8 fields",
         edited(sts_ia,
                [](Case& c) {
                    c.adjoining_invasion = AdjoiningInvasion::t4a;
                    c.visceral_extent = VisceralExtent::serosa;
                    c.foci = 2;
                }),
         {"adjoining_invasion", "visceral_extent", "foci"},
         "IA"},
        // AJCC 8: depth (no depth subcategory), the other sites' fields
        {"AJCC 8 trunk, adjoining_invasion",
         edited(trunk_ia, [](Case& c) { c.adjoining_invasion = AdjoiningInvasion::t4b; }),
         {"adjoining_invasion"},
         "IA"},
        {"AJCC 8 trunk, visceral fields",
         edited(trunk_ia,
                [](Case& c) {
                    c.visceral_extent = VisceralExtent::other_organ;
                    c.foci = 6;
                }),
         {"visceral_extent", "foci"},
         "IA"},
        {"AJCC 8 head and neck, depth",
         edited(head_neck_case(size_cm(3.0)), [](Case& c) { c.depth = Depth::deep; }),
         {"depth was given but is not used: the AJCC 8th edition has no depth"},
         "undetermined"},
        {"AJCC 8 visceral, depth",
         edited(visceral_case(VisceralExtent::serosa), [](Case& c) { c.depth = Depth::superficial; }),
         {"depth was given but is not used: the AJCC 8th edition has no depth"},
         "undetermined"},
        // FIGO 2009: grade, depth, extension, edition; size for adenosarcoma, invasion for LMS
        {"uterus, depth", edited(uterus(), [](Case& c) { c.depth = Depth::superficial; }), {"depth"}, "IA"},
        {"uterus, extension adjacent",
         edited(uterus(), [](Case& c) { c.extension = Extension::adjacent; }),
         {"extension"},
         "IA"},
        {"uterus, edition 8 (FIGO, not AJCC)", edited(uterus(), [](Case& c) { c.edition = 8; }), {"edition"}, "IA"},
        {"uterine LMS 3 cm, myometrial_invasion",
         edited(uterus(), [](Case& c) { c.myometrial_invasion = 80.0; }),
         {"myometrial_invasion"},
         "IA"},
        {"adenosarcoma 30 %, size 9 cm",
         edited(adenosarcoma_case(30.0), [](Case& c) { c.size = size_cm(9.0); }),
         {"size"},
         "IB"},
        {"adenosarcoma 0 %, size 10 cm",
         edited(adenosarcoma_case(0.0), [](Case& c) { c.size = size_cm(10.0); }),
         {"size"},
         "IA"},
        {"adenosarcoma, grade 1",
         edited(adenosarcoma_case(30.0), [](Case& c) { c.grade = Grade::g1; }),
         {"grade"},
         "IB",
         ""},
        {"uterus 3 cm, grade 3", edited(uterus(), [](Case& c) { c.grade = Grade::g3; }), {"grade"}, "IA", ""},
        // GIST: grade and depth
        {"GIST 8th edition intestinal, grade 3",
         edited(gist_case(GiSite::small_intestine, size_cm(7.0), rate_of(3.0), 8),
                [](Case& c) { c.grade = Grade::g3; }),
         {"grade"},
         "II",
         ""},
        {"GIST, depth",
         edited(gist_case(GiSite::stomach, size_cm(7.0), rate_of(3.0)), [](Case& c) { c.depth = Depth::deep; }),
         {"depth"},
         "IB"},
    };
    for (Grade g : k_all_grades) {
        const std::string grade = std::string(", grade ") + std::string(name(g));
        rows.push_back(
            {"uterus 7 cm" + grade, edited(uterus(size_cm(7.0)), [g](Case& c) { c.grade = g; }), {"grade"}, "IB", ""});
        rows.push_back({"GIST gastric 7 cm rate 3" + grade,
                        edited(gist_case(GiSite::stomach, size_cm(7.0), rate_of(3.0)), [g](Case& c) { c.grade = g; }),
                        {"grade"},
                        "IB",
                        ""});
    }
    for (const Row& row : rows) {
        const Result r = staged(row.c);
        INFO(row.label << "\nwarnings:" << joined(r.warnings));
        CHECK(r.warnings.size() == row.warnings.size());
        for (std::string_view words : row.warnings) {
            CHECK(any_contains(r.warnings, words));
        }
        CHECK(stage_text(r.stage) == row.stage);
        if (row.g != nullptr) {
            CHECK(r.categories.g == row.g);
        }
    }
}

TEST_CASE("Warnings - an unused field changes neither T nor the summary stage", "[validation][warnings]") {
    // Uterine LMS has no T1c: myometrial invasion is read for adenosarcoma only.
    const Result lms = staged(edited(uterus(size_cm(7.0)), [](Case& c) { c.myometrial_invasion = 80.0; }));
    CHECK(stage_text(lms.stage) == "IB");
    CHECK(lms.categories.t == "T1b");
    // The summary stage of a uterine sarcoma follows from FIGO, not from the extension.
    const Result further = staged(edited(uterus(), [](Case& c) { c.extension = Extension::further; }));
    INFO("warnings:" << joined(further.warnings));
    CHECK(any_contains(further.warnings, "extension"));
    CHECK(stage_text(further.stage) == "IA");
    CHECK(summary_text(further.summary_stage) == "localized");
    // AJCC 8 fields given for the trunk change nothing.
    const Result trunk = staged(edited(ajcc8_case(Site::trunk, size_cm(3.0), Grade::g1), [](Case& c) {
        c.adjoining_invasion = AdjoiningInvasion::t4b;
        c.visceral_extent = VisceralExtent::other_organ;
        c.foci = 6;
    }));
    CHECK(trunk.categories.t == "T1");
}

TEST_CASE("Warnings - a clean case with every field its system uses has no warning", "[validation][warnings]") {
    const Case sts_clean = edited(soft_tissue_case(7.0, Grade::g2), [](Case& c) {
        c.site = Site::extremity;
        c.depth = Depth::deep;
        c.nodes = Finding::absent;
        c.metastasis = Finding::absent;
        c.extension = Extension::confined;
        c.edition = 7;
        c.histology = Histology::lms;
    });
    const Case uterus_clean = edited(uterine_case(7.0, Histology::lms), [](Case& c) {
        c.adnexa = Finding::absent;
        c.pelvic = Finding::absent;
        c.abdominal_sites = 0;
        c.bladder_rectum = Finding::absent;
        c.nodes = Finding::absent;
        c.metastasis = Finding::absent;
    });
    const Case ajcc8_clean = edited(ajcc8_case(Site::extremity, size_cm(7.0), Grade::g2), [](Case& c) {
        c.nodes = Finding::absent;
        c.metastasis = Finding::absent;
        c.extension = Extension::confined;
        c.histology = Histology::lms;
    });
    for (const Case& c : {sts_clean, uterus_clean, ajcc8_clean}) {
        const Result r = staged(c);
        INFO(r.system.id << "\nwarnings:" << joined(r.warnings));
        CHECK(r.warnings.empty());
    }
    for (int edition : {7, 8}) {
        const Result r = staged(edited(gist_case(GiSite::stomach, size_cm(7.0), rate_of(3.0), edition), [](Case& c) {
            c.nodes = Finding::absent;
            c.metastasis = Finding::absent;
            c.extension = Extension::confined;
            c.rupture = Finding::absent;  // the modified NIH risk reads it
        }));
        INFO("GIST, edition " << edition << "\nwarnings:" << joined(r.warnings)
                              << "\nassumptions:" << joined(r.assumptions));
        CHECK(r.warnings.empty());
        CHECK(r.assumptions.empty());
    }
    // AJCC 8 head and neck and visceral read their own fields.
    const Result head_neck = staged(head_neck_case(size_cm(3.0), AdjoiningInvasion::t4a));
    INFO("head and neck warnings:" << joined(head_neck.warnings));
    CHECK_FALSE(any_contains(head_neck.warnings, "adjoining_invasion"));
    const Result visceral = staged(visceral_case(VisceralExtent::serosa, 1));
    INFO("visceral warnings:" << joined(visceral.warnings));
    CHECK_FALSE(any_contains(visceral.warnings, "visceral_extent"));
    CHECK_FALSE(any_contains(visceral.warnings, "foci"));
}

TEST_CASE("Validation - a value is read without its surrounding blanks, and only those", "[validation]") {
    using lmsstage::trimmed;
    static_assert(trimmed(" \t6 cm\t ") == "6 cm");  // inner blanks stay: the unit reads them
    CHECK(trimmed("") == "");
    CHECK(trimmed(" \t ") == "");
    CHECK(trimmed("yes") == "yes");
    CHECK(trimmed("\nyes\r") == "\nyes\r");  // line ends are not blanks: the framing took them off
    lmsstage::Case c;
    REQUIRE_FALSE(lmsstage::read_field(c, lmsstage::field_info(lmsstage::Field::size), "  65mm\t"));
    REQUIRE(c.size);
}
