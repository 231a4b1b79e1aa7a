// SPDX-License-Identifier: MIT
// What-if mode in the main window: typing into the source view, re-parsing
// after a pause, the report per baseline (changes and counts worked out by
// hand for tests/data/gui/whatif/basic), reverting, patches (applied,
// ignored, rejected), problems marked at their lines (a syntax error, a
// recursive dependency), export, saving a file with confirmation, the change
// graph, and the VFIO/IOMMUFD scenario on the demo tree.
#include "configdocument.h"
#include "diagnosticlist.h"
#include "graphnodeitem.h"
#include "graphscene.h"
#include "mainwindow.h"
#include "navigationhistory.h"
#include "sourceview.h"
#include "whatifbaselines.h"
#include "whatifgraph.h"
#include "whatifimpactjob.h"
#include "whatifmode.h"
#include "whatifmodifiedfiles.h"
#include "whatifpanel.h"
#include "whatifreportview.h"
#include "whatifsession.h"

#include <kconfig/menunode.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include <functional>

using namespace kconfig;
using State = WhatIfSession::State;

namespace {

const QString Drivers = QStringLiteral("drivers/Kconfig");

QString whatIfData(const QString &name)
{
    return QStringLiteral(KCS_TEST_DATA_DIR "/gui/whatif/") + name;
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *n : list)
        out << QString::fromLatin1(n);
    return out;
}

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QFileInfo &e :
         QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = to + QLatin1Char('/') + e.fileName();
        if (e.isDir() ? !copyTree(e.filePath(), target) : !QFile::copy(e.filePath(), target))
            return false;
    }
    return true;
}

// Types text with real key presses (QTest::keyClicks() has no Return).
void type(QWidget *widget, const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (i) QTest::keyClick(widget, Qt::Key_Return);
        QTest::keyClicks(widget, lines[i]);
    }
}

// Runs `answer` on the next modal dialog.
void whenModal(std::function<void(QWidget *)> answer)
{
    QTimer::singleShot(0, qApp, [answer] {
        QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget(), 5000);
        answer(QApplication::activeModalWidget());
    });
}

