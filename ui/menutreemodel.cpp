// SPDX-License-Identifier: MIT
#include "menutreemodel.h"

#include "configdocument.h"
#include "tristatelimits.h"

#include <kconfig/config.h>
#include <kconfig/menunode.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <algorithm>
#include <climits>

using namespace kconfig;

MenuTreeModel::MenuTreeModel(ConfigDocument *doc, QObject *parent)
    : QAbstractItemModel(parent), m_doc(doc)
{
    m_clock.start();
    m_flashTimer.setInterval(60);
    connect(&m_flashTimer, &QTimer::timeout, this, &MenuTreeModel::flashTick);
    connect(doc, &ConfigDocument::loaded, this, &MenuTreeModel::rebuild);
    connect(doc, &ConfigDocument::valuesChanged, this, &MenuTreeModel::applyValues);
    rebuild();
}

MenuNode *MenuTreeModel::root() const
{
    return m_doc->tree() ? m_doc->tree()->rootMenu() : nullptr;
}

bool MenuTreeModel::accepts(const MenuNode *menu, OptionMode mode) const
{
    if (!menu->sym && !menu->list && !menu->prompt) return false;
    switch (mode) {
    case OptionMode::Normal:
        return m_doc->config()->menuIsVisible(menu);
    case OptionMode::Prompt:
        return menu->prompt != nullptr;
    case OptionMode::All:
        break;
    }
    return true;
}

bool MenuTreeModel::isListedIn(const MenuNode *menu, OptionMode mode) const
{
    const MenuNode *top = root();
    if (!menu || !top) return false;
    for (const MenuNode *m = menu; m && m != top; m = m->parent) {
        if (!accepts(m, mode)) return false;
    }
    return true;
}

bool MenuTreeModel::isReachable(const MenuNode *menu) const
{
    const MenuNode *top = root();
    for (const MenuNode *m = menu; m != top; m = m->parent) {
        if (entry(m).row < 0) return false;
    }
    return true;
}

std::vector<char> MenuTreeModel::reachability() const
{
    std::vector<char> reachable(m_entries.size());
    reachable[slot(root())] = 1;
    for (const MenuNode *m : m_order) // parents come first
        reachable[slot(m)] = reachable[slot(m->parent)] && entry(m).row >= 0;
    return reachable;
}

void MenuTreeModel::rebuild()
{
    beginResetModel();
    m_entries.clear();
    m_order.clear();
    m_flashing.clear();
    m_flashTimer.stop();
    if (Tree *tree = m_doc->tree()) {
        m_entries.resize(tree->menus().size() + 1);
        tree->forEachMenu([this](MenuNode *m) { m_order.push_back(m); });
        evaluateFilter();
        for (auto it = m_order.rbegin(); it != m_order.rend(); ++it)
            fillSilently(*it);
        fillSilently(root());
    }
    endResetModel();
}

void MenuTreeModel::evaluateFilter()
{
    Config *config = m_doc->config();
    for (MenuNode *m : m_order) {
        Entry &e = entry(m);
        e.visible = config->menuIsVisible(m);
        e.empty = true;
        if (!m->sym && !m->list && !m->prompt)
            e.passes = false;
        else if (m_mode == OptionMode::Normal)
            e.passes = e.visible;
        else
            e.passes = m_mode == OptionMode::All || m->prompt;
    }
    entry(root()).empty = true;
    for (MenuNode *m : m_order) {
        if (entry(m).visible) entry(m->parent).empty = false;
    }
}

void MenuTreeModel::fillSilently(MenuNode *parent)
{
    auto &rows = entry(parent).rows;
    rows.clear();
    for (MenuNode *child = parent->list; child; child = child->next) {
        Entry &e = entry(child);
        e.row = e.passes ? static_cast<int>(rows.size()) : -1;
        if (e.passes) rows.push_back(child);
    }
}

