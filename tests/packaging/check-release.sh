#!/bin/sh
# SPDX-License-Identifier: MIT
# Checks that the newest release in an AppStream metainfo file is VERSION.
#
#   check-release.sh METAINFO.xml VERSION
set -eu
[ $# -eq 2 ] || { echo "usage: $0 METAINFO.xml VERSION" >&2; exit 2; }
newest=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$1" | head -n 1)
[ "$newest" = "$2" ] || { echo "FAIL: the newest release in $1 is '$newest', not $2" >&2; exit 1; }
echo "$1: newest release $newest"
