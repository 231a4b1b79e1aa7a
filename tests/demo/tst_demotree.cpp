// SPDX-License-Identifier: MIT
// The bundled demo tree (resources/demo) behaves like the real Linux 6.12 tree
// for the VFIO / IOMMUFD symbols it reproduces.
//
// Each row is one step of a scenario: a starting configuration plus the
// changes a user makes, in order. The test applies the changes to the demo
// tree through the core API (Config::setTristateValue, as the GUI does) and
// compares every demo symbol with golden data taken from the REAL kernel tree:
//
//   * the value of every symbol the demo defines (n when not listed);
//   * whether the user can change it (conf's sym_is_changeable);
//   * which changes are refused (conf's sym_set_tristate_value).
//
// The golden data, golden-linux-6.12.inc, was produced by make-golden.sh from
// the Linux 6.12.117 source tree with the kernel's own conf, e.g. for the x86
// rows (environment of tests/kernel/kernel-env.sh SRCTREE x86_64):
//
//   conf --defconfig=arch/x86/configs/x86_64_defconfig Kconfig
//   (edit .config: CONFIG_VFIO=y, CONFIG_INTEL_IOMMU=y, CONFIG_AMD_IOMMU=y)
//   conf --olddefconfig Kconfig
//   (edit .config with the row's changes, e.g. CONFIG_IOMMUFD=m)
//   conf --olddefconfig Kconfig
//
// plus a probe linked against the same conf's objects (kconfig-probe.c) for
// changeability and refusals; the script checks that both agree on values.
// The test itself needs neither the kernel tree nor conf.
//
// Starting configurations on the demo side:
//   X86Session    resources/demo/.config (the demo's "x86_64 defconfig + VFIO=y")
//   Ppc64Session  kPpc64Seed below, completed like conf --olddefconfig does
//   All*Config    conf's allnoconfig / allmodconfig / allyesconfig
#include <kconfig/config.h>
#include <kconfig/configreader.h>
#include <kconfig/configwriter.h>
#include <kconfig/confmodes.h>
#include <kconfig/diagnostic.h>
#include <kconfig/environment.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>
#include <kconfig/treeloader.h>

#include <QFile>
#include <QMap>
#include <QSet>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <string>

using namespace kconfig;

