#!/bin/sh
# Runs the kernel's conf and kconfig-studio-cli with the same arguments in two
# scratch directories and compares stdout, stderr, exit status and every file
# they write. Usage: compare-with-conf.sh CONF STUDIO_CLI SRCDIR [SEED_CONFIG] -- conf-args...
# Environment is passed through unchanged. Exit status 0 when identical.
set -u
conf=$1; studio=$2; srcdir=$3; seed=$4; shift 4
[ "$1" = "--" ] && shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for tool in conf studio; do
    mkdir -p "$work/$tool"
    [ -n "$seed" ] && cp "$seed" "$work/$tool/.config"
    if [ "$tool" = conf ]; then bin=$conf; else bin=$studio; fi
    (cd "$work/$tool" && srctree=$srcdir "$bin" "$@" >"$work/$tool.stdout" 2>"$work/$tool.stderr" </dev/null; echo $? >"$work/$tool.rc")
done
for f in stdout stderr rc; do
    if ! cmp -s "$work/conf.$f" "$work/studio.$f"; then
        echo "DIFF in $f:"; diff -u "$work/conf.$f" "$work/studio.$f" | head -40; status=1
    fi
done
if ! diff -r "$work/conf" "$work/studio" >/dev/null; then
    echo "DIFF in written files:"; diff -ru "$work/conf" "$work/studio" | head -60; status=1
fi
exit $status
