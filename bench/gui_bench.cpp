// SPDX-License-Identifier: MIT
// Desktop figures on a real kernel tree: start to interactive (window shown,
// tree loaded, menu tree painted), toggle latency (a value change until every
// visible row of the menu tree is repainted), why panel latency (a value
// change until the panel shows its explanation) and memory.
//
//   gui_bench [--arch ARCH] [--config FILE] [TREE]
//
// TREE defaults to the Linux 6.12 tree the conformance tests prepare
// (${XDG_CACHE_HOME:-~/.cache}/kconfig-studio/linux-6.12/src). Run it twice:
// the first run fills the probe cache.
#include "configdocument.h"
#include "mainwindow.h"
#include "menutreeview.h"
#include "searchpanel.h"
#include "whypanel.h"

#include <kconfig/config.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

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

// VmRSS and VmHWM of this process in MB.
std::pair<double, double> memoryMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    double rss = 0, peak = 0;
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.size() >= 2 && f[0] == "VmRSS:") rss = f[1].toDouble() / 1024;
            if (f.size() >= 2 && f[0] == "VmHWM:") peak = f[1].toDouble() / 1024;
        }
    }
    return {rss, peak};
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer clock;
    clock.start();
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir settings;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());

    OpenRequest request;
    request.arch = QStringLiteral("x86_64");
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--arch") && i + 1 < args.size())
            request.arch = args[++i];
        else if (args[i] == QLatin1String("--config") && i + 1 < args.size())
            request.configFile = args[++i];
        else
            request.path = args[i];
    }
    if (request.path.isEmpty()) request.path = defaultTree();
    // The benchmark is the user who agreed to the tree's probes (the first
    // run fills the probe cache, later ones measure a warm start).
    request.trustShell = true;

    MainWindow window;
    window.resize(1366, 768);
    window.show();
    const qint64 shown = clock.elapsed();
    ConfigDocument *doc = window.document();
    MenuTreeView *tree = window.menuTree();
    QEventLoop loop;
    QObject::connect(doc, &ConfigDocument::loaded, &loop, [&loop] { loop.exit(0); });
    QObject::connect(doc, &ConfigDocument::loadFailed, &loop, [&loop](const QString &m) {
        std::fprintf(stderr, "gui_bench: %s\n", qPrintable(m));
        loop.exit(1);
    });
    window.open(request);
    if (loop.exec() != 0) return 1;
    const qint64 loaded = clock.elapsed();
    tree->viewport()->repaint();
    const qint64 interactive = clock.elapsed();
    const auto [rss, peak] = memoryMb();

    std::printf("tree: %s (ARCH=%s)\n", qPrintable(doc->srctree()),
                qPrintable(doc->loadInfo()->arch));
    std::printf("%s\n", qPrintable(window.statusText()));
    std::printf("start to interactive: %lld ms (window shown at %lld ms, loaded at %lld ms, "
                "load on the worker %.0f ms)\n",
                interactive, shown, loaded, doc->loadInfo()->seconds * 1000);
    std::printf("memory after load: %.0f MB resident, %.0f MB peak\n", rss, peak);

    // Toggle symbols with wide effects and measure until the tree has repainted.
    const char *names[] = {"MODULES",     "PCI",   "NET", "EXPERT", "VFIO",     "IOMMUFD",
                           "USB_SUPPORT", "SOUND", "DRM", "BLOCK",  "SECURITY", "FTRACE"};
    std::vector<double> times;
    std::printf("%-12s %8s %8s %8s %8s %s\n", "toggle", "ms", "undo ms", "engine", "changed",
                "rows in/out");
    for (bool expanded : {false, true}) {
        if (expanded) {
            tree->expandAll();
            std::printf("-- with every menu expanded --\n");
        }
        for (const char *name : names) {
            const kconfig::Symbol *sym = doc->tree()->symbols().find(name);
            if (!sym || !doc->config()->isChangeable(sym)) continue;
            window.navigateTo(sym);
            app.processEvents();
            int rowsIn = 0, rowsOut = 0;
            auto c1 =
                QObject::connect(tree->model(), &QAbstractItemModel::rowsInserted,
                                 [&](const QModelIndex &, int f, int l) { rowsIn += l - f + 1; });
            auto c2 =
                QObject::connect(tree->model(), &QAbstractItemModel::rowsRemoved,
                                 [&](const QModelIndex &, int f, int l) { rowsOut += l - f + 1; });
            QElapsedTimer t;
            kconfig::Config engineOnly(*doc->config());
            t.start();
            engineOnly.toggleTristateValue(sym);
            const double engineMs = t.nsecsElapsed() / 1e6;
            t.restart();
            doc->toggle(sym);
            tree->viewport()->repaint();
            const double ms = t.nsecsElapsed() / 1e6;
            const std::size_t changed = doc->lastAction().changes.size();
            t.restart();
            doc->undoStack()->undo();
            tree->viewport()->repaint();
            const double undoMs = t.nsecsElapsed() / 1e6;
            QObject::disconnect(c1);
            QObject::disconnect(c2);
            times.push_back(ms);
            times.push_back(undoMs);
            std::printf("%-12s %8.1f %8.1f %8.1f %8zu %d/%d\n", name, ms, undoMs, engineMs, changed,
                        rowsIn, rowsOut);
        }
    }
    std::printf("toggle -> visible rows updated: median %.1f ms, worst %.1f ms\n", median(times),
                times.empty() ? 0.0 : *std::max_element(times.begin(), times.end()));

    // The why panel: a value change until the panel has explained it and
    // repainted (cause tree and the selected symbol's explanation), with the
    // menu tree repainted too, as after a click.
    tree->collapseAll();
    WhyPanel *why = window.whyPanel();
    std::vector<double> whyTimes, whyCpu;
    const auto cpuNow = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
    };
    std::vector<double> panelOwn;
    std::printf("%-16s %8s %8s %8s %8s %8s %s\n", "why panel", "ms", "CPU ms", "undo ms", "CPU ms",
                "changed", "panel's own ms");
    const auto repaintAll = [&] {
        tree->viewport()->repaint();
        why->causeTree()->viewport()->repaint();
        why->symbolView()->viewport()->repaint();
    };
    for (const char *name : {"IOMMUFD", "VFIO_GROUP", "VFIO_CONTAINER", "VFIO", "IOMMUFD",
                             "MODULES", "PCI", "NET", "USB_SUPPORT", "SOUND", "DRM", "EXPERT"}) {
        const kconfig::Symbol *sym = doc->tree()->symbols().find(name);
        if (!sym || !doc->config()->isChangeable(sym)) continue;
        window.navigateTo(sym);
        app.processEvents();
        QElapsedTimer t;
        t.start();
        double c = cpuNow();
        doc->toggle(sym);
        repaintAll();
        const double ms = t.nsecsElapsed() / 1e6;
        const double cpu = cpuNow() - c;
        const std::size_t changed = doc->lastAction().changes.size();
        const double own = why->lastUpdateNsecs() / 1e6;
        t.restart();
        c = cpuNow();
        doc->undoStack()->undo();
        repaintAll();
        const double undoMs = t.nsecsElapsed() / 1e6;
        const double undoCpu = cpuNow() - c;
        whyTimes.push_back(ms);
        whyTimes.push_back(undoMs);
        whyCpu.push_back(cpu);
        whyCpu.push_back(undoCpu);
        const double undoOwn = why->lastUpdateNsecs() / 1e6;
        panelOwn.push_back(own);
        panelOwn.push_back(undoOwn);
        std::printf("%-16s %8.1f %8.1f %8.1f %8.1f %8zu %.1f / %.1f\n", name, ms, cpu, undoMs,
                    undoCpu, changed, own, undoOwn);
    }
    std::printf("toggle -> why panel updated: median %.1f ms (CPU %.1f ms), worst %.1f ms (CPU "
                "%.1f ms)\n",
                median(whyTimes), median(whyCpu),
                whyTimes.empty() ? 0.0 : *std::max_element(whyTimes.begin(), whyTimes.end()),
                whyCpu.empty() ? 0.0 : *std::max_element(whyCpu.begin(), whyCpu.end()));
    std::printf("  of which the why panel itself (explain and fill, before painting): median "
                "%.1f ms, worst %.1f ms\n",
                median(panelOwn),
                panelOwn.empty() ? 0.0 : *std::max_element(panelOwn.begin(), panelOwn.end()));

    // Search as you type: each keystroke's query until the result list has
    // repainted (the field's debounce delay left out).
    SearchPanel *search = window.searchPanel();
    std::vector<double> keys;
    for (const char *query : {"v", "vf", "vfi", "vfio", "vfio_", "vfio_c", "iommu", "iommufd",
                              "usb", "usb stor", "CONFIG_NET", "sound"}) {
        QElapsedTimer k;
        k.start();
        search->setQuery(QString::fromLatin1(query));
        search->repaint();
        keys.push_back(k.nsecsElapsed() / 1e6);
    }
    std::printf("search keystroke -> results shown: median %.1f ms, worst %.1f ms (%zu queries)\n",
                median(keys), *std::max_element(keys.begin(), keys.end()), keys.size());

    QElapsedTimer t;
    t.start();
    tree->setOptionMode(MenuTreeModel::OptionMode::All);
    tree->viewport()->repaint();
    const double toAll = t.nsecsElapsed() / 1e6;
    t.restart();
    tree->setOptionMode(MenuTreeModel::OptionMode::Normal);
    tree->viewport()->repaint();
    std::printf("switch to all options: %.1f ms, back to normal: %.1f ms\n", toAll,
                t.nsecsElapsed() / 1e6);
    const auto [rss2, peak2] = memoryMb();
    std::printf("memory at the end: %.0f MB resident, %.0f MB peak\n", rss2, peak2);
    return 0;
}
