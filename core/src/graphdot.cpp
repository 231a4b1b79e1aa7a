// SPDX-License-Identifier: MIT
#include "kconfig/graphdot.h"

#include "kconfig/graphstyle.h"
#include "kconfig/symbol.h"

#include <cstdio>
#include <set>

namespace kconfig {

namespace {

// A DOT double-quoted string.
std::string quoted(const std::string &s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + '"';
}

// Text inside an HTML-like label.
std::string html(const std::string &s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

const char *dotStyle(LinePattern p)
{
    switch (p) {
    case LinePattern::Dashed:
        return "dashed";
    case LinePattern::Dotted:
        return "dotted";
    default:
        return "solid";
    }
}

const char *dotArrow(ArrowHead a)
{
    switch (a) {
    case ArrowHead::Open:
        return "onormal";
    case ArrowHead::Diamond:
        return "odiamond";
    default:
        return "normal";
    }
}

std::string edgeAttributes(DependencyKind kind, bool stopped)
{
    const EdgeStyle st = edgeStyle(kind);
    char width[16];
    std::snprintf(width, sizeof width, "%.1f", st.width);
    return std::string("color=") + quoted(st.colour) +
           " style=" + (stopped ? "dashed" : dotStyle(st.pattern)) + " penwidth=" + width +
           " arrowhead=" + dotArrow(st.arrow);
}

std::string nodeLine(const GraphNode &n, int index, const DotOptions &o)
{
    const ToneColours c = toneColours(nodeTone(n));
    std::string label = "<<B>" + html(n.name()) + "</B>";
    if (isLocked(n)) label += " (locked)";
    label += "<BR/><FONT POINT-SIZE=\"10\">" + html(nodeCaption(n)) + "</FONT>";
    const std::string value = nodeValueText(n, o.showChange);
    if (!value.empty()) label += "<BR/>" + html(value);
    label += '>';
    std::string style = n.kind == GraphNode::Kind::More ? "rounded,filled,dotted"
                        : isInvisible(n)                ? "rounded,filled,dashed"
                                                        : "rounded,filled";
    const char *border = n.isFocus ? focusColour() : c.border;
    const int pen = n.isFocus ? 3 : 1;
    std::string line = "  n" + std::to_string(index) + " [label=" + label +
                       " style=" + quoted(style) + " fillcolor=" + quoted(c.fill) +
                       " color=" + quoted(border) + " fontcolor=" + quoted(c.text) +
                       " penwidth=" + std::to_string(pen);
    if (n.kind == GraphNode::Kind::Symbol && n.symbol->type != SymbolType::Unknown)
        line += " tooltip=" + quoted(n.name() + ": " + symbolTypeName(n.symbol->type));
    return line + "];\n";
}

} // namespace

std::string graphToDot(const DependencyGraph &g, const DotOptions &o)
{
    std::string out = "digraph kconfig {\n";
    out += "  graph [rankdir=LR nodesep=0.25 ranksep=0.7 fontname=\"Helvetica\" fontsize=14";
    if (!o.title.empty()) out += " labelloc=t labeljust=l label=" + quoted(o.title);
    out += "];\n";
    out += "  node [shape=box fontname=\"Helvetica\" fontsize=12 margin=\"0.15,0.06\"];\n";
    out += "  edge [fontname=\"Helvetica\" fontsize=10];\n";
    for (std::size_t i = 0; i < g.nodes.size(); ++i)
        out += nodeLine(g.nodes[i], static_cast<int>(i), o);
    std::set<DependencyKind> used;
    for (const GraphEdge &e : g.edges) {
        used.insert(e.kind);
        out += "  n" + std::to_string(e.from) + " -> n" + std::to_string(e.to) + " [" +
               edgeAttributes(e.kind, e.stopped);
        if (!e.label.empty()) out += " label=" + quoted(e.label);
        if (o.now) {
            std::string tip;
            for (const std::string &l : describeEdge(e, g, *o.now, o.before))
                tip += (tip.empty() ? "" : "\n") + l;
            if (!tip.empty()) out += " tooltip=" + quoted(tip);
        }
        out += "];\n";
    }
    if (o.legend && !used.empty()) {
        out += "  subgraph cluster_legend {\n"
               "    label=\"Legend\" fontsize=12 style=rounded color=\"#b0b0b0\";\n"
               "    node [shape=point width=0.05 style=invis];\n";
        int i = 0;
        for (DependencyKind k : used) {
            const std::string a = "legend" + std::to_string(i) + 'a';
            const std::string b = "legend" + std::to_string(i) + 'b';
            out += "    " + a + "; " + b + ";\n    " + a + " -> " + b + " [" +
                   edgeAttributes(k, false) + " label=" + quoted(dependencyKindName(k)) + "];\n";
            ++i;
        }
        out += "  }\n";
    }
    return out + "}\n";
}

} // namespace kconfig
