// SPDX-License-Identifier: MIT
// A node of the menu tree: a symbol definition, a menu, a comment, a choice,
// or an `if` block (flattened away during finalisation).
#pragma once

#include "kconfig/helptext.h"
#include "kconfig/sourcelocation.h"

#include <string>
#include <vector>

namespace kconfig {

struct Expr;
struct Property;
struct Symbol;

// One dependency as written in the source (`depends on`, the condition of an
// `if` block, `visible if`), kept for explanations. `m` is already rewritten
// to `m && MODULES`, as conf evaluates it.
struct DependencyLine
{
    const Expr *expr = nullptr;
    SourceLocation location;
};

struct MenuNode
{
    MenuNode *next = nullptr; // next sibling
    MenuNode *parent = nullptr;
    MenuNode *list = nullptr; // first child
    Symbol *sym = nullptr;    // null for menus, comments and ifs
    Property *prompt = nullptr;
    const Expr *visibility = nullptr; // `visible if`
    const Expr *dep = nullptr;        // `depends on`/`if`, propagated during finalisation
    SourceLocation location;
    int id = -1; // index into Tree::menus()
    bool hasHelp = false;

    // Choice nodes: members in source order (priority order lives in Config).
    std::vector<Symbol *> choiceMembers;

    // As written, before finalisation moved things around: the block (menu,
    // if, choice or root) the entry appeared in, its own `depends on` lines
    // (for an `if` node: its condition) and its `visible if` lines.
    MenuNode *parseParent = nullptr;
    std::vector<DependencyLine> dependsOn;
    std::vector<DependencyLine> visibleIf;
    HelpText help; // last: read only when somebody asks for it

    bool isChoice() const;
    bool isMenu() const; // a `menu` block or a `menuconfig` entry (P_MENU prompt)
    bool isComment() const;
    const std::string *promptText() const; // prompt text, else symbol name, else null

    // Depth-first successor below `root` (menu_next): children before siblings.
    MenuNode *nextInTree(const MenuNode *root) const;
};

} // namespace kconfig
