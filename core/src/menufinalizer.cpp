// SPDX-License-Identifier: MIT
#include "kconfig/menufinalizer.h"

#include "kconfig/diagnostic.h"
#include "kconfig/limits.h"
#include "kconfig/tree.h"
#include "kconfig/valuesyntax.h"

namespace kconfig {

namespace {

void warn(DiagnosticSink &diag, const SourceLocation &loc, const std::string &message)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Warning;
    d.location = loc;
    d.message = message;
    d.text = loc.toString() + ":warning: " + message + '\n';
    diag.report(std::move(d));
}

bool isValidNumber(const Symbol *sym, const Symbol *bound)
{
    return bound->type == SymbolType::Int || bound->type == SymbolType::Hex ||
           (bound->type == SymbolType::Unknown && isValidValueString(sym->type, bound->name));
}

} // namespace

int MenuFinalizer::run()
{
    m_checked.assign(m_tree.symbols().size(), 0);
    finalize(m_tree.rootMenu(), false);
    // Every definition adds to dirDep, every select and imply to revDep or
    // implied: their chains grow without any recursion until evaluation.
    for (const Symbol *sym : m_tree.symbols().all()) {
        if (sym->menus.empty()) continue;
        const SourceLocation &loc = sym->menus.front()->location;
        if (tooDeep(sym->dirDep))
            reportTooDeep(loc, "dependencies of '" + sym->displayName() +
                                   "' too long or nested too deeply");
        else if (tooDeep(sym->revDep))
            reportTooDeep(loc, "too many selects of '" + sym->displayName() + "'");
        else if (tooDeep(sym->implied))
            reportTooDeep(loc, "too many implies of '" + sym->displayName() + "'");
    }
    return m_errors;
}

bool MenuFinalizer::tooDeep(const Expr *e)
{
    return e && e->depth > limits::maxDerivedExprDepth;
}

void MenuFinalizer::reportTooDeep(const SourceLocation &loc, const std::string &what)
{
    ++m_errors;
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.location = loc;
    d.message =
        what + " (more than " + std::to_string(limits::maxDerivedExprDepth) + " operators deep)";
    d.text = loc.toString() + ": error: " + d.message + '\n';
    m_diag.report(std::move(d));
}

void MenuFinalizer::finalize(MenuNode *parent, bool insideChoice)
{
    ExprPool &ex = m_tree.exprs();
    Symbol *modules = m_tree.modules();
    Symbol *sym = parent->sym;

    // Blocks and automatic submenus recurse here.
    struct Nesting
    {
        int &d;
        ~Nesting() { --d; }
    } nesting{++m_depth};
    if (m_depth > limits::maxMenuDepth) {
        if (m_nestingReported) return; // once: every later chain would repeat it
        m_nestingReported = true;
        ++m_errors;
        Diagnostic d;
        d.severity = Diagnostic::Severity::Error;
        d.location = parent->location;
        d.message = "menu entries nested too deeply (more than " +
                    std::to_string(limits::maxMenuDepth) + " levels)";
        d.text = parent->location.toString() + ": error: " + d.message + '\n';
        m_diag.report(std::move(d));
        return;
    }

    if (parent->list) {
        // Propagate this node's dependencies to each child and its properties.
        for (MenuNode *menu = parent->list; menu; menu = menu->next) {
            const Expr *basedep = ex.rewriteM(menu->dep, modules);
            basedep = ex.transform(basedep);
            basedep = ex.andOf(parent->dep, basedep);
            if (tooDeep(basedep)) {
                reportTooDeep(menu->location, "dependencies too long or nested too deeply");
                basedep = parent->dep;
            }
            basedep = ex.eliminateDups(basedep);
            menu->dep = basedep;

            const auto handle = [&](Property *prop) {
                if (prop->menu != menu) return; // belongs to another definition of the symbol
                const Expr *dep = ex.rewriteM(prop->condition, modules);
                dep = ex.transform(dep);
                dep = ex.andOf(basedep, dep);
                if (tooDeep(dep)) {
                    reportTooDeep(prop->location, "condition too long or nested too deeply");
                    dep = basedep;
                }
                dep = ex.eliminateDups(dep);
                prop->condition = dep;

                if (prop->type == PropertyType::Select) {
                    Symbol *es = prop->targetSymbol();
                    es->revDep = ex.orOf(es->revDep, ex.andOf(ex.symbol(menu->sym), dep));
                } else if (prop->type == PropertyType::Imply) {
                    Symbol *es = prop->targetSymbol();
                    es->implied = ex.orOf(es->implied, ex.andOf(ex.symbol(menu->sym), dep));
                }
            };
            if (menu->sym) {
                // Copy: handlers never add properties, but keep iteration obvious.
                for (Property *prop : menu->sym->properties)
                    handle(prop);
            } else if (menu->prompt) {
                handle(menu->prompt);
            }
        }
        for (MenuNode *menu = parent->list; menu; menu = menu->next)
            finalize(menu, sym && sym->isChoice());
    } else if (!insideChoice && sym) {
        // Automatic submenus: following entries that depend on sym become its children.
        // The base dependency is needed only when the next entry names sym;
        // the conditions it is made of are already transformed, so building
        // it later prints no notice that conf would print earlier.
        const Expr *basedep = nullptr;
        bool haveBasedep = false;
        const auto baseDependency = [&] {
            if (!haveBasedep) {
                basedep = parent->prompt ? parent->prompt->condition : nullptr;
                basedep = ex.transCompare(basedep, ExprType::Unequal, m_tree.symbols().no());
                basedep = ex.eliminateDups(ex.transform(basedep));
                haveBasedep = true;
            }
            return basedep;
        };

        MenuNode *last = nullptr;
        for (MenuNode *menu = parent->next; menu; menu = menu->next) {
            const Expr *dep = menu->prompt ? menu->prompt->condition : menu->dep;
            if (!exprContainsSymbol(dep, sym)) break;
            if (!exprDependsOnSymbol(dep, sym, ex.constants())) {
                // Also a dependency when it is a "superset" of sym's own.
                dep = ex.transCompare(dep, ExprType::Unequal, m_tree.symbols().no());
                dep = ex.eliminateDups(ex.transform(dep));
                const Expr *dep2 = baseDependency();
                ex.eliminateEq(dep, dep2);
                if (!ex.isYes(dep2)) break;
            }
            finalize(menu, false);
            menu->parent = parent;
            last = menu;
        }
        if (last) {
            parent->list = parent->next;
            parent->next = last->next;
            last->next = nullptr;
        }
        sym->dirDep = ex.orOf(sym->dirDep, parent->dep);
    }

    // Flatten `if` blocks and undo submenus under promptless symbols.
    for (MenuNode *menu = parent->list; menu; menu = menu->next) {
        if (menu->list && (!menu->prompt || !menu->prompt->hasText())) {
            MenuNode *last = menu->list;
            for (;; last = last->next) {
                last->parent = parent;
                if (!last->next) break;
            }
            last->next = menu->next;
            menu->next = menu->list;
            menu->list = nullptr;
        }
    }

    if (sym && !m_checked[static_cast<std::size_t>(sym->id)]) {
        if (sym->type == SymbolType::Unknown)
            warn(m_diag, parent->location, "config symbol defined without type");
        checkProperties(sym);
        m_checked[static_cast<std::size_t>(sym->id)] = 1;
    }
}

