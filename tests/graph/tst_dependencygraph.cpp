// SPDX-License-Identifier: MIT
// The dependency graph's content: the typed references of every entry
// (index), neighbourhood queries with depth, direction, kinds and the node
// budget, and the cause graph of the IOMMUFD change on the demo tree.
//
// Small trees live in tests/data/graph/<tree>/Kconfig. Each <name>.graph file
// there is one query: its first line "# query: focus=SYM depth=N
// direction=needs|needed-by|both kinds=depends,select,... budget=N limit=N
// expand=SYM,... open=SYM:kind:direction", the rest the expected nodes and
// edges (see graphtext.h); index.txt lists every reference of the tree.
// KCS_ACCEPT_GRAPH=1 rewrites the expected lines from the current output.
#include "graphtext.h"

#include <kconfig/assignment.h>
#include <kconfig/causegraph.h>
#include <kconfig/config.h>
#include <kconfig/configreader.h>
#include <kconfig/dependencyindex.h>
#include <kconfig/diagnostic.h>
#include <kconfig/environment.h>
#include <kconfig/explainer.h>
#include <kconfig/explanationtext.h>
#include <kconfig/tree.h>
#include <kconfig/treeloader.h>

#include <QDir>
#include <QFile>
#include <QTest>

#include <map>
#include <memory>

using namespace kconfig;
using kcstest::graphLines;
using kcstest::indexLines;

namespace {

QString dataDir()
{
    return QStringLiteral(KCS_TEST_DATA_DIR "/graph");
}

QString demoDir()
{
    return QStringLiteral(KCS_DEMO_DIR);
}

bool accepting()
{
    return qEnvironmentVariableIntValue("KCS_ACCEPT_GRAPH") == 1;
}

QString diagnosticsText(const DiagnosticSink &sink)
{
    QStringList lines;
    for (const Diagnostic &d : sink.all())
        lines << QString::fromStdString(d.text);
    return lines.join(QLatin1Char('\n'));
}

// A tree loaded from `dir` with `kconfig` (relative names resolve there).
struct Loaded
{
    std::unique_ptr<Tree> tree;
    std::unique_ptr<Config> config;
    std::unique_ptr<DependencyIndex> index;
    QString problem;
};

Loaded load(const QString &dir, const QString &kconfig)
{
    Loaded l;
    const QString cwd = QDir::currentPath();
    QDir::setCurrent(dir);
    Environment env;
    env.set("srctree", dir.toStdString());
    LoadOptions options;
    options.kconfig = kconfig.toStdString();
    options.environment = env;
    DiagnosticSink diag;
    LoadResult result = loadTree(options, diag);
    QDir::setCurrent(cwd);
    if (!result.tree) {
        l.problem = diagnosticsText(diag);
        return l;
    }
    l.tree = std::move(result.tree);
    l.config = std::make_unique<Config>(*l.tree);
    for (const Symbol *s : l.tree->symbols().all())
        l.config->calc(s);
    l.index = std::make_unique<DependencyIndex>(*l.tree);
    return l;
}

QStringList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

void writeLines(const QString &path, const QStringList &lines)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
}

const Symbol *symbol(const Tree &tree, const QString &name)
{
    return tree.symbols().find(name.toStdString());
}

