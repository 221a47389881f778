// Invalid GIST and AJCC 8th edition cases give a CaseError naming the field at fault (docs/rules.md §8
// "Case fields": site, histology, mitotic_rate, gi_site, edition, visceral_extent, foci).
#include <array>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

namespace {

/// The field of the error `stage` returns, or "(no error)"; also checks that `validate` agrees and
/// that the message follows the field's name.
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

/// The error message of a case that must be invalid ("" when it stages).
std::string error_message(const Case& c) {
    const std::optional<CaseError> bad = case_error(c);
    return bad ? bad->message() : std::string();
}

bool mentions(const std::string& text, std::string_view word) { return text.find(word) != std::string::npos; }

/// A valid GIST case: site gi, histology gist, stomach, 3 cm, mitotic rate 3.
Case gist(std::optional<int> edition = std::nullopt) {
    Case c;
    c.site = Site::gi;
    c.histology = Histology::gist;
    c.gi_site = GiSite::stomach;
    c.size = size_cm(3.0);
    c.mitotic_rate = Measured<MitoticRate>::of(3.0);
    c.edition = edition;
    return c;
}

/// A valid AJCC 8 visceral case: site visceral, edition 8, extent confined.
Case visceral8() {
    Case c;
    c.site = Site::visceral;
    c.edition = 8;
    c.visceral_extent = VisceralExtent::confined;
    return c;
}

/// A valid AJCC 8 case at a site with stage groups (size 3 cm, grade 2).
Case grouped8(Site site) {
    Case c;
    c.site = site;
    c.edition = 8;
    c.size = size_cm(3.0);
    c.grade = Grade::g2;
    return c;
}

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr double k_inf = std::numeric_limits<double>::infinity();

/// Every site other than gi, and the site omitted.
constexpr std::array<std::optional<Site>, 8> k_non_gi_sites = {
    std::nullopt, Site::soft_tissue, Site::extremity, Site::trunk, Site::retroperitoneum,
    Site::head_neck, Site::visceral, Site::uterus};

std::string opt_text(const std::optional<Site>& s) { return s ? std::string(name(*s)) : "omitted"; }

}  // namespace

// ---- The valid cases these tests start from ---------------------------------------------------------

TEST_CASE("Validation GIST/AJCC 8 - the starting cases are valid", "[validation][gist][ajcc8]") {
    CHECK(error_field(gist()) == "(no error)");
    CHECK(error_field(gist(7)) == "(no error)");
    CHECK(error_field(gist(8)) == "(no error)");
    CHECK(error_field(visceral8()) == "(no error)");
    for (Site site : {Site::extremity, Site::trunk, Site::retroperitoneum, Site::head_neck}) {
        INFO("site " << name(site));
        CHECK(error_field(grouped8(site)) == "(no error)");
    }
}

// ---- site gi: histology ------------------------------------------------------------------------------

TEST_CASE("Validation gi - site gi without histology is an error on histology", "[validation][gist]") {
    for (std::optional<int> edition : {std::optional<int>{}, std::optional<int>{7}, std::optional<int>{8}}) {
        INFO("edition " << (edition ? std::to_string(*edition) : "omitted"));
        Case c = gist(edition);
        c.histology = std::nullopt;
        CHECK(error_field(c) == "histology");
    }
}

TEST_CASE("Validation gi - the histology error of site gi names gist and lms", "[validation][gist]") {
    Case c = gist();
    c.histology = std::nullopt;
    const std::string message = error_message(c);
    INFO("message: " << message);
    CHECK(mentions(message, "gist"));
    CHECK(mentions(message, "lms"));
}

TEST_CASE("Validation gi - histology ess or adenosarcoma with site gi is an error on histology", "[validation][gist]") {
    for (Histology h : {Histology::ess, Histology::adenosarcoma}) {
        INFO("histology " << name(h));
        Case c = gist();
        c.histology = h;
        c.myometrial_invasion = 10.0;
        CHECK(error_field(c) == "histology");
    }
}

// ---- GIST: gi_site and mitotic_rate required -----------------------------------------------------------

TEST_CASE("Validation GIST - gi_site missing is an error on gi_site", "[validation][gist]") {
    for (std::optional<int> edition : {std::optional<int>{}, std::optional<int>{7}, std::optional<int>{8}}) {
        INFO("edition " << (edition ? std::to_string(*edition) : "omitted"));
        Case c = gist(edition);
        c.gi_site = std::nullopt;
        CHECK(error_field(c) == "gi_site");
    }
}

