// SPDX-License-Identifier: MIT
// The search panel on a small tree: names with and without CONFIG_, prompts,
// help, regex (and its errors), the order of results, the result columns,
// and the keyboard and mouse paths from typing to choosing an entry.
#include "configdocument.h"
#include "searchpanel.h"
#include "searchpanelmodel.h"

#include <kconfig/menunode.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace kconfig;

class TestSearchPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void findsByName_data();
    void findsByName();
    void exactNameFirst();
    void resultColumns();
    void promptWords();
    void helpOnly();
    void regex();
    void invalidRegex();
    void typingSearches();
    void keyboardFromQueryToResult();
    void enterInQueryChoosesCurrent();
    void doubleClickChooses();
    void typingInListGoesToQuery();
    void escapeClears();
    void valuesFollowChanges();

private:
    QString nameAt(int row) const
    {
        const MenuNode *m = m_panel->resultAt(row);
        return m && m->sym ? QString::fromStdString(m->sym->name) : QString();
    }
    QCheckBox *option(const char *name) const
    {
        return m_panel->findChild<QCheckBox *>(QLatin1String(name));
    }
    void click(QCheckBox *box) const
    {
        QTest::mouseClick(box, Qt::LeftButton, Qt::NoModifier, QPoint(8, box->height() / 2));
    }

    ConfigDocument *m_doc = nullptr;
    SearchPanel *m_panel = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestSearchPanel::initTestCase()
{
    m_doc = new ConfigDocument(this);
    // Created before the tree is there: the index follows loading.
    m_panel = new SearchPanel(m_doc);
    m_tester =
        new QAbstractItemModelTester(m_panel->resultView()->model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    QSignalSpy loaded(m_doc, &ConfigDocument::loaded);
    OpenRequest request;
    request.path = QStringLiteral(KCS_TEST_DATA_DIR "/pages/basic");
    request.configFile = QStringLiteral("/nonexistent/pages.config");
    m_doc->open(request);
    QVERIFY(loaded.wait(30000));
    m_panel->resize(800, 400);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void TestSearchPanel::cleanup()
{
    for (const char *name : {"searchNames", "searchPrompts", "searchHelp"})
        option(name)->setChecked(true);
    option("searchRegex")->setChecked(false);
    m_panel->setQuery(QString());
}

void TestSearchPanel::findsByName_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("first");
    QTest::newRow("name") << QStringLiteral("device_core") << QStringLiteral("DEVICE_CORE");
    QTest::newRow("upper case") << QStringLiteral("DEVICE_CORE") << QStringLiteral("DEVICE_CORE");
    QTest::newRow("CONFIG_ prefix")
        << QStringLiteral("CONFIG_DEVICE_CORE") << QStringLiteral("DEVICE_CORE");
    QTest::newRow("part of a name") << QStringLiteral("_CORE") << QStringLiteral("DEVICE_CORE");
    QTest::newRow("symbol without prompt") << QStringLiteral("helper") << QStringLiteral("HELPER");
}

void TestSearchPanel::findsByName()
{
    QFETCH(QString, query);
    QFETCH(QString, first);
    m_panel->setQuery(query);
    QVERIFY(m_panel->resultCount() >= 1);
    QCOMPARE(nameAt(0), first);
    QCOMPARE(m_panel->statusText(), tr("%n symbol(s)", nullptr, m_panel->resultCount()));
}

void TestSearchPanel::exactNameFirst()
{
    m_panel->setQuery(QStringLiteral("extra"));
    QStringList names;
    for (int row = 0; row < m_panel->resultCount(); ++row)
        names << nameAt(row);
    // Exact name, then names starting with it, then prompt and help matches.
    QCOMPARE(names, (QStringList{QStringLiteral("EXTRA"), QStringLiteral("EXTRA_DEBUG"),
                                 QStringLiteral("OPTIONAL_FEATURE")}));
    m_panel->setQuery(QStringLiteral("CONFIG_EXTRA"));
    QCOMPARE(nameAt(0), QStringLiteral("EXTRA"));
}

void TestSearchPanel::resultColumns()
{
    m_panel->setQuery(QStringLiteral("count"));
    QAbstractItemModel *model = m_panel->resultView()->model();
    QCOMPARE(model->columnCount(), 4);
    QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Prompt"));
    QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Value"));
    QCOMPARE(model->headerData(3, Qt::Horizontal).toString(), QStringLiteral("Menu path"));
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Count"));
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("COUNT"));
    QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("16"));
    QCOMPARE(model->index(0, 3).data().toString(), QStringLiteral("Drivers"));

    m_panel->setQuery(QStringLiteral("helper"));
    // The first definition with a prompt is the one shown.
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Helper, second definition"));
    m_panel->setQuery(QStringLiteral("name"));
    QCOMPARE(nameAt(0), QStringLiteral("NAME"));
    QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("\"hello world\""));
}

void TestSearchPanel::promptWords()
{
    // Every word must occur, in any order and case.
    m_panel->setQuery(QStringLiteral("FEATURE optional"));
    QCOMPARE(m_panel->resultCount(), 1);
    QCOMPARE(nameAt(0), QStringLiteral("OPTIONAL_FEATURE"));
    m_panel->setQuery(QStringLiteral("limited core"));
    QCOMPARE(nameAt(0), QStringLiteral("LIMITED"));
}

