// SPDX-License-Identifier: MIT
// Explanations as data: trees of facts (the rule, the expression, its values,
// where it is written, which symbols caused it), rendered by whoever shows
// them (text for e-mail, Markdown, JSON, the GUI's HTML, the graph).
#pragma once

#include "kconfig/config.h"
#include "kconfig/derivation.h"
#include "kconfig/sourcelocation.h"
#include "kconfig/tristate.h"
#include "kconfig/valuesource.h"

#include <memory>
#include <string>
#include <vector>

namespace kconfig {

struct Expr;
struct Property;
struct Symbol;

struct Fact
{
    enum class Kind
    {
        UserValue,        // the user's own value (changed by this action, or in effect)
        UserCapped,       // the user's value is limited by visibility
        UserIgnored,      // the user's value does not count: the symbol is hidden
        Visibility,       // the prompt's visibility; children: the written lines
        DirectDependency, // dir_dep; children: the written lines
        WrittenLine,      // one `depends on` / `if` / `visible if` / `prompt if` line
        Default,          // the default that applies (or applied)
        SkippedDefault,   // an earlier default whose condition is n
        NoDefault,        // no default applies
        Implied,          // imply raises the default; children: ImplyTerm
        ImplyTerm,
        Selected, // select sets a lower limit; children: SelectTerm
        SelectTerm,
        Locked,          // not changeable: select holds it at its visibility or above
        BoolPromotion,   // m becomes y for a bool (or tristate without MODULES)
        ChoiceSelection, // how the choice picked its member
        RangeClamp,
        Unmet,     // selected although its direct dependencies are lower
        Undefined, // referenced but never defined
        Transitional,
        Requirement, // what would have to change (why-not answers)
        Edit,        // a definition line an edit added, removed or changed
    };

    Kind kind;
    const Symbol *symbol = nullptr;     // the symbol the fact names (selector, dependency...)
    const Property *property = nullptr; // the property behind it, if any
    const Expr *expr = nullptr;         // the expression it is about
    Tristate before = Tristate::No;     // expression value before (equal to after for "now")
    Tristate after = Tristate::No;
    std::string valueBefore; // string values where tristates do not fit
    std::string valueAfter;
    SourceLocation location;
    int detail = 0; // kind-specific: WrittenLine kind, ChoiceStep, requirement sense...
    static constexpr int Settable = 16; // Requirement: the user can make this change directly
    std::vector<const Symbol *> causes; // changed symbols this fact depends on
    std::vector<Fact> children;
};

// Why a symbol is what it is now.
struct SymbolReport
{
    const Symbol *symbol = nullptr;
    SymbolSnapshot state;
    ValueDerivation derivation;
    std::vector<Fact> facts;
};

// What an action changed and why: one node per changed symbol, causes linking
// them back to the action's subject.
struct ChangeReport
{
    struct Node
    {
        const Symbol *symbol = nullptr;
        SymbolSnapshot before;
        SymbolSnapshot after;
        std::vector<Fact> reasons;
        std::vector<const Symbol *> causes; // other nodes (or the subject) that caused it
        bool isSubject = false;
    };

    std::string description;               // e.g. "IOMMUFD n -> m"
    const Symbol *subject = nullptr;       // the symbol the user acted on
    std::vector<Node> nodes;               // subject first, then breadth-first from it
    std::shared_ptr<EarlierValues> before; // values before the action (for rendering)

    const Node *node(const Symbol *s) const;
    // Nodes directly caused by `s` (edges of the cause graph).
    std::vector<const Node *> effectsOf(const Symbol *s) const;
};

} // namespace kconfig
