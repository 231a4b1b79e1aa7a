// SPDX-License-Identifier: MIT
#include "graphview.h"

#include "graphcanvas.h"
#include "graphexport.h"
#include "graphnodeitem.h"
#include "graphscene.h"
#include "navigationhistory.h"
#include "tristatelimits.h"

#include <kconfig/causegraph.h>
#include <kconfig/config.h>
#include <kconfig/dependencyindex.h>
#include <kconfig/explainer.h>
#include <kconfig/menunode.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace kconfig;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Arrows for the screen, as the why panel shows them.
QString display(const std::string &s)
{
    return qs(s).replace(QStringLiteral(" -> "), QStringLiteral(" \u2192 "));
}

// The entry to select for a symbol: the definition with a prompt, if any.
const MenuNode *menuOf(const Symbol *s)
{
    if (s->menus.empty()) return nullptr;
    for (const MenuNode *m : s->menus)
        if (m->prompt) return m;
    return s->menus.front();
}

QString directionText(GraphDirection d)
{
    switch (d) {
    case GraphDirection::Needs:
        return GraphView::tr("what it needs");
    case GraphDirection::NeededBy:
        return GraphView::tr("what needs it");
    case GraphDirection::Both:
        break;
    }
    return GraphView::tr("needs and needed by");
}

// Graphs up to this size are laid out both ways to fit the canvas (see below).
constexpr std::size_t kMaxNodesForTwoLayouts = 120;

// Graphviz's left-to-right picture, or its top-to-bottom one when that fits
// the canvas clearly better: a narrow tab and a neighbourhood of a few wide
// ranks read better from top to bottom. `room` is the canvas in pixels; an
// empty one keeps the request's direction.
GraphLayout layOutForCanvas(LayoutRequest request, QSizeF room)
{
    if (room.isEmpty()) return layOutGraph(request);
    request.direction = LayoutRequest::Direction::LeftToRight;
    GraphLayout wide = layOutGraph(request);
    if (!wide.ok || request.nodes.size() > kMaxNodesForTwoLayouts) return wide;
    // The scale the canvas fits the picture at (title line and margins added).
    const auto fit = [&room](const GraphLayout &l) {
        return std::min({1.0, room.width() / (l.width + 40), room.height() / (l.height + 80)});
    };
    if (fit(wide) >= 1.0) return wide;
    request.direction = LayoutRequest::Direction::TopToBottom;
    GraphLayout tall = layOutGraph(request);
    return tall.ok && fit(tall) > fit(wide) * 1.15 ? tall : wide;
}

} // namespace

GraphView::GraphView(ConfigDocument *doc, NavigationHistory *history, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_history(history),
      m_watcher(new QFutureWatcher<GraphLayout>(this)), m_scene(new GraphScene(this)),
      m_canvas(new GraphCanvas)
{
    setObjectName(QStringLiteral("GraphView"));
    m_query.kinds = AllDependencyKinds & ~dependencyKindBit(DependencyKind::MenuParent);
    m_canvas->setScene(m_scene);
    m_scene->setEdgeDescriber([this](const GraphEdge &e) { return edgeText(e); });

    // Two rows, so that a narrow tab shows every control: the picture's
    // (mode, zoom, export), then the neighbourhood's (hidden for change graphs).
    auto *bar = new QToolBar;
    m_queryBar = new QToolBar;
    createToolBars(bar, m_queryBar);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setContentsMargins(6, 2, 6, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_queryBar);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_status);

    connect(m_doc, &ConfigDocument::loaded, this, &GraphView::onLoaded);
    connect(m_doc, &ConfigDocument::valuesChanged, this, &GraphView::onValuesChanged);
    connect(m_history, &NavigationHistory::currentChanged, this, &GraphView::onCurrentChanged);
    connect(m_scene, &GraphScene::nodeClicked, this, &GraphView::onNodeClicked);
    connect(m_scene, &GraphScene::nodeDoubleClicked, this, &GraphView::onNodeDoubleClicked);
    connect(m_scene, &GraphScene::nodeMenuRequested, this, &GraphView::onNodeMenu);
    connect(m_watcher, &QFutureWatcher<GraphLayout>::finished, this, &GraphView::onLayoutFinished);
    onLoaded();
}

