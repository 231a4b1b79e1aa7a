// SPDX-License-Identifier: MIT
// Lexer and parser: help text, line continuation, strings, syntax errors and
// their recovery, structural errors, sourcing, property checks, dependency
// cycles. Cases live in data/parser/.
#include "golden.h"

#include <QTest>

using namespace kcstest;

class TestParser : public QObject
{
    Q_OBJECT

private slots:
    // kconfig-studio-cli reproduces conf's stdout, stderr, exit status and files.
    void cli_data() { addCaseRows(QStringLiteral("parser")); }
    void cli()
    {
        QFETCH(QString, caseDir);
        const QString report = checkCliAgainstExpected(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // The same, run twice in one directory: the second run reuses the cached
    // probes and tree.
    void cliWarmCaches_data() { addCaseRows(QStringLiteral("parser")); }
    void cliWarmCaches()
    {
        QFETCH(QString, caseDir);
        const QString report = checkCliWarmCaches(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // loadTree() reports warnings and errors with conf's "file:line:" texts, and
    // fails exactly when conf stops after parsing.
    void loading_data() { addCaseRows(QStringLiteral("parser")); }
    void loading()
    {
        QFETCH(QString, caseDir);
        const QString report = checkLoadDiagnostics(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // A successful load has no error diagnostics, and every diagnostic with a
    // location names a file of the tree and prints "file:line:" first.
    void diagnosticLocations_data()
    {
        addCaseRows(QStringLiteral("parser"),
                    [](const CaseSpec &c) { return expectedOutputs(c).exitCode == 0; });
    }
    void diagnosticLocations()
    {
        QFETCH(QString, caseDir);
        ApiCase api(loadCase(caseDir));
        QVERIFY(api.load());
        QCOMPARE(api.diagnostics().errorCount(), 0);
        for (const kconfig::Diagnostic &d : api.diagnostics().all()) {
            if (!d.location.isValid()) continue;
            bool known = false;
            for (const std::string *f : api.tree().files())
                known = known || f == d.location.file;
            QVERIFY2(known, d.text.c_str());
            const std::string prefix = d.location.toString() + ':';
            QVERIFY2(d.text.rfind(prefix, 0) == 0, d.text.c_str());
        }
    }

    // The files a tree was read from are auto.conf.cmd's deps_config list.
    void sourcedFiles_data()
    {
        addCaseRows(QStringLiteral("parser"),
                    [](const CaseSpec &c) { return expectsFile(c, "auto.conf.cmd"); });
    }
    void sourcedFiles()
    {
        QFETCH(QString, caseDir);
        bool checked = false;
        const QString report = checkRecordedDependencies(caseDir, &checked);
        QVERIFY(checked);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }
};

QTEST_GUILESS_MAIN(TestParser)
#include "tst_parser.moc"
