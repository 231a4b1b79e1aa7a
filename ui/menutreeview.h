// SPDX-License-Identifier: MIT
// The menu tree: xconfig's full view with menuconfig's markers. Clicking a
// marker or a value cycles it, Space cycles n -> m -> y, N/M/Y set a value
// (a refusal says which select or dependency is in the way), Enter/F2 edit
// int/hex/string values in place, Enter opens and closes menus. The view
// follows the navigation history and records the entries the user selects.
#pragma once

#include "menutreemodel.h"

#include <kconfig/tristate.h>

#include <QTreeView>

class ConfigDocument;
class MenuEntryDelegate;
class NavigationHistory;

class MenuTreeView : public QTreeView
{
    Q_OBJECT
public:
    MenuTreeView(ConfigDocument *doc, NavigationHistory *history, QWidget *parent = nullptr);

    MenuTreeModel *menuModel() const { return m_model; }
    MenuEntryDelegate *entryDelegate() const { return m_delegate; }
    const kconfig::MenuNode *currentMenu() const;

    void setNameColumnVisible(bool visible);
    bool isNameColumnVisible() const { return !isColumnHidden(MenuTreeModel::NameColumn); }
    void setOptionMode(MenuTreeModel::OptionMode mode);

    // Selects, expands to and scrolls to `menu`; switches to showing all
    // options when the entry is hidden in the current mode.
    bool reveal(const kconfig::MenuNode *menu);

public slots:
    void cycleValue(const QModelIndex &index);                        // Space, clicks
    bool setValue(const QModelIndex &index, kconfig::Tristate value); // N/M/Y
    void editValue(const QModelIndex &index);                         // Enter/F2 on int/hex/string

signals:
    void message(const QString &text); // for the status bar
    void optionModeChanged(MenuTreeModel::OptionMode mode);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void keyboardSearch(const QString &search) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    bool isValueHit(const QModelIndex &index, const QPoint &pos) const;
    void toggleExpanded(const QModelIndex &index);
    void refuse(const QString &why);
    void fitNameColumn();

    ConfigDocument *m_doc;
    NavigationHistory *m_history;
    MenuTreeModel *m_model;
    MenuEntryDelegate *m_delegate;
    QPersistentModelIndex m_pressed; // a press on a value, acted on at release
    bool m_nameColumnSized = false;  // resized by the user (or restored): keep it
    bool m_fittingColumns = false;
};
