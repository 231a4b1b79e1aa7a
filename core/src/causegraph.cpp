// SPDX-License-Identifier: MIT
#include "kconfig/causegraph.h"

#include "kconfig/symbol.h"

#include <algorithm>
#include <deque>

namespace kconfig {

namespace {

bool mentions(const Fact &f, const Symbol *cause)
{
    if (std::find(f.causes.begin(), f.causes.end(), cause) != f.causes.end()) return true;
    return std::any_of(f.children.begin(), f.children.end(),
                       [cause](const Fact &c) { return mentions(c, cause); });
}

// How one reason of a change reads on its edge from `cause`.
struct Rule
{
    DependencyKind kind = DependencyKind::DependsOn;
    std::string label;
    bool stopped = false;
};

// "select", "select via VFIO stopped", "imply via A, B".
Rule reverseRule(const Fact &f, const Symbol *cause, DependencyKind kind)
{
    Rule r{kind, dependencyKindName(kind)};
    std::vector<const Symbol *> via;
    bool stopped = false, started = false;
    for (const Fact &term : f.children) {
        if (!mentions(term, cause)) continue;
        if (term.symbol != cause) via.push_back(term.symbol);
        stopped = stopped || term.after == Tristate::No;
        started = started || term.after != Tristate::No;
    }
    if (!via.empty()) {
        r.label += " via " + via.front()->displayName();
        if (via.size() > 1) r.label += " +" + std::to_string(via.size() - 1);
    }
    r.stopped = stopped && !started;
    if (r.stopped) r.label += " stopped";
    return r;
}

bool ruleOf(const Fact &f, const Symbol *cause, const ChangeReport::Node &node, Rule &r)
{
    using K = Fact::Kind;
    switch (f.kind) {
    case K::UserValue:
        if (!node.symbol->isChoiceValue()) {
            r = Rule{DependencyKind::DependsOn, "set by you"};
            return true;
        }
        r = Rule{DependencyKind::ChoiceMember, "choice"};
        return true;
    case K::Visibility:
    case K::DirectDependency:
    case K::UserCapped: {
        r = Rule{DependencyKind::DependsOn, "depends on"};
        for (const Fact &line : f.children) {
            if (!mentions(line, cause)) continue;
            const auto w = static_cast<WrittenDependency::Kind>(line.detail);
            if (w == WrittenDependency::Kind::VisibleIf || w == WrittenDependency::Kind::PromptIf)
                r = Rule{DependencyKind::VisibleIf, "visible if"};
            break;
        }
        return true;
    }
    case K::Selected:
        r = reverseRule(f, cause, DependencyKind::Select);
        return true;
    case K::Implied:
        r = reverseRule(f, cause, DependencyKind::Imply);
        return true;
    case K::Default:
        r = Rule{DependencyKind::Default, f.detail == 1 ? "default stopped" : "default",
                 f.detail == 1};
        return true;
    case K::ChoiceSelection:
        r = Rule{DependencyKind::ChoiceMember, "choice"};
        return true;
    case K::RangeClamp:
        r = Rule{DependencyKind::Range, "range"};
        return true;
    default:
        return false;
    }
}

} // namespace

DependencyGraph causeGraph(const ChangeReport &report)
{
    DependencyGraph g;
    const auto addNode = [&g](const Symbol *s, const SymbolSnapshot &before,
                              const SymbolSnapshot &after, bool subject) {
        GraphNode n;
        n.symbol = s;
        n.before = before;
        n.state = after;
        n.changed = !(before == after);
        n.isFocus = subject;
        g.nodes.push_back(n);
    };
    for (const ChangeReport::Node &n : report.nodes)
        addNode(n.symbol, n.before, n.after, n.isSubject);
    if (report.subject && g.indexOf(report.subject) < 0) {
        // The subject did not change (e.g. set to its value): still the root.
        GraphNode n;
        n.symbol = report.subject;
        n.isFocus = true;
        g.nodes.insert(g.nodes.begin(), n);
    }

    for (const ChangeReport::Node &n : report.nodes) {
        const int to = g.indexOf(n.symbol);
        for (const Symbol *cause : n.causes) {
            const int from = g.indexOf(cause);
            if (from < 0 || from == to) continue;
            GraphEdge e;
            e.from = from;
            e.to = to;
            std::vector<std::string> labels;
            for (const Fact &f : n.reasons) {
                Rule r;
                if (!mentions(f, cause) || !ruleOf(f, cause, n, r)) continue;
                if (e.reasons.empty()) {
                    e.kind = r.kind;
                    e.stopped = r.stopped;
                }
                // The lines that carried this cause, when the fact has others too.
                std::vector<const Fact *> lines;
                for (const Fact &c : f.children)
                    if (mentions(c, cause)) lines.push_back(&c);
                if (lines.empty() || lines.size() == f.children.size())
                    e.reasons.push_back(&f);
                else
                    e.reasons.insert(e.reasons.end(), lines.begin(), lines.end());
                if (std::find(labels.begin(), labels.end(), r.label) == labels.end())
                    labels.push_back(r.label);
            }
            // The engine names the subject when no reason points elsewhere.
            if (labels.empty()) labels.push_back("follows");
            for (std::size_t i = 0; i < labels.size() && i < 2; ++i)
                e.label += (i ? ", " : "") + labels[i];
            g.edges.push_back(std::move(e));
        }
    }

    // Distances: breadth-first from the subject along the causes.
    for (GraphNode &n : g.nodes)
        n.distance = n.isFocus ? 0 : -1;
    std::deque<int> queue;
    for (std::size_t i = 0; i < g.nodes.size(); ++i)
        if (g.nodes[i].isFocus) queue.push_back(static_cast<int>(i));
    while (!queue.empty()) {
        const int at = queue.front();
        queue.pop_front();
        for (const GraphEdge &e : g.edges)
            if (e.from == at && g.nodes[static_cast<std::size_t>(e.to)].distance < 0) {
                g.nodes[static_cast<std::size_t>(e.to)].distance =
                    g.nodes[static_cast<std::size_t>(at)].distance + 1;
                queue.push_back(e.to);
            }
    }
    for (GraphNode &n : g.nodes)
        if (n.distance < 0) n.distance = 1;
    return g;
}

} // namespace kconfig
