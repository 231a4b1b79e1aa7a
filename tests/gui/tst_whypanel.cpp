// SPDX-License-Identifier: MIT
// The why panel on the demo tree, next to the menu tree as in the main
// window: a click on a value in the tree updates the cause tree, the copy
// buttons put e-mail text and Markdown on the clipboard, symbol and file
// links in the rows and in the symbol's explanation navigate, earlier
// actions keep the values of their moment, undo, choices and loading a
// .config are explained.
#include "configdocument.h"
#include "menutreeview.h"
#include "navigationhistory.h"
#include "whypanel.h"
#include "wrappingitemdelegate.h"

#include <kconfig/tree.h>

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace kconfig;

class TestWhyPanel : public QObject
{
    Q_OBJECT

private:
    QWidget *m_window = nullptr;
    ConfigDocument *m_doc = nullptr;
    NavigationHistory *m_history = nullptr;
    MenuTreeView *m_menus = nullptr;
    WhyPanel *m_panel = nullptr;

    const Symbol *sym(const char *name) const { return m_doc->tree()->symbols().find(name); }

    // The rows of changed symbols, depth first.
    QList<QTreeWidgetItem *> effectRows() const
    {
        QList<QTreeWidgetItem *> out;
        std::function<void(QTreeWidgetItem *)> walk = [&](QTreeWidgetItem *item) {
            out << item;
            for (int i = 0; i < item->childCount(); ++i)
                if (item->child(i)->data(0, WhyPanel::EffectRole).toBool()) walk(item->child(i));
        };
        for (int i = 0; i < m_panel->causeTree()->topLevelItemCount(); ++i)
            walk(m_panel->causeTree()->topLevelItem(i));
        return out;
    }
    QStringList topTexts() const
    {
        QStringList out;
        for (QTreeWidgetItem *item : effectRows())
            out << item->text(0);
        return out;
    }
    QTreeWidgetItem *row(const QString &prefix) const
    {
        for (QTreeWidgetItem *item : effectRows())
            if (item->text(0).startsWith(prefix)) return item;
        return nullptr;
    }
    QToolButton *button(const QString &text) const
    {
        for (QToolButton *b : m_panel->findChildren<QToolButton *>())
            if (b->text() == text) return b;
        return nullptr;
    }

    // Where the link `href` is drawn in a row of the cause tree (viewport
    // coordinates), laid out as WrappingItemDelegate paints it.
    QPoint linkPosition(QTreeWidgetItem *item, const QString &href) const
    {
        QTreeWidget *tree = m_panel->causeTree();
        tree->scrollToItem(item);
        const QModelIndex index = tree->indexFromItem(item);
        const QRect rect = tree->visualRect(index);
        int depth = 0;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            ++depth;
        QTextDocument doc;
        doc.setDefaultFont(tree->font());
        doc.setDocumentMargin(2);
        doc.setHtml(index.data(WrappingItemDelegate::HtmlRole).toString());
        doc.setTextWidth(
            qMax(80, tree->viewport()->width() - tree->indentation() * (depth + 1) - 8));
        (void)doc.size(); // lays the lines out
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment f = it.fragment();
                if (f.charFormat().anchorHref() != href) continue;
                const int pos = f.position() - b.position() + f.length() / 2;
                const QTextLine line = b.layout()->lineForTextPosition(pos);
                const QPointF at = b.layout()->position() +
                                   QPointF(line.cursorToX(pos), line.y() + line.height() / 2);
                return rect.topLeft() + at.toPoint();
            }
        return {};
    }

