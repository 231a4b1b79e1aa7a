// SPDX-License-Identifier: MIT
// Dependency graph figures on a real kernel tree: building the dependency
// index, the neighbourhood query, measuring, Graphviz layout, placing the
// scene items and drawing, for neighbourhoods of about 150 nodes around hubs
// (the target: layout + draw within 200 ms, the GUI never blocked while
// Graphviz works).
//
//   graph_bench [--arch ARCH] [--config FILE] [--nodes N] [--png DIR] [TREE]
//
// TREE defaults to the Linux 6.12 tree the conformance tests prepare
// (${XDG_CACHE_HOME:-~/.cache}/kconfig-studio/linux-6.12/src). --png writes
// each picture to DIR/<SYMBOL>.png and screenshots of the window's Graph tab
// (VFIO_CONTAINER, IOMMUFD_DRIVER, PCI, the change graph of IOMMUFD=m) to
// DIR/window-*.png, to look at.
//
// Part 1 times the steps one after the other on the GUI thread: "view" is the
// first paint of a 1600x1000 graph canvas at the zoom the Graph tab starts
// with, "export" drawing the whole picture at its natural size (what an SVG
// or PNG export draws). Times are wall-clock medians; "cpu" is the thread's
// CPU time for layout + draw, which a busy machine does not inflate.
// Part 2 drives the Graph tab itself: from asking for a neighbourhood to its
// picture on screen, and the longest time the GUI thread did not answer
// meanwhile (Graphviz runs on a worker thread).
#include "configdocument.h"
#include "graphcanvas.h"
#include "graphexport.h"
#include "graphnodeitem.h"
#include "graphscene.h"
#include "graphview.h"
#include "mainwindow.h"

#include <kconfig/config.h>
#include <kconfig/dependencyindex.h>
#include <kconfig/graphlayout.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPainter>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace kconfig;

