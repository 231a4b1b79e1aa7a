// SPDX-License-Identifier: MIT
// Consent to run a tree's $(shell,...) commands: without it nothing runs and
// the probes answer like failed commands (the tree still loads, and the
// commands are listed); consent is per tree and per command, kept privately,
// and lapses when a script the command names changes.
#include <kconfig/config.h>
#include <kconfig/configwriter.h>
#include <kconfig/diagnostic.h>
#include <kconfig/shellconsent.h>
#include <kconfig/shellrunner.h>
#include <kconfig/treeloader.h>

#include "golden.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace kconfig;

class ShellConsentTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::string m_tree;
    std::string m_store;
    std::string m_errors; // of the last load

    void write(const QString &rel, const QByteArray &text)
    {
        QFile f(m_dir->path() + "/tree/" + rel);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }

    // Loads the tree with the consent on record; returns the .config text.
    std::string load(std::vector<std::string> *refused = nullptr, int *processes = nullptr,
                     std::vector<std::string> *ran = nullptr, bool runAll = false)
    {
        ProcessShellRunner processes_(m_tree);
        ConsentingShell shell(processes_, ShellConsentStore(m_store).approved(m_tree), m_tree,
                              runAll);
        LoadOptions o;
        o.environment.set("srctree", m_tree);
        o.environment.set("PATH", "/usr/bin:/bin");
        o.shell = &shell;
        o.keepGoing = true;
        DiagnosticSink sink;
        LoadResult r = loadTree(o, sink);
        m_errors.clear();
        for (const Diagnostic &d : sink.all())
            if (d.severity == Diagnostic::Severity::Error) m_errors += d.text;
        if (refused) *refused = shell.refused();
        if (ran) *ran = shell.allowed();
        if (processes) *processes = processes_.processesStarted();
        if (!r) return "load failed";
        Config config(*r.tree);
        return ConfigWriter(config, o.environment).dotConfigText();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(kcstest::scratchRoot() + "/kcs-consent-XXXXXX");
        QVERIFY(m_dir->isValid());
        QDir().mkpath(m_dir->path() + "/tree/scripts");
        m_tree = (m_dir->path() + "/tree").toStdString();
        m_store = (m_dir->path() + "/config/kconfig-studio/shell-consent").toStdString();
        write("scripts/version.sh", "echo 42\n");
        // The kernel's helpers (scripts/Kconfig.include), and a compiler check
        // that stops conf when the probe answers nothing.
        write("Kconfig",
              "success = $(shell,{ $(1); } >/dev/null 2>&1 && echo y || echo n)\n"
              "$(error-if,$(success,test -z \"$(shell,sh scripts/version.sh)\"),no compiler)\n"
              "config VERSION\n\tint\n\tdefault $(shell,sh scripts/version.sh)\n"
              "config HAS_TOUCH\n\tdef_bool $(success,touch ran-by-probe)\n");
    }

    void nothingRunsWithoutConsent()
    {
        std::vector<std::string> refused;
        int processes = -1;
        const std::string config = load(&refused, &processes);
        QCOMPARE(processes, 0);
        QVERIFY(!QFile::exists(m_dir->path() + "/tree/ran-by-probe"));
        // The tree loads all the same. The refused probes answer like failed
        // commands: the compiler check's `test -z` fails too, so no error;
        // VERSION's default is left empty (a syntax error, reported at its
        // line); $(success,...) is n, so HAS_TOUCH is off (and, being an n
        // without a prompt, not written).
        QVERIFY2(config.find("HAS_TOUCH") == std::string::npos, config.c_str());
        QVERIFY2(config.find("CONFIG_VERSION") == std::string::npos, config.c_str());
        QVERIFY2(m_errors.find("Kconfig:5: invalid statement") != std::string::npos,
                 m_errors.c_str());
        QVERIFY2(m_errors.find("Kconfig:2:") == std::string::npos, m_errors.c_str());
        QVERIFY2(m_errors.find("Kconfig:7:") == std::string::npos, m_errors.c_str());
        QCOMPARE(refused.size(), std::size_t(3));
        QCOMPARE(refused[0], std::string("sh scripts/version.sh"));
        QVERIFY(refused[2].find("touch ran-by-probe") != std::string::npos);
    }

    void consentRunsTheCommandsAndIsKeptPrivately()
    {
        // Agreeing runs everything once and records what ran: the compiler
        // check's command is only known once version.sh has answered.
        std::vector<std::string> refused, ran;
        load(&refused);
        load(nullptr, nullptr, &ran, true);
        QCOMPARE(ran.size(), std::size_t(3));
        QVERIFY(ran != refused);
        QVERIFY(ShellConsentStore(m_store).approve(m_tree, ran, m_tree));
        std::vector<std::string> now;
        int processes = 0;
        const std::string config = load(&now, &processes);
        QVERIFY(now.empty());
        QVERIFY(m_errors.empty());
        QCOMPARE(processes, 4); // version.sh twice (like conf), two $(success)
        QVERIFY(config.find("CONFIG_VERSION=42\n") != std::string::npos);
        QVERIFY(config.find("CONFIG_HAS_TOUCH=y\n") != std::string::npos);
        QVERIFY(QFile::exists(m_dir->path() + "/tree/ran-by-probe"));

        struct stat st
        {
        };
        QCOMPARE(::stat(ShellConsentStore(m_store).entryPath(m_tree).c_str(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        // A record others can write to is not trusted.
        ::chmod(ShellConsentStore(m_store).entryPath(m_tree).c_str(), 0666);
        QVERIFY(ShellConsentStore(m_store).approved(m_tree).empty());
    }

    void consentIsPerTree()
    {
        QVERIFY(ShellConsentStore(m_store).approve("/some/other/tree", {"sh scripts/version.sh"},
                                                   m_tree));
        std::vector<std::string> refused;
        load(&refused);
        QCOMPARE(refused.size(), std::size_t(3));
    }

    // The command text stays the same, but the script it runs changed.
    void changedScriptNeedsConsentAgain()
    {
        std::vector<std::string> refused, ran;
        load(nullptr, nullptr, &ran, true);
        QVERIFY(ShellConsentStore(m_store).approve(m_tree, ran, m_tree));
        write("scripts/version.sh", "echo 43; rm -rf \"$HOME\"\n");
        const std::string config = load(&refused);
        QVERIFY(!refused.empty());
        QCOMPARE(refused[0], std::string("sh scripts/version.sh"));
        QVERIFY(config.find("CONFIG_VERSION=43") == std::string::npos);
        QVERIFY(config.find("CONFIG_HAS_TOUCH=y") != std::string::npos); // still agreed to
    }

    void newCommandNeedsConsent()
    {
        std::vector<std::string> refused, ran;
        load(nullptr, nullptr, &ran, true);
        QVERIFY(ShellConsentStore(m_store).approve(m_tree, ran, m_tree));
        write("Kconfig", "config VERSION\n\tint\n\tdefault $(shell,sh scripts/version.sh)\n"
                         "config OTHER\n\tstring\n\tdefault \"$(shell,echo other)\"\n");
        const std::string config = load(&refused);
        QCOMPARE(refused, std::vector<std::string>{"echo other"});
        QVERIFY(config.find("CONFIG_VERSION=42\n") != std::string::npos);
        QVERIFY(config.find("CONFIG_OTHER=\"\"\n") != std::string::npos);
        QVERIFY(ShellConsentStore(m_store).revoke(m_tree));
        load(&refused);
        QCOMPARE(refused.size(), std::size_t(2)); // this tree has two commands now
    }

    // Commands with newlines, tabs and backslashes survive the record.
    void oddCommandsRoundTrip()
    {
        const std::vector<std::string> odd = {"printf 'a\\tb\\n'", "echo \"x\ty\"\nexit 0",
                                              "a\\\\b"};
        QVERIFY(ShellConsentStore(m_store).approve(m_tree, odd, m_tree));
        const auto back = ShellConsentStore(m_store).approved(m_tree);
        QCOMPARE(back.size(), odd.size());
        for (const std::string &c : odd)
            QVERIFY2(back.count(c), c.c_str());
    }

    void failedAnswers()
    {
        QCOMPARE(ConsentingShell::failedAnswer(
                     "{ test a = b; } >/dev/null 2>&1 && echo \"y\" || echo \"n\""),
                 std::string("n\n"));
        QCOMPARE(ConsentingShell::failedAnswer(
                     "{ cc -m64; } >/dev/null 2>&1 && echo \"-m64\" || echo \"\""),
                 std::string("\n"));
        QCOMPARE(ConsentingShell::failedAnswer("scripts/cc-version.sh gcc"), std::string());
        QCOMPARE(ConsentingShell::failedAnswer("x || echo $(rm -rf /)"), std::string());
    }

    void corruptRecordIsIgnored()
    {
        QVERIFY(ShellConsentStore(m_store).approve(m_tree, {"echo 1"}, m_tree));
        QFile f(QString::fromStdString(ShellConsentStore(m_store).entryPath(m_tree)));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("garbage\ncommand echo 1\t\n");
        f.close();
        QVERIFY(ShellConsentStore(m_store).approved(m_tree).empty());
    }
};

QTEST_GUILESS_MAIN(ShellConsentTest)
#include "tst_shellconsent.moc"
