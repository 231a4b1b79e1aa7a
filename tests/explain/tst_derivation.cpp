// SPDX-License-Identifier: MIT
// deriveValue() re-traces conf's sym_calc_value separately from
// Config::calc(), for explanations. These tests hold the two against each
// other for every symbol: value, tristate, visibility, changeability, written
// flag, reverse dependency and unmet dependency must agree.
//
//   smallTrees         every tree under tests/data/explain with each of its
//                      *.config files and with all{no,yes,mod,def}config and
//                      random configurations
//   smallTreesEarlier  every possible single assignment on those
//                      configurations: EarlierValues built from the change set
//                      (states and user values before) reproduce the state
//                      before the action for all symbols
//   demoTree           both checks on resources/demo
//   kernelTree         the real Linux 6.12 x86_64 tree with x86_64_defconfig,
//                      allmodconfig, allnoconfig and Debian's configurations
//   kernelTreeEarlier  EarlierValues on the real tree for a sample of
//                      assignments (and the VFIO / IOMMUFD ones)
#include "explaintest.h"
#include "kerneltree.h"

#include <kconfig/confmodes.h>
#include <kconfig/valuesource.h>

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <random>

using namespace kconfig;
using namespace kcsexplain;

namespace {

// A configuration to derive on: a file, or a whole-configuration mode.
struct ConfigSpec
{
    QString name;
    QString file;    // read with conf_read when set
    QByteArray text; // read as .config text otherwise
    NewSymbolMode mode = NewSymbolMode::Default;
    unsigned seed = 0; // for NewSymbolMode::Random
    QString xzFile;    // compressed .config text (Debian's configurations)
};

QByteArray xzText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("xz"), {QStringLiteral("-dc"), path});
    if (!p.waitForFinished(120000) || p.exitCode() != 0) return {};
    return p.readAllStandardOutput();
}

std::unique_ptr<Config> makeConfig(LoadedTree &t, const ConfigSpec &spec)
{
    std::unique_ptr<Config> config;
    if (!spec.file.isEmpty()) {
        config = readConfig(t, spec.file);
    } else if (!spec.xzFile.isEmpty()) {
        const QByteArray text = xzText(spec.xzFile);
        if (text.isEmpty()) return nullptr;
        config = readConfigText(t, text);
    } else {
        config = readConfigText(t, spec.text);
    }
    if (!config) return nullptr;
    if (spec.mode != NewSymbolMode::Default) {
        std::mt19937 rng(spec.seed);
        const std::function<int()> random = [&rng] { return int(rng() & 0x7fffffff); };
        setAllNewSymbols(*config, spec.mode, RandomProbabilities{}, random);
        for (const Symbol *s : t.tree->symbols().all())
            config->calc(s);
    }
    return config;
}

QList<ConfigSpec> smallConfigs(const QString &dir)
{
    QList<ConfigSpec> out;
    for (const QString &f : QDir(dir).entryList({QStringLiteral("*.config")}, QDir::Files))
        out.append(ConfigSpec{f, dir + QLatin1Char('/') + f});
    if (QFileInfo::exists(dir + QStringLiteral("/.config")))
        out.append(ConfigSpec{QStringLiteral(".config"), dir + QStringLiteral("/.config")});
    out.append(ConfigSpec{QStringLiteral("alldefconfig"), {}, {}, NewSymbolMode::Default});
    out.append(ConfigSpec{QStringLiteral("allnoconfig"), {}, {}, NewSymbolMode::No});
    out.append(ConfigSpec{QStringLiteral("allyesconfig"), {}, {}, NewSymbolMode::Yes});
    out.append(ConfigSpec{QStringLiteral("allmodconfig"), {}, {}, NewSymbolMode::Mod});
    for (unsigned seed = 1; seed <= 8; ++seed)
        out.append(ConfigSpec{
            QStringLiteral("randconfig-%1").arg(seed), {}, {}, NewSymbolMode::Random, seed});
    return out;
}

// The values a front end could try for a symbol (each is applied to a copy).
QStringList candidateValues(Config &config, const Symbol *s)
{
    switch (s->type) {
    case SymbolType::Bool:
    case SymbolType::Tristate: {
        QStringList out;
        for (Tristate t : {Tristate::No, Tristate::Mod, Tristate::Yes})
            if (t != config.tristate(s) && (s->isChoiceValue() || config.tristateWithinRange(s, t)))
                out << triText(t);
        if (s->isChoiceValue())
            return config.visibility(s) != Tristate::No && config.tristate(s) != Tristate::Yes
                       ? QStringList{QStringLiteral("y")}
                       : QStringList{};
        return out;
    }
    case SymbolType::Int:
        return {QStringLiteral("0"), QStringLiteral("5"), QStringLiteral("100000")};
    case SymbolType::Hex:
        return {QStringLiteral("0x10"), QStringLiteral("0xffffff")};
    case SymbolType::String:
        return {QStringLiteral("changed")};
    default:
        return {};
    }
}

