// SPDX-License-Identifier: MIT
// The legend of a graph picture: the edge kinds it uses, drawn with the same
// pens and arrow heads, and what node colours, outlines, rings and the
// padlock mean. Part of the scene, so exported pictures carry it.
#pragma once

#include <kconfig/dependencyindex.h>

#include <QCoreApplication>
#include <QGraphicsItem>

#include <vector>

class QFontMetricsF;

class GraphLegendItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(GraphLegendItem)

public:
    struct Content
    {
        std::vector<kconfig::DependencyKind> kinds; // edge kinds in effect in the graph
        bool causeGraph = false;                    // arrows read "cause -> effect"
        bool stopped = false;                       // some rule stopped applying
        bool more = false;                          // "+N more" nodes
        bool changed = false;                       // rings of symbols an action changed
        // Kinds of edges whose references do not take effect now.
        std::vector<kconfig::DependencyKind> inactive;
    };

    explicit GraphLegendItem(Content content);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    static QString inactiveText(kconfig::DependencyKind kind);
    qreal edgeColumnWidth(const QFontMetricsF &metrics) const;

    Content m_content;
    QSizeF m_size;
};
