// SPDX-License-Identifier: MIT
// The symbol (menu entry) every view is showing, with back/forward history
// like a browser (Alt+Left / Alt+Right).
#pragma once

#include <QObject>
#include <QVector>

namespace kconfig {
struct MenuNode;
}

class NavigationHistory : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    const kconfig::MenuNode *current() const { return m_current; }
    bool canGoBack() const { return !m_back.isEmpty(); }
    bool canGoForward() const { return !m_forward.isEmpty(); }
    void clear();

public slots:
    void visit(const kconfig::MenuNode *menu); // no-op when already current
    void back();
    void forward();

signals:
    void currentChanged(const kconfig::MenuNode *menu);
    void historyChanged();

private:
    const kconfig::MenuNode *m_current = nullptr;
    QVector<const kconfig::MenuNode *> m_back;
    QVector<const kconfig::MenuNode *> m_forward;
};
