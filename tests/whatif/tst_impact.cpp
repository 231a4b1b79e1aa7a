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
