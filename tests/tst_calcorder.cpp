// SPDX-License-Identifier: MIT
// Config::calcAll calculates the symbols in the order they were made where
// the order cannot change a value, and in conf's order (the symbol table's)
// otherwise. Its results must equal a calculation in conf's order, which is
// what kconfig-studio-cli does (it watches calculations for unmet-dependency
// warnings, and conf prints those in its order) and what the differential
// and conformance tests compare with the kernel's conf:
//
// * random trees (support/kconfiggen.h) whose choice members differ in
//   visibility, read once into a new Config and then a second .config into
//   the same one (old values left over from the first calculation);
// * hand-written trees where the order shows: a choice member's old
//   visibility, and a calculation that reads a symbol still being
//   calculated (a range bound that defaults to the ranged symbol).
#include "kconfiggen.h"

#include <kconfig/config.h>
#include <kconfig/configreader.h>
#include <kconfig/diagnostic.h>
#include <kconfig/environment.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>
#include <kconfig/treeloader.h>

#include <QTest>

using namespace kconfig;
using namespace kcstest;

namespace {

struct Loaded
{
    SourceFiles sources;
    DiagnosticSink diag;
    LoadResult result;
};

std::unique_ptr<Loaded> load(const std::string &kconfig)
{
    auto l = std::make_unique<Loaded>();
    l->sources.setOverlay("Kconfig", kconfig);
    LoadOptions lo;
    lo.sources = &l->sources;
    l->result = loadTree(lo, l->diag);
    return l;
}

// Reads each text in turn into one Config, as conf_read does; in conf's order
// when `confOrder` (an unmet-dependency handler is installed).
std::unique_ptr<Config> readAll(const Tree &tree, const std::vector<std::string> &texts,
                                bool confOrder)
{
    auto config = std::make_unique<Config>(tree);
    if (confOrder) config->setUnmetDependencyHandler([](const Symbol *) {});
    DiagnosticSink diag;
    Environment env;
    ConfigReader reader(*config, env, diag);
    for (const std::string &text : texts) {
        reader.readText(".config", text);
        if (tree.modules()) config->calc(tree.modules());
        config->calcAll();
    }
    return config;
}

// Names of the symbols whose state differs, with both states.
QStringList differences(Config &a, Config &b)
{
    QStringList out;
    for (const Symbol *s : a.tree().symbols().all()) {
        const SymbolSnapshot x = a.snapshot(s), y = b.snapshot(s);
        if (x == y) continue;
        out << QStringLiteral("%1: %2/%3 (visible %4) vs %5/%6 (visible %7)")
                   .arg(QString::fromStdString(s->displayName()))
                   .arg(int(x.tri))
                   .arg(QString::fromStdString(x.value))
                   .arg(int(x.visible))
                   .arg(int(y.tri))
                   .arg(QString::fromStdString(y.value))
                   .arg(int(y.visible));
    }
    return out;
}

} // namespace

class TestCalcOrder : public QObject
{
    Q_OBJECT

private slots:
    void randomTrees_data()
    {
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 300; ++seed)
            QTest::addRow("tree %d", seed) << seed;
    }
    void randomTrees()
    {
        QFETCH(int, seed);
        GeneratorOptions options;
        options.allowCycle = false;
        const GeneratedTree gen =
            KconfigGenerator(std::uint32_t(seed) * 104729u, options).generate();
        // A second .config: another tree's (the generator names symbols alike).
        const GeneratedTree other =
            KconfigGenerator(std::uint32_t(seed) * 104729u + 1u, options).generate();
        auto loaded = load(gen.kconfig);
        QVERIFY2(loaded->result, gen.kconfig.c_str());
        const Tree &tree = *loaded->result.tree;
        for (const auto &texts : {std::vector<std::string>{gen.dotConfig},
                                  std::vector<std::string>{gen.dotConfig, other.dotConfig}}) {
            auto mine = readAll(tree, texts, false);
            auto conf = readAll(tree, texts, true);
            const QStringList diffs = differences(*mine, *conf);
            QVERIFY2(diffs.isEmpty(),
                     qPrintable(QStringLiteral("%1 read(s): %2\n== Kconfig:\n%3== .config:\n%4")
                                    .arg(texts.size())
                                    .arg(diffs.join(QStringLiteral("; ")),
                                         QString::fromStdString(gen.kconfig),
                                         QString::fromStdString(texts.back()))));
        }
    }

    // A choice stops at the first visible member the user set to y and marks
    // the members after it from their old visibility: reading a second
    // .config in which GATE hides SECOND, the order shows. conf's order puts
    // SECOND before FIRST and calculates its visibility anew; the memory
    // order reaches FIRST first and marks SECOND with the old one.
    void staleChoiceVisibility_data()
    {
        QTest::addColumn<QString>("kconfig");
        QTest::addColumn<QStringList>("configs");
        const QString kconfig = QStringLiteral("config GATE\n\tbool \"gate\"\n"
                                               "choice\n\tprompt \"pick\"\n"
                                               "config FIRST\n\tbool \"first\"\n"
                                               "config SECOND\n\tbool \"second\"\n"
                                               "\tdepends on GATE\n"
                                               "config A\n\tbool \"third\"\n"
                                               "endchoice\n");
        const QString shown = QStringLiteral("CONFIG_GATE=y\nCONFIG_FIRST=y\n");
        const QString hidden = QStringLiteral("CONFIG_GATE=n\nCONFIG_FIRST=y\n");
        QTest::addRow("shown, then hidden") << kconfig << QStringList{shown, hidden};
        QTest::addRow("hidden, then shown") << kconfig << QStringList{hidden, shown};
        QTest::addRow("hidden") << kconfig << QStringList{hidden};
    }
    void staleChoiceVisibility()
    {
        QFETCH(QString, kconfig);
        QFETCH(QStringList, configs);
        auto loaded = load(kconfig.toStdString());
        QVERIFY(loaded->result);
        std::vector<std::string> texts;
        for (const QString &c : configs)
            texts.push_back(c.toStdString());
        auto mine = readAll(*loaded->result.tree, texts, false);
        auto conf = readAll(*loaded->result.tree, texts, true);
        const QStringList diffs = differences(*mine, *conf);
        QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(QStringLiteral("; "))));
    }

    // COUNT's range reads LOW, whose default reads COUNT: whichever is
    // calculated first decides. conf's order calculates LOW first, which
    // reads COUNT's default 8 and becomes 50, and COUNT then sees the
    // fallback value 0 for LOW: COUNT 8, LOW 50, as the kernel's conf writes
    // with an empty .config. The memory order alone would give COUNT 50.
    void recursiveRead()
    {
        auto loaded = load("config COUNT\n\tint \"count\"\n\trange LOW 100\n\tdefault 8\n"
                           "config LOW\n\tint\n\tdefault 50 if COUNT = 8\n\tdefault 0\n");
        QVERIFY(loaded->result);
        const Tree &tree = *loaded->result.tree;
        auto mine = readAll(tree, {""}, false);
        auto conf = readAll(tree, {""}, true);
        const QStringList diffs = differences(*mine, *conf);
        QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(QStringLiteral("; "))));
        QCOMPARE(mine->stringValue(tree.symbols().find("COUNT")), std::string("8"));
        QCOMPARE(mine->stringValue(tree.symbols().find("LOW")), std::string("50"));
    }
};

QTEST_GUILESS_MAIN(TestCalcOrder)
#include "tst_calcorder.moc"
