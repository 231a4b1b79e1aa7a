// SPDX-License-Identifier: MIT
// A persistent cache of finalised trees, so that opening the same tree again
// skips parsing and finalisation. An entry stores the tree with its
// LoadRecord; it is used only if every path still has its fingerprint (and
// every missing path is still missing), every environment variable the macros
// read still has its value, and the probe cache still gives every $(shell)
// command its recorded answer. Corrupt or foreign entries are ignored.
#pragma once

#include "kconfig/loadrecord.h"

#include <memory>
#include <string>

namespace kconfig {

class DiagnosticSink;
class Environment;
class ShellRunner;
class Tree;
struct LoadOptions;

class TreeCache
{
public:
    explicit TreeCache(std::string directory) : m_dir(std::move(directory)) {}

    // $XDG_CACHE_HOME/kconfig-studio/trees (or ~/.cache/...).
    static std::string defaultDirectory(const Environment &env);

    // A valid cached tree for these options, with its messages replayed into
    // `diagnostics`; null on a miss.
    std::unique_ptr<Tree> load(const LoadOptions &options, DiagnosticSink &diagnostics) const;
    void store(const LoadOptions &options, const Tree &tree, const LoadRecord &record) const;

    std::string entryPath(const LoadOptions &options) const;

private:
    std::string m_dir;
};

} // namespace kconfig
