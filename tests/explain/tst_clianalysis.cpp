// SPDX-License-Identifier: MIT
// kconfig-studio-cli's analysis verbs `why` and `explain` as a user runs
// them (--tree on a small tree or the demo tree, --config): the three
// formats, the 72-column text, the JSON documents, exit codes and error
// messages.
#include "explaintest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kcsexplain;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args)
{
    QTemporaryDir home;
    QProcess p;
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(home.path());
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(cliPath(), args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("did not finish");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString caseDir(const char *name)
{
    return explainDataDir() + QLatin1Char('/') + QLatin1String(name);
}

// --tree DIR --config DIR/FILE --no-shell
QStringList onTree(const QString &dir, const QString &config)
{
    return {QStringLiteral("--tree"), dir, QStringLiteral("--config"),
            dir + QLatin1Char('/') + config, QStringLiteral("--no-shell")};
}

QStringList demo()
{
    return onTree(demoDir(), QStringLiteral(".config"));
}

// Empty when every line fits in `width` columns; else the first that does not.
QString longLine(const QString &text, int width)
{
    for (const QString &line : text.split(QLatin1Char('\n')))
        if (line.size() > width) return line;
    return {};
}

QJsonObject parseObject(const QString &text, QString *error)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = e.errorString() + QStringLiteral(" in:\n") + text;
        return {};
    }
    return doc.object();
}

} // namespace

class TestCliAnalysis : public QObject
{
    Q_OBJECT

private slots:
    void whyText()
    {
        const Run r = cli(QStringList{"why", "OPTIONAL_USER"} +
                          onTree(caseDir("user-values"), "base.config"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY2(r.out.startsWith("OPTIONAL_USER = m (tristate)\n  can be set to n .. m.\n"),
                 qPrintable(r.out));
        QVERIFY(r.out.contains("'depends on BASE || !BASE' (Kconfig:22) is m."));
        // The same text as the API's (tst_explainer's golden file), then,
        // as in the why panel, what it would take to make it y: BASE
        // either y or n.
        QByteArray golden = readFile(caseDir("user-values") + "/expected_03_why_OPTIONAL_USER.txt");
        golden = golden.mid(golden.indexOf('\n') + 1);
        QCOMPARE(r.out.toUtf8().left(golden.size()), golden);
        QCOMPARE(r.out.mid(golden.size()),
                 QStringLiteral("To set OPTIONAL_USER to y:\n"
                                "- needs 'BASE [=m] || !BASE [=m]' to be y (now m) (Kconfig:22), "
                                "one of:\n"
                                "  - needs BASE >= y (now m), you can set it.\n"
                                "  - needs BASE <= n (now m), you can set it.\n"));
    }

    void whyFitsInColumns_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("width");
        for (const char *s : {"VFIO", "VFIO_CONTAINER", "VFIO_IOMMU_TYPE1", "IOMMUFD_DRIVER",
                              "VFIO_DEVICE_CDEV", "IOMMUFD_VFIO_CONTAINER"}) {
            QTest::addRow("why %s", s) << (QStringList{"why", s} + demo()) << 72;
            QTest::addRow("why %s --want y", s)
                << (QStringList{"why", s, "--want", "y"} + demo()) << 72;
            QTest::addRow("why %s --width 40", s)
                << (QStringList{"why", s, "--width", "40"} + demo()) << 40;
        }
        QTest::newRow("explain IOMMUFD=m")
            << (QStringList{"explain", "--set", "IOMMUFD=m"} + demo()) << 72;
        QTest::newRow("explain scenario --width 50")
            << (QStringList{"explain", "--set", "IOMMUFD=m", "--set", "IOMMUFD=y", "--set",
                            "VFIO_GROUP=n", "--width", "50"} +
                demo())
            << 50;
    }

    void whyFitsInColumns()
    {
        QFETCH(QStringList, args);
        QFETCH(int, width);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.isEmpty());
        // Words are never split: a line may only be longer when it is one word.
        for (const QString &line : r.out.split(QLatin1Char('\n')))
            QVERIFY2(line.size() <= width || !line.trimmed().contains(QLatin1Char(' ')),
                     qPrintable(line));
        if (width == 72) QVERIFY2(longLine(r.out, 72).isEmpty(), qPrintable(longLine(r.out, 72)));
        QVERIFY(!r.out.contains(QChar(0x2192))); // ASCII arrows for e-mail
    }

