// SPDX-License-Identifier: MIT
// The conf-compatible command line: same options, environment, files,
// messages and exit codes as the kernel's scripts/kconfig/conf.
#pragma once

int runConfTool(int argc, char **argv);
