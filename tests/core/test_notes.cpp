// Notes carry sources or go (docs/rules.md §7): every fixed statement a result can carry is in the
// catalogue (lmsstage::clinical_notes()) with its public source, and no result carries another.
// The notes of each rule are tested with the rule (test_ajcc7_sts, test_figo2009, test_summary_survival,
// test_unknowns, ...).
#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "support/core_test_support.hpp"

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
    CHECK(ids.size() == 23);
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

namespace {

const ClinicalNote& note_by_id(std::string_view id) {
    for (const ClinicalNote& note : clinical_notes()) {
        if (note.id == id) {
            return note;
        }
    }
    FAIL("no note " << id);
    return clinical_notes().front();
}

}  // namespace

TEST_CASE("Notes - an undetermined summary stage names only the unknowns of its own system", "[notes]") {
    // The visceral extent is a finding of sarcomas of visceral organs (AJCC 8th ed. chapter 42) only.
    Case soft = soft_tissue_case(6.0, Grade::g3);
    soft.metastasis = Finding::unknown;
    const Result r = staged(soft);
    CHECK(any_contains(r.notes, "summary stage undetermined (metastasis unknown): localized or distant"));
    CHECK_FALSE(any_contains(r.notes, "visceral extent"));

    Case gist = gist_case(GiSite::stomach, size_cm(3.0), rate_of(2.0), 7);
    gist.metastasis = Finding::unknown;
    CHECK_FALSE(any_contains(staged(gist).notes, "visceral extent"));

    // FIGO 2009 IVA: invasion of the bladder or rectal mucosa (Prat J, Int J Gynaecol Obstet 2009).
    Case uterus = uterine_case(6.0);
    uterus.bladder_rectum = Finding::unknown;
    const Result u = staged(uterus);
    CHECK(any_contains(u.notes, "stage undetermined (bladder or rectum unknown): one of IB, IVA"));
    CHECK(any_contains(u.notes, "summary stage undetermined (bladder or rectum unknown): localized or distant"));
    CHECK_FALSE(any_contains(u.notes, "visceral extent"));
}

TEST_CASE("Notes - the retroperitoneum note names every C48 site it is given for", "[notes]") {
    // NCI SEER site recode ICD-O-3/WHO 2008: Soft Tissue including Heart is C38.0, C47, C49;
    // Retroperitoneum (C48.0) and Peritoneum, Omentum and Mesentery (C48.1, C48.2, C48.8) are not in it.
    const ClinicalNote& note = note_by_id("no-table-retroperitoneum");
    CHECK(note.text.find("C48.0") != std::string_view::npos);
    CHECK(note.text.find("C48.1, C48.2, C48.8") != std::string_view::npos);
}

TEST_CASE("Notes - the stage IV regional note cites the 7th edition GIST chapter too", "[notes]") {
    // AJCC 7th ed. (2010) GIST: N1 M0 is stage IV, as in the 8th edition chapters 41 and 43.
    const ClinicalNote& note = note_by_id("stage-iv-regional");
    CHECK(note.source.find("7th ed. (2010), gastrointestinal stromal tumor") != std::string_view::npos);
    Case gist = gist_case(GiSite::stomach, size_cm(3.0), rate_of(2.0), 7);
    gist.nodes = Finding::present;
    CHECK(any_contains(staged(gist).notes, note.text));
}

TEST_CASE("Notes - the GIST adjacent-organ note says which organs Summary Stage 2000 made regional", "[notes]") {
    // Collaborative Stage 02.05.50, GIST stomach table extension_bfc, Summary Stage 2000 column:
    // code 610 (diaphragm, duodenum, liver, pancreas, spleen, ...) RE; 650 (aorta, coeliac axis) and
    // 700 (abdominal wall, adrenal, kidney, retroperitoneum) D.
    const ClinicalNote& note = note_by_id("gist-adjacent-organ");
    CHECK(note.text.find("extension to an adjacent organ was regional") == std::string_view::npos);
    CHECK(note.text.find("aorta") != std::string_view::npos);
    CHECK(note.text.find("distant") != std::string_view::npos);
    CHECK(note.source.find("extension_bfc") != std::string_view::npos);
}

TEST_CASE("Rule sets - GIST stage groups are cited to the PDQ GIST summary", "[notes]") {
    // NCI PDQ Soft Tissue Sarcoma Treatment does not give the GIST stage groups (its Table 7 is a
    // trunk, extremity and retroperitoneum table); NCI PDQ Gastrointestinal Stromal Tumors
    // Treatment (health professional), Stage Information, does.
    for (const RuleSet* rules : {&ajcc7_gist_gastric_rules(), &ajcc7_gist_intestinal_rules(),
                                 &ajcc8_gist_gastric_rules(), &ajcc8_gist_intestinal_rules()}) {
        INFO(rules->system.name);
        CHECK(rules->source.find("Soft Tissue Sarcoma Treatment") == std::string_view::npos);
        CHECK(rules->source.find("Gastrointestinal Stromal Tumors Treatment") != std::string_view::npos);
    }
}
