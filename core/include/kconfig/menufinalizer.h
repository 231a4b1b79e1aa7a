// SPDX-License-Identifier: MIT
// menu_finalize: pushes every parent's dependencies into its children and their
// properties (with the kernel's simplifications), builds select/imply reverse
// dependencies, forms automatic submenus, flattens `if` blocks, and checks
// property sanity with conf's warnings.
#pragma once

#include <string>
#include <vector>

namespace kconfig {

class DiagnosticSink;
class Tree;
struct Expr;
struct MenuNode;
struct SourceLocation;
struct Symbol;

class MenuFinalizer
{
public:
    MenuFinalizer(Tree &tree, DiagnosticSink &diagnostics) : m_tree(tree), m_diag(diagnostics) {}
    // Returns the number of errors: menus or dependencies nested beyond
    // limits.h (the tree must not be used then).
    int run();
    // Rewrites the as-written conditions kept for explanations the way conf
    // evaluates them (m -> m && MODULES, simplified). Run after run(), with
    // no notice handler on the pool, so conf's stdout stays unchanged.
    static void prepareWrittenConditions(Tree &tree);

private:
    void finalize(MenuNode *parent, bool insideChoice);
    void checkProperties(Symbol *sym);
    // Derived expressions past limits.h are refused; the message is built only then.
    static bool tooDeep(const Expr *e);
    void reportTooDeep(const SourceLocation &loc, const std::string &what);

    Tree &m_tree;
    DiagnosticSink &m_diag;
    std::vector<unsigned char> m_checked; // per symbol id: conf's SYMBOL_WARNED
    int m_depth = 0;                      // finalize() calls inside each other
    int m_errors = 0;
    bool m_nestingReported = false;
};

} // namespace kconfig
