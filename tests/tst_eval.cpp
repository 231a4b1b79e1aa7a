// SPDX-License-Identifier: MIT
// Evaluation: defaults in order, select and imply with conditions, m rewriting
// and MODULES, bool promotion, comparisons, ranges, invalid values, unmet
// dependencies. Cases live in data/eval/.
#include "golden.h"

#include <QTest>

using namespace kcstest;

class TestEval : public QObject
{
    Q_OBJECT

private slots:
    // kconfig-studio-cli reproduces conf's stdout, stderr, exit status and files.
    void cli_data() { addCaseRows(QStringLiteral("eval")); }
    void cli()
    {
        QFETCH(QString, caseDir);
        const QString report = checkCliAgainstExpected(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // The same, run twice in one directory: the second run reuses the cached
    // probes and tree.
    void cliWarmCaches_data() { addCaseRows(QStringLiteral("eval")); }
    void cliWarmCaches()
    {
        QFETCH(QString, caseDir);
        const QString report = checkCliWarmCaches(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    void loading_data() { addCaseRows(QStringLiteral("eval")); }
    void loading()
    {
        QFETCH(QString, caseDir);
        const QString report = checkLoadDiagnostics(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // Through the API: Config's values, written flags and choice selections
    // after reading the input and applying the mode are those in conf's .config.
    void values_data() { addCaseRows(QStringLiteral("eval"), apiCoversValues); }
    void values()
    {
        QFETCH(QString, caseDir);
        const QString report = checkApiValues(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // Through the API: ConfigWriter and AutoconfWriter produce conf's files.
    void writers_data() { addCaseRows(QStringLiteral("eval"), apiCoversWriters); }
    void writers()
    {
        QFETCH(QString, caseDir);
        const QString report = checkApiWriters(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }
};

QTEST_GUILESS_MAIN(TestEval)
#include "tst_eval.moc"
