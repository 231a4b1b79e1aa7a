// SPDX-License-Identifier: MIT
#include "kconfig/graphdot.h"

#include "kconfig/graphstyle.h"
#include "kconfig/symbol.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <vector>

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

// `inactive`: faded, for references that do not take effect now.
std::string edgeAttributes(DependencyKind kind, bool stopped, bool inactive = false)
{
    const EdgeStyle st = edgeStyle(kind);
    char width[16];
    std::snprintf(width, sizeof width, "%.1f", st.width);
    return std::string("color=") + quoted(st.colour + std::string(inactive ? "4d" : "")) +
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

// A line sample for the legend: the edge's colour, pattern and arrow head.
std::string lineSample(DependencyKind kind, bool stopped, bool inactive = false)
{
    const EdgeStyle st = edgeStyle(kind);
    const LinePattern pattern = stopped ? LinePattern::Dashed : st.pattern;
    std::string line = pattern == LinePattern::Dashed   ? "\u2013 \u2013 \u2013"
                       : pattern == LinePattern::Dotted ? "\u00b7 \u00b7 \u00b7 \u00b7"
                       : st.width >= 2                  ? "\u2501\u2501\u2501"
                                                        : "\u2500\u2500\u2500";
    line += st.arrow == ArrowHead::Open      ? "\u25b7"
            : st.arrow == ArrowHead::Diamond ? "\u25c7"
                                             : "\u25b6";
    return "<FONT COLOR=\"" + std::string(st.colour) + (inactive ? "4d" : "") + "\">" + line +
           "</FONT>";
}

// The legend as one table node at the end of the ranks, like the GUI's:
// edge kinds on the left, node colours and marks on the right.
std::string legendNode(const DependencyGraph &g, const DotOptions &o)
{
    struct Cell
    {
        std::string sample; // a whole <TD>
        std::string text;
    };
    std::vector<Cell> edges, nodes;
    bool stopped = false, more = false;
    std::set<DependencyKind> active, inactive;
    for (const GraphEdge &e : g.edges) {
        stopped = stopped || e.stopped;
        (e.inactive ? inactive : active).insert(e.kind);
    }
    for (const GraphNode &n : g.nodes)
        more = more || n.kind == GraphNode::Kind::More;
    for (DependencyKind k : active)
        edges.push_back(
            {"<TD ALIGN=\"LEFT\">" + lineSample(k, false) + "</TD>", dependencyKindName(k)});
    if (stopped)
        edges.push_back({"<TD ALIGN=\"LEFT\">" + lineSample(DependencyKind::Select, true) + "</TD>",
                         "select \u2026 stopped applying"});
    for (DependencyKind k : inactive)
        edges.push_back({"<TD ALIGN=\"LEFT\">" + lineSample(k, false, true) + "</TD>",
                         std::string(dependencyKindName(k)) + ", not in effect now"});
    const auto box = [](NodeTone tone, const std::string &value, const char *style,
                        const char *border = nullptr, int width = 1) {
        const ToneColours c = toneColours(tone);
        return "<TD BGCOLOR=\"" + std::string(c.fill) + "\" COLOR=\"" +
               (border ? border : c.border) + "\" BORDER=\"" + std::to_string(width) +
               "\" STYLE=\"" + style + "\"><FONT COLOR=\"" + c.text + "\">" + value +
               "</FONT></TD>";
    };
    nodes.push_back({box(NodeTone::Yes, "y", "rounded"), "built in (y)"});
    nodes.push_back({box(NodeTone::Mod, "m", "rounded"), "module (m)"});
    nodes.push_back({box(NodeTone::No, "n", "rounded"), "off (n)"});
    nodes.push_back({box(NodeTone::Value, "64", "rounded"), "number or text"});
    nodes.push_back(
        {box(NodeTone::Yes, "y", "rounded"), "(locked) after the name: held by a select"});
    nodes.push_back({box(NodeTone::No, "n", "dashed"), "no visible prompt (hidden)"});
    nodes.push_back({box(NodeTone::No, "n", "rounded", focusColour(), 3),
                     o.showChange ? "the symbol you set" : "the symbol in focus"});
    if (more) nodes.push_back({box(NodeTone::More, "+N", "dotted"), "more, not shown"});

    std::string t =
        "  legend [shape=plaintext margin=0 fontsize=11 label=<<TABLE BORDER=\"1\" "
        "COLOR=\"#b0b0b0\" STYLE=\"rounded\" CELLBORDER=\"0\" "
        "CELLSPACING=\"4\" CELLPADDING=\"2\">\n"
        "    <TR><TD COLSPAN=\"5\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>\n"
        "    <TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">" +
        html(o.showChange ? "cause \u2192 effect, by rule:" : "A \u2192 B: A's entry names B in") +
        "</TD><TD></TD><TD></TD><TD></TD></TR>\n";
    for (std::size_t i = 0; i < std::max(edges.size(), nodes.size()); ++i) {
        t += "    <TR>";
        if (i < edges.size())
            t += edges[i].sample + "<TD ALIGN=\"LEFT\">" + html(edges[i].text) + "</TD>";
        else
            t += "<TD></TD><TD></TD>";
        t += "<TD WIDTH=\"12\"></TD>";
        if (i < nodes.size())
            t += nodes[i].sample + "<TD ALIGN=\"LEFT\">" + html(nodes[i].text) + "</TD>";
        else
            t += "<TD></TD><TD></TD>";
        t += "</TR>\n";
    }
    return t + "  </TABLE>>];\n  { rank=max; legend; }\n";
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
    for (const GraphEdge &e : g.edges) {
        out += "  n" + std::to_string(e.from) + " -> n" + std::to_string(e.to) + " [" +
               edgeAttributes(e.kind, e.stopped, e.inactive);
        if (!e.label.empty()) out += " label=" + quoted(e.label);
        if (o.now) {
            std::string tip;
            for (const std::string &l : describeEdge(e, g, *o.now, o.before))
                tip += (tip.empty() ? "" : "\n") + l;
            if (!tip.empty()) out += " tooltip=" + quoted(tip);
        }
        out += "];\n";
    }
    if (o.legend && !g.edges.empty()) out += legendNode(g, o);
    return out + "}\n";
}

} // namespace kconfig
