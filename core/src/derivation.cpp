// SPDX-License-Identifier: MIT
#include "kconfig/derivation.h"

#include "kconfig/config.h"
#include "kconfig/expr.h"
#include "kconfig/tree.h"
#include "kconfig/valuesyntax.h"

namespace kconfig {

namespace {

Tristate promote(Tristate t, bool isBool)
{
    return t == Tristate::Mod && isBool ? Tristate::Yes : t;
}

// conf reads a default symbol's raw value: "n" for bool/tristate symbols.
std::string rawValue(const Symbol *s, const ValueSource &values)
{
    if (s->isBoolOrTristate()) return s->isConst() ? values.string(s) : std::string("n");
    return values.string(s);
}

long long boundValue(const Symbol *bound, int base, const ValueSource &values)
{
    if (bound->type == SymbolType::Int)
        base = 10;
    else if (bound->type == SymbolType::Hex)
        base = 16;
    return parseLeadingInteger(rawValue(bound, values), base);
}

void deriveChoice(const Tree &tree, ValueDerivation &d, const ValueSource &values,
                  const Config *priority)
{
    const MenuNode *choice = d.choice;
    std::vector<const Symbol *> order;
    // The order at the moment `values` describe: an action that chose a
    // member moved it to the front, and the order decides between members
    // the user set to y (after randconfig or a merged .config, several are).
    if (const std::vector<const Symbol *> *then = values.choicePriority(choice))
        order = *then;
    else if (priority)
        order = priority->choicePriority(choice);
    else
        order.assign(choice->choiceMembers.begin(), choice->choiceMembers.end());
    const auto visible = [&](const Symbol *s) {
        Tristate v = Tristate::No;
        for (const Property *p : s->properties)
            if (p->hasText()) v = triOr(v, values.evaluate(p->condition));
        return v != Tristate::No;
    };
    for (const Symbol *s : order) {
        const UserValue u = values.userValue(s);
        if (visible(s) && u.isSet && u.tri == Tristate::Yes) {
            d.chosen = s;
            d.choiceStep = ValueDerivation::ChoiceStep::UserY;
            return;
        }
    }
    const Symbol *def = nullptr;
    for (const Property *p : choice->sym->properties) {
        if (p->type != PropertyType::Default || values.evaluate(p->condition) == Tristate::No)
            continue;
        if (const Symbol *t = p->targetSymbol(); t && visible(t)) {
            def = t;
            break;
        }
    }
    if (!def)
        for (const MenuNode *m = choice->nextInTree(choice); m && !def; m = m->nextInTree(choice))
            if (m->sym && visible(m->sym)) def = m->sym;
    if (def && !(values.userValue(def).isSet && values.userValue(def).tri == Tristate::No)) {
        d.chosen = def;
        d.choiceStep = ValueDerivation::ChoiceStep::Default;
        return;
    }
    for (const MenuNode *m = choice->nextInTree(choice); m; m = m->nextInTree(choice)) {
        if (m->sym && visible(m->sym) && !values.userValue(m->sym).isSet) {
            d.chosen = m->sym;
            d.choiceStep = ValueDerivation::ChoiceStep::FirstUnset;
            return;
        }
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        if (visible(*it)) {
            d.chosen = *it;
            d.choiceStep = ValueDerivation::ChoiceStep::LastVisible;
            return;
        }
    }
    (void)tree;
}

} // namespace

ValueDerivation deriveValue(const Tree &tree, const Symbol *sym, const ValueSource &values,
                            const Config *priority)
{
    ValueDerivation d;
    d.symbol = sym;
    d.type = sym->type;
    if (sym->type == SymbolType::Unknown) {
        d.rule = ValueDerivation::Rule::Undefined;
        d.value = sym->name;
        return d;
    }
    const Tristate modules = values.modules();
    d.modulesOff = sym->type == SymbolType::Tristate && modules == Tristate::No;
    if (d.modulesOff) d.type = SymbolType::Bool;
    const bool isBool = d.type == SymbolType::Bool;

    Tristate vis = Tristate::No;
    for (const Property *p : sym->properties) {
        if (!p->hasText()) continue;
        const Tristate v = values.evaluate(p->condition);
        d.prompts.emplace_back(p, v);
        vis = triOr(vis, v);
    }
    if (vis == Tristate::Mod && (sym->type != SymbolType::Tristate || modules == Tristate::No))
        vis = Tristate::Yes;
    if (sym->isTransitional()) vis = Tristate::Yes;
    d.visible = vis;
    if (!sym->isChoiceValue()) {
        d.dirDep = promote(sym->dirDep ? values.evaluate(sym->dirDep) : Tristate::Yes, isBool);
        const Tristate rawRev = sym->revDep ? values.evaluate(sym->revDep) : Tristate::No;
        d.revDep = promote(rawRev, isBool);
        d.selectPromoted = d.revDep != rawRev;
        d.implied = promote(sym->implied ? values.evaluate(sym->implied) : Tristate::No, isBool);
    }
    d.user = values.userValue(sym);
    d.written = vis != Tristate::No;

    const auto firstDefault = [&]() -> const Property * {
        for (const Property *p : sym->properties) {
            if (p->type != PropertyType::Default) continue;
            const Tristate c = values.evaluate(p->condition);
            if (c != Tristate::No) {
                d.defaultCondition = c;
                return p;
            }
            d.skippedDefaults.push_back(p);
        }
        return nullptr;
    };

    if (sym->isBoolOrTristate()) {
        d.choice = tree.choiceMenuOf(sym);
        if (d.choice) {
            d.rule = ValueDerivation::Rule::Choice;
            deriveChoice(tree, d, values, priority);
            d.tri = vis != Tristate::No && d.chosen == sym ? Tristate::Yes : Tristate::No;
            d.base = d.afterImply = d.tri;
        } else {
            Tristate v = Tristate::No;
            if (vis != Tristate::No && d.user.isSet) {
                d.rule = ValueDerivation::Rule::UserValue;
                v = triAnd(d.user.tri, vis);
                d.userCapped = d.user.tri > vis;
                d.base = d.afterImply = v;
            } else {
                d.userHidden = d.user.isSet;
                if (d.revDep != Tristate::No) d.written = true;
                d.rule = ValueDerivation::Rule::NoDefault;
                if (!sym->isChoice()) {
                    if ((d.defaultProperty = firstDefault())) {
                        d.rule = ValueDerivation::Rule::Default;
                        d.defaultValue = values.evaluate(d.defaultProperty->expr);
                        v = triAnd(d.defaultValue, d.defaultCondition);
                        if (v != Tristate::No) d.written = true;
                    }
                    d.base = v;
                    if (d.implied != Tristate::No) {
                        d.written = true;
                        const Tristate raised = triAnd(triOr(v, d.implied), d.dirDep);
                        d.impliedRaised = raised > v;
                        v = raised;
                    }
                }
                d.afterImply = v;
            }
            d.unmet = d.dirDep < d.revDep;
            d.selectRaised = d.revDep > v;
            d.tri = triOr(v, d.revDep);
        }
        if (d.tri == Tristate::Mod && isBool) {
            d.tri = Tristate::Yes;
            d.boolPromoted = true;
        }
        d.value = std::string(triString(d.tri));
    } else {
        std::string v = sym->type == SymbolType::Int   ? "0"
                        : sym->type == SymbolType::Hex ? "0x0"
                                                       : "";
        if (vis != Tristate::No && d.user.isSet) {
            d.rule = ValueDerivation::Rule::UserValue;
            v = d.user.string;
        } else {
            d.userHidden = d.user.isSet;
            d.rule = ValueDerivation::Rule::NoDefault;
            if ((d.defaultProperty = firstDefault())) {
                d.rule = ValueDerivation::Rule::Default;
                if ((d.defaultSymbol = d.defaultProperty->targetSymbol())) {
                    d.written = true;
                    v = rawValue(d.defaultSymbol, values);
                }
            }
        }
        d.unclamped = v;
        if (sym->type == SymbolType::Int || sym->type == SymbolType::Hex) {
            const int base = sym->type == SymbolType::Int ? 10 : 16;
            for (const Property *p : sym->properties) {
                if (p->type == PropertyType::Range &&
                    values.evaluate(p->condition) != Tristate::No) {
                    d.range = p;
                    break;
                }
            }
            if (d.range) {
                const long long val = parseLeadingInteger(v, base);
                const Symbol *bound = d.range->expr->sym;
                if (val < boundValue(bound, base, values)) {
                    d.clampedTo = bound;
                } else {
                    bound = d.range->expr->rightSym;
                    if (val > boundValue(bound, base, values)) d.clampedTo = bound;
                }
                if (d.clampedTo) v = rawValue(d.clampedTo, values);
            }
        }
        d.value = v;
    }
    if (sym->isChoice() || sym->isTransitional()) d.written = false;
    d.changeable = !sym->isChoice() && d.visible > d.revDep;
    return d;
}

std::vector<WrittenDependency> writtenDependencies(const MenuNode *definition, bool forPrompt)
{
    std::vector<WrittenDependency> out;
    using K = WrittenDependency::Kind;
    if (forPrompt && definition->prompt && definition->prompt->ownCondition)
        out.push_back(WrittenDependency{K::PromptIf, definition->prompt->ownCondition,
                                        definition->prompt->location, definition});
    for (const DependencyLine &d : definition->dependsOn)
        out.push_back(WrittenDependency{K::DependsOn, d.expr, d.location, definition});
    for (const MenuNode *p = definition->parseParent; p && p->parseParent; p = p->parseParent) {
        const K kind = p->isChoice() ? K::ChoiceDependsOn
                       : p->prompt   ? K::MenuDependsOn
                                     : K::IfBlock;
        for (const DependencyLine &d : p->dependsOn)
            out.push_back(WrittenDependency{kind, d.expr, d.location, p});
        if (forPrompt)
            for (const DependencyLine &d : p->visibleIf)
                out.push_back(WrittenDependency{K::VisibleIf, d.expr, d.location, p});
    }
    return out;
}

std::vector<const Property *> selectsOf(const Tree &tree, const Symbol *target, PropertyType type)
{
    std::vector<const Property *> out;
    for (const Property &p : tree.properties())
        if (p.type == type && p.targetSymbol() == target) out.push_back(&p);
    return out;
}

} // namespace kconfig
