// SPDX-License-Identifier: MIT
// What-if on the real Linux 6.12 x86_64 tree: for the seed's edits of
// drivers/vfio/Kconfig, the configurations behind every baseline of the
// impact report must be byte for byte what the kernel's conf writes for the
// original tree and for a copy of the tree patched with patch(1); every line
// that differs between conf's two outputs must be in the report, with the
// values conf wrote, and the unmet-dependency warnings conf prints for one
// tree and not for the other must be the report's new and gone warnings.
#include <kconfig/configwriter.h>
#include <kconfig/diagnostic.h>
#include <kconfig/impact.h>
#include <kconfig/patch.h>
#include <kconfig/probecache.h>
#include <kconfig/shellrunner.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/treeloader.h>

#include "golden.h"
#include "kerneltree.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace kconfig;
using namespace kcstest;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

// Symbol -> value as a .config states it ("n" for "is not set").
QMap<QString, QString> configValues(const QByteArray &text)
{
    static const QRegularExpression set(QStringLiteral("^CONFIG_([A-Za-z0-9_]+)=(.*)$"));
    static const QRegularExpression unset(QStringLiteral("^# CONFIG_([A-Za-z0-9_]+) is not set$"));
    QMap<QString, QString> out;
    for (const QByteArray &l : text.split('\n')) {
        const QString line = QString::fromUtf8(l);
        if (auto m = set.match(line); m.hasMatch())
            out[m.captured(1)] = m.captured(2);
        else if (auto u = unset.match(line); u.hasMatch())
            out[u.captured(1)] = QStringLiteral("n");
    }
    return out;
}

struct Edit
{
    const char *name;
    const char *from;
    const char *to;
};

// The seed's variants, each replacing one line of drivers/vfio/Kconfig.
const Edit kEdits[] = {
    {"select", "\tdepends on IOMMUFD || !IOMMUFD\n", "\tselect IOMMUFD\n"},
    {"depends", "\tdepends on IOMMUFD || !IOMMUFD\n", "\tdepends on IOMMUFD\n"},
    {"container", "\tselect VFIO_CONTAINER if IOMMUFD=n\n", "\tselect VFIO_CONTAINER\n"},
    // A select of a symbol whose dependencies x86 never meets: a new warning.
    {"unmet", "\tselect VFIO_IOMMU_TYPE1 if MMU && (X86 || S390 || ARM || ARM64)\n",
     "\tselect VFIO_IOMMU_TYPE1 if MMU && (X86 || S390 || ARM || ARM64)\n"
     "\tselect VFIO_IOMMU_SPAPR_TCE\n"},
};

// The symbols of conf's "unmet direct dependencies detected for X" warnings.
QStringList unmetWarnings(const QByteArray &stderrText)
{
    static const QRegularExpression re(
        QStringLiteral("^WARNING: unmet direct dependencies detected for ([A-Za-z0-9_]+)$"),
        QRegularExpression::MultilineOption);
    QStringList out;
    for (auto it = re.globalMatch(QString::fromUtf8(stderrText)); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!out.contains(name)) out << name;
    }
    out.sort();
    return out;
}

QStringList sorted(const std::vector<std::string> &names)
{
    QStringList out;
    for (const std::string &n : names)
        out << QString::fromStdString(n);
    out.sort();
    return out;
}

} // namespace

class ImpactKernelTest : public QObject
{
    Q_OBJECT

    QString m_work; // fixed, so that the probe cache serves later runs
    QString m_copy; // hard-linked copy of the tree that patch(1) edits
    // The copy is shared by every build directory: one run at a time edits it.
    std::unique_ptr<QLockFile> m_lock;
    Environment m_env;
    QList<QPair<QString, QString>> m_envPairs;
    std::unique_ptr<ProcessShellRunner> m_shell;
    std::unique_ptr<ProbeCache> m_probes;
    std::unique_ptr<Tree> m_original;
    QMap<QString, QByteArray> m_confOriginal;    // baseline -> conf's .config on the original tree
    QMap<QString, QByteArray> m_confOriginalErr; // ... and what it printed on stderr

