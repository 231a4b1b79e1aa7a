// SPDX-License-Identifier: MIT
#include "kconfig/dependencycheck.h"

#include "kconfig/diagnostic.h"
#include "kconfig/limits.h"
#include "kconfig/tree.h"

#include <algorithm>

namespace kconfig {

namespace {
constexpr unsigned char kChecking = 1;
constexpr unsigned char kChecked = 2;
// What calculating a symbol costs in recursion (calc, its visibility, its
// choice), in units of an expression level.
constexpr int kSymbolLevel = 4;

// Counts one level of the check's recursion for as long as it is alive.
struct Level
{
    explicit Level(int &depth) : d(depth) { ++d; }
    ~Level() { --d; }
    Level(const Level &) = delete;
    Level &operator=(const Level &) = delete;
    int &d;
};

void emit(DiagnosticSink &diag, const std::string &text, const SourceLocation &loc = {})
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.location = loc;
    d.message = text;
    d.text = text;
    diag.report(std::move(d));
}
} // namespace

DependencyCheck::DependencyCheck(const Tree &tree, DiagnosticSink &diagnostics)
    : m_tree(tree), m_diag(diagnostics), m_state(tree.symbols().size(), 0),
      m_cleanExpr(tree.exprs().size(), 0)
{
}

int DependencyCheck::run()
{
    int errors = 0;
    const Symbol *current = nullptr;
    m_evalDepth.assign(m_tree.symbols().size(), 0);
    m_exprDepth.assign(m_tree.exprs().size(), 0);
    try {
        m_tree.forEachMenu([&](MenuNode *menu) {
            current = menu->sym;
            if (menu->sym && check(menu->sym)) ++errors;
            if (menu->sym && menu->sym->isChoice()) errors += checkChoiceMembers(menu->sym);
        });
        if (errors) return errors;
        // Without cycles, evaluating a symbol recurses along the longest chain
        // of symbols it reads; the search above may have met that chain from
        // its shallow end, so measure it (mostly done, see measureWhileWarm).
        for (const Symbol *sym : m_tree.symbols().all()) {
            current = sym;
            if (evaluationDepth(sym) > limits::maxEvaluationDepth) {
                reportTooDeep(sym);
                return errors + 1;
            }
        }
    } catch (const TooDeep &) {
        reportTooDeep(current);
        return errors + 1;
    }
    return errors;
}

void DependencyCheck::enter()
{
    if (m_recursion > limits::maxEvaluationDepth) throw TooDeep{};
}

// The search has just read what `sym`'s evaluation reads: measure it now,
// while that is in the processor's cache, instead of reading it all again
// in run(). The measure's own recursion counts here, not the search's; if it
// gets too deep, run() measures everything afresh.
void DependencyCheck::measureWhileWarm(const Symbol *sym)
{
    if (!m_measureEarly) return;
    const int searching = m_recursion;
    m_recursion = 0;
    try {
        evaluationDepth(sym);
    } catch (const TooDeep &) {
        m_measureEarly = false;
        m_evalDepth.assign(m_evalDepth.size(), 0);
        m_exprDepth.assign(m_exprDepth.size(), 0);
        m_unfinishedReads = 0;
    }
    m_recursion = searching;
}

void DependencyCheck::reportTooDeep(const Symbol *sym)
{
    SourceLocation loc;
    if (sym && !sym->menus.empty()) loc = sym->menus.front()->location;
    emit(m_diag,
         loc.toString() + ": error: dependencies of '" + (sym ? sym->displayName() : "") +
             "' nested too deeply: it depends on a chain of symbols and expressions more than " +
             std::to_string(limits::maxEvaluationDepth) + " levels deep\n",
         loc);
}

// An upper bound of the recursion Config::calc needs for `sym`: it reads the
// symbols of every expression below (dependencies, reverse dependencies,
// conditions, defaults, range bounds, its choice), each at most that
// expression's depth down.
int DependencyCheck::evaluationDepth(const Symbol *sym)
{
    if (!sym || sym->isConst()) return 0;
    int &memo = m_evalDepth[sym->id];
    if (memo > 0) return memo;
    if (memo < 0) {
        ++m_unfinishedReads;
        return 0; // a choice and its members read each other; counted once
    }
    memo = -1;
    const Level level(m_recursion);
    enter();
    int deepest = std::max({exprEvaluationDepth(sym->dirDep), exprEvaluationDepth(sym->revDep),
                            exprEvaluationDepth(sym->implied)});
    for (const Property *prop : sym->properties) {
        if (prop->type == PropertyType::Select || prop->type == PropertyType::Imply) continue;
        deepest = std::max(deepest, exprEvaluationDepth(prop->condition));
        if (prop->type == PropertyType::Default || prop->type == PropertyType::Range)
            deepest = std::max(deepest, exprEvaluationDepth(prop->expr));
    }
    if (const MenuNode *choice = m_tree.choiceMenuOf(sym))
        deepest = std::max(deepest, evaluationDepth(choice->sym));
    if (sym->isChoice() && !sym->menus.empty()) {
        for (const Symbol *member : sym->menus.front()->choiceMembers)
            for (const Property *prop : member->properties)
                if (prop->hasText())
                    deepest = std::max(deepest, exprEvaluationDepth(prop->condition));
    }
    memo = std::min(deepest + kSymbolLevel, limits::maxEvaluationDepth + 1);
    return memo;
}

