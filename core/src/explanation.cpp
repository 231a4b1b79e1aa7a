// SPDX-License-Identifier: MIT
#include "kconfig/explanation.h"

#include <algorithm>

namespace kconfig {

const ChangeReport::Node *ChangeReport::node(const Symbol *s) const
{
    for (const Node &n : nodes)
        if (n.symbol == s) return &n;
    return nullptr;
}

std::vector<const ChangeReport::Node *> ChangeReport::effectsOf(const Symbol *s) const
{
    std::vector<const Node *> out;
    for (const Node &n : nodes)
        if (std::find(n.causes.begin(), n.causes.end(), s) != n.causes.end()) out.push_back(&n);
    return out;
}

} // namespace kconfig