    void whyMarkdown()
    {
        const Run r = cli(QStringList{"why", "VFIO_CONTAINER", "--format", "markdown"} + demo());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("- **VFIO_CONTAINER** = y (bool)\n  - visible but locked.\n"),
                 qPrintable(r.out));
        // Markdown is not wrapped: one list item per line.
        QVERIFY(r.out.contains("\n  - locked: a select holds it at y and its prompt only allows "
                               "up to y, so it cannot be changed.\n"));
        const Run w =
            cli(QStringList{"why", "VFIO_CONTAINER", "--want", "n", "--format", "md"} + demo());
        QCOMPARE(w.exitCode, 0);
        QVERIFY2(w.out.contains("To set **VFIO_CONTAINER** to n:\n- VFIO [=y] must stop selecting"),
                 qPrintable(w.out));
    }

    void whyJson()
    {
        const Run r = cli(QStringList{"why", "IOMMUFD_DRIVER", "--format", "json"} + demo());
        QCOMPARE(r.exitCode, 0);
        QString error;
        const QJsonObject o = parseObject(r.out, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(o.value("symbol").toString(), QStringLiteral("IOMMUFD_DRIVER"));
        QCOMPARE(o.value("type").toString(), QStringLiteral("bool"));
        QCOMPARE(o.value("value").toString(), QStringLiteral("n"));
        QCOMPARE(o.value("visible").toString(), QStringLiteral("n"));
        QCOMPARE(o.value("selected").toString(), QStringLiteral("n"));
        QCOMPARE(o.value("changeable").toBool(true), false);
        QVERIFY(o.value("written").isBool());
        const QJsonArray facts = o.value("facts").toArray();
        QVERIFY(!facts.isEmpty());
        for (const QJsonValue &f : facts) {
            QVERIFY(!f.toObject().value("kind").toString().isEmpty());
            QVERIFY(!f.toObject().value("text").toString().isEmpty());
        }
        // 'default n' (drivers/iommu/Kconfig:17)
        const QJsonObject first = facts.first().toObject();
        QCOMPARE(first.value("kind").toString(), QStringLiteral("default"));
        QCOMPARE(first.value("expression").toString(), QStringLiteral("n"));
        QCOMPARE(first.value("location").toString(), QStringLiteral("drivers/iommu/Kconfig:17"));
        QVERIFY(!o.contains("want"));

        // --want adds the requirements to the same document.
        const Run w =
            cli(QStringList{"why", "VFIO_DEVICE_CDEV", "--want", "y", "--format", "json"} + demo());
        QCOMPARE(w.exitCode, 0);
        const QJsonObject ow = parseObject(w.out, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(ow.value("symbol").toString(), QStringLiteral("VFIO_DEVICE_CDEV"));
        const QJsonObject want = ow.value("want").toObject();
        QCOMPARE(want.value("symbol").toString(), QStringLiteral("VFIO_DEVICE_CDEV"));
        QCOMPARE(want.value("wanted").toString(), QStringLiteral("y"));
        QCOMPARE(want.value("possible").toBool(true), false);
        const QJsonArray reqs = want.value("requirements").toArray();
        QCOMPARE(reqs.size(), 1);
        const QJsonObject req = reqs.first().toObject();
        QCOMPARE(req.value("kind").toString(), QStringLiteral("requirement"));
        QCOMPARE(req.value("symbol").toString(), QStringLiteral("IOMMUFD"));
        QCOMPARE(req.value("location").toString(), QStringLiteral("drivers/vfio/Kconfig:41"));
        QVERIFY2(req.value("text").toString().contains("you can set it"),
                 qPrintable(req.value("text").toString()));
    }

    void whyWant()
    {
        Run r = cli(QStringList{"why", "DRIVER", "--want", "y"} +
                    onTree(caseDir("requirements"), "base.config"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("To set DRIVER to y:\n"
                                "- needs DRIVER_BASE >= y (now n) (Kconfig:27).\n"
                                "  - needs NET >= y (now n) (Kconfig:23), you can set it.\n"),
                 qPrintable(r.out));
        r = cli(QStringList{"why", "MODULAR", "--want", "y"} +
                onTree(caseDir("requirements"), "base.config"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.endsWith("MODULAR can be set to y now.\n"), qPrintable(r.out));
    }

    void whyNot()
    {
        // Without --want, `why` says what each value the symbol cannot take
        // would need, like the why panel: IOMMUFD_DRIVER has no prompt, and
        // the selects that could set it need IOMMUFD, which the user can set.
        Run r = cli(QStringList{"why", "IOMMUFD_DRIVER"} + demo());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("To set IOMMUFD_DRIVER to y:\n"
                                "- IOMMUFD_DRIVER has no prompt: only its defaults and selects set "
                                "it; it\n  would take one of these selects:\n"
                                "  - 'select IOMMUFD_DRIVER if IOMMUFD [=n]' in AMD_IOMMU [=y]\n"
                                "    (drivers/iommu/amd/Kconfig:11), which needs:\n"
                                "    - needs IOMMUFD >= m (now n), you can set it.\n"),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains("To set IOMMUFD_DRIVER to m")); // a bool
        // A hidden prompt: what shows it.
        r = cli(QStringList{"why", "VFIO_DEVICE_CDEV"} + demo());
        QVERIFY2(r.out.endsWith("To set VFIO_DEVICE_CDEV to y:\n"
                                "- needs IOMMUFD >= m (now n) (drivers/vfio/Kconfig:41), you can "
                                "set it.\n"),
                 qPrintable(r.out));
        // Locked by a select: which one must stop.
        r = cli(QStringList{"why", "VFIO_CONTAINER"} + demo());
        QVERIFY2(r.out.contains("To set VFIO_CONTAINER to n:\n- VFIO [=y] must stop selecting it"),
                 qPrintable(r.out));
        // In JSON: "blocked", one object per value, as --want prints them.
        r = cli(QStringList{"why", "VFIO_DEVICE_CDEV", "--format", "json"} + demo());
        QCOMPARE(r.exitCode, 0);
        QString error;
        const QJsonObject o = parseObject(r.out, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonArray blocked = o.value("blocked").toArray();
        QCOMPARE(blocked.size(), 1);
        QCOMPARE(blocked.first().toObject().value("wanted").toString(), QStringLiteral("y"));
        QCOMPARE(blocked.first().toObject().value("possible").toBool(true), false);
        // A symbol that can take every value has nothing blocked.
        r = cli(QStringList{"why", "IOMMUFD", "--format", "json"} + demo());
        QVERIFY(!parseObject(r.out, &error).contains("blocked"));
    }

    void explainFormats()
    {
        const QStringList args = QStringList{"explain", "--set", "IOMMUFD=m"} + demo();
        Run r = cli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("IOMMUFD: n -> m (set by you)\n  VFIO: y -> m\n"),
                 qPrintable(r.out));
        QVERIFY(r.out.contains("  VFIO_CONTAINER: stays y, no longer locked"));

        r = cli(args + QStringList{"--format", "markdown"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("- **IOMMUFD**: n -> m (set by you)\n  - **VFIO**: y -> m\n"),
                 qPrintable(r.out));

        r = cli(args + QStringList{"--format", "json"});
        QCOMPARE(r.exitCode, 0);
        QString error;
        const QJsonObject o = parseObject(r.out, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(o.value("action").toString(), QStringLiteral("IOMMUFD n -> m"));
        QCOMPARE(o.value("subject").toString(), QStringLiteral("IOMMUFD"));
        const QJsonArray changes = o.value("changes").toArray();
        QVERIFY(changes.size() >= 6);
        QCOMPARE(changes.first().toObject().value("symbol").toString(), QStringLiteral("IOMMUFD"));
        bool sawContainer = false;
        for (const QJsonValue &v : changes) {
            const QJsonObject c = v.toObject();
            for (const char *key :
                 {"symbol", "before", "after", "visibleBefore", "visibleAfter", "summary"})
                QVERIFY2(c.value(key).isString(), key);
            QVERIFY(c.value("changeableBefore").isBool());
            QVERIFY(c.value("causes").isArray());
            QVERIFY(c.value("reasons").isArray());
            if (c.value("symbol").toString() != QLatin1String("VFIO_CONTAINER")) continue;
            sawContainer = true;
            QCOMPARE(c.value("before").toString(), QStringLiteral("y"));
            QCOMPARE(c.value("after").toString(), QStringLiteral("y"));
            QCOMPARE(c.value("changeableBefore").toBool(), false);
            QCOMPARE(c.value("changeableAfter").toBool(), true);
            QCOMPARE(c.value("causes").toArray(), QJsonArray{QStringLiteral("IOMMUFD")});
            const QJsonObject reason = c.value("reasons").toArray().first().toObject();
            QCOMPARE(reason.value("kind").toString(), QStringLiteral("selected"));
            const QJsonObject term = reason.value("children").toArray().first().toObject();
            QCOMPARE(term.value("kind").toString(), QStringLiteral("selected-by"));
            QCOMPARE(term.value("symbol").toString(), QStringLiteral("VFIO"));
            QCOMPARE(term.value("location").toString(), QStringLiteral("drivers/vfio/Kconfig:26"));
            QCOMPARE(term.value("valueBefore").toString(), QStringLiteral("y"));
            QCOMPARE(term.value("value").toString(), QStringLiteral("n"));
        }
        QVERIFY(sawContainer);
    }

    void explainJsonPerSet()
    {
        // One JSON object per line, one per --set, in order.
        const Run r = cli(QStringList{"explain", "--set", "IOMMUFD=m", "--set", "IOMMUFD=y",
                                      "--set", "VFIO_GROUP=n", "--format", "json"} +
                          demo());
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        const QStringList actions = {"IOMMUFD n -> m", "IOMMUFD m -> y", "VFIO_GROUP y -> n"};
        for (int i = 0; i < 3; ++i) {
            QString error;
            const QJsonObject o = parseObject(lines[i], &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(o.value("action").toString(), actions[i]);
        }
    }

    void explainTextSteps()
    {
        // Text: one block per --set, separated by an empty line; an
        // assignment that changes nothing says so.
        const Run r = cli(QStringList{"explain", "--set", "IOMMUFD=y", "--set", "VFIO_GROUP=n",
                                      "--set", "VFIO_CONTAINER=n"} +
                          demo());
        QCOMPARE(r.exitCode, 0);
        const QStringList blocks = r.out.split(QStringLiteral("\n\n"));
        QCOMPARE(blocks.size(), 3);
        QVERIFY(blocks[0].startsWith("IOMMUFD: n -> y (set by you)\n"));
        QVERIFY(blocks[1].startsWith("VFIO_GROUP: y -> n (set by you)\n"));
        QCOMPARE(blocks[2], QStringLiteral("VFIO_CONTAINER n -> n: nothing else changed.\n"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown symbol (why)") << (QStringList{"why", "NO_SUCH_SYMBOL"} + demo())
                                              << 1 << "unknown symbol NO_SUCH_SYMBOL";
        QTest::newRow("unknown symbol (explain)")
            << (QStringList{"explain", "--set", "CONFIG_NO_SUCH_SYMBOL=y"} + demo()) << 1
            << "unknown symbol NO_SUCH_SYMBOL";
        QTest::newRow("not a value") << (QStringList{"explain", "--set", "VFIO=x"} + demo()) << 1
                                     << "'x' is not a value for the tristate VFIO";
        QTest::newRow("bad option")
            << (QStringList{"why", "VFIO", "--colour"} + demo()) << 2 << "unknown option --colour";
        QTest::newRow("bad format") << (QStringList{"why", "VFIO", "--format", "html"} + demo())
                                    << 2 << "unknown format 'html'";
        QTest::newRow("bad want") << (QStringList{"why", "VFIO", "--want", "yes"} + demo()) << 2
                                  << "--want takes y, m or n";
        QTest::newRow("option without value")
            << (QStringList{"why", "VFIO", "--tree"}) << 2 << "--tree needs a value";
        QTest::newRow("why without symbol")
            << (QStringList{"why"} + demo()) << 2 << "exactly one SYMBOL expected";
        QTest::newRow("explain without --set")
            << (QStringList{"explain"} + demo()) << 2 << "give at least one --set";
        QTest::newRow("--set without =") << (QStringList{"explain", "--set", "VFIO"} + demo()) << 2
                                         << "'VFIO' is not SYMBOL=VALUE";
        QTest::newRow("missing config")
            << (QStringList{"why", "VFIO", "--tree", demoDir(), "--config", "/nonexistent/.config",
                            "--no-shell"})
            << 1 << "cannot read configuration /nonexistent/.config";
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    }

    void outOfRangeShowsRequirements()
    {
        // VFIO_GROUP is selected (locked at y) while IOMMUFD is n.
        Run r = cli(QStringList{"explain", "--set", "VFIO_GROUP=n"} + demo());
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith("cannot set VFIO_GROUP to n\nTo set VFIO_GROUP to n:\n"
                                  "- VFIO [=y] must stop selecting it (if SPAPR_TCE_IOMMU [=n] || "
                                  "IOMMUFD\n  [=n]=n) (drivers/vfio/Kconfig:24).\n"),
                 qPrintable(r.err));
        QVERIFY2(longLine(r.err, 72).isEmpty(), qPrintable(longLine(r.err, 72)));

        // A hidden symbol: what shows its prompt, nested.
        r = cli(QStringList{"explain", "--set", "DRIVER=y"} +
                onTree(caseDir("requirements"), "base.config"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cannot set DRIVER to y\nTo set DRIVER to y:\n"
                                "- needs DRIVER_BASE >= y (now n) (Kconfig:27).\n"
                                "  - needs NET >= y (now n) (Kconfig:23), you can set it.\n"),
                 qPrintable(r.err));
        QVERIFY(r.err.contains("HAS_IOMEM has no prompt"));
        // Steps before the failing one are printed.
        r = cli(QStringList{"explain", "--set", "IOMMUFD=m", "--set", "VFIO_CONTAINER=n", "--set",
                            "IOMMUFD_DRIVER=n"} +
                demo());
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.startsWith("IOMMUFD: n -> m (set by you)"));
        QVERIFY(r.out.contains("VFIO_CONTAINER: y -> n (set by you)"));
        QVERIFY2(r.err.contains("To set IOMMUFD_DRIVER to n:\n"), qPrintable(r.err));
        QVERIFY2(r.err.contains("AMD_IOMMU [=y] must stop selecting it"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliAnalysis)
#include "tst_clianalysis.moc"
