// SPDX-License-Identifier: MIT
// How graph pictures show symbols and edges, shared by the GUI's drawing and
// the CLI's DOT output so that both say the same thing: colours (always with
// the value as text too), line styles per edge kind, and the texts of a node.
#pragma once

#include "kconfig/dependencygraph.h"

#include <string>

namespace kconfig {

// The value class a node is coloured by.
enum class NodeTone
{
    Yes,   // y
    Mod,   // m
    No,    // n
    Value, // int, hex or string
    More,  // a "+N more" node
};

struct ToneColours
{
    const char *fill; // "#rrggbb"
    const char *border;
    const char *text;
};

enum class LinePattern
{
    Solid,
    Dashed,
    Dotted
};

enum class ArrowHead
{
    Filled,
    Open,
    Diamond
};

struct EdgeStyle
{
    const char *colour;
    LinePattern pattern;
    double width; // points
    ArrowHead arrow;
};

NodeTone nodeTone(const GraphNode &node);
ToneColours toneColours(NodeTone tone);
const char *toneName(NodeTone tone); // "y", "m", "n", "value", "more"
EdgeStyle edgeStyle(DependencyKind kind);

// Highlight of the focus symbol and of symbols an action changed.
const char *focusColour();
const char *changedColour();

// Visible but held by a select: the user cannot change it.
bool isLocked(const GraphNode &node);
// No visible prompt (unmet dependencies, or no prompt at all).
bool isInvisible(const GraphNode &node);

// The prompt, shortened to about `maxChars` characters at a word boundary
// ("…" when cut); "+N more" nodes describe their group ("select PCI").
std::string nodeCaption(const GraphNode &node, std::size_t maxChars = 30);
// "= y", "= 0x1000", "= \"\""; with `showChange`, a changed node says how, in
// the why panel's words ("y → m", "stays y, no longer locked").
std::string nodeValueText(const GraphNode &node, bool showChange);

} // namespace kconfig
