// SPDX-License-Identifier: MIT
// The VFIO / IOMMUFD scenario from the mailing-list discussion, explained
// step by step: start from x86_64 defconfig + VFIO=y, set IOMMUFD n -> m,
// m -> y, then VFIO_GROUP=n and VFIO_CONTAINER=n (in both orders).
//
// For every step:
//  (a) the whole configuration after the step equals a reference made from
//      scratch (the starting .config with all assignments so far written
//      into it, run through --olddefconfig): the kernel's own conf for the
//      real tree, our ConfigReader for the demo tree. The symbols whose value
//      changed between two references are exactly the report's value
//      changes.
//  (b) the causes the report names for VFIO, VFIO_GROUP, VFIO_CONTAINER,
//      VFIO_DEVICE_CDEV, VFIO_IOMMU_TYPE1, IOMMUFD_DRIVER and
//      IOMMUFD_VFIO_CONTAINER, and the lines they point at.
//
//   demoTree    resources/demo (same structure as Linux 6.12 for these symbols)
//   kernelTree  the real Linux 6.12 x86_64 tree and the kernel's conf
#include "explaintest.h"
#include "kerneltree.h"

#include <kconfig/explainer.h>
#include <kconfig/explanationtext.h>
#include <kconfig/exprprinter.h>

#include <QElapsedTimer>
#include <QTest>

#include <set>

using namespace kconfig;
using namespace kcsexplain;

namespace {

using Kind = Fact::Kind;

// Where the lines the explanations point at are, per tree.
struct Lines
{
    QString vfioDepends;      // VFIO: depends on IOMMUFD || !IOMMUFD
    QString selectGroup;      // VFIO: select VFIO_GROUP if SPAPR_TCE_IOMMU || IOMMUFD=n
    QString selectCdev;       // VFIO: select VFIO_DEVICE_CDEV if !VFIO_GROUP
    QString selectContainer;  // VFIO: select VFIO_CONTAINER if IOMMUFD=n
    QString containerDepends; // VFIO_CONTAINER: depends on VFIO_GROUP
};

const Lines kKernelLines{"drivers/vfio/Kconfig:5", "drivers/vfio/Kconfig:7",
                         "drivers/vfio/Kconfig:8", "drivers/vfio/Kconfig:9",
                         "drivers/vfio/Kconfig:43"};
const Lines kDemoLines{"drivers/vfio/Kconfig:22", "drivers/vfio/Kconfig:24",
                       "drivers/vfio/Kconfig:25", "drivers/vfio/Kconfig:26",
                       "drivers/vfio/Kconfig:65"};

const QList<QStringList> kOrders = {
    {"IOMMUFD=m", "IOMMUFD=y", "VFIO_GROUP=n", "VFIO_CONTAINER=n"},
    {"IOMMUFD=m", "IOMMUFD=y", "VFIO_CONTAINER=n", "VFIO_GROUP=n"},
};

QStringList names(const std::vector<const Symbol *> &symbols)
{
    QStringList out;
    for (const Symbol *s : symbols)
        out << QString::fromStdString(s->name);
    return out;
}

const Fact *findFact(const std::vector<Fact> &facts, Kind kind)
{
    for (const Fact &f : facts)
        if (f.kind == kind) return &f;
    return nullptr;
}

QString where(const SourceLocation &l)
{
    return QString::fromStdString(l.toString());
}

// How a reference (conf's .config) sees a symbol: "n" when a bool or
// tristate is not written, nothing for other types.
QString referenceValue(const QMap<QString, QString> &values, const Symbol *s)
{
    const auto it = values.constFind(QString::fromStdString(s->name));
    if (it != values.cend()) return *it;
    return s->isBoolOrTristate() ? QStringLiteral("n") : QString();
}

} // namespace

class TestScenario : public QObject
{
    Q_OBJECT

    // The tree the scenario runs on, and how references are made for it.
    struct Setup
    {
        LoadedTree *tree = nullptr;
        Config *config = nullptr; // the session's configuration while an order runs
        QByteArray base;          // x86_64 defconfig + VFIO=y as a .config
        Lines lines;
        // The .configs --olddefconfig writes for the given inputs.
        std::function<QList<QByteArray>(const QList<QByteArray> &, QString *)> reference;
    };

    const Symbol *sym(const Setup &s, const char *name)
    {
        const Symbol *x = s.tree->sym(name);
        if (!x) qFatal("no symbol %s", name);
        return x;
    }

