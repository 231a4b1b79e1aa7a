// SPDX-License-Identifier: MIT
#include "kconfig/symbolinfo.h"

#include "kconfig/config.h"
#include "kconfig/exprprinter.h"
#include "kconfig/tree.h"

namespace kconfig {

namespace {

void appendDependency(std::string &r, Config &config, const Expr *e, const char *prefix)
{
    if (config.tree().exprs().isYes(e))
        return;
    r += prefix;
    r += exprToStringWithValues(e, config);
    r += '\n';
}

void appendPrompt(std::string &r, Config &config, const Property *prop)
{
    r += "  Prompt: " + prop->text + '\n';
    appendDependency(r, config, prop->menu->dep, "  Depends on: ");
    // Visibility differs from dependencies with `prompt ... if` or `visible if`.
    ExprPool &pool = const_cast<ExprPool &>(config.tree().exprs());
    if (!pool.equal(prop->menu->dep, prop->condition))
        appendDependency(r, config, prop->condition, "  Visible if: ");

    const MenuNode *levels[8];
    int n = 0;
    const MenuNode *root = config.tree().rootMenu();
    for (const MenuNode *m = prop->menu; m != root && n < 8; m = m->parent)
        levels[n++] = m;
    r += "  Location:\n";
    for (int j = 0; --n >= 0; ++j) {
        const MenuNode *m = levels[n];
        r += std::string(static_cast<std::size_t>(2 * j + 4), ' ') + "-> ";
        const std::string *text = m->promptText();
        r += text ? *text : std::string("(null)");
        if (m->sym)
            r += " (" + m->sym->displayName() + " [=" + config.currentString(m->sym) + "])";
        r += '\n';
    }
}

void appendTargets(std::string &r, Config &config, const Symbol *sym, PropertyType type,
                   const char *prefix)
{
    bool hit = false;
    for (const Property *p : sym->properties) {
        if (p->type != type)
            continue;
        r += hit ? " && " : prefix;
        hit = true;
        r += exprToStringWithValues(p->expr, config);
    }
    if (hit)
        r += '\n';
}

} // namespace

std::string symbolInfoText(Config &config, const Symbol *sym)
{
    std::string r;
    if (!sym->isChoice()) {
        r += "Symbol: " + sym->name + " [=" + config.currentString(sym) + "]\n";
        r += std::string("Type  : ") + symbolTypeName(sym->type) + '\n';
        if (sym->type == SymbolType::Int || sym->type == SymbolType::Hex) {
            if (const Property *range = config.rangeProperty(sym))
                r += "Range : " + exprToStringWithValues(range->expr, config) + '\n';
        }
    }
    for (const MenuNode *m : sym->menus) {
        if (!m->prompt)
            continue;
        r += "Defined at " + m->location.toString() + '\n';
        appendPrompt(r, config, m->prompt);
    }
    for (const MenuNode *m : sym->menus) {
        if (m->prompt)
            continue;
        r += "Defined at " + m->location.toString() + '\n';
        appendDependency(r, config, m->dep, "  Depends on: ");
    }
    appendTargets(r, config, sym, PropertyType::Select, "Selects: ");
    if (sym->revDep) {
        r += revDepTermsWithValues(sym->revDep, config, Tristate::Yes, "Selected by [y]:\n");
        r += revDepTermsWithValues(sym->revDep, config, Tristate::Mod, "Selected by [m]:\n");
        r += revDepTermsWithValues(sym->revDep, config, Tristate::No, "Selected by [n]:\n");
    }
    appendTargets(r, config, sym, PropertyType::Imply, "Implies: ");
    if (sym->implied) {
        r += revDepTermsWithValues(sym->implied, config, Tristate::Yes, "Implied by [y]:\n");
        r += revDepTermsWithValues(sym->implied, config, Tristate::Mod, "Implied by [m]:\n");
        r += revDepTermsWithValues(sym->implied, config, Tristate::No, "Implied by [n]:\n");
    }
    r += "\n\n";
    return r;
}

std::string extendedHelpText(Config &config, const MenuNode *menu, const std::string &configPrefix)
{
    std::string r;
    const Symbol *sym = menu->sym;
    std::string help = "There is no help available for this option.";
    if (menu->hasHelp) {
        if (!sym->isChoice())
            r += configPrefix + sym->name + ":\n\n";
        help = menu->help.text();
    }
    r += help + '\n';
    if (sym)
        r += symbolInfoText(config, sym);
    return r;
}

} // namespace kconfig
