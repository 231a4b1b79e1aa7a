// SPDX-License-Identifier: MIT
// Owns all expression nodes of a tree and performs the kernel's structural
// rewrites (menu.c/expr.c): they decide how dependencies look in messages and
// how automatic submenus form, so they must match conf step for step.
#pragma once

#include "kconfig/expr.h"
#include "kconfig/stablevector.h"

#include <functional>
#include <string>
#include <vector>

namespace kconfig {

struct Symbol;

class ExprPool
{
public:
    struct Constants
    {
        Symbol *yes = nullptr;
        Symbol *mod = nullptr;
        Symbol *no = nullptr;
    };

    explicit ExprPool(Constants c) : m_c(c) {}
    ExprPool(const ExprPool &) = delete;
    ExprPool &operator=(const ExprPool &) = delete;

    const Constants &constants() const { return m_c; }
    std::size_t size() const { return m_nodes.size(); }
    const Expr &node(std::size_t id) const { return m_nodes[id]; }

    const Expr *symbol(Symbol *s);
    const Expr *unary(ExprType t, const Expr *e);
    const Expr *binary(ExprType t, const Expr *l, const Expr *r);
    const Expr *compare(ExprType t, Symbol *l, Symbol *r);
    // A node known to be new (the tree cache stores each node once): no
    // search now; the hash set is rebuilt at the next lookup, which a load
    // that only evaluates never makes.
    const Expr *adopt(ExprType t, const void *l, const void *r);
    // null-tolerant: a null operand is "y" and vanishes
    const Expr *andOf(const Expr *a, const Expr *b);
    const Expr *orOf(const Expr *a, const Expr *b);

    // --- rewrites used by menu finalisation (names follow Kconfig's terms) ---
    const Expr *transform(const Expr *e);
    const Expr *eliminateDups(const Expr *e);
    void eliminateEq(const Expr *&a, const Expr *&b);
    bool equal(const Expr *a, const Expr *b);
    const Expr *transCompare(const Expr *e, ExprType t, Symbol *s);
    // 'm' -> 'm && MODULES' so that m literals vanish without modules
    const Expr *rewriteM(const Expr *e, Symbol *modules);

    bool isYes(const Expr *e) const;

    // Messages that expr_transform prints on stdout ("boolean symbol X tested for 'm'?").
    void setNoticeHandler(std::function<void(const std::string &)> h) { m_notice = std::move(h); }

private:
    const Expr *lookup(ExprType t, const void *l, const void *r);
    const Expr *makeNode(ExprType t, const void *l, const void *r);
    const Expr *rebuilt(const Expr *e, const Expr *l, const Expr *r);
    void rebuildTable(std::size_t capacity);
    const Expr *eliminateYn(const Expr *e);
    const Expr *transformUncached(const Expr *e);
    const Expr *eliminateDupsUncached(const Expr *e);
    void eliminateEqLeaves(ExprType t, const Expr *&a, const Expr *&b);
    void eliminateDupsLeaves(ExprType t, const Expr *&a, const Expr *&b);
    const Expr *joinOr(const Expr *a, const Expr *b);
    const Expr *joinAnd(const Expr *a, const Expr *b);

    Constants m_c;
    StableVector<Expr> m_nodes;
    // Open-addressing hash set of the nodes, keyed by (type, left, right):
    // hash-consing runs for every node conf builds, so it must be cheap.
    std::vector<const Expr *> m_slots;
    std::size_t m_used = 0;
    bool m_tableStale = false; // nodes were adopted since the last rebuild
    int m_transCount = 0;
    int m_notices = 0;
    std::vector<const Expr *> m_dupsMemo;      // by node id
    std::vector<const Expr *> m_transformMemo; // by node id
    std::function<void(const std::string &)> m_notice;
};

// Structural queries that need no pool.
bool exprContainsSymbol(const Expr *e, const Symbol *s);
// Every symbol an expression names, in print order, without duplicates.
std::vector<const Symbol *> exprSymbols(const Expr *e);
bool exprDependsOnSymbol(const Expr *e, const Symbol *s, const ExprPool::Constants &c);

} // namespace kconfig
