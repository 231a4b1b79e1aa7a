// SPDX-License-Identifier: MIT
// The explanation engine: why a symbol has its value, visibility and
// writability; why it is not visible/changeable/at a wanted value and what
// would have to change; and what an action changed, as a cause graph rooted
// in the user's action. The GUI's why panel, the CLI's `why`/`explain` and
// the tests all use it.
#pragma once

#include "kconfig/explanation.h"

#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kconfig {

class Config;
class Tree;

// Fact::detail values this engine adds beyond explanation.h's: UserValue 1
// (in a change) the user value came with the action itself, e.g. a .config
// read, not from the user; UserIgnored 1 the symbol has no prompt;
// Requirement 7 a select that could set a promptless symbol (children: what
// it needs), 8 "and N more selects" (valueAfter: N).
class Explainer
{
public:
    Explainer(const Tree &tree, Config &config);

    SymbolReport explainSymbol(const Symbol *sym);

    // What would have to change for `sym` to become `wanted` (visible and
    // settable to it). Nested `depth` levels deep into symbols the user
    // cannot set directly. Empty when it is already possible.
    std::vector<Fact> requirementsFor(const Symbol *sym, Tristate wanted, int depth = 3);

    // The values a bool or tristate symbol cannot be given now, each with
    // what would have to change for it (requirementsFor), y before m before
    // n: the "why not" part of a symbol's explanation.
    struct BlockedValue
    {
        Tristate value;
        std::vector<Fact> requirements;
    };
    std::vector<BlockedValue> blockedValues(const Symbol *sym);

    // Cause graph of an action. `userBefore` are the user values the action
    // replaced (the acted-on symbol, choice members...), `priorityBefore` the
    // member order of a choice whose member it chose.
    ChangeReport explainChanges(const std::string &description, const Symbol *subject,
                                const std::vector<SymbolChange> &changes,
                                const std::vector<std::pair<const Symbol *, UserValue>> &userBefore,
                                const ChoicePriorities &priorityBefore = {});

    const std::vector<const Property *> &selectsOf(const Symbol *target) const;
    const std::vector<const Property *> &impliesOf(const Symbol *target) const;

private:
    Fact visibilityFact(const Symbol *sym, const ValueSource *before, const ValueSource &after,
                        bool onlyChanged, Tristate atMost);
    void addWrittenLines(Fact &parent, const MenuNode *def, bool forPrompt,
                         const ValueSource *before, const ValueSource &after, bool onlyChanged,
                         Tristate atMost);
    Fact reverseFact(const Symbol *sym, PropertyType type, const ValueSource *before,
                     const ValueSource &after, bool onlyChanged);
    std::vector<Fact> termRequirements(const Expr *term, Tristate needed, int depth);
    Fact symbolRequirement(const Symbol *s, Tristate value, int sense, const Expr *term, int depth);
    // For a symbol without a prompt: the selects that could give it `wanted`.
    std::vector<Fact> selectWays(const Symbol *sym, Tristate wanted, int depth);
    void collectCauses(Fact &f, const Expr *e) const;

    const Tree &m_tree;
    Config &m_config;
    CurrentValues m_now;
    std::unordered_map<const Symbol *, std::vector<const Property *>> m_selects;
    std::unordered_map<const Symbol *, std::vector<const Property *>> m_implies;
    const std::unordered_set<const Symbol *> *m_changed = nullptr; // during explainChanges
};

} // namespace kconfig
