// Notes carry sources or go (docs/rules.md §7): every fixed statement a result can carry is in the
// catalogue (lmsstage::clinical_notes()) with its public source, and no result carries another.
// The notes of each rule are tested with the rule (test_ajcc7_sts, test_figo2009, test_summary_survival,
// test_unknowns, ...).
#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core_test_support.hpp"

using namespace lmsstage;
using namespace lmsstage_core_test;

TEST_CASE("Notes - every catalogued note has an id, a text and a public source", "[notes]") {
    std::set<std::string_view> ids;
    for (const ClinicalNote& note : clinical_notes()) {
        INFO("note " << note.id);
        CHECK_FALSE(note.text.empty());
        CHECK_FALSE(note.source.empty());
        CHECK(ids.insert(note.id).second);
    }
    CHECK(ids.size() == 19);
}

TEST_CASE("Notes - no recurrence figure or metastatic-site claim without a primary source", "[notes]") {
    for (const ClinicalNote& note : clinical_notes()) {
        INFO("note " << note.id);
        CHECK(note.text.find("recur") == std::string_view::npos);
        CHECK(note.text.find("lung and liver") == std::string_view::npos);
    }
}

TEST_CASE("Notes - every note a result carries is catalogued or derived from the rule tables", "[notes]") {
    // Derived notes name the stage or summary stage an unknown leaves open, or an input not needed.
    const std::array<std::string_view, 3> derived = {"stage undetermined (", "summary stage undetermined (",
                                                     " was not given and is not needed: "};
    std::vector<Case> cases;
    const std::array<Finding, 3> findings = {Finding::absent, Finding::present, Finding::unknown};
    for_each_combination(
        [&](Site site, int edition, Finding nodes, Finding m) {
            Case c;
            c.site = site;
            c.edition = edition;
            c.size = site == Site::uterus ? size_unknown() : size_cm(7.0);
            c.grade = Grade::g2;
            c.nodes = nodes;
            c.metastasis = m;
            c.extension = Extension::unknown;
            if (site == Site::gi) {
                c.histology = edition == 7 ? Histology::gist : Histology::lms;
                c.gi_site = GiSite::stomach;
                c.mitotic_rate = rate_unknown();
            }
            c.visceral_extent = VisceralExtent::serosa;
            c.adjoining_invasion = AdjoiningInvasion::unknown;
            cases.push_back(c);
        },
        k_all_sites, std::array<int, 2>{7, 8}, findings, findings);
    int notes_seen = 0;
    for (const Case& c : cases) {
        const Outcome outcome = stage(c);
        const auto* r = std::get_if<Result>(&outcome);
        if (r == nullptr) {
            continue;
        }
        for (const std::string& note : r->notes) {
            ++notes_seen;
            bool known = false;
            for (const ClinicalNote& catalogued : clinical_notes()) {
                known = known || note == catalogued.text;
            }
            for (std::string_view d : derived) {
                known = known || note.find(d) != std::string::npos;
            }
            INFO("note: " << note);
            CHECK(known);
        }
    }
    CHECK(notes_seen > 100);
}
