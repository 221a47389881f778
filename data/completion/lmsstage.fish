# fish completion for lmsstage(1). lmsstage completes its own command line
# (lmsstage __complete WORD...) from the tables that make its help; do not edit.

function __lmsstage_complete --description 'lmsstage: the candidates for the current word'
    set -l words (commandline -opc)
    set -e words[1]
    set -l current (commandline -ct)
    set -l lines (lmsstage __complete $words "$current" 2>/dev/null)
    if test "$lines[1]" = :files
        __fish_complete_path "$current"
        return
    end
    for line in $lines  # printf with no argument would still print an empty line
        printf '%s\n' $line
    end
end

complete -c lmsstage -f -a '(__lmsstage_complete)'
