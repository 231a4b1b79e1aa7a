// SPDX-License-Identifier: MIT
#include "kconfig/tree.h"

namespace kconfig {

Tree::Tree() : m_exprs(ExprPool::Constants{m_symbols.yes(), m_symbols.mod(), m_symbols.no()})
{
    m_modules = m_symbols.no();
}

const std::string &Tree::mainMenuTitle() const
{
    static const std::string fallback = "Main menu";
    return m_root.prompt ? m_root.prompt->text : fallback;
}

Property *Tree::newProperty(PropertyType type)
{
    Property &p = m_properties.emplace_back();
    p.type = type;
    p.id = static_cast<int>(m_properties.size() - 1);
    return &p;
}

MenuNode *Tree::newMenuNode()
{
    MenuNode &m = m_menus.emplace_back();
    m.id = static_cast<int>(m_menus.size() - 1);
    return &m;
}

void Tree::adoptFiles(std::vector<std::unique_ptr<std::string>> names,
                      std::vector<const std::string *> order)
{
    for (auto &n : names)
        m_fileNames.push_back(std::move(n));
    m_files = std::move(order);
}

MenuNode *Tree::choiceMenuOf(const Symbol *sym) const
{
    if (static_cast<std::size_t>(sym->id) < m_choiceMenus.size())
        return m_choiceMenus[static_cast<std::size_t>(sym->id)];
    return findChoiceMenu(sym);
}

void Tree::freezeMenus()
{
    m_choiceMenus.clear();
    m_choiceMenus.reserve(m_symbols.size());
    for (const Symbol *sym : m_symbols.all())
        m_choiceMenus.push_back(findChoiceMenu(sym));
}

MenuNode *Tree::findChoiceMenu(const Symbol *sym) const
{
    MenuNode *menu = nullptr;
    for (MenuNode *m : sym->menus) {
        if (m->prompt) {
            menu = m;
            break;
        }
    }
    if (!menu) return nullptr;
    do {
        menu = menu->parent;
    } while (menu && !menu->sym);
    if (menu && menu->sym && menu->sym->isChoice()) return menu;
    return nullptr;
}

} // namespace kconfig
