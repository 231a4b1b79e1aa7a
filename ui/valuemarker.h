// SPDX-License-Identifier: MIT
// How menuconfig marks a menu entry: "[*]" "[M]" "[ ]" for bool/tristate,
// "{M}"/"{*}" when a select sets the lower limit, "-*-"/"-M-" when a select
// (or a single allowed value) locks it, "(value)" for int/hex/string,
// "( )"/"(X)" for choice members, "--->" after menus. Read from the calculated
// state of a Config; the view only draws it.
#pragma once

#include <kconfig/tristate.h>

#include <QMetaType>
#include <QString>

namespace kconfig {
class Config;
struct MenuNode;
} // namespace kconfig

struct ValueMarker
{
    enum class Kind : quint8
    {
        None,         // a promptless node that is neither menu nor symbol
        Menu,         // `menu` block
        Comment,      // `comment`
        Choice,       // `choice` block
        Bool,         // bool symbol (or tristate without MODULES)
        Tristate,     // tristate symbol
        ChoiceMember, // bool member of a choice
        Text,         // int, hex or string symbol
    };
    // Whether the user can move the value, and what holds it.
    enum class Lock : quint8
    {
        Free,       // changeable
        LowerLimit, // changeable, but a select keeps it at m or above ({M})
        Locked,     // visible but not changeable: a select or a single allowed value (-*-)
        Hidden,     // the prompt is invisible (unmet dependencies or no prompt)
    };

    Kind kind = Kind::None;
    Lock lock = Lock::Free;
    kconfig::Tristate state = kconfig::Tristate::No; // bool/tristate value
    QString marker;                                  // "[*]", "{M}", "-*-", "(64)", "(X)", or empty
    QString prompt;                                  // prompt text; comments as "*** text ***"
    QString detail;                                  // choices: the selected member's prompt
    QString suffix;        // "--->" (menu with visible entries) or "----" (empty menu)
    QString value;         // plain value: y/m/n, the number or string
    bool isNew = false;    // no user value yet: "(NEW)"
    bool hasPrompt = true; // false: the symbol's name stands in for a prompt
    bool visible = true;   // menu_is_visible

    static ValueMarker of(kconfig::Config &config, const kconfig::MenuNode *menu);

    bool isSymbol() const { return kind >= Kind::Bool; }
    bool isBoolOrTristate() const
    {
        return kind == Kind::Bool || kind == Kind::Tristate || kind == Kind::ChoiceMember;
    }
    // The whole line as menuconfig prints it, e.g. "[*] VFIO group (NEW)".
    QString line() const;
};

Q_DECLARE_METATYPE(ValueMarker)
