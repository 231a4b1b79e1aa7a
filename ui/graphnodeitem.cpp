// SPDX-License-Identifier: MIT
#include "graphnodeitem.h"

#include "graphpainter.h"
#include "graphscene.h"

#include <kconfig/graphstyle.h>
#include <kconfig/menunode.h>
#include <kconfig/property.h>
#include <kconfig/symbol.h>

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

using namespace kconfig;

namespace {

constexpr qreal kPadX = 10;
constexpr qreal kPadY = 6;
constexpr qreal kMinWidth = 120;
constexpr qreal kMaxWidth = 270;
constexpr qreal kLockSize = 11;
constexpr qreal kRing = 6; // room for the focus and change rings outside the box
constexpr qreal kRadius = 6;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

bool isMore(const GraphNode &n)
{
    return n.kind == GraphNode::Kind::More;
}

// A short word after the value, so that the state reads without colours.
QString stateTag(const GraphNode &n)
{
    if (isLocked(n)) return QStringLiteral("locked");
    if (isInvisible(n) && !n.symbol->isChoice()) {
        for (const MenuNode *m : n.symbol->menus)
            if (m->prompt) return QStringLiteral("hidden");
        return QStringLiteral("no prompt");
    }
    return {};
}

} // namespace

// Where each piece of text goes, relative to the box's top left; shared by
// the size given to the layout engine and the painting.
struct GraphNodeItem::Text
{
    QString name;
    QRectF nameRect;
    QRectF lockRect; // empty unless locked
    QString caption;
    QRectF captionRect;
    QString value;
    QRectF valueRect;
    int valueFlags = Qt::AlignLeft;
    QString tag;
    QRectF tagRect;
    QSizeF size;
};

namespace {

using TextLayout = GraphNodeItem::Text;

TextLayout layOutText(const GraphNode &n, bool showChange)
{
    const QFontMetricsF name(GraphPainter::nameFont());
    const QFontMetricsF caption(GraphPainter::captionFont());
    const QFontMetricsF value(GraphPainter::valueFont());
    const qreal room = kMaxWidth - 2 * kPadX;

    TextLayout t;
    t.caption = qs(nodeCaption(n, 60));
    if (!isMore(n)) {
        t.value = qs(nodeValueText(n, showChange));
        t.tag = stateTag(n);
        if (t.tag == QLatin1String("no prompt") && t.caption == QLatin1String("(no prompt)"))
            t.caption.clear();
    }
    const bool locked = isLocked(n);
    const qreal lockRoom = locked ? kLockSize + 6 : 0;
    t.name = name.elidedText(qs(n.name()), Qt::ElideRight, room - lockRoom);
    t.caption = caption.elidedText(t.caption, Qt::ElideRight, room);
    const qreal nameWidth = name.horizontalAdvance(t.name);
    const qreal captionWidth = caption.horizontalAdvance(t.caption);
    const qreal tagWidth = t.tag.isEmpty() ? 0 : caption.horizontalAdvance(t.tag);
    const qreal valueWidth = value.horizontalAdvance(t.value);
    // Value and tag share a line when they fit; long change texts wrap.
    const bool oneLine = valueWidth + (tagWidth > 0 ? tagWidth + 10 : 0) <= room;
    qreal width = qMax(nameWidth + lockRoom, captionWidth);
    QRectF wrapped;
    if (oneLine) {
        width = qMax(width, valueWidth + (tagWidth > 0 ? tagWidth + 10 : 0));
    } else {
        wrapped = value.boundingRect(QRectF(0, 0, room, 1000), Qt::AlignHCenter | Qt::TextWordWrap,
                                     t.value);
        width = std::max({width, wrapped.width(), tagWidth});
    }
    width = qBound(kMinWidth, std::ceil(width + 2 * kPadX), kMaxWidth);
    const qreal centre = width / 2;

    qreal y = kPadY;
    const qreal nameLeft = centre - (nameWidth + lockRoom) / 2;
    t.nameRect = QRectF(nameLeft, y, nameWidth + 1, name.height());
    if (locked)
        t.lockRect = QRectF(nameLeft + nameWidth + 6, y + (name.height() - kLockSize) / 2,
                            kLockSize * 0.8, kLockSize);
    y += name.height();
    if (!t.caption.isEmpty()) {
        t.captionRect = QRectF(kPadX, y, width - 2 * kPadX, caption.height());
        y += caption.height();
    }
    if (!t.value.isEmpty() && oneLine) {
        const qreal total = valueWidth + (tagWidth > 0 ? tagWidth + 10 : 0);
        const qreal left = centre - total / 2;
        t.valueRect = QRectF(left, y, valueWidth + 1, value.height());
        if (tagWidth > 0)
            t.tagRect = QRectF(left + valueWidth + 10, y + value.ascent() - caption.ascent(),
                               tagWidth + 1, caption.height());
        y += value.height();
    } else if (!t.value.isEmpty()) {
        t.valueRect = QRectF(kPadX, y, width - 2 * kPadX, wrapped.height());
        t.valueFlags = Qt::AlignHCenter | Qt::TextWordWrap;
        y += wrapped.height();
        if (tagWidth > 0) {
            t.tagRect = QRectF(kPadX, y, width - 2 * kPadX, caption.height());
            y += caption.height();
        }
    }
    t.size = QSizeF(width, std::ceil(y + kPadY));
    return t;
}

} // namespace

GraphNodeItem::GraphNodeItem(int index, const GraphNode *node, bool showChange)
    : m_index(index), m_node(node), m_showChange(showChange),
      m_text(std::make_unique<Text>(layOutText(*node, showChange)))
{
    const QSizeF size = m_text->size;
    m_box = QRectF(-size.width() / 2, -size.height() / 2, size.width(), size.height());
    setAcceptHoverEvents(true);
    setCursor(QCursor(Qt::PointingHandCursor));
    setZValue(1);
    setToolTip(toolTipText());
}

