// SPDX-License-Identifier: MIT
// Applies "SYMBOL=value" the way a front end does (within the allowed range,
// choices through their choice) and returns what changed, ready for the
// explanation engine.
#pragma once

#include "kconfig/config.h"
#include "kconfig/valuesource.h"

#include <string>
#include <utility>
#include <vector>

namespace kconfig {

struct AppliedChange
{
    bool ok = false;
    std::string error;       // why the value could not be set
    std::string description; // "IOMMUFD n -> m"
    const Symbol *subject = nullptr;
    std::vector<std::pair<const Symbol *, UserValue>> userBefore;
    ChoicePriorities priorityBefore; // the choice's member order, when a member was chosen
    std::vector<SymbolChange> changes;
};

AppliedChange applyAssignment(Config &config, const Symbol *sym, const std::string &value);

// Splits "NAME=value" (a leading CONFIG_ is accepted); false if there is no '='.
bool splitAssignment(const std::string &text, std::string &name, std::string &value);

} // namespace kconfig
