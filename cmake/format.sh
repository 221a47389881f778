#!/usr/bin/env bash
# Checks that every C++ file git tracks is laid out as .clang-format says; any difference fails.
# Usage: bash cmake/format.sh          check (prints the files that differ and how)
#        bash cmake/format.sh --fix    rewrite them in place
# Rule tables keep their columns between `// clang-format off` and `// clang-format on`.
set -euo pipefail
cd "$(dirname "$0")/.."
format=$(command -v clang-format || command -v clang-format-14)
"$format" --version
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
if [ "${1:-}" = "--fix" ]; then
  "$format" -i "${files[@]}"
  exit 0
fi
status=0
for f in "${files[@]}"; do
  if ! "$format" "$f" | diff -u --label "$f" --label "$f (clang-format)" "$f" - ; then
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "clang-format: the files above differ from .clang-format (bash cmake/format.sh --fix)" >&2
  exit 1
fi
echo "clang-format: ${#files[@]} files as .clang-format lays them out"