namespace {

enum class Base
{
    X86Session,
    Ppc64Session,
    AllNoConfig,
    AllModConfig,
    AllYesConfig
};

struct GoldenRow
{
    const char *name;
    Base base;
    const char *changes;    // "SYM=v ...", applied in order
    const char *refused;    // the changes the real tree refuses
    const char *values;     // "SYM=v ..." for every symbol that is not n
    const char *changeable; // symbols the user can change afterwards
    const char *absent;     // demo symbols the real tree does not define (value n there)
};

const GoldenRow kGolden[] = {
#include "golden-linux-6.12.inc"
};

// The demo's counterpart of "ppc64_defconfig + VFIO=y + SPAPR_TCE_IOMMU=y"
// (the real base also turns KVM_BOOK3S_64 off, which would otherwise select
// SPAPR_TCE_IOMMU; the demo has no KVM).
constexpr const char *kPpc64Seed = "CONFIG_PPC64=y\n"
                                   "CONFIG_MODULES=y\n"
                                   "CONFIG_MODULE_UNLOAD=y\n"
                                   "CONFIG_DEBUG_KERNEL=y\n"
                                   "CONFIG_VFIO=y\n"
                                   "CONFIG_SPAPR_TCE_IOMMU=y\n";

// X86_64 has no prompt in the real x86 tree (so it is never changeable
// there); in the demo it is a member of the architecture choice.
const QSet<QString> kChangeabilityNotComparable = {QStringLiteral("X86_64")};

// allmodconfig and allyesconfig also enable real drivers that the demo does
// not reproduce and that select these symbols (the panfrost/panthor DRM
// drivers select IOMMU_SUPPORT, an i915 debug option FAULT_INJECTION, the QAT
// and usNIC drivers PCI_IOV), so the real tree locks them at y. Their values
// agree; only their changeability is not comparable in those rows.
const QSet<QString> kLockedByRealDriversInAllConfigs = {
    QStringLiteral("IOMMU_SUPPORT"), QStringLiteral("FAULT_INJECTION"), QStringLiteral("PCI_IOV")};

QStringList words(const char *s)
{
    return QString::fromUtf8(s).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

Tristate parseTristate(const QString &v)
{
    return v == QLatin1String("y")   ? Tristate::Yes
           : v == QLatin1String("m") ? Tristate::Mod
                                     : Tristate::No;
}

QString demoDir()
{
    return QStringLiteral(KCS_DEMO_DIR);
}

QString diagnosticsText(const DiagnosticSink &sink)
{
    QStringList lines;
    for (const Diagnostic &d : sink.all())
        lines << QString::fromStdString(d.text);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestDemoTree : public QObject
{
    Q_OBJECT

private:
    Environment m_env;
    std::unique_ptr<Tree> m_tree;

    // The symbols the demo defines, by name.
    QMap<QString, const Symbol *> definedSymbols() const
    {
        QMap<QString, const Symbol *> out;
        for (const Symbol *sym : m_tree->symbols().all()) {
            if (sym->isConst() || sym->isChoice() || sym->type == SymbolType::Unknown) continue;
            out.insert(QString::fromStdString(sym->name), sym);
        }
        return out;
    }

    std::unique_ptr<Config> startingConfig(Base base)
    {
        auto config = std::make_unique<Config>(*m_tree);
        DiagnosticSink diag;
        ConfigReader reader(*config, m_env, diag);
        switch (base) {
        case Base::X86Session:
            if (!reader.read((demoDir() + QStringLiteral("/.config")).toStdString()))
                return nullptr;
            break;
        case Base::Ppc64Session: {
            // Like conf --olddefconfig on the seed, then loading its .config.
            Config seed(*m_tree);
            ConfigReader seedReader(seed, m_env, diag);
            seedReader.readText("ppc64.seed", kPpc64Seed);
            QTemporaryDir dir;
            if (!dir.isValid()) return nullptr;
            const std::string path = dir.filePath(QStringLiteral(".config")).toStdString();
            if (ConfigWriter(seed, m_env).writeDotConfig(path) != 0 || !reader.read(path))
                return nullptr;
            break;
        }
        case Base::AllNoConfig:
            setAllNewSymbols(*config, NewSymbolMode::No);
            break;
        case Base::AllModConfig:
            setAllNewSymbols(*config, NewSymbolMode::Mod);
            break;
        case Base::AllYesConfig:
            setAllNewSymbols(*config, NewSymbolMode::Yes);
            break;
        }
        if (!diag.all().empty()) qWarning("%s", qPrintable(diagnosticsText(diag)));
        return config;
    }

private slots:
    void initTestCase()
    {
        m_env.set("srctree", demoDir().toStdString());
        LoadOptions options;
        options.kconfig = (demoDir() + QStringLiteral("/Kconfig")).toStdString();
        options.environment = m_env;
        DiagnosticSink diag;
        LoadResult result = loadTree(options, diag);
        QVERIFY2(result.tree, qPrintable(diagnosticsText(diag)));
        // The demo must load without a single warning.
        QVERIFY2(diag.all().empty(), qPrintable(diagnosticsText(diag)));
        m_tree = std::move(result.tree);
    }

    // The demo ships the .config that `--olddefconfig` writes for it, byte for byte.
    void shippedConfigIsCurrent()
    {
        QFile file(demoDir() + QStringLiteral("/.config"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray shipped = file.readAll();

        Config config(*m_tree);
        DiagnosticSink diag;
        ConfigReader reader(config, m_env, diag);
        QVERIFY(reader.read(file.fileName().toStdString()));
        QVERIFY2(diag.all().empty(), qPrintable(diagnosticsText(diag)));
        QVERIFY2(!config.isChanged(), "resources/demo/.config is not what --olddefconfig writes");
        const std::string written = ConfigWriter(config, m_env).dotConfigText();
        QCOMPARE(QByteArray::fromStdString(written), shipped);
    }

    // The golden data names only symbols the demo defines, and covers all of them.
    void goldenMatchesDemoSymbols()
    {
        const auto defined = definedSymbols();
        QVERIFY(!defined.isEmpty());
        for (const GoldenRow &row : kGolden) {
            QStringList names;
            for (const QString &w : words(row.values))
                names << w.section(QLatin1Char('='), 0, 0);
            names << words(row.changeable) << words(row.absent);
            for (const QString &w : words(row.changes))
                names << w.section(QLatin1Char('='), 0, 0);
            for (const QString &name : names)
                QVERIFY2(defined.contains(name),
                         qPrintable(QStringLiteral("%1: %2 is not defined by the demo")
                                        .arg(QString::fromUtf8(row.name), name)));
        }
    }

    void steps_data()
    {
        QTest::addColumn<int>("row");
        for (int i = 0; i < int(std::size(kGolden)); ++i)
            QTest::newRow(kGolden[i].name) << i;
    }

    void steps()
    {
        QFETCH(int, row);
        const GoldenRow &golden = kGolden[row];
        const auto defined = definedSymbols();

        std::unique_ptr<Config> config = startingConfig(golden.base);
        QVERIFY(config);

        // The user's changes, one at a time, as the GUI makes them.
        QStringList refused = words(golden.refused);
        for (const QString &change : words(golden.changes)) {
            const Symbol *sym = defined.value(change.section(QLatin1Char('='), 0, 0));
            QVERIFY2(sym, qPrintable(change));
            const bool accepted =
                config->setTristateValue(sym, parseTristate(change.section(QLatin1Char('='), 1)));
            const bool expectRefusal = refused.contains(change);
            if (expectRefusal) refused.removeOne(change);
            QVERIFY2(accepted != expectRefusal,
                     qPrintable(
                         QStringLiteral("%1 was %2 (the real tree %3 it)")
                             .arg(change,
                                  accepted ? QStringLiteral("accepted") : QStringLiteral("refused"),
                                  expectRefusal ? QStringLiteral("refuses")
                                                : QStringLiteral("accepts"))));
        }

        QMap<QString, QString> expectedValues;
        for (const QString &w : words(golden.values))
            expectedValues.insert(w.section(QLatin1Char('='), 0, 0),
                                  w.section(QLatin1Char('='), 1));
        const QStringList changeable = words(golden.changeable);
        const QStringList absent = words(golden.absent);

        QStringList mismatches;
        for (auto it = defined.cbegin(); it != defined.cend(); ++it) {
            const QString &name = it.key();
            const QString expected = expectedValues.value(name, QStringLiteral("n"));
            const QString actual = QString::fromStdString(config->stringValue(it.value()));
            if (actual != expected)
                mismatches
                    << QStringLiteral("%1: value %2, real tree %3").arg(name, actual, expected);
            if (absent.contains(name) || kChangeabilityNotComparable.contains(name)) continue;
            if ((golden.base == Base::AllModConfig || golden.base == Base::AllYesConfig) &&
                kLockedByRealDriversInAllConfigs.contains(name))
                continue;
            const bool expectChangeable = changeable.contains(name);
            if (config->isChangeable(it.value()) != expectChangeable)
                mismatches << QStringLiteral("%1: %2 changeable, real tree %3")
                                  .arg(name,
                                       expectChangeable ? QStringLiteral("not")
                                                        : QStringLiteral("is"),
                                       expectChangeable ? QStringLiteral("is")
                                                        : QStringLiteral("not"));
        }
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));

        // The incremental updates left the same state as a full recomputation.
        const std::vector<std::string> drift = config->differencesFromFullRecompute();
        QVERIFY2(drift.empty(), drift.empty() ? "" : drift.front().c_str());
    }
};

QTEST_GUILESS_MAIN(TestDemoTree)
#include "tst_demotree.moc"
