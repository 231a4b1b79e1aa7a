// SPDX-License-Identifier: MIT
#include "valuemarker.h"

#include <kconfig/config.h>
#include <kconfig/menunode.h>
#include <kconfig/property.h>
#include <kconfig/symbol.h>

using namespace kconfig;

namespace {

QChar tristateChar(Tristate t)
{
    return t == Tristate::Yes   ? QLatin1Char('*')
           : t == Tristate::Mod ? QLatin1Char('M')
                                : QLatin1Char(' ');
}

QString promptOf(const MenuNode *menu)
{
    const std::string *text = menu->promptText();
    return text ? QString::fromStdString(*text) : QString();
}

} // namespace

ValueMarker ValueMarker::of(Config &config, const MenuNode *menu)
{
    ValueMarker m;
    m.visible = config.menuIsVisible(menu);
    m.prompt = promptOf(menu);
    m.hasPrompt = menu->prompt != nullptr;
    const Symbol *sym = menu->sym;

    if (menu->isComment()) {
        m.kind = Kind::Comment;
        m.prompt = QStringLiteral("*** ") + m.prompt + QStringLiteral(" ***");
        m.lock = m.visible ? Lock::Free : Lock::Hidden;
        return m;
    }
    const bool opensMenu = menu->isMenu() || menu->isChoice();
    if (opensMenu)
        m.suffix = config.menuIsEmpty(menu) ? QStringLiteral("----") : QStringLiteral("--->");
    if (!sym) {
        m.kind = menu->isMenu() ? Kind::Menu : Kind::None;
        m.lock = m.visible ? Lock::Free : Lock::Hidden;
        return m;
    }
    if (sym->isChoice()) {
        m.kind = Kind::Choice;
        m.lock = m.visible ? Lock::Free : Lock::Hidden;
        if (const Symbol *selected = config.choiceSelection(menu)) {
            for (const MenuNode *child = menu->list; child; child = child->next) {
                if (child->sym == selected && child->prompt) {
                    m.detail = QString::fromStdString(child->prompt->text);
                    break;
                }
            }
        }
        return m;
    }

    config.calc(sym);
    const Tristate visibility = config.visibility(sym);
    const bool changeable = config.isChangeable(sym);
    m.isNew = !config.hasUserValue(sym) && changeable;
    const SymbolType type = config.effectiveType(sym);
    switch (type) {
    case SymbolType::Bool:
    case SymbolType::Tristate: {
        const Tristate value = config.tristate(sym);
        const QChar ch = tristateChar(value);
        m.state = value;
        m.value = QString(QChar::fromLatin1(triChar(value)));
        if (sym->isChoiceValue()) {
            m.kind = Kind::ChoiceMember;
            m.marker = value == Tristate::Yes ? QStringLiteral("(X)") : QStringLiteral("( )");
            m.lock = visibility == Tristate::No ? Lock::Hidden : Lock::Free;
            break;
        }
        m.kind = type == SymbolType::Tristate ? Kind::Tristate : Kind::Bool;
        if (changeable) {
            const bool lowerLimit = config.revDepValue(sym) == Tristate::Mod;
            m.lock = lowerLimit ? Lock::LowerLimit : Lock::Free;
            m.marker = lowerLimit ? QStringLiteral("{%1}").arg(ch) : QStringLiteral("[%1]").arg(ch);
        } else {
            m.lock = visibility == Tristate::No ? Lock::Hidden : Lock::Locked;
            m.marker = QStringLiteral("-%1-").arg(ch);
        }
        break;
    }
    case SymbolType::Int:
    case SymbolType::Hex:
    case SymbolType::String:
        m.kind = Kind::Text;
        m.value = QString::fromStdString(config.stringValue(sym));
        m.marker = QLatin1Char('(') + m.value + QLatin1Char(')');
        m.lock = visibility == Tristate::No ? Lock::Hidden : Lock::Free;
        break;
    default:
        m.kind = Kind::None;
        m.lock = Lock::Hidden;
        break;
    }
    return m;
}

QString ValueMarker::line() const
{
    QString out = marker;
    if (!out.isEmpty()) out += QLatin1Char(' ');
    out += prompt;
    if (!detail.isEmpty()) out += QStringLiteral(" (") + detail + QLatin1Char(')');
    if (isNew) out += QStringLiteral(" (NEW)");
    if (!suffix.isEmpty()) out += QStringLiteral("  ") + suffix;
    return out;
}
