// SPDX-License-Identifier: MIT
// Incremental evaluation: Config's setters (Propagation::Incremental)
// recompute only the symbols a change can affect. After random changes the
// state must equal a full recomputation (Config::differencesFromFullRecompute).
//
// * small random trees (support/kconfiggen.h): 10,000 changes, every one checked;
// * the real Linux 6.12 x86_64 tree (loaded with the kernel Makefile's
//   environment, every symbol calculated, x86_64_defconfig read): 1,500
//   changes, mostly of symbols the user can change. A full recomputation of
//   that tree costs about 15 ms of CPU (several times that on a busy
//   machine), so only every 5th change and the final state are compared; when
//   a comparison fails, the changes since the last good one are replayed from
//   a copy of that state, comparing after each, to name the first bad change.
//   First, reading that defconfig into a new Config must give the same
//   values in memory order as in conf's order (Config::calcAll).
// Both parts also require that enough changes really changed a value, so
// that they cannot pass by changing nothing.
#include "kconfiggen.h"
#include "kerneltree.h"

#include <kconfig/config.h>
#include <kconfig/configreader.h>
#include <kconfig/diagnostic.h>
#include <kconfig/probecache.h>
#include <kconfig/shellrunner.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>
#include <kconfig/treeloader.h>

#include <QDir>
#include <QElapsedTimer>
#include <QTest>

#include <memory>
#include <random>

using namespace kconfig;
using namespace kcstest;

namespace {

struct Change
{
    const Symbol *sym = nullptr;
    const MenuNode *choice = nullptr; // set for choice selections
    enum Kind
    {
        Tristate_,
        String_,
        Toggle
    } kind = Tristate_;
    Tristate tri = Tristate::No;
    std::string str;

    std::string describe() const
    {
        const std::string name = sym->name;
        switch (kind) {
        case Tristate_:
            return choice ? "choose " + name : name + " = " + std::string(triString(tri));
        case String_:
            return name + " = \"" + str + "\"";
        case Toggle:
            return "toggle " + name;
        }
        return name;
    }

    void apply(Config &config) const
    {
        if (choice)
            config.setChoiceValue(choice, sym);
        else if (kind == Tristate_)
            config.setTristateValue(sym, tri);
        else if (kind == String_)
            config.setStringValue(sym, str);
        else
            config.toggleTristateValue(sym);
    }
};

class ChangeMaker
{
public:
    ChangeMaker(const Tree &tree, std::uint32_t seed) : m_tree(tree), m_rng(seed)
    {
        for (const Symbol *s : tree.symbols().all())
            if (!s->isConst() && !s->isChoice() && !s->name.empty() &&
                s->type != SymbolType::Unknown && !s->menus.empty())
                m_syms.push_back(s);
    }

    bool empty() const { return m_syms.empty(); }

    // A random change; `preferChangeable` picks mostly symbols the user can change.
    Change make(Config &config, bool preferChangeable)
    {
        Change c;
        for (int tries = 0; tries < 20; ++tries) {
            c.sym = m_syms[m_rng() % m_syms.size()];
            if (!preferChangeable || m_rng() % 5 == 0 || config.isChangeable(c.sym)) break;
        }
        if (c.sym->isChoiceValue() && m_rng() % 4 != 0) {
            c.choice = m_tree.choiceMenuOf(c.sym);
            if (c.choice) return c;
        }
        switch (c.sym->type) {
        case SymbolType::Bool:
        case SymbolType::Tristate:
            if (m_rng() % 6 == 0) {
                c.kind = Change::Toggle;
            } else {
                c.kind = Change::Tristate_;
                c.tri = static_cast<Tristate>(m_rng() % 3);
            }
            break;
        case SymbolType::Int: {
            static const char *values[] = {"0", "1", "5", "12", "100", "-3", "4096", "x1", ""};
            c.kind = Change::String_;
            c.str = values[m_rng() % std::size(values)];
            break;
        }
        case SymbolType::Hex: {
            static const char *values[] = {"0x0", "0x10", "ff", "0x1000", "0xfffff", "zz"};
            c.kind = Change::String_;
            c.str = values[m_rng() % std::size(values)];
            break;
        }
        default: {
            static const char *values[] = {"", "abc", "a \"q\" b", "10", "y"};
            c.kind = Change::String_;
            c.str = values[m_rng() % std::size(values)];
            break;
        }
        }
        return c;
    }

private:
    const Tree &m_tree;
    std::mt19937 m_rng;
    std::vector<const Symbol *> m_syms;
};

// The value a change is about, to tell whether it changed anything.
std::string valueOf(Config &config, const Change &c)
{
    if (c.choice) {
        const Symbol *sel = config.choiceSelection(c.choice);
        return sel ? sel->name : std::string();
    }
    return config.stringValue(c.sym);
}

QString joinNames(const std::vector<std::string> &names)
{
    QStringList l;
    for (const std::string &n : names)
        l << QString::fromStdString(n);
    if (l.size() > 20) l = l.mid(0, 20) << QStringLiteral("...");
    return l.join(QStringLiteral(", "));
}

// Like conf_read after reading: MODULES first (tristate handling depends on
// it), then every symbol.
void calcAll(Config &config, const Tree &tree)
{
    if (tree.modules()) config.calc(tree.modules());
    for (const Symbol *s : tree.symbols().hashOrder())
        config.calc(s);
}

} // namespace

