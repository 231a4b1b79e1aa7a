// SPDX-License-Identifier: MIT
#include "kconfig/dependencyindex.h"

#include "kconfig/exprpool.h"
#include "kconfig/menunode.h"
#include "kconfig/property.h"
#include "kconfig/symbol.h"
#include "kconfig/tree.h"

#include <cstring>

namespace kconfig {

namespace {

const std::vector<const Dependency *> kNone;

// Only defined symbols become graph nodes: constants and names that no entry
// defines (ARM64 in an x86 tree) carry no dependencies of their own.
bool isNode(const Symbol *s)
{
    return s && !s->isConst() && !s->menus.empty();
}

} // namespace

const char *dependencyKindName(DependencyKind k)
{
    switch (k) {
    case DependencyKind::DependsOn:
        return "depends on";
    case DependencyKind::VisibleIf:
        return "visible if";
    case DependencyKind::Select:
        return "select";
    case DependencyKind::Imply:
        return "imply";
    case DependencyKind::Default:
        return "default";
    case DependencyKind::Range:
        return "range";
    case DependencyKind::ChoiceMember:
        return "choice";
    case DependencyKind::MenuParent:
        return "menu";
    }
    return "";
}

bool parseDependencyKind(const char *name, DependencyKind &kind)
{
    for (int i = 0; i < DependencyKindCount; ++i) {
        const auto k = static_cast<DependencyKind>(i);
        if (!std::strcmp(name, dependencyKindName(k))) {
            kind = k;
            return true;
        }
    }
    if (!std::strcmp(name, "depends") || !std::strcmp(name, "depends-on")) {
        kind = DependencyKind::DependsOn;
        return true;
    }
    if (!std::strcmp(name, "visible") || !std::strcmp(name, "visible-if")) {
        kind = DependencyKind::VisibleIf;
        return true;
    }
    return false;
}

DependencyIndex::DependencyIndex(const Tree &tree) : m_tree(tree)
{
    for (const Symbol *sym : tree.symbols().all())
        if (isNode(sym))
            for (const MenuNode *def : sym->menus)
                addDefinition(sym, def);
    m_out.resize(tree.symbols().size());
    m_in.resize(tree.symbols().size());
    for (const Dependency &d : m_all) {
        m_out[static_cast<std::size_t>(d.from->id)].push_back(&d);
        m_in[static_cast<std::size_t>(d.to->id)].push_back(&d);
    }
}

const std::vector<const Dependency *> &DependencyIndex::outgoing(const Symbol *sym) const
{
    const auto i = static_cast<std::size_t>(sym->id);
    return i < m_out.size() ? m_out[i] : kNone;
}

const std::vector<const Dependency *> &DependencyIndex::incoming(const Symbol *sym) const
{
    const auto i = static_cast<std::size_t>(sym->id);
    return i < m_in.size() ? m_in[i] : kNone;
}

void DependencyIndex::add(const Dependency &d)
{
    if (!isNode(d.to) || d.to == d.from) return;
    // One reference per line and target: `depends on A && (A || B)` names A once.
    for (auto it = m_all.rbegin(); it != m_all.rend() && it->from == d.from; ++it)
        if (it->to == d.to && it->kind == d.kind && it->location.file == d.location.file &&
            it->location.line == d.location.line)
            return;
    m_all.push_back(d);
}

void DependencyIndex::addDefinition(const Symbol *sym, const MenuNode *def)
{
    using K = WrittenDependency::Kind;
    for (const WrittenDependency &wd : writtenDependencies(def, def->prompt != nullptr)) {
        Dependency d;
        d.kind = wd.kind == K::VisibleIf || wd.kind == K::PromptIf ? DependencyKind::VisibleIf
                                                                   : DependencyKind::DependsOn;
        d.from = sym;
        d.condition = wd.expr;
        d.definition = def;
        d.line = wd.kind;
        d.location = wd.location;
        if (wd.kind == K::PromptIf) d.property = def->prompt;
        for (const Symbol *s : exprSymbols(wd.expr)) {
            d.to = s;
            add(d);
        }
    }
    for (const Property *p : sym->properties) {
        if (p->menu != def) continue;
        Dependency d;
        d.from = sym;
        d.condition = p->ownCondition;
        d.property = p;
        d.definition = def;
        d.location = p->location;
        switch (p->type) {
        case PropertyType::Select:
        case PropertyType::Imply:
            d.kind =
                p->type == PropertyType::Select ? DependencyKind::Select : DependencyKind::Imply;
            d.to = p->targetSymbol();
            add(d);
            break;
        case PropertyType::Default:
        case PropertyType::Range:
            d.kind =
                p->type == PropertyType::Default ? DependencyKind::Default : DependencyKind::Range;
            for (const Expr *e : {p->expr, p->ownCondition})
                for (const Symbol *s : exprSymbols(e)) {
                    d.to = s;
                    add(d);
                }
            break;
        default:
            break;
        }
    }
    if (sym->memberOfChoice && sym->memberOfChoice->sym) {
        Dependency d;
        d.kind = DependencyKind::ChoiceMember;
        d.from = sym;
        d.to = sym->memberOfChoice->sym;
        d.definition = def;
        d.location = def->location;
        add(d);
    }
    const MenuNode *parent = def->parent;
    if (parent && parent->sym && !parent->isChoice()) {
        Dependency d;
        d.kind = DependencyKind::MenuParent;
        d.from = sym;
        d.to = parent->sym;
        d.definition = def;
        d.location = def->location;
        add(d);
    }
}

} // namespace kconfig
