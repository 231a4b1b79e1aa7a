// SPDX-License-Identifier: MIT
#include "kconfig/dependencygraph.h"

#include "kconfig/explanation.h"
#include "kconfig/explanationtext.h"
#include "kconfig/menunode.h"
#include "kconfig/property.h"
#include "kconfig/symbol.h"
#include "kconfig/valuesource.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace kconfig {

namespace {

// Which edge style wins when two symbols are linked more than one way.
int strength(DependencyKind k)
{
    switch (k) {
    case DependencyKind::Select:
        return 7;
    case DependencyKind::DependsOn:
        return 6;
    case DependencyKind::Imply:
        return 5;
    case DependencyKind::VisibleIf:
        return 4;
    case DependencyKind::Default:
        return 3;
    case DependencyKind::Range:
        return 2;
    case DependencyKind::ChoiceMember:
        return 1;
    case DependencyKind::MenuParent:
        return 0;
    }
    return 0;
}

// Whether a written reference takes effect with the current values: a select
// or imply from a symbol that is n, or one whose "if" is n, does not; nor a
// default or range whose "if" is n. Dependencies always do.
bool inEffect(const Dependency &d, const ValueSource &now)
{
    switch (d.kind) {
    case DependencyKind::Select:
    case DependencyKind::Imply:
        if (d.from->isBoolOrTristate() && now.tri(d.from) == Tristate::No) return false;
        [[fallthrough]];
    case DependencyKind::Default:
    case DependencyKind::Range:
        return !d.condition || now.evaluate(d.condition) != Tristate::No;
    default:
        return true;
    }
}

void markInactive(DependencyGraph &g, const ValueSource &now)
{
    for (GraphEdge &e : g.edges)
        e.inactive = !e.dependencies.empty() &&
                     std::none_of(e.dependencies.begin(), e.dependencies.end(),
                                  [&now](const Dependency *d) { return inEffect(*d, now); });
}

// Kinds in the order their groups are filled (and so get the budget first).
constexpr DependencyKind kGroupOrder[] = {DependencyKind::DependsOn,    DependencyKind::Select,
                                          DependencyKind::VisibleIf,    DependencyKind::Imply,
                                          DependencyKind::Default,      DependencyKind::Range,
                                          DependencyKind::ChoiceMember, DependencyKind::MenuParent};

// A double-click or an opened "+N more" node widens the picture by this many
// groups' worth of nodes.
constexpr int kGroupsPerExpansion = 2;
constexpr int kGroupsPerOpening = 4;

class NeighbourhoodBuilder
{
public:
    NeighbourhoodBuilder(const DependencyIndex &index, const NeighbourhoodQuery &q, Config *config)
        : m_index(index), m_q(q), m_config(config)
    {
        m_budget = std::max(1, q.nodeBudget) +
                   q.groupLimit * (kGroupsPerExpansion * static_cast<int>(q.expanded.size()) +
                                   kGroupsPerOpening * static_cast<int>(q.openedGroups.size()));
    }

    DependencyGraph build()
    {
        if (!m_q.focus) return {};
        addSymbol(m_q.focus, 0).isFocus = true;
        std::deque<int> queue{0};
        while (!queue.empty()) {
            const int n = queue.front();
            queue.pop_front();
            if (m_graph.nodes[static_cast<std::size_t>(n)].distance >= m_q.depth) continue;
            for (int added : expand(n))
                queue.push_back(added);
        }
        for (const Symbol *s : m_q.expanded) {
            int n = m_graph.indexOf(s);
            if (n < 0) {
                addSymbol(s, m_q.depth + 1);
                n = static_cast<int>(m_graph.nodes.size()) - 1;
            }
            expand(n);
        }
        addEdges();
        if (m_config) markInactive(m_graph, CurrentValues(*m_config));
        return std::move(m_graph);
    }

private:
    struct Group
    {
        GraphDirection direction;
        DependencyKind kind;
        std::vector<const Symbol *> fresh; // not in the graph yet
    };

    GraphNode &addSymbol(const Symbol *s, int distance)
    {
        GraphNode node;
        node.symbol = s;
        node.distance = distance;
        if (m_config) node.state = m_config->snapshot(s);
        m_nodeOf[s] = static_cast<int>(m_graph.nodes.size());
        m_graph.nodes.push_back(node);
        return m_graph.nodes.back();
    }

    bool isOn(const Symbol *s) const
    {
        if (!m_config) return false;
        return s->isBoolOrTristate() ? m_config->tristate(s) != Tristate::No
                                     : m_config->isWritten(s);
    }

