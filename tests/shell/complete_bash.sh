# Drives lmsstage's bash completion as bash does at <TAB>: COMP_WORDS, COMP_CWORD, COMP_LINE and
# COMP_POINT set from a command line, the function that `complete -p lmsstage` names called, and
# COMPREPLY compared with what it must be.
#
#   bash --norc tests/shell/complete_bash.sh COMPLETION_FILE
#
# COMPLETION_FILE is the generated build/completions/lmsstage or an installed copy. No helper of
# the bash-completion package is loaded: the script must work without them.
set -u
script=${1:?usage: complete_bash.sh COMPLETION_FILE}
failures=0

# shellcheck source=/dev/null
source "$script" || { echo "FAIL: cannot source $script"; exit 1; }
spec=$(complete -p lmsstage 2>/dev/null) || { echo "FAIL: $script registers no completion for lmsstage"; exit 1; }
function=${spec##*-F }
function=${function%% *}

# complete_line LINE: COMPREPLY for the cursor at the end of LINE. Words are split as bash splits
# them: at blanks, and at each '=' (a word of its own) while COMP_WORDBREAKS holds it.
complete_line() {
    local line=$1 split=$1
    [[ $COMP_WORDBREAKS == *=* ]] && split=${split//=/ = }
    read -ra COMP_WORDS <<<"$split"
    [[ $line == *' ' ]] && COMP_WORDS+=('')
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMPREPLY=()
    local text=${COMP_WORDS[COMP_CWORD]}
    [[ $text == = ]] && text=''
    "$function" lmsstage "$text" "${COMP_WORDS[COMP_CWORD - 1]}" 2>"$tmp/stderr"
    if [[ -s $tmp/stderr ]]; then
        echo "FAIL: '$line<TAB>' wrote to stderr: $(cat "$tmp/stderr")"
        failures=$((failures + 1))
    fi
}

sorted() { printf '%s\n' "$@" | LC_ALL=C sort | tr '\n' ' '; }

# expect LINE WORD...: COMPREPLY is exactly these words (in any order).
expect() {
    local line=$1
    shift
    complete_line "$line"
    local got want
    got=$(sorted "${COMPREPLY[@]}")
    want=$(sorted "$@")
    if [[ $got != "$want" ]]; then
        echo "FAIL: '$line<TAB>' gave [${got% }], expected [${want% }]"
        failures=$((failures + 1))
    fi
}

# expect_has LINE WORD...: COMPREPLY holds each of these words (and maybe others).
expect_has() {
    local line=$1 word
    shift
    complete_line "$line"
    for word in "$@"; do
        if [[ " ${COMPREPLY[*]} " != *" $word "* ]]; then
            echo "FAIL: '$line<TAB>' gave [${COMPREPLY[*]}], which lacks $word"
            failures=$((failures + 1))
        fi
    done
}

# expect_lacks LINE WORD...: COMPREPLY holds none of these words.
expect_lacks() {
    local line=$1 word
    shift
    complete_line "$line"
    for word in "$@"; do
        if [[ " ${COMPREPLY[*]} " == *" $word "* ]]; then
            echo "FAIL: '$line<TAB>' gave [${COMPREPLY[*]}], which should not hold $word"
            failures=$((failures + 1))
        fi
    done
}

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/files" "$tmp/files/cases"
touch "$tmp/files/alpha.ndjson" "$tmp/files/beta.json" "$tmp/files/-dash.ndjson"
cd "$tmp/files" || exit 1

# Options, and each option's values.
expect 'lmsstage --si' --site --size
expect 'lmsstage --site ' soft-tissue extremity trunk retroperitoneum head-neck visceral uterus gi head-neck-organ mediastinum
expect 'lmsstage --site u' uterus
expect 'lmsstage --gi-site s' small-intestine stomach
expect 'lmsstage --grade ' 1 2 3 X high unknown
expect 'lmsstage --edition ' 7 8 uicc9
expect 'lmsstage --histology lipo' liposarcoma
expect 'lmsstage --size ' # any length: nothing to offer, and no option either
expect 'lmsstage --size 6 --gr' --grade
expect_has 'lmsstage -' --json --explain --brief --color --help --version --no-nodes --peritoneal-cytology
expect_lacks 'lmsstage -' --id

# --option=value, as bash splits it by default ...
expect 'lmsstage --nodes=' yes no unknown
expect 'lmsstage --nodes=u' unknown
expect 'lmsstage --site=he' head-neck head-neck-organ
expect 'lmsstage --color=' auto always never
expect 'lmsstage --json=' # no value to give
# ... and with '=' taken out of COMP_WORDBREAKS, when the reply carries the option.
saved_wordbreaks=$COMP_WORDBREAKS
COMP_WORDBREAKS=${COMP_WORDBREAKS//=/}
expect 'lmsstage --nodes=' --nodes=yes --nodes=no --nodes=unknown
expect 'lmsstage --site=he' --site=head-neck --site=head-neck-organ
COMP_WORDBREAKS=$saved_wordbreaks

# A yes/no field takes its value after '=' only (the parser refuses "--nodes unknown" with a hint):
# after "--nodes " come the other options. Each option is offered once.
expect_has 'lmsstage --nodes ' --site --json
expect_lacks 'lmsstage --nodes ' yes no unknown --nodes --no-nodes
expect 'lmsstage --nodes --no-n' # --nodes given: --no-nodes excluded
expect 'lmsstage --no-nodes --nod'
expect 'lmsstage --metastasis=unknown --no-m' # likewise after --metastasis=VALUE
expect 'lmsstage --site uterus --si' --size

# Commands.
expect 'lmsstage b' batch
expect 'lmsstage ' batch check rules help completion
expect 'lmsstage help ' batch check rules completion
expect 'lmsstage completion ' bash zsh fish
expect_has 'lmsstage rules ' ajcc7-sts ajcc8-gist figo2009-uterine survival notes
expect 'lmsstage rules ajcc8-sts-r' ajcc8-sts-retroperitoneum
expect 'lmsstage rules --' --json --help
expect 'lmsstage rules s' survival

# File names for batch and check, options only when a word begins with '-', until "--".
expect 'lmsstage batch ' alpha.ndjson beta.json cases -dash.ndjson
expect 'lmsstage check a' alpha.ndjson
expect 'lmsstage batch alpha.ndjson c' cases
expect 'lmsstage check --' --junit --naaccr --help
expect 'lmsstage batch --' --from --to --columns --naaccr --keep --delimiter --size-unit --blank --summary --exit-zero --encoding --raw-cells --help
expect 'lmsstage batch --to ' json ndjson csv tsv naaccr-xml fhir
expect 'lmsstage batch --from=t' tsv
expect 'lmsstage batch --naaccr --n' # given already
expect 'lmsstage check --junit a' alpha.ndjson
expect 'lmsstage batch -- -' -dash.ndjson

if ((failures > 0)); then
    echo "$failures completion check(s) failed"
    exit 1
fi
echo "bash completion: every check passed"
