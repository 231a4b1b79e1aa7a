// SPDX-License-Identifier: MIT
// The journal of unsaved value changes: a window that goes away without
// saving (as in a crash) leaves its changes in a journal, and the next window
// on the same tree offers them back; restored changes can be undone; saving,
// discarding, a clean close and undoing back to the saved values remove the
// journal; corrupt and foreign journals are ignored; the files are private.
#include "configdocument.h"
#include "mainwindow.h"
#include "valuejournal.h"

#include <kconfig/config.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include <functional>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace kconfig;

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

bool writeFile(const QString &path, const QByteArray &text, QIODevice::OpenMode mode = {})
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | (mode ? mode : QIODevice::Truncate)) &&
           f.write(text) == text.size();
}

unsigned modeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : 0;
}

// Answers every message box with the button named `button`. A polling timer,
// not a singleShot with a nested QTRY: that would deadlock with exec().
class Answerer : public QObject
{
public:
    explicit Answerer(QString button) : m_button(std::move(button))
    {
        connect(&m_timer, &QTimer::timeout, this, &Answerer::poll);
        m_timer.start(10);
    }
    QStringList questions; // text and informative text of each box answered
    std::function<void(QMessageBox *)> onQuestion;

private:
    void poll()
    {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible()) return;
        questions << box->text() + QLatin1Char('\n') + box->informativeText();
        if (onQuestion) onQuestion(box);
        for (QAbstractButton *b : box->buttons()) {
            if (b->text().remove(QLatin1Char('&')) == m_button) {
                b->click();
                return;
            }
        }
        box->done(-1); // a test fails on `questions` rather than hanging
    }

    QString m_button;
    QTimer m_timer;
};

} // namespace

