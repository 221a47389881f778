#!/usr/bin/env bash
# clang-tidy over the core library (src/core), with the checks in .clang-tidy; any finding fails.
# Usage: bash cmake/tidy.sh [BUILD_DIR]   (a configured build; its compile_commands.json is used)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
if [ ! -f "$build/compile_commands.json" ]; then
  echo "no $build/compile_commands.json: configure first (cmake --preset default)" >&2
  exit 66
fi
tidy=$(command -v clang-tidy || command -v clang-tidy-14)
"$tidy" --version | head -n 2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
"$tidy" -p "$build" --quiet src/core/*.cpp >"$log" 2>&1 || status=$?
grep -v 'warnings generated' "$log" || true
if [ "$status" -ne 0 ]; then
  echo "clang-tidy: findings in src/core (see above)" >&2
  exit "$status"
fi
echo "clang-tidy: src/core clean"
