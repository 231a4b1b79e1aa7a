// SPDX-License-Identifier: MIT
// What-if analysis on small trees whose outcome is worked out by hand in the
// comments: the seed's VFIO/IOMMUFD question in miniature, new unmet
// dependencies, symbols that appear or disappear, and the definition
// differences between two trees.
#include <kconfig/configwriter.h>
#include <kconfig/diagnostic.h>
#include <kconfig/explanationtext.h>
#include <kconfig/impact.h>
#include <kconfig/patch.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/treeloader.h>

#include "golden.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kconfig;

namespace {

// The shape of drivers/vfio/Kconfig and drivers/iommu/iommufd/Kconfig in 6.12.
const char kTree[] = "config MODULES\n\tbool \"modules\"\n\tdefault y\n\tmodules\n"
                     "config IOMMUFD\n\ttristate \"IOMMU userspace API\"\n"
                     "menuconfig VFIO\n"
                     "\ttristate \"VFIO\"\n"
                     "\tdepends on IOMMUFD || !IOMMUFD\n"
                     "\tselect VFIO_CONTAINER if IOMMUFD=n\n"
                     "if VFIO\n"
                     "config VFIO_CONTAINER\n\tbool \"container\"\n\tdefault y\n"
                     "config VFIO_DEVICE_CDEV\n\tbool \"cdev\"\n\tdepends on IOMMUFD\n"
                     "\tdefault !VFIO_CONTAINER\n"
                     "endif\n";

const char kSelectIommufd[] = "--- a/Kconfig\n+++ b/Kconfig\n"
                              "@@ -8,4 +8,4 @@\n"
                              " \ttristate \"VFIO\"\n"
                              "-\tdepends on IOMMUFD || !IOMMUFD\n"
                              "+\tselect IOMMUFD\n"
                              " \tselect VFIO_CONTAINER if IOMMUFD=n\n"
                              " if VFIO\n";

} // namespace

class ImpactTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    Environment m_env;
    std::unique_ptr<Tree> m_before, m_after;

    void write(const QString &rel, const QByteArray &text)
    {
        QFile f(m_dir->path() + '/' + rel);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }
    std::unique_ptr<Tree> load(const SourceFiles &sources,
                               std::vector<Diagnostic> *messages = nullptr)
    {
        LoadOptions o;
        o.environment = m_env;
        o.sources = &sources;
        DiagnosticSink sink;
        LoadResult r = loadTree(o, sink);
        if (messages) *messages = sink.all();
        return std::move(r.tree);
    }
    // Loads the tree on disk and the tree with `patch` applied.
    bool loadBoth(const std::string &patch)
    {
        SourceFiles disk;
        m_before = load(disk);
        SourceFiles edited;
        const PatchResult r = applyPatch(parsePatch(patch), edited, m_env);
        if (!r.ok() || r.patched.size() != 1) return false;
        m_after = load(edited);
        return m_before && m_after;
    }
    Baseline baseline(const std::string &name, const std::string &current = {})
    {
        Baseline b;
        Baseline::parse(name, current, {}, b);
        return b;
    }
    static const ImpactChange *find(const BaselineImpact &b, const std::string &sym)
    {
        for (const ImpactChange &c : b.changes)
            if (c.symbol == sym) return &c;
        return nullptr;
    }
    static QStringList names(const BaselineImpact &b)
    {
        QStringList out;
        for (const ImpactChange &c : b.changes)
            out << QString::fromStdString(c.symbol);
        out.sort();
        return out;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(kcstest::scratchRoot() + "/kcs-impact-XXXXXX");
        QVERIFY(m_dir->isValid());
        write("Kconfig", kTree);
        m_env = Environment();
        m_env.set("srctree", m_dir->path().toStdString());
    }

    void editsAreListed()
    {
        QVERIFY(loadBoth(kSelectIommufd));
        const auto edits = definitionEdits(*m_before, *m_after);
        QCOMPARE(edits.size(), std::size_t(2));
        // Sorted by symbol, then removed before added is not promised: look both up.
        int added = 0, removed = 0;
        for (const DefinitionEdit &e : edits) {
            QCOMPARE(e.symbol, std::string("VFIO"));
            if (e.kind == DefinitionEdit::Kind::Added) {
                ++added;
                QCOMPARE(e.what, std::string("select"));
                QCOMPARE(e.after, std::string("select IOMMUFD"));
                QCOMPARE(e.location.line, 9);
            } else if (e.kind == DefinitionEdit::Kind::Removed) {
                ++removed;
                QCOMPARE(e.before, std::string("depends on IOMMUFD || !IOMMUFD"));
            }
        }
        QCOMPARE(added, 1);
        QCOMPARE(removed, 1);
        // A tree compared with itself has no edits.
        QVERIFY(definitionEdits(*m_before, *m_before).empty());
    }

    // Every kind of line a definition has, changed on its own, is an edit
    // (the comparison skips symbols whose definitions have the same
    // structure: none of these may slip through it).
    void everyKindOfLineIsAnEdit_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QStringList>("edits"); // "kind SYMBOL what: before | after"
        const QByteArray c = "config C\n\tbool \"c\"\n";
        QTest::newRow("prompt text") << c + "config A\n\tbool \"a\"\n"
                                     << c + "config A\n\tbool \"A\"\n"
                                     << QStringList{"changed A prompt: \"a\" | \"A\""};
        QTest::newRow("prompt condition")
            << c + "config A\n\tbool \"a\" if C\n"
            << c + "config A\n\tbool \"a\" if !C\n"
            << QStringList{"changed A prompt: \"a\" if C | \"a\" if !C"};
        QTest::newRow("type") << c + "config A\n\tbool \"a\"\n"
                              << c + "config A\n\ttristate \"a\"\n"
                              << QStringList{"changed A type: bool | tristate"};
        QTest::newRow("default order")
            << c + "config A\n\tbool\n\tdefault y if C\n\tdefault n\n"
            << c + "config A\n\tbool\n\tdefault n\n\tdefault y if C\n"
            << QStringList{"changed A default #1: default y if C | default n",
                           "changed A default #2: default n | default y if C"};
        QTest::newRow("default value")
            << c + "config A\n\tint\n\tdefault 1\n"
            << c + "config A\n\tint\n\tdefault 2\n"
            << QStringList{"changed A default #1: default 1 | default 2"};
        QTest::newRow("select condition")
            << c + "config B\n\tbool\nconfig A\n\tbool \"a\"\n\tselect B if C\n"
            << c + "config B\n\tbool\nconfig A\n\tbool \"a\"\n\tselect B if !C\n"
            << QStringList{"added A select:  | select B if !C",
                           "removed A select: select B if C | "};
        QTest::newRow("select becomes imply")
            << c + "config B\n\tbool\nconfig A\n\tbool \"a\"\n\tselect B\n"
            << c + "config B\n\tbool\nconfig A\n\tbool \"a\"\n\timply B\n"
            << QStringList{"added A imply:  | imply B", "removed A select: select B | "};
        QTest::newRow("range") << c + "config A\n\tint \"a\"\n\trange 1 10\n"
                               << c + "config A\n\tint \"a\"\n\trange 1 20\n"
                               << QStringList{"added A range:  | range 1 20",
                                              "removed A range: range 1 10 | "};
        QTest::newRow("range condition")
            << c + "config A\n\tint \"a\"\n\trange 1 10 if C\n"
            << c + "config A\n\tint \"a\"\n\trange 1 10\n"
            << QStringList{"added A range:  | range 1 10", "removed A range: range 1 10 if C | "};
        QTest::newRow("depends on") << c + "config A\n\tbool \"a\"\n\tdepends on C\n"
                                    << c + "config A\n\tbool \"a\"\n\tdepends on !C\n"
                                    << QStringList{"added A depends on:  | depends on !C",
                                                   "removed A depends on: depends on C | "};
        QTest::newRow("second definition")
            << c + "config A\n\tbool \"a\"\nconfig A\n\tdefault y\n"
            << c + "config A\n\tbool \"a\"\nconfig A\n\tdefault y\n\tdepends on C\n"
            << QStringList{"added A depends on:  | depends on C"};
        QTest::newRow("if block") << c + "if C\nconfig A\n\tbool \"a\"\nendif\n"
                                  << c + "if !C\nconfig A\n\tbool \"a\"\nendif\n"
                                  << QStringList{"added A if:  | if !C", "removed A if: if C | "};
        QTest::newRow("menu depends on")
            << c + "menu \"m\"\n\tdepends on C\nconfig A\n\tbool \"a\"\nendmenu\n"
            << c + "menu \"m\"\n\tdepends on !C\nconfig A\n\tbool \"a\"\nendmenu\n"
            << QStringList{"added A menu depends on:  | menu depends on !C",
                           "removed A menu depends on: menu depends on C | "};
        QTest::newRow("visible if")
            << c + "menu \"m\"\n\tvisible if C\nconfig A\n\tbool \"a\"\nendmenu\n"
            << c + "menu \"m\"\n\tvisible if !C\nconfig A\n\tbool \"a\"\nendmenu\n"
            << QStringList{"added A visible if:  | visible if !C",
                           "removed A visible if: visible if C | "};
        QTest::newRow("block moved out") << c + "if C\nconfig A\n\tbool \"a\"\nendif\n"
                                         << c + "config A\n\tbool \"a\"\n"
                                         << QStringList{"removed A if: if C | "};
        QTest::newRow("choice prompt")
            << c + "choice\n\tprompt \"pick\"\nconfig A\n\tbool \"a\"\nendchoice\n"
            << c + "choice\n\tprompt \"Pick\"\nconfig A\n\tbool \"a\"\nendchoice\n"
            << QStringList{"added A choice:  | member of the choice \"Pick\"",
                           "removed A choice: member of the choice \"pick\" | "};
        QTest::newRow("comparison operand")
            << c + "config A\n\tint \"a\"\nconfig B\n\tbool \"b\"\n\tdepends on A > 1\n"
            << c + "config A\n\tint \"a\"\nconfig B\n\tbool \"b\"\n\tdepends on A > 2\n"
            << QStringList{"added B depends on:  | depends on A>2",
                           "removed B depends on: depends on A>1 | "};
        QTest::newRow("symbol added") << c << c + "config A\n\tbool \"a\"\n"
                                      << QStringList{"added A config A:  | config A"};
        const QByteArray every = "menu \"m\"\n\tdepends on C\n\tvisible if C\nif C\nchoice\n"
                                 "\tprompt \"pick\"\nconfig A\n\tbool \"a\" if C\n"
                                 "\tdepends on C\nendchoice\nendif\nendmenu\n"
                                 "config B\n\ttristate \"b\" if C\n\tdepends on C || !C\n"
                                 "\tdefault m if C\n\tselect D if C\n\timply E\n"
                                 "config D\n\ttristate\nconfig E\n\ttristate \"e\"\n"
                                 "config I\n\tint \"i\"\n\trange 1 I2 if C\n\tdefault 1\n"
                                 "config I2\n\tint\n\tdefault 5\n";
        QTest::newRow("unchanged") << "config C\n\tbool \"c\"\n" + every
                                   << "config C\n\tbool \"c\"\n" + every << QStringList{};
    }
    void everyKindOfLineIsAnEdit()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(QStringList, edits);
        write("Kconfig", before);
        SourceFiles disk;
        m_before = load(disk);
        SourceFiles edited;
        edited.setOverlay("Kconfig", after.toStdString());
        m_after = load(edited);
        QVERIFY(m_before && m_after);
        QStringList found;
        for (const DefinitionEdit &e : definitionEdits(*m_before, *m_after)) {
            const char *kind = e.kind == DefinitionEdit::Kind::Added     ? "added"
                               : e.kind == DefinitionEdit::Kind::Removed ? "removed"
                                                                         : "changed";
            found << QString::fromStdString(std::string(kind) + ' ' + e.symbol + ' ' + e.what +
                                            ": " + e.before + " | " + e.after);
        }
        found.sort();
        QCOMPARE(found, edits);
    }

    // allnoconfig and alldefconfig leave VFIO off: a select from an off
    // symbol changes nothing.
    void offBaselinesDoNotMove()
    {
        QVERIFY(loadBoth(kSelectIommufd));
        const ImpactReport r = analyzeImpact(
            *m_before, *m_after, {baseline("allnoconfig"), baseline("alldefconfig")}, m_env);
        QCOMPARE(r.baselines.size(), std::size_t(2));
        for (const BaselineImpact &b : r.baselines) {
            QVERIFY2(b.changes.empty(), qPrintable(names(b).join(' ')));
            QCOMPARE(b.values + b.visibility + b.writability, 0);
        }
    }

    // allyesconfig: IOMMUFD=y before and after, but now VFIO=y selects it, so
    // the user can no longer lower it. Nothing else moves.
    void allyesconfigLocksIommufd()
    {
        QVERIFY(loadBoth(kSelectIommufd));
        const BaselineImpact b =
            analyzeImpact(*m_before, *m_after, {baseline("allyesconfig")}, m_env).baselines[0];
        QCOMPARE(names(b), QStringList{"IOMMUFD"});
        const ImpactChange *c = find(b, "IOMMUFD");
        QCOMPARE(c->before.value, std::string("y"));
        QCOMPARE(c->after.value, std::string("y"));
        QVERIFY(c->before.changeable);
        QVERIFY(!c->after.changeable);
        QCOMPARE(c->after.revDep, Tristate::Yes);
        QCOMPARE(b.values, 0);
        QCOMPARE(b.writability, 1);
        // The cause is the added line, with where it is.
        QVERIFY(!c->reasons.empty());
        QCOMPARE(c->reasons[0].kind, Fact::Kind::Edit);
        QCOMPARE(c->reasons[0].location.line, 9);
        QCOMPARE(stateChangeText(c->before, c->after),
                 std::string("stays y, now locked, now selected (at least y)"));
    }

    // allmodconfig: IOMMUFD=m. Before, VFIO depended on "m || !m" = m, so it
    // could only be m; now nothing limits it, and its select puts a floor of m
    // under IOMMUFD. No value moves.
    void allmodconfigWidensVfio()
    {
        QVERIFY(loadBoth(kSelectIommufd));
        const BaselineImpact b =
            analyzeImpact(*m_before, *m_after, {baseline("allmodconfig")}, m_env).baselines[0];
        QCOMPARE(names(b), (QStringList{"IOMMUFD", "VFIO"}));
        const ImpactChange *vfio = find(b, "VFIO");
        QCOMPARE(vfio->before.value, std::string("m"));
        QCOMPARE(vfio->after.value, std::string("m"));
        QCOMPARE(vfio->before.visible, Tristate::Mod);
        QCOMPARE(vfio->after.visible, Tristate::Yes);
        const ImpactChange *iommufd = find(b, "IOMMUFD");
        QCOMPARE(iommufd->before.revDep, Tristate::No);
        QCOMPARE(iommufd->after.revDep, Tristate::Mod);
        QCOMPARE(b.values, 0);
        QCOMPARE(b.visibility, 1);
        QCOMPARE(b.writability, 1);
    }

    // An edit of A's dependencies changes the condition of A's own `select
    // B`: within the edited tree B's select looks the same before and after,
    // so the report compares the select across the trees and says it stopped.
    void selectConditionChangedByEdit()
    {
        write("Kconfig", "config C\n\tbool \"c\"\n"
                         "config A\n\tbool \"a\"\n\tdefault y\n\tdepends on C || !C\n"
                         "\tselect B\n"
                         "config B\n\tbool\n");
        SourceFiles disk;
        m_before = load(disk);
        SourceFiles edited;
        edited.setOverlay("Kconfig", "config C\n\tbool \"c\"\n"
                                     "config A\n\tbool \"a\"\n\tdefault y\n\tdepends on C\n"
                                     "\tselect B\n"
                                     "config B\n\tbool\n");
        m_after = load(edited);
        QVERIFY(m_before && m_after);
        const BaselineImpact b =
            analyzeImpact(*m_before, *m_after, {baseline("alldefconfig")}, m_env).baselines[0];
        QCOMPARE(names(b), (QStringList{"A", "B"}));
        const ImpactChange *c = find(b, "B");
        QCOMPARE(c->before.value, std::string("y"));
        QCOMPARE(c->after.value, std::string("n"));
        QCOMPARE(c->causes, std::vector<std::string>{"A"});
        const Fact *selected = nullptr;
        for (const Fact &f : c->reasons)
            if (f.kind == Fact::Kind::Selected) selected = &f;
        QVERIFY(selected);
        QCOMPARE(selected->before, Tristate::Yes);
        QCOMPARE(selected->after, Tristate::No);
        QCOMPARE(selected->children.size(), std::size_t(1));
        QCOMPARE(selected->children[0].symbol->name, std::string("A"));
        QCOMPARE(selected->children[0].before, Tristate::Yes);
        QCOMPARE(selected->children[0].after, Tristate::No);
        QCOMPARE(selected->children[0].location.line, 7);
        const std::string text = renderImpactReport(
            analyzeImpact(*m_before, *m_after, {baseline("alldefconfig")}, m_env));
        QVERIFY2(text.find("'select B' in A (Kconfig:7) stopped applying.") != std::string::npos,
                 text.c_str());
    }

    // Baselines analysed on several threads give what one thread gives, in
    // the order asked; a progress callback that says stop skips the rest.
    void baselinesOnSeveralThreads()
    {
        write("current.config", "CONFIG_MODULES=y\nCONFIG_VFIO=y\n# CONFIG_IOMMUFD is not set\n");
        QVERIFY(loadBoth(kSelectIommufd));
        const std::string current = (m_dir->path() + "/current.config").toStdString();
        std::vector<Baseline> all;
        for (int round = 0; round < 3; ++round)
            for (const char *name :
                 {"current", "alldefconfig", "allnoconfig", "allmodconfig", "allyesconfig"})
                all.push_back(baseline(name, current));
        const ImpactAnalysis analysis(*m_before, *m_after);
        const auto summary = [this](const BaselineImpact &b) {
            QString s = QString::fromStdString(b.baseline.name) + QLatin1Char(':');
            for (const ImpactChange &c : b.changes)
                s += QLatin1Char(' ') + QString::fromStdString(c.symbol + '=' + c.after.value);
            for (const std::string &w : b.newWarnings)
                s += QStringLiteral(" warn:") + QString::fromStdString(w);
            s += QLatin1Char('\n') +
                 QString::fromStdString(ConfigWriter(*b.configAfter, m_env).dotConfigText());
            return s;
        };
        QStringList one, four;
        for (const BaselineImpact &b : analysis.analyze(all, m_env, 1))
            one << summary(b);
        std::size_t calls = 0;
        for (const BaselineImpact &b : analysis.analyze(all, m_env, 4, [&](std::size_t done) {
                 ++calls;
                 return done <= all.size();
             }))
            four << summary(b);
        QCOMPARE(one.size(), qsizetype(all.size()));
        QCOMPARE(four, one);
        QCOMPARE(calls, all.size());
        // Stop after the second baseline: no more than the threads already
        // running finish, and what is there is in order.
        const std::vector<BaselineImpact> some =
            analysis.analyze(all, m_env, 2, [](std::size_t done) { return done < 2; });
        QVERIFY(some.size() >= 2 && some.size() <= 3);
        for (std::size_t i = 0; i < some.size(); ++i)
            QCOMPARE(some[i].baseline.name, all[i].name);
    }

    // The seed's question with a .config of VFIO=y and IOMMUFD off: the new
    // select turns IOMMUFD on; with IOMMUFD=y, VFIO_CONTAINER is no longer
    // selected (it keeps its default y) and VFIO_DEVICE_CDEV becomes visible
    // (its default !VFIO_CONTAINER stays n).
    void currentConfigShiftsToIommufd()
    {
        write("current.config", "CONFIG_MODULES=y\nCONFIG_VFIO=y\n# CONFIG_IOMMUFD is not set\n");
        QVERIFY(loadBoth(kSelectIommufd));
        const std::string current = (m_dir->path() + "/current.config").toStdString();
        const ImpactReport r =
            analyzeImpact(*m_before, *m_after, {baseline("current", current)}, m_env);
        const BaselineImpact &b = r.baselines[0];
        QCOMPARE(names(b), (QStringList{"IOMMUFD", "VFIO_CONTAINER", "VFIO_DEVICE_CDEV"}));
        const ImpactChange *iommufd = find(b, "IOMMUFD");
        QCOMPARE(iommufd->before.value, std::string("n"));
        QCOMPARE(iommufd->after.value, std::string("y"));
        QVERIFY(!iommufd->after.changeable);
        const ImpactChange *container = find(b, "VFIO_CONTAINER");
        QCOMPARE(container->before.value, std::string("y"));
        QCOMPARE(container->after.value, std::string("y"));
        QVERIFY(!container->before.changeable);
        QVERIFY(container->after.changeable);
        QCOMPARE(container->causes, std::vector<std::string>{"IOMMUFD"});
        const ImpactChange *cdev = find(b, "VFIO_DEVICE_CDEV");
        QCOMPARE(cdev->before.visible, Tristate::No);
        QCOMPARE(cdev->after.visible, Tristate::Yes);
        QCOMPARE(cdev->after.value, std::string("n"));
        QCOMPARE(cdev->causes, std::vector<std::string>{"IOMMUFD"});
        QCOMPARE(b.values, 1);
        // The edited symbol's chain comes first.
        QCOMPARE(b.changes[0].symbol, std::string("IOMMUFD"));

        // The configurations behind the report are the ones a fresh run gives.
        QVERIFY(ConfigWriter(*b.configAfter, m_env).dotConfigText().find("CONFIG_IOMMUFD=y\n") !=
                std::string::npos);
        QVERIFY(ConfigWriter(*b.configBefore, m_env)
                    .dotConfigText()
                    .find("# CONFIG_IOMMUFD is not set\n") != std::string::npos);

        // The text report names the edit with its line and the cause chain.
        const std::string text = renderImpactReport(r, ExplanationFormat::Text, 200, true);
        QVERIFY2(text.find("IOMMUFD: n -> y, now locked") != std::string::npos, text.c_str());
        QVERIFY2(text.find("'select IOMMUFD' in VFIO was added (Kconfig:9)") != std::string::npos,
                 text.c_str());
        QVERIFY2(text.find("Caused by the change to IOMMUFD.") != std::string::npos, text.c_str());
        const std::string json = renderImpactReport(r, ExplanationFormat::Json, 80, true);
        QVERIFY(json.find("\"writability\":") != std::string::npos);
    }

    // A select of a symbol whose dependencies are off is the classic unmet
    // dependency; the report must name it as new.
    void newUnmetDependency()
    {
        write("Kconfig", "config A\n\tbool \"a\"\n\tdefault y\n"
                         "config B\n\tbool \"b\"\n\tdepends on C\n"
                         "config C\n\tbool \"c\"\n");
        QVERIFY(loadBoth("--- a/Kconfig\n+++ b/Kconfig\n@@ -3,2 +3,3 @@\n \tdefault y\n+\tselect "
                         "B\n config B\n"));
        const BaselineImpact b =
            analyzeImpact(*m_before, *m_after, {baseline("alldefconfig")}, m_env).baselines[0];
        QCOMPARE(b.newWarnings, std::vector<std::string>{"B"});
        const ImpactChange *c = find(b, "B");
        QVERIFY(c);
        QCOMPARE(c->after.value, std::string("y"));
        // Removing the select again removes the warning.
        std::swap(m_before, m_after);
        const BaselineImpact back =
            analyzeImpact(*m_before, *m_after, {baseline("alldefconfig")}, m_env).baselines[0];
        QCOMPARE(back.goneWarnings, std::vector<std::string>{"B"});
        QVERIFY(back.newWarnings.empty());
    }

    void symbolsAppearAndDisappear()
    {
        write("Kconfig", "config OLD\n\tbool \"old\"\n\tdefault y\n");
        QVERIFY(loadBoth("--- a/Kconfig\n+++ b/Kconfig\n@@ -1,3 +1,3 @@\n-config OLD\n+config NEW\n"
                         " \tbool \"old\"\n \tdefault y\n"));
        const BaselineImpact b =
            analyzeImpact(*m_before, *m_after, {baseline("alldefconfig")}, m_env).baselines[0];
        QCOMPARE(names(b), (QStringList{"NEW", "OLD"}));
        QVERIFY(!find(b, "NEW")->existedBefore);
        QVERIFY(!find(b, "OLD")->existsAfter);
        QCOMPARE(find(b, "OLD")->before.value, std::string("y"));
    }

    // A recursive dependency makes the edited tree fail to load, with conf's
    // message (checked against conf on this tree); there is nothing to
    // compare then.
    void recursiveDependencyStopsTheEditedTree()
    {
        SourceFiles edited;
        const PatchResult r =
            applyPatch(parsePatch("--- a/Kconfig\n+++ b/Kconfig\n@@ -8,2 +8,3 @@\n"
                                  " \ttristate \"VFIO\"\n+\tselect IOMMUFD\n"
                                  " \tdepends on IOMMUFD || !IOMMUFD\n"),
                       edited, m_env);
        QVERIFY(r.ok());
        std::vector<Diagnostic> messages;
        QVERIFY(!load(edited, &messages));
        std::string all;
        for (const Diagnostic &d : messages)
            all += d.text;
        QVERIFY2(all.find("error: recursive dependency detected!\n"
                          "\tsymbol IOMMUFD is selected by VFIO\n"
                          "\tsymbol VFIO depends on IOMMUFD\n") != std::string::npos,
                 all.c_str());
    }
};

QTEST_GUILESS_MAIN(ImpactTest)
#include "tst_impact.moc"