    int limitOf(const Symbol *s, GraphDirection dir, DependencyKind kind) const
    {
        int limit = m_q.groupLimit;
        for (const GraphGroup &g : m_q.openedGroups)
            if (g == GraphGroup{s, kind, dir}) limit += kGroupsPerOpening * m_q.groupLimit;
        return limit;
    }

    std::vector<Group> groupsOf(const Symbol *s) const
    {
        std::vector<Group> groups;
        for (GraphDirection dir : {GraphDirection::Needs, GraphDirection::NeededBy}) {
            if (m_q.direction != GraphDirection::Both && m_q.direction != dir) continue;
            const auto &refs =
                dir == GraphDirection::Needs ? m_index.outgoing(s) : m_index.incoming(s);
            for (DependencyKind kind : kGroupOrder) {
                if (!(m_q.kinds & dependencyKindBit(kind))) continue;
                Group g{dir, kind, {}};
                for (const Dependency *d : refs) {
                    if (d->kind != kind) continue;
                    const Symbol *other = dir == GraphDirection::Needs ? d->to : d->from;
                    if (m_nodeOf.count(other) ||
                        std::find(g.fresh.begin(), g.fresh.end(), other) != g.fresh.end())
                        continue;
                    g.fresh.push_back(other);
                }
                if (g.fresh.empty()) continue;
                std::stable_sort(g.fresh.begin(), g.fresh.end(),
                                 [this](const Symbol *a, const Symbol *b) {
                                     const bool onA = isOn(a), onB = isOn(b);
                                     if (onA != onB) return onA;
                                     return a->name < b->name;
                                 });
                groups.push_back(std::move(g));
            }
        }
        return groups;
    }

    // Adds the neighbours of node `n`; returns the new Symbol nodes.
    std::vector<int> expand(int n)
    {
        const Symbol *s = m_graph.nodes[static_cast<std::size_t>(n)].symbol;
        const int distance = m_graph.nodes[static_cast<std::size_t>(n)].distance + 1;
        std::vector<Group> groups = groupsOf(s);
        std::vector<int> added;
        for (std::size_t i = 0; i < groups.size(); ++i) {
            Group &g = groups[i];
            // An earlier group may have added some of them already.
            std::erase_if(g.fresh, [this](const Symbol *x) { return m_nodeOf.count(x) > 0; });
            if (g.fresh.empty()) continue;
            // Keep one node for each later group, so that every group shows up.
            const int later = static_cast<int>(groups.size() - i - 1);
            const int room = m_budget - static_cast<int>(m_graph.nodes.size()) - later;
            const int count = static_cast<int>(g.fresh.size());
            int shown = std::min(count, limitOf(s, g.direction, g.kind));
            // Whatever does not fit leaves one node for its "+N more".
            if (shown < count || shown > room) shown = std::max(std::min(shown, room - 1), 0);
            // One hidden symbol takes the room of its "+1 more" node: show it.
            if (count - shown == 1 && static_cast<int>(m_graph.nodes.size()) + shown < m_budget)
                shown = count;
            for (int k = 0; k < shown; ++k) {
                addSymbol(g.fresh[static_cast<std::size_t>(k)], distance);
                added.push_back(static_cast<int>(m_graph.nodes.size()) - 1);
            }
            if (shown == count) continue;
            if (static_cast<int>(m_graph.nodes.size()) >= m_budget) {
                m_graph.nodes[static_cast<std::size_t>(n)].incomplete = true;
                continue;
            }
            GraphNode more;
            more.kind = GraphNode::Kind::More;
            more.symbol = s;
            more.distance = distance;
            more.groupKind = g.kind;
            more.groupDirection = g.direction;
            more.hidden = count - shown;
            m_graph.nodes.push_back(more);
        }
        return added;
    }

    void link(int from, int to, DependencyKind kind, const Dependency *d)
    {
        for (GraphEdge &e : m_graph.edges)
            if (e.from == from && e.to == to) {
                if (strength(kind) > strength(e.kind)) e.kind = kind;
                if (d) e.dependencies.push_back(d);
                return;
            }
        GraphEdge e;
        e.from = from;
        e.to = to;
        e.kind = kind;
        if (d) e.dependencies.push_back(d);
        m_graph.edges.push_back(std::move(e));
    }

