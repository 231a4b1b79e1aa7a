#!/bin/sh
# SPDX-License-Identifier: MIT
# Checks the installed hicolor icons: the SVG, and a PNG of the right size for
# every size given.
#
#   check-icons.sh ICONS_DIR APP_ID SIZE...
set -eu
[ $# -ge 3 ] || { echo "usage: $0 ICONS_DIR APP_ID SIZE..." >&2; exit 2; }
dir=$1 id=$2
shift 2
svg=$dir/hicolor/scalable/apps/$id.svg
grep -q '<svg' "$svg" || { echo "FAIL: no SVG icon at $svg" >&2; exit 1; }
# Width and height from the PNG header (IHDR, bytes 16..23, big-endian).
png_size() {
    od -An -tu1 -j16 -N8 "$1" |
        awk '{ printf "%dx%d\n", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}
for size in "$@"; do
    png=$dir/hicolor/${size}x${size}/apps/$id.png
    [ -f "$png" ] || { echo "FAIL: missing $png" >&2; exit 1; }
    [ "$(od -An -c -j1 -N3 "$png" | tr -d ' ')" = PNG ] || { echo "FAIL: $png is not a PNG" >&2; exit 1; }
    got=$(png_size "$png")
    [ "$got" = "${size}x${size}" ] || { echo "FAIL: $png is $got, not ${size}x${size}" >&2; exit 1; }
done
echo "icons: $svg and PNGs of $* pixels"
