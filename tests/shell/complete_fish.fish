# Asks fish what it completes for lmsstage command lines (complete -C), with lmsstage's fish
# completion loaded, and compares that with what it must be.
#
#   fish --no-config tests/shell/complete_fish.fish COMPLETION_FILE
set -g failures 0
source $argv[1]; or begin
    echo "FAIL: cannot source $argv[1]"
    exit 1
end

function candidates --argument-names line
    complete -C "$line" | string replace -r '\t.*' '' | sort
end

# expect LINE WORD...: the candidates are exactly these words (in any order).
function expect
    set -l got (candidates $argv[1])
    set -l want (printf '%s\n' $argv[2..-1] | sort)
    if test "$got" != "$want"
        echo "FAIL: '$argv[1]<TAB>' gave [$got], expected [$want]"
        set -g failures (math $failures + 1)
    end
end

# expect_has LINE WORD...: the candidates include each of these words.
function expect_has
    set -l got (candidates $argv[1])
    for word in $argv[2..-1]
        if not contains -- $word $got
            echo "FAIL: '$argv[1]<TAB>' gave [$got], which lacks $word"
            set -g failures (math $failures + 1)
        end
    end
end

set -l dir (mktemp -d); or exit 1
mkdir $dir/cases
touch $dir/alpha.ndjson $dir/beta.json
cd $dir

expect 'lmsstage --si' --site --size
expect 'lmsstage --site ' soft-tissue extremity trunk retroperitoneum head-neck visceral uterus gi head-neck-organ mediastinum
expect 'lmsstage --gi-site s' small-intestine stomach
expect 'lmsstage --grade ' 1 2 3 X high unknown
expect 'lmsstage --size '
expect 'lmsstage --nodes=' --nodes=yes --nodes=no --nodes=unknown
expect 'lmsstage --color=a' --color=always --color=auto
expect_has 'lmsstage --' --json --explain --brief --color --help --version --no-nodes --peritoneal-cytology
expect 'lmsstage --nodes --no-n'
expect 'lmsstage --site uterus --si' --size
expect 'lmsstage b' batch
expect 'lmsstage ' batch check rules help completion
expect 'lmsstage completion ' bash zsh fish
expect_has 'lmsstage rules ' ajcc7-sts ajcc8-gist figo2009-uterine survival notes
expect 'lmsstage rules --' --json --help
expect 'lmsstage batch ' alpha.ndjson beta.json cases/
expect 'lmsstage check a' alpha.ndjson
expect 'lmsstage batch --' --from --to --columns --naaccr --keep --delimiter --size-unit --blank --summary --exit-zero --encoding --raw-cells --help
expect 'lmsstage batch --to ' json ndjson csv tsv naaccr-xml fhir

cd /
rm -r $dir
if test $failures -gt 0
    echo "$failures completion check(s) failed"
    exit 1
end
echo "fish completion: every check passed"
