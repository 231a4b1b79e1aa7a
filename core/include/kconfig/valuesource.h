// SPDX-License-Identifier: MIT
// Symbol values at one moment, for explanations: the current Config, or the
// moment before an action (the Config with the changed symbols' earlier
// states laid over it). Expressions evaluate with conf's rules.
#pragma once

#include "kconfig/tristate.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kconfig {

class Config;
class Tree;
struct Expr;
struct MenuNode;
struct Symbol;
struct SymbolSnapshot;

// Choices with their member order (priority) at some moment: choosing a
// member moves it to the front, and the order decides between members the
// user set to y.
using ChoicePriorities = std::vector<std::pair<const MenuNode *, std::vector<const Symbol *>>>;

// A user value: set or not, and what.
struct UserValue
{
    bool isSet = false;
    Tristate tri = Tristate::No;
    std::string string;
    bool operator==(const UserValue &) const = default;
};

class ValueSource
{
public:
    virtual ~ValueSource() = default;
    virtual Tristate tri(const Symbol *sym) const = 0;
    virtual std::string string(const Symbol *sym) const = 0; // sym_get_string_value
    virtual UserValue userValue(const Symbol *sym) const = 0;
    virtual const Symbol *modulesSymbol() const = 0;
    Tristate modules() const { return tri(modulesSymbol()); } // n without a MODULES symbol
    // A choice's member order at this moment; null: the Config's current one.
    virtual const std::vector<const Symbol *> *choicePriority(const MenuNode *) const
    {
        return nullptr;
    }

    Tristate evaluate(const Expr *e) const; // expr_calc_value on these values
};

class CurrentValues : public ValueSource
{
public:
    explicit CurrentValues(Config &config) : m_config(config) {}
    Tristate tri(const Symbol *sym) const override;
    std::string string(const Symbol *sym) const override;
    UserValue userValue(const Symbol *sym) const override;
    const Symbol *modulesSymbol() const override;

private:
    Config &m_config;
};

class EarlierValues : public ValueSource
{
public:
    explicit EarlierValues(const ValueSource &now) : m_now(now) {}
    void setState(const Symbol *sym, const SymbolSnapshot &before);
    void setUserValue(const Symbol *sym, UserValue before);
    void setChoicePriority(const MenuNode *choice, std::vector<const Symbol *> before);

    Tristate tri(const Symbol *sym) const override;
    std::string string(const Symbol *sym) const override;
    UserValue userValue(const Symbol *sym) const override;
    const Symbol *modulesSymbol() const override { return m_now.modulesSymbol(); }
    const std::vector<const Symbol *> *choicePriority(const MenuNode *choice) const override;

private:
    struct State
    {
        Tristate tri;
        std::string value;
    };
    const ValueSource &m_now;
    std::unordered_map<const Symbol *, State> m_states;
    std::unordered_map<const Symbol *, UserValue> m_users;
    std::unordered_map<const MenuNode *, std::vector<const Symbol *>> m_priorities;
};

} // namespace kconfig
