// SPDX-License-Identifier: MIT
#include "kconfig/valuesource.h"

#include "kconfig/config.h"
#include "kconfig/expr.h"
#include "kconfig/tree.h"
#include "kconfig/valuesyntax.h"

namespace kconfig {

Tristate ValueSource::evaluate(const Expr *e) const
{
    if (!e) return Tristate::Yes;
    switch (e->type) {
    case ExprType::Symbol:
        return tri(e->sym);
    case ExprType::And:
        return triAnd(evaluate(e->left), evaluate(e->right));
    case ExprType::Or:
        return triOr(evaluate(e->left), evaluate(e->right));
    case ExprType::Not:
        return triNot(evaluate(e->left));
    case ExprType::Equal:
    case ExprType::Unequal:
    case ExprType::Less:
    case ExprType::LessEqual:
    case ExprType::Greater:
    case ExprType::GreaterEqual:
        return compareValues(e->type, string(e->sym), e->sym->type, string(e->rightSym),
                             e->rightSym->type)
                   ? Tristate::Yes
                   : Tristate::No;
    default:
        return Tristate::No;
    }
}

Tristate CurrentValues::tri(const Symbol *sym) const
{
    return m_config.tristate(sym);
}
std::string CurrentValues::string(const Symbol *sym) const
{
    return m_config.stringValue(sym);
}

UserValue CurrentValues::userValue(const Symbol *sym) const
{
    return UserValue{m_config.hasUserValue(sym), m_config.userTristate(sym),
                     m_config.userString(sym)};
}

const Symbol *CurrentValues::modulesSymbol() const
{
    return m_config.tree().modules();
}

void EarlierValues::setState(const Symbol *sym, const SymbolSnapshot &before)
{
    m_states[sym] = State{before.tri, before.value};
}

void EarlierValues::setUserValue(const Symbol *sym, UserValue before)
{
    m_users[sym] = std::move(before);
}

void EarlierValues::setChoicePriority(const MenuNode *choice, std::vector<const Symbol *> before)
{
    m_priorities[choice] = std::move(before);
}

const std::vector<const Symbol *> *EarlierValues::choicePriority(const MenuNode *choice) const
{
    auto it = m_priorities.find(choice);
    return it == m_priorities.end() ? m_now.choicePriority(choice) : &it->second;
}

Tristate EarlierValues::tri(const Symbol *sym) const
{
    auto it = m_states.find(sym);
    return it == m_states.end() ? m_now.tri(sym) : it->second.tri;
}

std::string EarlierValues::string(const Symbol *sym) const
{
    auto it = m_states.find(sym);
    return it == m_states.end() ? m_now.string(sym) : it->second.value;
}

UserValue EarlierValues::userValue(const Symbol *sym) const
{
    auto it = m_users.find(sym);
    return it == m_users.end() ? m_now.userValue(sym) : it->second;
}

} // namespace kconfig
