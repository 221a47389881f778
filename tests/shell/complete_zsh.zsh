# Types lmsstage command lines and <TAB> into an interactive zsh (zpty) that autoloads lmsstage's
# completion from $fpath, records every match the completion adds, and compares them with what
# they must be.
#
#   zsh -f tests/shell/complete_zsh.zsh DIRECTORY_HOLDING__lmsstage
zmodload zsh/zpty || { print "FAIL: no zsh/zpty module"; exit 1 }
fpath_dir=${${1:?usage: complete_zsh.zsh DIRECTORY}:A}
tmp=$(mktemp -d) || exit 1
trap 'zpty -d shell 2>/dev/null; rm -rf $tmp' EXIT
log=$tmp/matches
mkdir $tmp/files $tmp/files/cases
touch $tmp/files/alpha.ndjson $tmp/files/beta.json
integer failures=0 lines=0

zpty shell zsh -f -i
zpty -w shell "PS1='<PROMPT>'; cd ${(q)tmp}/files; fpath=(${(q)fpath_dir} \$fpath); autoload -Uz compinit; compinit -u -D"
# Every match that any completion function adds goes to the log too.
zpty -w shell "compadd() { local -a m; builtin compadd -O m \"\$@\"; print -rl -- \$m >>${(q)log}; builtin compadd \"\$@\" }"
# <TAB> completes, then says it is done.
zpty -w shell "_done() { zle complete-word; print -n '<DONE>' }; zle -N _done; bindkey '^I' _done"
zpty -w shell "print -n '<READY>'"
zpty -r shell reply '*<READY>*'

# matches LINE: the sorted, distinct matches for LINE<TAB>, in $got.
matches() {
    : >$log
    zpty -w -n shell "$1"$'\t'
    zpty -r shell reply '*<DONE>*'
    zpty -w -n shell $'\x03'  # abandon the line
    lines+=1
    zpty -w shell "print -n '<END$lines>'"
    zpty -r shell reply "*<END$lines>*"
    got=(${(f)"$(<$log)"})
    got=(${(ou)got})
}

# expect LINE WORD...: exactly these matches.
expect() {
    local line=$1
    shift
    local -a got want
    matches $line
    want=(${(ou)@})
    if [[ "$got" != "$want" ]]; then
        print -r -- "FAIL: '$line<TAB>' gave [$got], expected [$want]"
        failures+=1
    fi
}

# expect_has LINE WORD...: these matches among others.
expect_has() {
    local line=$1 word
    shift
    local -a got
    matches $line
    for word in $@; do
        if (( ! ${got[(Ie)$word]} )); then
            print -r -- "FAIL: '$line<TAB>' gave [$got], which lacks $word"
            failures+=1
        fi
    done
}

# The first <TAB> of a new interactive shell can arrive before its line editor is ready: complete
# one line until it answers (at most 20 tries), so that every check below meets a ready shell.
integer tries=0
while (( tries < 20 )); do
    matches 'lmsstage --si'
    (( $#got )) && break
    tries+=1
    sleep 0.1
done

expect 'lmsstage --si' --site --size
expect 'lmsstage --site ' soft-tissue extremity trunk retroperitoneum head-neck visceral uterus gi head-neck-organ mediastinum
expect 'lmsstage --gi-site s' small-intestine stomach
expect 'lmsstage --grade ' 1 2 3 X high unknown
expect 'lmsstage --size '
expect 'lmsstage --nodes=' yes no unknown
expect 'lmsstage --color=' auto always never
expect 'lmsstage --nodes --no-n'
expect 'lmsstage --site uterus --si' --size
expect_has 'lmsstage --' --json --explain --brief --color --help --version --no-nodes --peritoneal-cytology
expect 'lmsstage b' batch
expect 'lmsstage ' batch check rules help completion
expect 'lmsstage completion ' bash zsh fish
expect_has 'lmsstage rules ' ajcc7-sts ajcc8-gist figo2009-uterine survival notes
expect 'lmsstage batch ' alpha.ndjson beta.json cases
expect 'lmsstage check a' alpha.ndjson
expect 'lmsstage batch --' --from --to --columns --naaccr --keep --delimiter --size-unit --blank --summary --exit-zero --encoding --raw-cells --help
expect 'lmsstage batch --to ' json ndjson csv tsv naaccr-xml fhir

if (( failures > 0 )); then
    print "$failures completion check(s) failed"
    exit 1
fi
print "zsh completion: every check passed"
