// SPDX-License-Identifier: MIT
// The analysis commands of kconfig-studio-cli (why, explain, ...), which share
// option handling and tree loading.
#pragma once

// True when argv[1] names an analysis command.
bool isAnalysisCommand(const char *arg);
int runAnalysisTool(int argc, char **argv);
