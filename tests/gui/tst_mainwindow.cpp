// SPDX-License-Identifier: MIT
// The main window end to end: loading (status bar, title, diagnostics),
// saving byte for byte like kconfig-studio-cli, the questions about unsaved
// changes and about a .config changed on disk, search, keyboard shortcuts,
// the docks and tabs other parts plug into, and persisted settings.
#include "configdocument.h"
#include "diagnosticlist.h"
#include "mainwindow.h"
#include "menutreeview.h"
#include "navigationhistory.h"
#include "searchpanel.h"
#include "sourceview.h"
#include "whypanel.h"

#include <kconfig/config.h>
#include <kconfig/menunode.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QAction>
#include <QClipboard>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <functional>

using namespace kconfig;
using OptionMode = MenuTreeModel::OptionMode;

namespace {

QString dataDir(const QString &tree)
{
    return QStringLiteral(KCS_TEST_DATA_DIR "/gui/") + tree;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

// Runs `answer` on the next modal dialog (message box or file dialog).
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

class TestMainWindow : public QObject
{
    Q_OBJECT
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
        QSettings().clear();
        m_work.reset(new QTemporaryDir);
        m_config = m_work->filePath(QStringLiteral(".config"));
        QFile::copy(dataDir(QStringLiteral("basic")) + QStringLiteral("/config"), m_config);
        m_window.reset(new MainWindow);
        m_window->resize(1366, 768);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    void cleanup()
    {
        if (m_window) m_window->document()->undoStack()->setClean(); // no question when closing
        m_window.reset();
    }

    void loadingShowsTheTree()
    {
        openBasic();
        QVERIFY(m_window->statusText().startsWith(
            QStringLiteral("17 symbols \u00b7 1 file \u00b7 loaded in ")));
        QVERIFY(m_window->statusText().endsWith(QStringLiteral("probes: 0 run, 0 cached")));
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("GUI test tree \u2014 ")));
        QVERIFY(m_window->windowTitle().contains(QStringLiteral(".config")));
        QCOMPARE(m_window->menuTree()->model()->rowCount(), 8);
        QVERIFY(m_window->whyDock()->isVisible());
        QVERIFY(!m_window->diagnosticsDock()->isVisible());
        QCOMPARE(m_window->tabs()->tabText(0), QStringLiteral("Symbol"));
        QCOMPARE(m_window->tabs()->tabText(1), QStringLiteral("Source"));
    }

    void docksAndTabs()
    {
        // The why panel lives in its dock, which the user cannot close.
        QCOMPARE(m_window->whyDock()->widget(), m_window->whyPanel());
        QVERIFY(!(m_window->whyDock()->features() & QDockWidget::DockWidgetClosable));
        QCOMPARE(m_window->tabs()->tabText(2), QStringLiteral("Graph"));
        auto *page = new QLabel(QStringLiteral("page"));
        const int tab = m_window->addTab(page, QStringLiteral("Page"));
        QCOMPARE(tab, m_window->tabs()->count() - 1);
        QCOMPARE(m_window->tabs()->widget(tab), page);
        m_window->tabs()->removeTab(tab);
        delete page;
    }

