#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset) and, for each of them:
#   1. replays its committed corpus (tests/fuzz/corpus/<target>, -runs=0) and every reproducer in
#      tests/fuzz/regressions/<target> (one by one, so each is reported);
#   2. fuzzes it for SECONDS (default 60), starting from the committed corpus, writing new inputs
#      and crash reproducers into a temporary directory (never into the committed corpus).
# Exits non-zero on any crash, leak, timeout, out-of-memory or property violation, printing the
# failing input's path.
#
# Usage: tests/fuzz/run.sh [SECONDS]
# Environment:
#   FUZZ_TARGETS   targets to run (default: "fuzz_record fuzz_size fuzz_stream")
#   FUZZ_WORKDIR   where new inputs and artifacts go (default: a new mktemp -d directory, kept
#                  when something failed, removed otherwise)
#   FUZZ_KEEP_GOING=1  fuzz in libFuzzer's fork mode with -ignore_crashes/-ignore_timeouts/
#                  -ignore_ooms: the run goes on after a failure and collects every reproducer
#   FUZZ_JOBS      build parallelism (default: nproc)
set -uo pipefail

seconds=${1:-60}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: $0 [SECONDS]   (SECONDS: a whole number >= 1, default 60)" >&2
    exit 64
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root" || exit 1
targets=${FUZZ_TARGETS:-"fuzz_record fuzz_size fuzz_stream"}
bin="$root/build-fuzz/tests/fuzz"

echo "== configure and build (preset fuzz)"
if ! cmake --preset fuzz >/dev/null; then
    echo "run.sh: cmake --preset fuzz failed" >&2
    exit 1
fi
if ! cmake --build --preset fuzz -j "${FUZZ_JOBS:-$(nproc)}"; then
    echo "run.sh: the fuzz build failed" >&2
    exit 1
fi

if [ -n "${FUZZ_WORKDIR:-}" ]; then
    work=$FUZZ_WORKDIR
    mkdir -p "$work"
    own_work=0
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/lmsstage-fuzz.XXXXXX")
    own_work=1
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
common=(-timeout=10 -rss_limit_mb=2048)

failures=()   # "target: what: path"
summary=()    # one line per target

# The failing inputs libFuzzer wrote into `dir` (crash-, leak-, timeout-, oom-; not slow-unit-).
artifacts_in() {
    find "$1" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) \
        2>/dev/null | sort
}

for target in $targets; do
    exe="$bin/$target"
    if [ ! -x "$exe" ]; then
        echo "run.sh: no such fuzz target: $exe" >&2
        failures+=("$target: not built")
        continue
    fi
    corpus="tests/fuzz/corpus/$target"
    regressions="tests/fuzz/regressions/$target"
    tdir="$work/$target"
    mkdir -p "$tdir/new" "$tdir/artifacts" "$tdir/replay"

    # 1. Replay.
    echo
    echo "== $target: replay $corpus"
    replay_log="$tdir/replay.log"
    if [ -d "$corpus" ] && [ -n "$(ls -A "$corpus" 2>/dev/null)" ]; then
        if ! "$exe" "${common[@]}" -runs=0 -artifact_prefix="$tdir/replay/" "$corpus" >"$replay_log" 2>&1; then
            # Name the committed file(s) at fault: run them one by one.
            found=0
            for f in "$corpus"/*; do
                if ! "$exe" "${common[@]}" "$f" >"$tdir/replay/one.log" 2>&1; then
                    echo "FAIL: $f"
                    grep -E 'PROPERTY VIOLATED|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|ALARM' \
                        "$tdir/replay/one.log" | head -3 | sed 's/^/    /'
                    failures+=("$target: corpus input fails: $f")
                    found=1
                fi
            done
            if [ "$found" -eq 0 ]; then
                echo "FAIL: the corpus replay failed (see $replay_log)"
                failures+=("$target: corpus replay failed: $replay_log")
            fi
        else
            grep -E '^#[0-9]+[[:space:]]+DONE' "$replay_log" | tail -1
        fi
    else
        echo "(no corpus)"
    fi
    if [ -d "$regressions" ]; then
        for f in "$regressions"/*; do
            [ -f "$f" ] || continue
            case "$f" in *.md | *.txt) continue ;; esac
            if "$exe" "${common[@]}" "$f" >"$tdir/replay/regression.log" 2>&1; then
                echo "ok:   $f"
            else
                echo "FAIL: $f"
                grep -E 'PROPERTY VIOLATED|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|ALARM' \
                    "$tdir/replay/regression.log" | head -3 | sed 's/^/    /'
                failures+=("$target: regression fails: $f")
            fi
        done
    fi

    # 2. Fuzz: new inputs go to $tdir/new (the first corpus directory), the committed corpus is read only.
    echo "== $target: fuzz for ${seconds}s (new inputs: $tdir/new)"
    fuzz_log="$tdir/fuzz.log"
    mode=()
    if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
        mode=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    fi
    "$exe" "${common[@]}" "${mode[@]}" -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$tdir/artifacts/" "$tdir/new" "$corpus" >"$fuzz_log" 2>&1
    rc=$?
    runs=$(grep -E '^stat::number_of_executed_units:' "$fuzz_log" | tail -1 | awk '{print $2}')
    eps=$(grep -E '^stat::average_exec_per_sec:' "$fuzz_log" | tail -1 | awk '{print $2}')
    if [ -z "$runs" ]; then  # fork mode prints no final stats: take the last status line
        last=$(grep -E '^#[0-9]+' "$fuzz_log" | tail -1)
        runs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$last")
        eps=$(sed -nE 's/.*exec\/s:? ([0-9]+).*/\1/p' <<<"$last")
    fi
    cov=$(grep -E '^#[0-9]+' "$fuzz_log" | tail -1 | sed -nE 's/.*cov: ([0-9]+).*/\1/p')
    new_count=$(find "$tdir/new" -type f | wc -l)
    seed_count=$(find "$corpus" -type f 2>/dev/null | wc -l)
    mapfile -t found_artifacts < <(artifacts_in "$tdir/artifacts")
    if [ "$rc" -ne 0 ] || [ "${#found_artifacts[@]}" -gt 0 ]; then
        echo "FAIL: $target exited $rc (log: $fuzz_log)"
        grep -E 'PROPERTY VIOLATED|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|ALARM|SUMMARY' \
            "$fuzz_log" | sort | uniq -c | head -10 | sed 's/^/    /'
        if [ "${#found_artifacts[@]}" -eq 0 ]; then
            failures+=("$target: fuzzing failed (exit $rc), no reproducer written: $fuzz_log")
        fi
        for a in "${found_artifacts[@]}"; do
            echo "    failing input: $a"
            failures+=("$target: failing input: $a")
        done
        status=FAIL
    else
        status=ok
    fi
    line=$(printf '%-12s %-5s runs %-10s exec/s %-7s cov %-6s corpus %s seeds + %s new' \
        "$target" "$status" "${runs:-?}" "${eps:-?}" "${cov:-?}" "$seed_count" "$new_count")
    echo "$line"
    summary+=("$line")
done

echo
echo "== summary (${seconds}s per target; work directory: $work)"
printf '%s\n' "${summary[@]}"
if [ "${#failures[@]}" -gt 0 ]; then
    echo
    echo "== failures"
    printf '%s\n' "${failures[@]}"
    echo "Reproduce one with: build-fuzz/tests/fuzz/<target> <input>"
    exit 1
fi
if [ "$own_work" -eq 1 ]; then
    rm -rf "$work"
fi
echo "no failures"
exit 0
