// SPDX-License-Identifier: MIT
// One property line of an entry: prompt, default, select, imply, range, or the
// text of a menu/comment.
#pragma once

#include "kconfig/sourcelocation.h"

#include <cstdint>
#include <string>

namespace kconfig {

struct Expr;
struct MenuNode;
struct Symbol;

enum class PropertyType : std::uint8_t
{
    Unknown,
    Prompt,
    Comment,
    Menu,
    Default,
    Select,
    Imply,
    Range
};

// conf's names: "prompt", "comment", "menu", "default", "select", "imply", "range".
const char *propertyTypeName(PropertyType t);

struct Property
{
    PropertyType type = PropertyType::Unknown;
    int id = -1;                        // index into Tree::properties()
    const Expr *condition = nullptr;    // `if` part; after finalisation includes all menu deps
    const Expr *expr = nullptr;         // default value, select/imply target, range bounds
    MenuNode *menu = nullptr;           // the definition it belongs to
    const Expr *ownCondition = nullptr; // the `if` part as written (m rewritten), for explanations
    std::string text;                   // prompt/menu/comment text
    SourceLocation location;

    bool hasText() const
    {
        return type == PropertyType::Prompt || type == PropertyType::Menu ||
               type == PropertyType::Comment;
    }
    Symbol *targetSymbol() const; // default/select/imply with a single symbol
};

} // namespace kconfig
