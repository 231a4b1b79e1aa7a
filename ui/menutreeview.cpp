// SPDX-License-Identifier: MIT
#include "menutreeview.h"

#include "configdocument.h"
#include "menuentrydelegate.h"
#include "navigationhistory.h"
#include "tristatelimits.h"

#include <kconfig/config.h>
#include <kconfig/menunode.h>
#include <kconfig/symbol.h>

#include <QHeaderView>
#include <QKeyEvent>
#include <QToolTip>

using namespace kconfig;
using Kind = ValueMarker::Kind;

MenuTreeView::MenuTreeView(ConfigDocument *doc, NavigationHistory *history, QWidget *parent)
    : QTreeView(parent), m_doc(doc), m_history(history), m_model(new MenuTreeModel(doc, this)),
      m_delegate(new MenuEntryDelegate(this))
{
    setModel(m_model);
    setItemDelegate(m_delegate);
    setUniformRowHeights(true);
    setSelectionMode(SingleSelection);
    setSelectionBehavior(SelectRows);
    setAllColumnsShowFocus(true);
    setEditTriggers(NoEditTriggers); // editing starts from Enter/F2/clicks, see below
    setTextElideMode(Qt::ElideRight);

    QHeaderView *h = header();
    h->setStretchLastSection(false);
    h->setSectionResizeMode(MenuTreeModel::OptionColumn, QHeaderView::Stretch);
    h->setSectionResizeMode(MenuTreeModel::ValueColumn, QHeaderView::Interactive);
    h->setSectionResizeMode(MenuTreeModel::NameColumn, QHeaderView::Interactive);
    setColumnWidth(MenuTreeModel::ValueColumn,
                   fontMetrics().horizontalAdvance(QLatin1Char('M')) * 6);
    fitNameColumn();
    connect(h, &QHeaderView::sectionResized, this, [this](int section) {
        if (section == MenuTreeModel::NameColumn && !m_fittingColumns)
            m_nameColumnSized = true; // the user's width wins from now on
    });

    connect(m_model, &MenuTreeModel::valueRefused, this, &MenuTreeView::refuse);
    connect(m_history, &NavigationHistory::currentChanged, this,
            [this](const MenuNode *menu) { reveal(menu); });
}

void MenuTreeView::fitNameColumn()
{
    if (m_nameColumnSized) return;
    // A quarter of the view, within what symbol names need.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_fittingColumns = true;
    setColumnWidth(MenuTreeModel::NameColumn, qBound(em * 12, viewport()->width() / 4, em * 20));
    m_fittingColumns = false;
}

void MenuTreeView::resizeEvent(QResizeEvent *event)
{
    QTreeView::resizeEvent(event);
    fitNameColumn();
}

const MenuNode *MenuTreeView::currentMenu() const
{
    return m_model->menuAt(currentIndex());
}

void MenuTreeView::setNameColumnVisible(bool visible)
{
    setColumnHidden(MenuTreeModel::NameColumn, !visible);
}

void MenuTreeView::setOptionMode(MenuTreeModel::OptionMode mode)
{
    if (mode == m_model->optionMode()) return;
    const MenuNode *current = currentMenu();
    m_model->setOptionMode(mode);
    emit optionModeChanged(mode);
    if (current && m_model->indexOf(current).isValid()) scrollTo(m_model->indexOf(current));
}

bool MenuTreeView::reveal(const MenuNode *menu)
{
    if (!menu) return false;
    QModelIndex index = m_model->indexOf(menu);
    if (!index.isValid()) {
        if (!m_model->isListedIn(menu, MenuTreeModel::OptionMode::All)) return false;
        setOptionMode(MenuTreeModel::OptionMode::All);
        const std::string *prompt = menu->promptText();
        emit message(tr("\"%1\" is hidden in the current view: showing all options.")
                         .arg(prompt ? QString::fromStdString(*prompt) : QString()));
        index = m_model->indexOf(menu);
    }
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        expand(p);
    executeDelayedItemsLayout(); // visualRect() must see the expanded rows
    const bool onScreen = viewport()->rect().contains(visualRect(index));
    setCurrentIndex(index);
    // A jump lands in the middle of the view, with context above and below.
    if (!onScreen) scrollTo(index, PositionAtCenter);
    return true;
}

void MenuTreeView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTreeView::currentChanged(current, previous);
    // When the history itself moved here, visit() is a no-op.
    if (current.isValid()) m_history->visit(m_model->menuAt(current));
}

void MenuTreeView::refuse(const QString &why)
{
    emit message(why);
    const QRect r = visualRect(currentIndex());
    if (isVisible() && r.isValid())
        QToolTip::showText(viewport()->mapToGlobal(r.bottomLeft()), why, viewport());
}

