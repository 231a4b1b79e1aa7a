// SPDX-License-Identifier: MIT
// .config reading and writing, savedefconfig, KCONFIG_ALLCONFIG, the
// yes2mod/mod2yes/mod2no rewrites, syncconfig outputs and the KCONFIG_*
// environment variables. Cases live in data/io/.
#include "golden.h"

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