// Parses "key=value ..." of a "# query:" line.
bool parseQuery(const Tree &tree, const QString &text, NeighbourhoodQuery &q, QString &error)
{
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString key = word.section(QLatin1Char('='), 0, 0);
        const QString value = word.section(QLatin1Char('='), 1);
        const auto kindOf = [&](const QString &name, DependencyKind &k) {
            if (parseDependencyKind(name.toLatin1().constData(), k)) return true;
            error = QStringLiteral("unknown kind ") + name;
            return false;
        };
        const auto directionOf = [](const QString &d) {
            return d == QLatin1String("needs")       ? GraphDirection::Needs
                   : d == QLatin1String("needed-by") ? GraphDirection::NeededBy
                                                     : GraphDirection::Both;
        };
        if (key == QLatin1String("focus")) {
            q.focus = symbol(tree, value);
        } else if (key == QLatin1String("depth")) {
            q.depth = value.toInt();
        } else if (key == QLatin1String("direction")) {
            q.direction = directionOf(value);
        } else if (key == QLatin1String("budget")) {
            q.nodeBudget = value.toInt();
        } else if (key == QLatin1String("limit")) {
            q.groupLimit = value.toInt();
        } else if (key == QLatin1String("kinds")) {
            q.kinds = 0;
            for (const QString &k : value.split(QLatin1Char(','))) {
                DependencyKind kind;
                if (!kindOf(k, kind)) return false;
                q.kinds |= dependencyKindBit(kind);
            }
        } else if (key == QLatin1String("expand")) {
            for (const QString &s : value.split(QLatin1Char(',')))
                q.expanded.push_back(symbol(tree, s));
        } else if (key == QLatin1String("open")) {
            const QStringList parts = value.split(QLatin1Char(':'));
            GraphGroup g;
            g.symbol = symbol(tree, parts.value(0));
            if (!kindOf(parts.value(1), g.kind)) return false;
            g.direction = directionOf(parts.value(2));
            q.openedGroups.push_back(g);
        } else {
            error = QStringLiteral("unknown query key ") + key;
            return false;
        }
    }
    if (!q.focus) error = QStringLiteral("no focus symbol");
    return error.isEmpty();
}

// Expected lines, or with KCS_ACCEPT_GRAPH=1 the actual ones written back.
void compareLines(const QString &path, const QStringList &header, const QStringList &actual)
{
    if (accepting()) {
        writeLines(path, header + actual);
        return;
    }
    const QStringList expected = readLines(path).mid(header.size());
    if (actual != expected) {
        qWarning().noquote() << "actual:\n" + actual.join(QLatin1Char('\n'));
        for (int i = 0; i < qMin(actual.size(), expected.size()); ++i)
            QCOMPARE(actual[i], expected[i]);
        QCOMPARE(actual.size(), expected.size());
    }
}

} // namespace

class TestDependencyGraph : public QObject
{
    Q_OBJECT

private:
    std::map<QString, Loaded> m_trees;
    Loaded m_demo;

    Loaded &tree(const QString &name)
    {
        auto it = m_trees.find(name);
        if (it == m_trees.end())
            it = m_trees
                     .emplace(name,
                              load(dataDir() + QLatin1Char('/') + name, QStringLiteral("Kconfig")))
                     .first;
        return it->second;
    }

    std::unique_ptr<Config> demoSession()
    {
        auto config = std::make_unique<Config>(*m_demo.tree);
        Environment env;
        env.set("srctree", demoDir().toStdString());
        DiagnosticSink diag;
        ConfigReader reader(*config, env, diag);
        if (!reader.read((demoDir() + QStringLiteral("/.config")).toStdString())) return nullptr;
        for (const Symbol *s : m_demo.tree->symbols().all())
            config->calc(s);
        return config;
    }

private slots:
    void initTestCase()
    {
        m_demo = load(demoDir(), demoDir() + QStringLiteral("/Kconfig"));
        QVERIFY2(m_demo.tree, qPrintable(m_demo.problem));
    }

    // Every reference of the small tree, typed, with its line and condition.
    void referenceIndex()
    {
        Loaded &t = tree(QStringLiteral("references"));
        QVERIFY2(t.tree, qPrintable(t.problem));
        compareLines(dataDir() + QStringLiteral("/references/index.txt"), {}, indexLines(*t.index));
    }

