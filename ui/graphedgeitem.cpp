// SPDX-License-Identifier: MIT
#include "graphedgeitem.h"

#include "graphpainter.h"
#include "graphscene.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>

using namespace kconfig;

namespace {

constexpr qreal kLabelPadX = 4;
constexpr qreal kLabelPadY = 1;

QPointF point(const LayoutPoint &p)
{
    return {p.x, p.y};
}

} // namespace

GraphEdgeItem::GraphEdgeItem(int index, const GraphEdge *edge, const GraphLayout::EdgePath &path)
    : m_index(index), m_edge(edge), m_label(QString::fromStdString(edge->label))
{
    if (!path.points.empty()) {
        m_path.moveTo(point(path.points.front()));
        for (std::size_t i = 1; i + 2 < path.points.size(); i += 3)
            m_path.cubicTo(point(path.points[i]), point(path.points[i + 1]),
                           point(path.points[i + 2]));
        m_hasArrow = path.hasArrow;
        m_arrowFrom = point(path.points.back());
        m_arrowTip = point(path.arrowTip);
    }
    if (!m_label.isEmpty()) {
        const QSizeF size = labelSize(m_label);
        m_labelRect =
            QRectF(point(path.labelCentre) - QPointF(size.width(), size.height()) / 2, size);
    }
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    m_shape = stroker.createStroke(m_path);
    if (m_hasArrow) {
        QPainterPath head;
        head.moveTo(m_arrowFrom);
        head.lineTo(m_arrowTip);
        m_shape.addPath(stroker.createStroke(head));
    }
    if (!m_labelRect.isEmpty()) m_shape.addRect(m_labelRect);
    setAcceptHoverEvents(true);
}

QSizeF GraphEdgeItem::labelSize(const QString &label)
{
    const QFontMetricsF m(GraphPainter::labelFont());
    return {std::ceil(m.horizontalAdvance(label) + 2 * kLabelPadX),
            std::ceil(m.height() + 2 * kLabelPadY)};
}

QRectF GraphEdgeItem::boundingRect() const
{
    return m_shape.boundingRect().adjusted(-2, -2, 2, 2);
}

QPainterPath GraphEdgeItem::shape() const
{
    return m_shape;
}

void GraphEdgeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    p->setRenderHint(QPainter::Antialiasing);
    QPen pen = GraphPainter::edgePen(m_edge->kind, m_edge->stopped, m_edge->inactive);
    if (m_hovered) {
        pen.setWidthF(pen.widthF() + 1.6);
        pen.setColor(pen.color().darker(120));
    }
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(m_path);
    if (m_hasArrow)
        GraphPainter::drawArrowHead(p, m_arrowFrom, m_arrowTip, m_edge->kind, pen.color());
    if (!m_labelRect.isEmpty()) {
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(255, 255, 255, 225));
        p->drawRoundedRect(m_labelRect, 3, 3);
        QColor text = pen.color();
        text.setAlpha(255);
        p->setPen(text.darker(m_hovered ? 140 : 110));
        p->setFont(GraphPainter::labelFont());
        p->drawText(m_labelRect, Qt::AlignCenter, m_label);
    }
}

void GraphEdgeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = true;
    setZValue(0.5);
    if (auto *s = qobject_cast<GraphScene *>(scene())) setToolTip(s->edgeDescription(m_index));
    update();
}

void GraphEdgeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    setZValue(0);
    update();
}
