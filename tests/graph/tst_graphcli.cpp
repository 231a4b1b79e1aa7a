// SPDX-License-Identifier: MIT
// `kconfig-studio-cli graph` on the demo tree: DOT that Graphviz accepts,
// SVG that parses and names the symbols, PNG of the requested size, the
// cause graph of a change, and the errors.
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KCONFIG_STUDIO_NO_PROBE_CACHE"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KCS_CLI_PATH), args);
    Run r;
    if (!p.waitForFinished(120000)) return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList demo(QStringList args)
{
    return QStringList{QStringLiteral("graph")} + args +
           QStringList{QStringLiteral("--tree"), QStringLiteral(KCS_DEMO_DIR)};
}

// The text of every <text> element (and the title) of an SVG; empty with an error if invalid.
QString svgText(const QByteArray &svg, QString *error)
{
    QXmlStreamReader xml(svg);
    QString text;
    bool root = true;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (root && xml.name() != QLatin1String("svg")) {
                *error = QStringLiteral("root element is not <svg>");
                return {};
            }
            root = false;
            if (xml.name() == QLatin1String("text") || xml.name() == QLatin1String("title"))
                text +=
                    xml.readElementText(QXmlStreamReader::IncludeChildElements) + QLatin1Char('\n');
        }
    }
    if (xml.hasError()) *error = xml.errorString();
    return text;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestGraphCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void dotNeighbourhood()
    {
        const Run r = cli(
            demo({QStringLiteral("VFIO_CONTAINER"), QStringLiteral("-o"), QStringLiteral("-")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("digraph kconfig {"), r.out.left(200).constData());
        QVERIFY(r.out.contains("<B>VFIO_CONTAINER</B> (locked)"));
        QVERIFY(r.out.contains("<B>VFIO_GROUP</B>"));
        QVERIFY(r.out.contains(
            "tooltip=\"select VFIO_CONTAINER if IOMMUFD [=n]=n (drivers/vfio/Kconfig:26)\""));
        QVERIFY(r.out.contains("legend [shape=plaintext"));
        QVERIFY(r.out.contains("<B>Legend</B>"));
        QVERIFY(r.out.contains("label=\"Kconfig Studio demo"));

        // Graphviz itself accepts it.
        const QString dot = QStandardPaths::findExecutable(QStringLiteral("dot"));
        if (dot.isEmpty()) QSKIP("Graphviz's dot is not installed");
        QProcess p;
        p.start(dot, {QStringLiteral("-Tsvg")});
        p.write(r.out);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QString error;
        QVERIFY(svgText(p.readAllStandardOutput(), &error).contains(QLatin1String("VFIO_GROUP")));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Every edge's tooltip names its written line: the lines live in the
    // dependency index, which must outlive the graph (a hub has many).
    void dotHubTooltips()
    {
        const Run r = cli(demo({QStringLiteral("PCI")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("tooltip=\"select PCI (drivers/pci/Kconfig:14)\""));
        QVERIFY(r.out.contains("tooltip=\"7 more entries name PCI in a 'depends on' line"));
        QVERIFY(!r.out.contains("tooltip=\" ("));
    }

    void dotDirectionDepthAndKinds()
    {
        const Run r =
            cli(demo({QStringLiteral("IOMMUFD_DRIVER"), QStringLiteral("--direction"),
                      QStringLiteral("needed-by"), QStringLiteral("--kinds"),
                      QStringLiteral("select"), QStringLiteral("--depth"), QStringLiteral("2"),
                      QStringLiteral("--format"), QStringLiteral("dot")}));
        QCOMPARE(r.exitCode, 0);
        for (const char *name :
             {"AMD_IOMMU", "INTEL_IOMMU", "MLX5_VFIO_PCI", "PDS_VFIO_PCI", "IOMMUFD_TEST"})
            QVERIFY2(r.out.contains(QByteArray("<B>") + name + "</B>"), name);
        QVERIFY(!r.out.contains("depends on"));
        QVERIFY(r.out.contains("what needs it, 2 hops"));
    }

    void dotChanges()
    {
        const Run r = cli(demo(
            {QStringLiteral("--changes"), QStringLiteral("--set"), QStringLiteral("IOMMUFD=m")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("IOMMUFD n \xe2\x86\x92 m"));
        QVERIFY(r.out.contains("label=\"select via VFIO stopped\""));
        QVERIFY(r.out.contains("<B>IOMMUFD_DRIVER</B>"));
        QVERIFY(r.out.contains("n \xe2\x86\x92 y"));
    }

    void svg()
    {
        const QString file = path(QStringLiteral("vfio.svg"));
        const Run r = cli(demo({QStringLiteral("VFIO_CONTAINER"), QStringLiteral("-o"), file}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray data = readFile(file);
        QString error;
        const QString text = svgText(data, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const char *name : {"VFIO_CONTAINER", "VFIO_GROUP", "VFIO_IOMMU_TYPE1",
                                 "IOMMUFD_VFIO_CONTAINER", "Legend", "depends on", "select"})
            QVERIFY2(text.contains(QLatin1String(name)), name);
        QVERIFY(text.contains(QLatin1String("VFIO_CONTAINER: needs and needed by, 1 hop")));
        QSvgRenderer renderer(data);
        QVERIFY(renderer.isValid());
        QVERIFY(renderer.defaultSize().width() > 300);
    }

    void svgChanges()
    {
        const QString file = path(QStringLiteral("changes.svg"));
        const Run r = cli(demo({QStringLiteral("--changes"), QStringLiteral("--set"),
                                QStringLiteral("IOMMUFD=m"), QStringLiteral("-o"), file}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QString error;
        const QString text = svgText(readFile(file), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const char *s : {"IOMMUFD", "VFIO", "VFIO_CONTAINER", "IOMMUFD_DRIVER",
                              "select via VFIO stopped", "stays y, no longer locked"})
            QVERIFY2(text.contains(QString::fromUtf8(s)), s);
    }

    void png()
    {
        const QString file = path(QStringLiteral("vfio.png"));
        const Run r = cli(demo({QStringLiteral("VFIO_CONTAINER"), QStringLiteral("--size"),
                                QStringLiteral("900x600"), QStringLiteral("-o"), file}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(900, 600));
        int ink = 0;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                ink += image.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY2(ink > 1000, qPrintable(QString::number(ink)));
    }

    void pngNaturalSize()
    {
        const QString file = path(QStringLiteral("natural.png"));
        const Run r = cli(demo({QStringLiteral("PCI"), QStringLiteral("--format"),
                                QStringLiteral("png"), QStringLiteral("-o"), file}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QImage image(file);
        QVERIFY(image.width() > 400 && image.height() > 200);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown symbol")
            << demo({QStringLiteral("NO_SUCH_SYMBOL")}) << 1 << QStringLiteral("unknown symbol");
        QTest::newRow("unknown format")
            << demo({QStringLiteral("VFIO"), QStringLiteral("--format"), QStringLiteral("gif")})
            << 2 << QStringLiteral("unknown format");
        QTest::newRow("picture to stdout")
            << demo({QStringLiteral("VFIO"), QStringLiteral("--format"), QStringLiteral("svg")})
            << 2 << QStringLiteral("needs an output file");
        QTest::newRow("no symbol") << demo({}) << 2 << QStringLiteral("which SYMBOL");
        QTest::newRow("changes without set")
            << demo({QStringLiteral("--changes")}) << 2 << QStringLiteral("--set");
        QTest::newRow("bad kind") << demo({QStringLiteral("VFIO"), QStringLiteral("--kinds"),
                                           QStringLiteral("select,friends")})
                                  << 2 << QStringLiteral("unknown edge kind 'friends'");
        QTest::newRow("refused value")
            << demo({QStringLiteral("--changes"), QStringLiteral("--set"),
                     QStringLiteral("VFIO_GROUP=n")})
            << 1 << QStringLiteral("VFIO_GROUP");
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }
};

QTEST_MAIN(TestGraphCli)
#include "tst_graphcli.moc"
