#!/usr/bin/env bash
# bench/compare.sh [BUILD_DIR [CASES [RUNS]]]: this tree's program against the first release, side by
# side on the same generated cases. Figures, not a gate.
#   - builds the baseline (commit $BASELINE, default b8490e3, the first release) from `git archive`
#     in a temporary directory (its own CMake Release build of the program only); or takes
#     $BASELINE_PROGRAM when set (an lmsstage already built, e.g. an earlier commit's);
#   - writes CASES generated cases once (default 1,000,000; BUILD_DIR/bench/lmsstage-gen-cases), as
#     NDJSON and as the same cases in a CSV table;
#   - runs both programs in turn, the order swapped at each pair (RUNS pairs, default 5; 30 single
#     cases, with /bin/true and the floor, BUILD_DIR/bench/lmsstage-hello: a C++ program that writes
#     one line, linked as lmsstage is), each from a fresh copy in one temporary directory:
#     BUILD_DIR/bench/lmsstage-compare prints medians, ranges, ratios and peak RSS, for full records
#     also the output bytes a case and the ratios per output byte, for one case also against the floor;
#   - where valgrind is installed, instructions a record (callgrind, 200,000 cases, full records)
#     and output bytes a record for both.
#   - CSV output also with $SAME_COLUMNS for both programs (default: the 14 columns CSV output had by
#     default before warnings and assumptions joined them, a853f60), so that a change of the
#     default columns does not pass for a change of speed; SAME_COLUMNS= (empty) leaves it out.
# With SINGLE_ONLY=1, only the single cases (CASES is then their number of runs, default 30): no
# cases generated, no valgrind.
# The method's own noise: BASELINE_PROGRAM=BUILD_DIR/src/lmsstage compares this tree's program with
# a copy of itself (every ratio should then be 1.00; docs/performance.md gives what it measured).
# Example: bash bench/compare.sh build 1000000 5
#          SINGLE_ONLY=1 bash bench/compare.sh build 200
set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
cases=${2:-1000000}
runs=${3:-5}
baseline=${BASELINE:-b8490e3}
same_columns=${SAME_COLUMNS-id,ok,system,stage,possible_stages,T,N,M,G,summary_stage,survival_percent,survival_table,error_field,error_message}
current="$build/src/lmsstage"
generator="$build/bench/lmsstage-gen-cases"
compare="$build/bench/lmsstage-compare"
hello="$build/bench/lmsstage-hello"
for tool in "$current" "$generator" "$compare" "$hello"; do
  test -x "$tool" || { echo "compare.sh: $tool is not built (cmake --preset default && cmake --build --preset default)" >&2; exit 66; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/lmsstage-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ -n "${BASELINE_PROGRAM:-}" ]; then
  base_program=$BASELINE_PROGRAM
else
  echo "building the baseline $baseline (git archive, CMake Release, program only) ..."
  mkdir "$work/src"
  git -C "$source_dir" archive "$baseline" | tar -x -C "$work/src"
  cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DLMSSTAGE_BUILD_TESTS=OFF \
    -DLMSSTAGE_BUILD_BENCH=OFF >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; exit 70; }
  cmake --build "$work/build" -j2 --target lmsstage >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 70; }
  base_program="$work/build/src/lmsstage"
fi

# Both programs as fresh copies side by side: where a program's file lies (its page cache pages, the
# path looked up at each start) made a difference of up to 3 % to one case, the same program in
# both places. (A program loads no file beside it: the copies run as the originals.)
mkdir -p "$work/baseline" "$work/current" "$work/floor"
cp "$base_program" "$work/baseline/lmsstage"
cp "$current" "$work/current/lmsstage"
cp "$hello" "$work/floor/lmsstage-hello"
base_program="$work/baseline/lmsstage"
current_program="$work/current/lmsstage"
floor=(--floor "$work/floor/lmsstage-hello")

if [ -n "${SINGLE_ONLY:-}" ]; then
  [ -n "${BASELINE_PROGRAM:-}" ] && baseline=$BASELINE_PROGRAM
  echo "baseline: $baseline; current: $(git -C "$source_dir" describe --always --dirty 2>/dev/null || echo this tree)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
  status=0
  "$compare" --single-only --single "${2:-30}" "${floor[@]}" "$base_program" "$current_program" || status=$?
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit "$status"
fi
"$generator" "$cases" >"$work/cases.ndjson"
"$generator" --csv "$cases" >"$work/cases.csv"
[ -n "${BASELINE_PROGRAM:-}" ] && baseline=$BASELINE_PROGRAM
echo "baseline: $baseline ($("$base_program" --version 2>/dev/null | head -1)); current: $(git -C "$source_dir" describe --always --dirty 2>/dev/null || echo this tree) ($("$current" --version | head -1))"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
status=0
columns_option=()
[ -n "$same_columns" ] && columns_option=(--columns "$same_columns")
"$compare" --runs "$runs" --single 30 "${columns_option[@]}" "${floor[@]}" "$base_program" "$current_program" \
  "$work/cases.ndjson" \
  "$work/cases.csv" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if command -v valgrind >/dev/null; then
  head -n 200000 "$work/cases.ndjson" >"$work/200k.ndjson"
  records=$(wc -l <"$work/200k.ndjson")
  echo "instructions a record (valgrind --tool=callgrind, $records cases, full records):"
  for who in baseline current; do
    program=$base_program
    [ "$who" = current ] && program=$current_program
    collected=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$program" batch "$work/200k.ndjson" \
      2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | tail -1)
    bytes=$("$program" batch "$work/200k.ndjson" 2>/dev/null | wc -c)
    printf '  %-9s %8d instructions a record, %6d output bytes a record\n' "$who" \
      $((collected / records)) $((bytes / records))
  done
else
  echo "valgrind is not installed: no instruction counts"
fi
exit "$status"
