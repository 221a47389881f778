#pragma once
// The web page's door: the case as the page's URL query string ("size=6&grade=3") in; the result
// JSON, the text report and the fields the case's system reads out, for the page's script. Like
// the command line it fills a Case through the field table and knows no staging rule.

#include <string>
#include <string_view>

namespace lmsstage::web {

/// Stages the case a query string describes. Keys are the field table's JSON keys, each given
/// once; values are written as on the command line, percent-encoded, with '+' for a space; a
/// yes/no field given alone ("adnexa") or as 1/0 reads as yes/no. Returns one JSON object:
///
///     {"ok": true|false,
///      "system": "ajcc7-sts" | null,        the system the site, histology and edition select
///      "fields": ["site", ...] | null,      the fields that system reads (what the form shows)
///      "error": {"field", "message"} | null,   the first error, as the command line reports it
///      "errors": [{"field", "message"}, ...],  every error: each field of the query read on its own
///      "given": {"size": "6", ...},          each field's value as read (a flag's 1 as "yes")
///      "json": "...",   the result exactly as `lmsstage --json` writes it (without the newline),
///                       or the error object `lmsstage batch` writes (without line and id)
///      "text": "...",   the text report as `lmsstage [--explain]` writes it on a terminal: the
///                       colour codes mark the headings, the case's survival row and warnings
///      "headline": "Stage III",  the report's headline without the system ("" on error)
///      "current": "AJCC 8th edition (2017, current): IIIA for ...",  or ""
///      "rows": ["localized", "regional"]}  the survival rows an undetermined stage leaves open
///                       (empty when one row, or none, is the case's)
std::string stage_query(std::string_view query, bool explain);

/// The field table as JSON, for the page to build its form from: every field with its kind,
/// accepted values ("values", the words as written), each value's name where the core has one
/// ("names", beside "values": a histology word's ICD-O-3 term, else ""), help and the systems that
/// read it; the systems; and the version, rule sets and reminder that the command line's --version
/// and report show.
std::string form_json();

}  // namespace lmsstage::web
