// SPDX-License-Identifier: MIT
#include "wrappingitemdelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QEvent>
#include <QPainter>
#include <QTextDocument>
#include <QTreeView>
#include <QtMath>

WrappingItemDelegate::WrappingItemDelegate(QTreeView *view)
    : QStyledItemDelegate(view), m_view(view)
{
    view->viewport()->installEventFilter(this);
}

int WrappingItemDelegate::textWidth(const QModelIndex &index) const
{
    int depth = 0;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        ++depth;
    const int indent = m_view->indentation() * (depth + (m_view->rootIsDecorated() ? 1 : 0));
    return qMax(80, m_view->viewport()->width() - indent - 8);
}

void WrappingItemDelegate::layout(QTextDocument &doc, const QStyleOptionViewItem &opt,
                                  const QModelIndex &index) const
{
    doc.setDefaultFont(opt.font);
    doc.setDocumentMargin(2);
    const QVariant html = index.data(HtmlRole);
    if (html.isValid())
        doc.setHtml(html.toString());
    else
        doc.setPlainText(opt.text);
    doc.setTextWidth(textWidth(index));
}

QSize WrappingItemDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QTextDocument doc;
    layout(doc, opt, index);
    return QSize(textWidth(index), qCeil(doc.size().height()) + 2);
}

void WrappingItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    opt.text = text;
    QTextDocument doc;
    layout(doc, opt, index);
    QAbstractTextDocumentLayout::PaintContext context;
    const bool selected = opt.state & QStyle::State_Selected;
    context.palette = opt.palette;
    context.palette.setColor(
        QPalette::Text, opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->save();
    painter->translate(opt.rect.topLeft());
    painter->setClipRect(opt.rect.translated(-opt.rect.topLeft()));
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

bool WrappingItemDelegate::eventFilter(QObject *watched, QEvent *event)
{
    // A new width means new line breaks: let the view ask for sizes again.
    if (event->type() == QEvent::Resize) m_view->doItemsLayout();
    return QStyledItemDelegate::eventFilter(watched, event);
}