namespace {

constexpr const char *kHubs[] = {"PCI", "NET", "MODULES", "VFIO", "IOMMUFD_DRIVER", "USB"};
const QSize kViewport(1600, 1000);

QString defaultTree()
{
    QString cache = qEnvironmentVariable("KCS_KERNEL_CACHE");
    if (cache.isEmpty()) {
        const QString xdg = qEnvironmentVariable("XDG_CACHE_HOME");
        cache = (xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.cache") : xdg) +
                QStringLiteral("/kconfig-studio");
    }
    return cache + QStringLiteral("/linux-6.12/src");
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double cpuMs()
{
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double ms(QElapsedTimer &t)
{
    const double v = static_cast<double>(t.nsecsElapsed()) / 1e6;
    t.restart();
    return v;
}

// Starts the canvas like the Graph tab does: the whole picture when it is
// readable, else 80 % around the focus.
void startView(GraphCanvas &canvas, GraphScene &scene)
{
    canvas.fitPicture();
    if (canvas.zoom() >= 0.6) return;
    canvas.setZoom(0.8);
    for (GraphNodeItem *item : scene.nodeItems())
        if (item->node().isFocus) canvas.centerOn(item);
}

bool waitFor(QObject *sender, const char *signal, int timeoutMs = 60000)
{
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, SLOT(quit()));
    QTimer::singleShot(timeoutMs, &loop, [&loop] { loop.exit(1); });
    return loop.exec() == 0;
}

void settle(int msecs)
{
    QEventLoop loop;
    QTimer::singleShot(msecs, &loop, &QEventLoop::quit);
    loop.exec();
}

// Part 1: each step on its own.
double pipeline(ConfigDocument &doc, const DependencyIndex &index, int nodes, const QString &pngDir)
{
    constexpr int runs = 7;
    GraphCanvas canvas;
    canvas.setAttribute(Qt::WA_DontShowOnScreen);
    canvas.resize(kViewport);
    canvas.show();
    QImage screen(canvas.viewport()->size(), QImage::Format_ARGB32_Premultiplied);

    std::printf("\nPart 1: the steps of a picture, %d-node budget, 2 hops (median of %d runs)\n",
                nodes, runs);
    std::printf("%-15s %5s %5s %6s %7s %7s %6s %6s %12s %6s %7s\n", "focus", "nodes", "edges",
                "query", "measure", "layout", "items", "view", "layout+draw", "cpu", "export");
    double worst = 0;
    for (const char *name : kHubs) {
        const Symbol *focus = doc.tree()->symbols().find(name);
        if (!focus) continue;
        NeighbourhoodQuery q;
        q.focus = focus;
        q.depth = 2;
        q.nodeBudget = nodes;
        q.groupLimit = 12;
        std::vector<double> query, measure, layout, items, view, total, cpu, exported;
        std::size_t nodeCount = 0, edgeCount = 0;
        for (int run = 0; run < runs; ++run) {
            GraphScene scene;
            scene.setTitle(QString::fromLatin1(name));
            QElapsedTimer t;
            t.start();
            DependencyGraph g = neighbourhoodGraph(index, q, doc.config());
            query.push_back(ms(t));
            nodeCount = g.nodes.size();
            edgeCount = g.edges.size();
            const double cpu0 = cpuMs();
            const LayoutRequest r = GraphScene::layoutRequest(g, false);
            measure.push_back(ms(t));
            const GraphLayout l = layOutGraph(r);
            layout.push_back(ms(t));
            scene.showGraph(std::move(g), l, false);
            canvas.setScene(&scene);
            startView(canvas, scene);
            items.push_back(ms(t));
            canvas.viewport()->render(&screen);
            view.push_back(ms(t));
            cpu.push_back(cpuMs() - cpu0);
            total.push_back(measure.back() + layout.back() + items.back() + view.back());
            const QImage picture = GraphExport::image(scene, scene.pictureRect().size().toSize());
            exported.push_back(ms(t));
            if (run == 0 && !pngDir.isEmpty())
                picture.save(
                    QDir(pngDir).filePath(QString::fromLatin1(name) + QStringLiteral(".png")));
            canvas.setScene(nullptr);
        }
        worst = std::max(worst, median(total));
        std::printf("%-15s %5zu %5zu %6.1f %7.1f %7.1f %6.1f %6.1f %9.1f ms %6.1f %7.1f\n", name,
                    nodeCount, edgeCount, median(query), median(measure), median(layout),
                    median(items), median(view), median(total), median(cpu), median(exported));
    }
    std::printf("slowest layout + draw: %.1f ms (target: 200 ms)\n", worst);
    return worst;
}

// Part 2: the Graph tab in the window.
void window(const OpenRequest &request, int nodes, const QString &pngDir)
{
    MainWindow window;
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(1600, 1000);
    window.show();
    ConfigDocument *doc = window.document();
    window.open(request);
    if (!waitFor(doc, SIGNAL(loaded()))) {
        std::fprintf(stderr, "graph_bench: the window did not load the tree\n");
        return;
    }
    GraphView *graph = window.findChild<GraphView *>(QStringLiteral("GraphView"));
    if (!graph) return;
    window.tabs()->setCurrentWidget(graph);
    const auto sym = [doc](const char *name) { return doc->tree()->symbols().find(name); };

    if (!pngDir.isEmpty()) {
        // What a user sees first: one hop, the default budget.
        for (const char *name : {"VFIO_CONTAINER", "IOMMUFD_DRIVER", "PCI"}) {
            if (!sym(name) || !window.navigateTo(sym(name))) continue;
            if (graph->isLayoutRunning() || graph->scene()->nodeItems().empty() ||
                graph->scene()->nodeItems().front()->node().symbol != sym(name))
                waitFor(graph, SIGNAL(layoutFinished()));
            settle(100);
            window.screenshot().save(QDir(pngDir).filePath(
                QStringLiteral("window-%1.png").arg(QString::fromLatin1(name))));
        }
        // The change graph of the VFIO/IOMMUFD discussion's example.
        for (const char *name : {"VFIO", "INTEL_IOMMU", "AMD_IOMMU"})
            if (sym(name)) doc->setTristate(sym(name), Tristate::Yes);
        if (sym("IOMMUFD") && window.navigateTo(sym("IOMMUFD"))) {
            waitFor(graph, SIGNAL(layoutFinished()));
            doc->setTristate(sym("IOMMUFD"), Tristate::Mod);
            waitFor(graph, SIGNAL(layoutFinished()));
            settle(100);
            window.screenshot().save(
                QDir(pngDir).filePath(QStringLiteral("window-IOMMUFD-highlight.png")));
            graph->setMode(GraphView::Mode::Changes);
            waitFor(graph, SIGNAL(layoutFinished()));
            settle(100);
            window.screenshot().save(
                QDir(pngDir).filePath(QStringLiteral("window-IOMMUFD-changes.png")));
            graph->setMode(GraphView::Mode::Neighbourhood);
            waitFor(graph, SIGNAL(layoutFinished()));
        }
    }

    graph->setDepth(2);
    graph->setNodeBudget(nodes);
    graph->setGroupLimit(12); // as in part 1
    if (graph->isLayoutRunning()) waitFor(graph, SIGNAL(layoutFinished()));
    std::printf("\nPart 2: the Graph tab (%dx%d window), %d-node budget, 2 hops\n", window.width(),
                window.height(), nodes);
    std::printf("%-15s %5s %14s %16s\n", "focus", "nodes", "to picture", "longest GUI stall");
    double worstStall = 0;
    for (const char *name : kHubs) {
        if (!sym(name)) continue;
        // A timer that should fire every millisecond: the gaps between its
        // ticks are the times the GUI thread was busy.
        QElapsedTimer clock;
        double last = 0, stall = 0;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        ticker.setInterval(1);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            const double now = static_cast<double>(clock.nsecsElapsed()) / 1e6;
            stall = std::max(stall, now - last);
            last = now;
        });
        ticker.start();
        settle(20);
        clock.start();
        last = 0;
        stall = 0;
        graph->showNeighbourhood(sym(name));
        waitFor(graph, SIGNAL(layoutFinished()));
        graph->canvas()->viewport()->repaint();
        const double total = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        settle(5); // the tick after the paint
        stall = std::max(stall, total - last);
        ticker.stop();
        worstStall = std::max(worstStall, stall);
        std::printf("%-15s %5zu %11.1f ms %13.1f ms\n", name, graph->scene()->nodeItems().size(),
                    total, stall);
    }
    std::printf("longest GUI stall: %.1f ms (query, measuring, placing items and the first paint "
                "on the GUI thread; Graphviz on a worker)\n",
                worstStall);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir settings;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());

