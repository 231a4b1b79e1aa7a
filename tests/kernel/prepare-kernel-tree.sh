#!/bin/sh
# SPDX-License-Identifier: MIT
# Test fixture: extracts the Linux 6.12 source (Debian package
# linux-source-6.12) once into a cache directory outside the repository and
# builds the kernel's own conf there. Later runs only check the stamp files.
# Fails when the source package is not installed (tools/setup-deps installs it).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

if [ ! -r "$kcs_tarball" ]; then
    echo "error: $kcs_tarball not found; install the Debian package linux-source-6.12" >&2
    echo "       (tools/setup-deps does that)" >&2
    exit 1
fi
for tool in make gcc flex bison xz; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "error: '$tool' is needed to build the kernel's conf (see tools/setup-deps)" >&2
        exit 1
    fi
done

mkdir -p "$kcs_cache"
# One preparation at a time (ctest -j, or two test runs at once).
exec 9>"$kcs_cache/.lock"
flock 9

tar_id=$(stat -c '%s %Y' "$kcs_tarball")
if [ ! -f "$kcs_cache/.extracted" ] || [ "$(cat "$kcs_cache/.extracted")" != "$tar_id" ]; then
    echo "Extracting $kcs_tarball into $kcs_src (once)..."
    rm -rf "$kcs_src" "$kcs_src.tmp" "$kcs_conf_build" "$kcs_cache/.conf-built" "$kcs_cache/seeds"
    mkdir -p "$kcs_src.tmp"
    tar -xJf "$kcs_tarball" -C "$kcs_src.tmp" --strip-components=1
    mv "$kcs_src.tmp" "$kcs_src"
    echo "$tar_id" >"$kcs_cache/.extracted"
fi

if [ ! -f "$kcs_cache/.conf-built" ] || [ ! -x "$kcs_conf" ]; then
    echo "Building the kernel's conf in $kcs_conf_build..."
    rm -rf "$kcs_conf_build" "$kcs_cache/seeds"
    mkdir -p "$kcs_conf_build"
    # 'defconfig' builds scripts/kconfig/conf (and runs it once).
    if ! make -s -C "$kcs_src" O="$kcs_conf_build" ARCH=x86_64 defconfig >"$kcs_cache/build-conf.log" 2>&1; then
        cat "$kcs_cache/build-conf.log" >&2
        echo "error: building the kernel's conf failed" >&2
        exit 1
    fi
    [ -x "$kcs_conf" ] || { echo "error: $kcs_conf was not built" >&2; exit 1; }
    touch "$kcs_cache/.conf-built"
fi
echo "kernel tree: $kcs_src"
echo "kernel conf: $kcs_conf"
