// SPDX-License-Identifier: MIT
// Paints a menu entry like menuconfig: the value marker in a fixed-width box
// ("[*]", "{M}", "-*-", "(64)", "(X)"), the prompt, "(NEW)" and "--->", with
// colours from the palette that add to the markers without replacing them.
// Hidden entries are drawn dimmed; locked markers get their own colour.
#pragma once

#include "valuemarker.h"

#include <QStyledItemDelegate>

class MenuEntryDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // Where the marker of `index` is drawn (clicking it changes the value).
    QRect markerRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

    // Colours of the value states for a palette (light or dark).
    struct Colours
    {
        QColor yes, mod, locked, isNew, muted, hidden;
    };
    static Colours coloursFor(const QPalette &palette);

private:
    struct Layout
    {
        QRect marker;
        QRect text; // prompt, "(NEW)" and suffix
    };
    Layout layout(const QStyleOptionViewItem &option, const ValueMarker &marker) const;
    QFont markerFont(const QFont &base) const;
    int markerBoxWidth(const QFont &base) const;
    QColor markerColour(const ValueMarker &marker, const Colours &colours, const QPalette &palette,
                        bool selected) const;
};
