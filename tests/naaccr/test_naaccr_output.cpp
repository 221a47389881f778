// NAACCR-coded output: a staged case as Summary Stage 2018 (item 764), TNM Edition Number (1060),
// Derived AJCC-7 T/N/M/stage group (3400, 3410, 3420, 3430: CS codes) and Derived EOD 2018
// T/N/M/stage group (785, 815, 795, 818: SEER EOD formats), row by row.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lmsstage/fields.hpp"
#include "lmsstage/lmsstage.hpp"
#include "naaccr/naaccr.hpp"

using namespace lmsstage;
namespace nc = lmsstage::naaccr;

namespace {

using Options = std::initializer_list<std::pair<std::string_view, std::string_view>>;

Case make_case(Options options) {
    Case c;
    for (const auto& [key, text] : options) {
        const FieldInfo* spec = find_field(key);
        REQUIRE(spec != nullptr);
        REQUIRE_FALSE(read_field(c, *spec, text));
    }
    return c;
}

/// The output codes of a case, as "id=code" joined by spaces, empty codes left out.
std::string outputs(Options options) {
    const Case c = make_case(options);
    const Outcome outcome = stage(c);
    REQUIRE(std::holds_alternative<Result>(outcome));
    std::string text;
    for (const nc::OutputItem& item : nc::output_items(std::get<Result>(outcome), c)) {
        if (!item.code.empty()) {
            if (!text.empty()) {
                text += ' ';
            }
            text.append(item.id).append("=").append(item.code);
        }
    }
    return text;
}

}  // namespace

TEST_CASE("naaccr output: the item ids, in output order") {
    const std::vector<std::string_view> ids(nc::output_item_ids().begin(), nc::output_item_ids().end());
    CHECK(ids == std::vector<std::string_view>{"summaryStage2018", "tnmEditionNumber", "derivedAjcc7T", "derivedAjcc7N",
                                               "derivedAjcc7M", "derivedAjcc7StageGrp", "derivedEod2018T",
                                               "derivedEod2018N", "derivedEod2018M", "derivedEod2018StageGroup"});
}

TEST_CASE("naaccr output: AJCC 7 soft tissue in CS codes") {
    // Depth unknown: T2 is written T2 NOS (299), as CS's soft tissue stage table does.
    CHECK(outputs({{"size", "65mm"}, {"grade", "3"}, {"site", "extremity"}}) ==
          "summaryStage2018=1 tnmEditionNumber=07 derivedAjcc7T=299 derivedAjcc7N=000 derivedAjcc7M=000 "
          "derivedAjcc7StageGrp=500");
    CHECK(outputs({{"size", "65mm"}, {"grade", "3"}, {"depth", "deep"}}) ==
          "summaryStage2018=1 tnmEditionNumber=07 derivedAjcc7T=220 derivedAjcc7N=000 derivedAjcc7M=000 "
          "derivedAjcc7StageGrp=500");
    CHECK(outputs({{"size", "3"}, {"grade", "1"}, {"depth", "superficial"}}) ==
          "summaryStage2018=1 tnmEditionNumber=07 derivedAjcc7T=120 derivedAjcc7N=000 derivedAjcc7M=000 "
          "derivedAjcc7StageGrp=120");
    CHECK(outputs({{"size", "3"}, {"grade", "2"}}) ==
          "summaryStage2018=1 tnmEditionNumber=07 derivedAjcc7T=199 derivedAjcc7N=000 derivedAjcc7M=000 "
          "derivedAjcc7StageGrp=320");
    // Size unknown, G3: IIA or III, stage unknown (999); T unknown (TX = 999).
    CHECK(outputs({{"size", "unknown"}, {"grade", "3"}}) ==
          "summaryStage2018=1 tnmEditionNumber=07 derivedAjcc7T=999 derivedAjcc7N=000 derivedAjcc7M=000 "
          "derivedAjcc7StageGrp=999");
    CHECK(outputs({{"size", "6"}, {"grade", "3"}, {"nodes", "unknown"}}) ==
          "summaryStage2018=1 tnmEditionNumber=07 derivedAjcc7T=299 derivedAjcc7N=999 derivedAjcc7M=000 "
          "derivedAjcc7StageGrp=500");
}

