// SPDX-License-Identifier: MIT
// kconfig-studio-cli graph: the dependency graph around a symbol, or the
// cause graph of a change, as SVG, PNG (the same picture as the window's
// export) or DOT.
#pragma once

// argv[1] is "graph".
int runGraphCommand(int argc, char **argv);
