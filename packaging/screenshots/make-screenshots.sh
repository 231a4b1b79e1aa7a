#!/bin/sh
# SPDX-License-Identifier: MIT
# Makes the screenshots of the AppStream metainfo and of the README's tour
# with the programs' own options, on the demo tree: the window with
# kconfig-studio --screenshot in an X server of its own (Xvfb), the graph with
# kconfig-studio-cli graph (drawn by the same code as the window's Graph tab).
# Run it with the installed programs, so that the status bar shows the
# installed demo tree's path.
#
#   packaging/screenshots/make-screenshots.sh [KCONFIG_STUDIO [OUTPUT_DIR]]
#
# KCONFIG_STUDIO: the program (default: kconfig-studio from PATH);
# kconfig-studio-cli is taken from its directory, else from ../cli (a build
# tree), else from PATH. Writes to OUTPUT_DIR (default: this directory):
#
#   tree.png     1200x750   the menu tree, a locked symbol's page, the Why panel
#   change.png   1200x750   after IOMMUFD=m: the Why panel lists what changed
#   whatif.png   1600x900   what-if: vfio-select-iommufd.patch and its report
#   graph.png    1400x752   the cause graph of IOMMUFD=m
#
# as 256-colour PNGs when ImageMagick's convert is there.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
program=${1:-kconfig-studio}
out=$(mkdir -p "${2:-$here}" && cd "${2:-$here}" && pwd)
command -v xvfb-run >/dev/null || { echo "$0: xvfb-run is missing (Debian: xvfb)" >&2; exit 1; }
command -v "$program" >/dev/null || { echo "$0: $program: no such program" >&2; exit 1; }
program=$(command -v "$program")
case $program in
/*) ;;
*) program=$(pwd)/$program ;;
esac
bindir=$(dirname "$program")
if [ -x "$bindir/kconfig-studio-cli" ]; then
    cli=$bindir/kconfig-studio-cli
elif [ -x "$bindir/../cli/kconfig-studio-cli" ]; then
    cli=$bindir/../cli/kconfig-studio-cli
else
    cli=$(command -v kconfig-studio-cli) || { echo "$0: kconfig-studio-cli is missing" >&2; exit 1; }
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Not a Kconfig tree: the programs open the demo tree. A fresh home, so that
# no remembered window layout, consent or journal shows.
cd "$tmp"
mkdir home
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache" \
    XDG_DATA_HOME="$tmp/home/.local/share" XDG_RUNTIME_DIR="$tmp/home/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
unset srctree KCONFIG_CONFIG ARCH SRCARCH

# keep NAME: writes $tmp/NAME.png to OUTPUT_DIR/NAME.png (256 colours).
keep() {
    if command -v convert >/dev/null; then
        convert "$tmp/$1.png" -dither None -colors 256 "PNG8:$out/$1.png"
    else
        cp "$tmp/$1.png" "$out/$1.png"
    fi
    echo "$out/$1.png"
}

# shot NAME WxH ARGS...: a screenshot of the window.
shot() {
    name=$1 size=$2
    shift 2
    xvfb-run -a -s "-screen 0 1920x1200x24" "$program" --size "$size" \
        --screenshot "$tmp/$name.png" "$@"
    keep "$name"
}

# The menu tree, the page of a locked symbol, and the Why panel.
shot tree 1200x750 --select VFIO_CONTAINER
# A change and its effects: IOMMUFD=m selects IOMMUFD_DRIVER.
shot change 1200x750 --set IOMMUFD=m --select IOMMUFD_DRIVER
# What-if: the mailing-list question "what if VFIO selected IOMMUFD?". The
# what-if dock needs more width than 1200 pixels.
shot whatif 1600x900 --patch "$here/vfio-select-iommufd.patch" --select IOMMUFD
# The cause graph of the same change as change.png, on the demo tree that
# kconfig-studio opens (installed next to its bin directory, else this
# source tree's).
demo=$bindir/../share/kconfig-studio/demo
[ -f "$demo/Kconfig" ] || demo=$here/../../resources/demo
"$cli" graph --changes --set IOMMUFD=m --tree "$demo" --size 1400x752 -o "$tmp/graph.png"
keep graph
