// SPDX-License-Identifier: MIT
// What to open: a kernel tree, a Kconfig file, or the bundled demo tree.
#pragma once

#include <QString>

#include <map>
#include <string>

struct OpenRequest
{
    QString path;         // kernel tree directory or Kconfig file; empty opens the demo
    QString arch;         // for kernel trees; empty: $ARCH or the host's
    QString configFile;   // .config to load; empty: $KCONFIG_CONFIG or <tree>/.config
    bool runShell = true; // run $(shell,...) probes (those the user agreed to)
    // Run every probe without asking and remember them as agreed to: the
    // user's answer to the consent question, or --trust-shell.
    bool trustShell = false;
    // Kconfig files (names as `source` gives them) read from memory instead
    // of the disk: the what-if edits.
    std::map<std::string, std::string> overlays;
};