TEST_CASE("Validation GIST - mitotic_rate missing is an error on mitotic_rate", "[validation][gist]") {
    for (std::optional<int> edition : {std::optional<int>{}, std::optional<int>{7}, std::optional<int>{8}}) {
        INFO("edition " << (edition ? std::to_string(*edition) : "omitted"));
        Case c = gist(edition);
        c.mitotic_rate = std::nullopt;
        CHECK(error_field(c) == "mitotic_rate");
    }
}

TEST_CASE("Validation GIST - mitotic_rate unknown is not an error", "[validation][gist]") {
    Case c = gist();
    c.mitotic_rate = Measured<MitoticRate>::unknown();
    CHECK(error_field(c) == "(no error)");
}

TEST_CASE("Validation GIST - mitotic_rate exactly 0 is valid", "[validation][gist]") {
    Case c = gist();
    c.mitotic_rate = Measured<MitoticRate>::of(0.0);
    CHECK(error_field(c) == "(no error)");
}

TEST_CASE("Validation GIST - negative mitotic_rate is an error on mitotic_rate", "[validation][gist]") {
    for (double rate : {-0.01, -1.0, -50.0}) {
        INFO("mitotic_rate " << rate);
        Case c = gist();
        c.mitotic_rate = Measured<MitoticRate>::of(rate);
        CHECK(error_field(c) == "mitotic_rate");
    }
}

TEST_CASE("Validation GIST - mitotic_rate NaN or infinite is an error on mitotic_rate", "[validation][gist]") {
    for (double rate : {k_nan, k_inf, -k_inf}) {
        INFO("mitotic_rate " << rate);
        Case c = gist(8);
        c.mitotic_rate = Measured<MitoticRate>::of(rate);
        CHECK(error_field(c) == "mitotic_rate");
    }
}

TEST_CASE("Validation GIST - size missing is an error on size", "[validation][gist]") {
    Case c = gist();
    c.size = std::nullopt;
    CHECK(error_field(c) == "size");
}

TEST_CASE("Validation GIST - size 0 or negative is an error on size", "[validation][gist]") {
    for (double cm : {0.0, -2.0}) {
        INFO("size " << cm);
        Case c = gist();
        c.size = size_cm(cm);
        CHECK(error_field(c) == "size");
    }
}

TEST_CASE("Validation GIST - grade missing is not an error (GIST does not use grade)", "[validation][gist]") {
    Case c = gist();
    c.grade = std::nullopt;
    CHECK(error_field(c) == "(no error)");
}

// ---- histology gist outside site gi --------------------------------------------------------------------

TEST_CASE("Validation GIST - histology gist with a site other than gi is an error on histology", "[validation][gist]") {
    for (const std::optional<Site>& site : k_non_gi_sites) {
        for (std::optional<int> edition : {std::optional<int>{}, std::optional<int>{8}}) {
            INFO("site " << opt_text(site) << ", edition " << (edition ? std::to_string(*edition) : "omitted"));
            Case c = gist(edition);
            c.site = site;
            c.grade = Grade::g2;
            CHECK(error_field(c) == "histology");
        }
    }
}

// ---- edition 8: the site must be named ----------------------------------------------------------------

TEST_CASE("Validation AJCC 8 - edition 8 with site soft-tissue is an error on site", "[validation][ajcc8]") {
    Case c = grouped8(Site::extremity);
    c.site = Site::soft_tissue;
    CHECK(error_field(c) == "site");
}

TEST_CASE("Validation AJCC 8 - edition 8 with the site omitted is an error on site", "[validation][ajcc8]") {
    Case c = grouped8(Site::extremity);
    c.site = std::nullopt;
    CHECK(error_field(c) == "site");
}

TEST_CASE("Validation AJCC 8 - the site error names the specific sites", "[validation][ajcc8]") {
    for (const std::optional<Site>& site : {std::optional<Site>{}, std::optional<Site>{Site::soft_tissue}}) {
        Case c = grouped8(Site::extremity);
        c.site = site;
        const std::string message = error_message(c);
        INFO("site " << opt_text(site) << ", message: " << message);
        CHECK(mentions(message, "extremity"));
        CHECK(mentions(message, "trunk"));
        CHECK(mentions(message, "retroperitoneum"));
        CHECK(mentions(message, "head-neck"));
        CHECK(mentions(message, "visceral"));
    }
}

TEST_CASE("Validation AJCC 8 - grade missing is an error on grade (trunk, extremity, retroperitoneum)",
          "[validation][ajcc8]") {
    for (Site site : {Site::extremity, Site::trunk, Site::retroperitoneum}) {
        INFO("site " << name(site));
        Case c = grouped8(site);
        c.grade = std::nullopt;
        CHECK(error_field(c) == "grade");
    }
}

