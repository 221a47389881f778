// Invalid cases give a CaseError naming the field at fault (docs/rules.md §8 "Case fields"); fields that
// do not apply to the chosen system give warnings, never errors and never silence.
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

constexpr std::array<Site, 5> k_soft_tissue_sites = {Site::soft_tissue, Site::extremity, Site::trunk,
                                                    Site::retroperitoneum, Site::head_neck};

/// The field of the error `stage` returns, or "(no error)"; also checks that `validate` agrees.
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
    // The message follows the field's name: "size must be ...".
    CHECK(from_stage->message().rfind(field_text(from_stage->field) + " ", 0) == 0);
    CHECK_FALSE(from_stage->problem.empty());
    return field_text(from_stage->field);
}

Case sts_size(const Measured<Length>& size) {
    Case c;
    c.size = size;
    c.grade = Grade::g2;
    return c;
}

Case uterus_size(const Measured<Length>& size) {
    Case c;
    c.site = Site::uterus;
    c.size = size;
    return c;
}

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr double k_inf = std::numeric_limits<double>::infinity();

}  // namespace

// ---- size --------------------------------------------------------------------------------------

TEST_CASE("Validation - size 0 cm is an error on size", "[validation][size]") {
    CHECK(error_field(sts_size(size_cm(0.0))) == "size");
}

TEST_CASE("Validation - size -3 cm is an error on size", "[validation][size]") {
    CHECK(error_field(sts_size(size_cm(-3.0))) == "size");
}

TEST_CASE("Validation - size 0 mm is an error on size", "[validation][size]") {
    CHECK(error_field(sts_size(size_mm(0.0))) == "size");
}

TEST_CASE("Validation - size -0.0 cm is an error on size", "[validation][size]") {
    CHECK(error_field(sts_size(size_cm(-0.0))) == "size");
}

TEST_CASE("Validation - size NaN is an error on size", "[validation][size]") {
    CHECK(error_field(sts_size(size_cm(k_nan))) == "size");
    CHECK(error_field(sts_size(size_mm(k_nan))) == "size");
}

TEST_CASE("Validation - size +infinity is an error on size", "[validation][size]") {
    CHECK(error_field(sts_size(size_cm(k_inf))) == "size");
    CHECK(error_field(sts_size(size_mm(k_inf))) == "size");
}

TEST_CASE("Validation - size -infinity is an error on size", "[validation][size]") {
    CHECK(error_field(sts_size(size_cm(-k_inf))) == "size");
}

TEST_CASE("Validation - bad sizes are errors for the uterus too", "[validation][size][figo2009]") {
    for (double bad : {0.0, -1.0, k_nan, k_inf}) {
        INFO("size " << bad);
        CHECK(error_field(uterus_size(size_cm(bad))) == "size");
    }
}

TEST_CASE("Validation - the smallest positive size is valid", "[validation][size]") {
    CHECK(error_field(sts_size(size_cm(0.001))) == "(no error)");
    CHECK(error_field(sts_size(size_mm(0.1))) == "(no error)");
}

TEST_CASE("Validation - size missing is an error on size (soft tissue)", "[validation][size]") {
    Case c;
    c.grade = Grade::g1;
    CHECK(error_field(c) == "size");
}

TEST_CASE("Validation - size missing is an error on size (uterine LMS and ESS)", "[validation][size][figo2009]") {
    for (Histology h : {Histology::lms, Histology::ess}) {
        INFO("histology " << name(h));
        Case c;
        c.site = Site::uterus;
        c.histology = h;
        CHECK(error_field(c) == "size");
    }
}

TEST_CASE("Validation - size unknown is not an error", "[validation][size]") {
    CHECK(error_field(sts_size(size_unknown())) == "(no error)");
    CHECK(error_field(uterus_size(size_unknown())) == "(no error)");
}

TEST_CASE("Validation - adenosarcoma needs no size", "[validation][size][adenosarcoma]") {
    CHECK(error_field(adenosarcoma_case(20.0)) == "(no error)");
}

// ---- grade ---------------------------------------------------------------------------------------

TEST_CASE("Validation - grade missing is an error on grade for every soft tissue site", "[validation][grade]") {
    for (Site site : k_soft_tissue_sites) {
        INFO("site " << name(site));
        Case c;
        c.site = site;
        c.size = size_cm(3.0);
        CHECK(error_field(c) == "grade");
    }
}

TEST_CASE("Validation - grade missing is an error with site omitted", "[validation][grade]") {
    Case c;
    c.size = size_cm(3.0);
    CHECK(error_field(c) == "grade");
}

TEST_CASE("Validation - grade missing is fine for the uterus", "[validation][grade][figo2009]") {
    CHECK(error_field(uterus_size(size_cm(3.0))) == "(no error)");
}