GraphView::~GraphView()
{
    m_watcher->waitForFinished();
}

void GraphView::createToolBars(QToolBar *bar, QToolBar *queryBar)
{
    for (QToolBar *b : {bar, queryBar}) {
        b->setIconSize(QSize(16, 16));
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    auto *modes = new QActionGroup(this);
    m_neighbourhoodAction =
        bar->addAction(tr("Neighbourhood"), this, [this] { setMode(Mode::Neighbourhood); });
    m_neighbourhoodAction->setToolTip(tr("The symbols around the selected one"));
    m_changesAction = bar->addAction(tr("Change graph"), this, [this] { setMode(Mode::Changes); });
    m_changesAction->setToolTip(tr("What the last action changed, and why"));
    for (QAction *a : {m_neighbourhoodAction, m_changesAction}) {
        a->setCheckable(true);
        modes->addAction(a);
    }
    m_neighbourhoodAction->setChecked(true);
    bar->addSeparator();

    m_direction = new QComboBox;
    m_direction->addItem(directionText(GraphDirection::Both));
    m_direction->addItem(directionText(GraphDirection::Needs));
    m_direction->addItem(directionText(GraphDirection::NeededBy));
    m_direction->setToolTip(tr("Follow what the symbol's entry names (needs), the entries that "
                               "name it (needed by), or both"));
    connect(m_direction, &QComboBox::activated, this, [this](int i) {
        setDirection(i == 1   ? GraphDirection::Needs
                     : i == 2 ? GraphDirection::NeededBy
                              : GraphDirection::Both);
    });
    m_directionAction = queryBar->addWidget(m_direction);

    m_depth = new QSpinBox;
    m_depth->setRange(1, 4);
    m_depth->setValue(m_query.depth);
    m_depth->setSuffix(tr(" hop(s)"));
    m_depth->setToolTip(tr("How many edges away from the symbol"));
    connect(m_depth, &QSpinBox::valueChanged, this, [this](int d) { setDepth(d); });
    m_depthAction = queryBar->addWidget(m_depth);

    auto *kindsMenu = new QMenu(this);
    for (int i = 0; i < DependencyKindCount; ++i) {
        const auto kind = static_cast<DependencyKind>(i);
        QAction *a = kindsMenu->addAction(QString::fromLatin1(dependencyKindName(kind)));
        a->setCheckable(true);
        a->setChecked(m_query.kinds & dependencyKindBit(kind));
        connect(a, &QAction::toggled, this, [this] {
            unsigned kinds = 0;
            for (int k = 0; k < DependencyKindCount; ++k)
                if (m_kindActions[static_cast<std::size_t>(k)]->isChecked())
                    kinds |= dependencyKindBit(static_cast<DependencyKind>(k));
            setKinds(kinds);
        });
        m_kindActions.push_back(a);
    }
    m_kindsAction = queryBar->addAction(tr("Edges"));
    m_kindsAction->setToolTip(tr("Which kinds of references to follow"));
    m_kindsAction->setMenu(kindsMenu);
    if (auto *b = qobject_cast<QToolButton *>(queryBar->widgetForAction(m_kindsAction)))
        b->setPopupMode(QToolButton::InstantPopup);

    const auto add = [&](const QString &icon, const QString &text, const QString &tip,
                         const QKeySequence &key = {}) {
        QAction *a = bar->addAction(QIcon::fromTheme(icon), text);
        a->setToolTip(tip);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        return a;
    };
    connect(add(QStringLiteral("zoom-out"), QStringLiteral("\u2212"), tr("Zoom out (-)"),
                QKeySequence::ZoomOut),
            &QAction::triggered, m_canvas, &GraphCanvas::zoomOut);
    connect(add(QStringLiteral("zoom-in"), QStringLiteral("+"), tr("Zoom in (+)"),
                QKeySequence::ZoomIn),
            &QAction::triggered, m_canvas, &GraphCanvas::zoomIn);
    connect(add(QStringLiteral("zoom-fit-best"), tr("Fit"), tr("Fit the picture (F)")),
            &QAction::triggered, m_canvas, &GraphCanvas::fitPicture);

    auto *exportMenu = new QMenu(this);
    exportMenu->addAction(tr("Export as &SVG\u2026"), this, [this] { exportDialog(true); });
    exportMenu->addAction(tr("Export as &PNG\u2026"), this, [this] { exportDialog(false); });
    exportMenu->addAction(tr("&Copy Image"), this, &GraphView::copyImage);
    QAction *exportAction =
        add(QStringLiteral("document-export"), tr("Export"), tr("Save or copy the picture"));
    exportAction->setMenu(exportMenu);
    if (auto *b = qobject_cast<QToolButton *>(bar->widgetForAction(exportAction)))
        b->setPopupMode(QToolButton::InstantPopup);
}

// ---- state ------------------------------------------------------------------------------------

bool GraphView::isLayoutRunning() const
{
    return m_watcher->isRunning() || m_queuedRequest.has_value();
}

QString GraphView::statusText() const
{
    return m_status->text();
}

void GraphView::setStatus(const QString &text)
{
    m_status->setText(text);
}

const DependencyIndex &GraphView::index()
{
    if (!m_index) m_index = std::make_unique<DependencyIndex>(*m_doc->tree());
    return *m_index;
}

QString GraphView::title() const
{
    QStringList parts;
    if (m_doc->isLoaded()) parts << m_doc->title();
    // A kernel's own title names the architecture already ("Linux/x86_64 6.12...").
    if (const LoadedTree *info = m_doc->loadInfo();
        info && !info->arch.isEmpty() && !(parts.size() && parts.front().contains(info->arch)))
        parts << info->arch;
    if (m_mode == Mode::Changes) {
        if (m_report) parts << display(m_report->description);
    } else if (m_query.focus) {
        parts << tr("%1: %2, %3")
                     .arg(qs(m_query.focus->displayName()), directionText(m_query.direction),
                          m_query.depth == 1 ? tr("1 hop") : tr("%1 hops").arg(m_query.depth));
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

void GraphView::setMode(Mode mode)
{
    m_neighbourhoodAction->setChecked(mode == Mode::Neighbourhood);
    m_changesAction->setChecked(mode == Mode::Changes);
    m_queryBar->setVisible(mode == Mode::Neighbourhood);
    if (mode == m_mode) return;
    m_mode = mode;
    if (mode == Mode::Neighbourhood && m_current && m_current != m_query.focus)
        showNeighbourhood(m_current);
    else
        rebuild();
}

void GraphView::setDirection(GraphDirection direction)
{
    m_direction->setCurrentIndex(direction == GraphDirection::Needs      ? 1
                                 : direction == GraphDirection::NeededBy ? 2
                                                                         : 0);
    if (direction == m_query.direction) return;
    m_query.direction = direction;
    m_query.expanded.clear();
    m_query.openedGroups.clear();
    rebuild();
}

void GraphView::setDepth(int depth)
{
    if (m_depth->value() != depth) m_depth->setValue(depth); // comes back here
    if (depth == m_query.depth) return;
    m_query.depth = depth;
    rebuild();
}

void GraphView::setKinds(unsigned kinds)
{
    for (int k = 0; k < DependencyKindCount; ++k) {
        QAction *a = m_kindActions[static_cast<std::size_t>(k)];
        const QSignalBlocker block(a);
        a->setChecked(kinds & dependencyKindBit(static_cast<DependencyKind>(k)));
    }
    if (kinds == m_query.kinds) return;
    m_query.kinds = kinds;
    rebuild();
}

void GraphView::setNodeBudget(int budget)
{
    budget = std::max(budget, 2);
    if (budget == m_query.nodeBudget) return;
    m_query.nodeBudget = budget;
    rebuild();
}

void GraphView::setGroupLimit(int limit)
{
    limit = std::max(limit, 1);
    if (limit == m_query.groupLimit) return;
    m_query.groupLimit = limit;
    rebuild();
}

void GraphView::showNeighbourhood(const Symbol *symbol)
{
    if (!symbol) return;
    m_query.focus = symbol;
    m_query.expanded.clear();
    m_query.openedGroups.clear();
    if (m_mode != Mode::Neighbourhood) {
        setMode(Mode::Neighbourhood);
        return;
    }
    rebuild();
}

void GraphView::expand(const Symbol *symbol)
{
    if (!symbol) return;
    if (std::find(m_query.expanded.begin(), m_query.expanded.end(), symbol) ==
        m_query.expanded.end())
        m_query.expanded.push_back(symbol);
    rebuild();
}

// ---- document and navigation -----------------------------------------------------------------

void GraphView::onLoaded()
{
    ++m_generation;
    m_queuedRequest.reset();
    m_shownDirection.reset();
    m_watcher->waitForFinished();
    m_scene->clearGraph();
    m_index.reset();
    m_explainer.reset();
    m_report.reset();
    m_shownReport.reset();
    m_pendingReport.reset();
    m_pending = {};
    m_changed.clear();
    m_current = m_clicked = nullptr;
    m_query.focus = nullptr;
    m_query.expanded.clear();
    m_query.openedGroups.clear();
    if (m_doc->isLoaded())
        m_explainer = std::make_unique<Explainer>(*m_doc->tree(), *m_doc->config());
    setStatus(tr("Select a symbol to see its dependency graph."));
}

void GraphView::onCurrentChanged(const MenuNode *menu)
{
    const Symbol *sym = menu ? menu->sym : nullptr;
    m_current = sym;
    if (sym && sym == m_clicked) {
        // Selected in this picture: keep it, mark the selection.
        m_clicked = nullptr;
        m_scene->setCurrentSymbol(sym);
        return;
    }
    m_clicked = nullptr;
    if (m_mode == Mode::Changes || !sym) {
        m_scene->setCurrentSymbol(sym);
        return;
    }
    showNeighbourhood(sym);
}

void GraphView::onValuesChanged(const ActionResult &action)
{
    if (!m_explainer) return;
    m_report = std::make_shared<ChangeReport>(m_explainer->explainChanges(
        action.description.toStdString(), action.subject, action.changes, action.userBefore));
    m_changed.clear();
    for (const SymbolChange &c : action.changes)
        m_changed.push_back(c.symbol);
    if (m_mode == Mode::Changes || !isVisible()) {
        rebuild(); // a hidden tab rebuilds when shown, and highlights then
        return;
    }
    // Same picture, new values: repaint, or lay out again when a box grew.
    DependencyGraph graph = m_scene->graph();
    graph.updateStates(*m_doc->config());
    int shown = 0;
    for (const GraphNode &n : graph.nodes)
        shown += n.kind == GraphNode::Kind::Symbol &&
                 std::find(m_changed.begin(), m_changed.end(), n.symbol) != m_changed.end();
    setStatus(tr("%1: %2 of the %3 changed symbol(s) are in this picture; "
                 "\"Change graph\" shows why each changed.")
                  .arg(action.description)
                  .arg(shown)
                  .arg(m_changed.size()));
    if (graph.nodes.empty()) return;
    relayout(std::move(graph), false, true);
}

// ---- building and laying out --------------------------------------------------------------------

void GraphView::rebuild(bool keepView)
{
    if (!m_doc->isLoaded()) return;
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    m_dirty = false;
    if (m_mode == Mode::Changes) {
        if (!m_report) {
            ++m_generation;
            m_queuedRequest.reset();
            m_scene->clearGraph();
            setStatus(tr("No action yet: change a value, and what it changed appears here "
                         "with the rule behind each change."));
            return;
        }
        DependencyGraph graph = causeGraph(*m_report);
        m_pendingReport = m_report;
        setStatus(
            tr("%1: %n symbol(s) changed.", nullptr, static_cast<int>(m_report->nodes.size()) - 1)
                .arg(display(m_report->description)));
        relayout(std::move(graph), true, keepView);
        return;
    }
    if (!m_query.focus) {
        ++m_generation;
        m_queuedRequest.reset();
        m_scene->clearGraph();
        setStatus(tr("Select a symbol to see its dependency graph."));
        return;
    }
    DependencyGraph graph = neighbourhoodGraph(index(), m_query, m_doc->config());
    int more = 0;
    for (const GraphNode &n : graph.nodes)
        more += n.kind == GraphNode::Kind::More ? n.hidden : 0;
    setStatus(
        more ? tr("%1 symbols shown, %2 more folded into \"+N more\" nodes "
                  "(double-click one to show more).")
                   .arg(graph.nodes.size())
                   .arg(more)
             : tr("%1 symbols shown. Double-click a symbol to expand it.").arg(graph.nodes.size()));
    m_pendingReport.reset();
    relayout(std::move(graph), false, keepView);
}

void GraphView::relayout(DependencyGraph graph, bool showChange, bool keepView)
{
    ++m_generation;
    LayoutRequest request = GraphScene::layoutRequest(graph, showChange);
    // The same picture with new values keeps its direction, so that the view stays put.
    m_queuedFixedDirection = keepView && m_shownDirection.has_value();
    if (m_queuedFixedDirection) request.direction = *m_shownDirection;
    m_pending = std::move(graph);
    m_pendingShowChange = showChange;
    m_pendingKeepView = keepView;
    m_layoutGeneration = m_generation;
    m_queuedRequest = request;
    // One layout at a time: while Graphviz works, the latest request waits
    // and the ones it replaced are never laid out (holding a key in the
    // tree must not queue a layout per symbol passed).
    if (!m_watcher->isRunning()) startLayout();
}

void GraphView::startLayout()
{
    if (!m_queuedRequest) return;
    const LayoutRequest request = std::move(*m_queuedRequest);
    m_queuedRequest.reset();
    const QSizeF room = m_queuedFixedDirection ? QSizeF() : QSizeF(m_canvas->viewport()->size());
    m_watcher->setFuture(
        QtConcurrent::run([request, room] { return layOutForCanvas(request, room); }));
}

void GraphView::onLayoutFinished()
{
    if (!m_watcher->isFinished() || m_watcher->isCanceled()) return;
    // A newer request replaced the one that finished: lay that out instead.
    if (m_queuedRequest) {
        startLayout();
        return;
    }
    if (m_layoutGeneration != m_generation) return;
    const GraphLayout layout = m_watcher->result();
    const QTransform transform = m_canvas->transform();
    const QPointF centre = m_canvas->mapToScene(m_canvas->viewport()->rect().center());
    m_shownReport = m_pendingShowChange ? m_pendingReport : nullptr;
    m_scene->setTitle(title());
    m_scene->setTargetSize(m_canvas->viewport()->size());
    m_scene->showGraph(std::move(m_pending), layout, m_pendingShowChange);
    m_shownDirection = layout.direction;
    m_pending = {};
    if (!m_pendingShowChange) m_scene->setHighlighted(m_changed);
    m_scene->setCurrentSymbol(m_current);
    if (m_pendingKeepView) {
        m_canvas->setTransform(transform);
        m_canvas->centerOn(centre);
    } else {
        m_canvas->fitPicture();
        // A big picture starts readable, around its focus.
        if (m_canvas->zoom() < 0.6) {
            m_canvas->setZoom(0.8);
            for (GraphNodeItem *item : m_scene->nodeItems())
                if (item->node().isFocus) m_canvas->centerOn(item);
        }
    }
    if (!layout.ok) setStatus(tr("Graphviz could not lay out this graph."));
    emit layoutFinished();
}

void GraphView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty) rebuild();
}

// ---- nodes -------------------------------------------------------------------------------------

void GraphView::onNodeClicked(int index)
{
    const GraphNodeItem *item = m_scene->nodeItem(index);
    if (!item || item->node().kind != GraphNode::Kind::Symbol) return;
    const Symbol *sym = item->node().symbol;
    const MenuNode *menu = menuOf(sym);
    if (!menu) return;
    m_clicked = sym;
    m_history->visit(menu);
    if (m_history->current() == menu) m_scene->setCurrentSymbol(sym);
    m_clicked = nullptr;
}

void GraphView::onNodeDoubleClicked(int index)
{
    const GraphNodeItem *item = m_scene->nodeItem(index);
    if (!item) return;
    const GraphNode &n = item->node();
    if (n.kind == GraphNode::Kind::More) {
        m_query.openedGroups.push_back(groupOf(n));
        rebuild(true);
    } else if (m_mode == Mode::Changes) {
        showNeighbourhood(n.symbol);
    } else {
        expand(n.symbol);
    }
}

void GraphView::onNodeMenu(int index, const QPoint &screenPos)
{
    const GraphNodeItem *item = m_scene->nodeItem(index);
    if (!item) return;
    const GraphNode &n = item->node();
    QMenu menu;
    if (n.kind == GraphNode::Kind::More) {
        menu.addAction(tr("Show More"), this, [this, n] {
            m_query.openedGroups.push_back(groupOf(n));
            rebuild(true);
        });
        menu.exec(screenPos);
        return;
    }
    const Symbol *sym = n.symbol;
    if (sym->isBoolOrTristate() && !sym->isChoice()) {
        const QString texts[] = {tr("Set to &n"), tr("Set to &m"), tr("Set to &y")};
        for (int v = 0; v < 3; ++v) {
            const auto value = static_cast<Tristate>(v);
            if (value == Tristate::Mod && sym->type != SymbolType::Tristate) continue;
            QAction *a =
                menu.addAction(texts[v], this, [this, sym, value] { setValue(sym, value); });
            a->setCheckable(true);
            a->setChecked(m_doc->config()->tristate(sym) == value);
        }
        menu.addSeparator();
    }
    menu.addAction(tr("Show &Neighbourhood"), this, [this, sym] { showNeighbourhood(sym); });
    if (m_mode == Mode::Neighbourhood)
        menu.addAction(tr("&Expand"), this, [this, sym] { expand(sym); });
    if (!sym->menus.empty()) {
        const SourceLocation loc = sym->menus.front()->location;
        menu.addAction(tr("Open &Definition"), this,
                       [this, loc] { emit sourceRequested(qs(loc.fileName()), loc.line); });
    }
    menu.addAction(tr("&Copy Name"), this,
                   [sym] { QApplication::clipboard()->setText(qs(sym->displayName())); });
    menu.exec(screenPos);
}

void GraphView::setValue(const Symbol *symbol, Tristate value)
{
    if (m_doc->setTristate(symbol, value)) return;
    setStatus(TristateLimits(*m_doc->config(), symbol).refusal(value));
}

QString GraphView::edgeText(const GraphEdge &edge) const
{
    if (!m_doc->isLoaded()) return {};
    CurrentValues now(*m_doc->config());
    const ValueSource *before = m_shownReport ? m_shownReport->before.get() : nullptr;
    QStringList lines;
    for (const std::string &l : describeEdge(edge, m_scene->graph(), now, before))
        lines << display(l);
    if (!edge.label.empty()) lines.prepend(display(edge.label) + QLatin1Char(':'));
    return lines.join(QLatin1Char('\n'));
}

// ---- pictures
// ------------------------------------------------------------------------------------

bool GraphView::exportTo(const QString &path, const QSize &size, QString *error)
{
    m_scene->setTitle(title());
    return GraphExport::write(*m_scene, path, GraphExport::formatFor(path), size, error);
}

void GraphView::copyImage()
{
    m_scene->setTitle(title());
    QApplication::clipboard()->setImage(GraphExport::image(*m_scene));
    setStatus(tr("The picture is on the clipboard."));
}

void GraphView::exportDialog(bool svg)
{
    QString name = m_mode == Mode::Changes ? QStringLiteral("changes")
                   : m_query.focus         ? qs(m_query.focus->displayName()).toLower()
                                           : QStringLiteral("graph");
    name += svg ? QStringLiteral(".svg") : QStringLiteral(".png");
    const QString path = QFileDialog::getSaveFileName(
        this, svg ? tr("Export Graph as SVG") : tr("Export Graph as PNG"), name,
        svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    QString error;
    if (!exportTo(path, QSize(), &error))
        QMessageBox::warning(this, tr("Export Graph"), tr("Cannot write %1: %2").arg(path, error));
    else
        setStatus(tr("Saved %1").arg(path));
}
