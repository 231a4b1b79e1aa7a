// SPDX-License-Identifier: MIT
// Every reference one entry makes to another symbol, typed the way the
// Kconfig language writes it (depends on, visible if, select, imply, default,
// range, choice membership, menu parent), each with the line it is written on
// and its condition. Built once per tree; the dependency graph queries it.
#pragma once

#include "kconfig/derivation.h"
#include "kconfig/sourcelocation.h"

#include <cstdint>
#include <vector>

namespace kconfig {

class Tree;
struct Expr;
struct MenuNode;
struct Property;
struct Symbol;

enum class DependencyKind : std::uint8_t
{
    DependsOn,    // `depends on`, and `if`/menu/choice dependencies written around the entry
    VisibleIf,    // `visible if` of an enclosing menu, `prompt ... if`
    Select,       // `select TARGET [if COND]`
    Imply,        // `imply TARGET [if COND]`
    Default,      // a symbol named by `default VALUE [if COND]`
    Range,        // a symbol named by `range LOW HIGH [if COND]`
    ChoiceMember, // a member of a `choice` block (towards the choice)
    MenuParent,   // an entry shown below a menuconfig/auto-submenu symbol
};
constexpr int DependencyKindCount = 8;
constexpr unsigned dependencyKindBit(DependencyKind k)
{
    return 1u << static_cast<unsigned>(k);
}
constexpr unsigned AllDependencyKinds = (1u << DependencyKindCount) - 1;

// "depends on", "visible if", "select", "imply", "default", "range", "choice", "menu".
const char *dependencyKindName(DependencyKind k);
// Parses dependencyKindName() (and the short forms "depends", "visible"); false if unknown.
bool parseDependencyKind(const char *name, DependencyKind &kind);

// `from` names `to`: "VFIO_CONTAINER depends on VFIO_GROUP", "VFIO select VFIO_CONTAINER".
struct Dependency
{
    DependencyKind kind = DependencyKind::DependsOn;
    const Symbol *from = nullptr;
    const Symbol *to = nullptr;
    // DependsOn/VisibleIf: the whole line; Select/Imply/Default/Range: the `if` part
    // as written (null when unconditional); ChoiceMember/MenuParent: null.
    const Expr *condition = nullptr;
    const Property *property = nullptr;   // select, imply, default, range
    const MenuNode *definition = nullptr; // the entry of `from` it belongs to
    // DependsOn/VisibleIf: which written line it is (depends on, if, visible if...).
    WrittenDependency::Kind line = WrittenDependency::Kind::DependsOn;
    SourceLocation location;
};

class DependencyIndex
{
public:
    explicit DependencyIndex(const Tree &tree);
    DependencyIndex(const DependencyIndex &) = delete;
    DependencyIndex &operator=(const DependencyIndex &) = delete;

    const Tree &tree() const { return m_tree; }
    // In tree order (symbol creation order, then definition and line order).
    const std::vector<Dependency> &all() const { return m_all; }
    // What `sym`'s entries name, and the entries that name `sym`.
    const std::vector<const Dependency *> &outgoing(const Symbol *sym) const;
    const std::vector<const Dependency *> &incoming(const Symbol *sym) const;

private:
    void addDefinition(const Symbol *sym, const MenuNode *def);
    void add(const Dependency &d);

    const Tree &m_tree;
    std::vector<Dependency> m_all;
    std::vector<std::vector<const Dependency *>> m_out; // by symbol id
    std::vector<std::vector<const Dependency *>> m_in;
};

} // namespace kconfig