int DependencyCheck::exprEvaluationDepth(const Expr *e)
{
    if (!e) return 0;
    // Expressions are shared (hash-consed): each is measured once, unless a
    // symbol still being measured answered 0 inside it.
    if (const int known = m_exprDepth[static_cast<std::size_t>(e->id)]) return known;
    const Level level(m_recursion);
    enter();
    const int unfinishedBefore = m_unfinishedReads;
    int depth;
    switch (e->type) {
    case ExprType::Or:
    case ExprType::And:
        depth = std::max(exprEvaluationDepth(e->left), exprEvaluationDepth(e->right)) + 1;
        break;
    case ExprType::Not:
        depth = exprEvaluationDepth(e->left) + 1;
        break;
    default:
        depth = std::max(evaluationDepth(e->sym), evaluationDepth(e->rightSym)) + 1;
        break;
    }
    if (m_unfinishedReads == unfinishedBefore) m_exprDepth[static_cast<std::size_t>(e->id)] = depth;
    return depth;
}

// choice_check_sanity for every member of a choice block
int DependencyCheck::checkChoiceMembers(const Symbol *choice)
{
    int errors = 0;
    const MenuNode *choiceMenu = choice->menus.front();
    for (const MenuNode *m = choiceMenu->nextInTree(choiceMenu); m; m = m->nextInTree(choiceMenu)) {
        if (!m->sym) continue;
        bool bad = false;
        for (const Property *prop : m->sym->properties) {
            if (prop->type == PropertyType::Default) {
                emit(m_diag,
                     prop->location.toString() +
                         ": error: defaults for choice values not supported\n",
                     prop->location);
                bad = true;
            }
            if (prop->menu != m && prop->type == PropertyType::Prompt &&
                prop->menu->parent != m->parent) {
                emit(m_diag,
                     prop->location.toString() +
                         ": error: choice value has a prompt outside its choice group\n",
                     prop->location);
                bad = true;
            }
        }
        if (bad) ++errors;
    }
    return errors;
}

const Symbol *DependencyCheck::check(const Symbol *sym)
{
    const Level level(m_recursion);
    enter();
    unsigned char &st = m_state[sym->id];
    if (st & kChecking) {
        printCycle(sym);
        return sym;
    }
    if (st & kChecked) return nullptr;

    if (const MenuNode *choice = m_tree.choiceMenuOf(sym)) {
        // A choice member is checked through its choice.
        m_stack.push_back(Frame{sym});
        const Symbol *r = check(choice->sym);
        m_stack.pop_back();
        return r;
    }
    const Symbol *r;
    if (sym->isChoice()) {
        r = checkChoice(sym);
    } else {
        st |= kChecking | kChecked;
        r = checkSymbol(sym);
        m_state[sym->id] &= ~kChecking;
    }
    if (!r) measureWhileWarm(sym);
    return r;
}

// An expression checked without finding a cycle stays clean: its symbols are
// all checked, and a checked symbol is never on the search path again. The
// dependencies of a menu's entries share their parents' chain, so this makes
// the search linear in the (hash-consed) expressions.
const Symbol *DependencyCheck::checkExpr(const Expr *e)
{
    if (!e || m_cleanExpr[static_cast<std::size_t>(e->id)]) return nullptr;
    const Symbol *found = checkExprOnce(e);
    if (!found) m_cleanExpr[static_cast<std::size_t>(e->id)] = 1;
    return found;
}

const Symbol *DependencyCheck::checkExprOnce(const Expr *e)
{
    const Level level(m_recursion);
    enter();
    switch (e->type) {
    case ExprType::Or:
    case ExprType::And:
        if (const Symbol *s = checkExpr(e->left)) return s;
        return checkExpr(e->right);
    case ExprType::Not:
        return checkExpr(e->left);
    case ExprType::Equal:
    case ExprType::Unequal:
    case ExprType::Less:
    case ExprType::LessEqual:
    case ExprType::Greater:
    case ExprType::GreaterEqual:
        if (const Symbol *s = check(e->sym)) return s;
        return check(e->rightSym);
    case ExprType::Symbol:
        return check(e->sym);
    default:
        return nullptr;
    }
}

