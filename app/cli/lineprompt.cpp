// SPDX-License-Identifier: MIT
#include "lineprompt.h"

#include <kconfig/config.h>
#include <kconfig/configwriter.h>
#include <kconfig/symbolinfo.h>
#include <kconfig/tree.h>

#include <cctype>
#include <climits>
#include <cstdlib>
#include <unistd.h>

using namespace kconfig;

namespace {
constexpr auto Global = Config::Propagation::Global;

void strip(std::string &s)
{
    std::size_t b = 0;
    while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    std::size_t e = s.size();
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    s = s.substr(b, e - b);
}
} // namespace

LinePrompt::LinePrompt(Config &config, Mode mode, std::string configPrefix)
    : m_config(config), m_mode(mode), m_prefix(std::move(configPrefix)),
      m_ttyStdio(::isatty(0) && ::isatty(1))
{
}

void LinePrompt::readLine()
{
    char buf[PATH_MAX];
    std::fflush(stdout);
    if (std::fgets(buf, sizeof buf, stdin))
        m_line = buf;
    else
        std::fputs("\nError in reading or end of file.\n", stderr);
    if (!m_ttyStdio) std::fputs(m_line.c_str(), stdout);
}

void LinePrompt::printHelp(const MenuNode *menu)
{
    std::printf("\n%s\n", extendedHelpText(m_config, menu, m_prefix).c_str());
}

const MenuNode *LinePrompt::parentMenu(const MenuNode *menu) const
{
    const MenuNode *root = m_config.tree().rootMenu();
    for (; menu != root; menu = menu->parent)
        if (menu->isMenu()) break;
    return menu;
}

bool LinePrompt::askValue(const Symbol *sym, const std::string *def)
{
    if (!m_config.hasUserValue(sym)) std::printf("(NEW) ");
    m_line = "\n";
    if (!m_config.isChangeable(sym)) {
        std::printf("%s\n", def ? def->c_str() : "");
        return false;
    }
    if ((m_mode == Mode::Old || m_mode == Mode::Sync) && m_config.hasUserValue(sym)) {
        std::printf("%s\n", def ? def->c_str() : "");
        return false;
    }
    readLine();
    return true;
}

void LinePrompt::confString(const MenuNode *menu)
{
    const Symbol *sym = menu->sym;
    while (true) {
        std::printf("%*s%s ", m_indent - 1, "", menu->prompt->text.c_str());
        std::printf("(%s) ", sym->name.c_str());
        std::string current = m_config.currentString(sym);
        const std::string *def = &current;
        std::printf("[%s] ", def->c_str());
        if (!askValue(sym, def)) return;
        std::string answer;
        if (m_line.empty() || m_line[0] == '\n') {
        } else if (m_line[0] == '?' && m_line.size() > 1 && m_line[1] == '\n') {
            printHelp(menu);
            def = nullptr;
        } else {
            answer = m_line.substr(0, m_line.size() - 1);
            def = &answer;
        }
        if (def && m_config.setStringValue(sym, *def, Global)) return;
        if (std::feof(stdin)) {
            std::fprintf(stderr, "\nerror: no value for new symbol '%s' at end of input\n",
                         sym->name.c_str());
            std::exit(1);
        }
    }
}

void LinePrompt::confSymbol(const MenuNode *menu)
{
    const Symbol *sym = menu->sym;
    while (true) {
        std::printf("%*s%s ", m_indent - 1, "", menu->prompt->text.c_str());
        if (!sym->isChoice()) std::printf("(%s) ", sym->name.c_str());
        std::putchar('[');
        const Tristate oldVal = m_config.currentTristate(sym);
        std::putchar(oldVal == Tristate::No ? 'N' : oldVal == Tristate::Mod ? 'M' : 'Y');
        if (oldVal != Tristate::No && m_config.tristateWithinRange(sym, Tristate::No))
            std::printf("/n");
        if (oldVal != Tristate::Mod && m_config.tristateWithinRange(sym, Tristate::Mod))
            std::printf("/m");
        if (oldVal != Tristate::Yes && m_config.tristateWithinRange(sym, Tristate::Yes))
            std::printf("/y");
        std::printf("/?] ");
        const std::string current = m_config.currentString(sym);
        if (!askValue(sym, &current)) return;
        strip(m_line);
        Tristate newVal;
        bool help = false;
        if (m_line.empty()) {
            newVal = oldVal;
        } else {
            const std::string rest = m_line.substr(1);
            switch (m_line[0]) {
            case 'n':
            case 'N':
                if (!rest.empty() && rest != "o") continue;
                newVal = Tristate::No;
                break;
            case 'm':
            case 'M':
                if (!rest.empty()) continue;
                newVal = Tristate::Mod;
                break;
            case 'y':
            case 'Y':
                if (!rest.empty() && rest != "es") continue;
                newVal = Tristate::Yes;
                break;
            case '?':
                help = true;
                newVal = oldVal;
                break;
            default:
                continue;
            }
        }
        if (!help && m_config.setTristateValue(sym, newVal, Global)) return;
        printHelp(menu);
    }
}