    void saveWritesWhatTheCliWrites()
    {
        openBasic();
        QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(readAll(m_config),
                 cliOlddefconfig(dataDir(QStringLiteral("basic")) + QStringLiteral("/config")));

        // After changes in the window, conf keeps the saved file as it is.
        tree()->setCurrentIndex(index("BAZ"));
        QTest::keyClick(tree(), Qt::Key_M);
        tree()->setCurrentIndex(index("HZ_1000"));
        QTest::keyClick(tree(), Qt::Key_Space);
        QVERIFY(doc()->setString(symbol("CMDLINE"), QStringLiteral("quiet \"x\"")));
        QVERIFY(doc()->isModified());
        QVERIFY(m_window->windowTitle().endsWith(QStringLiteral("[*]")));
        QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!doc()->isModified());
        const QByteArray saved = readAll(m_config);
        QVERIFY(saved.contains("CONFIG_BAZ=m\nCONFIG_LOWER=m\n"));
        QVERIFY(saved.contains("CONFIG_HZ_1000=y\n"));
        QCOMPARE(cliOlddefconfig(m_config), saved);
        QVERIFY(QFile::exists(m_config + QStringLiteral(".old")));
    }

    void saveDefconfig()
    {
        openBasic();
        const QString path = m_work->filePath(QStringLiteral("defconfig"));
        QVERIFY(doc()->saveDefconfig(path, nullptr));
        QCOMPARE(readAll(path),
                 cliSavedefconfig(dataDir(QStringLiteral("basic")) + QStringLiteral("/config")));
    }

    void unsavedChangesAreAskedAbout()
    {
        openBasic();
        tree()->setCurrentIndex(index("NET"));
        QTest::keyClick(tree(), Qt::Key_N);
        QVERIFY(doc()->isModified());
        whenModal([](QWidget *box) { clickButton(box, QStringLiteral("Cancel")); });
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
        whenModal([](QWidget *box) { clickButton(box, QStringLiteral("Save")); });
        QVERIFY(m_window->close());
        QVERIFY(readAll(m_config).contains("# CONFIG_NET is not set\n"));
    }

    void discardingChanges()
    {
        openBasic();
        const QByteArray before = readAll(m_config);
        QVERIFY(doc()->setTristate(symbol("NET"), Tristate::No));
        whenModal([](QWidget *box) { clickButton(box, QStringLiteral("Discard")); });
        QVERIFY(m_window->close());
        QCOMPARE(readAll(m_config), before);
    }

    void configChangedOnDisk()
    {
        openBasic();
        QVERIFY(doc()->setTristate(symbol("NET"), Tristate::No));
        QTest::qWait(20); // a different modification time
        writeFile(m_config, "CONFIG_MODULES=y\nCONFIG_FOO=y\n");
        QVERIFY(doc()->configChangedOnDisk());

        // Cancel leaves both alone.
        whenModal([](QWidget *box) { clickButton(box, QStringLiteral("Cancel")); });
        QVERIFY(!m_window->save());
        QCOMPARE(readAll(m_config), QByteArray("CONFIG_MODULES=y\nCONFIG_FOO=y\n"));

        // Reload takes the file's values.
        whenModal([](QWidget *box) { clickButton(box, QStringLiteral("Reload")); });
        QVERIFY(!m_window->save());
        QCOMPARE(doc()->config()->tristate(symbol("FOO")), Tristate::Yes);
        QCOMPARE(doc()->config()->tristate(symbol("NET")), Tristate::Yes);

        // Overwrite writes ours.
        QVERIFY(doc()->setTristate(symbol("NET"), Tristate::No));
        QTest::qWait(20);
        writeFile(m_config, "CONFIG_MODULES=y\n");
        whenModal([](QWidget *box) { clickButton(box, QStringLiteral("Overwrite")); });
        QVERIFY(m_window->save());
        QVERIFY(readAll(m_config).contains("# CONFIG_NET is not set\n"));
        QVERIFY(!doc()->configChangedOnDisk());
    }

    void demoTreeSavesElsewhere()
    {
        if (!QFile::exists(QStringLiteral(KCS_DEMO_DIR "/Kconfig"))) QSKIP("no demo tree");
        QVERIFY(open(OpenRequest{}));
        QVERIFY(doc()->isDemo());
        const QByteArray demoConfig = readAll(QStringLiteral(KCS_DEMO_DIR "/.config"));
        const QString target = m_work->filePath(QStringLiteral("mine.config"));
        whenModal([target](QWidget *dialog) {
            auto *files = qobject_cast<QFileDialog *>(dialog);
            QVERIFY(files);
            files->selectFile(target);
            static_cast<QDialog *>(files)->accept(); // QFileDialog::accept checks the name
        });
        QVERIFY(m_window->save());
        QVERIFY(QFile::exists(target));
        QCOMPARE(doc()->configPath(), target);
        QVERIFY(!doc()->isDemo());
        QCOMPARE(readAll(QStringLiteral(KCS_DEMO_DIR "/.config")), demoConfig);
    }

    void brokenTreeShowsDiagnostics()
    {
        OpenRequest request;
        request.path = dataDir(QStringLiteral("broken")) + QStringLiteral("/Kconfig");
        request.runShell = false;
        QVERIFY(!open(request));
        QVERIFY(m_window->diagnosticsDock()->isVisible());
        DiagnosticList *list = m_window->diagnostics();
        QVERIFY(list->errorCount() > 0);
        QTreeWidgetItem *first = list->topLevelItem(0);
        QVERIFY(first->text(0).startsWith(QStringLiteral("Kconfig:")));
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("errors")));
        QVERIFY(
            m_window->diagnosticsDock()->windowTitle().startsWith(QStringLiteral("Diagnostics (")));
        // The window is still usable: the next tree loads.
        openBasic();
        QCOMPARE(m_window->menuTree()->model()->rowCount(), 8);
    }

    void warningsOpenTheDiagnosticsDock()
    {
        OpenRequest request;
        request.path = dataDir(QStringLiteral("warnings")) + QStringLiteral("/Kconfig");
        request.configFile = m_work->filePath(QStringLiteral("w.config"));
        request.runShell = false;
        QVERIFY(open(request));
        QVERIFY(m_window->diagnosticsDock()->isVisible());
        DiagnosticList *list = m_window->diagnostics();
        QCOMPARE(list->warningCount(), 2);
        QCOMPARE(list->summary(), QStringLiteral("2 warnings"));
        QTreeWidgetItem *first = list->topLevelItem(0);
        QCOMPARE(first->text(0), QStringLiteral("Kconfig:12"));
        QCOMPARE(first->text(1),
                 QStringLiteral(
                     "ignoring type redefinition of 'TYPED_TWICE' from 'bool' to 'tristate'"));
        // A location is a link to the source tab at that line.
        const QRect r = list->visualItemRect(first);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          QPoint(r.left() + 30, r.center().y()));
        QCOMPARE(m_window->tabs()->currentWidget(), m_window->sourceView());
        QCOMPARE(m_window->sourceView()->currentFile(), QStringLiteral("Kconfig"));
        QCOMPARE(m_window->sourceView()->currentLine(), 12);
    }

    void searchNavigates()
    {
        openBasic();
        QTest::keyClick(tree(), Qt::Key_Slash);
        QLineEdit *field = m_window->searchField();
        QVERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("lower limit"));
        QTest::keyClick(field, Qt::Key_Return);
        QVERIFY(m_window->searchPanel()->resultCount() > 0);
        QCOMPARE(m_window->history()->current(), symbol("LOWER")->menus.front());
        QCOMPARE(tree()->currentMenu(), symbol("LOWER")->menus.front());

        // A hidden result switches the tree to all options and says so.
        field->clear();
        QTest::keyClicks(field, QStringLiteral("FOO_BUILTIN_ONLY"));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(tree()->menuModel()->optionMode(), OptionMode::All);
        QCOMPARE(tree()->currentMenu(), symbol("FOO_BUILTIN_ONLY")->menus.front());
        QVERIFY(m_window->statusBar()->currentMessage().contains(
            QStringLiteral("showing all options")));

        // Escape leaves the search; Ctrl+F comes back.
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(tree()->hasFocus());
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(field->hasFocus());
    }

    void keyboardShortcuts()
    {
        openBasic();
        tree()->setFocus();
        tree()->setCurrentIndex(index("BAZ"));
        QTest::keyClick(tree(), Qt::Key_Y);
        QCOMPARE(doc()->config()->tristate(symbol("BAZ")), Tristate::Yes);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc()->config()->tristate(symbol("BAZ")), Tristate::No);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(doc()->config()->tristate(symbol("BAZ")), Tristate::Yes);

        tree()->setCurrentIndex(index("NET"));
        tree()->setCurrentIndex(index("HZ_100"));
        QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(tree()->currentMenu(), symbol("NET")->menus.front());
        QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(tree()->currentMenu(), symbol("HZ_100")->menus.front());
    }

    void settingsPersist()
    {
        openBasic();
        const auto actions = m_window->findChildren<QAction *>();
        auto action = [&actions](const QString &text) -> QAction * {
            for (QAction *a : actions)
                if (a->text().remove(QLatin1Char('&')) == text) return a;
            return nullptr;
        };
        QVERIFY(action(QStringLiteral("Show All Options")));
        action(QStringLiteral("Show All Options"))->trigger();
        action(QStringLiteral("Show Name Column"))->trigger();
        QCOMPARE(tree()->menuModel()->optionMode(), OptionMode::All);
        QVERIFY(!tree()->isNameColumnVisible());
        QVERIFY(m_window->close());

        MainWindow second;
        QCOMPARE(second.menuTree()->menuModel()->optionMode(), OptionMode::All);
        QVERIFY(!second.menuTree()->isNameColumnVisible());
        QSettings s;
        QCOMPARE(s.beginReadArray(QStringLiteral("recent")), 1);
        s.setArrayIndex(0);
        QCOMPARE(s.value(QStringLiteral("path")).toString(),
                 dataDir(QStringLiteral("basic")) + QStringLiteral("/Kconfig"));
        s.endArray();
    }

    void copyScreenshot()
    {
        openBasic();
        const auto actions = m_window->findChildren<QAction *>();
        for (QAction *a : actions) {
            if (a->text().remove(QLatin1Char('&')) == QLatin1String("Copy Screenshot"))
                a->trigger();
        }
        const QImage image = QApplication::clipboard()->image();
        QCOMPARE(image.size(), m_window->size() * m_window->devicePixelRatio());
    }

