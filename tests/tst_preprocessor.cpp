// SPDX-License-Identifier: MIT
// The macro language: variables, user functions, built-in functions, the
// environment fallback, $(shell) output rules and the preprocessor's errors.
// Cases live in data/preprocessor/.
#include "golden.h"

#include <kconfig/shellrunner.h>

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace kcstest;

class TestPreprocessor : public QObject
{
    Q_OBJECT

private slots:
    // kconfig-studio-cli reproduces conf's stdout, stderr, exit status and files.
    void cli_data() { addCaseRows(QStringLiteral("preprocessor")); }
    void cli()
    {
        QFETCH(QString, caseDir);
        const QString report = checkCliAgainstExpected(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // The same, run twice in one directory: the second run reuses the cached
    // probes and tree.
    void cliWarmCaches_data() { addCaseRows(QStringLiteral("preprocessor")); }
    void cliWarmCaches()
    {
        QFETCH(QString, caseDir);
        const QString report = checkCliWarmCaches(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // loadTree() reports $(info), $(warning-if) and the errors like conf.
    void loading_data() { addCaseRows(QStringLiteral("preprocessor")); }
    void loading()
    {
        QFETCH(QString, caseDir);
        const QString report = checkLoadDiagnostics(caseDir);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // The environment variables the macros read are what auto.conf.cmd lists.
    void environmentDependencies_data()
    {
        addCaseRows(QStringLiteral("preprocessor"),
                    [](const CaseSpec &c) { return expectsFile(c, "auto.conf.cmd"); });
    }
    void environmentDependencies()
    {
        QFETCH(QString, caseDir);
        bool checked = false;
        const QString report = checkRecordedDependencies(caseDir, &checked);
        QVERIFY(checked);
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    // conf's rules for $(shell) output, on raw outputs no shell command needs to
    // produce (the golden cases cover real commands).
    void shellOutputRules_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("only newlines") << QByteArray("\n\n\n") << QByteArray();
        QTest::newRow("inner newlines") << QByteArray("a\nb\n") << QByteArray("a b");
        QTest::newRow("leading newlines") << QByteArray("\n\na") << QByteArray("  a");
        QTest::newRow("carriage return kept") << QByteArray("a\r\n") << QByteArray("a\r");
        QTest::newRow("NUL ends the value") << QByteArray("ab\0cd", 5) << QByteArray("ab");
        QTest::newRow("NUL after the newline rules")
            << QByteArray("a\n\0b\n", 5) << QByteArray("a ");
        QTest::newRow("4095 kept") << QByteArray(4095, 'x') << QByteArray(4095, 'x');
        QTest::newRow("4096 cut") << QByteArray(4096, 'x') << QByteArray(4095, 'x');
        QTest::newRow("cut before newline rules") << QByteArray(4094, 'x') + "\n\n\n"
                                                  << QByteArray(4094, 'x');
        QTest::newRow("newline at the cut")
            << QByteArray(4094, 'x') + "\nyyy" << QByteArray(4094, 'x');
    }
    void shellOutputRules()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, value);
        const std::string got = kconfig::shellOutputToValue(raw.toStdString());
        QCOMPARE(QByteArray::fromStdString(got), value);
    }
};

QTEST_GUILESS_MAIN(TestPreprocessor)
#include "tst_preprocessor.moc"