    void addEdges()
    {
        for (std::size_t i = 0; i < m_graph.nodes.size(); ++i) {
            const GraphNode &node = m_graph.nodes[i];
            const int self = static_cast<int>(i);
            if (node.kind == GraphNode::Kind::More) {
                const int owner = m_graph.indexOf(node.symbol);
                if (node.groupDirection == GraphDirection::Needs)
                    link(owner, self, node.groupKind, nullptr);
                else
                    link(self, owner, node.groupKind, nullptr);
                continue;
            }
            for (const Dependency *d : m_index.outgoing(node.symbol)) {
                if (!(m_q.kinds & dependencyKindBit(d->kind))) continue;
                if (auto it = m_nodeOf.find(d->to); it != m_nodeOf.end())
                    link(self, it->second, d->kind, d);
            }
        }
    }

    const DependencyIndex &m_index;
    const NeighbourhoodQuery &m_q;
    Config *m_config;
    int m_budget = 0;
    DependencyGraph m_graph;
    std::unordered_map<const Symbol *, int> m_nodeOf;
};

std::string lineKeyword(const Dependency &d)
{
    using K = WrittenDependency::Kind;
    switch (d.line) {
    case K::IfBlock:
        return "if";
    case K::MenuDependsOn:
        return "menu depends on";
    case K::ChoiceDependsOn:
        return "choice depends on";
    case K::VisibleIf:
        return "visible if";
    case K::PromptIf:
        return "prompt if";
    default:
        return "depends on";
    }
}

std::string describe(const Dependency &d, const ValueSource &now)
{
    std::string s;
    const auto withValues = [&now](const Expr *e) { return exprWithValues(e, now); };
    const auto condition = [&]() {
        return d.condition ? " if " + withValues(d.condition) : std::string();
    };
    switch (d.kind) {
    case DependencyKind::DependsOn:
    case DependencyKind::VisibleIf:
        s = lineKeyword(d) + ' ' + withValues(d.condition);
        break;
    case DependencyKind::Select:
    case DependencyKind::Imply:
        s = std::string(dependencyKindName(d.kind)) + ' ' + d.to->displayName() + condition();
        break;
    case DependencyKind::Default:
    case DependencyKind::Range:
        s = std::string(dependencyKindName(d.kind)) + ' ' + withValues(d.property->expr) +
            condition();
        break;
    case DependencyKind::ChoiceMember: {
        const std::string *prompt = d.to->menus.front()->promptText();
        s = "member of the choice";
        if (prompt) s += " \"" + *prompt + '"';
        break;
    }
    case DependencyKind::MenuParent:
        s = "shown below " + d.to->displayName() + " in the menu";
        break;
    }
    return s + " (" + d.location.toString() + ')';
}

} // namespace

std::string GraphNode::name() const
{
    if (kind == Kind::More) return '+' + std::to_string(hidden) + " more";
    return symbol ? symbol->displayName() : std::string();
}

int DependencyGraph::indexOf(const Symbol *sym) const
{
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].kind == GraphNode::Kind::Symbol && nodes[i].symbol == sym)
            return static_cast<int>(i);
    return -1;
}

void DependencyGraph::updateStates(Config &config)
{
    for (GraphNode &n : nodes)
        if (n.kind == GraphNode::Kind::Symbol) n.state = config.snapshot(n.symbol);
    markInactive(*this, CurrentValues(config));
}

DependencyGraph neighbourhoodGraph(const DependencyIndex &index, const NeighbourhoodQuery &query,
                                   Config *config)
{
    return NeighbourhoodBuilder(index, query, config).build();
}

std::vector<std::string> describeEdge(const GraphEdge &edge, const DependencyGraph &graph,
                                      const ValueSource &now, const ValueSource *before)
{
    std::vector<std::string> lines;
    for (const Dependency *d : edge.dependencies)
        lines.push_back(describe(*d, now));
    for (const Fact *f : edge.reasons)
        lines.push_back(reasonSummary(*f, now, before));
    if (lines.empty()) {
        const GraphNode *more = nullptr;
        for (int i : {edge.from, edge.to})
            if (graph.nodes[static_cast<std::size_t>(i)].kind == GraphNode::Kind::More)
                more = &graph.nodes[static_cast<std::size_t>(i)];
        if (more) {
            const std::string n = std::to_string(more->hidden);
            const std::string kind = dependencyKindName(more->groupKind);
            const std::string name = more->symbol->displayName();
            lines.push_back(
                more->groupDirection == GraphDirection::Needs
                    ? name + " names " + n + " more symbols in '" + kind + "' lines (not shown)"
                    : n + " more entries name " + name + " in a '" + kind + "' line (not shown)");
        }
    }
    return lines;
}

GraphGroup groupOf(const GraphNode &more)
{
    return GraphGroup{more.symbol, more.groupKind, more.groupDirection};
}

} // namespace kconfig
