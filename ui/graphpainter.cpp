// SPDX-License-Identifier: MIT
#include "graphpainter.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QtMath>

using namespace kconfig;

namespace {

QFont sized(int pixels, bool bold)
{
    QFont f = QGuiApplication::font();
    f.setPixelSize(pixels);
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferAntialias);
    return f;
}

} // namespace

QFont GraphPainter::nameFont()
{
    return sized(13, true);
}

QFont GraphPainter::captionFont()
{
    return sized(11, false);
}

QFont GraphPainter::valueFont()
{
    return sized(12, true);
}

QFont GraphPainter::labelFont()
{
    return sized(11, false);
}

QFont GraphPainter::titleFont()
{
    return sized(16, true);
}

QColor GraphPainter::colour(const char *hex)
{
    return QColor(QLatin1String(hex));
}

QPen GraphPainter::edgePen(DependencyKind kind, bool stopped, bool inactive)
{
    const EdgeStyle st = edgeStyle(kind);
    QColor c = colour(st.colour);
    if (stopped) c.setAlphaF(0.55f);
    if (inactive) c.setAlphaF(0.3f);
    QPen pen(c, st.width);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::RoundJoin);
    switch (stopped ? LinePattern::Dashed : st.pattern) {
    case LinePattern::Dashed:
        pen.setDashPattern({5, 3});
        break;
    case LinePattern::Dotted:
        pen.setDashPattern({1.2, 2.4});
        pen.setCapStyle(Qt::RoundCap);
        break;
    case LinePattern::Solid:
        break;
    }
    return pen;
}

void GraphPainter::drawArrowHead(QPainter *p, const QPointF &from, const QPointF &tip,
                                 DependencyKind kind, const QColor &colour)
{
    const QLineF line(from, tip);
    if (line.length() < 0.01) return;
    const qreal angle = qDegreesToRadians(line.angle());
    const QPointF dir(qCos(angle), -qSin(angle));
    const QPointF normal(-dir.y(), dir.x());
    const ArrowHead head = edgeStyle(kind).arrow;
    const qreal len = qMin<qreal>(ArrowLength, qMax<qreal>(line.length(), 6));
    const qreal half = head == ArrowHead::Diamond ? len * 0.35 : len * 0.4;
    p->save();
    p->setPen(QPen(colour, 1.2, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    QPolygonF poly;
    if (head == ArrowHead::Diamond) {
        const QPointF mid = tip - dir * (len / 2);
        poly << tip << mid + normal * half << tip - dir * len << mid - normal * half;
    } else {
        const QPointF base = tip - dir * len;
        poly << tip << base + normal * half << base - normal * half;
    }
    p->setBrush(head == ArrowHead::Filled ? QBrush(colour) : QBrush(Qt::white));
    p->drawPolygon(poly);
    p->restore();
}

void GraphPainter::drawLock(QPainter *p, const QRectF &box, const QColor &colour)
{
    p->save();
    const qreal w = box.width(), h = box.height();
    const QRectF body(box.left(), box.top() + h * 0.45, w, h * 0.55);
    QPainterPath shackle;
    const QRectF arc(box.left() + w * 0.2, box.top(), w * 0.6, h * 0.7);
    shackle.moveTo(arc.left(), body.top());
    shackle.lineTo(arc.left(), arc.center().y());
    shackle.arcTo(arc, 180, -180);
    shackle.lineTo(arc.right(), body.top());
    p->setPen(QPen(colour, qMax<qreal>(1.2, w * 0.14)));
    p->setBrush(Qt::NoBrush);
    p->drawPath(shackle);
    p->setPen(Qt::NoPen);
    p->setBrush(colour);
    p->drawRoundedRect(body, 1.2, 1.2);
    p->restore();
}
