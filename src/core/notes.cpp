// Every fixed statement a result can carry, with the public source that supports it. A statement
// without a source does not belong here (and so is never shown). `lmsstage rules` prints this table.
#include <array>

#include "core/detail.hpp"

namespace lmsstage {
namespace {

struct NoteRow {
    detail::NoteId id;
    ClinicalNote note;
};

using detail::NoteId;

constexpr NoteRow k_notes[] = {
    {NoteId::ajcc8_current_named_site,
     {"ajcc8-current",
      "the AJCC 8th edition (2017) is the current edition for soft tissue sarcoma; to stage this case by it, "
      "add --edition 8",
      "AJCC Cancer Staging Manual, 8th ed. (2017), soft tissue sarcoma chapters 40-44, in use for cases "
      "diagnosed from 1 January 2018"}},
    {NoteId::ajcc8_current_generic_site,
     {"ajcc8-current-site",
      "the AJCC 8th edition (2017) is the current edition for soft tissue sarcoma; to stage this case by it, "
      "add --edition 8 and name the site: --site extremity, trunk, retroperitoneum or head-neck",
      "AJCC Cancer Staging Manual, 8th ed. (2017), soft tissue sarcoma chapters 40-44 (staged by site), in use "
      "for cases diagnosed from 1 January 2018"}},
    {NoteId::ajcc8_nodes_unknown_n0,
     {"ajcc8-nodes-unknown",
      "nodes unknown: N0, since the AJCC 8th edition counts unknown nodal status as N0 (it has no NX for soft "
      "tissue sarcoma)",
      "AJCC Cancer Staging Manual, 8th ed. (2017), chapters 40-42 and 44, definition of regional lymph nodes "
      "(N0: no regional lymph node metastasis or unknown lymph node status); NCI PDQ Soft Tissue Sarcoma "
      "Treatment, Tables 1-3"}},
    {NoteId::gist_nodes_unknown_n0,
     {"gist-nodes-unknown", "nodes unknown: N0, since GIST staging counts unknown nodal status as N0",
      "AJCC Cancer Staging Manual, 7th ed. (2010) and 8th ed. (2017, chapter 43), gastrointestinal stromal "
      "tumor: if regional node status is unknown, use N0, not NX"}},
    {NoteId::metastasis_unknown_mx,
     {"metastasis-unknown",
      "metastasis unknown: shown as MX, a category the AJCC 7th and 8th editions no longer use (M is M0 or "
      "M1); every stage possible with M0 or M1 is listed",
      "AJCC Cancer Staging Manual, 7th ed. (2010), general rules: the MX category was eliminated"}},
    {NoteId::no_stage_group_head_neck,
     {"no-stage-group-head-neck",
      "the AJCC 8th edition has no stage grouping for head and neck sarcoma: the T category is the staging "
      "result",
      "AJCC Cancer Staging Manual, 8th ed. (2017), chapter 40, soft tissue sarcoma of the head and neck (no "
      "prognostic stage groups); NCI PDQ Soft Tissue Sarcoma Treatment, Table 1"}},
    {NoteId::no_stage_group_visceral,
     {"no-stage-group-visceral",
      "the AJCC 8th edition has no stage grouping for sarcomas of visceral organs: the T category is the "
      "staging result",
      "AJCC Cancer Staging Manual, 8th ed. (2017), chapter 42, soft tissue sarcoma of the abdomen and thoracic "
      "visceral organs (no prognostic stage groups); NCI PDQ Soft Tissue Sarcoma Treatment, Table 3"}},
    {NoteId::gi_lms_not_staged_ajcc7,
     {"gi-lms-not-staged-ajcc7",
      "the AJCC 7th edition does not stage sarcomas of hollow viscera such as the GI tract; for the AJCC 8th "
      "edition visceral T category add --edition 8 --visceral-extent confined|serosa|beyond-serosa|other-organ "
      "(or --foci N for a multifocal tumour)",
      "AJCC Cancer Staging Manual, 7th ed. (2010), soft tissue sarcoma chapter (sarcomas of hollow viscera are "
      "excluded); 8th ed. (2017), chapter 42"}},
    {NoteId::figo2009_current,
     {"figo2009-current",
      "FIGO 2009 remains the current staging of uterine sarcomas (the FIGO 2023 revision covers endometrial "
      "carcinoma and carcinosarcoma only); the AJCC 8th edition, chapter 54 (corpus uteri sarcoma), uses the "
      "same stages",
      "Prat J, FIGO staging for uterine sarcomas, Int J Gynaecol Obstet 2009;104:177-178; Berek JS et al., "
      "FIGO staging of endometrial cancer: 2023, Int J Gynaecol Obstet 2023;162:383-394; AJCC Cancer Staging "
      "Manual, 8th ed. (2017), chapter 54"}},
    {NoteId::ess_staging_sources,
     {"ess-staging",
      "endometrial stromal sarcoma is staged here like leiomyosarcoma (stage I by size), as in the AJCC 7th and "
      "8th editions (corpus uteri sarcoma) and SEER's Corpus Sarcoma schema; the FIGO 2009 publication itself "
      "groups it with adenosarcoma (stage I by myometrial invasion)",
      "AJCC Cancer Staging Manual, 8th ed. (2017), chapter 54 (leiomyosarcoma and endometrial stromal sarcoma); "
      "NCI PDQ Uterine Sarcoma Treatment, Table 1; Prat J, Int J Gynaecol Obstet 2009;104:177-178"}},
    {NoteId::figo_iva_wall_only,
     {"figo-iva-wall",
      "FIGO IVA counts as distant for the summary stage; it is regional when only the bladder or rectal wall, "
      "not the mucosa, is involved",
      "SEER Summary Stage 2018 manual (NCI SEER), corpus sarcoma"}},
    {NoteId::stage_iv_summary_regional,
     {"stage-iv-regional",
      "stage IV with summary stage regional: the AJCC stage groups regional node metastasis (N1) with distant "
      "disease, while SEER Summary Stage counts it as regional; the survival row follows the summary stage",
      "AJCC Cancer Staging Manual, 7th ed. (2010), gastrointestinal stromal tumor, and 8th ed. (2017), chapters "
      "41 and 43 (N1 M0 is stage IV); SEER Summary Stage 2018 manual (regional lymph nodes are regional)"}},
    {NoteId::gist_adjacent_organ_ss2000,
     {"gist-adjacent-organ",
      "the GIST survival figures come from patients staged mostly under SEER Summary Stage 2000, in which "
      "extension to some adjacent organs (such as the liver, pancreas, spleen, diaphragm or small intestine) was "
      "regional and to others (aorta, coeliac axis, abdominal wall, adrenal gland, kidney, retroperitoneum) "
      "distant; Summary Stage 2018, used here, codes extension to any adjacent organ as distant",
      "Collaborative Stage 02.05.50, GIST stomach table extension_bfc, Summary Stage 2000 column: code 610 "
      "regional, codes 650 and 700 distant; SEER EOD 3.3 GIST table extension_bfh, code 700 (extension to "
      "organs/structures): distant in Summary Stage 2018; American Cancer Society, Survival rates for "
      "gastrointestinal stromal tumors (diagnosed 2012-2018)"}},
    {NoteId::gist_risk_metastatic,
     {"gist-risk-metastatic",
      "no risk of progression is given: the AFIP table and the modified NIH criteria describe resected primary "
      "GIST without metastasis, and this GIST has regional node or distant metastasis (N1 or M1)",
      "Miettinen M, Lasota J. Gastrointestinal stromal tumors: pathology and prognosis at different sites. "
      "Semin Diagn Pathol 2006;23:70-83 (primary tumours followed up after resection); Joensuu H. Risk "
      "stratification of patients diagnosed with gastrointestinal stromal tumor. Hum Pathol 2008;39:1411-9 "
      "(risk of recurrence after resection of a primary GIST); NCI PDQ Gastrointestinal Stromal Tumors Treatment "
      "(health professional): risk stratification of localized, resected GIST"}},
    {NoteId::no_table_retroperitoneum,
     {"no-table-retroperitoneum",
      "no survival table fits: the soft tissue sarcoma figures (SEER site recode Soft Tissue including Heart: "
      "C38.0, C47, C49) leave out the retroperitoneum (C48.0) and the peritoneum, omentum and mesentery "
      "(C48.1, C48.2, C48.8)",
      "NCI SEER site recode ICD-O-3/WHO 2008 definition: Soft Tissue including Heart; Retroperitoneum (C48.0) "
      "and Peritoneum, Omentum and Mesentery (C48.1, C48.2, C48.8) are recodes of their own"}},
    {NoteId::no_table_visceral,
     {"no-table-visceral",
      "no survival table fits: the soft tissue sarcoma figures (SEER site recode Soft Tissue including Heart: "
      "C38.0, C47, C49) leave out visceral organs and the GI tract",
      "NCI SEER site recode ICD-O-3/WHO 2008 definition, Soft Tissue including Heart"}},
    {NoteId::no_table_ess,
     {"no-table-ess",
      "no survival table fits: the uterine figures lmsstage carries are for leiomyosarcoma and do not describe "
      "endometrial stromal sarcoma",
      "American Cancer Society, Uterine sarcoma survival rates (figures given for uterine leiomyosarcoma)"}},
    {NoteId::no_table_adenosarcoma,
     {"no-table-adenosarcoma",
      "no survival table fits: the uterine figures lmsstage carries are for leiomyosarcoma and do not describe "
      "adenosarcoma",
      "American Cancer Society, Uterine sarcoma survival rates (figures given for uterine leiomyosarcoma)"}},
    {NoteId::no_table_uterine_other,
     {"no-table-uterine-other",
      "no survival table fits: the uterine figures lmsstage carries are for leiomyosarcoma and do not describe "
      "the other uterine sarcomas FIGO 2009 stages with it (sarcoma NOS, rhabdomyosarcoma, stromal sarcoma NOS)",
      "American Cancer Society, Uterine sarcoma survival rates (figures given for uterine leiomyosarcoma)"}},
    {NoteId::no_table_head_neck_organ,
     {"no-table-head-neck-organ",
      "no survival table fits: the soft tissue sarcoma figures (SEER site recode Soft Tissue including Heart: "
      "C38.0, C47, C49) leave out sarcomas of the organs of the head and neck (larynx, salivary glands, "
      "cervical oesophagus and the others the AJCC 8th edition head and neck chapter stages)",
      "NCI SEER site recode ICD-O-3/WHO 2008 definition, Soft Tissue including Heart"}},
    {NoteId::no_table_mediastinum,
     {"no-table-mediastinum",
      "no survival table fits: the soft tissue sarcoma figures (SEER site recode Soft Tissue including Heart: "
      "C38.0, C47, C49) leave out sarcomas of the mediastinum (C38.1-C38.3, C38.8), which SEER counts with the "
      "trachea and other respiratory organs",
      "NCI SEER site recode ICD-O-3/WHO 2008 definition: Soft Tissue including Heart (C38.0, C47.0-C47.9, "
      "C49.0-C49.9); Trachea, Mediastinum and Other Respiratory Organs (C33.9, C38.1-C38.3, C38.8, "
      "C39.0-C39.9)"}},
    {NoteId::uicc9_nodes_unknown_nx,
     {"uicc9-nodes-unknown",
      "nodes unknown: NX, which UICC TNM says could be considered N0 since regional node involvement is rare; "
      "staged as N0",
      "UICC TNM Classification of Malignant Tumours, 9th ed. (2025), gastrointestinal stromal tumour, pp. "
      "129-132, note to NX (NHS England NDRS, Cancer staging guidance sheets, TNM 9th edition: gastrointestinal "
      "stromal tumours); UICC TNM 8th ed. (2017), soft tissues, regional lymph nodes: the same note"}},
    {NoteId::uicc9_n1_iiib,
     {"uicc9-n1-iiib",
      "N1 M0 is stage IIIB under UICC TNM 9 for extremity and superficial trunk; the AJCC 8th edition makes it "
      "stage IV",
      "NHS England NDRS, Cancer staging guidance sheets, TNM 9th edition: soft tissues (UICC TNM 9 pp. "
      "126-128), stage groupings and their footnote; AJCC Cancer Staging Manual, 8th ed. (2017), chapter 41 "
      "(NCI PDQ Soft Tissue Sarcoma Treatment, Table 2)"}},
};

constexpr std::array<ClinicalNote, std::size(k_notes)> k_public = [] {
    std::array<ClinicalNote, std::size(k_notes)> out{};
    for (std::size_t i = 0; i < std::size(k_notes); ++i) {
        out[i] = k_notes[i].note;
    }
    return out;
}();

// Each row's position is its id, so the lookup is an index (checked at compile time).
constexpr bool ids_in_order() {
    for (std::size_t i = 0; i < std::size(k_notes); ++i) {
        if (static_cast<std::size_t>(k_notes[i].id) != i) {
            return false;
        }
    }
    return true;
}
static_assert(ids_in_order(), "k_notes rows must follow the NoteId order");

}  // namespace

std::span<const ClinicalNote> clinical_notes() noexcept { return k_public; }

namespace detail {

void add_note(Result& result, NoteId id) {
    if (!result.notes.recording()) {
        return;
    }
    result.notes.push_back(k_notes[static_cast<std::size_t>(id)].note.text);
}

}  // namespace detail
}  // namespace lmsstage
