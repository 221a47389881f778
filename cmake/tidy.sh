#!/usr/bin/env bash
# clang-tidy over every library of the program (src/core, src/naaccr, src/doors, src/cli), with the
# checks in .clang-tidy; any finding fails.
# Usage: bash cmake/tidy.sh [BUILD_DIR] [FOLDER...]   (a configured build; its compile_commands.json
# is used; the folders default to all four)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
folders=("$@")
if [ ${#folders[@]} -eq 0 ]; then
  folders=(src/core src/naaccr src/doors src/cli)
fi
if [ ! -f "$build/compile_commands.json" ]; then
  echo "no $build/compile_commands.json: configure first (cmake --preset default)" >&2
  exit 66
fi
tidy=$(command -v clang-tidy || command -v clang-tidy-14)
"$tidy" --version | head -n 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# clang 14 knows C++23 as c++2b (the doors library is compiled as C++23 where g++ offers it).
sed 's/-std=\(gnu\|c\)++23/-std=\1++2b/g' "$build/compile_commands.json" >"$work/compile_commands.json"
status=0
files=()
for folder in "${folders[@]}"; do
  files+=("$folder"/*.cpp)
done
# Every core at once, a few files to each clang-tidy (it checks the files it is given one by one).
printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -n 4 "$tidy" -p "$work" --quiet >"$work/log" 2>&1 || status=$?
grep -v 'warnings generated' "$work/log" || true
if [ "$status" -ne 0 ]; then
  echo "clang-tidy: findings in ${folders[*]} (see above)" >&2
  exit "$status"
fi
echo "clang-tidy: ${folders[*]} clean"
