# Sourced by the shell tests (sh): `scratch NAME` makes a fresh folder $work, removed on exit, and
# works in it; `fail TEXT` reports a failure and counts it in $failures; the test ends with
#   [ "$failures" -eq 0 ] || exit 1
scratch() {
    work=$(mktemp -d "${TMPDIR:-/tmp}/lmsstage-$1.XXXXXX") || exit 1
    trap 'rm -rf "$work"' EXIT
    cd "$work" || exit 1
}
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
