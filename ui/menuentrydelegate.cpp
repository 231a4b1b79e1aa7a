// SPDX-License-Identifier: MIT
#include "menuentrydelegate.h"

#include "menutreemodel.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>

using Kind = ValueMarker::Kind;
using Lock = ValueMarker::Lock;

namespace {

constexpr int HorizontalMargin = 4;
constexpr int VerticalMargin = 3;
constexpr int MaxMarkerChars = 18; // longer int/hex/string values are elided in the marker

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

} // namespace

MenuEntryDelegate::Colours MenuEntryDelegate::coloursFor(const QPalette &palette)
{
    const bool dark = isDark(palette);
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    Colours c;
    c.yes = dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x1a, 0x7f, 0x37);
    c.mod = dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x05, 0x50, 0xae);
    c.locked = dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
    c.isNew = dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x82, 0x50, 0xdf);
    c.muted = blend(text, base, 0.4);
    c.hidden = blend(text, base, 0.55);
    return c;
}

QFont MenuEntryDelegate::markerFont(const QFont &base) const
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (base.pointSizeF() > 0)
        f.setPointSizeF(base.pointSizeF());
    else
        f.setPixelSize(base.pixelSize());
    f.setBold(true);
    return f;
}

int MenuEntryDelegate::markerBoxWidth(const QFont &base) const
{
    return QFontMetrics(markerFont(base)).horizontalAdvance(QStringLiteral("-M-"));
}

MenuEntryDelegate::Layout MenuEntryDelegate::layout(const QStyleOptionViewItem &option,
                                                    const ValueMarker &marker) const
{
    const QRect r = option.rect.adjusted(HorizontalMargin, 0, -HorizontalMargin, 0);
    const int box = markerBoxWidth(option.font);
    int markerWidth = box;
    if (marker.kind == Kind::Text) {
        const QFontMetrics fm(markerFont(option.font));
        // +2: elidedText() measures a little wider than horizontalAdvance().
        markerWidth = qMax(box, qMin(fm.horizontalAdvance(marker.marker) + 2,
                                     fm.horizontalAdvance(QLatin1Char('0')) * MaxMarkerChars));
    }
    const int gap = QFontMetrics(option.font).horizontalAdvance(QLatin1Char(' ')) * 3 / 2;
    Layout l;
    l.marker = QRect(r.left(), r.top(), markerWidth, r.height());
    l.text =
        QRect(l.marker.right() + 1 + gap, r.top(), r.right() - l.marker.right() - gap, r.height());
    return l;
}

QRect MenuEntryDelegate::markerRect(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    if (index.column() != MenuTreeModel::OptionColumn) return {};
    const auto marker = index.data(MenuTreeModel::ValueMarkerRole).value<ValueMarker>();
    if (marker.marker.isEmpty()) return {};
    return layout(option, marker).marker;
}

QColor MenuEntryDelegate::markerColour(const ValueMarker &marker, const Colours &colours,
                                       const QPalette &palette, bool selected) const
{
    if (selected) return palette.color(QPalette::HighlightedText);
    if (marker.lock == Lock::Hidden) return colours.hidden;
    if (marker.lock == Lock::Locked) return colours.locked;
    if (marker.kind == Kind::Text) return palette.color(QPalette::Text);
    switch (marker.state) {
    case kconfig::Tristate::Yes:
        return colours.yes;
    case kconfig::Tristate::Mod:
        return colours.mod;
    case kconfig::Tristate::No:
        break;
    }
    return palette.color(QPalette::Text);
}

void MenuEntryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette &palette = opt.palette;
    const Colours colours = coloursFor(palette);
    const qreal flash = index.data(MenuTreeModel::FlashRole).toReal();
    if (flash > 0 && !selected) {
        // A fading tint of the "changed" colour, unlike the selection's solid fill.
        QColor c = colours.isNew;
        c.setAlphaF(0.28 * flash);
        painter->fillRect(opt.rect, c);
    }

    const auto marker = index.data(MenuTreeModel::ValueMarkerRole).value<ValueMarker>();
    const bool hidden = marker.lock == Lock::Hidden;
    const QColor text = selected ? palette.color(QPalette::HighlightedText)
                        : hidden ? colours.hidden
                                 : palette.color(QPalette::Text);
    const QColor muted = selected ? text : hidden ? colours.hidden : colours.muted;
    const int flags = Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine;

    painter->save();
    painter->setClipRect(opt.rect);
    if (index.column() == MenuTreeModel::OptionColumn) {
        const Layout l = layout(opt, marker);
        if (!marker.marker.isEmpty()) {
            const QFont mf = markerFont(opt.font);
            painter->setFont(mf);
            painter->setPen(markerColour(marker, colours, palette, selected));
            const QString shown =
                QFontMetrics(mf).elidedText(marker.marker, Qt::ElideMiddle, l.marker.width());
            painter->drawText(l.marker, flags | (marker.kind == Kind::Text ? 0 : Qt::AlignHCenter),
                              shown);
        }
        QFont font = opt.font;
        if (marker.kind == Kind::Menu) font.setWeight(QFont::DemiBold);
        if (marker.kind == Kind::Comment || !marker.hasPrompt) font.setItalic(true);
        painter->setFont(font);
        const QFontMetrics fm(font);

        // Right-hand pieces first so that only the prompt is elided.
        QString tail;
        if (!marker.detail.isEmpty())
            tail += QStringLiteral(" (") + marker.detail + QLatin1Char(')');
        const QString isNew = marker.isNew ? tr(" (NEW)") : QString();
        const QString suffix =
            marker.suffix.isEmpty() ? QString() : QStringLiteral("  ") + marker.suffix;
        const int reserved = fm.horizontalAdvance(isNew) + fm.horizontalAdvance(suffix);
        QRect r = l.text;
        const QString head =
            fm.elidedText(marker.prompt + tail, Qt::ElideRight, qMax(0, r.width() - reserved));
        painter->setPen(text);
        painter->drawText(r, flags, head);
        r.setLeft(r.left() + fm.horizontalAdvance(head));
        if (!isNew.isEmpty()) {
            painter->setPen(selected ? text : hidden ? colours.hidden : colours.isNew);
            painter->drawText(r, flags, isNew);
            r.setLeft(r.left() + fm.horizontalAdvance(isNew));
        }
        if (!suffix.isEmpty()) {
            painter->setPen(muted);
            painter->drawText(r, flags, suffix);
        }
    } else {
        const QRect r = opt.rect.adjusted(HorizontalMargin, 0, -HorizontalMargin, 0);
        QString value = index.data(Qt::DisplayRole).toString();
        QColor pen = text;
        if (index.column() == MenuTreeModel::ValueColumn && marker.isBoolOrTristate() && !hidden)
            pen = markerColour(marker, colours, palette, selected);
        else if (index.column() == MenuTreeModel::NameColumn && !selected && !hidden)
            pen = muted;
        painter->setPen(pen);
        painter->setFont(opt.font);
        // Symbol names differ at both ends (X86_INTEL_..._PLATFORM): keep both.
        const Qt::TextElideMode elide =
            index.column() == MenuTreeModel::NameColumn ? Qt::ElideMiddle : Qt::ElideRight;
        painter->drawText(r, flags, opt.fontMetrics.elidedText(value, elide, r.width()));
    }
    painter->restore();
}

QSize MenuEntryDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    const QFontMetrics fm(option.font);
    const int height =
        qMax(fm.height(), QFontMetrics(markerFont(option.font)).height()) + 2 * VerticalMargin;
    int width = 2 * HorizontalMargin + fm.horizontalAdvance(index.data(Qt::DisplayRole).toString());
    if (index.column() == MenuTreeModel::OptionColumn) width += markerBoxWidth(option.font);
    return {width, height};
}

void MenuEntryDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                             const QModelIndex &index) const
{
    QStyledItemDelegate::updateEditorGeometry(editor, option, index);
    // Long strings (command lines, paths) need more room than the column gives.
    const int wanted = option.fontMetrics.averageCharWidth() * 28;
    if (editor->width() < wanted) editor->resize(wanted, editor->height());
}
