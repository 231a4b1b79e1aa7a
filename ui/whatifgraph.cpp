// SPDX-License-Identifier: MIT
#include "whatifgraph.h"

#include "graphcanvas.h"
#include "graphnodeitem.h"
#include "graphscene.h"
#include "whatifimpactjob.h"

#include <kconfig/causegraph.h>
#include <kconfig/config.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QLabel>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace kconfig;

namespace {

// A baseline's changes as the change report of an action on the edited
// tree. The roots are where the edit is: a changed symbol whose own lines
// were edited, and the symbol a select or imply was written in (added even
// when its own state did not move), with an edge to what it selects.
ChangeReport changeReportOf(const BaselineImpact &impact, const Tree &edited)
{
    ChangeReport r;
    r.description = impact.baseline.name;
    r.before = impact.valuesBefore;
    for (const ImpactChange &c : impact.changes) {
        const Symbol *sym = edited.symbols().find(c.symbol);
        if (!sym || !c.existsAfter) continue;
        ChangeReport::Node n;
        n.symbol = sym;
        n.before = c.before;
        n.after = c.after;
        n.reasons = c.reasons;
        for (const std::string &cause : c.causes)
            if (const Symbol *s = edited.symbols().find(cause)) n.causes.push_back(s);
        r.nodes.push_back(std::move(n));
    }
    std::vector<ChangeReport::Node> writers; // edited symbols that did not change
    const auto hasNode = [&](const Symbol *s) {
        const auto is = [s](const ChangeReport::Node &n) { return n.symbol == s; };
        return std::any_of(r.nodes.begin(), r.nodes.end(), is) ||
               std::any_of(writers.begin(), writers.end(), is);
    };
    for (ChangeReport::Node &n : r.nodes) {
        for (Fact &f : n.reasons) {
            if (f.kind != Fact::Kind::Edit || !f.symbol) continue;
            if (f.symbol == n.symbol) {
                n.isSubject = true;
                continue;
            }
            // A select/imply of this symbol, written in f.symbol.
            if (std::find(n.causes.begin(), n.causes.end(), f.symbol) == n.causes.end())
                n.causes.push_back(f.symbol);
            if (std::find(f.causes.begin(), f.causes.end(), f.symbol) == f.causes.end())
                f.causes.push_back(f.symbol);
            if (!hasNode(f.symbol) && impact.configAfter) {
                ChangeReport::Node w;
                w.symbol = f.symbol;
                w.after = w.before = impact.configAfter->snapshot(f.symbol);
                w.isSubject = true;
                writers.push_back(std::move(w));
            }
        }
    }
    r.nodes.insert(r.nodes.begin(), std::make_move_iterator(writers.begin()),
                   std::make_move_iterator(writers.end()));
    return r;
}

// Edges that only an edit carries ("select IOMMUFD" added in VFIO) read as
// the edit, "select added" or "imply removed", with the edit as their reason.
void labelEditEdges(DependencyGraph &graph, const ChangeReport &report)
{
    for (GraphEdge &e : graph.edges) {
        if (!e.reasons.empty()) continue;
        const Symbol *from = graph.nodes[std::size_t(e.from)].symbol;
        const ChangeReport::Node *to = report.node(graph.nodes[std::size_t(e.to)].symbol);
        if (!from || !to) continue;
        for (const Fact &f : to->reasons) {
            if (f.kind != Fact::Kind::Edit || f.symbol != from) continue;
            const std::string &line = f.detail == 1 ? f.valueBefore : f.valueAfter;
            const bool imply = line.rfind("imply ", 0) == 0;
            e.kind = imply ? DependencyKind::Imply : DependencyKind::Select;
            e.stopped = f.detail == 1;
            const char *how = f.detail == 0 ? "added" : f.detail == 1 ? "removed" : "edited";
            e.label = std::string(imply ? "imply " : "select ") + how;
            e.reasons = {&f};
            break;
        }
    }
}

} // namespace

WhatIfGraph::WhatIfGraph(QWidget *parent)
    : QWidget(parent), m_watcher(new QFutureWatcher<GraphLayout>(this)),
      m_scene(new GraphScene(this)), m_canvas(new GraphCanvas)
{
    m_canvas->setScene(m_scene);
    auto *bar = new QToolBar;
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(tr("Fit"), m_canvas, &GraphCanvas::fitPicture)->setToolTip(tr("Fit (F)"));
    bar->addAction(tr("Zoom In"), m_canvas, &GraphCanvas::zoomIn);
    bar->addAction(tr("Zoom Out"), m_canvas, &GraphCanvas::zoomOut);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setContentsMargins(6, 2, 6, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_status);

    connect(m_watcher, &QFutureWatcher<GraphLayout>::finished, this,
            &WhatIfGraph::onLayoutFinished);
    connect(m_scene, &GraphScene::nodeClicked, this, [this](int index) {
        const GraphNodeItem *item = m_scene->nodeItem(index);
        if (item && item->node().symbol)
            emit symbolRequested(QString::fromStdString(item->node().symbol->name));
    });
    clear(tr("Run a what-if report, then choose a baseline's graph."));
}

WhatIfGraph::~WhatIfGraph()
{
    m_watcher->waitForFinished();
}

void WhatIfGraph::clear(const QString &message)
{
    ++m_generation;
    m_scene->clearGraph();
    m_status->setText(message);
}

void WhatIfGraph::showBaseline(std::shared_ptr<WhatIfResult> result, int baseline)
{
    if (!result || !result->edited || baseline < 0 ||
        baseline >= int(result->report.baselines.size())) {
        clear(tr("No report to draw."));
        return;
    }
    const BaselineImpact &b = result->report.baselines[std::size_t(baseline)];
    m_result = result;
    m_report = std::make_shared<ChangeReport>(changeReportOf(b, *result->edited->tree));
    if (m_report->nodes.empty()) {
        clear(
            tr("%1: the edit changes nothing here.").arg(QString::fromStdString(b.baseline.name)));
        return;
    }
    int n = 0;
    for (const ChangeReport::Node &node : m_report->nodes)
        n += node.before == node.after ? 0 : 1;
    m_title = tr("What-if \u00b7 %1 \u00b7 %2 changed")
                  .arg(QString::fromStdString(b.baseline.name),
                       n == 1 ? tr("1 symbol") : tr("%1 symbols").arg(n));
    m_status->setText(tr("Laying out\u2026"));
    m_pending = causeGraph(*m_report);
    labelEditEdges(m_pending, *m_report);
    const LayoutRequest request = GraphScene::layoutRequest(m_pending, true);
    m_layoutGeneration = ++m_generation;
    m_watcher->setFuture(QtConcurrent::run([request] { return layOutGraph(request); }));
}

void WhatIfGraph::onLayoutFinished()
{
    if (m_layoutGeneration != m_generation || !m_watcher->isFinished()) return;
    const GraphLayout layout = m_watcher->result();
    m_scene->setTitle(m_title);
    m_scene->showGraph(std::move(m_pending), layout, true);
    m_pending = {};
    m_canvas->fitPicture();
    m_status->setText(layout.ok ? tr("Each arrow runs from a cause to what it changed, labelled "
                                     "with the rule. Click a symbol to select it.")
                                : tr("Graphviz could not lay out this graph."));
    emit layoutFinished();
}
