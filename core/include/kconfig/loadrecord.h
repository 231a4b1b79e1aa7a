// SPDX-License-Identifier: MIT
// Everything a load depended on besides the Kconfig text itself: which paths
// were opened or found missing (with fingerprints), which environment
// variables the macros read, what each $(shell,...) answered, and the
// messages it printed. A cached tree is only reused when all of it still holds.
#pragma once

#include "kconfig/diagnostic.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kconfig {

struct LoadRecord
{
    struct PathCheck
    {
        std::string path;
        std::string fingerprint; // empty: the path could not be opened
    };

    std::vector<PathCheck> paths;
    std::vector<std::pair<std::string, std::optional<std::string>>> environment;
    std::vector<std::pair<std::string, std::string>> commands; // command -> raw output
    std::vector<Diagnostic> diagnostics;
    bool cacheable = true; // false when in-memory overlays or an unrecorded input took part

    void addPath(const std::string &path, bool opened);
    void addEnvironment(const std::string &name, const std::optional<std::string> &value);
};

// size:mtime:inode:mode of a path, or empty when it does not exist.
std::string fileFingerprint(const std::string &path);

} // namespace kconfig
