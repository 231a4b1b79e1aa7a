// SPDX-License-Identifier: MIT
#include "graphscene.h"

#include "graphedgeitem.h"
#include "graphlegenditem.h"
#include "graphnodeitem.h"
#include "graphpainter.h"

#include <QBrush>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>

#include <algorithm>

using namespace kconfig;

namespace {

constexpr qreal kMargin = 16;
constexpr qreal kDecorationGap = 18;

// `title` in lines no wider than `width`, broken at its " · " separators.
QString wrapped(const QString &title, const QFont &font, qreal width)
{
    const QFontMetricsF m(font);
    if (m.horizontalAdvance(title) <= width) return title;
    const QString separator = QStringLiteral(" \u00b7 ");
    QStringList lines;
    for (const QString &part : title.split(separator)) {
        if (!lines.isEmpty() && m.horizontalAdvance(lines.last() + separator + part) <= width)
            lines.last() += separator + part;
        else
            lines << part;
    }
    return lines.join(QLatin1Char('\n'));
}

// How large a picture of `size` shows in `room`.
qreal fitScale(const QSizeF &size, const QSizeF &room)
{
    return std::min(room.width() / size.width(), room.height() / size.height());
}

} // namespace

GraphScene::GraphScene(QObject *parent) : QGraphicsScene(parent)
{
    setBackgroundBrush(Qt::white);
    setItemIndexMethod(QGraphicsScene::NoIndex);
}

GraphScene::~GraphScene() = default;

LayoutRequest GraphScene::layoutRequest(const DependencyGraph &graph, bool showChange)
{
    LayoutRequest r;
    for (const GraphNode &n : graph.nodes) {
        const QSizeF s = GraphNodeItem::sizeFor(n, showChange);
        r.nodes.push_back({s.width(), s.height()});
    }
    for (const GraphEdge &e : graph.edges) {
        LayoutRequest::Edge le{e.from, e.to};
        if (!e.label.empty()) {
            const QSizeF s = GraphEdgeItem::labelSize(QString::fromStdString(e.label));
            le.labelWidth = s.width();
            le.labelHeight = s.height();
        }
        r.edges.push_back(le);
    }
    return r;
}

void GraphScene::clearGraph()
{
    clear();
    m_nodes.clear();
    m_edges.clear();
    m_title = nullptr;
    m_legend = nullptr;
    m_graph = {};
    m_graphRect = {};
    setSceneRect(QRectF());
}

void GraphScene::showGraph(DependencyGraph graph, const GraphLayout &layout, bool showChange)
{
    clearGraph();
    m_graph = std::move(graph);
    m_showChange = showChange;
    if (!layout.ok || layout.nodeCentres.size() != m_graph.nodes.size() ||
        layout.edges.size() != m_graph.edges.size())
        return;
    for (std::size_t i = 0; i < m_graph.edges.size(); ++i) {
        auto *item = new GraphEdgeItem(static_cast<int>(i), &m_graph.edges[i], layout.edges[i]);
        addItem(item);
        m_edges.push_back(item);
    }
    for (std::size_t i = 0; i < m_graph.nodes.size(); ++i) {
        auto *item = new GraphNodeItem(static_cast<int>(i), &m_graph.nodes[i], showChange);
        item->setPos(layout.nodeCentres[i].x, layout.nodeCentres[i].y);
        addItem(item);
        m_nodes.push_back(item);
    }
    placeDecorations(QRectF(0, 0, layout.width, layout.height));
}

void GraphScene::placeDecorations(const QRectF &graphRect)
{
    m_graphRect = graphRect;
    updateLegend();
    m_title = addSimpleText(m_titleText, GraphPainter::titleFont());
    m_title->setBrush(QColor(0x20, 0x20, 0x20));
    placeTitle();
}