void clickButton(QWidget *dialog, const QString &text)
{
    auto *box = qobject_cast<QMessageBox *>(dialog);
    QVERIFY(box);
    for (QAbstractButton *b : box->buttons()) {
        if (b->text().remove(QLatin1Char('&')) == text) {
            b->click();
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no button ") + text));
}

} // namespace

class TestWhatIf : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_work;
    std::unique_ptr<MainWindow> m_window;
    QString m_tree;

    ConfigDocument *doc() const { return m_window->document(); }
    WhatIfMode *mode() const { return m_window->whatIf(); }
    WhatIfSession *session() const { return mode()->session(); }
    WhatIfPanel *panel() const { return mode()->panel(); }
    SourceView *source() const { return m_window->sourceView(); }
    QPlainTextEdit *editor() const { return source()->editor(); }

    void open(const QString &path)
    {
        QSignalSpy loaded(doc(), &ConfigDocument::loaded);
        OpenRequest request;
        request.path = path;
        request.configFile = m_work->filePath(QStringLiteral("no.config"));
        QVERIFY(m_window->open(request));
        QVERIFY(loaded.wait(60000));
    }
    void openBasic()
    {
        m_tree = m_work->filePath(QStringLiteral("basic"));
        QVERIFY(copyTree(whatIfData(QStringLiteral("basic")), m_tree));
        open(m_tree);
        QCOMPARE(session()->state(), State::NoEdits);
    }
    // Waits for the report (or the failure) after an edit.
    void waitForReport()
    {
        QSignalSpy finished(panel(), &WhatIfPanel::finished);
        QVERIFY(finished.wait(120000));
    }
    void waitForParse()
    {
        QSignalSpy reparsed(session(), &WhatIfSession::reparsed);
        QVERIFY(reparsed.wait(60000));
    }
    // Shows `file` in the Source tab, editable, with the cursor at the start of `line`.
    void editAt(const QString &file, int line)
    {
        if (!mode()->editAction()->isChecked())
            QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
        QVERIFY(mode()->editAction()->isChecked());
        QCOMPARE(m_window->tabs()->currentWidget(), source());
        source()->showLocation(file, line);
        QCOMPARE(source()->currentFile(), file);
        QVERIFY(source()->isEditable());
        editor()->setTextCursor(QTextCursor(editor()->document()->findBlockByNumber(line - 1)));
        editor()->setFocus();
    }
    // Replaces the text of `line` by typing.
    void typeOver(const QString &file, int line, const QString &text)
    {
        editAt(file, line);
        QTest::keyClick(editor(), Qt::Key_End, Qt::ShiftModifier);
        QTest::keyClicks(editor(), text);
    }
    const BaselineImpact *baseline(const char *name) const
    {
        const auto result = panel()->result();
        if (!result) return nullptr;
        for (const BaselineImpact &b : result->report.baselines)
            if (b.baseline.name == name) return &b;
        return nullptr;
    }
    QStringList changed(const char *name) const
    {
        QStringList out;
        if (const BaselineImpact *b = baseline(name))
            for (const ImpactChange &c : b->changes)
                out << QString::fromStdString(c.symbol);
        out.sort();
        return out;
    }
    const ImpactChange *change(const char *name, const char *symbol) const
    {
        if (const BaselineImpact *b = baseline(name))
            for (const ImpactChange &c : b->changes)
                if (c.symbol == symbol) return &c;
        return nullptr;
    }
    // Value before and after, and whether a select holds it (revDep) after.
    QString shift(const char *name, const char *symbol) const
    {
        const ImpactChange *c = change(name, symbol);
        if (!c) return {};
        return QString::fromStdString(c->before.value + " -> " + c->after.value) +
               (c->before.changeable && !c->after.changeable   ? QStringLiteral(", locked")
                : !c->before.changeable && c->after.changeable ? QStringLiteral(", unlocked")
                                                               : QString()) +
               QStringLiteral(", select floor ") + QChar::fromLatin1(triChar(c->before.revDep)) +
               QStringLiteral(" -> ") + QChar::fromLatin1(triChar(c->after.revDep));
    }
    QStringList topRows() const
    {
        QStringList out;
        QTreeWidget *tree = panel()->reportView()->tree();
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            out << tree->topLevelItem(i)->text(0);
        return out;
    }
    // The report for CORE selecting BUS, worked out by hand (no .config:
    // "current" is the defaults).
    void verifySelectBusReport()
    {
        QCOMPARE(session()->state(), State::Loaded);
        QVERIFY(panel()->result());
        // Defaults: BUS n -> y and locked (CORE=y selects it), so HELPER's
        // `default y if BUS` turns it on and `select LEGACY if BUS=n` stops.
        for (const char *b : {"current", "alldefconfig"}) {
            QCOMPARE(changed(b), names({"BUS", "HELPER", "LEGACY"}));
            QCOMPARE(baseline(b)->values, 2);
            QCOMPARE(baseline(b)->visibility, 0);
            QCOMPARE(baseline(b)->writability, 2);
        }
        QCOMPARE(shift("alldefconfig", "BUS"),
                 QStringLiteral("n -> y, locked, select floor n -> y"));
        QCOMPARE(shift("alldefconfig", "HELPER"), QStringLiteral("n -> y, select floor n -> n"));
        QCOMPARE(shift("alldefconfig", "LEGACY"),
                 QStringLiteral("y -> y, unlocked, select floor y -> n"));
        // allnoconfig: CORE=n selects nothing.
        QVERIFY(baseline("allnoconfig"));
        QCOMPARE(changed("allnoconfig"), QStringList());
        // allmodconfig: CORE was capped at m by `BUS || !BUS`; now BUS=m is a floor.
        QCOMPARE(changed("allmodconfig"), names({"BUS", "CORE"}));
        QCOMPARE(baseline("allmodconfig")->values, 0);
        QCOMPARE(baseline("allmodconfig")->visibility, 1);
        QCOMPARE(baseline("allmodconfig")->writability, 1);
        // allyesconfig: only the lock on BUS.
        QCOMPARE(changed("allyesconfig"), names({"BUS"}));
        QCOMPARE(shift("allyesconfig", "BUS"),
                 QStringLiteral("y -> y, locked, select floor n -> y"));
        QCOMPARE(shift("allmodconfig", "BUS"), QStringLiteral("m -> m, select floor n -> m"));
        QCOMPARE(change("allmodconfig", "CORE")->before.visible, Tristate::Mod);
        QCOMPARE(change("allmodconfig", "CORE")->after.visible, Tristate::Yes);
        QVERIFY2(topRows().contains(QStringLiteral(
                     "alldefconfig: 3 symbols (2 value, 0 visibility, 2 writability)")),
                 qPrintable(topRows().join(QLatin1Char('\n'))));
        QVERIFY(topRows().contains(QStringLiteral("allnoconfig: no change")));
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("kconfig-studio-test"));
        QCoreApplication::setApplicationName(QStringLiteral("kconfig-studio-whatif-test"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    }

    void init()
    {
        QSettings().clear();
        m_work.reset(new QTemporaryDir);
        m_window.reset(new MainWindow);
        m_window->resize(1366, 768);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    void cleanup() { m_window.reset(); }

    void editReparseReport()
    {
        openBasic();
        QVERIFY(!mode()->dock()->isVisible());
        m_window->navigateTo(doc()->tree()->symbols().find("CORE"));
        typeOver(Drivers, 9, QStringLiteral("\tselect BUS"));
        QCOMPARE(editor()->document()->findBlockByNumber(8).text(), QStringLiteral("\tselect BUS"));
        QVERIFY(session()->isEdited(Drivers));
        QCOMPARE(session()->state(), State::Waiting);
        QVERIFY(readAll(m_tree + QStringLiteral("/drivers/Kconfig"))
                    .contains(QStringLiteral("depends on BUS || !BUS"))); // disk untouched
        // The edit shows: the dock, the tab title, the Modified files list.
        QVERIFY(mode()->dock()->isVisible());
        QCOMPARE(m_window->tabs()->tabText(m_window->tabs()->indexOf(source())),
                 QStringLiteral("Source \u25cf"));
        QTreeWidget *files = panel()->modifiedFiles();
        QCOMPARE(files->topLevelItemCount(), 1);
        QCOMPARE(files->topLevelItem(0)->text(0), Drivers);
        QCOMPARE(files->topLevelItem(0)->text(1), QStringLiteral("edited"));
        QCOMPARE(files->topLevelItem(0)->text(2), QStringLiteral("+1 \u22121"));

        // Parsed after the pause, then the report runs by itself.
        waitForReport();
        verifySelectBusReport();
        QVERIFY(panel()->problems()->topLevelItemCount() == 0);
        QVERIFY(panel()->treeStatus()->text().contains(QStringLiteral("No problems")));

        // The edits, with the line they are on.
        QTreeWidget *tree = panel()->reportView()->tree();
        QTreeWidgetItem *edits = tree->topLevelItem(0);
        QCOMPARE(edits->text(0), QStringLiteral("Edits (2)"));
        QStringList editRows;
        for (int i = 0; i < edits->childCount(); ++i)
            editRows << edits->child(i)->text(0);
        QVERIFY2(editRows.contains(QStringLiteral("CORE: 'select BUS' added (drivers/Kconfig:9)")),
                 qPrintable(editRows.join(QLatin1Char('\n'))));
        QVERIFY(editRows.contains(
            QStringLiteral("CORE: 'depends on BUS || !BUS' removed (drivers/Kconfig:9)")));

        // A change in detail, with links to symbols and lines.
        QTreeWidgetItem *bus = panel()->reportView()->changeItem(1, QStringLiteral("BUS"));
        QVERIFY(bus);
        QCOMPARE(bus->parent()->text(0).section(QLatin1Char(':'), 0, 0),
                 QStringLiteral("alldefconfig"));
        tree->setCurrentItem(bus);
        const QString details = panel()->reportView()->details()->toHtml();
        QVERIFY2(details.contains(QStringLiteral("href=\"src:drivers/Kconfig:9\"")),
                 qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("href=\"sym:CORE\"")));
        emit panel()->reportView()->details()->anchorClicked(QUrl(QStringLiteral("sym:CORE")));
        QCOMPARE(m_window->history()->current()->sym, doc()->tree()->symbols().find("CORE"));
        emit panel()->reportView()->details()->anchorClicked(
            QUrl(QStringLiteral("src:drivers/Kconfig:9")));
        QCOMPARE(m_window->tabs()->currentWidget(), source());
        QCOMPARE(source()->currentLine(), 9);

        // Typing again outdates the report.
        editAt(Drivers, 3);
        type(editor(), QStringLiteral("# x\n"));
        QCOMPARE(session()->state(), State::Waiting);
        QVERIFY(panel()->reportStatus()->text().contains(QStringLiteral("outdated")));
    }

    void newerEditSupersedesParse()
    {
        openBasic();
        const QString disk = session()->diskText(Drivers);
        session()->setText(Drivers, disk + QStringLiteral("\nconfig FIRST\n\tbool\n"));
        session()->reparse();
        QCOMPARE(session()->state(), State::Parsing);
        session()->setText(Drivers, disk + QStringLiteral("\nconfig SECOND\n\tbool \"s\"\n"));
        session()->reparse();
        QSignalSpy reparsed(session(), &WhatIfSession::reparsed);
        QVERIFY(reparsed.wait(60000));
        QTest::qWait(300); // the superseded parse, if it ends later, must change nothing
        QCOMPARE(reparsed.count(), 1);
        QCOMPARE(session()->state(), State::Loaded);
        const Tree *edited = session()->editedTree()->tree.get();
        QVERIFY(edited->symbols().find("SECOND"));
        QVERIFY(!edited->symbols().find("FIRST"));
    }

    void revertFileAndAll()
    {
        openBasic();
        const QString original = session()->diskText(Drivers);
        typeOver(Drivers, 9, QStringLiteral("\tselect BUS"));
        QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier); // re-parse now
        waitForReport();
        verifySelectBusReport();

        // Revert the file from the list with the keyboard.
        QTreeWidget *files = panel()->modifiedFiles();
        files->setCurrentItem(files->topLevelItem(0));
        QTest::keyClick(files, Qt::Key_Delete);
        QCOMPARE(session()->editedFiles(), QStringList());
        QCOMPARE(session()->state(), State::NoEdits);
        QCOMPARE(editor()->toPlainText(), original); // the view shows the disk again
        QVERIFY(!panel()->result());
        QCOMPARE(panel()->reportText(ExplanationFormat::Text), QString());
        QVERIFY(topRows().first().startsWith(QStringLiteral("No edits yet.")));
        QCOMPARE(m_window->tabs()->tabText(m_window->tabs()->indexOf(source())),
                 QStringLiteral("Source"));

        // Two files, then Revert All.
        session()->setText(Drivers, original + QStringLiteral("\nconfig EXTRA\n\tbool \"e\"\n"));
        session()->setText(QStringLiteral("Kconfig"),
                           session()->diskText(QStringLiteral("Kconfig")) + QStringLiteral("\n"));
        QCOMPARE(session()->editedFiles().size(), 2);
        QToolButton *button = nullptr;
        for (QToolButton *b : panel()->findChildren<QToolButton *>())
            if (b->text() == QStringLiteral("Revert All")) button = b;
        QVERIFY(button && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(session()->editedFiles(), QStringList());
        QCOMPARE(session()->state(), State::NoEdits);
        QVERIFY(!session()->editedTree());
        QCOMPARE(editor()->toPlainText(), original);
    }

    void patchAppliesIgnoresAndRejects()
    {
        openBasic();
        QString message;
        QVERIFY2(mode()->applyPatchFile(whatIfData(QStringLiteral("select-bus.patch")), &message),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Applied in memory to drivers/Kconfig.")),
                 qPrintable(message));
        QVERIFY(message.contains(QStringLiteral(
            "Ignored (not Kconfig files; the report covers Kconfig only): drivers/core.c.")));
        QCOMPARE(session()->editedFiles(), QStringList({Drivers}));
        QVERIFY(session()->fromPatch(Drivers));
        QVERIFY(session()->editedText(Drivers)->contains(QStringLiteral("\tselect BUS\n")));
        // The patched file opens in the Source tab, in its patched form.
        QCOMPARE(source()->currentFile(), Drivers);
        QCOMPARE(editor()->document()->findBlockByNumber(8).text(), QStringLiteral("\tselect BUS"));

        QTreeWidget *files = panel()->modifiedFiles();
        QCOMPARE(files->topLevelItemCount(), 2);
        QCOMPARE(files->topLevelItem(0)->text(1), QStringLiteral("patch"));
        QCOMPARE(files->topLevelItem(1)->text(0), QStringLiteral("drivers/core.c"));
        QCOMPARE(files->topLevelItem(1)->text(1), QStringLiteral("ignored"));

        waitForReport();
        verifySelectBusReport();
        QVERIFY(panel()->reportStatus()->text().contains(
            QStringLiteral("[PATCH] core: select BUS instead of depending on it optionally")));

        // A patch whose context is not in the file: rejected, nothing changes.
        const QString before = *session()->editedText(Drivers);
        QVERIFY(!mode()->applyPatchFile(whatIfData(QStringLiteral("stale.patch")), &message));
        QVERIFY2(message.contains(QStringLiteral(
                     "Rejected: drivers/Kconfig: hunk #1 (patch line 4) does not apply")),
                 qPrintable(message));
        QCOMPARE(*session()->editedText(Drivers), before);
        QCOMPARE(files->topLevelItemCount(), 3);
        QVERIFY(
            files->topLevelItem(2)->text(0).startsWith(QStringLiteral("drivers/Kconfig: hunk #1")));
        QCOMPARE(files->topLevelItem(2)->text(1), QStringLiteral("rejected"));

        // The same patch through File -> Apply Patch is in the File menu.
        QVERIFY(mode()->applyPatchAction()->isEnabled());
    }

    void syntaxErrorMarkedAtItsLine()
    {
        openBasic();
        typeOver(Drivers, 8, QStringLiteral("\tdefault y if"));
        QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
        waitForReport();
        QCOMPARE(session()->state(), State::Failed);
        const QList<WhatIfSession::Marker> markers = session()->markers(Drivers);
        QVERIFY(!markers.isEmpty());
        QCOMPARE(markers.first().line, 8);
        QCOMPARE(markers.first().message, QStringLiteral("syntax error"));
        bool error = false;
        for (const WhatIfSession::Marker &m : markers)
            error |= m.line == 8 && m.error && m.message == QStringLiteral("invalid statement");
        QVERIFY(error);
        // In the view: marked line, message as tool tip, underline.
        bool marked = false;
        for (const SourceView::LineMarker &m : source()->markers())
            marked |= m.line == 8 && m.error;
        QVERIFY(marked);
        bool underlined = false;
        for (const QTextEdit::ExtraSelection &s : editor()->extraSelections())
            underlined |= s.cursor.blockNumber() == 7 &&
                          s.format.underlineStyle() == QTextCharFormat::WaveUnderline &&
                          !s.format.toolTip().isEmpty();
        QVERIFY(underlined);
        // In the problems list, with its location.
        DiagnosticList *problems = panel()->problems();
        QVERIFY(problems->errorCount() >= 1);
        QCOMPARE(problems->topLevelItem(0)->text(0), QStringLiteral("drivers/Kconfig:8"));
        QVERIFY(panel()->failureBanner()->isVisible());
        QVERIFY(panel()->failureBanner()->text().contains(QStringLiteral("does not load")));
        QVERIFY(!panel()->result());
        QVERIFY(panel()
                    ->reportText(ExplanationFormat::Text)
                    .startsWith(QStringLiteral("The edited tree does not load:")));

        // Fixing the line ends the edit (the text is the disk's again) and the marks.
        typeOver(Drivers, 8, QStringLiteral("\tdefault y"));
        QCOMPARE(session()->state(), State::NoEdits);
        QVERIFY(source()->markers().isEmpty());
    }

    void recursiveDependencyMarkedAtBothLines()
    {
        openBasic();
        // `select BUS` next to `depends on BUS || !BUS`: BUS depends on itself.
        editAt(Drivers, 10);
        type(editor(), QStringLiteral("\tselect BUS\n"));
        QCOMPARE(editor()->document()->findBlockByNumber(9).text(), QStringLiteral("\tselect BUS"));
        waitForReport();
        QCOMPARE(session()->state(), State::Failed);
        QVERIFY2(session()->failure().contains(QStringLiteral("recursive dependency detected")),
                 qPrintable(session()->failure()));
        QStringList marks;
        for (const WhatIfSession::Marker &m : session()->markers(Drivers))
            marks << QString::number(m.line) + QLatin1Char(' ') + m.message;
        marks.sort();
        QCOMPARE(marks, QStringList({QStringLiteral("10 recursive dependency: symbol BUS is "
                                                    "selected by CORE"),
                                     QStringLiteral("9 recursive dependency: symbol CORE depends "
                                                    "on BUS")}));
        QCOMPARE(source()->markers().size(), 2);
        const QString banner = panel()->failureBanner()->text();
        QVERIFY2(banner.contains(QStringLiteral("href=\"src:drivers/Kconfig:10\"")),
                 qPrintable(banner));
        const QString text = panel()->reportText(ExplanationFormat::Text);
        QVERIFY2(text.contains(QStringLiteral("error: recursive dependency detected!")),
                 qPrintable(text));
        QVERIFY(text.contains(
            QStringLiteral("drivers/Kconfig:9: recursive dependency: symbol CORE depends on BUS")));
        // The problem list's location opens the line.
        DiagnosticList *problems = panel()->problems();
        QTreeWidgetItem *link = nullptr;
        for (int i = 0; i < problems->topLevelItemCount(); ++i)
            if (problems->topLevelItem(i)->text(0) == QStringLiteral("drivers/Kconfig:10"))
                link = problems->topLevelItem(i);
        QVERIFY(link);
        emit problems->itemActivated(link, 0);
        QCOMPARE(source()->currentLine(), 10);
    }

    void exportFormats()
    {
        openBasic();
        QString message;
        QVERIFY(mode()->applyPatchFile(whatIfData(QStringLiteral("select-bus.patch")), &message));
        waitForReport();
        verifySelectBusReport();

        const QString text = panel()->reportText(ExplanationFormat::Text);
        QVERIFY2(text.startsWith(QStringLiteral("[PATCH] core: select BUS")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("  BUS: n -> y, now locked")));
        QVERIFY(text.contains(QStringLiteral("Baseline allmodconfig: 2 symbols:")));
        // The explanations are wrapped for e-mail.
        for (const QString &line : text.split(QLatin1Char('\n')))
            if (line.startsWith(QStringLiteral("  ")))
                QVERIFY2(line.size() <= 72, qPrintable(line));
        const QString markdown = panel()->reportText(ExplanationFormat::Markdown);
        QVERIFY(markdown.contains(QStringLiteral("**HELPER**: n -> y")));
        QVERIFY(markdown.contains(QStringLiteral("### Baseline allyesconfig")));
        const QString html = panel()->reportHtml();
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<li><b>BUS</b>: n \u2192 y, now locked")));
        QVERIFY(html.contains(QStringLiteral("<li><b>HELPER</b>: n \u2192 y")));
        QVERIFY(html.contains(QStringLiteral("<h2>allmodconfig: 2 symbols")));
        QVERIFY(!html.contains(QStringLiteral("href=\"sym:"))); // no in-app links in files

        for (const QString &name :
             {QStringLiteral("r.txt"), QStringLiteral("r.md"), QStringLiteral("r.html")}) {
            const QString path = m_work->filePath(name);
            QString error;
            QVERIFY2(panel()->saveReport(path, &error), qPrintable(error));
            QCOMPARE(readAll(path), name.endsWith(QStringLiteral("txt"))  ? text
                                    : name.endsWith(QStringLiteral("md")) ? markdown
                                                                          : html);
        }
        panel()->copyReport(ExplanationFormat::Markdown);
        QCOMPARE(QApplication::clipboard()->text(), markdown);
    }

    void saveToDiskAsksFirst()
    {
        openBasic();
        const QString path = m_tree + QStringLiteral("/drivers/Kconfig");
        const QString original = readAll(path);
        typeOver(Drivers, 9, QStringLiteral("\tselect BUS"));
        const QString edited = *session()->editedText(Drivers);
        QVERIFY(mode()->saveToDiskAction()->isEnabled());

        whenModal([](QWidget *box) { clickButton(box, QStringLiteral("Cancel")); });
        mode()->saveToDiskAction()->trigger();
        QCOMPARE(readAll(path), original);
        QVERIFY(session()->isEdited(Drivers));

        whenModal([](QWidget *box) { clickButton(box, QStringLiteral("Save to Disk")); });
        mode()->saveToDiskAction()->trigger();
        QCOMPARE(readAll(path), edited);
        QVERIFY(!session()->isEdited(Drivers));
        QCOMPARE(session()->savedFiles(), QStringList({Drivers}));
        QCOMPARE(panel()->modifiedFiles()->topLevelItem(0)->text(1), QStringLiteral("saved"));
        // The loaded tree predates the saved file: the report still compares them.
        waitForReport();
        verifySelectBusReport();
    }

    void changeGraphOfABaseline()
    {
        openBasic();
        QString message;
        QVERIFY(mode()->applyPatchFile(whatIfData(QStringLiteral("select-bus.patch")), &message));
        waitForReport();
        panel()->reportView()->tree()->setCurrentItem(
            panel()->reportView()->changeItem(1, QStringLiteral("BUS"))); // alldefconfig
        QCOMPARE(panel()->reportView()->currentBaseline(), 1);
        mode()->showGraph(panel()->result(), panel()->reportView()->currentBaseline());
        QVERIFY(mode()->graph());
        QCOMPARE(m_window->tabs()->currentWidget(), mode()->graph());
        QSignalSpy laidOut(mode()->graph(), &WhatIfGraph::layoutFinished);
        QVERIFY(laidOut.wait(60000));
        QStringList nodes;
        for (const GraphNode &n : mode()->graph()->scene()->graph().nodes)
            if (n.symbol) nodes << QString::fromStdString(n.symbol->name);
        nodes.sort();
        // CORE, where `select BUS` was added, is the root though its own
        // state does not move.
        QCOMPARE(nodes, names({"BUS", "CORE", "HELPER", "LEGACY"}));
        const DependencyGraph &graph = mode()->graph()->scene()->graph();
        const auto symbolAt = [&graph](int i) {
            return QString::fromStdString(graph.nodes[std::size_t(i)].symbol->name);
        };
        QStringList edges;
        for (const GraphEdge &e : graph.edges)
            edges << symbolAt(e.from) + QStringLiteral(" -> ") + symbolAt(e.to) +
                         QStringLiteral(": ") + QString::fromStdString(e.label);
        edges.sort();
        QCOMPARE(edges, QStringList({QStringLiteral("BUS -> HELPER: default"),
                                     QStringLiteral("BUS -> LEGACY: select via CORE stopped"),
                                     QStringLiteral("CORE -> BUS: select added")}));
        const int core = graph.indexOf(session()->editedTree()->tree->symbols().find("CORE"));
        QVERIFY(core >= 0 && graph.nodes[std::size_t(core)].isFocus);
        // A click on a node selects the symbol in the menu tree.
        emit mode()->graph()->scene()->nodeClicked(mode()->graph()->scene()->graph().indexOf(
            session()->editedTree()->tree->symbols().find("HELPER")));
        QCOMPARE(m_window->history()->current()->sym, doc()->tree()->symbols().find("HELPER"));
    }

    // Baselines beyond the built-in ones: the defconfigs of a tree laid out
    // like the kernel's, and any file the user adds.
    void baselineFiles()
    {
        openBasic();
        WhatIfBaselines *list = panel()->baselines();
        const QString busDefconfig =
            QFileInfo(m_tree + QStringLiteral("/arch/test/configs/bus_defconfig"))
                .canonicalFilePath();
        QStringList listed;
        for (int i = 0; i < list->count(); ++i)
            listed << list->item(i)->data(WhatIfBaselines::NameRole).toString();
        QVERIFY2(listed.contains(busDefconfig), qPrintable(listed.join(QLatin1Char(' '))));
        QVERIFY(!list->checkedNames().contains(busDefconfig)); // not a kernel tree: no default
        // By file name (like --baseline bus_defconfig), and a file of the
        // user's by its path.
        const QString mine = m_work->filePath(QStringLiteral("my.config"));
        QFile f(mine);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("CONFIG_BUS=m\n");
        f.close();
        QVERIFY(list->setChecked({QStringLiteral("bus_defconfig"), mine}));
        QCOMPARE(list->checkedNames(), QStringList({busDefconfig, mine}));
        QVERIFY(!list->setChecked({QStringLiteral("no-such-baseline")}));
        QVERIFY(list->setChecked({QStringLiteral("bus_defconfig"), mine}));
        // Added files stay when the tree is read again.
        QVERIFY(!list->addFile(m_work->filePath(QStringLiteral("missing.config"))));

        QString message;
        QVERIFY(mode()->applyPatchFile(whatIfData(QStringLiteral("select-bus.patch")), &message));
        waitForReport();
        QCOMPARE(panel()->result()->report.baselines.size(), std::size_t(2));
        // BUS=y already: CORE's select only locks it.
        QCOMPARE(changed("bus_defconfig"), names({"BUS"}));
        QCOMPARE(shift("bus_defconfig", "BUS"),
                 QStringLiteral("y -> y, locked, select floor n -> y"));
        // BUS=m capped CORE at m; selected by CORE=y it is y now.
        QCOMPARE(changed("my.config"), names({"BUS", "CORE"}));
        QCOMPARE(shift("my.config", "BUS"), QStringLiteral("m -> y, locked, select floor n -> y"));
        QCOMPARE(shift("my.config", "CORE"), QStringLiteral("m -> y, select floor n -> n"));
    }

    // The seed scenario on the bundled demo tree: VFIO `select IOMMUFD`.
    void demoTreeVfioSelectsIommufd()
    {
        // The demo with its own .config.
        QSignalSpy loaded(doc(), &ConfigDocument::loaded);
        QVERIFY(m_window->open(OpenRequest{}));
        QVERIFY(loaded.wait(60000));
        QVERIFY(doc()->isDemo());
        const QString vfio = QStringLiteral("drivers/vfio/Kconfig");
        const QString text = session()->diskText(vfio);
        const QString line = QStringLiteral("\tdepends on IOMMUFD || !IOMMUFD\n");
        QVERIFY(text.contains(line));
        QString edited = text;
        edited.replace(line, QStringLiteral("\tselect IOMMUFD\n"));
        session()->setText(vfio, edited);
        waitForReport();
        QCOMPARE(session()->state(), State::Loaded);
        // IOMMUFD becomes y (selected by VFIO=y), which turns on what it
        // selects and what selects IOMMUFD_DRIVER if IOMMUFD; the selects of
        // VFIO_GROUP/VFIO_CONTAINER `if IOMMUFD=n` stop; VFIO_DEVICE_CDEV's
        // `depends on IOMMUFD` is met (its default !VFIO_GROUP stays n).
        QCOMPARE(changed("current"), names({"INTERVAL_TREE_SPAN_ITER", "IOMMUFD", "IOMMUFD_DRIVER",
                                            "VFIO_CONTAINER", "VFIO_DEVICE_CDEV", "VFIO_GROUP"}));
        QCOMPARE(shift("current", "IOMMUFD"),
                 QStringLiteral("n -> y, locked, select floor n -> y"));
        QCOMPARE(shift("current", "VFIO_CONTAINER"),
                 QStringLiteral("y -> y, unlocked, select floor y -> n"));
        QCOMPARE(change("current", "VFIO_DEVICE_CDEV")->after.visible, Tristate::Yes);
        QCOMPARE(baseline("current")->values, 3);

        // Keeping the optional dependency next to the select is a cycle.
        edited = text;
        edited.replace(line, line + QStringLiteral("\tselect IOMMUFD\n"));
        session()->setText(vfio, edited);
        waitForReport();
        QCOMPARE(session()->state(), State::Failed);
        const int dependsLine = int(text.left(text.indexOf(line)).count(QLatin1Char('\n'))) + 1;
        QStringList marks;
        for (const WhatIfSession::Marker &m : session()->markers(vfio))
            marks << QString::number(m.line) + QLatin1Char(' ') + m.message;
        marks.sort();
        QCOMPARE(marks, QStringList({QString::number(dependsLine) +
                                         QStringLiteral(" recursive dependency: symbol VFIO "
                                                        "depends on IOMMUFD"),
                                     QString::number(dependsLine + 1) +
                                         QStringLiteral(" recursive dependency: symbol IOMMUFD "
                                                        "is selected by VFIO")}));
        // The bundled tree is never written.
        source()->showLocation(vfio, dependsLine);
        QCOMPARE(source()->currentFile(), vfio);
        QVERIFY(mode()->editAction()->isEnabled());
        QVERIFY(!mode()->saveToDiskAction()->isEnabled());
    }
};

QTEST_MAIN(TestWhatIf)
#include "tst_whatif.moc"