TEST_CASE("naaccr output: Summary Stage 2018 tells nodes from direct extension") {
    CHECK(outputs({{"size", "6"}, {"grade", "3"}, {"nodes", "yes"}}).substr(0, 18) == "summaryStage2018=3");
    CHECK(outputs({{"size", "6"}, {"grade", "3"}, {"nodes", "yes"}, {"extension", "adjacent"}}).substr(0, 18) ==
          "summaryStage2018=4");
    CHECK(outputs({{"size", "6"}, {"grade", "3"}, {"extension", "adjacent"}}).substr(0, 18) == "summaryStage2018=2");
    CHECK(outputs({{"size", "6"}, {"grade", "3"}, {"extension", "adjacent-organ"}}).substr(0, 18) ==
          "summaryStage2018=2");
    CHECK(outputs({{"size", "6"}, {"grade", "3"}, {"extension", "further"}}).substr(0, 18) == "summaryStage2018=7");
    CHECK(outputs({{"size", "6"}, {"grade", "3"}, {"metastasis", "yes"}}) ==
          "summaryStage2018=7 tnmEditionNumber=07 derivedAjcc7T=299 derivedAjcc7N=000 derivedAjcc7M=100 "
          "derivedAjcc7StageGrp=700");
}

TEST_CASE("naaccr output: AJCC 8 soft tissue in SEER EOD formats") {
    CHECK(outputs({{"size", "65mm"}, {"grade", "3"}, {"site", "extremity"}, {"edition", "8"}}) ==
          "summaryStage2018=1 tnmEditionNumber=08 derivedEod2018T=T2 derivedEod2018N=N0 derivedEod2018M=M0 "
          "derivedEod2018StageGroup=3A");
    CHECK(outputs({{"size", "16"}, {"grade", "1"}, {"site", "retroperitoneum"}, {"edition", "8"}}) ==
          "summaryStage2018=1 tnmEditionNumber=08 derivedEod2018T=T4 derivedEod2018N=N0 derivedEod2018M=M0 "
          "derivedEod2018StageGroup=1B");
    // Head and neck has no AJCC 8 stage group: 88.
    CHECK(outputs({{"size", "3"}, {"grade", "2"}, {"site", "head-neck"}, {"edition", "8"}}) ==
          "summaryStage2018=1 tnmEditionNumber=08 derivedEod2018T=T2 derivedEod2018N=N0 derivedEod2018M=M0 "
          "derivedEod2018StageGroup=88");
}

// The derived T, N, M and stage group items are AJCC's (NAACCR v25 items 3400-3430, 785-818), and
// TNM Edition Number [1060] has no UICC code lmsstage can cite: a UICC TNM 9 result fills Summary
// Stage 2018 alone (docs/naaccr.md), never another edition's items. N1: regional (SS2018 code 3).
TEST_CASE("naaccr output: a UICC TNM 9 result gives the summary stage only") {
    CHECK(outputs({{"size", "6"}, {"grade", "3"}, {"site", "extremity"}, {"edition", "uicc9"}, {"nodes", "yes"}}) ==
          "summaryStage2018=3");
    CHECK(outputs({{"site", "gi"},
                   {"histology", "gist"},
                   {"gi_site", "stomach"},
                   {"size", "7"},
                   {"mitotic_rate", "3"},
                   {"edition", "uicc9"}}) == "summaryStage2018=1");
}

