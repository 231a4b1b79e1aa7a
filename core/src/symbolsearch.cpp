// SPDX-License-Identifier: MIT
#include "kconfig/symbolsearch.h"

#include "kconfig/tree.h"

#include <algorithm>
#include <cctype>
#include <regex.h>

namespace kconfig {

namespace {

std::string lower(std::string s)
{
    for (char &c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::string> splitWords(const std::string &s)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

// "CONFIG_FOO" names the symbol FOO.
std::string withoutConfigPrefix(const std::string &word)
{
    if (word.size() > 7 && word.compare(0, 7, "config_") == 0) return word.substr(7);
    return word;
}

} // namespace

SymbolSearch::SymbolSearch(const Tree &tree)
{
    for (const Symbol *sym : tree.symbols().all()) {
        if (sym->isConst() || sym->isChoice() || sym->menus.empty()) continue;
        Entry e;
        e.symbol = sym;
        e.menu = sym->menus.front();
        e.name = lower(sym->name);
        for (const MenuNode *m : sym->menus) {
            if (m->prompt) {
                if (!e.prompt.empty())
                    e.prompt += '\n';
                else
                    e.menu = m;
                e.prompt += lower(m->prompt->text);
            }
            if (m->hasHelp) {
                if (!e.help.empty()) e.help += '\n';
                e.help += lower(m->help.text());
            }
        }
        m_entries.push_back(std::move(e));
    }
}

std::vector<SymbolSearch::Hit> SymbolSearch::find(const std::string &query, const Options &options,
                                                  std::string *error) const
{
    std::vector<Hit> hits;
    if (query.find_first_not_of(" \t") == std::string::npos) return hits;

    if (options.regex) {
        regex_t re;
        std::string pattern = query;
        if (pattern.rfind("CONFIG_", 0) == 0 || pattern.rfind("^CONFIG_", 0) == 0)
            pattern.erase(pattern[0] == '^' ? 1 : 0, 7);
        if (int rc = regcomp(&re, pattern.c_str(), REG_EXTENDED | REG_ICASE | REG_NOSUB)) {
            if (error) {
                char buf[256];
                regerror(rc, &re, buf, sizeof buf);
                *error = buf;
            }
            return hits;
        }
        for (const Entry &e : m_entries) {
            unsigned matched = 0;
            if ((options.fields & Name) && regexec(&re, e.name.c_str(), 0, nullptr, 0) == 0)
                matched |= Name;
            if ((options.fields & Prompt) && !e.prompt.empty() &&
                regexec(&re, e.prompt.c_str(), 0, nullptr, 0) == 0)
                matched |= Prompt;
            if ((options.fields & Help) && !e.help.empty() &&
                regexec(&re, e.help.c_str(), 0, nullptr, 0) == 0)
                matched |= Help;
            if (matched)
                hits.push_back(Hit{e.symbol, e.menu, matched,
                                   matched & Name     ? 2
                                   : matched & Prompt ? 3
                                                      : 4});
        }
        regfree(&re);
    } else {
        std::vector<std::string> words = splitWords(lower(query));
        const std::string nameQuery =
            withoutConfigPrefix(words.size() == 1 ? words[0] : std::string());
        for (const Entry &e : m_entries) {
            unsigned matched = 0;
            bool all = true;
            for (const std::string &raw : words) {
                const std::string w = withoutConfigPrefix(raw);
                unsigned here = 0;
                if ((options.fields & Name) && e.name.find(w) != std::string::npos) here |= Name;
                if ((options.fields & Prompt) && e.prompt.find(raw) != std::string::npos)
                    here |= Prompt;
                if ((options.fields & Help) && e.help.find(raw) != std::string::npos) here |= Help;
                if (!here) {
                    all = false;
                    break;
                }
                matched |= here;
            }
            if (!all) continue;
            int rank = matched & Name ? 2 : matched & Prompt ? 3 : 4;
            if (!nameQuery.empty() && (matched & Name)) {
                if (e.name == nameQuery)
                    rank = 0;
                else if (e.name.compare(0, nameQuery.size(), nameQuery) == 0)
                    rank = 1;
            }
            hits.push_back(Hit{e.symbol, e.menu, matched, rank});
        }
    }
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        return a.symbol->name < b.symbol->name;
    });
    return hits;
}

} // namespace kconfig