// Brings `parent`'s rows in line with the filter, announcing contiguous runs of
// removed and inserted rows. Called children first, so that a subtree is
// complete by the time its top is inserted.
void MenuTreeModel::syncRows(MenuNode *parent, bool announce)
{
    bool dirty = false;
    for (MenuNode *child = parent->list; child && !dirty; child = child->next)
        dirty = (entry(child).row >= 0) != entry(child).passes;
    if (!dirty) return;
    if (!announce) {
        fillSilently(parent);
        return;
    }
    Entry &pe = entry(parent);
    auto &rows = pe.rows;
    const QModelIndex parentIndex =
        parent == root() ? QModelIndex() : createIndex(pe.row, 0, parent);
    auto renumber = [&rows, this](std::size_t from) {
        for (std::size_t i = from; i < rows.size(); ++i)
            entry(rows[i]).row = static_cast<int>(i);
    };
    int pos = 0;
    MenuNode *child = parent->list;
    while (child) {
        const Entry &ce = entry(child);
        const bool listed = ce.row >= 0;
        if (listed == ce.passes) {
            pos += listed;
            child = child->next;
            continue;
        }
        // A run of entries that all leave (or all arrive); entries that stay
        // out may sit between them without breaking the run.
        std::vector<MenuNode *> run;
        MenuNode *c = child;
        for (; c; c = c->next) {
            const Entry &e = entry(c);
            const bool l = e.row >= 0;
            if (l == listed && e.passes != listed)
                run.push_back(c);
            else if (!l && !e.passes)
                continue;
            else
                break;
        }
        const int count = static_cast<int>(run.size());
        if (listed) {
            beginRemoveRows(parentIndex, pos, pos + count - 1);
            rows.erase(rows.begin() + pos, rows.begin() + pos + count);
            for (MenuNode *r : run)
                entry(r).row = -1;
            renumber(pos);
            endRemoveRows();
        } else {
            beginInsertRows(parentIndex, pos, pos + count - 1);
            rows.insert(rows.begin() + pos, run.begin(), run.end());
            renumber(pos);
            endInsertRows();
            pos += count;
        }
        child = c;
    }
}

void MenuTreeModel::setOptionMode(OptionMode mode)
{
    if (mode == m_mode) return;
    m_mode = mode;
    if (!root()) return;
    evaluateFilter();
    restructure();
}

// Syncs every entry's rows with the filter, children first. An entry's
// ancestors are untouched until after it is synced, so reachability computed
// up front stays right for each entry when its turn comes.
void MenuTreeModel::restructure()
{
    const std::vector<char> reachable = reachability();
    for (auto it = m_order.rbegin(); it != m_order.rend(); ++it)
        syncRows(*it, reachable[slot(*it)]);
    syncRows(root(), true);
}

void MenuTreeModel::applyValues(const ActionResult &action)
{
    if (!root()) return;
    std::vector<char> wasVisible(m_entries.size()), wasEmpty(m_entries.size());
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        wasVisible[i] = m_entries[i].visible;
        wasEmpty[i] = m_entries[i].empty;
    }
    evaluateFilter();
    restructure();

    std::vector<const MenuNode *> touched;
    for (MenuNode *m : m_order) {
        const Entry &e = entry(m);
        if (e.visible != bool(wasVisible[slot(m)]) || e.empty != bool(wasEmpty[slot(m)]))
            touched.push_back(m);
    }
    const qint64 now = m_clock.elapsed();
    bool modulesChanged = false;
    auto touchSymbol = [&touched](const Symbol *sym) {
        for (const MenuNode *m : sym->menus)
            touched.push_back(m);
        if (sym->memberOfChoice) touched.push_back(sym->memberOfChoice);
    };
    for (const SymbolChange &change : action.changes) {
        touchSymbol(change.symbol);
        modulesChanged |= change.symbol == m_doc->tree()->modules();
        if (m_flashMs > 0 &&
            (change.before.tri != change.after.tri || change.before.value != change.after.value)) {
            for (const MenuNode *m : change.symbol->menus)
                m_flashing.insert(m, now);
        }
    }
    if (action.subject) touchSymbol(action.subject); // "(NEW)" goes away even if the value stays
    if (modulesChanged) {
        // Every tristate marker may switch between bool and tristate form.
        touched.assign(m_order.begin(), m_order.end());
    }
    refreshRows(touched);
    if (!m_flashing.isEmpty() && !m_flashTimer.isActive()) m_flashTimer.start();
}

// One dataChanged per parent, spanning its changed rows.
void MenuTreeModel::refreshRows(const std::vector<const MenuNode *> &menus)
{
    const std::vector<char> reachable = reachability();
    std::vector<std::pair<int, int>> span(m_entries.size(), {INT_MAX, -1});
    std::vector<const MenuNode *> parents;
    for (const MenuNode *m : menus) {
        if (!reachable[slot(m)] || m == root()) continue;
        auto &[first, last] = span[slot(m->parent)];
        if (last < 0) parents.push_back(m->parent);
        first = std::min(first, entry(m).row);
        last = std::max(last, entry(m).row);
    }
    for (const MenuNode *p : parents) {
        const auto [first, last] = span[slot(p)];
        const QModelIndex parentIndex =
            p == root() ? QModelIndex() : createIndex(entry(p).row, 0, const_cast<MenuNode *>(p));
        emit dataChanged(index(first, 0, parentIndex), index(last, ColumnCount - 1, parentIndex));
    }
}

