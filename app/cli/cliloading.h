// SPDX-License-Identifier: MIT
// Loading a tree for the command line: diagnostics go to stdout/stderr as conf
// prints them, probes run through the persistent cache unless disabled, and
// unmet-dependency warnings are printed when conf would print them.
#pragma once

#include <kconfig/config.h>
#include <kconfig/diagnostic.h>
#include <kconfig/environment.h>
#include <kconfig/tree.h>

#include <map>
#include <memory>
#include <string>

struct CliLoadOptions
{
    std::string kconfig = "Kconfig";
    kconfig::Environment environment;
    bool noShell = false;
    bool noProbeCache = false;
    std::string baseDirectory;  // resolve relative Kconfig names here (empty: cwd)
    std::string probeDirectory; // working directory of $(shell) (empty: cwd)
    bool printUnmetWarnings = true;
    std::map<std::string, std::string> overlays; // Kconfig name -> text replacing the file
};

struct CliLoad
{
    kconfig::DiagnosticSink diagnostics;
    std::unique_ptr<kconfig::Tree> tree;
    std::unique_ptr<kconfig::Config> config;
    int probesRun = 0;
    int probeCacheHits = 0;
};

// On failure `tree` is null and the messages have been printed.
CliLoad loadForCli(const CliLoadOptions &options);

// Reads `configFile` (or, when empty, $KCONFIG_CONFIG / .config in treeDir, or
// the defaults) into load.config and calculates every symbol, as conf_read
// leaves them. Messages go to stderr; false when configFile cannot be read.
bool readConfigForCli(CliLoad &load, const kconfig::Environment &env, const std::string &treeDir,
                      const std::string &configFile);

void printVersion();