class TestValueJournal : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("kconfig-studio-test"));
        QCoreApplication::setApplicationName(QStringLiteral("kconfig-studio-test"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        // Journals, consent records and caches of this run stay in here.
        qputenv("XDG_STATE_HOME", m_xdg.filePath(QStringLiteral("state")).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_xdg.filePath(QStringLiteral("config")).toLocal8Bit());
        qputenv("XDG_CACHE_HOME", m_xdg.filePath(QStringLiteral("cache")).toLocal8Bit());
        QVERIFY(ValueJournal::directory().startsWith(m_xdg.path()));
    }

    void init()
    {
        QDir(ValueJournal::directory()).removeRecursively();
        m_work.reset(new QTemporaryDir);
        m_config = m_work->filePath(QStringLiteral(".config"));
        QVERIFY(
            QFile::copy(dataDir(QStringLiteral("basic")) + QStringLiteral("/config"), m_config));
    }

    void cleanup()
    {
        for (auto *w : {&m_first, &m_second}) {
            if (*w) (*w)->document()->undoStack()->setClean(); // no question when closing
            w->reset();
        }
    }

    void assignmentsReadBackAsWritten_data()
    {
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("quoted");
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("y") << "FOO"
                           << "y" << false << QByteArray("CONFIG_FOO=y");
        QTest::newRow("m") << "FOO"
                           << "m" << false << QByteArray("CONFIG_FOO=m");
        QTest::newRow("n") << "BAR"
                           << "n" << false << QByteArray("# CONFIG_BAR is not set");
        QTest::newRow("int") << "NR_CPUS"
                             << "16" << false << QByteArray("CONFIG_NR_CPUS=16");
        QTest::newRow("hex") << "ADDR"
                             << "0x10" << false << QByteArray("CONFIG_ADDR=0x10");
        QTest::newRow("string") << "S"
                                << "a \"b\" \\c" << true
                                << QByteArray("CONFIG_S=\"a \\\"b\\\" \\\\c\"");
        QTest::newRow("string n") << "S"
                                  << "n" << true << QByteArray("CONFIG_S=\"n\"");
        QTest::newRow("empty") << "S"
                               << "" << true << QByteArray("CONFIG_S=\"\"");
        QTest::newRow("newline") << "S"
                                 << "a\nb\r" << true << QByteArray("CONFIG_S=\"a\\nb\\r\"");
        QTest::newRow("utf-8") << "S"
                               << "gr\u00fc\u00df" << true
                               << QByteArray("CONFIG_S=\"gr\xc3\xbc\xc3\x9f\"");
    }
    void assignmentsReadBackAsWritten()
    {
        QFETCH(QString, symbol);
        QFETCH(QString, value);
        QFETCH(bool, quoted);
        QFETCH(QByteArray, line);
        const JournalAssignment a{symbol, value, quoted};
        const QString prefix = QStringLiteral("CONFIG_");
        QCOMPARE(ValueJournal::formatAssignment(prefix, a), line);
        JournalAssignment back;
        QVERIFY(ValueJournal::parseAssignment(line, prefix, &back));
        QCOMPARE(back.symbol, symbol);
        QCOMPARE(back.value, value);
        QCOMPARE(back.quoted, quoted);
    }

    void malformedLinesAreRefused()
    {
        JournalAssignment a;
        const QString prefix = QStringLiteral("CONFIG_");
        for (const char *line : {"", "FOO=y", "CONFIG_FOO", "CONFIG_=y", "CONFIG_F O=y",
                                 "CONFIG_S=\"open", "CONFIG_S=\"a\"b\"", "CONFIG_S=\"a\\\"",
                                 "# CONFIG_FOO is set", "# CONFIG_ is not set"})
            QVERIFY2(!ValueJournal::parseAssignment(line, prefix, &a), line);
    }

    void restoreAfterCrash()
    {
        m_first = newWindow();
        QVERIFY(openBasic(m_first.get()));
        ConfigDocument *doc = m_first->document();
        const QString path = doc->journalPath();
        QVERIFY(path.startsWith(ValueJournal::directory() + QLatin1Char('/')));
        makeChanges(doc);
        // Written after a short pause, without anybody asking: a kill a
        // second after the last change finds it.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 1000);
        ValueJournal journal;
        QCOMPARE(ValueJournal::read(path, &journal), ValueJournal::ReadResult::Ok);
        QCOMPARE(journal.configPath, m_config);
        QCOMPARE(journal.config.sha256, ConfigFileState::of(m_config).sha256);
        QCOMPARE(lines(journal), expectedLines());
        const QByteArray text = readAll(path);
        QVERIFY(text.contains("\n# CONFIG_BAR is not set\n"));
        QVERIFY(text.contains("\nCONFIG_CMDLINE=\"quiet \\\"x\\\" \\\\ y\"\n"));

        // A crash: the window goes without closing, nothing saved.
        m_first.reset();
        QVERIFY(QFile::exists(path));
        QCOMPARE(readAll(m_config),
                 readAll(dataDir(QStringLiteral("basic")) + QStringLiteral("/config")));

        Answerer answer(QStringLiteral("Restore"));
        bool journalKeptWhileAsking = false;
        answer.onQuestion = [&](QMessageBox *box) {
            journalKeptWhileAsking = QFile::exists(path);
            QCOMPARE(box->defaultButton()->text().remove(QLatin1Char('&')),
                     QStringLiteral("Restore"));
        };
        m_second = newWindow();
        QVERIFY(openBasic(m_second.get()));
        QTRY_COMPARE(answer.questions.size(), 1);
        const QString question = answer.questions.front();
        QVERIFY2(question.startsWith(QStringLiteral("Restore 6 unsaved changes from ")),
                 qPrintable(question));
        QVERIFY2(!question.contains(QStringLiteral("changed on disk")), qPrintable(question));
        QVERIFY(journalKeptWhileAsking);

        doc = m_second->document();
        QTRY_COMPARE(doc->undoStack()->count(), 6);
        QCOMPARE(tri(doc, "FOO"), Tristate::Yes);
        QCOMPARE(tri(doc, "BAR"), Tristate::No);
        QCOMPARE(tri(doc, "HZ_1000"), Tristate::Yes);
        QCOMPARE(tri(doc, "HZ_250"), Tristate::No);
        QCOMPARE(str(doc, "NR_CPUS"), QStringLiteral("16"));
        QCOMPARE(str(doc, "CMDLINE"), QStringLiteral("quiet \"x\" \\ y"));
        QCOMPARE(tri(doc, "FOO_BUILTIN_ONLY"), Tristate::Yes);
        QVERIFY(doc->isModified());
        QVERIFY(m_second->isWindowModified());
        QVERIFY2(m_second->statusBar()->currentMessage().startsWith(
                     QStringLiteral("Restored 6 of 6 unsaved changes")),
                 qPrintable(m_second->statusBar()->currentMessage()));
        // Still journaled: another crash loses nothing either.
        QTRY_VERIFY(!doc->pendingJournal() && QFile::exists(path));
        doc->flushJournal();
        QCOMPARE(ValueJournal::read(path, &journal), ValueJournal::ReadResult::Ok);
        QCOMPARE(lines(journal), expectedLines());

        // Each restored change is a step of its own to undo.
        doc->undoStack()->undo();
        QCOMPARE(tri(doc, "FOO_BUILTIN_ONLY"), Tristate::No);
        QCOMPARE(tri(doc, "FOO"), Tristate::Yes);
        while (doc->undoStack()->canUndo())
            doc->undoStack()->undo();
        QCOMPARE(tri(doc, "FOO"), Tristate::Mod);
        QCOMPARE(tri(doc, "BAR"), Tristate::Yes);
        QCOMPARE(tri(doc, "HZ_250"), Tristate::Yes);
        QCOMPARE(str(doc, "NR_CPUS"), QStringLiteral("8"));
        // Back at the file's values: nothing left to recover.
        QVERIFY(!doc->isModified());
        QVERIFY(!QFile::exists(path));
        doc->undoStack()->redo();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 1000);
        QCOMPARE(answer.questions.size(), 1);
    }

    void discardRemovesTheJournal()
    {
        const QString path = crashWithChanges();
        Answerer answer(QStringLiteral("Discard"));
        m_second = newWindow();
        QVERIFY(openBasic(m_second.get()));
        QTRY_COMPARE(answer.questions.size(), 1);
        QTRY_VERIFY(!QFile::exists(path));
        ConfigDocument *doc = m_second->document();
        QVERIFY(!doc->pendingJournal());
        QCOMPARE(tri(doc, "FOO"), Tristate::Mod);
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(!doc->isModified());

        // Not asked again.
        m_second.reset();
        m_second = newWindow();
        QVERIFY(openBasic(m_second.get()));
        QTest::qWait(200);
        QCOMPARE(answer.questions.size(), 1);
    }

    void savingRemovesTheJournal()
    {
        m_first = newWindow();
        QVERIFY(openBasic(m_first.get()));
        ConfigDocument *doc = m_first->document();
        const QString path = doc->journalPath();
        QVERIFY(doc->setTristate(symbol(doc, "FOO"), Tristate::Yes));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 1000);
        QVERIFY(m_first->save());
        QVERIFY(!QFile::exists(path));
        QVERIFY(readAll(m_config).contains("CONFIG_FOO=y\n"));

        // Undoing back to the saved values removes it too.
        QVERIFY(doc->setString(symbol(doc, "NR_CPUS"), QStringLiteral("32")));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 1000);
        doc->undoStack()->undo();
        QVERIFY(!QFile::exists(path));

        // Undone past the save: not a run of steps from the file any more,
        // so the journal holds the values that differ from it.
        doc->undoStack()->undo();
        QCOMPARE(tri(doc, "FOO"), Tristate::Mod);
        QVERIFY(doc->isModified());
        doc->flushJournal();
        ValueJournal journal;
        QCOMPARE(ValueJournal::read(path, &journal), ValueJournal::ReadResult::Ok);
        QCOMPARE(lines(journal), QByteArrayList{"CONFIG_FOO=m"});
        m_first.reset(); // crash
        Answerer answer(QStringLiteral("Restore"));
        m_second = newWindow();
        QVERIFY(openBasic(m_second.get()));
        QTRY_COMPARE(answer.questions.size(), 1);
        QTRY_COMPARE(m_second->document()->undoStack()->count(), 1);
        QCOMPARE(tri(m_second->document(), "FOO"), Tristate::Mod);
    }

    void closingRemovesTheJournal()
    {
        m_first = newWindow();
        QVERIFY(openBasic(m_first.get()));
        ConfigDocument *doc = m_first->document();
        const QString path = doc->journalPath();
        QVERIFY(doc->setTristate(symbol(doc, "FOO"), Tristate::Yes));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 1000);
        {
            // Cancel keeps the window and the journal.
            Answerer answer(QStringLiteral("Cancel"));
            QVERIFY(!m_first->close());
            QCOMPARE(answer.questions.size(), 1);
            QVERIFY(QFile::exists(path));
        }
        Answerer answer(QStringLiteral("Discard"));
        QVERIFY(m_first->close());
        QCOMPARE(answer.questions.size(), 1);
        QVERIFY(!QFile::exists(path));
        m_first.reset();
        QVERIFY(!QFile::exists(path));

        // Opening another tree after discarding: gone as well.
        m_first = newWindow();
        QVERIFY(openBasic(m_first.get()));
        doc = m_first->document();
        QVERIFY(doc->setTristate(symbol(doc, "FOO"), Tristate::Yes));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 1000);
        QVERIFY(openBasic(m_first.get()));
        QCOMPARE(answer.questions.size(), 2);
        QVERIFY(!QFile::exists(path));
        QTest::qWait(400);
        QVERIFY(!QFile::exists(path));
    }

    void changedConfigIsMentioned()
    {
        const QString path = crashWithChanges();
        QVERIFY(writeFile(m_config, "CONFIG_NET_FEATURE=y\n", QIODevice::Append));
        Answerer answer(QStringLiteral("Restore"));
        m_second = newWindow();
        QVERIFY(openBasic(m_second.get()));
        QTRY_COMPARE(answer.questions.size(), 1);
        QVERIFY2(answer.questions.front().contains(QStringLiteral("changed on disk")),
                 qPrintable(answer.questions.front()));
        ConfigDocument *doc = m_second->document();
        QTRY_COMPARE(doc->undoStack()->count(), 6);
        QCOMPARE(tri(doc, "FOO"), Tristate::Yes);
        QCOMPARE(tri(doc, "NET_FEATURE"), Tristate::Yes); // the file's new value stays
        QVERIFY(QFile::exists(path));
    }

    void refusedAndMissingSymbolsAreReported()
    {
        m_first = newWindow();
        QVERIFY(openBasic(m_first.get()));
        ConfigDocument *doc = m_first->document();
        const QString path = doc->journalPath();
        ValueJournal journal;
        journal.srctree = doc->srctree();
        journal.arch = doc->loadInfo()->arch;
        journal.configPath = doc->configPath();
        journal.config = ConfigFileState::of(m_config);
        journal.written = QDateTime::currentDateTimeUtc();
        journal.assignments = {{QStringLiteral("GONE"), QStringLiteral("y"), false},
                               {QStringLiteral("FOO"), QStringLiteral("y"), false},
                               {QStringLiteral("NR_CPUS"), QStringLiteral("9999"), false},
                               {QStringLiteral("HZ_100"), QStringLiteral("m"), false},
                               {QStringLiteral("BAR"), QStringLiteral("yes please"), true}};
        m_first.reset();
        QString error;
        QVERIFY2(journal.write(path, &error), qPrintable(error));

        Answerer answer(QStringLiteral("Restore"));
        m_second = newWindow();
        QVERIFY(openBasic(m_second.get()));
        QTRY_COMPARE(answer.questions.size(), 1);
        QVERIFY(answer.questions.front().startsWith(QStringLiteral("Restore 5 unsaved changes")));
        doc = m_second->document();
        QTRY_COMPARE(tri(doc, "FOO"), Tristate::Yes);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(str(doc, "NR_CPUS"), QStringLiteral("8"));
        QCOMPARE(tri(doc, "HZ_250"), Tristate::Yes);
        const QString message = m_second->statusBar()->currentMessage();
        QVERIFY2(message.startsWith(QStringLiteral("Restored 1 of 5 unsaved changes; not "
                                                   "restored: GONE no longer exists")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("NR_CPUS")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("HZ_100=m was refused")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("BAR=yes please was refused")),
                 qPrintable(message));
        // What was restored is journaled in place of the old file.
        doc->flushJournal();
        QCOMPARE(ValueJournal::read(path, &journal), ValueJournal::ReadResult::Ok);
        QCOMPARE(lines(journal), QByteArrayList{"CONFIG_FOO=y"});
    }

    void corruptJournalIsIgnored_data()
    {
        QTest::addColumn<QByteArray>("text");
        QByteArray valid = validJournalText();
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x7f"
                                               "ELF\x01\x02\0\xff garbage\n",
                                               17);
        QTest::newRow("truncated") << valid.left(valid.size() - 8);
        QTest::newRow("no end") << valid.left(valid.indexOf("--- end"));
        QTest::newRow("bad line") << QByteArray(valid).replace("CONFIG_FOO=y", "CONFIG_FOO");
        QTest::newRow("bad header") << QByteArray(valid).replace("config-size ", "config-size x");
        QTest::newRow("other magic")
            << QByteArray(valid).replace("value journal 1", "value journal 9");
    }
    void corruptJournalIsIgnored()
    {
        QFETCH(QByteArray, text);
        const QString path = journalPathOfBasic();
        QVERIFY(QDir().mkpath(QFileInfo(path).path()));
        QVERIFY(writeFile(path, text));
        Answerer answer(QStringLiteral("Restore"));
        m_second = newWindow();
        QVERIFY(openBasic(m_second.get()));
        QTest::qWait(200);
        QCOMPARE(answer.questions.size(), 0);
        QVERIFY(!QFile::exists(path)); // ours, so removed
        ConfigDocument *doc = m_second->document();
        QCOMPARE(tri(doc, "FOO"), Tristate::Mod);
        QVERIFY(doc->setTristate(symbol(doc, "FOO"), Tristate::Yes));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 1000);
    }

    void validJournalTextRestores()
    {
        // The counterpart of the corrupt cases: the same text, intact.
        const QString path = journalPathOfBasic();
        QVERIFY(QDir().mkpath(QFileInfo(path).path()));
        QVERIFY(writeFile(path, validJournalText()));
        ::chmod(QFile::encodeName(path).constData(), 0600);
        Answerer answer(QStringLiteral("Restore"));
        m_second = newWindow();
        QVERIFY(openBasic(m_second.get()));
        QTRY_COMPARE(answer.questions.size(), 1);
        QTRY_COMPARE(tri(m_second->document(), "FOO"), Tristate::Yes);
    }

    void foreignJournalIsLeftAlone()
    {
        if (::getuid() != 0) QSKIP("needs root to give a file to another user");
        const QString path = journalPathOfBasic();
        QVERIFY(QDir().mkpath(QFileInfo(path).path()));
        QVERIFY(writeFile(path, validJournalText()));
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 65534, 65534), 0);
        Answerer answer(QStringLiteral("Restore"));
        m_second = newWindow();
        QVERIFY(openBasic(m_second.get()));
        QTest::qWait(200);
        QCOMPARE(answer.questions.size(), 0);
        QVERIFY(QFile::exists(path));
        QCOMPARE(tri(m_second->document(), "FOO"), Tristate::Mod);
        QCOMPARE(QFileInfo(path).ownerId(), 65534u);
        // Our next change replaces it with a file of our own.
        ConfigDocument *doc = m_second->document();
        QVERIFY(doc->setTristate(symbol(doc, "BAR"), Tristate::No));
        doc->flushJournal();
        QCOMPARE(QFileInfo(path).ownerId(), ::getuid());
    }

    void filesAreOwnerOnly()
    {
        // A directory somebody made readable is closed again.
        QVERIFY(QDir().mkpath(ValueJournal::directory()));
        QVERIFY(::chmod(QFile::encodeName(ValueJournal::directory()).constData(), 0755) == 0);
        const QString path = crashWithChanges();
        QCOMPARE(modeOf(path), 0600u);
        QCOMPARE(modeOf(ValueJournal::directory()), 0700u);
        // Replaced through a temporary file that does not stay behind.
        QCOMPARE(QDir(ValueJournal::directory()).entryList(QDir::Files),
                 QStringList{QFileInfo(path).fileName()});
    }

    void offIsOff()
    {
        // Without setOfferJournalRestore (tests, screenshots): no journal, no question.
        const QString path = crashWithChanges();
        auto window = std::make_unique<MainWindow>();
        window->show();
        Answerer answer(QStringLiteral("Restore"));
        QVERIFY(open(window.get()));
        ConfigDocument *doc = window->document();
        QVERIFY(doc->journalPath().isEmpty());
        QVERIFY(doc->setTristate(symbol(doc, "BAR"), Tristate::No));
        QTest::qWait(400);
        QCOMPARE(answer.questions.size(), 0);
        QCOMPARE(QDir(ValueJournal::directory()).entryList(QDir::Files).size(), 1);
        ValueJournal journal;
        QCOMPARE(ValueJournal::read(path, &journal), ValueJournal::ReadResult::Ok);
        QCOMPARE(lines(journal), expectedLines()); // the other window's, untouched
        doc->undoStack()->setClean();
    }