// ---- abdominal_sites, myometrial_invasion -----------------------------------------------------------

TEST_CASE("Validation - abdominal_sites -1 is an error on abdominal_sites", "[validation][figo2009]") {
    Case c = uterus_size(size_cm(3.0));
    c.abdominal_sites = -1;
    CHECK(error_field(c) == "abdominal_sites");
}

TEST_CASE("Validation - abdominal_sites 0 is valid", "[validation][figo2009]") {
    Case c = uterus_size(size_cm(3.0));
    c.abdominal_sites = 0;
    CHECK(error_field(c) == "(no error)");
}

TEST_CASE("Validation - myometrial_invasion below 0 is an error on myometrial_invasion", "[validation][adenosarcoma]") {
    CHECK(error_field(adenosarcoma_case(-0.01)) == "myometrial_invasion");
    CHECK(error_field(adenosarcoma_case(-50.0)) == "myometrial_invasion");
}

TEST_CASE("Validation - myometrial_invasion above 100 is an error on myometrial_invasion", "[validation][adenosarcoma]") {
    CHECK(error_field(adenosarcoma_case(100.01)) == "myometrial_invasion");
    CHECK(error_field(adenosarcoma_case(150.0)) == "myometrial_invasion");
}

TEST_CASE("Validation - myometrial_invasion NaN or infinite is an error", "[validation][adenosarcoma]") {
    CHECK(error_field(adenosarcoma_case(k_nan)) == "myometrial_invasion");
    CHECK(error_field(adenosarcoma_case(k_inf)) == "myometrial_invasion");
}

TEST_CASE("Validation - myometrial_invasion exactly 0 and exactly 100 are valid", "[validation][adenosarcoma]") {
    CHECK(error_field(adenosarcoma_case(0.0)) == "(no error)");
    CHECK(error_field(adenosarcoma_case(100.0)) == "(no error)");
}

TEST_CASE("Validation - myometrial_invasion missing for adenosarcoma is an error on myometrial_invasion",
          "[validation][adenosarcoma]") {
    Case c;
    c.site = Site::uterus;
    c.histology = Histology::adenosarcoma;
    c.size = size_cm(3.0);
    CHECK(error_field(c) == "myometrial_invasion");
}

// ---- histology and site ------------------------------------------------------------------------

TEST_CASE("Validation - histology ess outside the uterus is an error on histology", "[validation][histology]") {
    for (Site site : k_soft_tissue_sites) {
        INFO("site " << name(site));
        Case c = sts_size(size_cm(3.0));
        c.site = site;
        c.histology = Histology::ess;
        CHECK(error_field(c) == "histology");
    }
}

TEST_CASE("Validation - histology adenosarcoma outside the uterus is an error on histology", "[validation][histology]") {
    for (Site site : k_soft_tissue_sites) {
        INFO("site " << name(site));
        Case c = sts_size(size_cm(3.0));
        c.site = site;
        c.histology = Histology::adenosarcoma;
        c.myometrial_invasion = 10.0;
        CHECK(error_field(c) == "histology");
    }
}

TEST_CASE("Validation - histology ess with site omitted (soft tissue) is an error on histology",
          "[validation][histology]") {
    Case c = sts_size(size_cm(3.0));
    c.histology = Histology::ess;
    CHECK(error_field(c) == "histology");
}

TEST_CASE("Validation - histology gist with site omitted (soft tissue) is an error on histology",
          "[validation][histology]") {
    Case c = sts_size(size_cm(3.0));
    c.histology = Histology::gist;
    CHECK(error_field(c) == "histology");
}

TEST_CASE("Validation - site gi stages: gist (with gi_site and mitotic_rate) and lms are valid", "[validation][site]") {
    Case gist = sts_size(size_cm(3.0));
    gist.grade = std::nullopt;
    gist.site = Site::gi;
    gist.histology = Histology::gist;
    gist.gi_site = GiSite::stomach;
    gist.mitotic_rate = Measured<MitoticRate>::of(3.0);
    CHECK(error_field(gist) == "(no error)");
    CHECK(staged(gist).system.id == "ajcc7-gist");
    CHECK(stage_text(staged(gist).stage) == "IA");
    Case lms = sts_size(size_cm(3.0));
    lms.site = Site::gi;
    lms.histology = Histology::lms;
    CHECK(error_field(lms) == "(no error)");
}

TEST_CASE("Validation - site gi without histology is an error on histology (not on site)", "[validation][site]") {
    Case c = sts_size(size_cm(3.0));
    c.site = Site::gi;
    CHECK(error_field(c) == "histology");
}

