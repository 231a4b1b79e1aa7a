// SPDX-License-Identifier: MIT
// Shared pieces of the fuzz targets: in-memory Kconfig trees (nothing is read
// from the disk for relative names), a shell runner that answers without
// starting processes, and a fixed environment.
#pragma once

#include <kconfig/diagnostic.h>
#include <kconfig/environment.h>
#include <kconfig/shellrunner.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kconfig {
class Config;
}

namespace kcsfuzz {

// $(shell,cmd) answers with the command text and a newline, so that the
// output rules (newlines to spaces, the 4095-byte cap) still run.
class EchoShell : public kconfig::ShellRunner
{
public:
    std::string run(const std::string &command, const kconfig::Environment &) override
    {
        return command + '\n';
    }
};

// Splits fuzz input into files: the text up to the first line "#--- NAME" is
// "Kconfig", each such line starts the file NAME. The separators are comments,
// so a seed stays a valid Kconfig file when split or not.
std::vector<std::pair<std::string, std::string>> splitFiles(std::string_view data);

// What $(ARCH), $(srctree) and friends expand to in the fuzz targets. There is
// no srctree, and relative names resolve below a directory that does not exist.
kconfig::Environment fuzzEnvironment();

// Loads `files` (the first is the top-level Kconfig) from memory only.
std::unique_ptr<kconfig::Tree>
loadFromMemory(const std::vector<std::pair<std::string, std::string>> &files,
               kconfig::DiagnosticSink &diagnostics);

// Computes every symbol and menu of a tree the way the front ends read them,
// prints every dependency, explains a few symbols, and builds the text of
// .config, defconfig, auto.conf and autoconf.h. Returns the total size of
// what it printed, so that nothing is optimised away.
std::size_t evaluateEverything(kconfig::Config &config);

// Stops the process (a finding for the fuzzer) when the incremental state of
// `config` differs from a full recomputation.
void checkIncrementalConsistency(kconfig::Config &config, const char *after);

} // namespace kcsfuzz
