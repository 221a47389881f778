// The staging basis (--basis clinical|pathological|post-therapy): the prefixes it gives the
// categories, the words it accepts, and the NAACCR items it is taken from.
//
// Sources: AJCC Cancer Staging Manual, 8th ed. (2017), chapter 1, Principles of Cancer Staging:
// clinical (c), pathological (p) and post-therapy pathological (yp) classifications; pM0 is not a
// valid category, so a pathological stage uses cM0 (and cM1, or pM1 when the metastasis is
// confirmed microscopically). The same three M codes are all that the registry's pathological M item
// offers (NAACCR v25 item 1013, AJCC TNM Path M: cM0, cM1, pM1; SEER*RSA "Pathologic M"), and
// mCODE's pathological example (HL7 fhir-mCODE-ig, input/fsh/EX_ExtendedExample.fsh) notes "pM0 is
// not valid".
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lmsstage/fields.hpp"
#include "lmsstage/lmsstage.hpp"
#include "naaccr/naaccr.hpp"
#include "support/naaccr_test_support.hpp"

using namespace lmsstage;
using namespace naaccr_test;
namespace nc = lmsstage::naaccr;

TEST_CASE("basis: every basis gives its prefix to T and N and cM to M (pM0 does not exist)", "[basis]") {
    struct Row {
        Basis basis;
        std::string_view t, n, m;
    };
    // The whole input space: three bases by three axes.
    const Row rows[] = {
        {Basis::clinical, "c", "c", "c"},
        {Basis::pathological, "p", "p", "c"},
        {Basis::post_therapy, "yp", "yp", "c"},
    };
    for (const Row& row : rows) {
        INFO(name(row.basis));
        CHECK(category_prefix(row.basis, 'T') == row.t);
        CHECK(category_prefix(row.basis, 'N') == row.n);
        CHECK(category_prefix(row.basis, 'M') == row.m);
        CHECK(category_prefix(row.basis, 'G').empty());  // grade takes no prefix
    }
    CHECK(k_all_bases.size() == std::size(rows));
}

TEST_CASE("basis: categories written under a basis (not stated and MX keep no prefix)", "[basis]") {
    CHECK(prefixed_category(Basis::pathological, 'T', "T2") == "pT2");
    CHECK(prefixed_category(Basis::pathological, 'N', "N0") == "pN0");
    CHECK(prefixed_category(Basis::pathological, 'M', "M0") == "cM0");
    CHECK(prefixed_category(Basis::pathological, 'M', "M1") == "cM1");
    CHECK(prefixed_category(Basis::clinical, 'T', "T2b") == "cT2b");
    CHECK(prefixed_category(Basis::clinical, 'N', "NX") == "cNX");
    CHECK(prefixed_category(Basis::post_therapy, 'T', "T1") == "ypT1");
    CHECK(prefixed_category(Basis::post_therapy, 'N', "N1") == "ypN1");
    CHECK(prefixed_category(Basis::post_therapy, 'M', "M0") == "cM0");
    // MX is lmsstage's word for "M0 or M1", no AJCC category: it takes no prefix.
    for (const Basis b : k_all_bases) {
        CHECK(prefixed_category(b, 'M', "MX") == "MX");
        CHECK(prefixed_category(b, 'T', "").empty());  // a category the system does not give stays empty
    }
    CHECK(prefixed_category(std::nullopt, 'T', "T2") == "T2");
    CHECK(prefixed_category(std::nullopt, 'M', "M0") == "M0");
}

TEST_CASE("basis: the field reads its three words and the usual abbreviations", "[basis]") {
    const FieldInfo& f = field_info(Field::basis);
    CHECK(f.key == "basis");
    CHECK(f.option == "--basis");
    const std::vector<std::pair<std::string_view, Basis>> words = {
        {"clinical", Basis::clinical},
        {"c", Basis::clinical},
        {"pathological", Basis::pathological},
        {"Pathologic", Basis::pathological},
        {"p", Basis::pathological},
        {"post-therapy", Basis::post_therapy},
        {"post therapy", Basis::post_therapy},
        {"yp", Basis::post_therapy},
        {"post_therapy", Basis::post_therapy},
        {"post-neoadjuvant", Basis::post_therapy},
    };
    for (const auto& [word, basis] : words) {
        INFO(word);
        Case c;
        REQUIRE_FALSE(read_field(c, f, word));
        CHECK(c.basis == basis);
        CHECK(c.has(Field::basis));
    }
}

TEST_CASE("basis: a bad value names the field and the three values to type", "[basis]") {
    Case c;
    const auto error = read_field(c, field_info(Field::basis), "surgical");
    REQUIRE(error);
    CHECK(error->field == Field::basis);
    const std::string message = error->message();
    CHECK(message.find("basis") == 0);
    CHECK(message.find("clinical, pathological or post-therapy") != std::string::npos);
    CHECK(message.find("surgical") != std::string::npos);
}