void MenuFinalizer::prepareWrittenConditions(Tree &tree)
{
    ExprPool &ex = tree.exprs();
    const auto rewrite = [&](const Expr *e) {
        return ex.transform(ex.rewriteM(e, tree.modules()));
    };
    for (MenuNode &m : tree.menus()) {
        for (DependencyLine &d : m.dependsOn)
            d.expr = rewrite(d.expr);
        for (DependencyLine &d : m.visibleIf)
            d.expr = rewrite(d.expr);
    }
    for (Property &p : tree.properties())
        p.ownCondition = rewrite(p.ownCondition);
}

void MenuFinalizer::checkProperties(Symbol *sym)
{
    for (Property *prop : sym->properties) {
        switch (prop->type) {
        case PropertyType::Default: {
            if ((sym->type == SymbolType::String || sym->type == SymbolType::Int ||
                 sym->type == SymbolType::Hex) &&
                prop->expr->type != ExprType::Symbol)
                warn(m_diag, prop->location,
                     "default for config symbol '" + sym->name + "' must be a single symbol");
            if (prop->expr->type != ExprType::Symbol) break;
            Symbol *sym2 = prop->targetSymbol();
            if (sym->type == SymbolType::Hex || sym->type == SymbolType::Int) {
                if (!isValidNumber(sym, sym2))
                    warn(m_diag, prop->location, "'" + sym->name + "': number is invalid");
            }
            if (sym->isChoice()) {
                MenuNode *choice = m_tree.choiceMenuOf(sym2);
                if (!choice || choice->sym != sym)
                    warn(m_diag, prop->location,
                         "choice default symbol '" + sym2->name +
                             "' is not contained in the choice");
            }
            break;
        }
        case PropertyType::Select:
        case PropertyType::Imply: {
            const char *use = prop->type == PropertyType::Select ? "select" : "imply";
            Symbol *sym2 = prop->targetSymbol();
            if (!sym->isBoolOrTristate())
                warn(m_diag, prop->location,
                     "config symbol '" + sym->name + "' uses " + use +
                         ", but is not bool or tristate");
            else if (sym2->type != SymbolType::Unknown && !sym2->isBoolOrTristate())
                warn(m_diag, prop->location,
                     "'" + sym2->name + "' has wrong type. '" + use +
                         "' only accept arguments of bool and tristate type");
            break;
        }
        case PropertyType::Range:
            if (sym->type != SymbolType::Int && sym->type != SymbolType::Hex)
                warn(m_diag, prop->location, "range is only allowed for int or hex symbols");
            if (!isValidNumber(sym, prop->expr->sym) || !isValidNumber(sym, prop->expr->rightSym))
                warn(m_diag, prop->location, "range is invalid");
            break;
        default:
            break;
        }
    }
}

} // namespace kconfig
