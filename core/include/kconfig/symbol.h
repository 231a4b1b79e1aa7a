// SPDX-License-Identifier: MIT
// A Kconfig symbol as defined by the tree (its values live in a Config).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kconfig {

struct Expr;
struct Property;
struct MenuNode;

enum class SymbolType : std::uint8_t
{
    Unknown,
    Bool,
    Tristate,
    Int,
    Hex,
    String
};

// conf's names ("bool", "tristate", "integer", "hex", "string", "unknown").
const char *symbolTypeName(SymbolType t);

struct Symbol
{
    enum Flag : std::uint32_t
    {
        Const = 0x1,        // y, m, n and quoted/numeric literals
        Transitional = 0x2, // 'transitional': read from old configs, never shown or written
        Choice = 0x4,       // the unnamed symbol of a choice block
    };

    // What evaluation and the checks read first, together at the start.
    SymbolType type = SymbolType::Unknown;
    std::uint32_t flags = 0;
    int id = -1; // index into Tree::symbols()

    const Expr *dirDep = nullptr;  // OR over the definitions' propagated dependencies
    const Expr *revDep = nullptr;  // OR of (selector && condition) terms
    const Expr *implied = nullptr; // OR of (implier && condition) terms

    std::vector<Property *> properties; // in definition order, over all definitions
    std::vector<MenuNode *> menus;      // one node per definition, in order

    std::string name; // empty for a choice

    // The choice menu node whose member list holds this symbol (6.12: choice_link).
    MenuNode *memberOfChoice = nullptr;

    // The expression that is just this symbol, once the tree's ExprPool made
    // it: found here, in a line just read, instead of in the pool's table.
    const Expr *leaf = nullptr;

    bool isConst() const { return flags & Const; }
    bool isChoice() const { return flags & Choice; }
    bool isChoiceValue() const { return memberOfChoice != nullptr; }
    bool isTransitional() const { return flags & Transitional; }
    bool isBoolOrTristate() const
    {
        return type == SymbolType::Bool || type == SymbolType::Tristate;
    }
    // Name for messages: choices print as "<choice>".
    std::string displayName() const { return isChoice() ? std::string("<choice>") : name; }
};

} // namespace kconfig