    // Runs conf in `tree` for one baseline; returns the .config it wrote
    // (and in `messages` what conf printed on stderr).
    QByteArray runConf(const QString &tree, const QString &mode, const QString &input,
                       QByteArray *messages = nullptr)
    {
        const QString out = m_work + QStringLiteral("/conf-out");
        QDir().mkpath(out);
        const QString config = out + QStringLiteral("/.config");
        QFile::remove(config);
        if (!input.isEmpty()) writeAll(config, readAll(input));
        QProcess p;
        QProcessEnvironment env;
        for (const auto &[k, v] : m_envPairs)
            env.insert(k, k == QLatin1String("srctree") ? tree : v);
        env.insert(QStringLiteral("KCONFIG_CONFIG"), config);
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(out);
        p.start(kernelConf(), {mode, QStringLiteral("Kconfig")});
        if (!p.waitForFinished(600000) || p.exitCode() != 0) {
            qWarning("conf %s in %s failed: %s", qPrintable(mode), qPrintable(tree),
                     p.readAllStandardError().constData());
            return {};
        }
        if (messages) *messages = p.readAllStandardError();
        return readAll(config);
    }

    std::unique_ptr<Tree> load(const SourceFiles &sources, std::string *messages = nullptr)
    {
        LoadOptions o;
        o.environment = m_env;
        o.shell = m_probes.get();
        o.sources = &sources;
        DiagnosticSink sink;
        LoadResult r = loadTree(o, sink);
        if (messages)
            for (const Diagnostic &d : sink.all())
                *messages += d.text;
        return std::move(r.tree);
    }

    static QString vfioKconfig() { return QStringLiteral("drivers/vfio/Kconfig"); }

    // The copy's drivers/vfio/Kconfig as a file of its own (never a link to
    // the tree) with the original text.
    QByteArray restoreCopy()
    {
        const QByteArray original = readAll(kernelSourceDir() + '/' + vfioKconfig());
        QFile::remove(m_copy + '/' + vfioKconfig());
        writeAll(m_copy + '/' + vfioKconfig(), original);
        return original;
    }

    // The copy, back to the original text, then `edit` applied by patch(1)
    // from a diff our applier also reads. Returns the diff.
    QByteArray preparePatchedCopy(const Edit &edit)
    {
        const QByteArray original = restoreCopy();
        QByteArray edited = original;
        const int at = edited.indexOf(edit.from);
        if (at < 0) return {};
        edited.replace(at, int(qstrlen(edit.from)), edit.to);
        const QString rel = vfioKconfig();
        const QString a = m_work + QStringLiteral("/a.Kconfig"),
                      b = m_work + QStringLiteral("/b.Kconfig");
        writeAll(a, original);
        writeAll(b, edited);
        QProcess diff;
        diff.start(QStringLiteral("diff"),
                   {QStringLiteral("-u"), QStringLiteral("--label=a/") + rel,
                    QStringLiteral("--label=b/") + rel, a, b});
        diff.waitForFinished();
        const QByteArray patch = diff.readAllStandardOutput();
        QProcess apply;
        apply.setWorkingDirectory(m_copy);
        apply.start(QStringLiteral("patch"),
                    {QStringLiteral("-p1"), QStringLiteral("--no-backup-if-mismatch"),
                     QStringLiteral("-s")});
        apply.write(patch);
        apply.closeWriteChannel();
        if (!apply.waitForFinished() || apply.exitCode() != 0) return {};
        return readAll(m_copy + '/' + rel) == edited ? patch : QByteArray();
    }

private slots:
    void initTestCase()
    {
        const QString problem = kernelTreeProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_work = kernelCacheDir() + QStringLiteral("/impact");
        m_copy = m_work + QStringLiteral("/tree");
        QDir().mkpath(m_work);
        m_lock = std::make_unique<QLockFile>(m_work + QStringLiteral("/.lock"));
        m_lock->setStaleLockTime(0); // held for minutes; stale only when its process is gone
        QVERIFY2(m_lock->tryLock(15 * 60 * 1000),
                 "another run of this test (another build directory?) holds the tree copy");
        // A copy of the tree made of hard links (symlinks where the file
        // system refuses them): cheap, and patch(1) replaces the file it edits
        // instead of writing through the link.
        if (!QFileInfo::exists(m_copy + QStringLiteral("/Kconfig"))) {
            QDir(m_copy).removeRecursively();
            QProcess cp;
            cp.start(QStringLiteral("cp"), {QStringLiteral("-al"), kernelSourceDir(), m_copy});
            QVERIFY(cp.waitForFinished(600000));
            if (cp.exitCode() != 0) {
                QDir(m_copy).removeRecursively();
                cp.start(QStringLiteral("cp"), {QStringLiteral("-as"), kernelSourceDir(), m_copy});
                QVERIFY(cp.waitForFinished(600000));
                QCOMPARE(cp.exitCode(), 0);
            }
        }
        m_envPairs = kernelEnvironment(QStringLiteral("x86_64"));
        for (const auto &[k, v] : m_envPairs)
            m_env.set(k.toStdString(), v.toStdString());
        const QString probeDir = m_work + QStringLiteral("/probes-cwd");
        QDir().mkpath(probeDir);
        m_shell = std::make_unique<ProcessShellRunner>(probeDir.toStdString());
        m_probes = std::make_unique<ProbeCache>(
            *m_shell,
            (kernelCacheDir() + QStringLiteral("/xdg/kconfig-studio/probes")).toStdString(),
            probeDir.toStdString());
        SourceFiles disk;
        m_original = load(disk);
        QVERIFY(m_original);

        // The seed's current configuration: x86_64_defconfig plus VFIO=y.
        const QByteArray def = runConf(
            kernelSourceDir(), QStringLiteral("--defconfig=arch/x86/configs/x86_64_defconfig"), {});
        QVERIFY(!def.isEmpty());
        QVERIFY(writeAll(m_work + QStringLiteral("/current.config"), def + "CONFIG_VFIO=y\n"));
    }

