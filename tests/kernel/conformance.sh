#!/bin/sh
# SPDX-License-Identifier: MIT
# Conformance on the real Linux 6.12 tree: runs the kernel's conf and
# kconfig-studio-cli with the same arguments, input files, standard input and
# environment (the one the kernel Makefile exports, from kernel-env.sh, so
# that the $(shell) probes really run), each in its own scratch directory, and
# compares stdout, stderr, exit status, every file left in the directory and
# the set of files written or touched (include/config/<SYMBOL> stamps).
#
# Usage: conformance.sh GROUP KCONFIG_STUDIO_CLI
# Groups: x86_64-allconfigs x86_64-defconfig x86_64-debian x86_64-syncconfig
#         x86_64-newconfig x86_64-randconfig x86_64-rewrite arm64 riscv
# Needs the tree and conf from prepare-kernel-tree.sh (the ctest fixture).
# On a mismatch it prints the differences and exits with 1.
set -eu
group=$1
cli=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

if [ ! -x "$kcs_conf" ] || [ ! -f "$kcs_src/Kconfig" ]; then
    echo "error: no kernel tree/conf in $kcs_cache; run $here/prepare-kernel-tree.sh" >&2
    exit 1
fi

# Scratch space: tmpfs when available (kconfig-studio-cli fsyncs what it writes).
tmp=${KCS_TEST_TMPDIR:-}
if [ -z "$tmp" ]; then
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then tmp=/dev/shm; else tmp=${TMPDIR:-/tmp}; fi
fi
scratch=$(mktemp -d "$tmp/kcs-conformance.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
epoch=946684800
touch -d "@$((epoch + 86400))" "$scratch/ref"
failures=0
checks=0

# Results of the kernel's conf that several groups start from, cached next to
# the tree (prepare-kernel-tree.sh removes them when it re-extracts).
seeds=$kcs_cache/seeds
mkdir -p "$seeds"

# The environment file for an architecture (NAME=value lines).
envfile() {
    f=$scratch/env.$1
    if [ ! -f "$f" ]; then
        sh "$here/kernel-env.sh" "$kcs_src" "$1" >"$f"
        # Probe results of kconfig-studio-cli are cached here between runs.
        echo "XDG_CACHE_HOME=$kcs_cache/xdg" >>"$f"
    fi
    echo "$f"
}

cat >"$scratch/runenv.sh" <<'EOF'
# Exports the NAME=value lines of $1, then runs the rest of the arguments.
envfile=$1; shift
while IFS= read -r line || [ -n "$line" ]; do
    [ -n "$line" ] && export "$line"
done <"$envfile"
exec "$@"
EOF

# run TOOL ARCH DIR STDIN EXTRA_ENV ARGS...: runs TOOL in DIR; leaves DIR.out,
# DIR.err and DIR.rc next to it. EXTRA_ENV is a blank-separated list of
# NAME=value words ("" for none).
run() {
    tool=$1 arch=$2 dir=$3 stdin=$4 extra=$5
    shift 5
    rc=0
    # shellcheck disable=SC2086
    (cd "$dir" && env -i /bin/sh "$scratch/runenv.sh" "$(envfile "$arch")" \
        env $extra "$tool" "$@" <"$stdin" >"$dir.out" 2>"$dir.err") || rc=$?
    echo "$rc" >"$dir.rc"
}

# prepare_dir DIR SEED: DIR gets a copy of the directory SEED ("" for an empty
# one), with every file dated back to the epoch.
prepare_dir() {
    rm -rf "$1" && mkdir -p "$1"
    if [ -n "$2" ]; then
        cp -a "$2/." "$1/"
        find "$1" -exec touch -h -d "@$epoch" {} +
    fi
}

# compare NAME DIR_A DIR_B: prints the differences of two finished runs.
compare() {
    name=$1 a=$2 b=$3 ok=1
    for part in out err rc; do
        if ! cmp -s "$a.$part" "$b.$part"; then
            echo "  $part differs:"; diff -u "$a.$part" "$b.$part" | head -40 | sed 's/^/    /'
            ok=0
        fi
    done
    if ! diff -r --no-dereference "$a" "$b" >/dev/null 2>&1; then
        echo "  files differ:"; diff -ru --no-dereference "$a" "$b" | head -60 | sed 's/^/    /'
        ok=0
    fi
    (cd "$a" && find . ! -type d -newer "$scratch/ref" | sort) >"$a.touched"
    (cd "$b" && find . ! -type d -newer "$scratch/ref" | sort) >"$b.touched"
    if ! cmp -s "$a.touched" "$b.touched"; then
        echo "  written/touched files differ:"
        diff -u "$a.touched" "$b.touched" | head -40 | sed 's/^/    /'
        ok=0
    fi
    [ $ok = 1 ]
}

# check NAME ARCH SEED STDIN EXTRA_ENV ARGS...: conf and kconfig-studio-cli
# on the same input; the results stay in $scratch/NAME/{conf,studio}.
check() {
    name=$1 arch=$2 seed=$3 stdin=$4 extra=$5
    shift 5
    base=$scratch/$name
    mkdir -p "$base"
    t0=$(date +%s)
    prepare_dir "$base/conf" "$seed"
    run "$kcs_conf" "$arch" "$base/conf" "$stdin" "$extra" "$@"
    t1=$(date +%s)
    prepare_dir "$base/studio" "$seed"
    run "$cli" "$arch" "$base/studio" "$stdin" "$extra" "$@"
    t2=$(date +%s)
    checks=$((checks + 1))
    if compare "$name" "$base/conf" "$base/studio" >"$base.report"; then
        echo "PASS $name (conf $((t1 - t0))s, kconfig-studio-cli $((t2 - t1))s)"
    else
        echo "FAIL $name: conf $*"; cat "$base.report"
        failures=$((failures + 1))
    fi
}

# seed_dir NAME ARCH ARGS...: a directory holding the .config the kernel's
# conf writes for ARGS (cached).
seed_dir() {
    name=$1 arch=$2
    shift 2
    d=$seeds/$name
    if [ ! -f "$d/.config" ]; then
        rm -rf "$d" "$d.tmp" && mkdir -p "$d.tmp"
        run "$kcs_conf" "$arch" "$d.tmp" /dev/null "" "$@"
        if [ "$(cat "$d.tmp.rc")" != 0 ]; then
            echo "error: conf $* failed while preparing a seed:" >&2; cat "$d.tmp.err" >&2
            exit 1
        fi
        mkdir -p "$d" && cp "$d.tmp/.config" "$d/.config" && rm -rf "$d.tmp"*
    fi
    echo "$d"
}

# config_dir FILE: a seed directory whose .config is FILE (xz allowed).
config_dir() {
    d=$scratch/seed-$(basename "$1")
    rm -rf "$d" && mkdir -p "$d"
    case $1 in
        *.xz) xz -dc "$1" >"$d/.config" ;;
        *) cp "$1" "$d/.config" ;;
    esac
    echo "$d"
}

