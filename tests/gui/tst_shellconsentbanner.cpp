// SPDX-License-Identifier: MIT
// A tree's $(shell,...) probes in the window: without consent nothing runs,
// the tree loads with the probes answered as failed and the banner says so;
// the consent dialog lists the commands, and its answer (run or keep off) is
// remembered for the tree until the commands change.
#include "configdocument.h"
#include "mainwindow.h"
#include "shellconsentbanner.h"
#include "shellconsentdialog.h"

#include <kconfig/config.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace kconfig;

namespace {

// A compiler-style probe (the kernel's $(success,...) idiom, which a refused
// command must answer with its "else" word) and a plain one.
const char *const kconfigText = "probe = $(shell,$(1) >/dev/null 2>&1 && echo y || echo n)\n"
                                "config CC_HAS_FEATURE\n"
                                "\tdef_bool $(probe,true)\n"
                                "config GREETING\n"
                                "\tstring \"greeting\"\n"
                                "\tdefault \"$(shell,echo hello)\"\n";

void writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

} // namespace

class TestShellConsent : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("kconfig-studio-test"));
        QCoreApplication::setApplicationName(QStringLiteral("kconfig-studio-test"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        // The consent records live here (see ShellConsentStore::defaultDirectory).
        qputenv("XDG_CONFIG_HOME", m_xdg.path().toLocal8Bit());
    }

    void init()
    {
        QSettings().clear();
        QDir(m_xdg.path()).removeRecursively();
        QDir().mkpath(m_xdg.path());
        m_tree.reset(new QTemporaryDir);
        writeFile(kconfig(), kconfigText);
        newWindow();
    }
    void cleanup() { m_window.reset(); }

    void nothingRunsWithoutConsent()
    {
        QVERIFY(load());
        QVERIFY(banner()->isVisible());
        QCOMPARE(doc()->loadInfo()->refusedCommands.size(), 2);
        QCOMPARE(doc()->loadInfo()->probesRun, 0);
        QCOMPARE(value("CC_HAS_FEATURE"), std::string("n"));
        QCOMPARE(value("GREETING"), std::string(""));
    }

    void consentRunsThemAndIsRemembered()
    {
        QVERIFY(load());
        answerDialog(QStringLiteral("run"), QStringLiteral("echo hello"));
        QSignalSpy loaded(doc(), &ConfigDocument::loaded);
        banner()->review();
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
        QVERIFY(!banner()->isVisible());
        QVERIFY(doc()->loadInfo()->refusedCommands.isEmpty());
        QCOMPARE(value("CC_HAS_FEATURE"), std::string("y"));
        QCOMPARE(value("GREETING"), std::string("hello"));

        // A new window on the same tree runs them without asking.
        newWindow();
        QVERIFY(load());
        QVERIFY(!banner()->isVisible());
        QCOMPARE(value("GREETING"), std::string("hello"));

        // A changed command is a new question.
        writeFile(kconfig(), QByteArray(kconfigText).replace("echo hello", "echo bye"));
        newWindow();
        QVERIFY(load());
        QVERIFY(banner()->isVisible());
        QCOMPARE(doc()->loadInfo()->refusedCommands, QStringList{QStringLiteral("echo bye")});
        QCOMPARE(value("CC_HAS_FEATURE"), std::string("y"));
        QCOMPARE(value("GREETING"), std::string(""));
    }

    void firstOpenAsksAndKeepOffIsRemembered()
    {
        banner()->setAskOnFirstOpen(true);
        // Polled, not waited for: the dialog runs its own event loop.
        bool asked = false;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *d = qobject_cast<ShellConsentDialog *>(QApplication::activeModalWidget())) {
                asked = true;
                d->reject();
            }
        });
        poll.start(20);
        QVERIFY(load());
        QTRY_VERIFY_WITH_TIMEOUT(asked, 10000);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QVERIFY(banner()->isVisible());
        QCOMPARE(value("GREETING"), std::string(""));

        // Asked once: the next start shows the banner only.
        newWindow();
        banner()->setAskOnFirstOpen(true);
        QVERIFY(load());
        QTest::qWait(300);
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(banner()->isVisible());
    }

    void noShellRunsNothingEvenWithConsent()
    {
        OpenRequest request = requestFor();
        request.trustShell = true;
        QVERIFY(load(request));
        QCOMPARE(value("GREETING"), std::string("hello"));
        newWindow();
        request = requestFor();
        request.runShell = false;
        QVERIFY(load(request));
        QCOMPARE(value("GREETING"), std::string(""));
        QCOMPARE(doc()->loadInfo()->probesRun, 0);
    }

private:
    QString kconfig() const { return m_tree->filePath(QStringLiteral("Kconfig")); }
    ConfigDocument *doc() const { return m_window->document(); }
    ShellConsentBanner *banner() const { return m_window->shellConsentBanner(); }
    std::string value(const char *name) const
    {
        const Symbol *sym = doc()->tree()->symbols().find(name);
        return sym ? doc()->config()->stringValue(sym) : std::string("(missing)");
    }

    void newWindow()
    {
        m_window.reset(new MainWindow);
        m_window->resize(1000, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    OpenRequest requestFor() const
    {
        OpenRequest request;
        request.path = kconfig();
        request.configFile = m_tree->filePath(QStringLiteral(".config"));
        return request;
    }
    bool load() { return load(requestFor()); }
    bool load(const OpenRequest &request)
    {
        QSignalSpy loaded(doc(), &ConfigDocument::loaded);
        QSignalSpy failed(doc(), &ConfigDocument::loadFailed);
        if (!m_window->open(request)) return false;
        return QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, 30000) &&
               !loaded.isEmpty();
    }
    // Checks that the next dialog lists `command`, then presses `button`.
    void answerDialog(const QString &button, const QString &command)
    {
        QTimer::singleShot(0, this, [button, command] {
            QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget(), 5000);
            auto *dialog = qobject_cast<ShellConsentDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *list = dialog->findChild<QPlainTextEdit *>(QStringLiteral("commands"));
            QVERIFY(list);
            QVERIFY(list->toPlainText().contains(command));
            auto *run = dialog->findChild<QPushButton *>(button);
            QVERIFY(run);
            // Enter must not run them: the default button keeps them off.
            QVERIFY(!run->isDefault());
            run->click();
        });
    }

    QTemporaryDir m_settings;
    QTemporaryDir m_xdg;
    std::unique_ptr<QTemporaryDir> m_tree;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestShellConsent)
#include "tst_shellconsentbanner.moc"
