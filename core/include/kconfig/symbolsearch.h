// SPDX-License-Identifier: MIT
// Finds symbols by name (with or without the CONFIG_ prefix), prompt text and
// help text: plain words (all must occur, any case) or a POSIX extended regex.
// Results come best first: exact name, name prefix, name, prompt, help.
#pragma once

#include <string>
#include <vector>

namespace kconfig {

class Tree;
struct MenuNode;
struct Symbol;

class SymbolSearch
{
public:
    enum Field : unsigned
    {
        Name = 1,
        Prompt = 2,
        Help = 4,
        All = 7
    };

    struct Options
    {
        unsigned fields = All;
        bool regex = false;
    };

    struct Hit
    {
        const Symbol *symbol;
        const MenuNode *menu; // first definition with a prompt, else the first one
        unsigned matched;     // Fields that matched
        int rank;             // lower is better
    };

    explicit SymbolSearch(const Tree &tree);

    // An invalid regex yields no hits and sets `error`.
    std::vector<Hit> find(const std::string &query, const Options &options,
                          std::string *error = nullptr) const;

private:
    struct Entry
    {
        const Symbol *symbol;
        const MenuNode *menu;
        std::string name;   // lower case
        std::string prompt; // lower case, all prompts joined by '\n'
        std::string help;   // lower case
    };
    std::vector<Entry> m_entries;
};

} // namespace kconfig
