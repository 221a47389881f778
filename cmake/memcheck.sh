#!/bin/sh
# The test suite under valgrind memcheck, on a build without sanitizers (build-memcheck/:
# RelWithDebInfo, dynamic program, no --coverage, no -fsanitize). Exits non-zero on any memcheck
# error (invalid read/write, use of uninitialised values, bad free, leak) or failed test.
#
#  1. lmsstage_tests, every Catch2 test case, in two valgrind processes run side by side (the test
#     files split in two halves by Catch2's filename tags); one process per half, not one per test
#     case, so valgrind starts twice instead of ~600 times.
#  2. The lmsstage program itself (main_entry: arguments, environment, std::cin/std::cout) for a set
#     of commands: one case as text, --json and --explain, usage errors, batch from stdin and from the
#     regression files with bad records among them, check of every regression suite, rules, help.
#     (The tests/cli CTest tests run the program through `cmake -P`; under `ctest -T memcheck` valgrind
#     would check cmake, not lmsstage, so the program's runs are made here directly.)
#
# Nothing is excluded or shrunk: on 2 cores the valgrind part takes about 2 minutes (the heaviest
# file, test_properties.cpp, about 50 s); building build-memcheck from scratch takes longer than
# that. On a slower machine, LMSSTAGE_PROPERTY_SCALE=N (environment) makes the property tests draw
# 1/N of their cases (the same cases, fewer of them).
#
# Usage (from anywhere):  cmake/memcheck.sh            JOBS=1 cmake/memcheck.sh (one process at a time)
# Logs: build-memcheck/memcheck/*.log
set -eu

cd "$(dirname "$0")/.."
root=$(pwd)
build=${MEMCHECK_BUILD_DIR:-build-memcheck}
jobs=${JOBS:-2}
logs="$build/memcheck"

command -v valgrind >/dev/null || { echo "memcheck.sh: valgrind not found" >&2; exit 2; }

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS= -DLMSSTAGE_BUILD_TESTS=ON \
    -DLMSSTAGE_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target lmsstage lmsstage_tests

rm -rf "$logs"
mkdir -p "$logs"
tests="$build/tests/lmsstage_tests"
program="$build/src/lmsstage"

# Memcheck errors exit 99, distinct from every exit code of lmsstage and of the test runner.
vg() {  # vg LOGNAME COMMAND...
    log=$1
    shift
    valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
        --errors-for-leak-kinds=definite,indirect,possible --num-callers=40 --log-file="$logs/$log.log" "$@"
}

start=$(date +%s)
failed=0

# ---- 1. The Catch2 tests, in two halves -----------------------------------------------------------
# The files, heaviest first, dealt alternately to the two halves.
files=$("$tests" -# --list-tags | sed -n 's/^ *[0-9]* *\[#\(test_[a-z0-9_]*\)\].*/\1/p' | sort | tr '\n' ' ')
[ -n "$files" ] || { echo "memcheck.sh: no test files found in $tests" >&2; exit 2; }
heavy="test_batch test_properties test_cli_app test_record_reader test_check test_rule_tables"
ordered=""
for f in $heavy; do
    case " $files " in *" $f "*) ordered="$ordered $f" ;; esac
done
for f in $files; do
    case " $heavy " in *" $f "*) ;; *) ordered="$ordered $f" ;; esac
done
half_a=""
half_b=""
i=0
for f in $ordered; do
    if [ $((i % 2)) -eq 0 ]; then half_a="$half_a,[#$f]"; else half_b="$half_b,[#$f]"; fi
    i=$((i + 1))
