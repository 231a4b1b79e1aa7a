// SPDX-License-Identifier: MIT
// The values of a tree's symbols: user values (from .config or the user) and
// the calculated state conf derives from them (sym_calc_value and friends).
//
// Values are computed lazily and cached, exactly in conf's order, so that the
// CLI reproduces conf's output (including the order of warnings). After a user
// change, `update()` recomputes only the symbols that can be affected, found
// through a dependency index, and reports what changed.
#pragma once

#include "kconfig/tristate.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kconfig {

class Tree;
struct Expr;
struct MenuNode;
struct Property;
struct Symbol;
enum class SymbolType : std::uint8_t;

// What a symbol looks like at one moment; compared before/after a change.
struct SymbolSnapshot
{
    Tristate tri = Tristate::No;
    std::string value; // string value as conf prints it
    Tristate visible = Tristate::No;
    Tristate revDep = Tristate::No;
    bool written = false;
    bool changeable = false;

    bool operator==(const SymbolSnapshot &) const = default;
};

// One symbol's state before and after an action.
struct SymbolChange
{
    const Symbol *symbol = nullptr;
    SymbolSnapshot before;
    SymbolSnapshot after;
};

class Config
{
public:
    explicit Config(const Tree &tree);
    Config(const Config &other);
    Config &operator=(const Config &) = delete;
    ~Config();

    const Tree &tree() const { return m_tree; }

    // ---- calculated state (calculates on demand) ----
    void calc(const Symbol *sym); // sym_calc_value
    // Every symbol, as conf_read's loop over the symbol table (in memory
    // order where the order cannot change a value).
    void calcAll();
    Tristate tristate(const Symbol *sym);
    std::string stringValue(const Symbol *sym); // sym_get_string_value
    Tristate visibility(const Symbol *sym);
    Tristate dirDepValue(const Symbol *sym);
    Tristate revDepValue(const Symbol *sym);
    Tristate impliedValue(const Symbol *sym);
    bool isWritten(const Symbol *sym);          // SYMBOL_WRITE: appears in .config
    bool isChangeable(const Symbol *sym);       // visible > rev_dep
    bool hasUnmetDependency(const Symbol *sym); // dir_dep < rev_dep
    bool tristateWithinRange(const Symbol *sym, Tristate val);
    bool stringWithinRange(const Symbol *sym, std::string_view val);
    SymbolType effectiveType(const Symbol *sym) const;    // tristate is bool without MODULES
    Tristate exprValue(const Expr *e);                    // expr_calc_value
    Tristate propertyVisibility(const Property *p) const; // last computed condition value
    const Property *defaultProperty(const Symbol *sym);   // first default whose condition holds
    const Property *rangeProperty(const Symbol *sym);
    std::string stringDefault(const Symbol *sym); // sym_get_string_default
    bool menuIsVisible(const MenuNode *menu);
    bool menuIsEmpty(const MenuNode *menu);
    SymbolSnapshot snapshot(const Symbol *sym);

    // Raw state without calculating (what conf's printers read).
    Tristate currentTristate(const Symbol *sym) const;
    std::string currentString(const Symbol *sym) const;
    const std::string &currentRawValue(const Symbol *sym) const; // curr.val

    // ---- choices ----
    const Symbol *calcChoice(const MenuNode *choice); // sym_calc_choice
    const Symbol *choiceDefault(const MenuNode *choice);
    const Symbol *choiceSelection(const MenuNode *choice); // the member that is y, if any
    const std::vector<const Symbol *> &choicePriority(const MenuNode *choice) const;
    // A member the user chose (or a .config named): highest priority from now on.
    void moveChoiceMemberToFront(const Symbol *member);
    void moveChoiceMemberToBack(const Symbol *member);

    // ---- user values ----
    bool hasUserValue(const Symbol *sym) const;
    Tristate userTristate(const Symbol *sym) const;
    const std::string &userString(const Symbol *sym) const;
    void setUserTristateRaw(const Symbol *sym, Tristate t);
    void setUserStringRaw(const Symbol *sym, std::string value);
    void clearUserValue(const Symbol *sym);
    // Values read from include/config/auto.conf (S_DEF_AUTO).
    bool hasAutoValue(const Symbol *sym) const;
    Tristate autoTristate(const Symbol *sym) const;
    const std::string &autoString(const Symbol *sym) const;
    void setAutoTristate(const Symbol *sym, Tristate t);
    void setAutoString(const Symbol *sym, std::string v);
    void clearAutoValues();