// Every candidate assignment of every symbol on a copy of `config`: the
// derivation still agrees with Config afterwards, and EarlierValues give back
// the state before the action. Returns a report of the first failures.
QString checkAllAssignments(LoadedTree &t, Config &config, int *applied)
{
    QString report;
    const Snapshots before = snapshotAll(*t.tree, config);
    for (const Symbol *s : t.tree->symbols().all()) {
        if (!isCheckedSymbol(s) || s->isTransitional()) continue;
        for (const QString &value : candidateValues(config, s)) {
            Config copy(config);
            const AppliedChange change = applyAssignment(copy, s, value.toStdString());
            if (!change.ok) continue;
            ++*applied;
            report += earlierMismatches(*t.tree, copy, change, before, 5);
            // An incremental update that differs from a full recalculation is
            // Config's fault, not the derivation's: say so first.
            const std::vector<std::string> stale = copy.differencesFromFullRecompute();
            if (!stale.empty())
                report += QStringLiteral("after %1=%2, Config differs from a full "
                                         "recalculation for %3\n")
                              .arg(QString::fromStdString(s->name), value,
                                   QString::fromStdString(stale.front()));
            const QString now = derivationMismatches(*t.tree, copy, nullptr, 5);
            if (!now.isEmpty())
                report +=
                    QStringLiteral("after %1=%2:\n").arg(QString::fromStdString(s->name), value) +
                    now;
            if (report.size() > 4000) return report;
        }
    }
    return report;
}

} // namespace

class TestDerivation : public QObject
{
    Q_OBJECT

    std::unique_ptr<LoadedTree> m_kernel;

    LoadedTree *kernel()
    {
        if (!m_kernel) {
            QString error;
            QElapsedTimer timer;
            timer.start();
            m_kernel = loadKernelTree(QStringLiteral("x86_64"), &error);
            if (!m_kernel) qFatal("%s", qPrintable(error));
            qInfo("Linux 6.12 x86_64 tree loaded in %lld ms (%zu symbols)", timer.elapsed(),
                  m_kernel->tree->symbols().size());
        }
        return m_kernel.get();
    }

