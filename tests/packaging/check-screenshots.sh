#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs packaging/screenshots/make-screenshots.sh with KCONFIG_STUDIO (the
# installed program) into OUTPUT_DIR and checks that it writes every picture
# that the metainfo and the README show, as a PNG of the size it names.
#
#   check-screenshots.sh KCONFIG_STUDIO OUTPUT_DIR
set -eu
[ $# -eq 2 ] || { echo "usage: $0 KCONFIG_STUDIO OUTPUT_DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$2"
mkdir -p "$2"
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM
sh "$here/../../packaging/screenshots/make-screenshots.sh" "$1" "$2"

png_size() {
    od -An -tu1 -j16 -N8 "$1" |
        awk '{ printf "%dx%d\n", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}
for shot in tree:1200x750 change:1200x750 whatif:1600x900 graph:1400x752; do
    png=$2/${shot%%:*}.png size=${shot#*:}
    [ -s "$png" ] || { echo "FAIL: no $png" >&2; exit 1; }
    [ "$(od -An -c -j1 -N3 "$png" | tr -d ' ')" = PNG ] || { echo "FAIL: $png is not a PNG" >&2; exit 1; }
    got=$(png_size "$png")
    [ "$got" = "$size" ] || { echo "FAIL: $png is $got, not $size" >&2; exit 1; }
done
# The metainfo names these pictures with these sizes.
metainfo=$here/../../packaging/org.kconfigstudio.KconfigStudio.metainfo.xml
for shot in tree:1200x750 change:1200x750 whatif:1600x900; do
    name=${shot%%:*} size=${shot#*:}
    grep -q "width=\"${size%x*}\" height=\"${size#*x}\">[^<]*/$name.png<" "$metainfo" ||
        { echo "FAIL: $metainfo does not show $name.png at $size" >&2; exit 1; }
done
echo "screenshots: tree, change, whatif and graph at their sizes in $2"
