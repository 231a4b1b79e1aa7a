// SPDX-License-Identifier: MIT
// 10,000 random user changes on the Linux 6.12 x86_64 tree (from
// x86_64_defconfig), each applied by the incremental engine and checked
// against a recomputation from scratch.
//
// Config::differencesFromFullRecompute() recomputes all 18,600 symbols
// (tens of ms on a busy 2-core machine), too slow for every one of 10,000
// changes. So every change is checked in part, and every 250th (and the
// last) in full:
//
// * every change: the state is copied and invalidated (what the full check
//   does first, about a ms), and only some symbols are recomputed in the
//   copy, which calculates just their inputs, and compared: the symbols the
//   change set, every symbol update() reported as changed, every symbol that
//   reads one of those (an independent index built here from the tree's
//   expressions: a reader the engine forgot to update shows up here), and
//   32 random others. They are calculated in symbol order, the order the
//   full check uses, since conf's choice calculation reuses member
//   visibilities left from before;
// * every 250th change and the last: differencesFromFullRecompute().
//
// The test fails at the first difference, naming the change, and prints the
// time spent in each part.
#include "kerneltree.h"

#include <kconfig/config.h>
#include <kconfig/configreader.h>
#include <kconfig/diagnostic.h>
#include <kconfig/expr.h>
#include <kconfig/probecache.h>
#include <kconfig/shellrunner.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/tree.h>
#include <kconfig/treeloader.h>

#include <QDir>
#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <functional>
#include <random>

using namespace kconfig;

namespace {

constexpr int kChanges = 10000;
constexpr int kFullCheckEvery = 250;
constexpr int kRandomChecks = 32;

void forSymbols(const Expr *e, const std::function<void(const Symbol *)> &f)
{
    if (!e) return;
    if (e->left) forSymbols(e->left, f);
    if (e->right) forSymbols(e->right, f);
    if (e->sym) f(e->sym);
    if (e->rightSym) f(e->rightSym);
}

// For each symbol, the symbols whose calculation reads it: dependencies,
// reverse dependencies, prompt, default and range conditions and values, and
// a choice's members (each reads the others' visibility).
std::vector<std::vector<const Symbol *>> readersIndex(const Tree &tree)
{
    std::vector<std::vector<const Symbol *>> readers(tree.symbols().size());
    const auto add = [&](const Symbol *reader, const Expr *e) {
        forSymbols(e, [&](const Symbol *s) {
            if (s != reader) readers[s->id].push_back(reader);
        });
    };
    for (const Symbol *sym : tree.symbols().all()) {
        add(sym, sym->dirDep);
        add(sym, sym->revDep);
        add(sym, sym->implied);
        for (const Property *p : sym->properties) {
            if (p->type == PropertyType::Select || p->type == PropertyType::Imply) continue;
            add(sym, p->condition);
            add(sym, p->expr);
        }
        if (const MenuNode *choice = tree.choiceMenuOf(sym)) {
            readers[choice->sym->id].push_back(sym);
            readers[sym->id].push_back(choice->sym);
            for (const Symbol *other : choice->choiceMembers)
                if (other != sym) readers[other->id].push_back(sym);
        }
    }
    for (auto &list : readers) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return readers;
}

struct Change
{
    const Symbol *sym = nullptr;
    const MenuNode *choice = nullptr;
    enum Kind
    {
        Tri,
        Str,
        Toggle
    } kind = Tri;
    Tristate tri = Tristate::No;
    std::string str;

    std::string describe() const
    {
        if (choice) return "choose " + sym->name;
        if (kind == Toggle) return "toggle " + sym->name;
        if (kind == Tri) return sym->name + "=" + std::string(triString(tri));
        return sym->name + "=\"" + str + "\"";
    }
    void apply(Config &config) const
    {
        if (choice)
            config.setChoiceValue(choice, sym);
        else if (kind == Tri)
            config.setTristateValue(sym, tri);
        else if (kind == Str)
            config.setStringValue(sym, str);
        else
            config.toggleTristateValue(sym);
    }
};

Change randomChange(const Tree &tree, Config &config, const std::vector<const Symbol *> &syms,
                    std::mt19937 &rng)
{
    Change c;
    // Mostly symbols the user can change now: those changes propagate.
    for (int tries = 0; tries < 20; ++tries) {
        c.sym = syms[rng() % syms.size()];
        if (rng() % 5 == 0 || config.isChangeable(c.sym)) break;
    }
    if (c.sym->isChoiceValue() && rng() % 4 != 0) {
        c.choice = tree.choiceMenuOf(c.sym);
        if (c.choice) return c;
    }
    static const char *ints[] = {"0", "1", "8", "64", "4096", "-1", "abc", ""};
    static const char *hexes[] = {"0x0", "0x10", "ff", "0x1000000", "zz"};
    static const char *strings[] = {"", "value", "with \"quotes\"", "y"};
    switch (c.sym->type) {
    case SymbolType::Bool:
    case SymbolType::Tristate:
        c.kind = rng() % 6 == 0 ? Change::Toggle : Change::Tri;
        c.tri = static_cast<Tristate>(rng() % 3);
        break;
    case SymbolType::Int:
        c.kind = Change::Str;
        c.str = ints[rng() % std::size(ints)];
        break;
    case SymbolType::Hex:
        c.kind = Change::Str;
        c.str = hexes[rng() % std::size(hexes)];
        break;
    default:
        c.kind = Change::Str;
        c.str = strings[rng() % std::size(strings)];
        break;
    }
    return c;
}

QString names(const std::vector<std::string> &list)
{
    QStringList out;
    for (std::size_t i = 0; i < list.size() && i < 20; ++i)
        out << QString::fromStdString(list[i]);
    if (list.size() > 20) out << QStringLiteral("...");
    return out.join(QStringLiteral(", "));
}

} // namespace

