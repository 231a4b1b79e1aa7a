// SPDX-License-Identifier: MIT
#include "kconfig/assignment.h"

#include "kconfig/tree.h"

namespace kconfig {

bool splitAssignment(const std::string &text, std::string &name, std::string &value)
{
    const std::size_t eq = text.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    name = text.substr(0, eq);
    if (name.rfind("CONFIG_", 0) == 0) name = name.substr(7);
    value = text.substr(eq + 1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
    return true;
}

AppliedChange applyAssignment(Config &config, const Symbol *sym, const std::string &value)
{
    AppliedChange r;
    r.subject = sym;
    const Tree &tree = config.tree();
    std::vector<const Symbol *> touched{sym};
    const MenuNode *choice = tree.choiceMenuOf(sym);
    if (choice) {
        touched.assign(choice->choiceMembers.begin(), choice->choiceMembers.end());
        r.priorityBefore.emplace_back(choice, config.choicePriority(choice));
    }
    for (const Symbol *s : touched)
        r.userBefore.emplace_back(
            s, UserValue{config.hasUserValue(s), config.userTristate(s), config.userString(s)});
    const std::string old = config.stringValue(sym);
    config.clearLastChanges();

    if (sym->isBoolOrTristate()) {
        Tristate t;
        if (value == "y" || value == "Y")
            t = Tristate::Yes;
        else if (value == "m" || value == "M")
            t = Tristate::Mod;
        else if (value == "n" || value == "N")
            t = Tristate::No;
        else {
            r.error = "'" + value + "' is not a value for the " + symbolTypeName(sym->type) + " " +
                      sym->name;
            return r;
        }
        if (choice) {
            if (t != Tristate::Yes) {
                r.error = sym->name +
                          " is a choice member: choose another member instead of setting it to " +
                          std::string(triString(t));
                return r;
            }
            if (config.visibility(sym) == Tristate::No) {
                r.error = sym->name + " is not visible";
                return r;
            }
            config.setChoiceValue(choice, sym);
        } else if (config.tristate(sym) != t) {
            if (!config.setTristateValue(sym, t)) {
                r.error = "cannot set " + sym->name + " to " + value;
                return r;
            }
        }
    } else if (!config.setStringValue(sym, value)) {
        r.error = "cannot set " + sym->name + " to '" + value + "'";
        return r;
    }
    r.ok = true;
    r.changes = config.lastChanges();
    r.description = sym->name + ' ' + old + " -> " + config.stringValue(sym);
    return r;
}

} // namespace kconfig
