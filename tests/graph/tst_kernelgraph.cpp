// SPDX-License-Identifier: MIT
// The dependency graph on the real Linux 6.12 tree (x86_64): the cause graph
// of IOMMUFD n -> m on x86_64_defconfig plus VFIO, INTEL_IOMMU and AMD_IOMMU
// (the worked example of the VFIO/IOMMUFD discussion), the neighbourhood of
// VFIO_CONTAINER, and that a hub like PCI stays within the node budget.
// Needs the tree prepared by the kernel-tree fixture.
#include "graphtext.h"
#include "kerneltree.h"

#include <kconfig/assignment.h>
#include <kconfig/causegraph.h>
#include <kconfig/config.h>
#include <kconfig/configreader.h>
#include <kconfig/dependencyindex.h>
#include <kconfig/diagnostic.h>
#include <kconfig/explainer.h>
#include <kconfig/probecache.h>
#include <kconfig/shellrunner.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>
#include <kconfig/treeloader.h>

#include <QDir>
#include <QTest>

#include <memory>

using namespace kconfig;
using namespace kcstest;

class TestKernelGraph : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Tree> m_tree;
    std::unique_ptr<Config> m_config;
    std::unique_ptr<DependencyIndex> m_index;

    const Symbol *sym(const char *name) const { return m_tree->symbols().find(name); }

