// SPDX-License-Identifier: MIT
#include "kconfig/menunode.h"

#include "kconfig/property.h"
#include "kconfig/symbol.h"

namespace kconfig {

bool MenuNode::isChoice() const { return sym && sym->isChoice(); }
bool MenuNode::isMenu() const { return prompt && prompt->type == PropertyType::Menu; }
bool MenuNode::isComment() const { return prompt && prompt->type == PropertyType::Comment; }

const std::string *MenuNode::promptText() const
{
    if (prompt)
        return &prompt->text;
    if (sym)
        return &sym->name;
    return nullptr;
}

MenuNode *MenuNode::nextInTree(const MenuNode *root) const
{
    if (list)
        return list;
    const MenuNode *m = this;
    while (m != root && !m->next)
        m = m->parent;
    if (m == root)
        return nullptr;
    return m->next;
}

} // namespace kconfig