    QList<ConfigSpec> kernelConfigs()
    {
        QList<ConfigSpec> out;
        const QString src = kcstest::kernelSourceDir();
        out.append(ConfigSpec{QStringLiteral("x86_64_defconfig"),
                              src + QStringLiteral("/arch/x86/configs/x86_64_defconfig")});
        ConfigSpec vfio{QStringLiteral("x86_64_defconfig+VFIO=y")};
        vfio.text = readFile(src + QStringLiteral("/arch/x86/configs/x86_64_defconfig")) +
                    "\nCONFIG_VFIO=y\nCONFIG_IOMMUFD=m\nCONFIG_VFIO_PCI=m\n";
        out.append(vfio);
        out.append(ConfigSpec{QStringLiteral("allmodconfig"), {}, {}, NewSymbolMode::Mod});
        out.append(ConfigSpec{QStringLiteral("allnoconfig"), {}, {}, NewSymbolMode::No});
        out.append(ConfigSpec{QStringLiteral("randconfig-1"), {}, {}, NewSymbolMode::Random, 1});
        const QDir debian(QStringLiteral("/usr/src/linux-config-6.12"));
        for (const QString &f : debian.entryList({QStringLiteral("config.amd64_*.xz")})) {
            ConfigSpec spec{f};
            spec.xzFile = debian.filePath(f);
            out.append(spec);
        }
        return out;
    }

private slots:
    void smallTrees_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<int>("config");
        const QStringList dirs = explainCaseDirs();
        QVERIFY(dirs.size() >= 10);
        for (const QString &dir : dirs) {
            const QList<ConfigSpec> configs = smallConfigs(dir);
            for (int i = 0; i < configs.size(); ++i)
                QTest::addRow("%s/%s", qPrintable(QFileInfo(dir).fileName()),
                              qPrintable(configs[i].name))
                    << dir << i;
        }
    }

    void smallTrees()
    {
        QFETCH(QString, dir);
        QFETCH(int, config);
        QString error;
        auto t = loadSmallTree(dir, &error);
        QVERIFY2(t, qPrintable(error));
        auto c = makeConfig(*t, smallConfigs(dir).at(config));
        QVERIFY(c);
        int checked = 0, stale = 0;
        const QString report = derivationMismatches(*t->tree, *c, &checked, 20, &stale);
        QVERIFY2(report.isEmpty(), qPrintable(report));
        QVERIFY(checked > 0);
        QCOMPARE(stale, 0); // right after reading a configuration
    }

    void smallTreesEarlier_data() { smallTrees_data(); }

    void smallTreesEarlier()
    {
        QFETCH(QString, dir);
        QFETCH(int, config);
        QString error;
        auto t = loadSmallTree(dir, &error);
        QVERIFY2(t, qPrintable(error));
        auto c = makeConfig(*t, smallConfigs(dir).at(config));
        QVERIFY(c);
        int applied = 0;
        const QString report = checkAllAssignments(*t, *c, &applied);
        QVERIFY2(report.isEmpty(), qPrintable(report));
        QVERIFY(applied > 0);
    }

    void demoTree_data()
    {
        QTest::addColumn<int>("config");
        const QList<ConfigSpec> configs = smallConfigs(demoDir());
        for (int i = 0; i < configs.size(); ++i)
            QTest::newRow(qPrintable(configs[i].name)) << i;
    }

    void demoTree()
    {
        QFETCH(int, config);
        QString error;
        auto t = loadSmallTree(demoDir(), &error);
        QVERIFY2(t, qPrintable(error));
        auto c = makeConfig(*t, smallConfigs(demoDir()).at(config));
        QVERIFY(c);
        int checked = 0, stale = 0;
        QString report = derivationMismatches(*t->tree, *c, &checked, 20, &stale);
        QVERIFY2(report.isEmpty(), qPrintable(report));
        QVERIFY(checked > 50);
        QCOMPARE(stale, 0);
        int applied = 0;
        report = checkAllAssignments(*t, *c, &applied);
        QVERIFY2(report.isEmpty(), qPrintable(report));
        QVERIFY(applied > 5);
    }

    void kernelTree_data()
    {
        QTest::addColumn<int>("config");
        const QList<ConfigSpec> specs = kernelConfigs();
        // Debian's linux-config-6.12 has amd64, cloud-amd64 and rt-amd64.
        QVERIFY2(specs.size() >= 8, "no Debian configurations in /usr/src/linux-config-6.12");
        for (int i = 0; i < specs.size(); ++i)
            QTest::newRow(qPrintable(specs[i].name)) << i;
    }

    void kernelTree()
    {
        QFETCH(int, config);
        const ConfigSpec spec = kernelConfigs().at(config);
        LoadedTree *t = kernel();
        QElapsedTimer timer;
        timer.start();
        auto c = makeConfig(*t, spec);
        QVERIFY2(c, qPrintable(spec.name + " could not be read"));
        const qint64 readMs = timer.restart();
        int checked = 0, stale = 0;
        const QString report = derivationMismatches(*t->tree, *c, &checked, 20, &stale);
        QVERIFY2(report.isEmpty(), qPrintable(report));
        QVERIFY(checked > 15000);
        QCOMPARE(stale, 0);
        qInfo("%s: read in %lld ms, %d symbols derived in %lld ms", qPrintable(spec.name), readMs,
              checked, timer.elapsed());
    }

    void kernelTreeEarlier()
    {
        LoadedTree *t = kernel();
        const QString src = kcstest::kernelSourceDir();
        auto config = readConfigText(
            *t, readFile(src + QStringLiteral("/arch/x86/configs/x86_64_defconfig")) +
                    "\nCONFIG_VFIO=y\n");
        QVERIFY(config);
        const Snapshots before = snapshotAll(*t->tree, *config);

        // The scenario's assignments, then every 17th symbol with its candidates.
        QList<QPair<const Symbol *, QString>> assignments;
        for (const char *a :
             {"IOMMUFD=m", "IOMMUFD=y", "VFIO_GROUP=n", "VFIO_CONTAINER=n", "MODULES=n", "64BIT=n",
              "SMP=n", "PCI=n", "NR_CPUS=2", "LOCALVERSION=-test", "PHYSICAL_START=0x2000000"}) {
            const QString s = QString::fromLatin1(a);
            const Symbol *sym = t->sym(s.section(QLatin1Char('='), 0, 0));
            QVERIFY2(sym, a);
            assignments.append({sym, s.section(QLatin1Char('='), 1)});
        }
        int index = 0;
        for (const Symbol *s : t->tree->symbols().all()) {
            if (!isCheckedSymbol(s) || s->isTransitional() || ++index % 17) continue;
            for (const QString &v : candidateValues(*config, s))
                assignments.append({s, v});
        }

        QElapsedTimer timer;
        timer.start();
        int applied = 0, changes = 0;
        for (const auto &[sym, value] : assignments) {
            Config copy(*config);
            const AppliedChange change = applyAssignment(copy, sym, value.toStdString());
            if (!change.ok) continue;
            ++applied;
            changes += int(change.changes.size());
            const QString report = earlierMismatches(*t->tree, copy, change, before);
            QVERIFY2(report.isEmpty(), qPrintable(report));
        }
        QVERIFY2(applied > 100, qPrintable(QString::number(applied)));
        QVERIFY(changes > applied);
        qInfo("%d assignments (%d changed symbols) checked in %lld ms", applied, changes,
              timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestDerivation)
#include "tst_derivation.moc"
