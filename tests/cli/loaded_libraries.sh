#!/usr/bin/env bash
# What a run loads (glibc's loader, LD_DEBUG=files): a case from flags loads neither simdjson's
# shared library nor the C++ runtime (libstdc++ is linked in, simdjson's library is loaded on the
# first JSON record); a batch of JSON records loads simdjson's library and stages as before.
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
out=$(printf '{"id":1,"size":6,"grade":3}\n' | LD_DEBUG=files "$program" batch 2>"${TMPDIR:-/tmp}/loaded_libraries.$$")
loaded=$(cat "${TMPDIR:-/tmp}/loaded_libraries.$$"); rm -f "${TMPDIR:-/tmp}/loaded_libraries.$$"
if ! grep -q 'file=libsimdjson.so.* dynamically loaded' <<<"$loaded"; then
  echo "a JSON batch did not load simdjson's library:"; grep 'file=' <<<"$loaded"; status=1
fi
# AJCC 7th edition soft tissue sarcoma, 6 cm (T2), grade 3, N0 M0: stage III (as cli.stage_iii_text).
if ! grep -q '"stage":"III"' <<<"$out"; then
  echo "the JSON batch did not stage the case: $out"; status=1
fi
exit "$status"
