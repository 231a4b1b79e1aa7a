// SPDX-License-Identifier: MIT
// Finds dependency cycles (sym_check_deps) and reports each like conf, with the
// chain "symbol A depends on B / is selected by C / ...". A cycle is fatal.
#pragma once

#include <vector>

namespace kconfig {

class DiagnosticSink;
class Tree;
struct Expr;
struct Property;
struct Symbol;

class DependencyCheck
{
public:
    DependencyCheck(const Tree &tree, DiagnosticSink &diagnostics);
    // Checks every symbol in menu order plus the choice sanity rules; returns
    // the number of errors found.
    int run();

private:
    enum class Via
    {
        None,
        DirDep,
        RevDep,
        Implied,
        DefaultValue
    };
    struct Frame
    {
        const Symbol *sym;
        const Property *prop = nullptr;
        Via via = Via::None;
    };

    struct TooDeep
    {
    };

    const Symbol *check(const Symbol *sym);
    const Symbol *checkSymbol(const Symbol *sym);
    const Symbol *checkChoice(const Symbol *choice);
    const Symbol *checkExpr(const Expr *e);
    const Symbol *checkExprOnce(const Expr *e);
    void printCycle(const Symbol *last);
    int checkChoiceMembers(const Symbol *choice);
    void enter();
    int evaluationDepth(const Symbol *sym);
    void measureWhileWarm(const Symbol *sym);
    int exprEvaluationDepth(const Expr *e);
    void reportTooDeep(const Symbol *sym);

    const Tree &m_tree;
    DiagnosticSink &m_diag;
    std::vector<unsigned char> m_state;     // per symbol id: bit 1 checking, bit 2 checked
    std::vector<unsigned char> m_cleanExpr; // per expression id: checked, no cycle found
    std::vector<Frame> m_stack;
    int m_recursion = 0;          // nested check()/checkExpr() calls, see limits.h
    std::vector<int> m_evalDepth; // per symbol id: evaluationDepth(), -1 while computing
    std::vector<int> m_exprDepth; // per expression id: exprEvaluationDepth(), 0 unknown
    int m_unfinishedReads = 0;    // reads of a symbol whose depth was still being computed
    bool m_measureEarly = true;   // see measureWhileWarm
};

} // namespace kconfig