void LinePrompt::confChoice(const MenuNode *menu)
{
    bool isNew = false;
    while (true) {
        std::printf("%*s%s\n", m_indent - 1, "", menu->promptText()->c_str());
        const Symbol *defSym = m_config.calcChoice(menu);
        int cnt = 0;
        int def = 0;
        m_line.clear();
        for (const MenuNode *child = menu->list; child; child = child->next) {
            if (!m_config.menuIsVisible(child)) continue;
            if (!child->sym) {
                std::printf("%*c %s\n", m_indent, '*', child->promptText()->c_str());
                continue;
            }
            ++cnt;
            if (child->sym == defSym) {
                def = cnt;
                std::printf("%*c", m_indent, '>');
            } else {
                std::printf("%*c", m_indent, ' ');
            }
            std::printf(" %d. %s (%s)", cnt, child->promptText()->c_str(),
                        child->sym->name.c_str());
            if (!m_config.hasUserValue(child->sym)) {
                isNew = true;
                std::printf(" (NEW)");
            }
            std::printf("\n");
        }
        std::printf("%*schoice", m_indent - 1, "");
        if (cnt == 1) {
            std::printf("[1]: 1\n");
        } else {
            std::printf("[1-%d?]: ", cnt);
            bool ask = m_mode == Mode::OldAsk;
            if (m_mode == Mode::Old || m_mode == Mode::Sync) {
                if (!isNew) {
                    cnt = def;
                    std::printf("%d\n", cnt);
                } else {
                    ask = true;
                }
            }
            if (ask) {
                readLine();
                strip(m_line);
                if (!m_line.empty() && m_line[0] == '?') {
                    printHelp(menu);
                    continue;
                }
                if (m_line.empty())
                    cnt = def;
                else if (std::isdigit(static_cast<unsigned char>(m_line[0])))
                    cnt = std::atoi(m_line.c_str());
                else
                    continue;
            }
        }
        const MenuNode *child = menu->list;
        for (; child; child = child->next) {
            if (!child->sym || !m_config.menuIsVisible(child)) continue;
            if (!--cnt) break;
        }
        if (!child) continue;
        if (!m_line.empty() && m_line.back() == '?') {
            printHelp(child);
            continue;
        }
        m_config.setChoiceValue(menu, child->sym, Global);
        return;
    }
}

void LinePrompt::conf(const MenuNode *menu)
{
    if (!m_config.menuIsVisible(menu)) return;
    const Symbol *sym = menu->sym;
    if (const Property *prop = menu->prompt) {
        bool showPrompt = false;
        if (prop->type == PropertyType::Menu) {
            // Except in oldaskconfig, only menus with new symbols are shown.
            if (m_mode != Mode::OldAsk && m_rootEntry != menu) {
                checkConf(menu);
                return;
            }
            showPrompt = true;
        } else if (prop->type == PropertyType::Comment) {
            showPrompt = true;
        }
        if (showPrompt) {
            if (const std::string *p = menu->promptText())
                std::printf("%*c\n%*c %s\n%*c\n", m_indent, '*', m_indent, '*', p->c_str(),
                            m_indent, '*');
        }
    }
    if (sym) {
        if (sym->isChoice()) {
            confChoice(menu);
            return;
        }
        if (sym->type == SymbolType::Int || sym->type == SymbolType::Hex ||
            sym->type == SymbolType::String)
            confString(menu);
        else
            confSymbol(menu);
        m_indent += 2;
    }
    for (const MenuNode *child = menu->list; child; child = child->next)
        conf(child);
    if (sym) m_indent -= 2;
}

void LinePrompt::checkConf(const MenuNode *menu)
{
    if (!m_config.menuIsVisible(menu)) return;
    const Symbol *sym = menu->sym;
    if (sym && !m_config.hasUserValue(sym) && m_config.isChangeable(sym)) {
        switch (m_mode) {
        case Mode::ListNew:
            if (!sym->isChoice()) {
                std::string line = m_prefix + sym->name + '=';
                const std::string val = m_config.currentString(sym);
                line += sym->type == SymbolType::String ? escapeStringValue(val) : val;
                if (sym->type != SymbolType::Unknown) std::printf("%s\n", line.c_str());
            }
            break;
        case Mode::HelpNew:
            std::printf("-----\n");
            printHelp(menu);
            std::printf("-----\n");
            break;
        default:
            if (!m_count++) std::printf("*\n* Restart config...\n*\n");
            m_rootEntry = parentMenu(menu);
            conf(m_rootEntry);
            break;
        }
    }
    for (const MenuNode *child = menu->list; child; child = child->next)
        checkConf(child);
}

void LinePrompt::askAll()
{
    m_rootEntry = m_config.tree().rootMenu();
    conf(m_rootEntry);
    m_mode = Mode::Old;
}

void LinePrompt::askNewUntilStable()
{
    do {
        m_count = 0;
        checkConf(m_config.tree().rootMenu());
    } while (m_count);
}
