#!/usr/bin/env bash
# What a run loads (glibc's loader, LD_DEBUG=files): a case from flags loads neither simdjson's nor
# Expat's shared library nor the C++ runtime (libstdc++ is linked in, simdjson's library is loaded
# on the first JSON record that is not flat printable ASCII, Expat's when NAACCR XML is first
# read); such a record loads simdjson's library and is staged, a flat one does not load it;
# NAACCR XML input loads Expat's and is read.
# Usage: loaded_libraries.sh PROGRAM
set -u
program=$1
status=0
one_case=$(LD_DEBUG=files "$program" --size 6 --grade 3 2>&1 >/dev/null)
if grep -q 'file=libsimdjson' <<<"$one_case"; then
  echo "a case from flags loaded simdjson's library:"; grep 'file=' <<<"$one_case"; status=1
fi
if grep -q 'file=libstdc++' <<<"$one_case"; then
  echo "a case from flags loaded libstdc++:"; grep 'file=' <<<"$one_case"; status=1
fi
if grep -q 'file=libexpat' <<<"$one_case"; then
  echo "a case from flags loaded Expat's library:"; grep 'file=' <<<"$one_case"; status=1
fi
# A flat record of printable ASCII is read without simdjson (doors/flat_json.hpp); a record with
# an escape is read by simdjson, whose library is then loaded.
out=$(printf '{"id":1,"size":6,"grade":3}\n' | LD_DEBUG=files "$program" batch 2>"${TMPDIR:-/tmp}/loaded_libraries.$$")
loaded=$(cat "${TMPDIR:-/tmp}/loaded_libraries.$$"); rm -f "${TMPDIR:-/tmp}/loaded_libraries.$$"
if grep -q 'file=libsimdjson' <<<"$loaded"; then
  echo "a flat JSON record loaded simdjson's library:"; grep 'file=' <<<"$loaded"; status=1
fi
# AJCC 7th edition soft tissue sarcoma, 6 cm (T2), grade 3, N0 M0: stage III (as cli.stage_iii_text).
if ! grep -q '"stage":"III"' <<<"$out"; then
  echo "the JSON batch did not stage the case: $out"; status=1
fi
out=$(printf '{"id":"a\\u0062","size":6,"grade":3}\n' | LD_DEBUG=files "$program" batch 2>"${TMPDIR:-/tmp}/loaded_libraries.$$")
loaded=$(cat "${TMPDIR:-/tmp}/loaded_libraries.$$"); rm -f "${TMPDIR:-/tmp}/loaded_libraries.$$"
if ! grep -q 'file=libsimdjson.so.* dynamically loaded' <<<"$loaded"; then
  echo "a JSON record with an escape did not load simdjson's library:"; grep 'file=' <<<"$loaded"; status=1
fi
if ! grep -q '"id":"a\\u0062".*"stage":"III"' <<<"$out"; then
  echo "the JSON record with an escape was not staged: $out"; status=1
fi
# A NAACCR XML Tumor without its behaviour code: read by Expat, then refused naming the item.
xml='<?xml version="1.0" encoding="UTF-8"?>
<NaaccrData baseDictionaryUri="http://naaccr.org/naaccrxml/naaccr-dictionary-230.xml" recordType="I"
 specificationVersion="1.6" xmlns="http://naaccr.org/naaccrxml">
<Patient><Tumor><Item naaccrId="primarySite">C492</Item></Tumor></Patient>
</NaaccrData>'
out=$(LD_DEBUG=files "$program" batch --from naaccr-xml <<<"$xml" 2>"${TMPDIR:-/tmp}/loaded_libraries.$$")
loaded=$(cat "${TMPDIR:-/tmp}/loaded_libraries.$$"); rm -f "${TMPDIR:-/tmp}/loaded_libraries.$$"
if ! grep -q 'file=libexpat.so.* dynamically loaded' <<<"$loaded"; then
  echo "a NAACCR XML batch did not load Expat's library:"; grep 'file=' <<<"$loaded"; status=1
fi
if ! grep -q '"field":"behaviorCodeIcdO3"' <<<"$out"; then
  echo "the NAACCR XML batch did not read the Tumor: $out"; status=1
fi
exit "$status"
