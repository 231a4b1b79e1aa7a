// SPDX-License-Identifier: MIT
// The pieces graph pictures are drawn from, shared by the node, edge and
// legend items so that the legend shows exactly what the graph uses: fonts
// (pixel sizes, so a picture looks the same in the window and from the CLI),
// core's colours and line styles as pens, arrow heads and the lock glyph.
#pragma once

#include <kconfig/dependencyindex.h>
#include <kconfig/graphstyle.h>

#include <QColor>
#include <QFont>
#include <QPen>

class QPainter;
class QPointF;
class QRectF;

class GraphPainter
{
public:
    static QFont nameFont();
    static QFont captionFont();
    static QFont valueFont();
    static QFont labelFont(); // edge labels
    static QFont titleFont();

    static QColor colour(const char *hex);
    // `stopped`: a select/imply/default that no longer applies (cause graphs);
    // `inactive`: references that do not take effect now (neighbourhoods).
    static QPen edgePen(kconfig::DependencyKind kind, bool stopped = false, bool inactive = false);
    // An arrow head of `kind`'s style with its tip at `tip`, pointing away from `from`.
    static void drawArrowHead(QPainter *p, const QPointF &from, const QPointF &tip,
                              kconfig::DependencyKind kind, const QColor &colour);
    // A small padlock filling `box`.
    static void drawLock(QPainter *p, const QRectF &box, const QColor &colour);
    static constexpr qreal ArrowLength = 9;
};
