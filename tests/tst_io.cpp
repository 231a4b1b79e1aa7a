// SPDX-License-Identifier: MIT
// .config reading and writing, savedefconfig, KCONFIG_ALLCONFIG, the
// yes2mod/mod2yes/mod2no rewrites, syncconfig outputs and the KCONFIG_*
// environment variables. Cases live in data/io/.
#include "golden.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kcstest;

class TestIo : public QObject
{
    Q_OBJECT

private slots:
    // kconfig-studio-cli reproduces conf's stdout, stderr, exit status and files.
    void cli_data() { addCaseRows(QStringLiteral("io")); }
    void cli()
    {
        QFETCH(QString, caseDir);
        const QString report = checkCliAgainstExpected(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // The same, run twice in one directory: the second run reuses the cached
    // probes and tree.
    void cliWarmCaches_data() { addCaseRows(QStringLiteral("io")); }
    void cliWarmCaches()
    {
        QFETCH(QString, caseDir);
        const QString report = checkCliWarmCaches(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    void loading_data() { addCaseRows(QStringLiteral("io")); }
    void loading()
    {
        QFETCH(QString, caseDir);
        const QString report = checkLoadDiagnostics(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // Through the API: Config's values, written flags and choice selections
    // after reading the input and applying the mode are those in conf's .config.
    void values_data() { addCaseRows(QStringLiteral("io"), apiCoversValues); }
    void values()
    {
        QFETCH(QString, caseDir);
        const QString report = checkApiValues(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // kconfig-studio-cli caches parsed trees: editing, truncating or shadowing
    // a Kconfig file between two runs in the same directory must be seen.
    void editedKconfigIsReread()
    {
        QTemporaryDir dir(scratchRoot() + "/kcs-edit-XXXXXX");
        const QString work = dir.path() + "/work";
        const QString src = dir.path() + "/src";
        QDir().mkpath(work);
        QDir().mkpath(src);
        const auto write = [](const QString &path, const QByteArray &text) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
        };
        const auto run = [&]() -> QByteArray {
            QProcess p;
            QProcessEnvironment env;
            env.insert("PATH", "/usr/bin:/bin");
            env.insert("XDG_CACHE_HOME", dir.path() + "/cache");
            env.insert("srctree", src);
            p.setProcessEnvironment(env);
            p.setWorkingDirectory(work);
            p.start(QStringLiteral(KCS_CLI_PATH), {"--olddefconfig", "Kconfig"});
            p.waitForFinished(60000);
            QFile f(work + "/.config");
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        write(work + "/Kconfig", "config FIRST\n\tbool \"first\"\n\tdefault y\n"
                                 "source \"sub.kconfig\"\nsource \"other.kconfig\"\n");
        write(work + "/sub.kconfig", "config SUB_ONE\n\tdef_bool y\n");
        write(src + "/other.kconfig", "config FROM_SRCTREE\n\tdef_bool y\n");
        QByteArray conf = run();
        QVERIFY2(conf.contains("CONFIG_FIRST=y\nCONFIG_SUB_ONE=y\nCONFIG_FROM_SRCTREE=y\n"),
                 conf.constData());
        QVERIFY(QDir(dir.path() + "/cache/kconfig-studio/trees").count() > 2); // a tree was stored

        // the same size, edited after the first run
        write(work + "/sub.kconfig", "config SUB_TWO\n\tdef_bool y\n");
        conf = run();
        QVERIFY2(conf.contains("CONFIG_SUB_TWO=y") && !conf.contains("SUB_ONE"), conf.constData());

        // a file in the working directory now shadows the one under $srctree
        write(work + "/other.kconfig", "config FROM_WORK\n\tdef_bool y\n");
        conf = run();
        QVERIFY2(conf.contains("CONFIG_FROM_WORK=y") && !conf.contains("FROM_SRCTREE"),
                 conf.constData());

        // an emptied top-level file
        write(work + "/Kconfig", "");
        conf = run();
        QVERIFY2(!conf.contains("CONFIG_"), conf.constData());
    }

    // Through the API: ConfigWriter and AutoconfWriter produce conf's files.
    void writers_data() { addCaseRows(QStringLiteral("io"), apiCoversWriters); }
    void writers()
    {
        QFETCH(QString, caseDir);
        const QString report = checkApiWriters(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }
};

QTEST_GUILESS_MAIN(TestIo)
#include "tst_io.moc"
