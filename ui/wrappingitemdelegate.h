// SPDX-License-Identifier: MIT
// Paints tree items as word-wrapped text that fits the column, so long
// explanation sentences stay readable in a narrow dock.
#pragma once

#include <QStyledItemDelegate>

class QTreeView;

class WrappingItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // Items may carry rich text (a small HTML subset) in this role; it is
    // painted instead of the display text.
    static constexpr int HtmlRole = Qt::UserRole + 50;

    explicit WrappingItemDelegate(QTreeView *view);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int textWidth(const QModelIndex &index) const;
    void layout(class QTextDocument &doc, const QStyleOptionViewItem &opt,
                const QModelIndex &index) const;
    QTreeView *m_view;
};
