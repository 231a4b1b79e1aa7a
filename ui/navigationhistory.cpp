// SPDX-License-Identifier: MIT
#include "navigationhistory.h"

void NavigationHistory::clear()
{
    m_current = nullptr;
    m_back.clear();
    m_forward.clear();
    emit historyChanged();
}

void NavigationHistory::visit(const kconfig::MenuNode *menu)
{
    if (!menu || menu == m_current) return;
    if (m_current) m_back.append(m_current);
    m_forward.clear();
    m_current = menu;
    emit currentChanged(menu);
    emit historyChanged();
}

void NavigationHistory::back()
{
    if (m_back.isEmpty()) return;
    m_forward.append(m_current);
    m_current = m_back.takeLast();
    emit currentChanged(m_current);
    emit historyChanged();
}

void NavigationHistory::forward()
{
    if (m_forward.isEmpty()) return;
    m_back.append(m_current);
    m_current = m_forward.takeLast();
    emit currentChanged(m_current);
    emit historyChanged();
}
