// SPDX-License-Identifier: MIT
// The why panel on the demo tree: the cause tree after a toggle, e-mail text,
// the selected symbol's explanation, link navigation, and undo.
#include "configdocument.h"
#include "navigationhistory.h"
#include "whypanel.h"

#include <kconfig/tree.h>

#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUndoStack>

using namespace kconfig;

class TestWhyPanel : public QObject
{
    Q_OBJECT

private:
    ConfigDocument *m_doc = nullptr;
    NavigationHistory *m_history = nullptr;
    WhyPanel *m_panel = nullptr;

    const Symbol *sym(const char *name) const { return m_doc->tree()->symbols().find(name); }
    QStringList topTexts() const
    {
        QStringList out;
        std::function<void(QTreeWidgetItem *)> walk = [&](QTreeWidgetItem *item) {
            out << item->text(0);
            for (int i = 0; i < item->childCount(); ++i)
                if (item->child(i)->data(0, WhyPanel::EffectRole).toBool()) walk(item->child(i));
        };
        for (int i = 0; i < m_panel->causeTree()->topLevelItemCount(); ++i)
            walk(m_panel->causeTree()->topLevelItem(i));
        return out;
    }

private slots:
    void initTestCase()
    {
        m_doc = new ConfigDocument(this);
        m_history = new NavigationHistory(this);
        m_panel = new WhyPanel(m_doc, m_history);
        m_panel->resize(500, 700);
        QSignalSpy loaded(m_doc, &ConfigDocument::loaded);
        OpenRequest request;
        request.path = QStringLiteral(KCS_DEMO_DIR);
        m_doc->open(request);
        QVERIFY(loaded.wait(30000));
        QVERIFY(m_doc->isLoaded());
        QCOMPARE(m_doc->config()->tristate(sym("IOMMUFD")), Tristate::No);
        QCOMPARE(m_doc->config()->tristate(sym("VFIO")), Tristate::Yes);
    }

    void toggleShowsCauseTree()
    {
        QVERIFY(m_doc->setTristate(sym("IOMMUFD"), Tristate::Mod));
        const QStringList lines = topTexts();
        QVERIFY2(!lines.isEmpty() &&
                     lines.first().startsWith(QStringLiteral("IOMMUFD: n \u2192 m (set by you)")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        const auto has = [&](const QString &prefix) {
            for (const QString &l : lines)
                if (l.startsWith(prefix)) return true;
            return false;
        };
        QVERIFY2(has(QStringLiteral("VFIO: y \u2192 m: 'depends on IOMMUFD || !IOMMUFD'")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(has(QStringLiteral("IOMMUFD_DRIVER: n \u2192 y")));
        QVERIFY(has(QStringLiteral("VFIO_CONTAINER: stays y, no longer locked")));
        QVERIFY(has(QStringLiteral("VFIO_GROUP: stays y, no longer locked")));

        const QString mail = m_panel->actionText();
        QVERIFY2(mail.contains(QStringLiteral("which caps your y at m")), qPrintable(mail));
        QVERIFY(mail.contains(QStringLiteral("'select VFIO_CONTAINER if IOMMUFD=n'")));
        QVERIFY(mail.contains(QStringLiteral("bool, so m becomes y.")));
        for (const QString &line : mail.split(QLatin1Char('\n')))
            QVERIFY2(line.size() <= 72, qPrintable(line));
        QVERIFY(!mail.contains(QChar(0x2192))); // ASCII arrows in copied text
        QVERIFY(
            m_panel->actionText(ExplanationFormat::Markdown).contains(QStringLiteral("**VFIO**")));
    }

    void selectedSymbolExplained()
    {
        m_history->visit(sym("VFIO_DEVICE_CDEV")->menus.front());
        const QString html = m_panel->symbolView()->toPlainText();
        QVERIFY2(html.contains(QStringLiteral("default !VFIO_GROUP")), qPrintable(html));
        QVERIFY(m_panel->symbolText().startsWith(QStringLiteral("VFIO_DEVICE_CDEV = n (bool)")));
    }

    void linksNavigate()
    {
        // VFIO_IOMMU_TYPE1 has no prompt: VFIO_CONTAINER's select decides it.
        m_history->visit(sym("VFIO_IOMMU_TYPE1")->menus.front());
        const QString html = m_panel->symbolView()->toHtml();
        QVERIFY2(html.contains(QStringLiteral("href=\"sym:VFIO_CONTAINER\"")), qPrintable(html));
        emit m_panel->symbolView()->anchorClicked(QUrl(QStringLiteral("sym:VFIO_CONTAINER")));
        QVERIFY(m_history->current());
        QCOMPARE(m_history->current()->sym, sym("VFIO_CONTAINER"));
    }

    void undoIsExplainedAndKept()
    {
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->config()->tristate(sym("IOMMUFD")), Tristate::No);
        QCOMPARE(m_panel->historySize(), 2);
        QVERIFY(topTexts().first().startsWith(QStringLiteral("IOMMUFD: m \u2192 n")));
        QVERIFY(m_panel->actionText().contains(QStringLiteral("now locked")));
        m_panel->showHistoryEntry(1);
        QVERIFY(topTexts().first().startsWith(QStringLiteral("IOMMUFD: n \u2192 m")));
    }
};

QTEST_MAIN(TestWhyPanel)
#include "tst_whypanel.moc"