TEST_CASE("basis: it is read by every system and changes no stage (the result carries it)", "[basis]") {
    Case plain;
    plain.size = Measured<Length>::of(Length{6.0});
    plain.grade = Grade::g3;
    const Outcome without = stage(plain);
    REQUIRE(std::holds_alternative<Result>(without));
    CHECK_FALSE(std::get<Result>(without).basis);
    for (const Basis b : k_all_bases) {
        Case c = plain;
        c.basis = b;
        const Outcome with = stage(c);
        REQUIRE(std::holds_alternative<Result>(with));
        const Result& r = std::get<Result>(with);
        CHECK(r.basis == b);
        CHECK(r.stage == std::get<Result>(without).stage);
        CHECK(r.categories.t == "T2");  // categories stay bare: the prefix is the renderers'
        CHECK(r.warnings.empty());      // no "basis was given but is not used"
    }
    // A GIST and a uterine case read it too.
    Case gist;
    gist.site = Site::gi;
    gist.histology = HistologyType(Histology::gist);
    gist.gi_site = GiSite::stomach;
    gist.size = Measured<Length>::of(Length{7.0});
    gist.mitotic_rate = Measured<MitoticRate>::of(3.0);
    gist.basis = Basis::pathological;
    const Outcome g = stage(gist);
    REQUIRE(std::holds_alternative<Result>(g));
    CHECK(std::get<Result>(g).warnings.empty());
    Case uterus;
    uterus.site = Site::uterus;
    uterus.size = Measured<Length>::of(Length{7.0});
    uterus.basis = Basis::clinical;
    const Outcome u = stage(uterus);
    REQUIRE(std::holds_alternative<Result>(u));
    CHECK(std::get<Result>(u).warnings.empty());
}

// NAACCR v25: items 1001-1003 AJCC TNM Clin T/N/M, 1011-1013 AJCC TNM Path T/N/M, 1021-1023 AJCC TNM
// Post Therapy Path (yp) T/N/M; for earlier records items 940-960 TNM Clin T/N/M and 880-900 TNM
// Path T/N/M. Code 88 is "not applicable" in each. lmsstage reads which are coded, not their codes.
TEST_CASE("basis: a NAACCR record's TNM items give the basis (the latest classification first)", "[basis][naaccr]") {
    const auto basis_of = [](Items items) -> std::optional<std::string> {
        const nc::Mapped m = mapped(items);
        if (const auto basis = m.field("basis")) {
            return std::string(*basis);  // a copy: the view is into `m`
        }
        return std::nullopt;
    };
    CHECK_FALSE(basis_of({{"tumorSizeSummary", "065"}, {"gradePathological", "3"}}));
    CHECK(basis_of({{"ajccTnmClinT", "cT2"}}) == "clinical");
    CHECK(basis_of({{"ajccTnmClinM", "cM0"}}) == "clinical");
    CHECK(basis_of({{"ajccTnmPathN", "pN0"}}) == "pathological");
    CHECK(basis_of({{"ajccTnmClinT", "cT2"}, {"ajccTnmPathT", "pT2"}}) == "pathological");
    CHECK(basis_of({{"ajccTnmPathT", "pT2"}, {"ajccTnmPostTherapyT", "ypT1"}}) == "post-therapy");
    CHECK(basis_of({{"ajccTnmPostTherapyM", "cM0"}}) == "post-therapy");
    CHECK(basis_of({{"tnmPathT", "p2"}}) == "pathological");
    CHECK(basis_of({{"tnmClinN", "c0"}}) == "clinical");
    CHECK(basis_of({{"tnmClinT", "c2"}, {"tnmPathT", "p2"}}) == "pathological");
    // 88, not applicable, is no classification; blank is not given.
    CHECK_FALSE(basis_of({{"ajccTnmPathT", "88"}, {"ajccTnmPathN", "88"}, {"ajccTnmPathM", "88"}}));
    CHECK(basis_of({{"ajccTnmPathT", "88"}, {"ajccTnmClinT", "cT2"}}) == "clinical");
    CHECK_FALSE(basis_of({{"ajccTnmPathT", ""}}));
}

TEST_CASE("basis: the NAACCR basis reaches the result with a note naming the item", "[basis][naaccr]") {
    const nc::Mapped m = mapped({{"tumorSizeSummary", "065"}, {"gradePathological", "3"}, {"ajccTnmPathT", "pT2"}});
    bool noted = false;
    for (const std::string& note : m.notes) {
        noted = noted || note.find("ajccTnmPathT [1011] pT2") == 0;
    }
    CHECK(noted);
    Case c;
    REQUIRE_FALSE(nc::apply(m, c));
    CHECK(c.basis == Basis::pathological);
}
