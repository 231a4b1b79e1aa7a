// SPDX-License-Identifier: MIT
// kconfig-studio's command line: --screenshot renders the window headless
// with --set values applied and --select'ed symbol, at --size; errors (an
// unknown symbol, a refused value, a broken tree) end with a message and a
// non-zero exit code.
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString studio()
{
    return QFileInfo(QStringLiteral(KCS_CLI)).absolutePath() +
           QStringLiteral("/../gui/kconfig-studio");
}
QString basicTree()
{
    return QStringLiteral(KCS_TEST_DATA_DIR "/gui/basic/Kconfig");
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(studio(), args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

} // namespace

class TestScreenshot : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(studio()), "build the kconfig-studio target first");
        QVERIFY(QFile::copy(QStringLiteral(KCS_TEST_DATA_DIR "/gui/basic/config"), config()));
    }

    void pngOfTheRequestedSize_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("laptop") << QSize(1366, 768);
        QTest::newRow("small") << QSize(900, 600);
        QTest::newRow("large") << QSize(2560, 1440);
    }

    void pngOfTheRequestedSize()
    {
        QFETCH(QSize, size);
        const QByteArray before = contents(config());
        const QString png = m_dir.filePath(QStringLiteral("shot.png"));
        QFile::remove(png);
        const Run r = run({QStringLiteral("--screenshot"), png, QStringLiteral("--size"),
                           QStringLiteral("%1x%2").arg(size.width()).arg(size.height()),
                           QStringLiteral("--select"), QStringLiteral("LOWER"),
                           QStringLiteral("--set"), QStringLiteral("BAZ=m"),
                           QStringLiteral("--set"), QStringLiteral("CONFIG_NR_CPUS=16"),
                           QStringLiteral("--config"), config(), basicTree()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), size);
        // A screenshot never saves.
        QCOMPARE(contents(config()), before);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown symbol")
            << QStringList{QStringLiteral("--select"), QStringLiteral("NO_SUCH")}
            << "unknown symbol NO_SUCH";
        QTest::newRow("unknown symbol to set")
            << QStringList{QStringLiteral("--set"), QStringLiteral("NO_SUCH=y")}
            << "unknown symbol NO_SUCH";
        QTest::newRow("not a tristate")
            << QStringList{QStringLiteral("--set"), QStringLiteral("FOO=2")}
            << "FOO is tristate: the value must be y, m or n";
        QTest::newRow("refused by a select")
            << QStringList{QStringLiteral("--set"), QStringLiteral("LOCKED=n")}
            << "LOCKED is locked at y: selected by BAR [=y].";
        QTest::newRow("out of range")
            << QStringList{QStringLiteral("--set"), QStringLiteral("NR_CPUS=1")}
            << "'1' is not a valid value for NR_CPUS: it must be an integer from 2 to 512.";
        QTest::newRow("bad size") << QStringList{QStringLiteral("--size"), QStringLiteral("big")}
                                  << "--size wants WIDTHxHEIGHT, e.g. 1366x768";
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString png = m_dir.filePath(QStringLiteral("error.png"));
        const Run r = run(
            QStringList{QStringLiteral("--screenshot"), png, QStringLiteral("--config"), config()} +
            args + QStringList{basicTree()});
        QVERIFY(r.exitCode > 0);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(png));
    }

    void brokenTree()
    {
        const QString png = m_dir.filePath(QStringLiteral("broken.png"));
        const Run r = run({QStringLiteral("--screenshot"), png,
                           QStringLiteral(KCS_TEST_DATA_DIR "/gui/broken/Kconfig")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("syntax error")), qPrintable(r.err));
        QVERIFY(!QFile::exists(png));
    }

    void versionAndHelp()
    {
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("kconfig-studio ")));
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *option :
             {"--arch", "--config", "--screenshot", "--select", "--set", "--size"})
            QVERIFY2(help.out.contains(QLatin1String(option)), option);
    }

    void demoTree()
    {
        if (!QFile::exists(QStringLiteral(KCS_DEMO_DIR "/Kconfig"))) QSKIP("no demo tree");
        const QString png = m_dir.filePath(QStringLiteral("demo.png"));
        const Run r = run({QStringLiteral("--screenshot"), png, QStringLiteral("--select"),
                           QStringLiteral("VFIO")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QImage(png).size(), QSize(1366, 768));
    }

private:
    QString config() const { return m_dir.filePath(QStringLiteral(".config")); }
    static QByteArray contents(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
