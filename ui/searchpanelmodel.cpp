// SPDX-License-Identifier: MIT
#include "searchpanelmodel.h"

#include <kconfig/config.h>
#include <kconfig/menunode.h>
#include <kconfig/property.h>
#include <kconfig/symbol.h>

#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPalette>

using namespace kconfig;

SearchPanelModel::SearchPanelModel(QObject *parent)
    : QAbstractTableModel(parent), m_mono(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
    m_italic.setItalic(true);
}

void SearchPanelModel::setConfig(Config *config)
{
    beginResetModel();
    m_config = config;
    m_hits.clear();
    endResetModel();
}

void SearchPanelModel::setHits(std::vector<SymbolSearch::Hit> hits)
{
    beginResetModel();
    m_hits = std::move(hits);
    endResetModel();
}

const MenuNode *SearchPanelModel::menuAt(int row) const
{
    return row >= 0 && row < int(m_hits.size()) ? m_hits[std::size_t(row)].menu : nullptr;
}

const Symbol *SearchPanelModel::symbolAt(int row) const
{
    return row >= 0 && row < int(m_hits.size()) ? m_hits[std::size_t(row)].symbol : nullptr;
}

void SearchPanelModel::refreshValues()
{
    if (!m_hits.empty())
        emit dataChanged(index(0, ValueColumn), index(int(m_hits.size()) - 1, ValueColumn));
}

QString SearchPanelModel::menuPath(const MenuNode *menu)
{
    QStringList levels;
    for (const MenuNode *m = menu ? menu->parent : nullptr; m && m->parent; m = m->parent) {
        const std::string *text = m->promptText();
        levels.prepend(text ? QString::fromStdString(*text) : QString());
    }
    return levels.join(QStringLiteral(" \u2192 "));
}

int SearchPanelModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchPanelModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchPanelModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SymbolSearch::Hit &hit = m_hits[std::size_t(index.row())];
    const Symbol *sym = hit.symbol;
    const MenuNode *menu = hit.menu;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PromptColumn:
            return menu && menu->prompt ? QString::fromStdString(menu->prompt->text)
                                        : tr("(no prompt)");
        case NameColumn:
            return QString::fromStdString(sym->name);
        case ValueColumn: {
            if (!m_config) return {};
            const QString v = QString::fromStdString(m_config->stringValue(sym));
            return sym->type == SymbolType::String ? QLatin1Char('"') + v + QLatin1Char('"') : v;
        }
        case PathColumn:
            return menuPath(menu);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == PathColumn) return menuPath(menu);
        if (index.column() == PromptColumn && menu && menu->prompt)
            return QString::fromStdString(menu->prompt->text);
        break;
    case Qt::FontRole:
        if (index.column() == NameColumn || index.column() == ValueColumn) return m_mono;
        if (index.column() == PromptColumn && !(menu && menu->prompt)) return m_italic;
        break;
    case Qt::ForegroundRole: {
        const QPalette palette = QGuiApplication::palette();
        const bool dark = palette.color(QPalette::Base).lightness() < 128;
        if (index.column() == ValueColumn && m_config && sym->isBoolOrTristate()) {
            switch (m_config->tristate(sym)) {
            case Tristate::Yes:
                return QColor(QRgb(dark ? 0x6cd47e : 0x17803a));
            case Tristate::Mod:
                return QColor(QRgb(dark ? 0xe8b339 : 0x9a6200));
            case Tristate::No:
                return QColor(QRgb(dark ? 0xff8a80 : 0xc0392b));
            }
        }
        if (index.column() == PathColumn ||
            (index.column() == PromptColumn && !(menu && menu->prompt)))
            return palette.color(QPalette::PlaceholderText);
        break;
    }
    case MenuRole:
        return QVariant::fromValue(static_cast<const void *>(menu));
    default:
        break;
    }
    return {};
}

QVariant SearchPanelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case PromptColumn:
        return tr("Prompt");
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case PathColumn:
        return tr("Menu path");
    }
    return {};
}
