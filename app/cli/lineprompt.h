// SPDX-License-Identifier: MIT
// conf's line-oriented questions (oldaskconfig, oldconfig, syncconfig,
// listnewconfig, helpnewconfig): the prompts, answers and help on the
// terminal, byte for byte as conf prints them.
#pragma once

#include <cstdio>
#include <string>

namespace kconfig {
class Config;
struct MenuNode;
struct Symbol;
} // namespace kconfig

class LinePrompt
{
public:
    enum class Mode
    {
        OldAsk,
        Old,
        Sync,
        ListNew,
        HelpNew
    };

    LinePrompt(kconfig::Config &config, Mode mode, std::string configPrefix);

    // oldaskconfig: walk the whole tree asking every question.
    void askAll();
    // Repeats check_conf until no new symbol is left.
    void askNewUntilStable();

private:
    void conf(const kconfig::MenuNode *menu);
    void checkConf(const kconfig::MenuNode *menu);
    bool askValue(const kconfig::Symbol *sym, const std::string *def);
    void confString(const kconfig::MenuNode *menu);
    void confSymbol(const kconfig::MenuNode *menu);
    void confChoice(const kconfig::MenuNode *menu);
    void printHelp(const kconfig::MenuNode *menu);
    void readLine();
    const kconfig::MenuNode *parentMenu(const kconfig::MenuNode *menu) const;

    kconfig::Config &m_config;
    Mode m_mode;
    std::string m_prefix;
    const kconfig::MenuNode *m_rootEntry = nullptr;
    int m_indent = 1;
    int m_count = 0;
    bool m_ttyStdio = false;
    std::string m_line;
};