answers() { # piped answers for oldconfig: defaults, y, n, m, help, invalid text
    awk 'BEGIN { split("|y||n|m||?|yes|bogus||", a, "|");
                 for (i = 0; i < 6000; i++) print a[i % 11 + 1] }'
}

allmodes() { # the whole-configuration modes for an architecture
    arch=$1 defconfig=$2
    for mode in allnoconfig allyesconfig allmodconfig alldefconfig; do
        check "$arch-$mode" "$arch" "" /dev/null "" --$mode Kconfig
    done
    check "$arch-defconfig" "$arch" "" /dev/null "" --defconfig="$defconfig" Kconfig
    seed=$(seed_dir "$arch-defconfig" "$arch" --defconfig="$defconfig" Kconfig)
    check "$arch-savedefconfig" "$arch" "$seed" /dev/null "" --savedefconfig=defconfig Kconfig
    check "$arch-olddefconfig" "$arch" "$seed" /dev/null "" --olddefconfig Kconfig
}

x86def=arch/x86/configs/x86_64_defconfig

case $group in
x86_64-allconfigs)
    for mode in allnoconfig allyesconfig allmodconfig alldefconfig; do
        check "x86_64-$mode" x86_64 "" /dev/null "" --$mode Kconfig
    done
    # tinyconfig's way: allnoconfig seeded by a fragment
    check x86_64-allnoconfig-tiny x86_64 "" /dev/null \
        "KCONFIG_ALLCONFIG=$kcs_src/kernel/configs/tiny-base.config" --allnoconfig Kconfig
    ;;
x86_64-defconfig)
    check x86_64-defconfig x86_64 "" /dev/null "" --defconfig=$x86def Kconfig
    # the same without the probe cache: every $(shell) runs again
    check x86_64-defconfig-no-probe-cache x86_64 "" /dev/null \
        "KCONFIG_STUDIO_NO_PROBE_CACHE=1" --defconfig=$x86def Kconfig
    seed=$(seed_dir x86_64-defconfig x86_64 --defconfig=$x86def Kconfig)
    check x86_64-savedefconfig x86_64 "$seed" /dev/null "" --savedefconfig=defconfig Kconfig
    # KCONFIG_DEFCONFIG_LIST: no .config, olddefconfig starts from the defconfig
    check x86_64-olddefconfig-defconfig-list x86_64 "" /dev/null "" --olddefconfig Kconfig
    ;;
x86_64-debian)
    found=0
    for xz in "$kcs_debian_configs"/config.*.xz; do
        [ -f "$xz" ] || continue
        found=1
        n=$(basename "$xz" .xz)
        seed=$(config_dir "$xz")
        check "x86_64-olddefconfig-$n" x86_64 "$seed" /dev/null "" --olddefconfig Kconfig
        check "x86_64-savedefconfig-$n" x86_64 "$scratch/x86_64-olddefconfig-$n/conf" /dev/null "" \
            --savedefconfig=defconfig Kconfig
    done
    if [ $found = 0 ]; then
        echo "error: no Debian configs in $kcs_debian_configs (package linux-config-6.12)" >&2
        exit 1
    fi
    ;;
