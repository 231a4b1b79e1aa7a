#!/bin/bash
# SPDX-License-Identifier: MIT
# Checks the bash completion of kconfig-studio and kconfig-studio-cli as
# installed under PREFIX, on the installed demo tree: options, analysis
# commands, and symbol names from --tree DIR, the current directory, PATH or
# (for kconfig-studio) the demo tree.
#
#   check-completion.sh PREFIX
set -eu
[ $# -eq 1 ] || { echo "usage: $0 PREFIX" >&2; exit 2; }
prefix=$(cd "$1" && pwd)
demo=$prefix/share/kconfig-studio/demo
bash_completion=/usr/share/bash-completion/bash_completion
[ -f "$bash_completion" ] || { echo "FAIL: $bash_completion is missing (Debian: bash-completion)" >&2; exit 1; }
export PATH="$prefix/bin:$PATH"
unset srctree

set +u
# shellcheck disable=SC1090
. "$bash_completion"
. "$prefix/share/bash-completion/completions/kconfig-studio-cli"
. "$prefix/share/bash-completion/completions/kconfig-studio"
set -u
# compopt only works while readline runs a completion function.
compopt() { builtin compopt "$@" 2>/dev/null || true; }

# Completes LINE (cursor at its end) like readline would, splitting words at
# blanks and at "=", and prints the candidates sorted on one line.
complete_line() {
    local line=$1 function
    local -a words
    read -ra words <<<"${line//=/ = }"
    [[ $line == *' ' || $line == *= ]] && words+=("")
    COMP_WORDS=("${words[@]}")
    COMP_CWORD=$((${#words[@]} - 1))
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMPREPLY=()
    function=$(complete -p "${words[0]}" | sed -E 's/.*-F ([^ ]+).*/\1/')
    set +u
    "$function" "${words[0]}" "${words[COMP_CWORD]}" "${words[COMP_CWORD - 1]}"
    set -u
    printf '%s\n' "${COMPREPLY[@]}" | sort -u | tr '\n' ' ' | sed 's/ $//'
}

failures=0
# expect LINE WORD...: every WORD must be among the candidates.
expect() {
    local line=$1 got word
    shift
    got=" $(complete_line "$line") "
    for word in "$@"; do
        if [[ $got != *" $word "* ]]; then
            echo "FAIL: '$line' offers [${got:1:${#got}-2}], not '$word'" >&2
            failures=$((failures + 1))
            return
        fi
    done
    echo "ok: '$line' -> $*"
}
# expect_none LINE WORD: WORD must not be offered.
expect_none() {
    local got
    got=" $(complete_line "$1") "
    if [[ $got == *" $2 "* ]]; then
        echo "FAIL: '$1' offers '$2'" >&2
        failures=$((failures + 1))
    else
        echo "ok: '$1' does not offer $2"
    fi
}

cd "$(mktemp -d)"
expect 'kconfig-studio-cli ' why explain help
expect 'kconfig-studio-cli wh' why
expect 'kconfig-studio-cli --olddef' --olddefconfig
expect 'kconfig-studio-cli --s' --silent --savedefconfig --syncconfig
expect "kconfig-studio-cli why --tree $demo VFIO_CONT" VFIO_CONTAINER
expect "kconfig-studio-cli why --tree $demo --" --want --format --config --no-shell
expect "kconfig-studio-cli why --tree $demo --format " text markdown json
expect "kconfig-studio-cli why --tree $demo --want " y m n
expect "kconfig-studio-cli explain --tree $demo --set IOMMUFD_" IOMMUFD_DRIVER= IOMMUFD_VFIO_CONTAINER=
expect "kconfig-studio-cli explain --tree $demo --set IOMMUFD=" y m n
expect "kconfig-studio-cli why --tree $demo --arch " x86 powerpc
expect_none "kconfig-studio-cli why --tree $demo VFIO_CONT" VFIO_GROUP
# Commands with their own options, where this build has them.
if kconfig-studio-cli graph --help 2>/dev/null | grep -q -- '--direction'; then
    expect "kconfig-studio-cli graph --tree $demo VFIO_CONT" VFIO_CONTAINER
    expect 'kconfig-studio-cli graph --' --direction --depth --changes --set --tree
    expect 'kconfig-studio-cli graph --direction ' needs needed-by both
    expect 'kconfig-studio-cli graph --format ' svg png dot
    expect 'kconfig-studio-cli graph --kinds depends,se' depends,select
fi
if kconfig-studio-cli help | grep -q -- '--baseline'; then
    expect "kconfig-studio-cli impact --tree $demo --baseline all" alldefconfig allnoconfig
fi
if QT_QPA_PLATFORM=offscreen kconfig-studio --help 2>/dev/null | grep -q -- '--baseline'; then
    expect 'kconfig-studio --baseline allno' allnoconfig
fi
expect 'kconfig-studio --sel' --select
expect 'kconfig-studio --' --screenshot --set --size --arch --config --version --help
# No tree here: kconfig-studio opens, and completes from, the installed demo tree.
expect 'kconfig-studio --select IOMMUFD_D' IOMMUFD_DRIVER
expect 'kconfig-studio --set VFIO_G' VFIO_GROUP=
expect 'kconfig-studio --set VFIO_GROUP=' y m n
expect "kconfig-studio $demo --arch " x86 powerpc
expect "kconfig-studio $demo/Kconfig --select VFIO_NO" VFIO_NOIOMMU

# The tree in the current directory (like running conf from the top of a kernel tree).
cd "$demo"
expect 'kconfig-studio-cli why VFIO_N' VFIO_NOIOMMU
expect 'kconfig-studio --select PC' PCI
srctree=$demo/drivers/vfio
export srctree
cd /
expect 'kconfig-studio-cli why VFIO_' VFIO_NOIOMMU
expect_none 'kconfig-studio-cli why ' PCI

[ "$failures" -eq 0 ] || { echo "$failures completion checks failed" >&2; exit 1; }
echo "all completion checks passed"