TEST_CASE("naaccr output: FIGO 2009 uterine sarcoma") {
    CHECK(outputs({{"site", "uterus"}, {"size", "7"}, {"adnexa", "yes"}}) ==
          "summaryStage2018=2 tnmEditionNumber=07 derivedAjcc7T=210 derivedAjcc7N=000 derivedAjcc7M=000 "
          "derivedAjcc7StageGrp=320");
    CHECK(outputs({{"site", "uterus"}, {"size", "4"}, {"nodes", "yes"}}) ==
          "summaryStage2018=3 tnmEditionNumber=07 derivedAjcc7T=120 derivedAjcc7N=100 derivedAjcc7M=000 "
          "derivedAjcc7StageGrp=540");
    CHECK(outputs({{"site", "uterus"}, {"size", "7"}, {"adnexa", "yes"}, {"nodes", "yes"}}).substr(0, 18) ==
          "summaryStage2018=4");
    CHECK(outputs({{"site", "uterus"}, {"size", "7"}, {"edition", "8"}}) ==
          "summaryStage2018=1 tnmEditionNumber=08 derivedEod2018T=T1b derivedEod2018N=N0 derivedEod2018M=M0 "
          "derivedEod2018StageGroup=1B");
    // Size and nodes unknown: stage IA, IB or IIIC, T1 NOS (199); nodes unknown count as negative
    // for the summary stage (SEER convention), so stage I stays localized (1).
    CHECK(outputs({{"site", "uterus"}, {"size", "unknown"}, {"nodes", "unknown"}}) ==
          "summaryStage2018=1 tnmEditionNumber=07 derivedAjcc7T=199 derivedAjcc7N=999 derivedAjcc7M=000 "
          "derivedAjcc7StageGrp=999");
    CHECK(outputs({{"site", "uterus"}, {"histology", "8933/3"}, {"myometrial_invasion", "60"}}) ==
          "summaryStage2018=1 tnmEditionNumber=07 derivedAjcc7T=180 derivedAjcc7N=000 derivedAjcc7M=000 "
          "derivedAjcc7StageGrp=180");
}

TEST_CASE("naaccr output: metastasis unknown (MX) leaves the summary stage and stage group unknown") {
    // M0 or M1: stage III or IV (999), summary stage localized or distant (9); MX is 999 in the
    // Derived AJCC-7 M code list, and Derived EOD 2018 M has no code for it (left blank).
    CHECK(outputs({{"size", "6"}, {"grade", "3"}, {"metastasis", "unknown"}}) ==
          "summaryStage2018=9 tnmEditionNumber=07 derivedAjcc7T=299 derivedAjcc7N=000 derivedAjcc7M=999 "
          "derivedAjcc7StageGrp=999");
    CHECK(outputs({{"size", "6"}, {"grade", "3"}, {"site", "trunk"}, {"edition", "8"}, {"metastasis", "unknown"}}) ==
          "summaryStage2018=9 tnmEditionNumber=08 derivedEod2018T=T2 derivedEod2018N=N0 derivedEod2018StageGroup=99");
}

TEST_CASE("naaccr output: GIST and GI leiomyosarcoma") {
    CHECK(
        outputs(
            {{"site", "gi"}, {"histology", "8936/3"}, {"gi_site", "stomach"}, {"size", "3"}, {"mitotic_rate", "5"}}) ==
        "summaryStage2018=1 tnmEditionNumber=07 derivedAjcc7T=200 derivedAjcc7N=000 derivedAjcc7M=000 "
        "derivedAjcc7StageGrp=120");
    CHECK(outputs({{"site", "gi"},
                   {"histology", "8936/3"},
                   {"gi_site", "small-intestine"},
                   {"size", "3"},
                   {"mitotic_rate", "6"},
                   {"edition", "8"}}) ==
          "summaryStage2018=1 tnmEditionNumber=08 derivedEod2018T=T2 derivedEod2018N=N0 derivedEod2018M=M0 "
          "derivedEod2018StageGroup=3B");
    // AJCC 7 does not stage leiomyosarcoma of the GI tract (ajcc7-gi-lms): T, N, M and stage group
    // not applicable (888); the summary stage still applies.
    CHECK(outputs({{"site", "gi"}, {"histology", "8890/3"}, {"size", "5"}}) ==
          "summaryStage2018=1 tnmEditionNumber=07 derivedAjcc7T=888 derivedAjcc7N=888 derivedAjcc7M=888 "
          "derivedAjcc7StageGrp=888");
    CHECK(outputs({{"site", "gi"}, {"histology", "8890/3"}, {"nodes", "yes"}, {"metastasis", "unknown"}}) ==
          "summaryStage2018=9 tnmEditionNumber=07 derivedAjcc7T=888 derivedAjcc7N=888 derivedAjcc7M=888 "
          "derivedAjcc7StageGrp=888");
}

