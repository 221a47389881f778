# bash completion for lmsstage(1). lmsstage completes its own command line
# (lmsstage __complete WORD...) from the tables that make its help; do not edit.
# Plain bash (compgen, compopt): it needs nothing from the bash-completion package.
_lmsstage() {
    local line=${COMP_LINE:0:COMP_POINT} current candidate words=() reply=()
    read -ra words <<<"$line"
    [[ -z $line || $line == *[[:space:]] ]] && words+=('')
    current=${words[${#words[@]} - 1]}
    while IFS= read -r candidate; do
        if [[ $candidate == :files ]]; then
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$current")
            return 0
        fi
        reply+=("${candidate%%$'\t'*}")
    done < <(lmsstage __complete "${words[@]:1}" 2>/dev/null)
    # With '=' in COMP_WORDBREAKS (the default), bash replaces only what follows the '='.
    if [[ $current == *=* && $COMP_WORDBREAKS == *=* ]]; then
        reply=("${reply[@]#"${current%=*}="}")
    fi
    COMPREPLY=("${reply[@]}")
}

complete -F _lmsstage lmsstage
