#pragma once
// A staged case as FHIR R4 resources profiled by mCODE STU4 (HL7 FHIR Implementation Guide:
// minimal Common Oncology Data Elements, version 4.0.0, CC0; canonical http://hl7.org/fhir/us/mcode):
// one Bundle of type "collection" per record, written as one line of JSON (NDJSON for a batch).
//
// The Bundle holds a Patient and a Condition placeholder (lmsstage knows neither the patient nor
// the diagnosis beyond the record's id), and:
//  - an AJCC system: a TNM stage group Observation (mcode-tnm-stage-group; code SNOMED CT
//    399390009 "TNM stage grouping", as the stage is derived; method AJCC 7 443830009 or AJCC 8
//    897275008; value the AJCC stage, in http://cancerstaging.org) whose hasMember are T, N and M
//    category Observations (mcode-tnm-primary-tumor-category, -regional-nodes-, -distant-metastases-);
//  - a FIGO system: a FIGO stage Observation (mcode-gynecologic-tumor-figo-stage, a
//    mcode-cancer-stage; code 385361009, method 254383006, value the NCIt FIGO stage), with the T, N
//    and M category members of AJCC 8 chapter 54;
//  - a system that gives a T category only: the category Observations alone;
//  - a size: a tumour size Observation (mcode-tumor-size) on a Specimen placeholder, as the
//    profile asks for a focus or a specimen.
// An undetermined stage has no value but a dataAbsentReason, and its possible stages in a note; the
// assumptions and the staging system go into the stage Observation's notes.

#include <string>
#include <string_view>

#include "doors/records.hpp"
#include "lmsstage/case.hpp"
#include "lmsstage/result.hpp"

namespace lmsstage::doors {

/// The canonical URL of an mCODE STU4 profile: "http://hl7.org/fhir/us/mcode/StructureDefinition/" + id.
std::string mcode_profile(std::string_view id);

/// The NCIt code of a FIGO stage (mCODE STU4 FIGOStageValueVS): "C96248" for IB.
std::string_view figo_stage_code(Stage stage);

/// Appends the Bundle of one staged case (no trailing newline). `id_text` is the record's id (empty:
/// none); the resources' UUIDs are derived from it, or from `place` when there is none, so that the
/// same input gives the same output.
void append_fhir_bundle(std::string& out, const Result& result, const Case& input, std::string_view id_text,
                        RecordPlace place = {});

/// Appends an OperationOutcome for a record that could not be staged (no trailing newline).
void append_fhir_outcome(std::string& out, std::string_view field, std::string_view message, std::string_view id_text,
                         RecordPlace place = {});

}  // namespace lmsstage::doors