done
half_a=${half_a#,}
half_b=${half_b#,}

run_half() {  # run_half NAME SPEC
    if [ -z "$2" ]; then return 0; fi
    vg "$1" "$tests" -# "$2" >"$logs/$1.out" 2>&1
}
status_a=0
status_b=0
if [ "$jobs" -ge 2 ]; then
    run_half tests-a "$half_a" & pid_a=$!
    run_half tests-b "$half_b" & pid_b=$!
    wait "$pid_a" || status_a=$?
    wait "$pid_b" || status_b=$?
else
    run_half tests-a "$half_a" || status_a=$?
    run_half tests-b "$half_b" || status_b=$?
fi
report_half() {  # report_half NAME STATUS
    summary=$(grep -E '^(All tests passed|test cases:)' "$logs/$1.out" | tail -1 || true)
    echo "lmsstage_tests $1: exit $2: $summary"
    if [ "$2" -eq 99 ]; then
        failed=1
        echo "  memcheck errors: $logs/$1.log"
    elif [ "$2" -ne 0 ]; then
        failed=1
        tail -30 "$logs/$1.out"
    fi
}
report_half tests-a "$status_a"
report_half tests-b "$status_b"

# ---- 2. The program ------------------------------------------------------------------------------
n=0
prog() {  # prog EXPECTED_EXIT STDIN_FILE ARGS...
    expected=$1
    input=$2
    shift 2
    n=$((n + 1))
    status=0
    vg "program-$n" "$program" "$@" <"$input" >"$logs/program-$n.out" 2>&1 || status=$?
    if [ "$status" -ne "$expected" ]; then
        failed=1
        echo "lmsstage $*: exit $status, expected $expected (log: $logs/program-$n.log)"
    fi
}
cases="$root/data/cases"
printf '{"id":1,"size":6,"grade":3}\n{"id":2,"size":-3,"grade":1}\n[1,2]\n{"size":"55 mm","grade":"X","nodes":"unknown"}\n{"site":"uterus","size":7,"adnexa":true}\n' >"$logs/mixed.ndjson"
printf '[{"size":6,"grade":3},{"site":"gi","histology":"gist","gi_site":"stomach","size":7,"mitotic_rate":8}]' >"$logs/array.json"
prog 0 /dev/null --size 6 --grade 3
prog 0 /dev/null --site uterus --size 7 --adnexa --json
prog 0 /dev/null --size unknown --grade 3 --nodes=unknown --explain
prog 0 /dev/null --site uterus --histology adenosarcoma --myometrial-invasion 50 --json
prog 0 /dev/null --site gi --histology gist --gi-site stomach --size 7 --mitotic-rate unknown --explain
prog 0 /dev/null --edition 8 --site head-neck --size 3 --grade 2 --json
prog 64 /dev/null --size -3 --grade 3
prog 64 /dev/null --sise 6 --grade 3
prog 0 /dev/null --help
prog 0 /dev/null --version
prog 0 "$logs/mixed.ndjson" batch --help
prog 65 "$logs/mixed.ndjson" batch
prog 0 /dev/null batch "$logs/array.json"
prog 65 /dev/null batch "$cases"/*.ndjson
prog 0 /dev/null check "$cases"/*.ndjson
prog 66 /dev/null check "$logs/no-such-file.ndjson"
prog 0 /dev/null rules
prog 0 /dev/null rules figo2009-uterine --json
echo "lmsstage program: $n runs"

# Any memcheck error, whatever the exit code said.
if grep -lE 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]|indirectly lost: [1-9]|possibly lost: [1-9]' \
    "$logs"/*.log >/dev/null 2>&1; then
    failed=1
    echo "memcheck errors in:"
    grep -lE 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]|indirectly lost: [1-9]|possibly lost: [1-9]' "$logs"/*.log
fi
for log in "$logs"/*.log; do
    if [ -s "$log" ]; then
        failed=1
        echo "memcheck reported in $log:"
        head -40 "$log"
    fi
done

echo "memcheck.sh: $(( $(date +%s) - start )) s under valgrind"
if [ "$failed" -ne 0 ]; then
    echo "memcheck.sh: FAILED" >&2
    exit 1
fi
echo "memcheck.sh: no memcheck errors, every test passed"
