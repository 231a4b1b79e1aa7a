// SPDX-License-Identifier: MIT
// kconfig-studio-cli: a drop-in replacement for scripts/kconfig/conf, plus
// analysis commands.
#include "conftool.h"

int main(int argc, char **argv)
{
    return runConfTool(argc, argv);
}
