#!/bin/sh
# The pipeline commands the README shows ("Many cases" and "Exit codes"), run as written with the
# built program first on PATH. Usage: readme_pipelines.sh PROGRAM_DIR SOURCE_DIR
set -u
PATH="$1:$PATH"
source_dir=$2
. "$(dirname "$0")/../support/shell_test_support.sh"
scratch readme

out=$(printf '{"id":1,"size":6,"grade":3}\n{"id":2,"size":-3,"grade":1}\n' | lmsstage batch 2>/dev/null)
[ $? -eq 65 ] || fail "printf ... | lmsstage batch: exit"
[ "$(printf '%s\n' "$out" | sed -n 2p)" = '{"id":2,"ok":false,"line":2,"error":{"field":"size","message":"size must be a positive length, got -3"},"version":"lmsstage 0.1.0"}' ] ||
    fail "printf ... | lmsstage batch: the error line shown in the README"

printf '{"id":1,"size":6,"grade":3}\n{"id":2,"site":"uterus","size":7,"adnexa":true}\n' >cohort.ndjson
lmsstage batch cohort.ndjson > staged.ndjson 2>/dev/null || fail "lmsstage batch cohort.ndjson > staged.ndjson"
[ "$(wc -l <staged.ndjson)" -eq 2 ] || fail "staged.ndjson: one line per record"

printf '[{"id":"a1","size":6,"grade":3},{"id":"a2","size":2,"grade":1}]' >a.json
printf '[{"id":"b1","size":6,"grade":2},{"id":"b2","size":-2,"grade":1}]' >b.json
lines=$(cat a.json b.json | lmsstage batch 2>/dev/null | wc -l)
[ "$lines" -eq 4 ] || fail "cat a.json b.json | lmsstage batch: $lines lines for 4 records"