    OpenRequest request;
    request.arch = QStringLiteral("x86_64");
    request.trustShell = true; // the settings are thrown away after the run
    int nodes = 150;
    QString pngDir;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--arch") && i + 1 < args.size())
            request.arch = args[++i];
        else if (args[i] == QLatin1String("--config") && i + 1 < args.size())
            request.configFile = args[++i];
        else if (args[i] == QLatin1String("--nodes") && i + 1 < args.size())
            nodes = args[++i].toInt();
        else if (args[i] == QLatin1String("--png") && i + 1 < args.size())
            pngDir = args[++i];
        else
            request.path = args[i];
    }
    if (request.path.isEmpty()) request.path = defaultTree();
    if (!pngDir.isEmpty()) QDir().mkpath(pngDir);

    ConfigDocument doc;
    QEventLoop loop;
    QObject::connect(&doc, &ConfigDocument::loaded, &loop, [&loop] { loop.exit(0); });
    QObject::connect(&doc, &ConfigDocument::loadFailed, &loop, [&loop](const QString &m) {
        std::fprintf(stderr, "graph_bench: %s\n", qPrintable(m));
        loop.exit(1);
    });
    doc.open(request);
    if (loop.exec() != 0) return 1;
    std::printf("tree: %s (ARCH=%s)\n", qPrintable(doc.srctree()),
                qPrintable(doc.loadInfo()->arch));

    QElapsedTimer t;
    t.start();
    const DependencyIndex index(*doc.tree());
    std::printf("dependency index: %.1f ms, %zu references\n", ms(t), index.all().size());

    pipeline(doc, index, nodes, pngDir);
    window(request, nodes, pngDir);
    return 0;
}
