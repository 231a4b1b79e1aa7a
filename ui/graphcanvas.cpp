// SPDX-License-Identifier: MIT
#include "graphcanvas.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

GraphCanvas::GraphCanvas(QWidget *parent) : QGraphicsView(parent)
{
    setDragMode(QGraphicsView::ScrollHandDrag);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setBackgroundBrush(Qt::white);
    setFocusPolicy(Qt::StrongFocus);
}

void GraphCanvas::setZoom(qreal factor, const QPointF &anchor)
{
    factor = qBound(MinZoom, factor, MaxZoom);
    const QPointF viewAnchor = anchor.isNull() ? QPointF(viewport()->rect().center()) : anchor;
    const QPointF sceneAnchor = mapToScene(viewAnchor.toPoint());
    setTransform(QTransform::fromScale(factor, factor));
    // Keep the scene point under the anchor where it was.
    const QPointF moved = mapFromScene(sceneAnchor);
    const QPointF delta = moved - viewAnchor;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(delta.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(delta.y()));
    emit zoomChanged(factor);
}

void GraphCanvas::zoomIn()
{
    setZoom(zoom() * Step);
}

void GraphCanvas::zoomOut()
{
    setZoom(zoom() / Step);
}

void GraphCanvas::fitPicture()
{
    if (!scene()) return;
    const QRectF r = scene()->sceneRect();
    if (r.isEmpty()) return;
    const QRectF room = viewport()->rect().adjusted(4, 4, -4, -4);
    const qreal factor =
        qMin<qreal>(1.0, qMin(room.width() / r.width(), room.height() / r.height()));
    setTransform(QTransform::fromScale(qMax(MinZoom, factor), qMax(MinZoom, factor)));
    centerOn(r.center());
    emit zoomChanged(zoom());
}

void GraphCanvas::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const int steps = event->angleDelta().y();
    if (steps == 0) return;
    setZoom(zoom() * std::pow(Step, steps / 120.0), event->position());
    event->accept();
}

void GraphCanvas::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_F:
    case Qt::Key_0:
        fitPicture();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}
