// SPDX-License-Identifier: MIT
// The finalised menu tree as the kernel's front ends show it: menus,
// menuconfig entries, automatic submenus, choices with their members and
// comments, filtered by visibility (xconfig's "Show normal/prompt/all
// options"). The filter lives in the model itself: after every value change
// it re-evaluates menu_is_visible for all entries and reports the rows that
// appear, disappear or change, so views update in place.
#pragma once

#include "valuemarker.h"

#include <kconfig/menunode.h>

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

#include <vector>

class ConfigDocument;
struct ActionResult;
namespace kconfig {
struct Symbol;
} // namespace kconfig

Q_DECLARE_OPAQUE_POINTER(const kconfig::MenuNode *)
Q_DECLARE_METATYPE(const kconfig::MenuNode *)
Q_DECLARE_OPAQUE_POINTER(const kconfig::Symbol *)
Q_DECLARE_METATYPE(const kconfig::Symbol *)

class MenuTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        OptionColumn,
        ValueColumn,
        NameColumn,
        ColumnCount
    };
    enum Role
    {
        MenuNodeRole = Qt::UserRole + 1, // const kconfig::MenuNode *
        SymbolRole,                      // const kconfig::Symbol * (null for menus, comments)
        ValueMarkerRole,                 // ValueMarker
        VisibleRole,                     // bool: menu_is_visible
        FlashRole,                       // qreal 0..1: the value just changed
    };
    // Which entries are listed (xconfig's Option menu).
    enum class OptionMode
    {
        Normal,
        Prompt,
        All
    };
    Q_ENUM(OptionMode)

    explicit MenuTreeModel(ConfigDocument *doc, QObject *parent = nullptr);

    OptionMode optionMode() const { return m_mode; }
    void setOptionMode(OptionMode mode);
    // Whether `menu` would be listed in `mode` (ancestors included).
    bool isListedIn(const kconfig::MenuNode *menu, OptionMode mode) const;

    const kconfig::MenuNode *menuAt(const QModelIndex &index) const;
    QModelIndex indexOf(const kconfig::MenuNode *menu,
                        int column = 0) const; // invalid if not listed
    ValueMarker markerAt(const QModelIndex &index) const;

    // How long a changed row stays highlighted (0: not at all).
    void setFlashDuration(int ms) { m_flashMs = ms; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    // A value the user typed was refused (the old value is kept).
    void valueRefused(const QString &message);

private:
    struct Entry
    {
        std::vector<kconfig::MenuNode *> rows; // listed children in menu order
        int row = -1;                          // position in the parent's rows, -1: not listed
        bool passes = false;                   // the mode's filter accepts it
        bool visible = false;                  // menu_is_visible
        bool empty = true;                     // no visible child ("----")
    };

    void rebuild();
    void applyValues(const ActionResult &action);
    void evaluateFilter();
    void restructure();
    void syncRows(kconfig::MenuNode *parent, bool announce);
    void fillSilently(kconfig::MenuNode *parent);
    void refreshRows(const std::vector<const kconfig::MenuNode *> &menus);
    void flashTick();

    bool accepts(const kconfig::MenuNode *menu, OptionMode mode) const;
    Entry &entry(const kconfig::MenuNode *menu) { return m_entries[slot(menu)]; }
    const Entry &entry(const kconfig::MenuNode *menu) const { return m_entries[slot(menu)]; }
    // Index into m_entries: the node's id, the root last.
    std::size_t slot(const kconfig::MenuNode *menu) const
    {
        return menu->id < 0 ? m_entries.size() - 1 : static_cast<std::size_t>(menu->id);
    }
    bool isReachable(const kconfig::MenuNode *menu) const;
    std::vector<char> reachability() const; // isReachable for every slot
    kconfig::MenuNode *root() const;

    ConfigDocument *m_doc;
    OptionMode m_mode = OptionMode::Normal;
    std::vector<Entry> m_entries;                        // by MenuNode::id, the root last
    std::vector<kconfig::MenuNode *> m_order;            // every node, depth first
    QHash<const kconfig::MenuNode *, qint64> m_flashing; // start time
    QElapsedTimer m_clock;
    QTimer m_flashTimer;
    int m_flashMs = 1500;
};