void TestSearchPanel::helpOnly()
{
    click(option("searchNames"));
    click(option("searchPrompts"));
    QVERIFY(!option("searchNames")->isChecked());
    QVERIFY(!option("searchPrompts")->isChecked());
    m_panel->setQuery(QStringLiteral("example.org"));
    QCOMPARE(m_panel->resultCount(), 1);
    QCOMPARE(nameAt(0), QStringLiteral("BUS"));
    // BUS's help names DEVICE_CORE; DEVICE_CORE's own name is not searched.
    m_panel->setQuery(QStringLiteral("device_core"));
    QCOMPARE(m_panel->resultCount(), 1);
    QCOMPARE(nameAt(0), QStringLiteral("BUS"));
    click(option("searchHelp"));
    QCOMPARE(m_panel->resultCount(), 0);
    QCOMPARE(m_panel->statusText(), QStringLiteral("Nothing to search in"));
}

void TestSearchPanel::regex()
{
    click(option("searchRegex"));
    QVERIFY(option("searchRegex")->isChecked());
    m_panel->setQuery(QStringLiteral("^mode_[ab]$"));
    QCOMPARE(m_panel->resultCount(), 2);
    QCOMPARE(nameAt(0), QStringLiteral("MODE_A"));
    QCOMPARE(nameAt(1), QStringLiteral("MODE_B"));
    m_panel->setQuery(QStringLiteral("^CONFIG_EXTRA"));
    QCOMPARE(m_panel->resultCount(), 2);
    m_panel->setQuery(QStringLiteral("q[uo]otes"));
    QCOMPARE(m_panel->resultCount(), 1);
    QCOMPARE(nameAt(0), QStringLiteral("NAME"));
}

void TestSearchPanel::invalidRegex()
{
    click(option("searchRegex"));
    m_panel->setQuery(QStringLiteral("mode_("));
    QCOMPARE(m_panel->resultCount(), 0);
    QVERIFY2(m_panel->statusText().startsWith(QStringLiteral("Invalid regular expression")),
             qPrintable(m_panel->statusText()));
    m_panel->setQuery(QStringLiteral("mode_(a|b)"));
    QCOMPARE(m_panel->resultCount(), 2);
    QCOMPARE(m_panel->statusText(), tr("%n symbol(s)", nullptr, 2));
}

void TestSearchPanel::typingSearches()
{
    QLineEdit *edit = m_panel->queryEdit();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("wid"));
    QCOMPARE(nameAt(0), QStringLiteral("WIDE"));
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, QStringLiteral("xpert"));
    QCOMPARE(edit->text(), QStringLiteral("wxpert"));
    QCOMPARE(m_panel->resultCount(), 0);
    QCOMPARE(m_panel->statusText(), QStringLiteral("No match"));
}

void TestSearchPanel::keyboardFromQueryToResult()
{
    QSignalSpy chosen(m_panel, &SearchPanel::menuChosen);
    QLineEdit *edit = m_panel->queryEdit();
    QTreeView *view = m_panel->resultView();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("extra"));
    QTest::keyClick(edit, Qt::Key_Down);
    QVERIFY(view->hasFocus());
    QCOMPARE(view->currentIndex().row(), 0);
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->currentIndex().row(), 1);
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().value<const MenuNode *>(), m_panel->resultAt(1));
    QCOMPARE(nameAt(1), QStringLiteral("EXTRA_DEBUG"));
    // Up from the first row goes back to the query.
    QTest::keyClick(view, Qt::Key_Up);
    QTest::keyClick(view, Qt::Key_Up);
    QVERIFY(edit->hasFocus());
}

void TestSearchPanel::enterInQueryChoosesCurrent()
{
    QSignalSpy chosen(m_panel, &SearchPanel::menuChosen);
    QLineEdit *edit = m_panel->queryEdit();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("expert"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().value<const MenuNode *>()->sym,
             m_doc->tree()->symbols().find("EXPERT"));
}

void TestSearchPanel::doubleClickChooses()
{
    QSignalSpy chosen(m_panel, &SearchPanel::menuChosen);
    m_panel->setQuery(QStringLiteral("mode"));
    QTreeView *view = m_panel->resultView();
    QVERIFY(m_panel->resultCount() >= 2);
    const QRect rect = view->visualRect(view->model()->index(1, 1));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QCOMPARE(chosen.size(), 0);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().value<const MenuNode *>(), m_panel->resultAt(1));
}

void TestSearchPanel::typingInListGoesToQuery()
{
    m_panel->setQuery(QStringLiteral("mod"));
    QTreeView *view = m_panel->resultView();
    view->setFocus();
    QTest::keyClicks(view, QStringLiteral("e_b"));
    QCOMPARE(m_panel->queryEdit()->text(), QStringLiteral("mode_b"));
    QVERIFY(m_panel->queryEdit()->hasFocus());
    QCOMPARE(nameAt(0), QStringLiteral("MODE_B"));
}

void TestSearchPanel::escapeClears()
{
    QLineEdit *edit = m_panel->queryEdit();
    m_panel->setQuery(QStringLiteral("bus"));
    QVERIFY(m_panel->resultCount() > 0);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY(edit->text().isEmpty());
    QCOMPARE(m_panel->resultCount(), 0);
    QVERIFY(m_panel->statusText().isEmpty());
}

void TestSearchPanel::valuesFollowChanges()
{
    m_panel->setQuery(QStringLiteral("expert"));
    QAbstractItemModel *model = m_panel->resultView()->model();
    QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("n"));
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_doc->setTristate(m_doc->tree()->symbols().find("EXPERT"), Tristate::Yes));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("y"));
    m_doc->undoStack()->undo();
    QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("n"));
}

QTEST_MAIN(TestSearchPanel)
#include "tst_searchpanel.moc"