TEST_CASE("Validation - site visceral stages with edition 8, and is an error on edition without it",
          "[validation][site]") {
    Case c = sts_size(size_cm(3.0));
    c.site = Site::visceral;
    c.visceral_extent = VisceralExtent::confined;
    CHECK(error_field(c) == "edition");
    c.edition = 8;
    CHECK(error_field(c) == "(no error)");
    CHECK(staged(c).system.id == "ajcc8-sts-visceral");
    CHECK(staged(c).categories.t == "T1");
}

// ---- depth -------------------------------------------------------------------------------------

TEST_CASE("Validation - superficial depth with retroperitoneum is an error on depth", "[validation][depth]") {
    Case c = sts_size(size_cm(3.0));
    c.site = Site::retroperitoneum;
    c.depth = Depth::superficial;
    CHECK(error_field(c) == "depth");
}

TEST_CASE("Validation - deep depth with retroperitoneum is valid", "[validation][depth]") {
    Case c = sts_size(size_cm(3.0));
    c.site = Site::retroperitoneum;
    c.depth = Depth::deep;
    CHECK(error_field(c) == "(no error)");
}

TEST_CASE("Validation - superficial depth is valid at the other soft tissue sites", "[validation][depth]") {
    for (Site site : {Site::soft_tissue, Site::extremity, Site::trunk, Site::head_neck}) {
        INFO("site " << name(site));
        Case c = sts_size(size_cm(3.0));
        c.site = site;
        c.depth = Depth::superficial;
        CHECK(error_field(c) == "(no error)");
    }
}

// ---- edition -----------------------------------------------------------------------------------

TEST_CASE("Validation - edition other than 7 or 8 is an error on edition", "[validation][edition]") {
    for (int edition : {0, 6, 9, -7, 2010}) {
        INFO("edition " << edition);
        Case soft = sts_size(size_cm(3.0));
        soft.edition = edition;
        CHECK(error_field(soft) == "edition");
        Case uterus = uterus_size(size_cm(3.0));
        uterus.edition = edition;
        CHECK(error_field(uterus) == "edition");
    }
}

TEST_CASE("Validation - edition 7 is valid for soft tissue", "[validation][edition]") {
    Case c = sts_size(size_cm(3.0));
    c.edition = 7;
    CHECK(error_field(c) == "(no error)");
}

TEST_CASE("Validation - edition 8 with site soft tissue (given or omitted) is an error on site",
          "[validation][edition]") {
    Case omitted = sts_size(size_cm(3.0));
    omitted.edition = 8;
    CHECK(error_field(omitted) == "site");
    Case soft = sts_size(size_cm(3.0));
    soft.site = Site::soft_tissue;
    soft.edition = 8;
    CHECK(error_field(soft) == "site");
}

TEST_CASE("Validation - edition 8 stages the named soft tissue sites", "[validation][edition]") {
    struct Expected {
        Site site;
        const char* system_id;
    };
    const std::array<Expected, 4> sites = {{
        {Site::extremity, "ajcc8-sts-trunk-extremity"},
        {Site::trunk, "ajcc8-sts-trunk-extremity"},
        {Site::retroperitoneum, "ajcc8-sts-retroperitoneum"},
        {Site::head_neck, "ajcc8-sts-head-neck"},
    }};
    for (const Expected& e : sites) {
        INFO("site " << name(e.site));
        Case c = sts_size(size_cm(3.0));
        c.site = e.site;
        c.edition = 8;
        CHECK(error_field(c) == "(no error)");
        CHECK(staged(c).system.id == e.system_id);
    }
}

TEST_CASE("Validation - edition 8 for the uterus is a warning, not an error (FIGO)", "[validation][edition][figo2009]") {
    Case c = uterus_size(size_cm(3.0));
    c.edition = 8;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "edition"));
    CHECK(stage_text(r.stage) == "IA");
}

// ---- other range checks from docs/rules.md §8 ----------------------------------------------------------

TEST_CASE("Validation - mitotic_rate below 0 is an error on mitotic_rate", "[validation]") {
    Case c = sts_size(size_cm(3.0));
    c.mitotic_rate = Measured<MitoticRate>::of(-1.0);
    CHECK(error_field(c) == "mitotic_rate");
}

TEST_CASE("Validation - foci 0 is an error on foci", "[validation]") {
    Case c = sts_size(size_cm(3.0));
    c.foci = 0;
    CHECK(error_field(c) == "foci");
}

TEST_CASE("Validation - a valid case has no error from validate", "[validation]") {
    CHECK_FALSE(validate(sts_size(size_cm(3.0))).has_value());
    CHECK_FALSE(validate(uterus_size(size_cm(3.0))).has_value());
    CHECK_FALSE(validate(adenosarcoma_case(30.0)).has_value());
}

