// SPDX-License-Identifier: MIT
// The Graph tab in the main window on the demo tree, with real clicks: it
// follows the selection, a click on a node selects that symbol everywhere, a
// double-click expands it, the context menu sets values like the tree and the
// symbols an action changed are highlighted, "Change graph" shows the cause
// graph of IOMMUFD=m, hovering an edge gives its condition with values, and
// exports give a valid SVG with the nodes and a PNG of the requested size.
// The layout runs off the GUI thread: the old picture stays until it is done.
//
// KCS_GRAPH_SCREENSHOTS=DIR saves a screenshot of the window at each step.
#include "configdocument.h"
#include "graphcanvas.h"
#include "graphedgeitem.h"
#include "graphnodeitem.h"
#include "graphscene.h"
#include "graphview.h"
#include "mainwindow.h"
#include "menutreeview.h"
#include "navigationhistory.h"

#include <kconfig/config.h>
#include <kconfig/menunode.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QClipboard>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QXmlStreamReader>
#include <QtTest>

using namespace kconfig;

namespace {

// Every <text> of an SVG, or an error.
QString svgText(const QByteArray &svg, QString *error)
{
    QXmlStreamReader xml(svg);
    QString text;
    bool root = true;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        if (root && xml.name() != QLatin1String("svg")) {
            *error = QStringLiteral("root element is not <svg>");
            return {};
        }
        root = false;
        if (xml.name() == QLatin1String("text") || xml.name() == QLatin1String("title"))
            text += xml.readElementText(QXmlStreamReader::IncludeChildElements) + QLatin1Char('\n');
    }
    if (xml.hasError()) *error = xml.errorString();
    return text;
}

QStringList nodeNames(const GraphScene *scene)
{
    QStringList names;
    for (const GraphNodeItem *item : scene->nodeItems())
        names << QString::fromStdString(item->node().name());
    return names;
}

} // namespace