TEST_CASE("naaccr output: every row of the summary stage table applies") {
    // undetermined -> 9, localized -> 1, regional: nodes only 3, extension only 2, both 4; distant -> 7.
    const std::vector<std::string> codes = {
        outputs({{"size", "6"}, {"grade", "3"}, {"metastasis", "unknown"}}).substr(17, 1),
        outputs({{"size", "6"}, {"grade", "3"}}).substr(17, 1),
        outputs({{"size", "6"}, {"grade", "3"}, {"extension", "adjacent"}}).substr(17, 1),
        outputs({{"size", "6"}, {"grade", "3"}, {"nodes", "yes"}}).substr(17, 1),
        outputs({{"size", "6"}, {"grade", "3"}, {"nodes", "yes"}, {"extension", "adjacent"}}).substr(17, 1),
        outputs({{"size", "6"}, {"grade", "3"}, {"metastasis", "yes"}}).substr(17, 1),
    };
    CHECK(codes == std::vector<std::string>{"9", "1", "2", "3", "4", "7"});
}

TEST_CASE("naaccr output: every result of every system has its codes") {
    // A grid over every system's inputs, unknowns included: output_items throws for a category or
    // stage that data/naaccr/tnm_output.csv does not list.
    using Fields = std::vector<std::pair<std::string_view, std::string_view>>;
    const std::vector<Fields> systems = {
        {{"site", "extremity"}},
        {{"site", "retroperitoneum"}},
        {{"site", "extremity"}, {"edition", "8"}},
        {{"site", "retroperitoneum"}, {"edition", "8"}},
        {{"site", "head-neck"}, {"edition", "8"}, {"adjoining_invasion", "unknown"}},
        {{"site", "visceral"}, {"edition", "8"}, {"visceral_extent", "unknown"}},
        {{"site", "visceral"}, {"edition", "8"}, {"visceral_extent", "beyond-serosa"}},
        {{"site", "uterus"}, {"adnexa", "unknown"}},
        {{"site", "uterus"}, {"histology", "8933/3"}, {"myometrial_invasion", "unknown"}},
        {{"site", "gi"}, {"histology", "8936/3"}, {"gi_site", "stomach"}, {"mitotic_rate", "unknown"}},
        {{"site", "gi"}, {"histology", "8936/3"}, {"gi_site", "colorectum"}, {"mitotic_rate", "8"}, {"edition", "8"}},
        {{"site", "gi"}, {"histology", "8890/3"}},
    };
    int staged = 0;
    for (const Fields& system : systems) {
        for (const std::string_view size : {"1", "4.5", "7", "12", "20", "unknown"}) {
            for (const std::string_view nodes : {"no", "yes", "unknown"}) {
                for (const std::string_view metastasis : {"no", "yes", "unknown"}) {
                    Case c;
                    Fields fields = system;
                    fields.insert(fields.end(),
                                  {{"size", size}, {"grade", "3"}, {"nodes", nodes}, {"metastasis", metastasis}});
                    for (const auto& [key, text] : fields) {
                        REQUIRE_FALSE(read_field(c, *find_field(key), text));
                    }
                    Result result;
                    if (stage(c, result)) {
                        continue;
                    }
                    INFO(result.system.id << " " << result.categories.t << " " << result.categories.n << " "
                                          << result.categories.m);
                    CHECK_NOTHROW(nc::output_items(result, c));
                    ++staged;
                }
            }
        }
    }
    CHECK(staged > 500);
}