    // ---- changing values like the front ends do ----
    enum class Propagation
    {
        Incremental,
        Global
    };
    bool setTristateValue(const Symbol *sym, Tristate val,
                          Propagation p = Propagation::Incremental);
    bool setStringValue(const Symbol *sym, std::string_view val,
                        Propagation p = Propagation::Incremental);
    Tristate toggleTristateValue(const Symbol *sym, Propagation p = Propagation::Incremental);
    void setChoiceValue(const MenuNode *choice, const Symbol *member,
                        Propagation p = Propagation::Incremental);

    // sym_clear_all_valid: forget every calculated value (marks the config changed).
    void clearAllValid();
    // Like conf_read_simple before reading: invalidate without recalculating MODULES.
    void invalidateAll();
    // Recalculates what `changedUserValues` can affect and returns the symbols
    // whose snapshot changed (also kept as lastChanges() with before/after
    // states). Called by the setters in Incremental mode.
    std::vector<const Symbol *> update(const std::vector<const Symbol *> &changedUserValues);
    const std::vector<SymbolChange> &lastChanges() const { return m_lastChanges; }
    void clearLastChanges() { m_lastChanges.clear(); }
    void setChoicePriority(const MenuNode *choice, std::vector<const Symbol *> order);
    // Symbols touched by the last update (the affected set, for tests/benchmarks).
    std::size_t lastUpdateSize() const { return m_lastUpdateSize; }
    // Recomputes everything from scratch on a copy and compares; returns the
    // names of symbols whose state differs (empty means consistent).
    std::vector<std::string> differencesFromFullRecompute();

    // conf_changed: the config differs from what was loaded/saved.
    bool isChanged() const { return m_changed; }
    void setChanged(bool c);
    void setChangedCallback(std::function<void(bool)> f) { m_changedCallback = std::move(f); }

    // Called whenever a selected symbol's direct dependencies are lower than its
    // reverse dependencies during calculation (conf prints a warning there).
    void setUnmetDependencyHandler(std::function<void(const Symbol *)> f)
    {
        m_unmetHandler = std::move(f);
    }
    int unmetDependencyWarnings() const { return m_unmetCount; }

private:
    struct State;
    struct Strings;
    struct DependentsIndex;

    State &st(const Symbol *sym);
    const State &st(const Symbol *sym) const;
    Strings &strs(const Symbol *sym);
    const Strings &strs(const Symbol *sym) const;
    void calcVisibility(const Symbol *sym);
    bool nothingStale() const;
    void validateRange(const Symbol *sym);
    long long rangeValue(const Symbol *sym, int base);
    Tristate compareValue(const Expr *e);
    const DependentsIndex &dependents();
    std::vector<const Symbol *> affectedBy(const std::vector<const Symbol *> &changed);
    std::vector<const Symbol *> afterUserChange(const std::vector<const Symbol *> &changed,
                                                Propagation p);

    const Tree &m_tree;
    std::vector<State> m_states;
    std::vector<Strings> m_strings;
    std::vector<Tristate> m_propVisible;
    std::vector<std::uint32_t> m_exprEpoch;
    std::vector<Tristate> m_exprValue;
    std::uint32_t m_epoch = 1;
    std::vector<std::vector<const Symbol *>> m_choicePriority; // by choice menu id
    Tristate m_modulesVal = Tristate::No;
    bool m_changed = false;
    std::function<void(bool)> m_changedCallback;
    std::function<void(const Symbol *)> m_unmetHandler;
    int m_unmetCount = 0;
    int m_recursiveReads = 0; // calc() of a symbol still being calculated, see update()
    static constexpr int kMaxUpdatePasses = 4;
    std::shared_ptr<const DependentsIndex> m_dependents;
    std::size_t m_lastUpdateSize = 0;
    std::vector<SymbolChange> m_lastChanges;
};

} // namespace kconfig