void MenuTreeModel::flashTick()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_flashing.begin(); it != m_flashing.end();) {
        const MenuNode *m = it.key();
        const bool done = now - it.value() >= m_flashMs;
        if (isReachable(m)) {
            const QModelIndex first = createIndex(entry(m).row, 0, const_cast<MenuNode *>(m));
            emit dataChanged(first, first.siblingAtColumn(ColumnCount - 1), {FlashRole});
        }
        it = done ? m_flashing.erase(it) : std::next(it);
    }
    if (m_flashing.isEmpty()) m_flashTimer.stop();
}

const MenuNode *MenuTreeModel::menuAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const MenuNode *>(index.internalPointer()) : nullptr;
}

QModelIndex MenuTreeModel::indexOf(const MenuNode *menu, int column) const
{
    if (!menu || !root() || menu == root() || !isReachable(menu)) return {};
    return createIndex(entry(menu).row, column, const_cast<MenuNode *>(menu));
}

ValueMarker MenuTreeModel::markerAt(const QModelIndex &index) const
{
    const MenuNode *m = menuAt(index);
    return m ? ValueMarker::of(*m_doc->config(), m) : ValueMarker{};
}

QModelIndex MenuTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!root() || row < 0 || column < 0 || column >= ColumnCount) return {};
    const MenuNode *p = parent.isValid() ? menuAt(parent) : root();
    const auto &rows = entry(p).rows;
    if (static_cast<std::size_t>(row) >= rows.size()) return {};
    return createIndex(row, column, rows[row]);
}

QModelIndex MenuTreeModel::parent(const QModelIndex &child) const
{
    const MenuNode *m = menuAt(child);
    if (!m || m->parent == root()) return {};
    return createIndex(entry(m->parent).row, 0, m->parent);
}

int MenuTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!root() || parent.column() > 0) return 0;
    return static_cast<int>(entry(parent.isValid() ? menuAt(parent) : root()).rows.size());
}

int MenuTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool MenuTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant MenuTreeModel::data(const QModelIndex &index, int role) const
{
    const MenuNode *m = menuAt(index);
    if (!m) return {};
    switch (role) {
    case MenuNodeRole:
        return QVariant::fromValue(m);
    case SymbolRole:
        return QVariant::fromValue(static_cast<const Symbol *>(m->sym));
    case VisibleRole:
        return entry(m).visible;
    case FlashRole: {
        const auto it = m_flashing.constFind(m);
        if (it == m_flashing.constEnd()) return 0.0;
        return qMax(0.0, 1.0 - double(m_clock.elapsed() - it.value()) / m_flashMs);
    }
    case ValueMarkerRole:
        return QVariant::fromValue(markerAt(index));
    case Qt::DisplayRole:
    case Qt::EditRole: {
        if (index.column() == NameColumn)
            return m->sym ? QString::fromStdString(m->sym->name) : QString();
        const ValueMarker marker = markerAt(index);
        return index.column() == OptionColumn ? marker.line() : marker.value;
    }
    case Qt::ToolTipRole: {
        if (!m->sym || m->sym->isChoice()) return {};
        QString tip = QString::fromStdString(m->sym->name) + QStringLiteral(" (") +
                      QString::fromLatin1(symbolTypeName(m->sym->type)) + QLatin1Char(')');
        const QString note = TristateLimits(*m_doc->config(), m->sym).lockNote();
        if (!note.isEmpty()) tip += QLatin1Char('\n') + note;
        return tip;
    }
    default:
        return {};
    }
}

bool MenuTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const MenuNode *m = menuAt(index);
    if (role != Qt::EditRole || index.column() != ValueColumn || !m || !m->sym) return false;
    if (markerAt(index).kind != ValueMarker::Kind::Text) return false;
    QString error;
    if (m_doc->setString(m->sym, value.toString(), &error)) return true;
    emit valueRefused(error + QLatin1Char(' ') +
                      tr("%1 keeps %2.")
                          .arg(QString::fromStdString(m->sym->name),
                               QString::fromStdString(m_doc->config()->stringValue(m->sym))));
    return false;
}

Qt::ItemFlags MenuTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!menuAt(index)->list) f |= Qt::ItemNeverHasChildren;
    if (index.column() == ValueColumn) {
        const ValueMarker marker = markerAt(index);
        if (marker.kind == ValueMarker::Kind::Text && marker.lock == ValueMarker::Lock::Free)
            f |= Qt::ItemIsEditable;
    }
    return f;
}

QVariant MenuTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case OptionColumn:
        return tr("Option");
    case ValueColumn:
        return tr("Value");
    case NameColumn:
        return tr("Name");
    }
    return {};
}