# Registries, spreadsheets and clusters.
printf 'id,size,grade\r\n1,6,3\r\n2,-3,1\r\n' >cohort.csv
lmsstage batch --from csv cohort.csv --to csv > staged.csv 2>/dev/null
[ $? -eq 65 ] || fail "lmsstage batch --from csv cohort.csv --to csv: exit"
[ "$(wc -l <staged.csv)" -eq 3 ] || fail "staged.csv: a header and one row per record"
lmsstage batch --exit-zero --to csv cohort.csv >/dev/null 2>&1 || fail "lmsstage batch --exit-zero: exit"
# Spreadsheet-safe cells, and --raw-cells.
[ "$(printf '{"id":"=1+1","size":6,"grade":3}\n' | lmsstage batch --to csv --columns id,stage 2>/dev/null)" = "$(printf 'id,stage\r\n"'"'"'=1+1",III\r')" ] ||
    fail "lmsstage batch --to csv --columns id,stage: the formula-safe cell shown in the README"
[ "$(printf '{"id":"=1+1","size":6,"grade":3}\n' | lmsstage batch --to csv --columns id,stage --raw-cells 2>/dev/null)" = "$(printf 'id,stage\r\n=1+1,III\r')" ] ||
    fail "lmsstage batch --raw-cells: the exact cell shown in the README"
printf 'patientIdNumber,primarySite,histologicTypeIcdO3,behaviorCodeIcdO3,tumorSizeSummary,gradePathological\n00012345,C49.2,8890,3,065,3\n' >registry.csv
[ "$(lmsstage batch --naaccr registry.csv --to csv --columns stage,T,summaryStage2018,derivedAjcc7StageGrp 2>/dev/null)" = "$(printf 'stage,T,summaryStage2018,derivedAjcc7StageGrp\r\nIII,T2,1,500\r')" ] ||
    fail "lmsstage batch --naaccr registry.csv: the output shown in the README"
lmsstage batch --naaccr registry.csv --to csv >/dev/null 2>&1 || fail "lmsstage batch --naaccr registry.csv --to csv"
# NAACCR XML in and out; FHIR out.
cat >registry.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<NaaccrData baseDictionaryUri="http://naaccr.org/naaccrxml/naaccr-dictionary-250.xml" recordType="A" specificationVersion="1.7" xmlns="http://naaccr.org/naaccrxml">
    <Patient>
        <Item naaccrId="patientIdNumber">00012345</Item>
        <Tumor>
            <Item naaccrId="tumorRecordNumber">01</Item>
            <Item naaccrId="primarySite">C492</Item>
            <Item naaccrId="histologicTypeIcdO3">8890</Item>
            <Item naaccrId="behaviorCodeIcdO3">3</Item>
            <Item naaccrId="tumorSizeSummary">065</Item>
            <Item naaccrId="gradePathological">3</Item>
        </Tumor>
    </Patient>
</NaaccrData>
EOF
[ "$(lmsstage batch registry.xml --to csv --columns id,stage,T,summaryStage2018 2>/dev/null)" = "$(printf 'id,stage,T,summaryStage2018\r\n00012345/01,III,T2,1\r')" ] ||
    fail "lmsstage batch registry.xml: the output shown in the README"
lmsstage batch --to naaccr-xml registry.xml >staged.xml 2>/dev/null || fail "lmsstage batch --to naaccr-xml registry.xml"
[ "$(grep -A6 gradePathological staged.xml | sed 's/^ *//' | tr '\n' ' ')" = '<Item naaccrId="gradePathological">3</Item> <Item naaccrId="summaryStage2018">1</Item> <Item naaccrId="tnmEditionNumber">07</Item> <Item naaccrId="derivedAjcc7T">299</Item> <Item naaccrId="derivedAjcc7N">000</Item> <Item naaccrId="derivedAjcc7M">000</Item> <Item naaccrId="derivedAjcc7StageGrp">500</Item> ' ] ||
    fail "grep -A6 gradePathological staged.xml: the items shown in the README"
echo '{"id":"p1","size":6,"grade":3}' | lmsstage batch --to fhir >bundles.ndjson 2>/dev/null || fail "lmsstage batch --to fhir"
grep -q '"code":"399390009"' bundles.ndjson || fail "bundles.ndjson: the TNM stage group code"
if command -v sqlite3 >/dev/null; then
    [ "$(sqlite3 :memory: ".import --csv staged.csv t" "SELECT stage, count(*) FROM t GROUP BY stage" | tr '\n' ' ')" = "|1 III|1 " ] ||
        fail "sqlite3 .import --csv staged.csv: the stage counts"
fi

cd "$source_dir" || exit 1
lmsstage check --naaccr data/cases/naaccr/registry.ndjson >/dev/null || fail "lmsstage check --naaccr"
last=$(lmsstage check data/cases/*.ndjson | tail -1)
case $last in *" passed, 0 failed") ;; *) fail "lmsstage check data/cases/*.ndjson: $last" ;; esac
lmsstage check --junit "$work/report.xml" data/cases/*.ndjson >/dev/null || fail "lmsstage check --junit report.xml"
grep -q '<testsuites name="lmsstage check" tests="[1-9][0-9]*" failures="0" errors="0">' "$work/report.xml" ||
    fail "report.xml: the test suite and its counts"
lmsstage rules >/dev/null || fail "lmsstage rules"
lmsstage rules figo2009-uterine --json >/dev/null || fail "lmsstage rules figo2009-uterine --json"
lmsstage rules histologies | grep -q "^| 8890/3 | lms | leiomyosarcoma, NOS |" || fail "lmsstage rules histologies: the leiomyosarcoma row"

cd "$work" || exit 1
i=0
while [ $i -lt 3000 ]; do echo '{"size":6,"grade":3}'; i=$((i + 1)); done >big.ndjson
status=$( (lmsstage batch big.ndjson 2>/dev/null; echo $? >status) | head -1 >/dev/null; cat status)
[ "$status" -eq 0 ] || fail "lmsstage batch big.ndjson | head -1: exit $status, not 0"

# A registry extract as it comes: the file, the commands and their output as the README shows them.
# readme_block PATTERN: the lines of the first ```text block after the README line matching PATTERN.
readme_block() {
    awk -v pattern="$1" 'found && /^```text$/ { inside = 1; next }
        inside && /^```$/ { exit }
        inside { print }
        !found && index($0, pattern) { found = 1 }' "$source_dir/README.md"
}
cp "$source_dir/tests/cli/extract.csv" extract.csv
[ "$(readme_block 'in the source):')" = "$(cat extract.csv)" ] || fail "extract.csv: not the file the README shows"
lmsstage batch --from csv extract.csv --keep id,age,sex --size-unit mm --summary --to csv > staged.csv 2>extract.err
[ $? -eq 65 ] || fail "lmsstage batch --from csv extract.csv --keep ...: exit (one row lacks its grade)"
[ "$(tr -d '\r' <staged.csv)" = "$(readme_block 'lmsstage batch --from csv extract.csv --keep id,age,sex')" ] ||
    fail "lmsstage batch --from csv extract.csv --keep id,age,sex ...: the output shown in the README"
[ "$(cat extract.err)" = "$(readme_block 'and on stderr, the column passed over')" ] ||
    fail "lmsstage batch --from csv extract.csv --keep id,age,sex ...: the stderr shown in the README"
[ "$(lmsstage batch --from csv extract.csv --keep id --size-unit mm --blank unknown --to csv --columns stage,possible_stages 2>/dev/null | tr -d '\r')" = "$(readme_block 'lmsstage batch --from csv extract.csv --keep id --size-unit mm --blank unknown')" ] ||
    fail "lmsstage batch ... --blank unknown: the output shown in the README"
# The sqlite3 recipe that imports blanks as NULL: avg() over the staged survival figures (82.4,
# 82.4, 59.8 and the error row's blank) is their mean, not a mean with the blank as 0.
if command -v sqlite3 >/dev/null; then
    rm -f staged.db
    sqlite3 staged.db ".import --csv staged.csv t"
    sqlite3 staged.db "SELECT 'UPDATE t SET ' || group_concat(printf('\"%w\" = nullif(\"%w\", '''')', name, name), ', ') FROM pragma_table_info('t')" | sqlite3 staged.db
    [ "$(sqlite3 staged.db "SELECT count(*) FROM t WHERE stage IS NULL")" = 1 ] || fail "sqlite3: the blank stage is not NULL"
    [ "$(sqlite3 staged.db "SELECT round(avg(survival_percent), 2) FROM t")" = 74.87 ] ||
        fail "sqlite3: avg(survival_percent) counts the blank"
    [ "$(sqlite3 staged.db "SELECT stage, count(*), avg(survival_percent) FROM t GROUP BY stage" | tr '\n' ' ')" = "|1| IA|1|82.4 III|2|71.1 " ] ||
        fail "sqlite3 staged.db SELECT stage, count(*), avg(survival_percent) ...: the counts"
fi

[ "$failures" -eq 0 ] || exit 1
echo "README pipelines: all ran as documented"