// ---- Warnings: a given field the system does not use -----------------------------------------------

TEST_CASE("Warnings - a clean soft tissue case has no warning", "[validation][warnings]") {
    Case c = sts_size(size_cm(7.0));
    c.site = Site::extremity;
    c.depth = Depth::deep;
    c.nodes = Finding::absent;
    c.metastasis = Finding::absent;
    c.extension = Extension::confined;
    c.edition = 7;
    c.histology = Histology::lms;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(r.warnings.empty());
}

TEST_CASE("Warnings - a clean uterine case has no warning", "[validation][warnings][figo2009]") {
    Case c = uterus_size(size_cm(7.0));
    c.histology = Histology::lms;
    c.adnexa = Finding::absent;
    c.pelvic = Finding::absent;
    c.abdominal_sites = 0;
    c.bladder_rectum = Finding::absent;
    c.nodes = Finding::absent;
    c.metastasis = Finding::absent;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(r.warnings.empty());
}

TEST_CASE("Warnings - uterine findings given for a soft tissue case warn and do not change the stage",
          "[validation][warnings]") {
    struct Given {
        const char* field;
        void (*set)(Case&);
    };
    const std::array<Given, 5> fields = {{
        {"adnexa", [](Case& c) { c.adnexa = Finding::present; }},
        {"pelvic", [](Case& c) { c.pelvic = Finding::present; }},
        {"abdominal_sites", [](Case& c) { c.abdominal_sites = 2; }},
        {"bladder_rectum", [](Case& c) { c.bladder_rectum = Finding::present; }},
        {"myometrial_invasion", [](Case& c) { c.myometrial_invasion = 80.0; }},
    }};
    for (const Given& g : fields) {
        INFO("field " << g.field);
        Case c = soft_tissue_case(3.0, Grade::g1);
        g.set(c);
        const Result r = staged(c);
        INFO("warnings:" << joined(r.warnings));
        CHECK(r.warnings.size() == 1);
        CHECK(any_contains(r.warnings, g.field));
        CHECK(r.system.id == "ajcc7-sts");
        CHECK(stage_text(r.stage) == "IA");
    }
}

TEST_CASE("Warnings - grade given for a uterine case warns (FIGO does not use grade)", "[validation][warnings][figo2009]") {
    Case c = uterus_size(size_cm(3.0));
    c.grade = Grade::g3;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(r.warnings.size() == 1);
    CHECK(any_contains(r.warnings, "grade"));
    CHECK(stage_text(r.stage) == "IA");
}

TEST_CASE("Warnings - depth given for a uterine case warns", "[validation][warnings][figo2009]") {
    Case c = uterus_size(size_cm(3.0));
    c.depth = Depth::superficial;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "depth"));
}

TEST_CASE("Warnings - extension given for a uterine case warns", "[validation][warnings][figo2009]") {
    Case c = uterus_size(size_cm(3.0));
    c.extension = Extension::adjacent;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "extension"));
}

TEST_CASE("Warnings - myometrial_invasion given for uterine LMS warns (adenosarcoma only)",
          "[validation][warnings][figo2009]") {
    Case c = uterus_size(size_cm(3.0));
    c.myometrial_invasion = 80.0;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "myometrial_invasion"));
    CHECK(stage_text(r.stage) == "IA");
}

TEST_CASE("Warnings - size given for adenosarcoma warns (stage I by myometrial invasion)",
          "[validation][warnings][adenosarcoma]") {
    Case c = adenosarcoma_case(30.0);
    c.size = size_cm(9.0);
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "size"));
    CHECK(stage_text(r.stage) == "IB");
}

TEST_CASE("Warnings - GIST fields given for a soft tissue case warn", "[validation][warnings]") {
    Case c = soft_tissue_case(3.0, Grade::g1);
    c.mitotic_rate = Measured<MitoticRate>::of(3.0);
    c.gi_site = GiSite::stomach;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "mitotic_rate"));
    CHECK(any_contains(r.warnings, "gi_site"));
    CHECK(stage_text(r.stage) == "IA");
}

TEST_CASE("Warnings - AJCC 8 fields given for an AJCC 7 case warn", "[validation][warnings]") {
    Case c = soft_tissue_case(3.0, Grade::g1);
    c.adjoining_invasion = AdjoiningInvasion::t4a;
    c.visceral_extent = VisceralExtent::serosa;
    c.foci = 2;
    const Result r = staged(c);
    INFO("warnings:" << joined(r.warnings));
    CHECK(any_contains(r.warnings, "adjoining_invasion"));
    CHECK(any_contains(r.warnings, "visceral_extent"));
    CHECK(any_contains(r.warnings, "foci"));
}