    void matchesConfOnPatchedCopy_data()
    {
        QTest::addColumn<int>("edit");
        for (int i = 0; i < int(std::size(kEdits)); ++i)
            QTest::newRow(kEdits[i].name) << i;
    }
    void matchesConfOnPatchedCopy()
    {
        QFETCH(int, edit);
        const QByteArray patch = preparePatchedCopy(kEdits[edit]);
        QVERIFY2(!patch.isEmpty(), "patch(1) could not apply the edit to the copy");

        SourceFiles edited;
        const PatchResult applied = applyPatch(parsePatch(patch.toStdString()), edited, m_env);
        QVERIFY(applied.ok());
        QElapsedTimer timer;
        timer.start();
        auto after = load(edited);
        QVERIFY(after);

        const std::string current = (m_work + QStringLiteral("/current.config")).toStdString();
        struct Run
        {
            const char *baseline;
            QString mode;
            QString input;
        };
        const QList<Run> runs = {
            {"current", QStringLiteral("--olddefconfig"), QString::fromStdString(current)},
            {"alldefconfig", QStringLiteral("--alldefconfig"), {}},
            {"allnoconfig", QStringLiteral("--allnoconfig"), {}},
            {"allmodconfig", QStringLiteral("--allmodconfig"), {}},
            {"allyesconfig", QStringLiteral("--allyesconfig"), {}},
            {"defconfig", QStringLiteral("--defconfig=arch/x86/configs/x86_64_defconfig"), {}},
        };
        std::vector<Baseline> baselines;
        for (const Run &r : runs) {
            Baseline b;
            QVERIFY(Baseline::parse(r.baseline, current, "arch/x86/configs/x86_64_defconfig", b));
            baselines.push_back(b);
        }
        const ImpactReport report = analyzeImpact(*m_original, *after, baselines, m_env);
        qInfo("%s: re-parse and six baselines in %lld ms", kEdits[edit].name, timer.elapsed());
        QCOMPARE(report.baselines.size(), baselines.size());
        QVERIFY(!report.edits.empty());

        for (int i = 0; i < runs.size(); ++i) {
            const BaselineImpact &b = report.baselines[std::size_t(i)];
            // The original tree's outputs are the same for every edit.
            QByteArray &confBefore = m_confOriginal[runs[i].baseline];
            QByteArray &errBefore = m_confOriginalErr[runs[i].baseline];
            if (confBefore.isEmpty())
                confBefore = runConf(kernelSourceDir(), runs[i].mode, runs[i].input, &errBefore);
            QByteArray errAfter;
            const QByteArray confAfter = runConf(m_copy, runs[i].mode, runs[i].input, &errAfter);
            QVERIFY(!confBefore.isEmpty() && !confAfter.isEmpty());
            const QByteArray oursBefore =
                QByteArray::fromStdString(ConfigWriter(*b.configBefore, m_env).dotConfigText());
            const QByteArray oursAfter =
                QByteArray::fromStdString(ConfigWriter(*b.configAfter, m_env).dotConfigText());
            QVERIFY2(oursBefore == confBefore,
                     qPrintable(unifiedDiff(confBefore, oursBefore, runs[i].baseline)));
            QVERIFY2(oursAfter == confAfter,
                     qPrintable(unifiedDiff(confAfter, oursAfter, runs[i].baseline)));

            // Every difference conf shows is in the report, with conf's values.
            const auto va = configValues(confBefore), vb = configValues(confAfter);
            QSet<QString> names;
            for (auto it = va.begin(); it != va.end(); ++it)
                names.insert(it.key());
            for (auto it = vb.begin(); it != vb.end(); ++it)
                names.insert(it.key());
            int differing = 0;
            for (const QString &n : names) {
                const QString x = va.value(n), y = vb.value(n);
                if (x == y) continue;
                ++differing;
                const ImpactChange *c = nullptr;
                for (const ImpactChange &ch : b.changes)
                    if (QString::fromStdString(ch.symbol) == n) c = &ch;
                QVERIFY2(c, qPrintable(
                                QStringLiteral("%1 %2: conf writes %3 -> %4, the report misses it")
                                    .arg(runs[i].baseline, n, x.isEmpty() ? "(absent)" : x,
                                         y.isEmpty() ? "(absent)" : y)));
                if (!x.isEmpty())
                    QCOMPARE(QString::fromStdString(c->before.value).remove('"'),
                             QString(x).remove('"'));
                if (!y.isEmpty())
                    QCOMPARE(QString::fromStdString(c->after.value).remove('"'),
                             QString(y).remove('"'));
            }
            // The warnings conf adds and drops are the report's.
            const QStringList warnedBefore = unmetWarnings(errBefore);
            const QStringList warnedAfter = unmetWarnings(errAfter);
            QStringList added, gone;
            for (const QString &w : warnedAfter)
                if (!warnedBefore.contains(w)) added << w;
            for (const QString &w : warnedBefore)
                if (!warnedAfter.contains(w)) gone << w;
            QCOMPARE(sorted(b.newWarnings), added);
            QCOMPARE(sorted(b.goneWarnings), gone);
            if (QByteArray(kEdits[edit].name) == "unmet" &&
                QByteArray(runs[i].baseline) == "allyesconfig")
                QVERIFY(added.contains(QStringLiteral("VFIO_IOMMU_SPAPR_TCE")));
            qInfo("  %-14s %3zu symbols in the report, %3d .config lines differ, %lld warnings "
                  "new, %lld gone",
                  runs[i].baseline, b.changes.size(), differing, qlonglong(added.size()),
                  qlonglong(gone.size()));
        }
    }