    void runOrder(Setup &s, const QStringList &steps)
    {
        // The references: the base .config with every assignment so far.
        QList<QByteArray> inputs{s.base};
        for (const QString &step : steps)
            inputs << withAssignment(inputs.last(), step.section(QLatin1Char('='), 0, 0),
                                     step.section(QLatin1Char('='), 1));
        QString error;
        const QList<QByteArray> refs = s.reference(inputs, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(refs.size(), inputs.size());

        auto config = readConfigText(*s.tree, s.base);
        QVERIFY(config);
        QString diff = compareWithConf(*s.tree->tree, *config, refs[0]);
        QVERIFY2(diff.isEmpty(), qPrintable("before the first step:\n" + diff));
        Explainer explainer(*s.tree->tree, *config);
        s.config = config.get();

        for (int k = 0; k < steps.size(); ++k) {
            const QString &step = steps[k];
            const Symbol *subject = sym(s, qPrintable(step.section(QLatin1Char('='), 0, 0)));
            const AppliedChange change =
                applyAssignment(*config, subject, step.section(QLatin1Char('='), 1).toStdString());
            QVERIFY2(change.ok, change.error.c_str());
            const ChangeReport report =
                explainer.explainChanges(change.description, change.subject, change.changes,
                                         change.userBefore, change.priorityBefore);
            const QString context = steps.mid(0, k + 1).join(QStringLiteral(", "));

            // (a) the whole configuration is the reference's.
            diff = compareWithConf(*s.tree->tree, *config, refs[k + 1]);
            QVERIFY2(diff.isEmpty(), qPrintable(context + ":\n" + diff));
            // ... and the values that changed are the report's value changes.
            const QMap<QString, QString> before = dotConfigValues(refs[k]);
            const QMap<QString, QString> after = dotConfigValues(refs[k + 1]);
            std::set<std::string> referenceChanged, reported;
            for (const Symbol *x : s.tree->tree->symbols().all()) {
                if (!isCheckedSymbol(x)) continue;
                const QString b = referenceValue(before, x), a = referenceValue(after, x);
                if (!b.isNull() && !a.isNull() && a != b) referenceChanged.insert(x->name);
            }
            for (const auto &n : report.nodes) {
                // A string, int or hex value is only visible in .config when written.
                const bool comparable =
                    n.symbol->isBoolOrTristate() || (n.before.written && n.after.written);
                if (n.before.value != n.after.value && comparable) reported.insert(n.symbol->name);
            }
            QCOMPARE(reported, referenceChanged);
            // The derivation still agrees with Config, and the report's
            // "before" reproduces the states before the step.
            QString report2 = derivationMismatches(*s.tree->tree, *config);
            report2 += earlierMismatches(*s.tree->tree, *config, change, {});
            QVERIFY2(report2.isEmpty(), qPrintable(context + ":\n" + report2));

            // The text for the mailing list: 72 columns.
            const std::string text = renderChangeReport(report, *config);
            for (const QString &line : QString::fromStdString(text).split(QLatin1Char('\n')))
                QVERIFY2(line.size() <= 72, qPrintable(line));

            // (b) the causes.
            checkCauses(s, step, k, steps, report, text);
            if (QTest::currentTestFailed()) {
                qWarning("%s:\n%s", qPrintable(context), text.c_str());
                return;
            }
        }
    }

    void checkCauses(Setup &s, const QString &step, int k, const QStringList &steps,
                     const ChangeReport &r, const std::string &text)
    {
        const auto node = [&](const char *name) { return r.node(sym(s, name)); };
        const auto causes = [&](const char *name) {
            const auto *n = node(name);
            return n ? names(n->causes) : QStringList{QStringLiteral("<unchanged>")};
        };
        const QString previous = k ? steps[k - 1] : QString();
        if (step == QLatin1String("IOMMUFD=m")) {
            // VFIO y -> m: 'depends on IOMMUFD || !IOMMUFD' is m, capping the user's y.
            const auto *vfio = node("VFIO");
            QVERIFY(vfio);
            QCOMPARE(vfio->before.value, std::string("y"));
            QCOMPARE(vfio->after.value, std::string("m"));
            QCOMPARE(causes("VFIO"), QStringList{QStringLiteral("IOMMUFD")});
            const Fact *vis = findFact(vfio->reasons, Kind::Visibility);
            QVERIFY(vis);
            QCOMPARE(vis->detail, 1); // caps the user's y
            QCOMPARE(vis->children.size(), std::size_t(1));
            QCOMPARE(where(vis->children[0].location), s.lines.vfioDepends);
            QCOMPARE(exprToString(vis->children[0].expr), std::string("IOMMUFD || !IOMMUFD"));
            QCOMPARE(vis->children[0].before, Tristate::Yes);
            QCOMPARE(vis->children[0].after, Tristate::Mod);

            // IOMMUFD_DRIVER n -> y: selected at m by INTEL_IOMMU and AMD_IOMMU
            // (each 'if IOMMUFD'); a bool, so m becomes y.
            const auto *drv = node("IOMMUFD_DRIVER");
            QVERIFY(drv);
            QCOMPARE(drv->before.value, std::string("n"));
            QCOMPARE(drv->after.value, std::string("y"));
            QCOMPARE(causes("IOMMUFD_DRIVER"), QStringList{QStringLiteral("IOMMUFD")});
            const Fact *sel = findFact(drv->reasons, Kind::Selected);
            QVERIFY(sel);
            QCOMPARE(sel->after, Tristate::Mod);
            QStringList selectors;
            for (const Fact &t : sel->children) {
                selectors << QString::fromStdString(t.symbol->name);
                QCOMPARE(t.after, Tristate::Mod);
                QCOMPARE(exprToString(t.expr), std::string("IOMMUFD"));
            }
            selectors.sort();
            QCOMPARE(selectors, (QStringList{"AMD_IOMMU", "INTEL_IOMMU"}));
            QVERIFY(findFact(drv->reasons, Kind::BoolPromotion));

            // VFIO_CONTAINER and VFIO_GROUP stay y, but the selects that
            // locked them ('... if IOMMUFD=n') stopped applying.
            for (const auto &[name, line] : {std::pair{"VFIO_CONTAINER", s.lines.selectContainer},
                                             std::pair{"VFIO_GROUP", s.lines.selectGroup}}) {
                const auto *n = node(name);
                QVERIFY2(n, name);
                QCOMPARE(n->before.value, std::string("y"));
                QCOMPARE(n->after.value, std::string("y"));
                QVERIFY(!n->before.changeable);
                QVERIFY(n->after.changeable);
                QCOMPARE(causes(name), QStringList{QStringLiteral("IOMMUFD")});
                const Fact *f = findFact(n->reasons, Kind::Selected);
                QVERIFY(f);
                QCOMPARE(f->children.size(), std::size_t(1));
                QCOMPARE(f->children[0].symbol, sym(s, "VFIO"));
                QCOMPARE(where(f->children[0].location), line);
                QCOMPARE(f->children[0].before, Tristate::Yes);
                QCOMPARE(f->children[0].after, Tristate::No);
                QVERIFY(
                    stateChangeText(n->before, n->after).starts_with("stays y, no longer locked"));
            }

            // VFIO_DEVICE_CDEV shows up ('depends on IOMMUFD'); 'if VFIO' went
            // from y to m, which is not why.
            const auto *cdev = node("VFIO_DEVICE_CDEV");
            QVERIFY(cdev);
            QCOMPARE(cdev->after.value, std::string("n"));
            QCOMPARE(cdev->before.visible, Tristate::No);
            QCOMPARE(cdev->after.visible, Tristate::Yes);
            QCOMPARE(causes("VFIO_DEVICE_CDEV"), QStringList{QStringLiteral("IOMMUFD")});

            // VFIO_IOMMU_TYPE1 follows VFIO (its 'if VFIO' and VFIO_CONTAINER's
            // select, whose condition includes 'if VFIO').
            QCOMPARE(node("VFIO_IOMMU_TYPE1")->after.value, std::string("m"));
            QCOMPARE(causes("VFIO_IOMMU_TYPE1"), QStringList{QStringLiteral("VFIO")});
            // The select's own 'if' is y: the sentence names the line that
            // holds it at m.
            const Fact *type1 = findFact(node("VFIO_IOMMU_TYPE1")->reasons, Kind::Selected);
            QVERIFY(type1);
            QCOMPARE(type1->children.size(), std::size_t(1));
            const std::string selected =
                factSentence(type1->children[0], CurrentValues(*s.config), r.before.get());
            QVERIFY2(selected.starts_with("selected by VFIO_CONTAINER [=y] if MMU [=y]"),
                     selected.c_str());
            QVERIFY2(selected.find("now at m (was y); VFIO_CONTAINER's 'if VFIO' "
                                   "(drivers/vfio/Kconfig:") != std::string::npos &&
                         selected.ends_with(") is m."),
                     selected.c_str());

            for (const char *phrase :
                 {"VFIO: y -> m", "IOMMUFD_DRIVER: n -> y",
                  "VFIO_CONTAINER: stays y, no longer locked", "which caps your y at m.",
                  "'select VFIO_CONTAINER if IOMMUFD=n' in VFIO", "bool, so m becomes y."})
                QVERIFY2(text.find(phrase) != std::string::npos, phrase);
        } else if (step == QLatin1String("IOMMUFD=y")) {
            const auto *vfio = node("VFIO");
            QVERIFY(vfio);
            QCOMPARE(vfio->after.value, std::string("y"));
            QCOMPARE(causes("VFIO"), QStringList{QStringLiteral("IOMMUFD")});
            const Fact *vis = findFact(vfio->reasons, Kind::Visibility);
            QVERIFY(vis);
            QCOMPARE(vis->detail, 2); // the user's y applies again
            QCOMPARE(node("VFIO_IOMMU_TYPE1")->after.value, std::string("y"));
            QCOMPARE(causes("VFIO_IOMMU_TYPE1"), QStringList{QStringLiteral("VFIO")});
            for (const char *name :
                 {"IOMMUFD_DRIVER", "VFIO_CONTAINER", "VFIO_GROUP", "VFIO_DEVICE_CDEV"})
                QCOMPARE(causes(name), QStringList{QStringLiteral("<unchanged>")});
            QVERIFY(text.find("so your y applies again.") != std::string::npos);
        } else if (step == QLatin1String("VFIO_GROUP=n")) {
            // VFIO must keep an interface: 'select VFIO_DEVICE_CDEV if !VFIO_GROUP'.
            const auto *cdev = node("VFIO_DEVICE_CDEV");
            QVERIFY(cdev);
            QCOMPARE(cdev->after.value, std::string("y"));
            QVERIFY(!cdev->after.changeable);
            QCOMPARE(causes("VFIO_DEVICE_CDEV"), QStringList{QStringLiteral("VFIO_GROUP")});
            const Fact *sel = findFact(cdev->reasons, Kind::Selected);
            QVERIFY(sel);
            QCOMPARE(sel->children.size(), std::size_t(1));
            QCOMPARE(sel->children[0].symbol, sym(s, "VFIO"));
            QCOMPARE(where(sel->children[0].location), s.lines.selectCdev);
            // VFIO_CONTAINER 'depends on VFIO_GROUP': hidden, n.
            const auto *container = node("VFIO_CONTAINER");
            QVERIFY(container);
            QCOMPARE(container->after.value, std::string("n"));
            QCOMPARE(container->after.visible, Tristate::No);
            QCOMPARE(causes("VFIO_CONTAINER"), QStringList{QStringLiteral("VFIO_GROUP")});
            const Fact *vis = findFact(container->reasons, Kind::Visibility);
            QVERIFY(vis);
            QCOMPARE(where(vis->children[0].location), s.lines.containerDepends);
            if (previous == QLatin1String("IOMMUFD=y")) {
                QCOMPARE(container->before.value, std::string("y"));
                QCOMPARE(node("VFIO_IOMMU_TYPE1")->after.value, std::string("n"));
                QVERIFY(causes("VFIO_IOMMU_TYPE1").contains(QStringLiteral("VFIO_CONTAINER")));
                QCOMPARE(causes("IOMMUFD_VFIO_CONTAINER"),
                         QStringList{QStringLiteral("<unchanged>")});
            } else {
                // VFIO_CONTAINER was n already: it only disappears, and
                // IOMMUFD_VFIO_CONTAINER ('depends on VFIO_GROUP && !VFIO_CONTAINER')
                // goes back to n with VFIO_GROUP.
                QCOMPARE(container->before.value, std::string("n"));
                QVERIFY(stateChangeText(container->before, container->after)
                            .starts_with("stays n, now hidden"));
                const auto *legacy = node("IOMMUFD_VFIO_CONTAINER");
                QVERIFY(legacy);
                QCOMPARE(legacy->after.value, std::string("n"));
                QCOMPARE(causes("IOMMUFD_VFIO_CONTAINER"),
                         QStringList{QStringLiteral("VFIO_GROUP")});
            }
            QCOMPARE(causes("IOMMUFD_DRIVER"), QStringList{QStringLiteral("<unchanged>")});
            QCOMPARE(causes("VFIO"), QStringList{QStringLiteral("<unchanged>")});
        } else if (step == QLatin1String("VFIO_CONTAINER=n")) {
            if (previous == QLatin1String("VFIO_GROUP=n")) {
                // Hidden and n already: nothing happens.
                QVERIFY(r.nodes.empty());
                QVERIFY(text.find("nothing else changed") != std::string::npos);
            } else {
                QCOMPARE(r.nodes.front().symbol, sym(s, "VFIO_CONTAINER"));
                QCOMPARE(r.nodes.front().after.value, std::string("n"));
                // IOMMUFD provides /dev/vfio/vfio now: 'default VFIO_GROUP && !VFIO_CONTAINER'.
                const auto *legacy = node("IOMMUFD_VFIO_CONTAINER");
                QVERIFY(legacy);
                QCOMPARE(legacy->after.value, std::string("y"));
                QCOMPARE(causes("IOMMUFD_VFIO_CONTAINER"),
                         QStringList{QStringLiteral("VFIO_CONTAINER")});
                QVERIFY(findFact(legacy->reasons, Kind::Default));
                QCOMPARE(node("VFIO_IOMMU_TYPE1")->after.value, std::string("n"));
                QCOMPARE(causes("VFIO_IOMMU_TYPE1"), QStringList{QStringLiteral("VFIO_CONTAINER")});
                QCOMPARE(causes("VFIO_DEVICE_CDEV"), QStringList{QStringLiteral("<unchanged>")});
                QCOMPARE(causes("VFIO_GROUP"), QStringList{QStringLiteral("<unchanged>")});
            }
        } else {
            QFAIL(qPrintable("no expectations for " + step));
        }
    }

private slots:
    void demoTree()
    {
        QString error;
        auto tree = loadSmallTree(demoDir(), &error);
        QVERIFY2(tree, qPrintable(error));
        Setup s;
        s.tree = tree.get();
        s.base = readFile(demoDir() + QStringLiteral("/.config"));
        QVERIFY(s.base.contains("CONFIG_VFIO=y"));
        s.lines = kDemoLines;
        // Our own --olddefconfig (conf's behaviour is tested elsewhere):
        // the incremental session must end where a fresh read ends.
        s.reference = [&](const QList<QByteArray> &inputs, QString *) {
            QList<QByteArray> out;
            for (const QByteArray &in : inputs) {
                auto c = readConfigText(*tree, in);
                out << (c ? dotConfigText(*tree, *c) : QByteArray());
            }
            return out;
        };
        for (const QStringList &order : kOrders) {
            runOrder(s, order);
            if (QTest::currentTestFailed()) return;
        }
    }

    void kernelTree()
    {
        const QString problem = kcstest::kernelTreeProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QElapsedTimer timer;
        timer.start();
        const QString arch = QStringLiteral("x86_64");
        QString error;
        auto tree = loadKernelTree(arch, &error);
        QVERIFY2(tree, qPrintable(error));
        // The base the scenario starts from, made by the kernel's conf.
        const QByteArray defconfig = runKernelConf(
            arch, {QStringLiteral("--defconfig=arch/x86/configs/x86_64_defconfig")}, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(defconfig.contains("# CONFIG_VFIO is not set"));
        Setup s;
        s.tree = tree.get();
        s.base = runKernelConf(
            arch, {QStringLiteral("--olddefconfig")},
            withAssignment(defconfig, QStringLiteral("VFIO"), QStringLiteral("y")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(s.base.contains("CONFIG_VFIO=y\n"));
        QVERIFY(s.base.contains("# CONFIG_IOMMUFD is not set\n"));
        s.lines = kKernelLines;
        s.reference = [&](const QList<QByteArray> &inputs, QString *err) {
            return runKernelConfAll(arch, {QStringLiteral("--olddefconfig")}, inputs, err);
        };
        for (const QStringList &order : kOrders) {
            runOrder(s, order);
            if (QTest::currentTestFailed()) return;
        }
        qInfo("scenario on the real tree in %lld ms", timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