class TestStressIncremental : public QObject
{
    Q_OBJECT

private slots:
    void tenThousandChanges()
    {
        const QString problem = kcstest::kernelTreeProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        Environment env;
        for (const auto &[k, v] : kcstest::kernelEnvironment(QStringLiteral("x86_64")))
            env.set(k.toStdString(), v.toStdString());
        const QString work = kcstest::kernelCacheDir() + QStringLiteral("/stress");
        QDir().mkpath(work);
        ProcessShellRunner shell(work.toStdString());
        ProbeCache cache(shell,
                         (kcstest::kernelCacheDir() + QStringLiteral("/xdg/kconfig-studio/probes"))
                             .toStdString(),
                         work.toStdString());
        LoadOptions options;
        options.environment = env;
        options.shell = &cache;
        DiagnosticSink sink;
        LoadResult loaded = loadTree(options, sink);
        QVERIFY(loaded);
        const Tree &tree = *loaded.tree;

        Config config(tree);
        ConfigReader reader(config, env, sink);
        QVERIFY(reader.read(std::string("arch/x86/configs/x86_64_defconfig")));
        QVERIFY(config.differencesFromFullRecompute().empty());

        const auto readers = readersIndex(tree);
        std::vector<const Symbol *> syms;
        for (const Symbol *s : tree.symbols().all())
            if (!s->isConst() && !s->isChoice() && s->type != SymbolType::Unknown &&
                !s->menus.empty())
                syms.push_back(s);
        std::mt19937 rng(61212);

        qint64 updateNs = 0, partialNs = 0, fullNs = 0;
        long checkedSymbols = 0;
        int effective = 0, fullChecks = 0;
        QElapsedTimer total;
        total.start();
        std::vector<char> marked(tree.symbols().size());
        for (int step = 1; step <= kChanges; ++step) {
            const Change c = randomChange(tree, config, syms, rng);
            QElapsedTimer t;
            t.start();
            c.apply(config);
            updateNs += t.nsecsElapsed();
            if (!config.lastChanges().empty()) ++effective;

            // The partial check.
            t.restart();
            std::fill(marked.begin(), marked.end(), 0);
            const auto mark = [&](const Symbol *s) { marked[s->id] = 1; };
            std::vector<const Symbol *> changed{c.sym};
            if (c.choice)
                changed.insert(changed.end(), c.choice->choiceMembers.begin(),
                               c.choice->choiceMembers.end());
            for (const SymbolChange &sc : config.lastChanges())
                changed.push_back(sc.symbol);
            for (const Symbol *s : changed) {
                mark(s);
                for (const Symbol *r : readers[s->id])
                    mark(r);
            }
            for (int i = 0; i < kRandomChecks; ++i)
                mark(syms[rng() % syms.size()]);
            Config fresh(config);
            fresh.clearAllValid();
            for (const Symbol *s : tree.symbols().all()) {
                if (!marked[s->id] || (s->isConst() && s->type != SymbolType::Unknown)) continue;
                ++checkedSymbols;
                if (config.snapshot(s) != fresh.snapshot(s))
                    QFAIL(qPrintable(QStringLiteral("change %1 (%2): %3 differs from a "
                                                    "recomputation")
                                         .arg(step)
                                         .arg(QString::fromStdString(c.describe()),
                                              QString::fromStdString(s->displayName()))));
            }
            partialNs += t.nsecsElapsed();

            // The full check.
            if (step % kFullCheckEvery == 0 || step == kChanges) {
                t.restart();
                const auto diffs = config.differencesFromFullRecompute();
                fullNs += t.nsecsElapsed();
                ++fullChecks;
                QVERIFY2(diffs.empty(),
                         qPrintable(QStringLiteral("after change %1 (%2): %3 differ from a full "
                                                   "recomputation")
                                        .arg(step)
                                        .arg(QString::fromStdString(c.describe()), names(diffs))));
            }
        }
        qInfo("%d changes (%d changed something) in %lld s: updates %lld ms, partial checks "
              "%lld ms (%.1f symbols per change), %d full checks %lld ms",
              kChanges, effective, total.elapsed() / 1000, updateNs / 1000000, partialNs / 1000000,
              double(checkedSymbols) / kChanges, fullChecks, fullNs / 1000000);
        QVERIFY(effective >= kChanges / 5);
    }
};

QTEST_GUILESS_MAIN(TestStressIncremental)
#include "tst_stress_incremental.moc"