class TestGraphView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_out;
    std::unique_ptr<MainWindow> m_window;
    GraphView *m_graph = nullptr;
    int m_shot = 0;

    ConfigDocument *doc() const { return m_window->document(); }
    const Symbol *sym(const char *name) const { return doc()->tree()->symbols().find(name); }
    GraphScene *scene() const { return m_graph->scene(); }
    QWidget *viewport() const { return m_graph->canvas()->viewport(); }

    void screenshot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("KCS_GRAPH_SCREENSHOTS");
        if (dir.isEmpty()) return;
        QDir().mkpath(dir);
        m_window->screenshot().save(
            QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(++m_shot).arg(name)));
    }

    // Waits for the picture the last request asked for.
    bool waitForPicture()
    {
        QSignalSpy spy(m_graph, &GraphView::layoutFinished);
        return spy.wait(30000) || (!m_graph->isLayoutRunning() && !scene()->nodeItems().empty());
    }

    const Symbol *focusShown() const
    {
        for (const GraphNodeItem *item : scene()->nodeItems())
            if (item->node().isFocus) return item->node().symbol;
        return nullptr;
    }

    // Where `symbol`'s node is in the viewport (scrolled into view).
    QPoint nodePoint(const Symbol *symbol)
    {
        GraphNodeItem *item = scene()->nodeItem(symbol);
        if (!item) return {};
        m_graph->canvas()->centerOn(item);
        return m_graph->canvas()->mapFromScene(item->sceneBoundingRect().center());
    }

    void navigate(const char *name)
    {
        QVERIFY(m_window->navigateTo(sym(name)));
        QVERIFY(waitForPicture());
        QCOMPARE(focusShown(), sym(name));
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("kconfig-studio-test"));
        QCoreApplication::setApplicationName(QStringLiteral("kconfig-studio-test"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy loaded(doc(), &ConfigDocument::loaded);
        QVERIFY(m_window->open(OpenRequest{})); // the demo tree
        QVERIFY(loaded.wait(30000));
        m_graph = m_window->findChild<GraphView *>(QStringLiteral("GraphView"));
        QVERIFY(m_graph);
        m_window->tabs()->setCurrentWidget(m_graph);
    }

    void cleanup()
    {
        if (m_window) doc()->undoStack()->setClean();
        m_window.reset();
        m_graph = nullptr;
    }

    // The tab shows the neighbourhood of whatever is selected, laid out off
    // the GUI thread: the old picture stays until the new one is ready.
    void followsTheSelection()
    {
        navigate("VFIO_CONTAINER");
        screenshot(QStringLiteral("vfio-container"));
        const QStringList names = nodeNames(scene());
        for (const char *name :
             {"VFIO", "VFIO_GROUP", "VFIO_IOMMU_TYPE1", "IOMMUFD_VFIO_CONTAINER"})
            QVERIFY2(names.contains(QLatin1String(name)), name);
        QVERIFY(scene()->nodeItem(sym("VFIO_CONTAINER"))->isCurrent());
        QVERIFY(m_graph->title().contains(QLatin1String("VFIO_CONTAINER: needs and needed by")));

        QVERIFY(m_window->navigateTo(sym("IOMMUFD_DRIVER")));
        QCOMPARE(focusShown(), sym("VFIO_CONTAINER")); // still the old picture
        QVERIFY(waitForPicture());
        QCOMPARE(focusShown(), sym("IOMMUFD_DRIVER"));
        for (const char *name : {"AMD_IOMMU", "INTEL_IOMMU", "MLX5_VFIO_PCI"})
            QVERIFY2(nodeNames(scene()).contains(QLatin1String(name)), name);

        // Hidden, the tab waits; shown again, it catches up.
        m_window->tabs()->setCurrentIndex(0);
        QVERIFY(m_window->navigateTo(sym("VFIO")));
        QVERIFY(!m_graph->isLayoutRunning());
        m_window->tabs()->setCurrentWidget(m_graph);
        QVERIFY(waitForPicture());
        QCOMPARE(focusShown(), sym("VFIO"));
    }

    // Walking through the tree: the picture ends on the last symbol, and
    // the symbols passed on the way are not laid out one by one.
    void rapidSelectionShowsTheLast()
    {
        navigate("VFIO");
        QSignalSpy finished(m_graph, &GraphView::layoutFinished);
        for (const char *name : {"VFIO_GROUP", "VFIO_CONTAINER", "IOMMUFD", "PCI", "AMD_IOMMU"})
            QVERIFY(m_window->navigateTo(sym(name)));
        QTRY_VERIFY_WITH_TIMEOUT(!m_graph->isLayoutRunning(), 30000);
        QTRY_COMPARE(focusShown(), sym("AMD_IOMMU"));
        QCOMPARE(finished.count(), 1);
    }

    // A click selects the symbol in the whole window and keeps the picture;
    // a double-click adds the clicked symbol's own neighbours.
    void clickNavigatesDoubleClickExpands()
    {
        navigate("VFIO_CONTAINER");
        const int before = static_cast<int>(scene()->nodeItems().size());
        QTest::mouseClick(viewport(), Qt::LeftButton, {}, nodePoint(sym("VFIO")));
        QCOMPARE(m_window->history()->current()->sym, sym("VFIO"));
        QCOMPARE(m_window->menuTree()->currentMenu()->sym, sym("VFIO"));
        QVERIFY(!m_graph->isLayoutRunning()); // no re-centring
        QCOMPARE(focusShown(), sym("VFIO_CONTAINER"));
        QVERIFY(scene()->nodeItem(sym("VFIO"))->isCurrent());
        QVERIFY(!scene()->nodeItem(sym("VFIO_CONTAINER"))->isCurrent());

        QTest::mouseDClick(viewport(), Qt::LeftButton, {}, nodePoint(sym("VFIO")));
        QVERIFY(waitForPicture());
        QCOMPARE(m_graph->query().expanded, std::vector<const Symbol *>{sym("VFIO")});
        QCOMPARE(focusShown(), sym("VFIO_CONTAINER"));
        QVERIFY(static_cast<int>(scene()->nodeItems().size()) > before);
        QVERIFY(nodeNames(scene()).contains(QLatin1String("IOMMUFD"))); // VFIO depends on it
        screenshot(QStringLiteral("expanded"));
    }

    // Setting a value from the node's context menu goes through the document
    // (undoable, explained) and highlights what changed.
    void contextMenuSetsAndHighlights()
    {
        navigate("VFIO");
        QVERIFY(scene()->nodeItem(sym("IOMMUFD")));
        QCOMPARE(doc()->config()->tristate(sym("IOMMUFD")), Tristate::No);
        bool chosen = false;
        QTimer::singleShot(0, this, [&chosen] {
            QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QMenu *>(QApplication::activePopupWidget()),
                                     5000);
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            for (QAction *a : menu->actions())
                if (a->text().remove(QLatin1Char('&')) == QLatin1String("Set to m")) {
                    chosen = true;
                    a->trigger();
                }
            menu->close();
        });
        const QPoint at = nodePoint(sym("IOMMUFD"));
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, viewport()->mapToGlobal(at));
        QApplication::sendEvent(viewport(), &event);
        QVERIFY(chosen);
        QCOMPARE(doc()->config()->tristate(sym("IOMMUFD")), Tristate::Mod);
        QVERIFY(doc()->undoStack()->canUndo());
        QVERIFY(waitForPicture());
        screenshot(QStringLiteral("highlight"));

        // VFIO went y -> m and VFIO_GROUP lost its select: both in this picture.
        for (const char *name : {"IOMMUFD", "VFIO", "VFIO_GROUP", "VFIO_CONTAINER"})
            QVERIFY2(scene()->nodeItem(sym(name))->isHighlighted(), name);
        QCOMPARE(scene()->nodeItem(sym("VFIO"))->node().state.tri, Tristate::Mod);
        QVERIFY(m_graph->statusText().contains(QLatin1String("IOMMUFD")));

        // Undo is an action too: the same symbols change back.
        doc()->undoStack()->undo();
        QVERIFY(waitForPicture());
        QCOMPARE(scene()->nodeItem(sym("VFIO"))->node().state.tri, Tristate::Yes);
        QVERIFY(scene()->nodeItem(sym("VFIO"))->isHighlighted());
    }

    // "Change graph": the cause graph of the last action, in place.
    void changeGraph()
    {
        navigate("IOMMUFD");
        QVERIFY(doc()->setTristate(sym("IOMMUFD"), Tristate::Mod));
        QVERIFY(waitForPicture());
        m_graph->setMode(GraphView::Mode::Changes);
        QVERIFY(waitForPicture());
        screenshot(QStringLiteral("change-graph"));
        QVERIFY(scene()->showsChange());
        QCOMPARE(focusShown(), sym("IOMMUFD"));
        const QStringList names = nodeNames(scene());
        for (const char *name :
             {"VFIO", "VFIO_CONTAINER", "VFIO_GROUP", "IOMMUFD_DRIVER", "VFIO_DEVICE_CDEV"})
            QVERIFY2(names.contains(QLatin1String(name)), name);
        QVERIFY(m_graph->title().contains(QStringLiteral("IOMMUFD n \u2192 m")));

        // Each edge says which rule carried the change, with values.
        bool described = false;
        for (const GraphEdgeItem *e : scene()->edgeItems()) {
            const auto &nodes = scene()->graph().nodes;
            if (nodes[static_cast<std::size_t>(e->edge().to)].symbol != sym("VFIO_CONTAINER"))
                continue;
            const QString text = scene()->edgeDescription(e->index());
            QVERIFY2(text.contains(QLatin1String("select VFIO_CONTAINER")), qPrintable(text));
            QVERIFY2(text.contains(QLatin1String("stopped applying")), qPrintable(text));
            described = true;
        }
        QVERIFY(described);

        // A click in the change graph selects without leaving it.
        QTest::mouseClick(viewport(), Qt::LeftButton, {}, nodePoint(sym("IOMMUFD_DRIVER")));
        QCOMPARE(m_window->history()->current()->sym, sym("IOMMUFD_DRIVER"));
        QCOMPARE(m_graph->mode(), GraphView::Mode::Changes);
        // Back to the neighbourhood of what is selected now.
        m_graph->setMode(GraphView::Mode::Neighbourhood);
        QVERIFY(waitForPicture());
        QCOMPARE(focusShown(), sym("IOMMUFD_DRIVER"));
    }

    // Hovering an edge: the written line, the values of its expression, where.
    void edgeConditionsWithValues()
    {
        navigate("VFIO");
        bool found = false;
        for (const GraphEdgeItem *e : scene()->edgeItems()) {
            const auto &nodes = scene()->graph().nodes;
            if (nodes[static_cast<std::size_t>(e->edge().from)].symbol != sym("VFIO") ||
                nodes[static_cast<std::size_t>(e->edge().to)].symbol != sym("IOMMUFD"))
                continue;
            QCOMPARE(scene()->edgeDescription(e->index()),
                     QStringLiteral("depends on IOMMUFD [=n] || !IOMMUFD [=n] "
                                    "(drivers/vfio/Kconfig:22)"));
            found = true;
        }
        QVERIFY(found);
    }

    // Zoom buttons and keys, fit.
    void zoomAndFit()
    {
        navigate("PCI");
        GraphCanvas *canvas = m_graph->canvas();
        const qreal start = canvas->zoom();
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_Plus);
        QVERIFY(canvas->zoom() > start);
        QTest::keyClick(canvas, Qt::Key_Minus);
        QTest::keyClick(canvas, Qt::Key_Minus);
        QVERIFY(canvas->zoom() < start);
        QTest::keyClick(canvas, Qt::Key_F);
        const QRectF visible = canvas->mapToScene(canvas->viewport()->rect()).boundingRect();
        QVERIFY(visible.adjusted(-2, -2, 2, 2).contains(scene()->sceneRect()) ||
                qFuzzyCompare(canvas->zoom(), 0.1));
    }

    // SVG (parseable, with the title, the nodes and the legend), PNG of the
    // requested size, and the clipboard.
    void exports()
    {
        navigate("VFIO_CONTAINER");
        const QString svgPath = m_out.filePath(QStringLiteral("graph.svg"));
        QString error;
        QVERIFY2(m_graph->exportTo(svgPath, QSize(), &error), qPrintable(error));
        QFile svgFile(svgPath);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svg = svgFile.readAll();
        const QString text = svgText(svg, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString &name : nodeNames(scene()))
            QVERIFY2(text.contains(name), qPrintable(name));
        for (const char *s : {"Kconfig Studio demo", "VFIO_CONTAINER: needs and needed by, 1 hop",
                              "Legend", "depends on", "select"})
            QVERIFY2(text.contains(QLatin1String(s)), s);
        QVERIFY(QSvgRenderer(svg).isValid());

        const QString pngPath = m_out.filePath(QStringLiteral("graph.png"));
        QVERIFY2(m_graph->exportTo(pngPath, QSize(1000, 640), &error), qPrintable(error));
        const QImage png(pngPath);
        QCOMPARE(png.size(), QSize(1000, 640));
        int ink = 0;
        for (int y = 0; y < png.height(); y += 4)
            for (int x = 0; x < png.width(); x += 4)
                ink += png.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY2(ink > 500, qPrintable(QString::number(ink)));

        m_graph->copyImage();
        const QImage copied = QApplication::clipboard()->image();
        QVERIFY(!copied.isNull());
        QVERIFY(copied.width() > 300);
    }
};

QTEST_MAIN(TestGraphView)
#include "tst_graphview.moc"