private:
    ConfigDocument *doc() const { return m_window->document(); }
    MenuTreeView *tree() const { return m_window->menuTree(); }
    const Symbol *symbol(const char *name) const { return doc()->tree()->symbols().find(name); }
    QModelIndex index(const char *name) const
    {
        return tree()->menuModel()->indexOf(symbol(name)->menus.front());
    }

    bool open(const OpenRequest &request)
    {
        QSignalSpy loaded(doc(), &ConfigDocument::loaded);
        QSignalSpy failed(doc(), &ConfigDocument::loadFailed);
        if (!m_window->open(request)) return false;
        return QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, 30000) &&
               !loaded.isEmpty();
    }
    void openBasic()
    {
        OpenRequest request;
        request.path = dataDir(QStringLiteral("basic")) + QStringLiteral("/Kconfig");
        request.configFile = m_config;
        request.runShell = false;
        QVERIFY(open(request));
    }

    QByteArray runCli(const QStringList &args, const QString &input, const QString &output)
    {
        QFile::remove(output);
        if (!input.isEmpty()) QFile::copy(input, output);
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("srctree"), dataDir(QStringLiteral("basic")));
        env.insert(QStringLiteral("KCONFIG_CONFIG"), output);
        cli.setProcessEnvironment(env);
        cli.setWorkingDirectory(m_work->path());
        cli.start(QStringLiteral(KCS_CLI),
                  args + QStringList{QStringLiteral("-s"), QStringLiteral("Kconfig")});
        if (!cli.waitForFinished(30000) || cli.exitCode() != 0)
            qWarning() << "kconfig-studio-cli failed:" << cli.readAllStandardError();
        return readAll(output);
    }
    QByteArray cliOlddefconfig(const QString &input)
    {
        return runCli({QStringLiteral("--olddefconfig")}, input,
                      m_work->filePath(QStringLiteral("cli.config")));
    }
    QByteArray cliSavedefconfig(const QString &input)
    {
        const QString out = m_work->filePath(QStringLiteral("cli.defconfig"));
        QFile::remove(out);
        runCli({QStringLiteral("--savedefconfig"), out}, input,
               m_work->filePath(QStringLiteral("cli2.config")));
        return readAll(out);
    }

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_work;
    QString m_config;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
