// SPDX-License-Identifier: MIT
#include "whatifgraph.h"

#include "graphcanvas.h"
#include "graphnodeitem.h"
#include "graphscene.h"
#include "whatifimpactjob.h"

#include <kconfig/causegraph.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QLabel>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace kconfig;

namespace {

// A baseline's changes as the change report of an action on the edited
// tree: the edited symbols have no cause in the tree, so they are the roots.
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
    return r;
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
    const int n = int(m_report->nodes.size());
    m_title = tr("What-if \u00b7 %1 \u00b7 %2 changed")
                  .arg(QString::fromStdString(b.baseline.name),
                       n == 1 ? tr("1 symbol") : tr("%1 symbols").arg(n));
    m_status->setText(tr("Laying out\u2026"));
    m_pending = causeGraph(*m_report);
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