    void neighbourhoods_data()
    {
        QTest::addColumn<QString>("file");
        const QDir data(dataDir());
        int rows = 0;
        for (const QString &dir : data.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            for (const QString &file :
                 QDir(data.filePath(dir))
                     .entryList({QStringLiteral("*.graph")}, QDir::Files, QDir::Name)) {
                QTest::newRow(qPrintable(dir + QLatin1Char('/') + file))
                    << data.filePath(dir + QLatin1Char('/') + file);
                ++rows;
            }
        QVERIFY(rows > 0);
    }

    void neighbourhoods()
    {
        QFETCH(QString, file);
        Loaded &t = tree(QFileInfo(file).dir().dirName());
        QVERIFY2(t.tree, qPrintable(t.problem));
        const QStringList lines = readLines(file);
        QVERIFY(!lines.isEmpty() && lines[0].startsWith(QLatin1String("# query:")));
        NeighbourhoodQuery q;
        QString error;
        QVERIFY2(parseQuery(*t.tree, lines[0].mid(8), q, error), qPrintable(error));
        const DependencyGraph g = neighbourhoodGraph(*t.index, q, t.config.get());
        QVERIFY(static_cast<int>(g.nodes.size()) <=
                q.nodeBudget + q.groupLimit * 2 * static_cast<int>(q.expanded.size()) +
                    q.groupLimit * 4 * static_cast<int>(q.openedGroups.size()));
        compareLines(file, {lines[0]}, graphLines(g));
    }

    // The budget holds for every size, and folded groups say how much they hide.
    void budgetHolds_data()
    {
        QTest::addColumn<int>("budget");
        for (int b : {2, 3, 5, 8, 13, 30})
            QTest::addRow("%d", b) << b;
    }

    void budgetHolds()
    {
        QFETCH(int, budget);
        Loaded &t = tree(QStringLiteral("hub"));
        QVERIFY2(t.tree, qPrintable(t.problem));
        NeighbourhoodQuery q;
        q.focus = symbol(*t.tree, QStringLiteral("HUB"));
        q.depth = 2;
        q.nodeBudget = budget;
        const DependencyGraph g = neighbourhoodGraph(*t.index, q, t.config.get());
        QVERIFY(static_cast<int>(g.nodes.size()) <= budget);
        // Shown plus hidden neighbours of HUB add up to all of them (20 + 3 + ROOT).
        // Below one node per group (three groups plus HUB) some groups cannot show.
        int shown = 0, hidden = 0;
        for (const GraphNode &n : g.nodes) {
            if (n.kind == GraphNode::Kind::More && n.symbol == q.focus) hidden += n.hidden;
            if (n.kind == GraphNode::Kind::Symbol && n.distance == 1) ++shown;
        }
        if (budget >= 4)
            QCOMPARE(shown + hidden, 24);
        else
            QVERIFY(g.nodes.front().incomplete);
    }

    // The demo's VFIO_CONTAINER: what it needs and what needs it, one hop.
    void demoNeighbourhood()
    {
        auto config = demoSession();
        QVERIFY(config);
        NeighbourhoodQuery q;
        q.focus = symbol(*m_demo.tree, QStringLiteral("VFIO_CONTAINER"));
        q.kinds = AllDependencyKinds & ~dependencyKindBit(DependencyKind::MenuParent);
        const QStringList expected = {
            QStringLiteral("node VFIO_CONTAINER d=0 focus"),
            QStringLiteral("node VFIO d=1"),
            QStringLiteral("node VFIO_GROUP d=1"),
            QStringLiteral("node VFIO_IOMMU_TYPE1 d=1"),
            QStringLiteral("node IOMMUFD_VFIO_CONTAINER d=1"),
            QStringLiteral("node VFIO_IOMMU_SPAPR_TCE d=1"),
            QStringLiteral("edge VFIO_CONTAINER -> VFIO_GROUP: depends on @ "
                           "drivers/vfio/Kconfig:65"),
            QStringLiteral("edge VFIO_CONTAINER -> VFIO: depends on @ drivers/vfio/Kconfig:37"),
            QStringLiteral("edge VFIO_CONTAINER -> VFIO_IOMMU_TYPE1: select @ "
                           "drivers/vfio/Kconfig:64"),
            QStringLiteral("edge VFIO -> VFIO_GROUP: select @ drivers/vfio/Kconfig:24"),
            QStringLiteral("edge VFIO -> VFIO_CONTAINER: select @ drivers/vfio/Kconfig:26"),
            QStringLiteral("edge VFIO_GROUP -> VFIO: depends on @ drivers/vfio/Kconfig:37"),
            QStringLiteral("edge VFIO_IOMMU_TYPE1 -> VFIO_CONTAINER: depends on @ "
                           "drivers/vfio/Kconfig:76"),
            QStringLiteral("edge VFIO_IOMMU_TYPE1 -> VFIO: depends on @ drivers/vfio/Kconfig:37"),
            QStringLiteral("edge IOMMUFD_VFIO_CONTAINER -> VFIO_GROUP: depends on @ "
                           "drivers/iommu/iommufd/Kconfig:28, drivers/iommu/iommufd/Kconfig:29 "
                           "(default)"),
            QStringLiteral("edge IOMMUFD_VFIO_CONTAINER -> VFIO_CONTAINER: depends on @ "
                           "drivers/iommu/iommufd/Kconfig:28, drivers/iommu/iommufd/Kconfig:29 "
                           "(default)"),
            QStringLiteral("edge VFIO_IOMMU_SPAPR_TCE -> VFIO_CONTAINER: depends on @ "
                           "drivers/vfio/Kconfig:76"),
            QStringLiteral("edge VFIO_IOMMU_SPAPR_TCE -> VFIO: depends on @ "
                           "drivers/vfio/Kconfig:37, drivers/vfio/Kconfig:90 (default)"),
        };
        const QStringList actual = graphLines(neighbourhoodGraph(*m_demo.index, q, config.get()));
        if (actual != expected) qWarning().noquote() << actual.join(QLatin1Char('\n'));
        QCOMPARE(actual, expected);
    }

    // Who selects IOMMUFD_DRIVER: every selector, each edge at its select line.
    void demoSelectors()
    {
        auto config = demoSession();
        QVERIFY(config);
        NeighbourhoodQuery q;
        q.focus = symbol(*m_demo.tree, QStringLiteral("IOMMUFD_DRIVER"));
        q.direction = GraphDirection::NeededBy;
        q.kinds = dependencyKindBit(DependencyKind::Select);
        const QStringList actual = graphLines(neighbourhoodGraph(*m_demo.index, q, config.get()));
        const QStringList expected = {
            QStringLiteral("node IOMMUFD_DRIVER d=0 focus"),
            QStringLiteral("node AMD_IOMMU d=1"),
            QStringLiteral("node INTEL_IOMMU d=1"),
            QStringLiteral("node IOMMUFD_TEST d=1"),
            QStringLiteral("node MLX5_VFIO_PCI d=1"),
            QStringLiteral("node PDS_VFIO_PCI d=1"),
            QStringLiteral("edge AMD_IOMMU -> IOMMUFD_DRIVER: select inactive @ "
                           "drivers/iommu/amd/Kconfig:11"),
            QStringLiteral("edge INTEL_IOMMU -> IOMMUFD_DRIVER: select inactive @ "
                           "drivers/iommu/intel/Kconfig:12"),
            QStringLiteral("edge IOMMUFD_TEST -> IOMMUFD_DRIVER: select inactive @ "
                           "drivers/iommu/iommufd/Kconfig:44"),
            QStringLiteral("edge MLX5_VFIO_PCI -> IOMMUFD_DRIVER: select inactive @ "
                           "drivers/vfio/pci/mlx5/Kconfig:7"),
            QStringLiteral("edge PDS_VFIO_PCI -> IOMMUFD_DRIVER: select inactive @ "
                           "drivers/vfio/pci/pds/Kconfig:7"),
        };
        if (actual != expected) qWarning().noquote() << actual.join(QLatin1Char('\n'));
        QCOMPARE(actual, expected);

        // AMD_IOMMU and INTEL_IOMMU are y, but select it only if IOMMUFD: with
        // IOMMUFD=m their selects take effect, the drivers' (n) still do not.
        DependencyGraph g = neighbourhoodGraph(*m_demo.index, q, config.get());
        QVERIFY(applyAssignment(*config, symbol(*m_demo.tree, QStringLiteral("IOMMUFD")), "m").ok);
        g.updateStates(*config);
        QStringList active;
        for (const GraphEdge &e : g.edges)
            if (!e.inactive)
                active << QString::fromStdString(
                    g.nodes[static_cast<std::size_t>(e.from)].symbol->name);
        QCOMPARE(active, (QStringList{QStringLiteral("AMD_IOMMU"), QStringLiteral("INTEL_IOMMU")}));
    }

    // Hovering an edge: the written line with the values of its expression.
    void edgeDescriptions()
    {
        auto config = demoSession();
        QVERIFY(config);
        NeighbourhoodQuery q;
        q.focus = symbol(*m_demo.tree, QStringLiteral("VFIO"));
        q.direction = GraphDirection::Needs;
        q.kinds = dependencyKindBit(DependencyKind::DependsOn);
        const DependencyGraph g = neighbourhoodGraph(*m_demo.index, q, config.get());
        const int iommufd = g.indexOf(symbol(*m_demo.tree, QStringLiteral("IOMMUFD")));
        QVERIFY(iommufd > 0);
        CurrentValues now(*config);
        for (const GraphEdge &e : g.edges)
            if (e.to == iommufd)
                QCOMPARE(describeEdge(e, g, now, nullptr),
                         std::vector<std::string>{"depends on IOMMUFD [=n] || !IOMMUFD [=n] "
                                                  "(drivers/vfio/Kconfig:22)"});
    }

    // IOMMUFD n -> m on the demo's x86 session: who changed, from what, by which rule.
    void demoCauseGraph()
    {
        auto config = demoSession();
        QVERIFY(config);
        const Symbol *iommufd = symbol(*m_demo.tree, QStringLiteral("IOMMUFD"));
        Explainer explainer(*m_demo.tree, *config);
        AppliedChange change = applyAssignment(*config, iommufd, "m");
        QVERIFY2(change.ok, change.error.c_str());
        const ChangeReport report = explainer.explainChanges(change.description, change.subject,
                                                             change.changes, change.userBefore);
        const DependencyGraph g = causeGraph(report);
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
        };
        const QStringList actual = graphLines(g);
        if (actual != expected) qWarning().noquote() << actual.join(QLatin1Char('\n'));
        QCOMPARE(actual, expected);

        // The changed states travel with the nodes.
        const GraphNode &vfio = g.nodes[static_cast<std::size_t>(
            g.indexOf(symbol(*m_demo.tree, QStringLiteral("VFIO"))))];
        QCOMPARE(vfio.before.value, std::string("y"));
        QCOMPARE(vfio.state.value, std::string("m"));
        QVERIFY(vfio.changed);
        // Hovering the IOMMUFD -> VFIO_CONTAINER edge names the select line.
        CurrentValues now(*config);
        for (const GraphEdge &e : g.edges)
            if (g.nodes[static_cast<std::size_t>(e.to)].symbol->name == "VFIO_CONTAINER")
                QCOMPARE(describeEdge(e, g, now, report.before.get()),
                         std::vector<std::string>{"'select VFIO_CONTAINER if IOMMUFD=n' in VFIO "
                                                  "(drivers/vfio/Kconfig:26) stopped applying."});
    }
};

QTEST_GUILESS_MAIN(TestDependencyGraph)
#include "tst_dependencygraph.moc"
