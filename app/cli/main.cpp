// SPDX-License-Identifier: MIT
// kconfig-studio-cli: a drop-in replacement for scripts/kconfig/conf, plus
// analysis commands (why, explain, ...).
#include "analysistool.h"
#include "conftool.h"

int main(int argc, char **argv)
{
    if (argc > 1 && isAnalysisCommand(argv[1])) return runAnalysisTool(argc, argv);
    return runConfTool(argc, argv);
}