class TestIncremental : public QObject
{
    Q_OBJECT

private slots:
    // 100 random trees with 100 random changes each, every change checked.
    void smallTrees_data()
    {
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 100; ++seed)
            QTest::addRow("tree %d", seed) << seed;
    }
    void smallTrees()
    {
        QFETCH(int, seed);
        GeneratorOptions options;
        options.allowCycle = false;
        options.uniformChoiceMembers = true; // see GeneratorOptions::uniformChoiceMembers
        const GeneratedTree gen = KconfigGenerator(std::uint32_t(seed) * 7919u, options).generate();
        SourceFiles sources;
        sources.setOverlay("Kconfig", gen.kconfig);
        LoadOptions lo;
        lo.sources = &sources;
        DiagnosticSink diag;
        LoadResult loaded = loadTree(lo, diag);
        QVERIFY2(loaded, gen.kconfig.c_str());
        const Tree &tree = *loaded.tree;
        Config config(tree);
        ConfigReader reader(config, lo.environment, diag);
        reader.readText(".config", gen.dotConfig);
        calcAll(config, tree);
        const auto initial = config.differencesFromFullRecompute();
        QVERIFY2(
            initial.empty(),
            qPrintable(QStringLiteral("after reading .config: %1 differ\nKconfig:\n%2.config:\n%3")
                           .arg(joinNames(initial), QString::fromStdString(gen.kconfig),
                                QString::fromStdString(gen.dotConfig))));

        ChangeMaker maker(tree, std::uint32_t(seed));
        QVERIFY(!maker.empty());
        std::string history;
        for (int step = 0; step < 100; ++step) {
            const Change c = maker.make(config, true);
            history += c.describe() + '\n';
            const std::string before = valueOf(config, c);
            c.apply(config);
            ++m_smallChanges;
            if (valueOf(config, c) != before) ++m_smallEffective;
            const auto diffs = config.differencesFromFullRecompute();
            if (!diffs.empty()) {
                // (QTest shortens long failure messages: print the details first)
                qInfo().noquote()
                    << QStringLiteral("tree %1, after change %2 (%3): %4 differ from a full "
                                      "recomputation\nchanges:\n%5== Kconfig:\n%6== .config:\n%7")
                           .arg(seed)
                           .arg(step + 1)
                           .arg(QString::fromStdString(c.describe()), joinNames(diffs),
                                QString::fromStdString(history),
                                QString::fromStdString(gen.kconfig),
                                QString::fromStdString(gen.dotConfig));
            }
            QVERIFY2(diffs.empty(),
                     qPrintable(QStringLiteral("tree %1, change %2 (%3): %4 differ")
                                    .arg(seed)
                                    .arg(step + 1)
                                    .arg(QString::fromStdString(c.describe()), joinNames(diffs))));
        }
    }

    // 10,000 changes were made and a good part of them changed a value.
    void smallTreesWereExercised()
    {
        QCOMPARE(m_smallChanges, 10000);
        qInfo("%d of %d changes changed the value they set", m_smallEffective, m_smallChanges);
        QVERIFY(m_smallEffective >= m_smallChanges / 10);
    }

    // The real x86_64 tree.
    void linuxTree()
    {
        const QString problem = kernelTreeProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        Environment env;
        for (const auto &[k, v] : kernelEnvironment(QStringLiteral("x86_64")))
            env.set(k.toStdString(), v.toStdString());
        QVERIFY(env.isSet("srctree"));
        // Probes run in a fixed directory so that the cache serves later runs.
        const QString work = kernelCacheDir() + QStringLiteral("/incremental");
        QDir().mkpath(work);
        ProcessShellRunner shell(work.toStdString());
        ProbeCache cache(
            shell, (kernelCacheDir() + QStringLiteral("/xdg/kconfig-studio/probes")).toStdString(),
            work.toStdString());
        LoadOptions lo;
        lo.environment = env;
        lo.shell = &cache;
        DiagnosticSink diag;
        QElapsedTimer timer;
        timer.start();
        LoadResult loaded = loadTree(lo, diag);
        QVERIFY(loaded);
        const Tree &tree = *loaded.tree;
        QVERIFY(tree.symbols().size() > 15000);
        qInfo("loaded %zu symbols in %lld ms (%d probes run)", tree.symbols().size(),
              timer.elapsed(), shell.processesStarted());

        // Config::calcAll's memory order gives conf's values here too (see
        // tst_calcorder): a new Config reading the defconfig, once watched
        // like the CLI watches it (conf's order) and once not.
        {
            Config fast(tree), confOrder(tree);
            confOrder.setUnmetDependencyHandler([](const Symbol *) {});
            for (Config *c : {&fast, &confOrder})
                QVERIFY(ConfigReader(*c, env, diag)
                            .read(std::string("arch/x86/configs/x86_64_defconfig")));
            int differing = 0;
            for (const Symbol *s : tree.symbols().all())
                if (!(fast.snapshot(s) == confOrder.snapshot(s))) ++differing;
            QCOMPARE(differing, 0);
        }

        Config config(tree);
        calcAll(config, tree);
        ConfigReader reader(config, env, diag);
        QVERIFY(reader.read(std::string("arch/x86/configs/x86_64_defconfig")));
        calcAll(config, tree);
        QVERIFY(config.differencesFromFullRecompute().empty());

        ChangeMaker maker(tree, 20241);
        timer.restart();
        constexpr int changes = 1500;
        constexpr int checkEvery = 5;
        int effective = 0;
        int comparisons = 0;
        std::vector<Change> sinceCheck;
        auto lastGood = std::make_unique<Config>(config);
        for (int step = 1; step <= changes; ++step) {
            const Change c = maker.make(config, true);
            const std::string before = valueOf(config, c);
            c.apply(config);
            if (valueOf(config, c) != before) ++effective;
            sinceCheck.push_back(c);
            if (step % checkEvery != 0 && step != changes) continue;
            ++comparisons;
            const auto diffs = config.differencesFromFullRecompute();
            if (!diffs.empty()) {
                const int first = step - int(sinceCheck.size()) + 1;
                Config replay(*lastGood);
                for (std::size_t i = 0; i < sinceCheck.size(); ++i) {
                    sinceCheck[i].apply(replay);
                    const auto d = replay.differencesFromFullRecompute();
                    QVERIFY2(d.empty(),
                             qPrintable(QStringLiteral("x86_64, change %1 (%2): %3 differ from a "
                                                       "full recomputation")
                                            .arg(first + int(i))
                                            .arg(QString::fromStdString(sinceCheck[i].describe()),
                                                 joinNames(d))));
                }
                QFAIL(qPrintable(QStringLiteral("x86_64, changes %1..%2: %3 differ from a full "
                                                "recomputation (replaying them from the last good "
                                                "state does not reproduce it)")
                                     .arg(first)
                                     .arg(step)
                                     .arg(joinNames(diffs))));
            }
            sinceCheck.clear();
            lastGood = std::make_unique<Config>(config);
        }
        QVERIFY2(effective >= changes / 5, qPrintable(QString::number(effective)));
        qInfo("%d changes (%d changed the value they set), %d comparisons with a full "
              "recomputation, in %lld ms",
              changes, effective, comparisons, timer.elapsed());
    }

private:
    int m_smallChanges = 0;
    int m_smallEffective = 0;
};
QTEST_GUILESS_MAIN(TestIncremental)
#include "tst_incremental.moc"
