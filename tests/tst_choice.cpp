// SPDX-License-Identifier: MIT
// Choices (Linux 6.12 rules): one y member per visible choice, priority
// order and last-wins input, defaults unless explicitly n, invisible choices,
// randconfig, savedefconfig, oldconfig. Cases live in data/choice/.
#include "golden.h"

#include <QTest>

using namespace kcstest;

class TestChoice : public QObject
{
    Q_OBJECT

private slots:
    // kconfig-studio-cli reproduces conf's stdout, stderr, exit status and files.
    void cli_data() { addCaseRows(QStringLiteral("choice")); }
    void cli()
    {
        QFETCH(QString, caseDir);
        const QString report = checkCliAgainstExpected(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // The same, run twice in one directory: the second run reuses the cached
    // probes and tree.
    void cliWarmCaches_data() { addCaseRows(QStringLiteral("choice")); }
    void cliWarmCaches()
    {
        QFETCH(QString, caseDir);
        const QString report = checkCliWarmCaches(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    void loading_data() { addCaseRows(QStringLiteral("choice")); }
    void loading()
    {
        QFETCH(QString, caseDir);
        const QString report = checkLoadDiagnostics(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // Through the API: Config's values, written flags and choice selections
    // after reading the input and applying the mode are those in conf's .config.
    void values_data() { addCaseRows(QStringLiteral("choice"), apiCoversValues); }
    void values()
    {
        QFETCH(QString, caseDir);
        const QString report = checkApiValues(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // Through the API: ConfigWriter and AutoconfWriter produce conf's files.
    void writers_data() { addCaseRows(QStringLiteral("choice"), apiCoversWriters); }
    void writers()
    {
        QFETCH(QString, caseDir);
        const QString report = checkApiWriters(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }
};

QTEST_GUILESS_MAIN(TestChoice)
#include "tst_choice.moc"
