#!/bin/sh
# SPDX-License-Identifier: MIT
# Rewrites the expected explanations of tst_explainer
# (tests/data/explain/<case>/expected_*.txt) from what the engine prints now,
# and removes expected files no step produces any more. Review the result
# (git diff tests/data/explain) and check every changed text by hand against
# Kconfig's semantics before committing it.
#
# Usage: tests/explain/accept-explanations.sh BUILD_DIR
set -eu
build=${1:?usage: $0 BUILD_DIR}
test=$(find "$build" -name tst_explainer -type f -perm -u+x | head -n 1)
if [ -z "$test" ]; then
    echo "error: no tst_explainer under $build (build it first)" >&2
    exit 1
fi
KCS_ACCEPT_EXPLANATIONS=1 "$test" goldens
git -C "$(dirname "$0")/../.." status --short -- tests/data/explain