void MenuTreeView::toggleExpanded(const QModelIndex &index)
{
    const QModelIndex first = index.siblingAtColumn(0);
    if (!m_model->hasChildren(first)) return;
    setExpanded(first, !isExpanded(first));
}

void MenuTreeView::cycleValue(const QModelIndex &index)
{
    const MenuNode *menu = m_model->menuAt(index);
    if (!menu) return;
    const ValueMarker marker = m_model->markerAt(index);
    switch (marker.kind) {
    case Kind::Text:
        editValue(index);
        return;
    case Kind::ChoiceMember:
    case Kind::Bool:
    case Kind::Tristate:
        if (!m_doc->toggle(menu->sym)) {
            const Tristate wanted = marker.state == Tristate::Yes ? Tristate::No : Tristate::Yes;
            refuse(TristateLimits(*m_doc->config(), menu->sym).refusal(wanted));
        }
        return;
    default:
        toggleExpanded(index);
        return;
    }
}

bool MenuTreeView::setValue(const QModelIndex &index, Tristate value)
{
    const MenuNode *menu = m_model->menuAt(index);
    if (!menu || !menu->sym || menu->sym->isChoice()) return false;
    if (m_doc->setTristate(menu->sym, value)) return true;
    refuse(TristateLimits(*m_doc->config(), menu->sym).refusal(value));
    return false;
}

void MenuTreeView::editValue(const QModelIndex &index)
{
    const MenuNode *menu = m_model->menuAt(index);
    if (!menu || !menu->sym) return;
    const QModelIndex value = index.siblingAtColumn(MenuTreeModel::ValueColumn);
    if (!(m_model->flags(value) & Qt::ItemIsEditable)) {
        if (m_model->markerAt(index).kind == Kind::Text)
            refuse(TristateLimits(*m_doc->config(), menu->sym).refusal(Tristate::Yes));
        return;
    }
    setCurrentIndex(value);
    edit(value);
}

void MenuTreeView::keyPressEvent(QKeyEvent *event)
{
    const QModelIndex index = currentIndex();
    const bool plain =
        !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    if (state() == EditingState || !index.isValid() || !plain) {
        QTreeView::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Space:
        cycleValue(index);
        break;
    case Qt::Key_N:
        setValue(index, Tristate::No);
        break;
    case Qt::Key_M:
        setValue(index, Tristate::Mod);
        break;
    case Qt::Key_Y:
        setValue(index, Tristate::Yes);
        break;
    case Qt::Key_F2:
        editValue(index);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_model->hasChildren(index.siblingAtColumn(0)))
            toggleExpanded(index);
        else
            cycleValue(index);
        break;
    default:
        QTreeView::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool MenuTreeView::isValueHit(const QModelIndex &index, const QPoint &pos) const
{
    if (!index.isValid()) return false;
    const ValueMarker marker = m_model->markerAt(index);
    if (!marker.isSymbol()) return false;
    if (index.column() == MenuTreeModel::ValueColumn) return true;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return m_delegate->markerRect(option, index).contains(pos);
}

void MenuTreeView::mousePressEvent(QMouseEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    m_pressed = event->button() == Qt::LeftButton && isValueHit(index, event->position().toPoint())
                    ? QPersistentModelIndex(index)
                    : QPersistentModelIndex();
    QTreeView::mousePressEvent(event);
}

void MenuTreeView::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    const bool act = m_pressed.isValid() && index == m_pressed && isValueHit(index, pos);
    m_pressed = QPersistentModelIndex();
    QTreeView::mouseReleaseEvent(event);
    if (act) cycleValue(index);
}

void MenuTreeView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    if (isValueHit(index, pos)) {
        // The second click of a quick double click on a marker is another click.
        m_pressed = index;
        return;
    }
    if (index.isValid() && m_model->markerAt(index).kind == Kind::Text) {
        editValue(index);
        return;
    }
    QTreeView::mouseDoubleClickEvent(event);
}

void MenuTreeView::keyboardSearch(const QString &search)
{
    // Letters jump to the next entry whose prompt starts with them, like
    // menuconfig's hotkeys (N, M and Y set values instead).
    const QModelIndex start = currentIndex().siblingAtColumn(0);
    QModelIndex i = start.isValid() ? indexBelow(start) : m_model->index(0, 0);
    while (i != start) {
        if (!i.isValid()) {
            i = m_model->index(0, 0);
            if (!start.isValid() || !i.isValid()) return;
            continue;
        }
        if (m_model->markerAt(i).prompt.startsWith(search, Qt::CaseInsensitive)) {
            setCurrentIndex(i);
            scrollTo(i);
            return;
        }
        i = indexBelow(i);
    }
}
