// SPDX-License-Identifier: MIT
// A parsed and finalised Kconfig tree: symbols, properties, the menu tree and
// the files it came from. Immutable after loading; values live in Config.
#pragma once

#include "kconfig/exprpool.h"
#include "kconfig/menunode.h"
#include "kconfig/property.h"
#include "kconfig/sourcefiles.h"
#include "kconfig/stablevector.h"
#include "kconfig/symboltable.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kconfig {

class Tree
{
public:
    Tree();
    Tree(const Tree &) = delete;
    Tree &operator=(const Tree &) = delete;

    SymbolTable &symbols() { return m_symbols; }
    const SymbolTable &symbols() const { return m_symbols; }
    ExprPool &exprs() { return m_exprs; }
    const ExprPool &exprs() const { return m_exprs; }

    MenuNode *rootMenu() { return &m_root; }
    const MenuNode *rootMenu() const { return &m_root; }
    // The `mainmenu` prompt, or "Main menu".
    const std::string &mainMenuTitle() const;

    // MODULES (the symbol with the `modules` option), or n if there is none.
    Symbol *modules() const { return m_modules; }
    void setModules(Symbol *s) { m_modules = s; }

    Property *newProperty(PropertyType type);
    MenuNode *newMenuNode();
    const StableVector<Property> &properties() const { return m_properties; }
    const StableVector<MenuNode> &menus() const { return m_menus; }
    StableVector<Property> &properties() { return m_properties; }
    StableVector<MenuNode> &menus() { return m_menus; }

    // Kconfig files in the order conf first opened them.
    const std::vector<const std::string *> &files() const { return m_files; }
    void adoptFiles(std::vector<std::unique_ptr<std::string>> names,
                    std::vector<const std::string *> order);
    // The files' text, which help texts are laid out from.
    void adoptSources(std::vector<FileText> texts) { m_sources = std::move(texts); }
    // Environment variables the macros read, with their values (auto.conf.cmd).
    const std::vector<std::pair<std::string, std::string>> &environmentDependencies() const
    {
        return m_envDeps;
    }
    void setEnvironmentDependencies(std::vector<std::pair<std::string, std::string>> deps)
    {
        m_envDeps = std::move(deps);
    }

    // sym_get_choice_menu: the choice block a symbol's prompt sits in, if any.
    MenuNode *choiceMenuOf(const Symbol *sym) const;
    // Once the menus are finalised their structure is fixed: remember every
    // symbol's choice block, which evaluation asks for all the time.
    void freezeMenus();
    // Depth-first walk of all menu nodes below the root (menu_for_each_entry).
    template <typename F> void forEachMenu(F &&f) const
    {
        for (const MenuNode *m = m_root.nextInTree(&m_root); m; m = m->nextInTree(&m_root))
            f(const_cast<MenuNode *>(m));
    }

private:
    SymbolTable m_symbols;
    ExprPool m_exprs;
    MenuNode m_root;
    Symbol *m_modules = nullptr;
    StableVector<Property> m_properties;
    StableVector<MenuNode> m_menus;
    std::vector<std::unique_ptr<std::string>> m_fileNames;
    std::vector<const std::string *> m_files;
    std::vector<FileText> m_sources;
    std::vector<std::pair<std::string, std::string>> m_envDeps;
    std::vector<MenuNode *> m_choiceMenus; // by symbol id, after freezeMenus()
    MenuNode *findChoiceMenu(const Symbol *sym) const;
};

} // namespace kconfig
