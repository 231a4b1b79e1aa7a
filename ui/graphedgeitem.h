// SPDX-License-Identifier: MIT
// An edge of a graph picture along the spline the layout computed, in its
// kind's style (see the legend), with an optional label. Hovering shows the
// written lines behind it with the current values of their expressions and
// where they are written.
#pragma once

#include <kconfig/dependencygraph.h>
#include <kconfig/graphlayout.h>

#include <QGraphicsItem>
#include <QPainterPath>

class GraphScene;

class GraphEdgeItem : public QGraphicsItem
{
public:
    // `edge` must outlive the item (it lives in the GraphScene's graph).
    GraphEdgeItem(int index, const kconfig::GraphEdge *edge,
                  const kconfig::GraphLayout::EdgePath &path);

    // The room a label needs (what the layout engine is given).
    static QSizeF labelSize(const QString &label);

    int index() const { return m_index; }
    const kconfig::GraphEdge &edge() const { return *m_edge; }
    QPainterPath path() const { return m_path; }
    bool isHovered() const { return m_hovered; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    int m_index;
    const kconfig::GraphEdge *m_edge;
    QPainterPath m_path;
    bool m_hasArrow = false;
    QPointF m_arrowFrom;
    QPointF m_arrowTip;
    QString m_label;
    QRectF m_labelRect;
    QPainterPath m_shape;
    bool m_hovered = false;
};
