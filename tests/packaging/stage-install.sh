#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs a build tree into a fresh staging directory (PREFIX is STAGE/usr),
# for the tests that check installed files.
#
#   stage-install.sh BUILD_DIR STAGE_DIR
set -eu
[ $# -eq 2 ] || { echo "usage: $0 BUILD_DIR STAGE_DIR" >&2; exit 2; }
rm -rf "$2"
cmake --install "$1" --prefix "$2/usr" >/dev/null
echo "installed $1 into $2/usr"
