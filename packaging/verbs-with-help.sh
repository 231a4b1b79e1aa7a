#!/bin/sh
# SPDX-License-Identifier: MIT
# Prints the analysis commands of kconfig-studio-cli that have a help text of
# their own ("kconfig-studio-cli COMMAND --help" prints a usage line for that
# command, other than the common "kconfig-studio-cli help"), one per line.
# The man page and the README's reference add those texts.
#
#   verbs-with-help.sh KCONFIG_STUDIO_CLI
set -eu
[ $# -eq 1 ] || { echo "usage: $0 KCONFIG_STUDIO_CLI" >&2; exit 2; }
cli=$1
common=$("$cli" help)
printf '%s\n' "$common" |
    sed -nE 's/^(Usage:)?[[:space:]]+([^[:space:]]*\/)?kconfig-studio-cli[[:space:]]+([a-z]+)([[:space:]].*)?$/\3/p' |
    while read -r verb; do
        own=$("$cli" "$verb" --help 2>/dev/null || true)
        [ "$own" != "$common" ] || continue
        printf '%s\n' "$own" | head -n 1 | grep -Eq "^Usage: ([^[:space:]]*/)?kconfig-studio-cli $verb( |\$)" ||
            continue
        printf '%s\n' "$verb"
    done
