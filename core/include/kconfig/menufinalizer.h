// SPDX-License-Identifier: MIT
// menu_finalize: pushes every parent's dependencies into its children and their
// properties (with the kernel's simplifications), builds select/imply reverse
// dependencies, forms automatic submenus, flattens `if` blocks, and checks
// property sanity with conf's warnings.
#pragma once

#include <set>

namespace kconfig {

class DiagnosticSink;
class Tree;
struct MenuNode;
struct Symbol;

class MenuFinalizer
{
public:
    MenuFinalizer(Tree &tree, DiagnosticSink &diagnostics) : m_tree(tree), m_diag(diagnostics) {}
    void run();
    // Rewrites the as-written conditions kept for explanations the way conf
    // evaluates them (m -> m && MODULES, simplified). Run after run(), with
    // no notice handler on the pool, so conf's stdout stays unchanged.
    static void prepareWrittenConditions(Tree &tree);

private:
    void finalize(MenuNode *parent, bool insideChoice);
    void checkProperties(Symbol *sym);

    Tree &m_tree;
    DiagnosticSink &m_diag;
    std::set<const Symbol *> m_checked; // conf's SYMBOL_WARNED
};

} // namespace kconfig
