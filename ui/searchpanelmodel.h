// SPDX-License-Identifier: MIT
// The search panel's result list: one row per symbol found, with its prompt,
// name, current value and menu path, best match first (core's order).
#pragma once

#include <kconfig/symbolsearch.h>

#include <QAbstractTableModel>
#include <QFont>

#include <vector>

namespace kconfig {
class Config;
struct MenuNode;
struct Symbol;
} // namespace kconfig

class SearchPanelModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        PromptColumn,
        NameColumn,
        ValueColumn,
        PathColumn,
        ColumnCount
    };
    enum Role
    {
        MenuRole = Qt::UserRole + 1
    };

    explicit SearchPanelModel(QObject *parent = nullptr);

    void setConfig(kconfig::Config *config); // also clears the results
    void setHits(std::vector<kconfig::SymbolSearch::Hit> hits);
    const kconfig::MenuNode *menuAt(int row) const;
    const kconfig::Symbol *symbolAt(int row) const;
    // Values changed: repaint the value column.
    void refreshValues();
    // "Device Drivers → VFIO ..." for the menu that holds `menu`.
    static QString menuPath(const kconfig::MenuNode *menu);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    kconfig::Config *m_config = nullptr;
    std::vector<kconfig::SymbolSearch::Hit> m_hits;
    QFont m_mono;   // names and values
    QFont m_italic; // "(no prompt)"
};
