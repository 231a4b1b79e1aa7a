// SPDX-License-Identifier: MIT
// Differences between two .config files, in scripts/diffconfig's order:
// removed symbols, changed values, added symbols, each group sorted by name.
#pragma once

#include <string>
#include <vector>

namespace kconfig {

struct ConfigDifference
{
    enum class Kind
    {
        Removed,
        Changed,
        Added
    };
    Kind kind;
    std::string symbol; // without the CONFIG_ prefix
    std::string before; // value as written ("n" for "is not set")
    std::string after;
};

std::vector<ConfigDifference> diffConfigs(const std::string &textA, const std::string &textB,
                                          const std::string &prefix = "CONFIG_");

// diffconfig's line: "-FOO n", "+BAR y", " BAZ y -> m".
std::string differenceLine(const ConfigDifference &d);

} // namespace kconfig
