#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes the command-line reference of README.md (the part between the
# "cli-reference" markers, the markers included) from the programs' own
# --help output; with --check, fails when README.md differs from it; with
# --print, prints that part (for pasting) and leaves README.md alone.
#
#   packaging/readme-reference.sh [--check | --print] BIN_DIR...
#
# BIN_DIR...: the directories holding kconfig-studio and kconfig-studio-cli
# (for a build tree: BUILD/app/gui BUILD/app/cli).
set -eu
mode="write"
case ${1-} in
--check | --print) mode=${1#--}; shift ;;
esac
[ $# -ge 1 ] || { echo "usage: $0 [--check | --print] BIN_DIR..." >&2; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
readme=$top/README.md
for dir in "$@"; do PATH="$(cd "$dir" && pwd):$PATH"; done
export PATH
unset DISPLAY WAYLAND_DISPLAY
export QT_QPA_PLATFORM=offscreen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

block() {
    printf '\n`%s`\n\n```text\n' "$1"
    shift
    # The CLI's --help exits 1, like the kernel's conf.
    "$@" 2>/dev/null || true
    printf '```\n'
}
{
    printf '<!-- cli-reference: begin (packaging/readme-reference.sh writes this part) -->\n'
    block 'kconfig-studio --help' kconfig-studio --help
    block 'kconfig-studio-cli --help' kconfig-studio-cli --help
    block 'kconfig-studio-cli help' kconfig-studio-cli help
    for verb in $(sh "$top/packaging/verbs-with-help.sh" kconfig-studio-cli); do
        block "kconfig-studio-cli $verb --help" kconfig-studio-cli "$verb" --help
    done
    printf '<!-- cli-reference: end -->\n'
} >"$tmp/reference"
if [ "$mode" = print ]; then
    cat "$tmp/reference"
    exit 0
fi

grep -q '^<!-- cli-reference: begin' "$readme" && grep -q '^<!-- cli-reference: end' "$readme" ||
    { echo "$0: $readme has no cli-reference markers" >&2; exit 1; }
awk -v ref="$tmp/reference" '
    /^<!-- cli-reference: begin/ { while ((getline line < ref) > 0) print line; skip = 1; next }
    /^<!-- cli-reference: end/ { skip = 0; next }
    !skip { print }
' "$readme" >"$tmp/README.md"

if [ "$mode" = check ]; then
    if ! diff -u "$readme" "$tmp/README.md"; then
        echo "FAIL: the command-line reference in README.md is not the programs' --help output;" \
            "run packaging/readme-reference.sh BUILD/app/gui BUILD/app/cli" >&2
        exit 1
    fi
    echo "README.md: the command-line reference matches --help"
else
    cp "$tmp/README.md" "$readme"
    echo "updated $readme"
fi
