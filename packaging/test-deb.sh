#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the Debian package from a build tree with cpack, installs it on this
# machine with apt-get (which also installs missing dependencies), checks the
# installed programs and files, and removes the package again.
#
#   packaging/test-deb.sh BUILD_DIR
#
# BUILD_DIR must be built already: cpack packs its binaries, nothing is
# rebuilt. Needs root or password-less sudo; exits 77 (skipped) without them,
# or when a kconfig-studio package is installed already (it is left alone).
set -eu
[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
build=$(cd "$1" && pwd)
[ -f "$build/CPackConfig.cmake" ] || { echo "FAIL: no CPackConfig.cmake in $build" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif sudo -n true 2>/dev/null; then
    sudo="sudo -n"
else
    echo "SKIP: installing a package needs root or password-less sudo"
    exit 77
fi

# One run at a time on a machine (several build trees may run this test).
exec 9>/tmp/kconfig-studio-test-deb.lock
flock 9

if dpkg-query -W -f='${Status}' kconfig-studio 2>/dev/null | grep -q 'ok installed'; then
    echo "SKIP: a kconfig-studio package is installed already; it is left alone"
    exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kconfig-studio-deb.XXXXXX")
installed=false
cleanup() {
    if $installed; then
        $sudo dpkg --purge kconfig-studio >/dev/null || echo "WARNING: could not remove kconfig-studio" >&2
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

echo "== cpack -G DEB"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack"; }
deb=$(ls "$work"/kconfig-studio_*.deb)
version=$(dpkg-deb -f "$deb" Version)
echo "$deb"
dpkg-deb -f "$deb" Package Version Architecture Section Maintainer Depends Recommends

echo "== control fields"
for field in Package Version Architecture Section Priority Maintainer Description Depends Homepage; do
    [ -n "$(dpkg-deb -f "$deb" "$field")" ] || fail "the package has no $field"
done
for lib in libqt6core6 libqt6gui6 libqt6widgets6 libqt6svg6 libgvc6 libstdc++6; do
    dpkg-deb -f "$deb" Depends | grep -q "$lib" || fail "Depends does not name $lib (dpkg-shlibdeps)"
done

echo "== apt-get install $deb"
installed=true
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "$deb" >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log" >&2; fail "apt-get install"; }
dpkg-query -W -f='${Status} ${Version}\n' kconfig-studio | grep -q "ok installed $version" ||
    fail "kconfig-studio $version is not installed"

echo "== installed files"
for f in /usr/bin/kconfig-studio /usr/bin/kconfig-studio-cli \
    /usr/share/kconfig-studio/demo/Kconfig \
    /usr/share/applications/org.kconfigstudio.KconfigStudio.desktop \
    /usr/share/metainfo/org.kconfigstudio.KconfigStudio.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/org.kconfigstudio.KconfigStudio.svg \
    /usr/share/icons/hicolor/48x48/apps/org.kconfigstudio.KconfigStudio.png \
    /usr/share/man/man1/kconfig-studio.1.gz /usr/share/man/man1/kconfig-studio-cli.1.gz \
    /usr/share/bash-completion/completions/kconfig-studio \
    /usr/share/bash-completion/completions/kconfig-studio-cli \
    /usr/share/doc/kconfig-studio/copyright; do
    dpkg -S "$f" >/dev/null 2>&1 || fail "$f is not in the package"
    [ -e "$f" ] || fail "$f is missing"
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/org.kconfigstudio.KconfigStudio.desktop
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net /usr/share/metainfo/org.kconfigstudio.KconfigStudio.metainfo.xml >/dev/null
fi

# The installed programs, from a directory that is not a Kconfig tree, with no display.
cd "$work"
unset DISPLAY WAYLAND_DISPLAY srctree KCONFIG_CONFIG

echo "== kconfig-studio-cli --help"
# Like the kernel's conf, --help prints the usage and exits with status 1.
status=0
/usr/bin/kconfig-studio-cli --help >"$work/help.txt" 2>&1 || status=$?
head -n 3 "$work/help.txt"
echo "(exit status $status)"
grep -q '^Usage: /usr/bin/kconfig-studio-cli \[options\] <kconfig-file>' "$work/help.txt" ||
    fail "kconfig-studio-cli --help prints no usage line"
for option in --olddefconfig --defconfig --savedefconfig --allnoconfig --no-shell --version; do
    grep -q -- "$option" "$work/help.txt" || fail "kconfig-studio-cli --help does not list $option"
done
[ "$status" -eq 1 ] || fail "kconfig-studio-cli --help exits with $status, not 1 like conf"

echo "== kconfig-studio-cli --version"
/usr/bin/kconfig-studio-cli --version | tee "$work/version.txt"
grep -qx "kconfig-studio-cli $version" "$work/version.txt" || fail "kconfig-studio-cli --version is not $version"

echo "== kconfig-studio-cli on the installed demo tree"
demo=/usr/share/kconfig-studio/demo
cp -r "$demo" "$work/demo"
# The shipped .config (VFIO=y), updated like a kernel build does.
cp "$demo/.config" "$work/demo.config"
(cd "$work/demo" && srctree=. KCONFIG_CONFIG="$work/demo.config" \
    /usr/bin/kconfig-studio-cli --olddefconfig Kconfig) || fail "kconfig-studio-cli --olddefconfig"
grep -q '^CONFIG_VFIO=y$' "$work/demo.config" || fail "--olddefconfig did not keep CONFIG_VFIO=y"
grep -q '^CONFIG_VFIO_CONTAINER=y$' "$work/demo.config" || fail "--olddefconfig wrote no CONFIG_VFIO_CONTAINER=y"
/usr/bin/kconfig-studio-cli why VFIO_CONTAINER --tree "$demo" --config "$work/demo.config" \
    >"$work/why.txt" || fail "kconfig-studio-cli why"
head -n 3 "$work/why.txt"
grep -q '^VFIO_CONTAINER = y' "$work/why.txt" || fail "kconfig-studio-cli why: VFIO_CONTAINER is not y"

echo "== kconfig-studio-cli graph (the picture module)"
# SVG and PNG come from a module the CLI loads from the installed lib directory.
/usr/bin/kconfig-studio-cli graph --changes --set IOMMUFD=m --tree "$demo" \
    --config "$work/demo.config" -o "$work/graph.png" 2>"$work/graph.log" ||
    { cat "$work/graph.log" >&2; fail "kconfig-studio-cli graph -o graph.png"; }
[ "$(od -An -c -j1 -N3 "$work/graph.png" | tr -d ' ')" = PNG ] || fail "the graph is not a PNG"
/usr/bin/kconfig-studio-cli graph VFIO --tree "$demo" --format svg -o "$work/graph.svg" 2>/dev/null ||
    fail "kconfig-studio-cli graph --format svg"
grep -q '<svg' "$work/graph.svg" || fail "the graph is not an SVG"

echo "== kconfig-studio --version"
/usr/bin/kconfig-studio --version 2>/dev/null | tee "$work/gui-version.txt"
grep -qx "kconfig-studio $version" "$work/gui-version.txt" || fail "kconfig-studio --version is not $version"
grep -q '^Qt 6' "$work/gui-version.txt" || fail "kconfig-studio --version does not name Qt"
grep -q '^Graphviz' "$work/gui-version.txt" || fail "kconfig-studio --version does not name Graphviz"
grep -qi 'highlight' "$work/gui-version.txt" || fail "kconfig-studio --version does not name the highlighter"

echo "== man pages"
for page in kconfig-studio kconfig-studio-cli; do
    zcat "/usr/share/man/man1/$page.1.gz" | grep -q '^\.TH' || fail "$page.1.gz is not a man page"
    if command -v man >/dev/null; then
        MANWIDTH=80 man -l "/usr/share/man/man1/$page.1.gz" 2>/dev/null | grep -q -- '--version' ||
            fail "man $page does not render or has no --version"
    fi
done

echo "== kconfig-studio --screenshot (offscreen)"
QT_QPA_PLATFORM=offscreen /usr/bin/kconfig-studio --screenshot "$work/x.png" --size 1280x800 \
    --select VFIO_CONTAINER || fail "kconfig-studio --screenshot"
[ -s "$work/x.png" ] || fail "no screenshot written"
[ "$(od -An -c -j1 -N3 "$work/x.png" | tr -d ' ')" = PNG ] || fail "the screenshot is not a PNG"
size=$(od -An -tu1 -j16 -N8 "$work/x.png" |
    awk '{ printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }')
echo "screenshot: $size"
[ "$size" = 1280x800 ] || fail "the screenshot is $size, not 1280x800"

echo "== bash completion"
if [ -f /usr/share/bash-completion/bash_completion ]; then
    # The loader finds the completion by the command's name, as bash does on the first TAB.
    bash -c '. /usr/share/bash-completion/bash_completion
             _completion_loader kconfig-studio-cli; _completion_loader kconfig-studio
             complete -p kconfig-studio-cli kconfig-studio' || fail "bash completion does not load"
fi

echo "== dpkg --purge kconfig-studio"
$sudo dpkg --purge kconfig-studio >/dev/null
installed=false
[ ! -e /usr/bin/kconfig-studio ] || fail "/usr/bin/kconfig-studio is still there after removal"
echo "PASS: $(basename "$deb") builds, installs, runs and uninstalls"
