// SPDX-License-Identifier: MIT
// conf_parse: reads a Kconfig tree from its top-level file and finalises it.
#pragma once

#include "kconfig/environment.h"
#include "kconfig/tree.h"

#include <functional>
#include <memory>
#include <string>

namespace kconfig {

class DiagnosticSink;
class ShellRunner;
class SourceFiles;
class TreeCache;

struct LoadOptions
{
    std::string kconfig = "Kconfig";      // top-level file, resolved like conf does
    Environment environment;              // what $(VAR), srctree and the probes see
    ShellRunner *shell = nullptr;         // runs $(shell,...); null answers every command with ""
    const SourceFiles *sources = nullptr; // null reads the disk only
    // Reuse (and refresh) a cached parse when nothing it depended on changed.
    const TreeCache *treeCache = nullptr;
    // Keep a tree despite syntax errors and true $(error-if,...) (conf stops at
    // them): for viewing a tree whose $(shell,...) probes were refused, where
    // empty answers leave holes like "default  if CC_IS_GCC". Recursive
    // dependencies and unreadable files still stop the load.
    bool keepGoing = false;
    // Called after each file is opened; return false to cancel the load.
    std::function<bool(int filesOpened)> progress;
};

struct LoadResult
{
    std::unique_ptr<Tree> tree; // null when loading failed
    int errorCount = 0; // with keepGoing, the errors the tree was kept despite
    bool cancelled = false;
    explicit operator bool() const { return tree != nullptr; }
};

// Diagnostics (warnings, errors, $(info) output) go to `diagnostics` as they
// happen, in conf's order.
LoadResult loadTree(const LoadOptions &options, DiagnosticSink &diagnostics);

} // namespace kconfig
