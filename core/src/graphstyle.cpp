// SPDX-License-Identifier: MIT
#include "kconfig/graphstyle.h"

#include "kconfig/explanationtext.h"
#include "kconfig/menunode.h"
#include "kconfig/property.h"
#include "kconfig/symbol.h"

namespace kconfig {

namespace {

const std::string kEllipsis = "\xe2\x80\xa6"; // …
const std::string kArrow = " \xe2\x86\x92 ";  // →

std::string shorten(const std::string &text, std::size_t maxChars)
{
    if (text.size() <= maxChars) return text;
    std::size_t cut = text.rfind(' ', maxChars);
    if (cut == std::string::npos || cut < maxChars / 2) cut = maxChars;
    // Never split a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80)
        --cut;
    std::string s = text.substr(0, cut);
    while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ':'))
        s.pop_back();
    return s + kEllipsis;
}

const std::string *promptOf(const Symbol *s)
{
    for (const MenuNode *m : s->menus)
        if (m->prompt) return &m->prompt->text;
    return nullptr;
}

std::string valueOf(const Symbol *s, const SymbolSnapshot &state)
{
    if (s->type == SymbolType::String) return '"' + shorten(state.value, 16) + '"';
    return shorten(state.value, 18);
}

} // namespace

NodeTone nodeTone(const GraphNode &node)
{
    if (node.kind == GraphNode::Kind::More) return NodeTone::More;
    if (!node.symbol->isBoolOrTristate() && !node.symbol->isChoice()) return NodeTone::Value;
    switch (node.state.tri) {
    case Tristate::Yes:
        return NodeTone::Yes;
    case Tristate::Mod:
        return NodeTone::Mod;
    default:
        return NodeTone::No;
    }
}

ToneColours toneColours(NodeTone tone)
{
    switch (tone) {
    case NodeTone::Yes:
        return {"#d4edd5", "#2e7d32", "#1b3d1d"};
    case NodeTone::Mod:
        return {"#ffe6bf", "#d9730d", "#4a2a05"};
    case NodeTone::No:
        return {"#f1f1f1", "#7a7a7a", "#2b2b2b"};
    case NodeTone::Value:
        return {"#dceafb", "#1f5fa8", "#102a4a"};
    case NodeTone::More:
        return {"#ffffff", "#8a8a8a", "#505050"};
    }
    return {"#ffffff", "#000000", "#000000"};
}

const char *toneName(NodeTone tone)
{
    switch (tone) {
    case NodeTone::Yes:
        return "y";
    case NodeTone::Mod:
        return "m";
    case NodeTone::No:
        return "n";
    case NodeTone::Value:
        return "value";
    case NodeTone::More:
        return "more";
    }
    return "";
}

EdgeStyle edgeStyle(DependencyKind kind)
{
    switch (kind) {
    case DependencyKind::DependsOn:
        return {"#37474f", LinePattern::Solid, 1.3, ArrowHead::Filled};
    case DependencyKind::VisibleIf:
        return {"#00838f", LinePattern::Dashed, 1.3, ArrowHead::Open};
    case DependencyKind::Select:
        return {"#c62828", LinePattern::Solid, 2.2, ArrowHead::Filled};
    case DependencyKind::Imply:
        return {"#e65100", LinePattern::Dashed, 1.8, ArrowHead::Open};
    case DependencyKind::Default:
        return {"#2e7d32", LinePattern::Dotted, 1.6, ArrowHead::Filled};
    case DependencyKind::Range:
        return {"#6a1b9a", LinePattern::Dotted, 1.3, ArrowHead::Open};
    case DependencyKind::ChoiceMember:
        return {"#6d4c41", LinePattern::Solid, 1.0, ArrowHead::Diamond};
    case DependencyKind::MenuParent:
        return {"#9e9e9e", LinePattern::Dashed, 1.0, ArrowHead::Open};
    }
    return {"#000000", LinePattern::Solid, 1.0, ArrowHead::Filled};
}

const char *focusColour()
{
    return "#0d47a1";
}

const char *changedColour()
{
    return "#ff8f00";
}

bool isLocked(const GraphNode &node)
{
    return node.kind == GraphNode::Kind::Symbol && !node.symbol->isChoice() &&
           node.state.visible != Tristate::No && !node.state.changeable;
}

bool isInvisible(const GraphNode &node)
{
    return node.kind == GraphNode::Kind::Symbol && node.state.visible == Tristate::No;
}

std::string nodeCaption(const GraphNode &node, std::size_t maxChars)
{
    if (node.kind == GraphNode::Kind::More) {
        const std::string name = node.symbol->displayName();
        const bool needs = node.groupDirection == GraphDirection::Needs;
        switch (node.groupKind) {
        case DependencyKind::DependsOn:
            return needs ? name + " depends on" : "depend on " + name;
        case DependencyKind::VisibleIf:
            return needs ? name + " visible if" : "visible if " + name;
        case DependencyKind::Select:
            return needs ? name + " selects" : "select " + name;
        case DependencyKind::Imply:
            return needs ? name + " implies" : "imply " + name;
        case DependencyKind::Default:
            return needs ? "in " + name + "'s defaults" : "default from " + name;
        case DependencyKind::Range:
            return needs ? "in " + name + "'s ranges" : "range from " + name;
        case DependencyKind::ChoiceMember:
            return needs ? name + "'s choice" : "members of " + name;
        case DependencyKind::MenuParent:
            return needs ? "menu parents of " + name : "below " + name + " in the menu";
        }
        return name;
    }
    if (const std::string *prompt = promptOf(node.symbol)) return shorten(*prompt, maxChars);
    return "(no prompt)";
}

std::string nodeValueText(const GraphNode &node, bool showChange)
{
    if (node.kind == GraphNode::Kind::More) return std::string();
    const Symbol *s = node.symbol;
    if (showChange && node.changed) {
        // The why panel's words ("y -> m", "stays y, no longer locked").
        std::string text = stateChangeText(node.before, node.state);
        if (const auto at = text.find(" -> "); at != std::string::npos) text.replace(at, 4, kArrow);
        return text;
    }
    if (s->isChoice()) return "choice";
    return "= " + valueOf(s, node.state);
}

} // namespace kconfig
