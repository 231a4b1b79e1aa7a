// SPDX-License-Identifier: MIT
// The symbols and typed edges a graph picture shows: the neighbourhood of a
// symbol (what it needs, what needs it, k hops, with a node budget that folds
// the neighbours of hubs such as MODULES or PCI into "+N more" nodes), or the
// cause graph of a change (see causegraph.h). Layout and drawing are left to
// whoever shows it.
#pragma once

#include "kconfig/config.h"
#include "kconfig/dependencyindex.h"

#include <string>
#include <vector>

namespace kconfig {

struct Fact;
class ValueSource;

// Which way edges are followed from a symbol: towards what its entry names
// (needs), or towards the entries that name it (needed by).
enum class GraphDirection
{
    Needs,
    NeededBy,
    Both
};

struct GraphNode
{
    enum class Kind
    {
        Symbol,
        More, // stands for the neighbours of `symbol` in one group that are not shown
    };
    Kind kind = Kind::Symbol;
    const Symbol *symbol = nullptr;
    int distance = 0; // hops from the focus (cause graph: from the action's subject)
    bool isFocus = false;
    // Some neighbours were left out because the node budget ran out.
    bool incomplete = false;

    // More: the group it stands for and how many symbols it hides.
    DependencyKind groupKind = DependencyKind::DependsOn;
    GraphDirection groupDirection = GraphDirection::Needs;
    int hidden = 0;

    SymbolSnapshot state;  // now
    SymbolSnapshot before; // cause graph: before the action
    bool changed = false;  // cause graph: `before` differs from `state`

    // "VFIO_CONTAINER", "<choice>", "+12 more".
    std::string name() const;
};

struct GraphEdge
{
    int from = -1; // node indices; reads "from <kind> to"
    int to = -1;
    DependencyKind kind = DependencyKind::DependsOn; // the strongest reference, for drawing
    // Neighbourhood: every written reference between the two symbols this way.
    std::vector<const Dependency *> dependencies;
    // Neighbourhood with values: none of them takes effect now (a select or
    // imply from a symbol that is n, a select, imply, default or range whose
    // "if" is n), e.g. AMD_IOMMU's "select IOMMUFD_DRIVER if IOMMUFD" while
    // IOMMUFD is n. Pictures draw such edges faded.
    bool inactive = false;
    // Cause graph: the rule that carried the change ("depends on", "select
    // stopped", ...) and the facts of the ChangeReport behind it.
    std::string label;
    bool stopped = false; // a select/imply/default that no longer applies
    std::vector<const Fact *> reasons;
};

struct DependencyGraph
{
    std::vector<GraphNode> nodes; // the focus (or the action's subject) first
    std::vector<GraphEdge> edges;

    int indexOf(const Symbol *sym) const; // the Symbol node of `sym`, or -1
    // Reads every Symbol node's state from `config` (after values changed),
    // and which edges are in effect.
    void updateStates(Config &config);
};

// The groups whose "+N more" node the user opened (shown in full).
struct GraphGroup
{
    const Symbol *symbol = nullptr;
    DependencyKind kind = DependencyKind::DependsOn;
    GraphDirection direction = GraphDirection::Needs;
    bool operator==(const GraphGroup &) const = default;
};

struct NeighbourhoodQuery
{
    const Symbol *focus = nullptr;
    int depth = 1;
    GraphDirection direction = GraphDirection::Both;
    unsigned kinds = AllDependencyKinds; // dependencyKindBit() of each kind to follow
    int nodeBudget = 60;                 // nodes in all, "+N more" nodes included
    int groupLimit = 8;                  // neighbours shown per symbol, direction and kind
    // Symbols whose own neighbours (one hop) are added, e.g. on double-click.
    std::vector<const Symbol *> expanded;
    std::vector<GraphGroup> openedGroups;
};

// Neighbours that are on (not n) come first in a group when `config` is given,
// then by name; nodes carry `config`'s states, edges whether they are in effect.
DependencyGraph neighbourhoodGraph(const DependencyIndex &index, const NeighbourhoodQuery &query,
                                   Config *config);

// One line per written reference behind an edge, with the values of its
// expression and where it is written, e.g.
// "depends on IOMMUFD [=m] || !IOMMUFD [=m] (drivers/vfio/Kconfig:22)".
// Cause graph edges give their facts' sentences (`before` set).
std::vector<std::string> describeEdge(const GraphEdge &edge, const DependencyGraph &graph,
                                      const ValueSource &now, const ValueSource *before);

// The group of a "+N more" node, for NeighbourhoodQuery::openedGroups.
GraphGroup groupOf(const GraphNode &more);

} // namespace kconfig
