#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerates the expected outputs of the golden test cases under tests/data by
# running a reference conf (the kernel's scripts/kconfig/conf) on them.
#
# Usage: tests/accept-references.sh [-c CONF] [CASE_DIR...]
#   CONF      the reference conf binary (default: the one built by
#             tests/kernel/prepare-kernel-tree.sh)
#   CASE_DIR  cases to regenerate (default: every case under tests/data)
#
# A case directory holds:
#   README   one line saying what the case checks
#   args     the conf arguments, separated by blanks (e.g. "--olddefconfig Kconfig")
#   env      optional NAME=value lines added to the environment
#   stdin    optional standard input (otherwise /dev/null)
#   *.expected  hand-written expectations for unit-level checks (not copied)
#   anything else: input files, copied into a scratch directory that becomes the
#            working directory; a "dot-" prefix becomes "." (dot-config -> .config)
# and gets expected/{stdout,stderr,exitcode} plus expected/files/ holding every
# file the run created or modified. The Qt tests (golden*.cpp) set up the
# scratch directory the same way and run kconfig-studio-cli instead.
# Review the changes (git diff) before committing them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/kernel/common.sh"
conf=$kcs_conf
if [ "${1:-}" = "-c" ]; then
    conf=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2
fi
[ -x "$conf" ] || { echo "error: no conf at $conf (run tests/kernel/prepare-kernel-tree.sh or pass -c)" >&2; exit 1; }

if [ $# -eq 0 ]; then
    set -- $(find "$here/data" -name args -type f | sort | xargs -n1 dirname)
fi

# The fixed environment every case runs in (golden.cpp uses the same one).
base_path=/usr/local/bin:/usr/bin:/bin
epoch=946684800 # inputs get this mtime, so that rewritten files can be told apart

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

for c in "$@"; do
    c=$(cd "$c" && pwd)
    work=$scratch/work
    rm -rf "$work" "$scratch/ref" "$scratch/inputs"
    mkdir -p "$work"
    (cd "$c" && find . -type f ! -name README ! -name args ! -name env ! -name stdin \
        ! -name '*.expected' ! -path './expected/*' | sort) | while read -r f; do
        dir=$(dirname "$f"); base=$(basename "$f")
        case $base in dot-*) base=.${base#dot-} ;; esac
        mkdir -p "$work/$dir"
        cp "$c/$f" "$work/$dir/$base"
        touch -d "@$epoch" "$work/$dir/$base"
        echo "$dir/$base" >>"$scratch/inputs"
    done
    touch "$scratch/inputs"
    touch -d "@$((epoch + 86400))" "$scratch/ref"

    envargs="PATH=$base_path LC_ALL=C"
    stdin=/dev/null
    [ -f "$c/stdin" ] && stdin=$c/stdin
    # shellcheck disable=SC2046
    (
        cd "$work"
        set -f
        if [ -f "$c/env" ]; then
            # NAME=value lines (values may contain blanks)
            set -- $(cat "$c/args")
            env -i $envargs sh -c '
                while IFS= read -r line || [ -n "$line" ]; do
                    case $line in ""|"#"*) continue ;; esac
                    export "$line"
                done <"$0"
                exec "$@"' "$c/env" "$conf" "$@" <"$stdin" >"$scratch/stdout" 2>"$scratch/stderr" || rc=$?
        else
            env -i $envargs "$conf" $(cat "$c/args") <"$stdin" >"$scratch/stdout" 2>"$scratch/stderr" || rc=$?
        fi
        echo "${rc:-0}" >"$scratch/exitcode"
    ) || true

    rm -rf "$c/expected"
    mkdir -p "$c/expected"
    cp "$scratch/stdout" "$scratch/stderr" "$scratch/exitcode" "$c/expected/"
    (cd "$work" && find . -type f | sort) | while read -r f; do
        if ! grep -qxF "$f" "$scratch/inputs" || [ "$work/$f" -nt "$scratch/ref" ]; then
            mkdir -p "$c/expected/files/$(dirname "$f")"
            cp "$work/$f" "$c/expected/files/$f"
        fi
    done
    echo "${c#"$here"/}: exit $(cat "$scratch/exitcode")"
done
