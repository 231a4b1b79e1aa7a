// SPDX-License-Identifier: MIT
// A graph picture as a scene: our own items placed where Graphviz put them,
// a title line and the legend. Building it takes two steps so that the
// layout can run off the GUI thread: layoutRequest() measures the nodes and
// labels, layOutGraph() (kconfig/graphlayout.h) runs anywhere, showGraph()
// places the items. The window's graph tab and the CLI's picture export use
// the same scene, so both draw the same picture.
#pragma once

#include <kconfig/dependencygraph.h>
#include <kconfig/graphlayout.h>

#include <QGraphicsScene>

#include <functional>
#include <vector>

class GraphEdgeItem;
class GraphNodeItem;
class QGraphicsSimpleTextItem;

class GraphScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit GraphScene(QObject *parent = nullptr);
    ~GraphScene() override;

    // Node and label sizes for the layout engine (GUI thread: needs fonts).
    // `showChange`: nodes say how they changed (cause graphs).
    static kconfig::LayoutRequest layoutRequest(const kconfig::DependencyGraph &graph,
                                                bool showChange);
    // Replaces the picture; `layout` comes from layoutRequest() of the same graph.
    void showGraph(kconfig::DependencyGraph graph, const kconfig::GraphLayout &layout,
                   bool showChange);
    void clearGraph();
    const kconfig::DependencyGraph &graph() const { return m_graph; }
    bool showsChange() const { return m_showChange; }

    // The line above the graph, e.g. "Linux/x86 6.12 · x86_64 · IOMMUFD n -> m";
    // it breaks at its " · " where it is wider than the picture.
    void setTitle(const QString &title);
    // The size the picture is shown at (a canvas, a page): the legend goes
    // below or beside the graph, whichever fits that size better. Takes
    // effect with the next showGraph(); the default suits a landscape page.
    void setTargetSize(const QSizeF &size) { m_targetSize = size; }
    QString title() const { return m_titleText; }
    // Text for an edge's tooltip (the owner knows the values).
    void setEdgeDescriber(std::function<QString(const kconfig::GraphEdge &)> describer);
    QString edgeDescription(int edge) const;

    // Node states changed (same sizes): repaint with the graph's new states.
    void refreshNodes();
    void setHighlighted(const std::vector<const kconfig::Symbol *> &symbols);
    void setCurrentSymbol(const kconfig::Symbol *symbol);

    GraphNodeItem *nodeItem(int index) const;
    GraphNodeItem *nodeItem(const kconfig::Symbol *symbol) const;
    const std::vector<GraphNodeItem *> &nodeItems() const { return m_nodes; }
    const std::vector<GraphEdgeItem *> &edgeItems() const { return m_edges; }
    // Everything an export shows: title, graph and legend, with a margin.
    QRectF pictureRect() const;

signals:
    void nodeClicked(int index);
    void nodeDoubleClicked(int index);
    void nodeMenuRequested(int index, const QPoint &screenPos);

private:
    void placeDecorations(const QRectF &graphRect);
    void updateLegend();
    void placeTitle();

    kconfig::DependencyGraph m_graph;
    bool m_showChange = false;
    std::vector<GraphNodeItem *> m_nodes;
    std::vector<GraphEdgeItem *> m_edges;
    QGraphicsSimpleTextItem *m_title = nullptr;
    QGraphicsItem *m_legend = nullptr;
    QString m_titleText;
    QRectF m_graphRect;
    QSizeF m_targetSize{1600, 1000};
    std::function<QString(const kconfig::GraphEdge &)> m_describer;
};