private:
    static std::unique_ptr<MainWindow> newWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->setOfferJournalRestore(true);
        window->resize(1000, 700);
        window->show();
        return window;
    }

    bool open(MainWindow *window)
    {
        ConfigDocument *doc = window->document();
        QSignalSpy loaded(doc, &ConfigDocument::loaded);
        QSignalSpy failed(doc, &ConfigDocument::loadFailed);
        OpenRequest request;
        request.path = dataDir(QStringLiteral("basic")) + QStringLiteral("/Kconfig");
        request.configFile = m_config;
        request.runShell = false;
        if (!window->open(request)) return false;
        return QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, 30000) &&
               !loaded.isEmpty();
    }
    bool openBasic(MainWindow *window) { return open(window); }

    static const Symbol *symbol(ConfigDocument *doc, const char *name)
    {
        return doc->tree()->symbols().find(name);
    }
    static Tristate tri(ConfigDocument *doc, const char *name)
    {
        return doc->config()->tristate(symbol(doc, name));
    }
    static QString str(ConfigDocument *doc, const char *name)
    {
        return QString::fromStdString(doc->config()->stringValue(symbol(doc, name)));
    }

    // Six changes in an order that matters: FOO_BUILTIN_ONLY needs FOO=y first.
    static void makeChanges(ConfigDocument *doc)
    {
        QVERIFY(doc->setTristate(symbol(doc, "FOO"), Tristate::Yes));
        QVERIFY(doc->setTristate(symbol(doc, "BAR"), Tristate::No));
        QVERIFY(doc->selectChoiceMember(symbol(doc, "HZ_1000")));
        QVERIFY(doc->setString(symbol(doc, "NR_CPUS"), QStringLiteral("16")));
        QVERIFY(doc->setString(symbol(doc, "CMDLINE"), QStringLiteral("quiet \"x\" \\ y")));
        QVERIFY(doc->setTristate(symbol(doc, "FOO_BUILTIN_ONLY"), Tristate::Yes));
    }
    static QByteArrayList expectedLines()
    {
        return {"CONFIG_FOO=y",
                "# CONFIG_BAR is not set",
                "CONFIG_HZ_1000=y",
                "CONFIG_NR_CPUS=16",
                "CONFIG_CMDLINE=\"quiet \\\"x\\\" \\\\ y\"",
                "CONFIG_FOO_BUILTIN_ONLY=y"};
    }
    static QByteArrayList lines(const ValueJournal &journal)
    {
        QByteArrayList out;
        for (const JournalAssignment &a : journal.assignments)
            out << ValueJournal::formatAssignment(journal.prefix, a);
        return out;
    }

    // A window that changed values and went away without closing.
    QString crashWithChanges()
    {
        auto window = newWindow();
        if (!openBasic(window.get())) return {};
        makeChanges(window->document());
        window->document()->flushJournal();
        const QString path = window->document()->journalPath();
        return QFile::exists(path) ? path : QString();
    }

    QString journalPathOfBasic()
    {
        return ValueJournal::pathFor(dataDir(QStringLiteral("basic")), QString(), m_config);
    }
    QByteArray validJournalText()
    {
        ValueJournal journal;
        journal.srctree = dataDir(QStringLiteral("basic"));
        journal.configPath = m_config;
        journal.config = ConfigFileState::of(m_config);
        journal.written = QDateTime::currentDateTimeUtc();
        journal.assignments = {{QStringLiteral("FOO"), QStringLiteral("y"), false},
                               {QStringLiteral("CMDLINE"), QStringLiteral("a"), true}};
        return journal.toText();
    }

    QTemporaryDir m_settings;
    QTemporaryDir m_xdg;
    std::unique_ptr<QTemporaryDir> m_work;
    QString m_config;
    std::unique_ptr<MainWindow> m_first;
    std::unique_ptr<MainWindow> m_second;
};

QTEST_MAIN(TestValueJournal)
#include "tst_valuejournal.moc"