x86_64-syncconfig)
    seed=$(seed_dir x86_64-defconfig x86_64 --defconfig=$x86def Kconfig)
    check x86_64-syncconfig-fresh x86_64 "$seed" /dev/null "" --syncconfig Kconfig
    # Change values in conf's result and synchronise again: only the stamps of
    # symbols whose value changed may be touched.
    step2=$scratch/sync-step2
    rm -rf "$step2" && cp -a "$scratch/x86_64-syncconfig-fresh/conf" "$step2"
    sed -i -e 's/^CONFIG_IPV6=y/# CONFIG_IPV6 is not set/' \
        -e 's/^CONFIG_LOCALVERSION=.*/CONFIG_LOCALVERSION="-conformance"/' \
        -e 's/^CONFIG_NR_CPUS=.*/CONFIG_NR_CPUS=16/' \
        -e 's/^CONFIG_EXT4_FS=y/CONFIG_EXT4_FS=m/' "$step2/.config"
    check x86_64-syncconfig-changed x86_64 "$step2" /dev/null "" --syncconfig Kconfig
    # Nothing changed: syncconfig rewrites the outputs but touches no stamp.
    check x86_64-syncconfig-unchanged x86_64 "$scratch/x86_64-syncconfig-changed/conf" /dev/null "" \
        --syncconfig Kconfig
    # KCONFIG_NOSILENTUPDATE with a configuration that would change.
    step4=$scratch/sync-step4
    rm -rf "$step4" && cp -a "$scratch/x86_64-syncconfig-changed/conf" "$step4"
    sed -i '/^CONFIG_PRINTK=/d' "$step4/.config"
    check x86_64-syncconfig-nosilentupdate x86_64 "$step4" /dev/null "KCONFIG_NOSILENTUPDATE=1" \
        --syncconfig Kconfig
    ;;
x86_64-newconfig)
    base=$(seed_dir x86_64-defconfig x86_64 --defconfig=$x86def Kconfig)
    old=$scratch/old-config
    mkdir -p "$old"
    # an "old" config: every fifth symbol line is missing
    awk '/^(CONFIG_|# CONFIG_)/ && ++n % 5 == 0 { next } { print }' "$base/.config" >"$old/.config"
    check x86_64-listnewconfig x86_64 "$old" /dev/null "" --listnewconfig Kconfig
    check x86_64-helpnewconfig x86_64 "$old" /dev/null "" --helpnewconfig Kconfig
    answers >"$scratch/answers"
    check x86_64-oldconfig-answers x86_64 "$old" "$scratch/answers" "" --oldconfig Kconfig
    ;;
x86_64-randconfig)
    check x86_64-randconfig-seed x86_64 "" /dev/null "KCONFIG_SEED=0x1a2b3c" --randconfig Kconfig
    check x86_64-randconfig-probability x86_64 "" /dev/null \
        "KCONFIG_SEED=42 KCONFIG_PROBABILITY=20:30" --randconfig Kconfig
    check x86_64-randconfig-probability3 x86_64 "" /dev/null \
        "KCONFIG_SEED=7 KCONFIG_PROBABILITY=80:10:5" --randconfig Kconfig
    # Consistency: conf --olddefconfig leaves kconfig-studio-cli's result alone.
    d=$scratch/randconfig-consistency
    prepare_dir "$d" "$scratch/x86_64-randconfig-seed/studio"
    run "$kcs_conf" x86_64 "$d" /dev/null "" --olddefconfig Kconfig
    checks=$((checks + 1))
    if cmp -s "$d/.config" "$scratch/x86_64-randconfig-seed/studio/.config"; then
        echo "PASS x86_64-randconfig-consistency"
    else
        echo "FAIL x86_64-randconfig-consistency: conf --olddefconfig changes the randconfig output:"
        diff -u "$scratch/x86_64-randconfig-seed/studio/.config" "$d/.config" | head -40
        failures=$((failures + 1))
    fi
    # KCONFIG_PROBABILITY out of range is an error
    check x86_64-randconfig-bad-probability x86_64 "" /dev/null \
        "KCONFIG_SEED=1 KCONFIG_PROBABILITY=70:40" --randconfig Kconfig
    ;;
x86_64-rewrite)
    deb=$(ls "$kcs_debian_configs"/config.amd64_none_amd64.xz 2>/dev/null || true)
    [ -n "$deb" ] || { echo "error: no Debian amd64 config in $kcs_debian_configs" >&2; exit 1; }
    seed=$(config_dir "$deb")
    for mode in yes2modconfig mod2yesconfig mod2noconfig; do
        check "x86_64-$mode" x86_64 "$seed" /dev/null "" --$mode Kconfig
    done
    ;;
arm64)
    allmodes arm64 arch/arm64/configs/defconfig
    ;;
riscv)
    allmodes riscv arch/riscv/configs/defconfig
    ;;
*)
    echo "error: unknown group '$group'" >&2
    exit 2
    ;;
esac

echo "$group: $checks checks, $failures failed"
[ $failures = 0 ]