GraphNodeItem::~GraphNodeItem() = default;

QSizeF GraphNodeItem::sizeFor(const GraphNode &node, bool showChange)
{
    return layOutText(node, showChange).size;
}

void GraphNodeItem::setHighlighted(bool on)
{
    if (m_highlighted == on) return;
    m_highlighted = on;
    update();
}

void GraphNodeItem::setCurrent(bool on)
{
    if (m_current == on) return;
    m_current = on;
    update();
}

void GraphNodeItem::refresh()
{
    // Same box (the caller lays out again when a box would grow), new texts.
    const QSizeF size = m_text->size;
    *m_text = layOutText(*m_node, m_showChange);
    m_text->size = size;
    setToolTip(toolTipText());
    update();
}

QRectF GraphNodeItem::boundingRect() const
{
    return m_box.adjusted(-kRing, -kRing, kRing, kRing);
}

QPainterPath GraphNodeItem::shape() const
{
    QPainterPath p;
    p.addRoundedRect(m_box, kRadius, kRadius);
    return p;
}

void GraphNodeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    const GraphNode &n = *m_node;
    const ToneColours tone = toneColours(nodeTone(n));
    const QColor fill = GraphPainter::colour(tone.fill);
    const QColor border = GraphPainter::colour(tone.border);
    const QColor text = GraphPainter::colour(tone.text);
    p->setRenderHint(QPainter::Antialiasing);

    // Rings outside the box: changed (outermost), then focus or current.
    if (m_highlighted) {
        p->setPen(QPen(GraphPainter::colour(changedColour()), 3));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(m_box.adjusted(-4.5, -4.5, 4.5, 4.5), kRadius + 4, kRadius + 4);
    }
    if (n.isFocus || m_current) {
        QPen ring(GraphPainter::colour(focusColour()), n.isFocus ? 3 : 2);
        if (!n.isFocus) ring.setDashPattern({3, 2});
        p->setPen(ring);
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(m_box.adjusted(-2, -2, 2, 2), kRadius + 2, kRadius + 2);
    }

    QPen outline(border, m_hovered ? 2.2 : 1.3);
    if (isMore(n))
        outline.setDashPattern({1.5, 2.5});
    else if (isInvisible(n))
        outline.setDashPattern({5, 3});
    p->setPen(outline);
    p->setBrush(fill);
    p->drawRoundedRect(m_box.adjusted(0.6, 0.6, -0.6, -0.6), kRadius, kRadius);

    const Text &t = *m_text;
    const QPointF origin = m_box.topLeft();
    p->setFont(GraphPainter::nameFont());
    p->setPen(text);
    p->drawText(t.nameRect.translated(origin), Qt::AlignLeft, t.name);
    if (!t.lockRect.isEmpty()) GraphPainter::drawLock(p, t.lockRect.translated(origin), border);
    if (!t.caption.isEmpty()) {
        QColor c = text;
        c.setAlphaF(0.8f);
        p->setFont(GraphPainter::captionFont());
        p->setPen(c);
        p->drawText(t.captionRect.translated(origin), Qt::AlignHCenter, t.caption);
    }
    if (!t.value.isEmpty()) {
        p->setFont(GraphPainter::valueFont());
        p->setPen(border.darker(130));
        p->drawText(t.valueRect.translated(origin), t.valueFlags, t.value);
    }
    if (!t.tag.isEmpty()) {
        p->setFont(GraphPainter::captionFont());
        p->setPen(text);
        p->drawText(t.tagRect.translated(origin),
                    t.valueFlags & Qt::TextWordWrap ? Qt::AlignHCenter : Qt::AlignLeft, t.tag);
    }
}

GraphScene *GraphNodeItem::graphScene() const
{
    return qobject_cast<GraphScene *>(scene());
}

QString GraphNodeItem::toolTipText() const
{
    const GraphNode &n = *m_node;
    if (isMore(n))
        return tr("%1 (%2)\nDouble-click to show more of them.")
            .arg(qs(n.name()), qs(nodeCaption(n)));
    const Symbol *s = n.symbol;
    QString tip = qs(s->displayName());
    for (const MenuNode *m : s->menus)
        if (m->prompt) {
            tip += QStringLiteral(": ") + qs(m->prompt->text);
            break;
        }
    tip += QLatin1Char('\n') + QString::fromLatin1(symbolTypeName(s->type));
    if (!s->isChoice()) tip += QStringLiteral(", ") + qs(nodeValueText(n, false));
    if (m_showChange && n.changed) tip += QLatin1Char('\n') + qs(nodeValueText(n, true));
    if (const QString tag = stateTag(n); !tag.isEmpty()) tip += QStringLiteral(", ") + tag;
    if (!s->menus.empty()) tip += QLatin1Char('\n') + qs(s->menus.front()->location.toString());
    return tip + tr("\nClick to select, double-click to expand, right-click to set.");
}

void GraphNodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    // Accepting the press makes the release (the click) come here.
    event->setAccepted(event->button() == Qt::LeftButton);
}

void GraphNodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && shape().contains(event->pos()))
        if (GraphScene *s = graphScene()) emit s->nodeClicked(m_index);
}

void GraphNodeItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) return;
    if (GraphScene *s = graphScene()) emit s->nodeDoubleClicked(m_index);
}

void GraphNodeItem::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    if (GraphScene *s = graphScene()) emit s->nodeMenuRequested(m_index, event->screenPos());
    event->accept();
}

void GraphNodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = true;
    update();
}

void GraphNodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    update();
}
