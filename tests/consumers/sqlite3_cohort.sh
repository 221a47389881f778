#!/bin/sh
# The issue's "done when": a cohort as a spreadsheet exports it (UTF-8 byte-order mark, CRLF line
# ends, a quoted field holding a comma, empty cells, an empty row) staged with
#   lmsstage batch --from csv cohort.csv --to csv > staged.csv
# and read back by the sqlite3 shell (.import --csv), with the right stage counts.
# Usage: sqlite3_cohort.sh PROGRAM
set -u
program=$1
. "$(dirname "$0")/../support/shell_test_support.sh"
scratch sqlite3

printf '\357\273\277id,site,histology,size,grade,depth,nodes,metastasis,adnexa,gi_site,mitotic_rate,edition\r\n' >cohort.csv
printf '%s\r\n' \
    'T-001,extremity,,65mm,3,,,,,,,' \
    'T-002,trunk,,4,1,superficial,no,no,,,,' \
    '"Smith, J",extremity,,12,2,deep,yes,,,,,' \
    'T-004,retroperitoneum,,20,3,,,yes,,,,' \
    'T-005,uterus,,7,,,,,yes,,,' \
    'T-006,uterus,ess,3,,,,,,,,' \
    'T-007,gi,gist,7,,,,,,stomach,8,' \
    'T-008,extremity,,"5.5 cm",2,,,,,,,8' \
    'T-009,,,-2,1,,,,,,,' \
    ',,,,,,,,,,,' \
    'T-010,extremity,,unknown,3,,,,,,,' >>cohort.csv

"$program" batch --from csv cohort.csv --to csv > staged.csv 2>batch.err
status=$?
[ "$status" -eq 65 ] || fail "batch: exit $status, expected 65 (one row is invalid)"
grep -qx 'staged 10 records: 9 ok, 1 error' batch.err || fail "batch summary: $(cat batch.err)"

q() { sqlite3 -batch :memory: ".import --csv staged.csv t" "$1"; }
[ "$(q 'SELECT count(*) FROM t')" = 10 ] || fail "sqlite3: $(q 'SELECT count(*) FROM t') rows, expected 10"
counts=$(q "SELECT stage || '=' || count(*) FROM t GROUP BY stage ORDER BY stage" | tr '\n' ' ')
[ "$counts" = "=2 IA=2 IIA=1 III=2 IIIA=2 IV=1 " ] || fail "sqlite3: stage counts: $counts"
[ "$(q "SELECT stage FROM t WHERE id = 'Smith, J'")" = III ] || fail "sqlite3: the quoted id"
[ "$(q "SELECT possible_stages FROM t WHERE id = 'T-010'")" = 'IIA; III' ] || fail "sqlite3: possible stages"
[ "$(q "SELECT ok || ' ' || error_field FROM t WHERE id = 'T-009'")" = 'false size' ] || fail "sqlite3: the error row"
[ "$(q "SELECT sum(survival_percent > 80) FROM t")" = 5 ] || fail "sqlite3: survival_percent"

[ "$failures" -eq 0 ] || exit 1
echo "sqlite3 read staged.csv back: 10 rows, stages =2 IA=2 IIA=1 III=2 IIIA=2 IV=1"
