#!/bin/sh
# SPDX-License-Identifier: MIT
# Checks that a generated man page mentions every option that the program's
# --help output shows (for kconfig-studio-cli also "help" and the commands'
# own "COMMAND --help").
#
#   check-man.sh PROGRAM MANPAGE.1.gz
set -eu
[ $# -eq 2 ] || { echo "usage: $0 PROGRAM MANPAGE.1.gz" >&2; exit 2; }
program=$1 page=$2
[ -s "$page" ] || { echo "FAIL: $page was not generated" >&2; exit 1; }
name=$(basename "$program")

# Help text as the user sees it (the CLI's --help exits 1, like the kernel's conf).
help=$(QT_QPA_PLATFORM=offscreen "$program" --help 2>/dev/null || true)
if [ "$name" = kconfig-studio-cli ]; then
    help="$help
$("$program" help)"
    for verb in $(sh "$(dirname "$0")/../../packaging/verbs-with-help.sh" "$program"); do
        help="$help
$("$program" "$verb" --help)"
    done
fi
options=$(printf '%s\n' "$help" | grep -oE -- '(^|[[:space:],[])--?[A-Za-z][A-Za-z0-9-]*' |
    sed 's/^[[:space:],[]*//' | sort -u)
[ -n "$options" ] || { echo "FAIL: no options found in $name --help" >&2; exit 1; }

# The page as text: roff dashes and font changes undone.
text=$(gzip -dc "$page" | sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\[,/&]//g')
printf '%s\n' "$text" | grep -q '^\.TH ' || { echo "FAIL: $page is not a man page" >&2; exit 1; }

missing=0 count=0
for option in $options; do
    count=$((count + 1))
    if ! printf '%s\n' "$text" | grep -qE -- "(^|[^A-Za-z0-9-])$option([^A-Za-z0-9-]|\$)"; then
        echo "FAIL: $page does not mention $option" >&2
        missing=$((missing + 1))
    fi
done
[ "$missing" -eq 0 ] || exit 1
echo "$page mentions all $count options of $name: $(echo $options)"