TEST_CASE("Validation AJCC 8 - size missing is an error on size (trunk, extremity, retroperitoneum, head-neck)",
          "[validation][ajcc8]") {
    for (Site site : {Site::extremity, Site::trunk, Site::retroperitoneum, Site::head_neck}) {
        INFO("site " << name(site));
        Case c = grouped8(site);
        c.size = std::nullopt;
        CHECK(error_field(c) == "size");
    }
}

TEST_CASE("Validation AJCC 8 - superficial depth with the retroperitoneum is not an error in edition 8",
          "[validation][ajcc8]") {
    // Depth is not used by the 8th edition: a warning, not an error (docs/rules.md §8: depth AJCC 7 only).
    Case c = grouped8(Site::retroperitoneum);
    c.depth = Depth::superficial;
    CHECK(error_field(c) == "(no error)");
}

// ---- visceral: edition 8 only -------------------------------------------------------------------------

TEST_CASE("Validation visceral - site visceral with edition 7 is an error on edition", "[validation][visceral]") {
    Case c = visceral8();
    c.edition = 7;
    CHECK(error_field(c) == "edition");
}

TEST_CASE("Validation visceral - site visceral with edition omitted (7) is an error on edition",
          "[validation][visceral]") {
    Case c = visceral8();
    c.edition = std::nullopt;
    CHECK(error_field(c) == "edition");
}

TEST_CASE("Validation visceral - the edition error says 8", "[validation][visceral]") {
    Case c = visceral8();
    c.edition = 7;
    const std::string message = error_message(c);
    INFO("message: " << message);
    CHECK(mentions(message, "8"));
}

TEST_CASE("Validation visceral - foci 0 is an error on foci", "[validation][visceral]") {
    Case c = visceral8();
    c.foci = 0;
    CHECK(error_field(c) == "foci");
}

TEST_CASE("Validation visceral - negative foci is an error on foci", "[validation][visceral]") {
    Case c = visceral8();
    c.foci = -3;
    CHECK(error_field(c) == "foci");
}

TEST_CASE("Validation visceral - foci 1 is valid", "[validation][visceral]") {
    Case c = visceral8();
    c.foci = 1;
    CHECK(error_field(c) == "(no error)");
}

TEST_CASE("Validation visceral - foci 0 is an error for site gi with histology lms too", "[validation][visceral]") {
    Case c = visceral8();
    c.site = Site::gi;
    c.histology = Histology::lms;
    c.foci = 0;
    CHECK(error_field(c) == "foci");
}

TEST_CASE("Validation visceral - unifocal with no visceral_extent is an error on visceral_extent",
          "[validation][visceral]") {
    for (std::optional<long long> foci : {std::optional<long long>{}, std::optional<long long>{1}}) {
        INFO("foci " << (foci ? std::to_string(*foci) : "omitted"));
        Case c = visceral8();
        c.visceral_extent = std::nullopt;
        c.foci = foci;
        CHECK(error_field(c) == "visceral_extent");
    }
}

TEST_CASE("Validation visceral - multifocal with no visceral_extent is valid (foci decide T)", "[validation][visceral]") {
    Case c = visceral8();
    c.visceral_extent = std::nullopt;
    c.foci = 2;
    CHECK(error_field(c) == "(no error)");
}

TEST_CASE("Validation visceral - no size or grade needed", "[validation][visceral]") {
    Case c = visceral8();
    CHECK_FALSE(c.size.has_value());
    CHECK_FALSE(c.grade.has_value());
    CHECK(error_field(c) == "(no error)");
}

// ---- site gi with histology lms ------------------------------------------------------------------------

TEST_CASE("Validation gi lms - edition 7 or omitted is valid (no stage, not an error)", "[validation][gi]") {
    for (std::optional<int> edition : {std::optional<int>{}, std::optional<int>{7}}) {
        INFO("edition " << (edition ? std::to_string(*edition) : "omitted"));
        Case c;
        c.site = Site::gi;
        c.histology = Histology::lms;
        c.edition = edition;
        CHECK(error_field(c) == "(no error)");
    }
}

TEST_CASE("Validation gi lms - edition 8 is valid with visceral_extent", "[validation][gi]") {
    Case c = visceral8();
    c.site = Site::gi;
    c.histology = Histology::lms;
    CHECK(error_field(c) == "(no error)");
}
