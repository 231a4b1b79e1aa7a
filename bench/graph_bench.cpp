// SPDX-License-Identifier: MIT
// Dependency graph figures on a real kernel tree: building the dependency
// index, the neighbourhood query, measuring, Graphviz layout, placing the
// scene items and drawing the picture, for neighbourhoods of about 150 nodes
// around hubs (the target: layout + draw within 200 ms).
//
//   graph_bench [--arch ARCH] [--config FILE] [--nodes N] [--png DIR] [TREE]
//
// TREE defaults to the Linux 6.12 tree the conformance tests prepare
// (${XDG_CACHE_HOME:-~/.cache}/kconfig-studio/linux-6.12/src). --png writes
// each picture to DIR/<SYMBOL>.png to look at.
#include "configdocument.h"
#include "graphexport.h"
#include "graphscene.h"

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
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace kconfig;

namespace {

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

double ms(QElapsedTimer &t)
{
    const double v = static_cast<double>(t.nsecsElapsed()) / 1e6;
    t.restart();
    return v;
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

    constexpr int runs = 7;
    std::printf("%-10s %5s %5s %7s %7s %8s %7s %7s %12s\n", "focus", "nodes", "edges", "query",
                "measure", "layout", "items", "draw", "layout+draw");
    double worst = 0;
    for (const char *name : {"PCI", "NET", "MODULES", "VFIO", "IOMMUFD_DRIVER", "USB"}) {
        const Symbol *focus = doc.tree()->symbols().find(name);
        if (!focus) continue;
        NeighbourhoodQuery q;
        q.focus = focus;
        q.depth = 2;
        q.nodeBudget = nodes;
        q.groupLimit = 12;
        std::vector<double> query, measure, layout, items, draw, total;
        std::size_t nodeCount = 0, edgeCount = 0;
        for (int run = 0; run < runs; ++run) {
            GraphScene scene;
            scene.setTitle(QString::fromLatin1(name));
            t.restart();
            DependencyGraph g = neighbourhoodGraph(index, q, doc.config());
            query.push_back(ms(t));
            nodeCount = g.nodes.size();
            edgeCount = g.edges.size();
            const LayoutRequest r = GraphScene::layoutRequest(g, false);
            measure.push_back(ms(t));
            const GraphLayout l = layOutGraph(r);
            layout.push_back(ms(t));
            scene.showGraph(std::move(g), l, false);
            items.push_back(ms(t));
            const QRectF rect = scene.pictureRect();
            QImage image(rect.size().toSize(), QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter p(&image);
            scene.render(&p, QRectF(QPointF(0, 0), rect.size()), rect);
            p.end();
            draw.push_back(ms(t));
            total.push_back(measure.back() + layout.back() + items.back() + draw.back());
            if (run == 0 && !pngDir.isEmpty())
                GraphExport::write(scene, QDir(pngDir).filePath(QString::fromLatin1(name) +
                                                                 QStringLiteral(".png")),
                                   GraphExport::Format::Png, QSize(), nullptr);
        }
        worst = std::max(worst, median(total));
        std::printf("%-10s %5zu %5zu %7.1f %7.1f %8.1f %7.1f %7.1f %9.1f ms\n", name, nodeCount,
                    edgeCount, median(query), median(measure), median(layout), median(items),
                    median(draw), median(total));
    }
    std::printf("slowest layout + draw (median of %d runs): %.1f ms (target: 200 ms)\n", runs,
                worst);
    return 0;
}
