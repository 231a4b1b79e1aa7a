// SPDX-License-Identifier: MIT
// Where something was written: a Kconfig file (as named by `source`) and a line.
#pragma once

#include <string>

namespace kconfig {

struct SourceLocation
{
    const std::string *file = nullptr; // interned in the Tree's file list
    int line = 0;

    bool isValid() const { return file != nullptr; }
    std::string fileName() const { return file ? *file : std::string(); }
    std::string toString() const { return fileName() + ':' + std::to_string(line); }
};

} // namespace kconfig
