// SPDX-License-Identifier: MIT
// Randomised differential test: small random Kconfig trees and .config
// inputs (support/kconfiggen.h), run by the kernel's conf and by
// kconfig-studio-cli in every conf mode (the interactive ones on odd seeds,
// with random answers), compared byte for byte (stdout, stderr, exit status,
// written files).
//
// Seeds 1..300 by default; KCS_DIFF_FIRST_SEED and KCS_DIFF_COUNT choose
// others (a failure names the seed and prints the tree to reproduce it).
#include "golden.h"
#include "kconfiggen.h"
#include "kerneltree.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace kcstest;

namespace {

struct Mode
{
    QString args;
    bool answers = false; // standard input from the generated answers
    bool seedEnv = false; // KCONFIG_SEED=<tree seed>
};

const QList<Mode> modes = {
    {"--olddefconfig Kconfig"},
    {"--savedefconfig=defconfig Kconfig"},
    {"--allnoconfig Kconfig"},
    {"--allyesconfig Kconfig"},
    {"--allmodconfig Kconfig"},
    {"--alldefconfig Kconfig"},
    {"--randconfig Kconfig", false, true},
    {"--listnewconfig Kconfig"},
    {"--helpnewconfig Kconfig"},
    {"--defconfig=.config Kconfig"},
    {"--yes2modconfig Kconfig"},
    {"--mod2yesconfig Kconfig"},
    {"--mod2noconfig Kconfig"},
    // the modes that read answers from standard input
    {"--syncconfig Kconfig", true},
    {"--oldconfig Kconfig", true},
    {"--oldaskconfig Kconfig", true},
};

void writeFile(const QString &path, const std::string &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    f.write(text.data(), qint64(text.size()));
}

QString cliPath()
{
    return QStringLiteral(KCS_CLI_PATH);
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = QProcessEnvironment::systemEnvironment().value(name).toInt(&ok);
    return ok ? v : fallback;
}

} // namespace

class TestDifferential : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString problem = kernelTreeProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void randomTrees_data()
    {
        QTest::addColumn<int>("seed");
        const int first = envInt("KCS_DIFF_FIRST_SEED", 1);
        const int count = envInt("KCS_DIFF_COUNT", 300);
        for (int seed = first; seed < first + count; ++seed)
            QTest::addRow("seed %d", seed) << seed;
    }

    void randomTrees()
    {
        QFETCH(int, seed);
        // Odd seeds also run the interactive modes; their trees avoid choices
        // that can be visible without a visible member (conf loops forever
        // asking for those).
        const bool interactive = seed % 2 != 0;
        GeneratorOptions options;
        options.answerableChoices = interactive;
        const GeneratedTree tree = KconfigGenerator(std::uint32_t(seed), options).generate();
        QTemporaryDir caseDir(scratchRoot() + "/kcs-diff-XXXXXX");
        writeFile(caseDir.path() + "/Kconfig", tree.kconfig);
        writeFile(caseDir.path() + "/dot-config", tree.dotConfig);

        QList<Mode> selected;
        for (const Mode &m : modes)
            if (interactive || !m.answers) selected << m;
        if (tree.hasCycle) selected = {modes.first()}; // every mode stops at the same error

        QString failures;
        for (const Mode &m : selected) {
            CaseSpec c;
            c.dir = caseDir.path();
            c.name = QStringLiteral("seed %1").arg(seed);
            c.args = m.args.split(' ');
            if (m.answers) c.stdinData = QByteArray::fromStdString(tree.answers);
            if (m.seedEnv) c.env.append({QStringLiteral("KCONFIG_SEED"), QString::number(seed)});
            RunOptions options;
            options.timeoutMs = 20000;
            const Outputs conf = runTool(kernelConf(), c, options);
            const Outputs studio = runTool(cliPath(), c, options);
            if (m.args.startsWith(QLatin1String("--olddefconfig")) &&
                (conf.exitCode != 0) != tree.hasCycle)
                failures += QStringLiteral("== the generator made an invalid tree: conf exits "
                                           "with %1:\n%2")
                                .arg(conf.exitCode)
                                .arg(QString::fromUtf8(conf.err));
            const QString report = compareOutputs(conf, studio);
            if (!report.isEmpty())
                failures += QStringLiteral("== mode %1:\n%2").arg(m.args, report);
        }
        if (!failures.isEmpty()) {
            // (QTest shortens long failure messages: print the details first)
            qInfo().noquote() << QStringLiteral(
                                     "seed %1 differs:\n%2\n== Kconfig:\n%3== .config:\n%4")
                                     .arg(seed)
                                     .arg(failures, QString::fromStdString(tree.kconfig),
                                          QString::fromStdString(tree.dotConfig));
        }
        QVERIFY2(failures.isEmpty(),
                 qPrintable(QStringLiteral("seed %1 differs (reproduce with KCS_DIFF_FIRST_SEED=%1 "
                                           "KCS_DIFF_COUNT=1)")
                                .arg(seed)));
    }
};

QTEST_GUILESS_MAIN(TestDifferential)
#include "tst_differential.moc"