const Symbol *DependencyCheck::checkSymbol(const Symbol *sym)
{
    m_stack.push_back(Frame{sym});
    const std::size_t top = m_stack.size() - 1;
    const Symbol *found = nullptr;
    const auto via = [&](Via v, const Expr *e) {
        m_stack[top].via = v;
        found = checkExpr(e);
        return found != nullptr;
    };
    if (!via(Via::DirDep, sym->dirDep) && !via(Via::RevDep, sym->revDep) &&
        !via(Via::Implied, sym->implied)) {
        m_stack[top].via = Via::None;
        for (const Property *prop : sym->properties) {
            if (prop->type == PropertyType::Select || prop->type == PropertyType::Imply) continue;
            m_stack[top].prop = prop;
            if ((found = checkExpr(prop->condition))) break;
            if (prop->type != PropertyType::Default || sym->isChoice()) continue;
            if (via(Via::DefaultValue, prop->expr)) break;
            m_stack[top].via = Via::None;
        }
    }
    m_stack.pop_back();
    return found;
}

const Symbol *DependencyCheck::checkChoice(const Symbol *choice)
{
    m_stack.push_back(Frame{choice});
    const MenuNode *choiceMenu = choice->menus.front();
    const auto forMembers = [&](auto &&f) {
        for (const MenuNode *m = choiceMenu->nextInTree(choiceMenu); m;
             m = m->nextInTree(choiceMenu))
            if (m->sym && f(m->sym)) return true;
        return false;
    };
    forMembers([&](const Symbol *s) {
        m_state[s->id] |= kChecking | kChecked;
        return false;
    });
    m_state[choice->id] |= kChecking | kChecked;
    const Symbol *found = checkSymbol(choice);
    m_state[choice->id] &= ~kChecking;
    if (!found) forMembers([&](const Symbol *s) { return (found = checkSymbol(s)) != nullptr; });
    forMembers([&](const Symbol *s) {
        m_state[s->id] &= ~kChecking;
        return false;
    });
    if (found && m_tree.choiceMenuOf(found) == choiceMenu) found = choice;
    m_stack.pop_back();
    return found;
}

void DependencyCheck::printCycle(const Symbol *last)
{
    bool pushed = false;
    if (const MenuNode *choice = m_tree.choiceMenuOf(last)) {
        m_stack.push_back(Frame{last});
        pushed = true;
        last = choice->sym;
    }
    std::size_t start = m_stack.size();
    for (std::size_t i = m_stack.size(); i-- > 0;) {
        if (m_stack[i].sym == last) {
            start = i;
            break;
        }
    }
    if (start == m_stack.size()) {
        emit(m_diag, "unexpected recursive dependency error\n");
    } else {
        std::string text;
        for (std::size_t i = start; i < m_stack.size(); ++i) {
            const Frame &f = m_stack[i];
            const Symbol *sym = f.sym;
            const Symbol *next = i + 1 < m_stack.size() ? m_stack[i + 1].sym : last;
            const char *type = propertyTypeName(f.prop ? f.prop->type : PropertyType::Unknown);
            if (sym == last) text += "error: recursive dependency detected!\n";
            if (next->isChoice()) {
                const MenuNode *cm = next->menus.front();
                text += "\tsymbol " + sym->displayName() + " is part of choice block at " +
                        cm->location.toString() + '\n';
            } else if (f.via == Via::DirDep) {
                text += "\tsymbol " + sym->displayName() + " depends on " + next->name + '\n';
            } else if (f.via == Via::RevDep) {
                text += "\tsymbol " + sym->name + " is selected by " + next->name + '\n';
            } else if (f.via == Via::Implied) {
                text += "\tsymbol " + sym->name + " is implied by " + next->name + '\n';
            } else if (f.via == Via::DefaultValue) {
                text += "\tsymbol " + sym->displayName() + ' ' + type + " value contains " +
                        next->name + '\n';
            } else {
                text += "\tsymbol " + sym->displayName() + ' ' + type +
                        " is visible depending on " + next->name + '\n';
            }
        }
        text += "For a resolution refer to Documentation/kbuild/kconfig-language.rst\n"
                "subsection \"Kconfig recursive dependency limitations\"\n\n";
        emit(m_diag, text);
    }
    if (pushed) m_stack.pop_back();
}

} // namespace kconfig
