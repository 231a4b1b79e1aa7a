#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes the gzipped man page of kconfig-studio or kconfig-studio-cli from the
# program's own --help and --version output, with help2man.
#
#   make-man.sh PROGRAM INCLUDE.h2m OUTPUT.1.gz
#
# help2man runs a small shim that calls PROGRAM by its plain name (so that the
# usage lines show "kconfig-studio-cli", not a build path), without a display.
# For kconfig-studio-cli the text of "kconfig-studio-cli help" (the analysis
# commands) and of each "kconfig-studio-cli COMMAND --help" that differs from
# it become the section ANALYSIS COMMANDS.
set -eu
# In a sanitizer build, a leak report at exit (Graphviz keeps what its context
# allocated) must not turn --version into a failure.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
[ $# -eq 3 ] || { echo "usage: $0 PROGRAM INCLUDE.h2m OUTPUT.1.gz" >&2; exit 2; }
program=$1 include=$2 output=$3
command -v help2man >/dev/null ||
    { echo "$0: help2man is missing (tools/setup-deps installs it)" >&2; exit 1; }
name=$(basename "$program")
dir=$(cd "$(dirname "$program")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PATH="$dir:$PATH"
QT_QPA_PLATFORM=offscreen
export PATH QT_QPA_PLATFORM

mkdir "$tmp/bin"
cat >"$tmp/bin/$name" <<SHIM
#!/bin/sh
case "\$1" in
--version) $name --version | head -n 1 ;;
*) $name --help ;;
esac
exit 0
SHIM
chmod +x "$tmp/bin/$name"

# A help text as the program prints it, as a literal block: backslashes, dashes
# and lines starting with a dot or quote escaped for roff.
literal() {
    printf '.nf\n'
    sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
    printf '.fi\n'
}
cp "$include" "$tmp/include.h2m"
if [ "$name" = kconfig-studio-cli ]; then
    # ANALYSIS COMMANDS: "kconfig-studio-cli help", then the help of each
    # command that has its own.
    {
        printf '\n[ANALYSIS COMMANDS]\n'
        "$name" help | literal
        for verb in $(sh "$(dirname "$0")/../verbs-with-help.sh" "$name"); do
            printf '.SS "%s %s"\n' "$name" "$verb"
            "$name" "$verb" --help | literal
        done
    } >>"$tmp/include.h2m"
fi

LC_ALL=C.UTF-8 help2man --no-info --section=1 --manual="User Commands" \
    --source="Kconfig Studio" --include="$tmp/include.h2m" \
    --output="$tmp/$name.1" "$tmp/bin/$name"
gzip -9n <"$tmp/$name.1" >"$output.tmp"
mv "$output.tmp" "$output"
