#!/bin/sh
# Line and branch coverage of the whole test suite (CTest: the Catch2 tests and the tests/cli
# runs of the built program), measured with gcov and reported with gcovr:
#   - the core library, the staging code: src/core/ and include/lmsstage/ (target: 100% of lines,
#     >= 95% of branches);
#   - the command-line layer, src/cli/ (and src/main.cpp), reported separately.
# Branches the compiler adds for exception handling and on lines without source code are left out
# (--exclude-throw-branches --exclude-unreachable-branches): they are not decisions of the code.
#
# Usage (from anywhere):  cmake/coverage.sh
# Uses the "coverage" CMake preset (build-coverage/: Debug, --coverage -O0, dynamic program), with
# -fprofile-update=atomic: batch stages on worker threads, and racing counter updates otherwise give
# gcov negative branch counts that gcovr cannot parse.
# The reports are also written to build-coverage/coverage-core.txt and coverage-cli.txt.
# Exit status: that of ctest (the figures are printed either way), or of a failed build/report.
set -eu

cd "$(dirname "$0")/.."
build="build-coverage"
jobs=${JOBS:-2}

cmake --preset coverage
cmake --build --preset coverage -j "$jobs"

# Counters from an earlier run would add up with this one.
find "$build" -name '*.gcda' -delete

tests_status=0
# The peak-memory bounds ([memory] process tests) hold the optimised program: they run in the test
# stage; -O0 with gcov counters is a different program (about 2 MiB more at peak).
ctest --preset coverage -j "$jobs" -E 'process - .* at most [0-9]+ MiB' || tests_status=$?

report() {  # report TITLE OUTPUT FILTER...
    title=$1
    output=$2
    shift 2
    echo
    echo "==== $title: lines ===="
    gcovr --root . --object-directory "$build" --exclude-directories "$build/CMakeFiles" -j "$jobs" \
        --exclude-throw-branches --exclude-unreachable-branches \
        "$@" --print-summary --txt "$build/$output-lines.txt"
    cat "$build/$output-lines.txt"
    echo
    echo "==== $title: branches ===="
    gcovr --root . --object-directory "$build" --exclude-directories "$build/CMakeFiles" -j "$jobs" \
        --exclude-throw-branches --exclude-unreachable-branches \
        "$@" --branches --txt "$build/$output-branches.txt"
    cat "$build/$output-branches.txt"
}

report "Core library (src/core/, include/lmsstage/)" coverage-core \
    --filter 'src/core/' --filter 'include/lmsstage/'
report "Command-line layer (src/cli/, src/main.cpp)" coverage-cli \
    --filter 'src/cli/' --filter 'src/main\.cpp'

if [ "$tests_status" -ne 0 ]; then
    echo "coverage.sh: ctest failed (exit $tests_status); the figures above are from that run" >&2
fi
exit "$tests_status"
