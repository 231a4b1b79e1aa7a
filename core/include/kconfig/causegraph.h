// SPDX-License-Identifier: MIT
// The cause graph of an action as a DependencyGraph: one node per symbol the
// action changed (value, visibility or writability) plus the action's
// subject; an edge from each cause to its effect, labelled with the rule that
// carried the change ("depends on", "select via VFIO stopped", "default"...).
#pragma once

#include "kconfig/dependencygraph.h"
#include "kconfig/explanation.h"

namespace kconfig {

// The edges point into `report` (GraphEdge::reasons): keep it alive.
DependencyGraph causeGraph(const ChangeReport &report);

} // namespace kconfig
