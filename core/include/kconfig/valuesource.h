// SPDX-License-Identifier: MIT
// Symbol values at one moment, for explanations: the current Config, or the
// moment before an action (the Config with the changed symbols' earlier
// states laid over it). Expressions evaluate with conf's rules.
#pragma once

#include "kconfig/tristate.h"

#include <string>
#include <unordered_map>

namespace kconfig {

class Config;
class Tree;
struct Expr;
struct Symbol;
struct SymbolSnapshot;

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

    Tristate tri(const Symbol *sym) const override;
    std::string string(const Symbol *sym) const override;
    UserValue userValue(const Symbol *sym) const override;
    const Symbol *modulesSymbol() const override { return m_now.modulesSymbol(); }

private:
    struct State
    {
        Tristate tri;
        std::string value;
    };
    const ValueSource &m_now;
    std::unordered_map<const Symbol *, State> m_states;
    std::unordered_map<const Symbol *, UserValue> m_users;
};

} // namespace kconfig
