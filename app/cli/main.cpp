// SPDX-License-Identifier: MIT
// kconfig-studio-cli: a drop-in replacement for scripts/kconfig/conf, plus
// analysis commands (why, explain, graph, ...).
#include "analysistool.h"
#include "conftool.h"
#include "graphcommand.h"

#include <cstring>

int main(int argc, char **argv)
{
    if (argc > 1 && isAnalysisCommand(argv[1])) return runAnalysisTool(argc, argv);
    if (argc > 1 && !std::strcmp(argv[1], "graph")) return runGraphCommand(argc, argv);
    return runConfTool(argc, argv);
}
