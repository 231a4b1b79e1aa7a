// SPDX-License-Identifier: MIT
// The menu tree view with real clicks and keys: cycling values by clicking
// markers and value cells, Space and N/M/Y (with the reason for a refusal),
// choices, in-place editing of int/hex/string values, menus opening with
// Enter, undo/redo, and following the navigation history.
#include "configdocument.h"
#include "menuentrydelegate.h"
#include "menutreeview.h"
#include "navigationhistory.h"

#include <kconfig/config.h>
#include <kconfig/menunode.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace kconfig;
using OptionMode = MenuTreeModel::OptionMode;

namespace {

QString dataDir(const QString &tree)
{
    return QStringLiteral(KCS_TEST_DATA_DIR "/gui/") + tree;
}

bool load(ConfigDocument &doc, const QString &tree, const QTemporaryDir &work)
{
    OpenRequest request;
    request.path = dataDir(tree) + QStringLiteral("/Kconfig");
    request.configFile = work.filePath(QStringLiteral(".config"));
    request.runShell = false;
    QFile::remove(request.configFile);
    QFile::copy(dataDir(tree) + QStringLiteral("/config"), request.configFile);
    QSignalSpy loaded(&doc, &ConfigDocument::loaded);
    QSignalSpy failed(&doc, &ConfigDocument::loadFailed);
    doc.open(request);
    return QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, 30000) &&
           !loaded.isEmpty();
}

} // namespace