    // `select IOMMUFD` next to `depends on IOMMUFD || !IOMMUFD` is a loop:
    // the edited tree must fail with conf's own message.
    void recursiveDependencyLikeConf()
    {
        const Edit loop{"loop", "\tselect IOMMU_API\n", "\tselect IOMMU_API\n\tselect IOMMUFD\n"};
        const QByteArray patch = preparePatchedCopy(loop);
        QVERIFY(!patch.isEmpty());
        SourceFiles edited;
        QVERIFY(applyPatch(parsePatch(patch.toStdString()), edited, m_env).ok());
        std::string messages;
        QVERIFY(!load(edited, &messages));

        QProcess p;
        QProcessEnvironment env;
        for (const auto &[k, v] : m_envPairs)
            env.insert(k, k == QLatin1String("srctree") ? m_copy : v);
        env.insert(QStringLiteral("KCONFIG_CONFIG"), m_work + QStringLiteral("/loop.config"));
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_work);
        p.start(kernelConf(), {QStringLiteral("--olddefconfig"), QStringLiteral("Kconfig")});
        QVERIFY(p.waitForFinished(600000));
        QCOMPARE(p.exitCode(), 1);
        QCOMPARE(QByteArray::fromStdString(messages), p.readAllStandardError());
    }

    void cleanupTestCase()
    {
        // Leave the copy as the tree is, for the next run.
        if (!m_copy.isEmpty() && QFileInfo::exists(m_copy) && m_lock && m_lock->isLocked())
            restoreCopy();
        m_lock.reset();
    }
};

QTEST_GUILESS_MAIN(ImpactKernelTest)
#include "tst_impact_kernel.moc"
