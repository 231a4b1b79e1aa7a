// SPDX-License-Identifier: MIT
// How conf arrives at a symbol's value, step by step (sym_calc_value traced):
// visibility, direct and reverse dependencies, the user value (and whether
// visibility capped or hid it), the default that applied, imply, select,
// bool promotion, choice selection and range clamping. Computed from any
// ValueSource, so the same trace works for "now" and "before an action".
#pragma once

#include "kconfig/property.h"
#include "kconfig/sourcelocation.h"
#include "kconfig/symbol.h"
#include "kconfig/tristate.h"
#include "kconfig/valuesource.h"

#include <string>
#include <vector>

namespace kconfig {

class Config;
class Tree;
struct MenuNode;
struct Property;

struct ValueDerivation
{
    enum class Rule
    {
        Undefined, // never defined: value is n (string value: its name)
        UserValue, // visible and set by the user / .config
        Default,   // the first default whose condition holds
        NoDefault, // no default applies: n, 0, 0x0 or ""
        Choice,    // decided by the choice block
    };
    // How a choice picked its member (conf's order of tries).
    enum class ChoiceStep
    {
        None,
        UserY,
        Default,
        FirstUnset,
        LastVisible
    };

    const Symbol *symbol = nullptr;
    SymbolType type = SymbolType::Unknown; // effective: tristate acts as bool without MODULES
    bool modulesOff = false;               // tristate symbol while MODULES is n

    Tristate visible = Tristate::No;
    std::vector<std::pair<const Property *, Tristate>> prompts; // each prompt's condition
    Tristate dirDep = Tristate::Yes;
    Tristate revDep = Tristate::No;
    Tristate implied = Tristate::No;

    Rule rule = Rule::NoDefault;
    UserValue user;
    bool userHidden = false; // user value ignored because the symbol is invisible
    bool userCapped = false; // user value above what visibility allows

    const Property *defaultProperty = nullptr;
    Tristate defaultValue = Tristate::No;          // value of the default expression
    Tristate defaultCondition = Tristate::No;      // its condition (includes menu dependencies)
    std::vector<const Property *> skippedDefaults; // earlier defaults whose condition is n

    Tristate base = Tristate::No;       // from the rule, before imply and select
    Tristate afterImply = Tristate::No; // after imply (limited by direct dependencies)
    bool impliedRaised = false;
    bool selectRaised = false;   // reverse dependencies lifted the value
    bool boolPromoted = false;   // m became y because the symbol is (effectively) bool
    bool selectPromoted = false; // a select at m counts as y for this bool
    bool unmet = false;          // selected above its direct dependencies

    const MenuNode *choice = nullptr;
    ChoiceStep choiceStep = ChoiceStep::None;
    const Symbol *chosen = nullptr;

    const Symbol *defaultSymbol = nullptr; // int/hex/string default
    std::string unclamped;                 // value before range clamping
    const Property *range = nullptr;       // active range
    const Symbol *clampedTo = nullptr;     // bound the value was clamped to

    Tristate tri = Tristate::No;
    std::string value;
    bool changeable = false;
    bool written = false;
};

// `priority` is the choice's member order (Config::choicePriority); null uses
// source order.
ValueDerivation deriveValue(const Tree &tree, const Symbol *sym, const ValueSource &values,
                            const Config *priority = nullptr);

// A dependency of a definition as written, with where it comes from.
struct WrittenDependency
{
    enum class Kind
    {
        DependsOn,
        IfBlock,
        MenuDependsOn,
        ChoiceDependsOn,
        VisibleIf,
        PromptIf
    };
    Kind kind;
    const Expr *expr;
    SourceLocation location;
    const MenuNode *origin; // the entry or block that wrote it
};

// The written lines that make up a definition's dependencies (`forPrompt`
// adds what only limits the prompt: `visible if` and `prompt ... if`).
std::vector<WrittenDependency> writtenDependencies(const MenuNode *definition, bool forPrompt);

// The select (or imply) properties that name `target`, in the tree's order.
std::vector<const Property *> selectsOf(const Tree &tree, const Symbol *target, PropertyType type);

} // namespace kconfig