class TestMenuTreeView : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_doc = new ConfigDocument(this);
        QVERIFY(load(*m_doc, QStringLiteral("basic"), m_work));
        m_history = new NavigationHistory(m_doc);
        m_view = new MenuTreeView(m_doc, m_history);
        m_view->menuModel()->setFlashDuration(0);
        m_view->resize(900, 700);
        m_view->expandAll();
        m_view->show();
        QApplication::setActiveWindow(m_view);
        QVERIFY(QTest::qWaitForWindowActive(m_view));
        m_messages = new QSignalSpy(m_view, &MenuTreeView::message);
    }
    void cleanup()
    {
        delete m_messages;
        delete m_view;
        delete m_doc;
    }

    void clickingTheMarkerCycles()
    {
        const Symbol *foo = symbol("FOO");
        QCOMPARE(value(foo), Tristate::Mod);
        clickMarker("FOO");
        QCOMPARE(value(foo), Tristate::Yes);
        // FOO=y shows the entry that needs it built in.
        QVERIFY(index("FOO_BUILTIN_ONLY").isValid());
        clickMarker("FOO");
        QCOMPARE(value(foo), Tristate::No);
        QVERIFY(!index("FOO_EXTRA").isValid());
        clickMarker("FOO");
        QCOMPARE(value(foo), Tristate::Mod);
        QVERIFY(index("FOO_EXTRA").isValid());
    }

    void clickingTheValueCellCycles()
    {
        const QModelIndex bar = index("BAR").siblingAtColumn(MenuTreeModel::ValueColumn);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, m_view->visualRect(bar).center());
        QCOMPARE(value(symbol("BAR")), Tristate::No);
        // LOCKED is no longer held by BAR.
        QCOMPARE(index("LOCKED").data().toString(), QStringLiteral("[ ] Locked by Bar (NEW)"));
        QCOMPARE(index("LOCKED").siblingAtColumn(MenuTreeModel::ValueColumn).data().toString(),
                 QStringLiteral("n"));
    }

    void clickingThePromptOnlySelects()
    {
        const QModelIndex foo = index("FOO");
        const QRect r = m_view->visualRect(foo);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
                          QPoint(r.right() - 20, r.center().y()));
        QCOMPARE(value(symbol("FOO")), Tristate::Mod);
        QCOMPARE(m_view->currentMenu(), symbol("FOO")->menus.front());
    }

    void spaceAndLetters()
    {
        select("FOO");
        QTest::keyClick(m_view, Qt::Key_Space);
        QCOMPARE(value(symbol("FOO")), Tristate::Yes);
        QTest::keyClick(m_view, Qt::Key_N);
        QCOMPARE(value(symbol("FOO")), Tristate::No);
        select("NET");
        QTest::keyClick(m_view, Qt::Key_N);
        QCOMPARE(value(symbol("NET")), Tristate::No);
        QTest::keyClick(m_view, Qt::Key_Y);
        QCOMPARE(value(symbol("NET")), Tristate::Yes);
        select("BAZ");
        QTest::keyClick(m_view, Qt::Key_M);
        QCOMPARE(value(symbol("BAZ")), Tristate::Mod);
        QCOMPARE(index("LOWER").data().toString(),
                 QStringLiteral("{M} Lower limit set by Baz (NEW)"));
    }

    void refusalsSayWhy_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("key");
        QTest::addColumn<QString>("message");
        QTest::newRow("locked by a select")
            << "LOCKED" << int(Qt::Key_N) << "LOCKED is locked at y: selected by BAR [=y].";
        QTest::newRow("bool has no m")
            << "BAR" << int(Qt::Key_M) << "BAR is bool: m is not possible.";
        QTest::newRow("choice member")
            << "HZ_250" << int(Qt::Key_N)
            << "HZ_250 is a choice member: choose another member to turn it off.";
        QTest::newRow("int") << "NR_CPUS" << int(Qt::Key_Y)
                             << "NR_CPUS holds an integer: press Enter to edit it.";
    }

    void refusalsSayWhy()
    {
        QFETCH(QString, name);
        QFETCH(int, key);
        QFETCH(QString, message);
        const Symbol *s = symbol(qPrintable(name));
        const QString before = QString::fromStdString(m_doc->config()->stringValue(s));
        select(qPrintable(name));
        QTest::keyClick(m_view, Qt::Key(key));
        QCOMPARE(QString::fromStdString(m_doc->config()->stringValue(s)), before);
        QVERIFY(!m_messages->isEmpty());
        QCOMPARE(m_messages->last().at(0).toString(), message);
        QCOMPARE(m_doc->undoStack()->count(), 0);
    }

    void lowerLimitRefusal()
    {
        QVERIFY(m_doc->setTristate(symbol("BAZ"), Tristate::Mod));
        select("LOWER");
        QTest::keyClick(m_view, Qt::Key_N);
        QCOMPARE(value(symbol("LOWER")), Tristate::Mod);
        QCOMPARE(m_messages->last().at(0).toString(),
                 QStringLiteral("LOWER cannot be n: selected by BAZ [=m]."));
        QTest::keyClick(m_view, Qt::Key_Y);
        QCOMPARE(value(symbol("LOWER")), Tristate::Yes);
    }

    void choiceIsARadioGroup()
    {
        select("HZ_1000");
        QTest::keyClick(m_view, Qt::Key_Space);
        QCOMPARE(value(symbol("HZ_1000")), Tristate::Yes);
        QCOMPARE(value(symbol("HZ_250")), Tristate::No);
        QCOMPARE(index("HZ_1000").data().toString(), QStringLiteral("(X) 1000 HZ"));
        QCOMPARE(index("HZ_250").data().toString(), QStringLiteral("( ) 250 HZ"));
        const QModelIndex choice = index("HZ_1000").parent();
        QCOMPARE(choice.data().toString(), QStringLiteral("Timer frequency (1000 HZ)  --->"));
        clickMarker("HZ_100");
        QCOMPARE(value(symbol("HZ_100")), Tristate::Yes);
        QCOMPARE(value(symbol("HZ_1000")), Tristate::No);
        // Clicking the chosen member again keeps it chosen.
        clickMarker("HZ_100");
        QCOMPARE(value(symbol("HZ_100")), Tristate::Yes);
    }

    void editingValues_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("key");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("message");
        QTest::newRow("int") << "NR_CPUS" << int(Qt::Key_Return) << "16"
                             << "16"
                             << "";
        QTest::newRow("int out of range") << "NR_CPUS" << int(Qt::Key_Return) << "1000"
                                          << "8"
                                          << "'1000' is not a valid value for NR_CPUS: it must be "
                                             "an integer from 2 to 512. NR_CPUS keeps 8.";
        QTest::newRow("int not a number") << "NR_CPUS" << int(Qt::Key_F2) << "many"
                                          << "8"
                                          << "'many' is not a valid value for NR_CPUS: it must be "
                                             "an integer from 2 to 512. NR_CPUS keeps 8.";
        QTest::newRow("hex") << "BASE_ADDR" << int(Qt::Key_F2) << "0x2000"
                             << "0x2000"
                             << "";
        QTest::newRow("hex invalid") << "BASE_ADDR" << int(Qt::Key_Return) << "0xzz"
                                     << "0x1000"
                                     << "'0xzz' is not a valid value for BASE_ADDR: it must be a "
                                        "hexadecimal number. BASE_ADDR keeps 0x1000.";
        QTest::newRow("string") << "CMDLINE" << int(Qt::Key_Return) << "quiet splash"
                                << "quiet splash"
                                << "";
    }

    void editingValues()
    {
        QFETCH(QString, name);
        QFETCH(int, key);
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, message);
        select(qPrintable(name));
        QTest::keyClick(m_view, Qt::Key(key));
        QLineEdit *editor = m_view->viewport()->findChild<QLineEdit *>();
        QVERIFY(editor);
        QTRY_VERIFY(editor->hasFocus());
        editor->selectAll();
        QTest::keyClicks(editor, input);
        QPointer<QLineEdit> open = editor;
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits after the editor has seen the key (queued).
        QTRY_VERIFY(open.isNull() || !open->isVisible());
        QCOMPARE(QString::fromStdString(m_doc->config()->stringValue(symbol(qPrintable(name)))),
                 expected);
        QCOMPARE(
            index(qPrintable(name)).siblingAtColumn(MenuTreeModel::ValueColumn).data().toString(),
            expected);
        if (message.isEmpty()) {
            QCOMPARE(m_doc->undoStack()->count(), 1);
        } else {
            QCOMPARE(m_doc->undoStack()->count(), 0);
            QCOMPARE(m_messages->last().at(0).toString(), message);
        }
    }

    void enterOpensAndClosesMenus()
    {
        const QModelIndex features = m_view->model()->index(1, 0);
        QCOMPARE(features.data().toString(), QStringLiteral("Features  --->"));
        m_view->setCurrentIndex(features);
        QVERIFY(m_view->isExpanded(features));
        QTest::keyClick(m_view, Qt::Key_Return);
        QVERIFY(!m_view->isExpanded(features));
        QTest::keyClick(m_view, Qt::Key_Enter);
        QVERIFY(m_view->isExpanded(features));
        // A menuconfig entry is a menu too.
        m_view->setCurrentIndex(index("NET"));
        QTest::keyClick(m_view, Qt::Key_Return);
        QVERIFY(!m_view->isExpanded(index("NET")));
        QCOMPARE(value(symbol("NET")), Tristate::Yes);
    }

    void undoAndRedo()
    {
        clickMarker("BAR");
        QCOMPARE(value(symbol("LOCKED")), Tristate::No);
        m_doc->undoStack()->undo();
        QCOMPARE(value(symbol("BAR")), Tristate::Yes);
        QCOMPARE(index("LOCKED").data().toString(), QStringLiteral("-*- Locked by Bar"));
        m_doc->undoStack()->redo();
        QCOMPARE(index("LOCKED").data().toString(), QStringLiteral("[ ] Locked by Bar (NEW)"));
    }

    void followsTheHistory()
    {
        const MenuNode *locked = symbol("LOCKED")->menus.front();
        const MenuNode *net = symbol("NET")->menus.front();
        m_history->visit(locked);
        QCOMPARE(m_view->currentMenu(), locked);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
                          m_view->visualRect(index("NET")).center());
        QCOMPARE(m_history->current(), net);
        m_history->back();
        QCOMPARE(m_view->currentMenu(), locked);
        m_history->forward();
        QCOMPARE(m_view->currentMenu(), net);
    }

    void revealingAHiddenEntryShowsAll()
    {
        const MenuNode *hidden = symbol("FOO_BUILTIN_ONLY")->menus.front();
        QSignalSpy modeChanged(m_view, &MenuTreeView::optionModeChanged);
        m_history->visit(hidden);
        QCOMPARE(m_view->menuModel()->optionMode(), OptionMode::All);
        QCOMPARE(modeChanged.size(), 1);
        QCOMPARE(m_view->currentMenu(), hidden);
        QVERIFY(
            m_messages->last().at(0).toString().contains(QStringLiteral("showing all options")));
        // It is dimmed and says why it cannot change.
        QCOMPARE(index("FOO_BUILTIN_ONLY")
                     .data(MenuTreeModel::ValueMarkerRole)
                     .value<ValueMarker>()
                     .lock,
                 ValueMarker::Lock::Hidden);
        QTest::keyClick(m_view, Qt::Key_Y);
        QCOMPARE(
            m_messages->last().at(0).toString(),
            QStringLiteral("FOO_BUILTIN_ONLY is hidden: its prompt depends on FOO [=m]=y [=y]."));
    }

    void tooltipsExplainLocks()
    {
        QCOMPARE(index("LOCKED").data(Qt::ToolTipRole).toString(),
                 QStringLiteral("LOCKED (bool)\nLocked at y: selected by BAR [=y]."));
        QCOMPARE(index("FOO").data(Qt::ToolTipRole).toString(), QStringLiteral("FOO (tristate)"));
    }

    void paintsEveryState()
    {
        m_view->setOptionMode(OptionMode::All);
        m_view->expandAll();
        QVERIFY(m_doc->setTristate(symbol("BAZ"), Tristate::Mod));
        const QImage image = m_view->grab().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), m_view->size() * m_view->devicePixelRatio());
    }

private:
    const Symbol *symbol(const char *name) const { return m_doc->tree()->symbols().find(name); }
    Tristate value(const Symbol *s) const { return m_doc->config()->tristate(s); }
    QModelIndex index(const char *name) const
    {
        return m_view->menuModel()->indexOf(symbol(name)->menus.front());
    }
    void select(const char *name)
    {
        m_view->setCurrentIndex(index(name));
        QCOMPARE(m_view->currentMenu(), symbol(name)->menus.front());
    }
    void clickMarker(const char *name)
    {
        const QModelIndex i = index(name);
        QStyleOptionViewItem option;
        option.rect = m_view->visualRect(i);
        option.font = m_view->font();
        const QRect marker = m_view->entryDelegate()->markerRect(option, i);
        QVERIFY(marker.isValid());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, marker.center());
    }

    QTemporaryDir m_work;
    ConfigDocument *m_doc = nullptr;
    NavigationHistory *m_history = nullptr;
    MenuTreeView *m_view = nullptr;
    QSignalSpy *m_messages = nullptr;
};

QTEST_MAIN(TestMenuTreeView)
#include "tst_menutreeview.moc"
