// SPDX-License-Identifier: MIT
#include "tristatelimits.h"

#include <kconfig/config.h>
#include <kconfig/exprprinter.h>
#include <kconfig/menunode.h>
#include <kconfig/property.h>
#include <kconfig/symbol.h>

#include <QCoreApplication>
#include <QStringList>

using namespace kconfig;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TristateLimits", text);
}
QString triName(Tristate t)
{
    return QString(QChar::fromLatin1(triChar(t)));
}

} // namespace

TristateLimits::TristateLimits(Config &config, const Symbol *symbol)
    : m_config(config), m_sym(symbol)
{
}

QString TristateLimits::name() const
{
    return QString::fromStdString(m_sym->name);
}

QString TristateLimits::selectors() const
{
    const Tristate level = m_config.revDepValue(m_sym);
    const std::string terms = revDepTermsWithValues(m_sym->revDep, m_config, level, std::string());
    QStringList parts;
    for (const QString &line :
         QString::fromStdString(terms).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QString term = line.trimmed();
        if (term.startsWith(QLatin1String("- "))) term = term.mid(2);
        parts << term;
    }
    return parts.join(QStringLiteral("; "));
}

QString TristateLimits::promptCondition() const
{
    QStringList conditions;
    for (const MenuNode *menu : m_sym->menus) {
        if (!menu->prompt) continue;
        const QString text =
            menu->prompt->condition
                ? QString::fromStdString(exprToStringWithValues(menu->prompt->condition, m_config))
                : QStringLiteral("y");
        if (!conditions.contains(text)) conditions << text;
    }
    return conditions.join(QStringLiteral(" or "));
}

QString TristateLimits::refusal(Tristate requested) const
{
    const Tristate visible = m_config.visibility(m_sym);
    if (visible == Tristate::No) {
        const QString condition = promptCondition();
        if (condition.isEmpty())
            return tr("%1 has no prompt: only defaults and selects set it.").arg(name());
        return tr("%1 is hidden: its prompt depends on %2.").arg(name(), condition);
    }
    if (!m_sym->isBoolOrTristate()) {
        const QString kind = m_sym->type == SymbolType::Int   ? tr("an integer")
                             : m_sym->type == SymbolType::Hex ? tr("a hexadecimal number")
                                                              : tr("a string");
        return tr("%1 holds %2: press Enter to edit it.").arg(name(), kind);
    }
    if (m_config.tristateWithinRange(m_sym, requested) && !m_sym->isChoiceValue()) return QString();

    const Tristate lower = m_config.revDepValue(m_sym);
    const QString want = triName(requested);
    if (m_sym->isChoiceValue()) {
        if (requested == Tristate::Yes) return QString();
        return tr("%1 is a choice member: choose another member to turn it off.").arg(name());
    }
    if (requested == Tristate::Mod && m_config.effectiveType(m_sym) == SymbolType::Bool) {
        if (m_sym->type == SymbolType::Tristate)
            return tr("%1 cannot be m: modules are disabled (MODULES is n).").arg(name());
        return tr("%1 is bool: m is not possible.").arg(name());
    }
    if (visible <= lower)
        return tr("%1 is locked at %2: selected by %3.")
            .arg(name(), triName(m_config.tristate(m_sym)), selectors());
    if (requested < lower)
        return tr("%1 cannot be %2: selected by %3.").arg(name(), want, selectors());
    if (requested > visible)
        return tr("%1 cannot be %2: limited to %3 by %4.")
            .arg(name(), want, triName(visible), promptCondition());
    return tr("%1 cannot be %2.").arg(name(), want);
}

QString TristateLimits::lockNote() const
{
    const Tristate visible = m_config.visibility(m_sym);
    if (visible == Tristate::No) {
        const QString condition = promptCondition();
        QString note = condition.isEmpty() ? tr("No prompt: only defaults and selects set it.")
                                           : tr("Hidden: the prompt depends on %1.").arg(condition);
        if (m_sym->isBoolOrTristate() && m_config.revDepValue(m_sym) != Tristate::No)
            note += QLatin1Char('\n') + tr("Selected by %1.").arg(selectors());
        return note;
    }
    if (!m_sym->isBoolOrTristate() || m_sym->isChoiceValue()) return QString();
    const Tristate lower = m_config.revDepValue(m_sym);
    if (visible <= lower)
        return tr("Locked at %1: selected by %2.")
            .arg(triName(m_config.tristate(m_sym)), selectors());
    if (lower == Tristate::Mod) return tr("At least m: selected by %1.").arg(selectors());
    return QString();
}