void GraphScene::placeTitle()
{
    if (!m_title) return;
    QRectF content = m_graphRect;
    if (m_legend) content |= m_legend->sceneBoundingRect();
    m_title->setText(wrapped(m_titleText, m_title->font(), std::max<qreal>(content.width(), 320)));
    m_title->setPos(content.left(),
                    m_graphRect.top() - m_title->boundingRect().height() - kDecorationGap);
    setSceneRect(pictureRect());
}

void GraphScene::updateLegend()
{
    GraphLegendItem::Content content;
    content.causeGraph = m_showChange;
    for (const GraphEdge &e : m_graph.edges) {
        auto &kinds = e.inactive ? content.inactive : content.kinds;
        if (std::find(kinds.begin(), kinds.end(), e.kind) == kinds.end()) kinds.push_back(e.kind);
        content.stopped = content.stopped || e.stopped;
    }
    std::sort(content.kinds.begin(), content.kinds.end());
    std::sort(content.inactive.begin(), content.inactive.end());
    for (const GraphNode &n : m_graph.nodes)
        content.more = content.more || n.kind == GraphNode::Kind::More;
    for (const GraphNodeItem *item : m_nodes)
        content.changed = content.changed || item->isHighlighted();
    delete m_legend;
    auto *legend = new GraphLegendItem(content);
    const QRectF lr = legend->boundingRect();
    // Below the graph or beside it, whichever makes the picture fit its target better.
    const QRectF below(m_graphRect.left(), m_graphRect.bottom() + kDecorationGap, lr.width(),
                       lr.height());
    const QRectF beside(m_graphRect.right() + kDecorationGap, m_graphRect.top(), lr.width(),
                        lr.height());
    const bool besideFits =
        m_targetSize.isValid() && fitScale((m_graphRect | beside).size(), m_targetSize) >
                                      fitScale((m_graphRect | below).size(), m_targetSize);
    legend->setPos((besideFits ? beside : below).topLeft());
    addItem(legend);
    m_legend = legend;
}

void GraphScene::setTitle(const QString &title)
{
    m_titleText = title;
    placeTitle();
}

void GraphScene::setEdgeDescriber(std::function<QString(const GraphEdge &)> describer)
{
    m_describer = std::move(describer);
}

QString GraphScene::edgeDescription(int edge) const
{
    if (!m_describer || edge < 0 || edge >= static_cast<int>(m_graph.edges.size())) return {};
    return m_describer(m_graph.edges[static_cast<std::size_t>(edge)]);
}

void GraphScene::refreshNodes()
{
    for (GraphNodeItem *item : m_nodes)
        item->refresh();
}

void GraphScene::setHighlighted(const std::vector<const Symbol *> &symbols)
{
    bool changed = false;
    for (GraphNodeItem *item : m_nodes) {
        const GraphNode &n = item->node();
        const bool on = n.kind == GraphNode::Kind::Symbol &&
                        std::find(symbols.begin(), symbols.end(), n.symbol) != symbols.end();
        changed = changed || on != item->isHighlighted();
        item->setHighlighted(on);
    }
    if (changed && !m_nodes.empty()) {
        updateLegend();
        placeTitle();
    }
}

void GraphScene::setCurrentSymbol(const Symbol *symbol)
{
    for (GraphNodeItem *item : m_nodes)
        item->setCurrent(item->node().kind == GraphNode::Kind::Symbol &&
                         item->node().symbol == symbol);
}

GraphNodeItem *GraphScene::nodeItem(int index) const
{
    return index >= 0 && index < static_cast<int>(m_nodes.size())
               ? m_nodes[static_cast<std::size_t>(index)]
               : nullptr;
}

GraphNodeItem *GraphScene::nodeItem(const Symbol *symbol) const
{
    return nodeItem(m_graph.indexOf(symbol));
}

QRectF GraphScene::pictureRect() const
{
    QRectF r = m_graphRect;
    if (m_legend) r |= m_legend->sceneBoundingRect();
    if (m_title) r |= m_title->sceneBoundingRect();
    for (const GraphNodeItem *n : m_nodes)
        r |= n->sceneBoundingRect();
    return r.adjusted(-kMargin, -kMargin, kMargin, kMargin);
}
