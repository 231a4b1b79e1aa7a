#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs the Debian package on a fresh, minimal Debian 12 system (made with
# mmdebstrap from the Debian archive into a directory) and runs both programs
# from it there: what a user gets who installs the .deb on a new machine,
# with only the packages that its Depends pull in.
#
#   packaging/test-deb-fresh.sh BUILD_DIR|PACKAGE.deb [OUTPUT_DIR]
#
# BUILD_DIR must be built already (cpack packs its binaries). Needs root,
# mmdebstrap (Debian: mmdebstrap) and the Debian archive; downloads about
# 100 MB and takes a few minutes, so it is not part of ctest. OUTPUT_DIR
# (default: a temporary directory) receives the logs and the screenshot
# taken on the fresh system.
set -eu
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 BUILD_DIR|PACKAGE.deb [OUTPUT_DIR]" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (mmdebstrap, chroot)"; exit 77; }
command -v mmdebstrap >/dev/null || { echo "SKIP: mmdebstrap is missing (Debian: mmdebstrap)"; exit 77; }
mirror=${KCS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${KCS_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}

work=$(mktemp -d "${TMPDIR:-/tmp}/kconfig-studio-fresh.XXXXXX")
root=$work/root
out=${2:-$work/out}
mkdir -p "$out"
out=$(cd "$out" && pwd)
trap 'rm -rf --one-file-system "$work"' EXIT
trap 'exit 1' INT TERM
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

if [ -d "$1" ]; then
    [ -f "$1/CPackConfig.cmake" ] || fail "no CPackConfig.cmake in $1"
    echo "== cpack -G DEB"
    cpack -G DEB --config "$(cd "$1" && pwd)/CPackConfig.cmake" -B "$work/deb" >"$out/cpack.log" 2>&1 ||
        { cat "$out/cpack.log" >&2; fail "cpack"; }
    deb=$(ls "$work"/deb/kconfig-studio_*.deb)
else
    deb=$1
fi
echo "$deb"

echo "== mmdebstrap bookworm (minbase) into $root"
mmdebstrap --mode=root --variant=minbase bookworm "$root" \
    "deb $mirror bookworm main" "deb $mirror bookworm-updates main" \
    "deb $security bookworm-security main" >"$out/mmdebstrap.log" 2>&1 ||
    { tail -n 30 "$out/mmdebstrap.log" >&2; fail "mmdebstrap"; }
cp "$deb" "$root/tmp/kconfig-studio.deb"

# Everything else runs inside the fresh system, with /proc and /dev mounted in
# a mount namespace of its own (gone when it ends).
cat >"$root/tmp/check.sh" <<'CHECK'
set -eu
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 HOME=/root
unset DISPLAY WAYLAND_DISPLAY srctree KCONFIG_CONFIG ARCH SRCARCH
echo "== apt-get install ./kconfig-studio.deb (no recommends)"
before=$(dpkg-query -W -f='${Package}\n' | wc -l)
apt-get update -qq >/tmp/apt.log 2>&1 || { cat /tmp/apt.log >&2; fail "apt-get update"; }
apt-get install -y -qq --no-install-recommends /tmp/kconfig-studio.deb >>/tmp/apt.log 2>&1 ||
    { cat /tmp/apt.log >&2; fail "apt-get install"; }
after=$(dpkg-query -W -f='${Package}\n' | wc -l)
echo "installed kconfig-studio $(dpkg-query -W -f='${Version}' kconfig-studio) and $((after - before - 1)) packages it depends on"

cd /tmp
echo "== kconfig-studio-cli --help"
status=0
kconfig-studio-cli --help >help.txt 2>&1 || status=$?
head -n 1 help.txt
[ "$status" -eq 1 ] || fail "kconfig-studio-cli --help exits with $status, not 1 like conf"
grep -q -- '--olddefconfig' help.txt || fail "kconfig-studio-cli --help lists no --olddefconfig"
echo "== kconfig-studio-cli --version"
kconfig-studio-cli --version
echo "== kconfig-studio-cli on the demo tree"
cp -r /usr/share/kconfig-studio/demo demo
cp demo/.config demo.config
(cd demo && srctree=. KCONFIG_CONFIG=/tmp/demo.config kconfig-studio-cli --olddefconfig Kconfig) ||
    fail "kconfig-studio-cli --olddefconfig"
grep -q '^CONFIG_VFIO_CONTAINER=y$' demo.config || fail "--olddefconfig wrote no CONFIG_VFIO_CONTAINER=y"
kconfig-studio-cli why VFIO_CONTAINER --tree demo --config demo.config | head -n 3
kconfig-studio-cli graph --changes --set IOMMUFD=m --tree demo --config demo.config -o graph.png ||
    fail "kconfig-studio-cli graph -o graph.png"
echo "== kconfig-studio --version"
kconfig-studio --version
echo "== kconfig-studio --screenshot (offscreen)"
QT_QPA_PLATFORM=offscreen kconfig-studio --screenshot screenshot.png --size 1200x750 \
    --set IOMMUFD=m --select IOMMUFD_DRIVER || fail "kconfig-studio --screenshot"
[ -s screenshot.png ] || fail "no screenshot written"
echo "PASS: kconfig-studio installs on a fresh Debian 12 and both programs run"
CHECK
unshare --mount --propagation private sh -c '
    mount -t proc proc "$1/proc" && mount --rbind /dev "$1/dev" &&
    chroot "$1" sh /tmp/check.sh' sh "$root" 2>&1 | tee "$out/check.log"
grep -q '^PASS:' "$out/check.log" || fail "see $out/check.log"
cp "$root/tmp/screenshot.png" "$root/tmp/graph.png" "$out/"
echo "logs, screenshot.png and graph.png from the fresh system: $out"