private slots:
    void initTestCase()
    {
        const QString problem = kernelTreeProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        Environment env;
        for (const auto &[k, v] : kernelEnvironment(QStringLiteral("x86_64")))
            env.set(k.toStdString(), v.toStdString());
        const QString work = kernelCacheDir() + QStringLiteral("/graph");
        QDir().mkpath(work);
        ProcessShellRunner shell(work.toStdString());
        ProbeCache cache(
            shell, (kernelCacheDir() + QStringLiteral("/xdg/kconfig-studio/probes")).toStdString(),
            work.toStdString());
        LoadOptions lo;
        lo.environment = env;
        lo.shell = &cache;
        DiagnosticSink diag;
        LoadResult loaded = loadTree(lo, diag);
        QVERIFY(loaded);
        m_tree = std::move(loaded.tree);
        m_config = std::make_unique<Config>(*m_tree);
        ConfigReader reader(*m_config, env, diag);
        QVERIFY(reader.read(std::string("arch/x86/configs/x86_64_defconfig")));
        for (const Symbol *s : m_tree->symbols().all())
            m_config->calc(s);
        for (const char *name : {"VFIO", "INTEL_IOMMU", "AMD_IOMMU"})
            QVERIFY2(applyAssignment(*m_config, sym(name), "y").ok, name);
        m_index = std::make_unique<DependencyIndex>(*m_tree);
    }

    void vfioContainerNeighbourhood()
    {
        NeighbourhoodQuery q;
        q.focus = sym("VFIO_CONTAINER");
        q.kinds = AllDependencyKinds & ~dependencyKindBit(DependencyKind::MenuParent);
        const QStringList actual = graphLines(neighbourhoodGraph(*m_index, q, m_config.get()));
        const QStringList expected = {
            QStringLiteral("node VFIO_CONTAINER d=0 focus"),
            QStringLiteral("node VFIO d=1"),
            QStringLiteral("node VFIO_GROUP d=1"),
            QStringLiteral("node VFIO_IOMMU_TYPE1 d=1"),
            QStringLiteral("node IOMMUFD_VFIO_CONTAINER d=1"),
            QStringLiteral("node VFIO_IOMMU_SPAPR_TCE d=1"),
            QStringLiteral("edge VFIO_CONTAINER -> VFIO_GROUP: depends on @ "
                           "drivers/vfio/Kconfig:43"),
            QStringLiteral("edge VFIO_CONTAINER -> VFIO: depends on @ drivers/vfio/Kconfig:16"),
            QStringLiteral("edge VFIO_CONTAINER -> VFIO_IOMMU_TYPE1: select @ "
                           "drivers/vfio/Kconfig:42"),
            QStringLiteral("edge VFIO -> VFIO_GROUP: select @ drivers/vfio/Kconfig:7"),
            QStringLiteral("edge VFIO -> VFIO_CONTAINER: select @ drivers/vfio/Kconfig:9"),
            QStringLiteral("edge VFIO_GROUP -> VFIO: depends on @ drivers/vfio/Kconfig:16"),
            QStringLiteral("edge VFIO_IOMMU_TYPE1 -> VFIO_CONTAINER: depends on @ "
                           "drivers/vfio/Kconfig:52"),
            QStringLiteral("edge VFIO_IOMMU_TYPE1 -> VFIO: depends on @ drivers/vfio/Kconfig:16"),
            QStringLiteral("edge IOMMUFD_VFIO_CONTAINER -> VFIO_GROUP: depends on @ "
                           "drivers/iommu/iommufd/Kconfig:17, drivers/iommu/iommufd/Kconfig:18 "
                           "(default)"),
            QStringLiteral("edge IOMMUFD_VFIO_CONTAINER -> VFIO_CONTAINER: depends on @ "
                           "drivers/iommu/iommufd/Kconfig:17, drivers/iommu/iommufd/Kconfig:18 "
                           "(default)"),
            QStringLiteral("edge VFIO_IOMMU_SPAPR_TCE -> VFIO_CONTAINER: depends on @ "
                           "drivers/vfio/Kconfig:52"),
            QStringLiteral("edge VFIO_IOMMU_SPAPR_TCE -> VFIO: depends on @ "
                           "drivers/vfio/Kconfig:16, drivers/vfio/Kconfig:60 (default)"),
        };
        if (actual != expected) qWarning().noquote() << actual.join(QLatin1Char('\n'));
        QCOMPARE(actual, expected);
    }

    // Thousands of entries depend on PCI: the picture keeps to its budget.
    void hubStaysWithinBudget()
    {
        NeighbourhoodQuery q;
        q.focus = sym("PCI");
        q.depth = 2;
        q.nodeBudget = 60;
        const DependencyGraph g = neighbourhoodGraph(*m_index, q, m_config.get());
        QVERIFY(g.nodes.size() <= 60);
        int hidden = 0;
        for (const GraphNode &n : g.nodes)
            if (n.kind == GraphNode::Kind::More && n.symbol == q.focus) hidden += n.hidden;
        QVERIFY2(hidden > 1000, qPrintable(QString::number(hidden)));
    }

    void iommufdCauseGraph()
    {
        Config config(*m_config);
        Explainer explainer(*m_tree, config);
        AppliedChange change = applyAssignment(config, sym("IOMMUFD"), "m");
        QVERIFY2(change.ok, change.error.c_str());
        const ChangeReport report = explainer.explainChanges(change.description, change.subject,
                                                             change.changes, change.userBefore);
        const QStringList actual = graphLines(causeGraph(report));
        // The changes section 3 of the semantics reference lists, plus the
        // VFIO drivers whose prompt is now limited to m.
        const QStringList expected = {
            QStringLiteral("node IOMMUFD d=0 focus"),
            QStringLiteral("node VFIO d=1"),
            QStringLiteral("node VFIO_GROUP d=1"),
            QStringLiteral("node VFIO_DEVICE_CDEV d=1"),
            QStringLiteral("node VFIO_CONTAINER d=1"),
            QStringLiteral("node IOMMUFD_DRIVER d=1"),
            QStringLiteral("node INTERVAL_TREE_SPAN_ITER d=1"),
            QStringLiteral("node VFIO_IOMMU_TYPE1 d=2"),
            QStringLiteral("node VFIO_PCI d=2"),
            QStringLiteral("node VIRTIO_VFIO_PCI d=2"),
            QStringLiteral("edge IOMMUFD -> VFIO: depends on \"depends on\""),
            QStringLiteral("edge IOMMUFD -> VFIO_GROUP: select \"select via VFIO stopped\" "
                           "stopped"),
            QStringLiteral("edge IOMMUFD -> VFIO_DEVICE_CDEV: depends on \"depends on\""),
            QStringLiteral("edge IOMMUFD -> VFIO_CONTAINER: select \"select via VFIO stopped\" "
                           "stopped"),
            QStringLiteral("edge IOMMUFD -> IOMMUFD_DRIVER: select \"select via AMD_IOMMU +1\""),
            QStringLiteral("edge IOMMUFD -> INTERVAL_TREE_SPAN_ITER: select \"select\""),
            QStringLiteral("edge VFIO -> VFIO_IOMMU_TYPE1: select \"select via VFIO_CONTAINER\""),
            QStringLiteral("edge VFIO -> VFIO_PCI: depends on \"depends on\""),
            QStringLiteral("edge VFIO -> VIRTIO_VFIO_PCI: depends on \"depends on\""),
        };
        if (actual != expected) qWarning().noquote() << actual.join(QLatin1Char('\n'));
        QCOMPARE(actual, expected);
    }
};

QTEST_GUILESS_MAIN(TestKernelGraph)
#include "tst_kernelgraph.moc"