private slots:
    void initTestCase()
    {
        m_window = new QWidget;
        m_doc = new ConfigDocument(m_window);
        m_history = new NavigationHistory(m_window);
        m_menus = new MenuTreeView(m_doc, m_history);
        m_menus->menuModel()->setFlashDuration(0);
        m_panel = new WhyPanel(m_doc, m_history);
        auto *layout = new QHBoxLayout(m_window);
        layout->addWidget(m_menus, 3);
        layout->addWidget(m_panel, 2);
        m_window->resize(1100, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QSignalSpy loaded(m_doc, &ConfigDocument::loaded);
        OpenRequest request;
        request.path = QStringLiteral(KCS_DEMO_DIR);
        m_doc->open(request);
        QVERIFY(loaded.wait(30000));
        QVERIFY(m_doc->isLoaded());
        QCOMPARE(m_doc->config()->tristate(sym("IOMMUFD")), Tristate::No);
        QCOMPARE(m_doc->config()->tristate(sym("VFIO")), Tristate::Yes);
        QCOMPARE(m_panel->historySize(), 0);
        QVERIFY(!m_panel->shownReport());
    }
    void cleanupTestCase() { delete m_window; }

    void clickInTreeShowsCauseTree()
    {
        // A click on IOMMUFD's value in the menu tree: n -> m.
        QVERIFY(m_menus->reveal(sym("IOMMUFD")->menus.front()));
        const QModelIndex value =
            m_menus->currentIndex().siblingAtColumn(MenuTreeModel::ValueColumn);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(m_menus->viewport(), Qt::LeftButton, {},
                          m_menus->visualRect(value).center());
        m_panel->causeTree()->viewport()->repaint();
        const qint64 ms = clock.elapsed();
        QCOMPARE(m_doc->config()->tristate(sym("IOMMUFD")), Tristate::Mod);
        QCOMPARE(m_panel->historySize(), 1);
        qInfo("click -> panel repainted: %lld ms (demo tree)", ms);

        const QStringList lines = topTexts();
        QVERIFY2(!lines.isEmpty() &&
                     lines.first().startsWith(QStringLiteral("IOMMUFD: n \u2192 m (set by you)")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        const auto has = [&](const QString &prefix) { return row(prefix) != nullptr; };
        QVERIFY2(has(QStringLiteral("VFIO: y \u2192 m: 'depends on IOMMUFD || !IOMMUFD'")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(has(QStringLiteral("IOMMUFD_DRIVER: n \u2192 y")));
        QVERIFY(has(QStringLiteral("VFIO_CONTAINER: stays y, no longer locked")));
        QVERIFY(has(QStringLiteral("VFIO_GROUP: stays y, no longer locked")));
        QVERIFY(has(QStringLiteral("VFIO_IOMMU_TYPE1: y \u2192 m, now selected at m (was y): "
                                   "selected by VFIO_CONTAINER")));
        // Effects hang below their cause: VFIO_IOMMU_TYPE1 follows VFIO.
        QTreeWidgetItem *type1 = row(QStringLiteral("VFIO_IOMMU_TYPE1:"));
        QVERIFY(type1->parent());
        QVERIFY(type1->parent()->text(0).startsWith(QStringLiteral("VFIO: y \u2192 m")));
        // The reason shown on the row itself is not repeated below it.
        QTreeWidgetItem *vfio = row(QStringLiteral("VFIO: "));
        for (int i = 0; i < vfio->childCount(); ++i)
            QVERIFY2(vfio->child(i)->data(0, WhyPanel::EffectRole).toBool(),
                     qPrintable(vfio->child(i)->text(0)));

        const QString mail = m_panel->actionText();
        QVERIFY2(mail.contains(QStringLiteral("which caps your y at m")), qPrintable(mail));
        QVERIFY(mail.contains(QStringLiteral("'select VFIO_CONTAINER if IOMMUFD=n'")));
        QVERIFY(mail.contains(QStringLiteral("bool, so m becomes y.")));
        for (const QString &line : mail.split(QLatin1Char('\n')))
            QVERIFY2(line.size() <= 72, qPrintable(line));
        QVERIFY(!mail.contains(QChar(0x2192))); // ASCII arrows in copied text
    }

    void copyButtons()
    {
        QClipboard *clipboard = QApplication::clipboard();
        clipboard->clear();
        QToolButton *copy = button(QStringLiteral("Copy"));
        QVERIFY(copy);
        copy->click();
        QCOMPARE(clipboard->text(), m_panel->actionText());
        QVERIFY(clipboard->text().startsWith(QStringLiteral("IOMMUFD: n -> m (set by you)\n")));
        QToolButton *markdown = button(QStringLiteral("Markdown"));
        QVERIFY(markdown);
        markdown->click();
        QCOMPARE(clipboard->text(), m_panel->actionText(ExplanationFormat::Markdown));
        QVERIFY(clipboard->text().startsWith(QStringLiteral("- **IOMMUFD**: n -> m")));
        QVERIFY(clipboard->text().contains(QStringLiteral("  - **VFIO**: y -> m")));
    }

    void selectedSymbolExplained()
    {
        m_history->visit(sym("VFIO_DEVICE_CDEV")->menus.front());
        const QString html = m_panel->symbolView()->toPlainText();
        QVERIFY2(html.contains(QStringLiteral("default !VFIO_GROUP")), qPrintable(html));
        QVERIFY(m_panel->symbolText().startsWith(QStringLiteral("VFIO_DEVICE_CDEV = n (bool)")));
        // Locked by a select: what would unlock it.
        m_history->visit(sym("VFIO_IOMMU_TYPE1")->menus.front());
        QVERIFY(m_panel->symbolView()->toPlainText().contains(QStringLiteral("To make it n:")));
    }

    void linksNavigate()
    {
        // In the selected symbol's explanation: VFIO_IOMMU_TYPE1 has no
        // prompt, VFIO_CONTAINER's select decides it.
        m_history->visit(sym("VFIO_IOMMU_TYPE1")->menus.front());
        const QString html = m_panel->symbolView()->toHtml();
        QVERIFY2(html.contains(QStringLiteral("href=\"sym:VFIO_CONTAINER\"")), qPrintable(html));
        emit m_panel->symbolView()->anchorClicked(QUrl(QStringLiteral("sym:VFIO_CONTAINER")));
        QVERIFY(m_history->current());
        QCOMPARE(m_history->current()->sym, sym("VFIO_CONTAINER"));
        QSignalSpy source(m_panel, &WhyPanel::sourceRequested);
        emit m_panel->symbolView()->anchorClicked(
            QUrl(QStringLiteral("src:drivers/vfio/Kconfig:22")));
        QCOMPARE(source.size(), 1);
        QCOMPARE(source.first().at(1).toInt(), 22);

        // In a row of the cause tree: a real click on the selector's name.
        QTreeWidgetItem *type1 = row(QStringLiteral("VFIO_IOMMU_TYPE1:"));
        QVERIFY(type1);
        m_history->visit(sym("IOMMUFD")->menus.front());
        const QPoint at = linkPosition(type1, QStringLiteral("sym:VFIO_CONTAINER"));
        QVERIFY(!at.isNull());
        // A hand over the link.
        QWidget *viewport = m_panel->causeTree()->viewport();
        QMouseEvent move(QEvent::MouseMove, QPointF(at), viewport->mapToGlobal(QPointF(at)),
                         Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
        QCOMPARE(viewport->cursor().shape(), Qt::PointingHandCursor);
        QTest::mouseClick(m_panel->causeTree()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(m_history->current()->sym, sym("VFIO_CONTAINER"));
        // ... and on its file:line.
        const QPoint line = linkPosition(type1, QStringLiteral("src:drivers/vfio/Kconfig:64"));
        QVERIFY(!line.isNull());
        QTest::mouseClick(m_panel->causeTree()->viewport(), Qt::LeftButton, {}, line);
        QCOMPARE(source.size(), 2);
        QCOMPARE(source.last().at(1).toInt(), 64);
        // Activating a row (Enter, double click) goes to its symbol.
        QTreeWidgetItem *drv = row(QStringLiteral("IOMMUFD_DRIVER:"));
        emit m_panel->causeTree()->itemActivated(drv, 0);
        QCOMPARE(m_history->current()->sym, sym("IOMMUFD_DRIVER"));
        // The menu tree follows.
        QCOMPARE(m_menus->currentMenu()->sym, sym("IOMMUFD_DRIVER"));
    }

    void earlierActionsKeepTheirValues()
    {
        // IOMMUFD m -> y: the first action still reads IOMMUFD [=m].
        QVERIFY(m_doc->setTristate(sym("IOMMUFD"), Tristate::Yes));
        QCOMPARE(m_panel->historySize(), 2);
        QVERIFY(m_panel->actionText().startsWith(QStringLiteral("IOMMUFD: m -> y")));
        m_panel->showHistoryEntry(1);
        QVERIFY(topTexts().first().startsWith(QStringLiteral("IOMMUFD: n \u2192 m")));
        const QString first = m_panel->actionText();
        QVERIFY2(first.contains(QStringLiteral("if IOMMUFD [=m]")), qPrintable(first));
        QVERIFY2(!first.contains(QStringLiteral("IOMMUFD [=y]")), qPrintable(first));
        const QTreeWidgetItem *drv = row(QStringLiteral("IOMMUFD_DRIVER: n \u2192 y"));
        QVERIFY(drv);
        QVERIFY2(drv->text(0).contains(QStringLiteral("IOMMUFD [=m]")), qPrintable(drv->text(0)));
        m_panel->showHistoryEntry(0);
        QVERIFY(m_panel->actionText().contains(QStringLiteral("is y now (was m)")));
    }

    void undoIsExplainedAndKept()
    {
        m_doc->undoStack()->undo(); // IOMMUFD y -> m
        m_doc->undoStack()->undo(); // IOMMUFD m -> n
        QCOMPARE(m_doc->config()->tristate(sym("IOMMUFD")), Tristate::No);
        QCOMPARE(m_panel->historySize(), 4);
        QVERIFY(topTexts().first().startsWith(QStringLiteral("IOMMUFD: m \u2192 n")));
        QVERIFY(m_panel->actionText().contains(QStringLiteral("now locked")));
        m_panel->showHistoryEntry(3);
        QVERIFY(topTexts().first().startsWith(QStringLiteral("IOMMUFD: n \u2192 m")));
        QVERIFY(m_panel->actionText().contains(QStringLiteral("if IOMMUFD [=m]")));
    }

    void choiceIsExplained()
    {
        QVERIFY(m_doc->selectChoiceMember(sym("PPC64")));
        const QString text = m_panel->actionText();
        QVERIFY2(text.startsWith(QStringLiteral("PPC64: n -> y (set by you)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("X86_64: y -> n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("the choice now selects PPC64")), qPrintable(text));
        m_doc->undoStack()->undo();
        const QString back = m_panel->actionText();
        QVERIFY2(back.contains(QStringLiteral("the choice now selects X86_64")), qPrintable(back));
        QCOMPARE(m_doc->config()->tristate(sym("X86_64")), Tristate::Yes);
    }

    void loadingAConfigIsExplained()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("iommufd.config"));
        QFile in(QStringLiteral(KCS_DEMO_DIR "/.config"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        QVERIFY(text.contains("# CONFIG_IOMMUFD is not set"));
        text.replace("# CONFIG_IOMMUFD is not set", "CONFIG_IOMMUFD=y");
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        QString error;
        QVERIFY2(m_doc->loadConfig(path, &error), qPrintable(error));
        QCOMPARE(m_doc->config()->tristate(sym("IOMMUFD")), Tristate::Yes);
        const QString mail = m_panel->actionText();
        QVERIFY2(mail.startsWith(QStringLiteral("load iommufd.config\n")), qPrintable(mail));
        QVERIFY2(mail.contains(QStringLiteral("IOMMUFD: n -> y\n    user value: n -> y.")),
                 qPrintable(mail));
        // Its effects follow it, with their reasons.
        QVERIFY2(mail.contains(QStringLiteral("IOMMUFD_DRIVER: n -> y")), qPrintable(mail));
        QVERIFY(mail.contains(QStringLiteral("stopped applying")));
        QVERIFY(row(QStringLiteral("IOMMUFD: n \u2192 y: user value: n \u2192 y.")));
    }
};

QTEST_MAIN(TestWhyPanel)
#include "tst_whypanel.moc"
