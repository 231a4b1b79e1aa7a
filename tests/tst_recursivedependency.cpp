// SPDX-License-Identifier: MIT
// Recursive dependencies read back from conf's report and found in the
// source: each link of the cycle at the line that writes it, for trees that
// fail to load (in-memory files, as an editor has them).
#include <kconfig/diagnostic.h>
#include <kconfig/environment.h>
#include <kconfig/recursivedependency.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/treeloader.h>

#include <QTest>

using namespace kconfig;
using Kind = RecursiveDependencyLink::Kind;

namespace {

// Loads the in-memory tree; returns the text of its recursive-dependency error.
std::string cycleReport(const SourceFiles &sources)
{
    LoadOptions options;
    options.sources = &sources;
    DiagnosticSink sink;
    const LoadResult result = loadTree(options, sink);
    if (result) return {};
    for (const Diagnostic &d : sink.all())
        if (d.text.find("recursive dependency detected") != std::string::npos) return d.text;
    return {};
}

QString where(const RecursiveDependencyLink &l)
{
    return QString::fromStdString(l.file) + QLatin1Char(':') + QString::number(l.line);
}

} // namespace

class RecursiveDependencyTest : public QObject
{
    Q_OBJECT

private slots:
    void parsesSentences_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<QString>("other");
        QTest::newRow("depends") << "\tsymbol VFIO depends on IOMMUFD" << int(Kind::DependsOn)
                                 << "VFIO"
                                 << "IOMMUFD";
        QTest::newRow("select") << "\tsymbol IOMMUFD is selected by VFIO" << int(Kind::SelectedBy)
                                << "IOMMUFD"
                                << "VFIO";
        QTest::newRow("imply") << "\tsymbol A is implied by B" << int(Kind::ImpliedBy) << "A"
                               << "B";
        QTest::newRow("default") << "\tsymbol A default value contains B"
                                 << int(Kind::ValueContains) << "A"
                                 << "B";
        QTest::newRow("prompt") << "\tsymbol A prompt is visible depending on B"
                                << int(Kind::VisibleDependingOn) << "A"
                                << "B";
    }
    void parsesSentences()
    {
        QFETCH(QString, line);
        QFETCH(int, kind);
        QFETCH(QString, symbol);
        QFETCH(QString, other);
        const std::string text = "error: recursive dependency detected!\n" + line.toStdString() +
                                 "\nFor a resolution refer to ...\n";
        const auto links = parseRecursiveDependency(text);
        QCOMPARE(links.size(), std::size_t(1));
        QCOMPARE(int(links[0].kind), kind);
        QCOMPARE(QString::fromStdString(links[0].symbol), symbol);
        QCOMPARE(QString::fromStdString(links[0].other), other);
        QCOMPARE(QString::fromStdString(links[0].sentence), line.mid(8));
    }

    void choiceBlockCarriesItsLocation()
    {
        const auto links =
            parseRecursiveDependency("error: recursive dependency detected!\n"
                                     "\tsymbol A is part of choice block at arch/Kconfig:12\n"
                                     "\tsymbol <choice> depends on A\n");
        QCOMPARE(links.size(), std::size_t(2));
        QCOMPARE(links[0].kind, Kind::ChoiceBlock);
        QCOMPARE(where(links[0]), QStringLiteral("arch/Kconfig:12"));
        QCOMPARE(QString::fromStdString(links[1].symbol), QStringLiteral("<choice>"));
    }

    void otherMessagesAreNoCycle()
    {
        QVERIFY(parseRecursiveDependency("Kconfig:3:warning: symbol A depends on B\n").empty());
    }

    // The VFIO/IOMMUFD case: `select IOMMUFD` next to `depends on IOMMUFD || !IOMMUFD`.
    void selectNextToOptionalDependency()
    {
        SourceFiles sources;
        sources.setOverlay("Kconfig", "source \"iommufd/Kconfig\"\nsource \"vfio/Kconfig\"\n");
        sources.setOverlay("iommufd/Kconfig", "config IOMMUFD\n\ttristate \"iommufd\"\n");
        sources.setOverlay("vfio/Kconfig", "# vfio\n"
                                           "menuconfig VFIO\n"
                                           "\ttristate \"vfio\"\n"
                                           "\tselect IOMMU_API\n"
                                           "\tdepends on IOMMUFD || !IOMMUFD\n"
                                           "\tselect IOMMUFD\n"
                                           "\thelp\n"
                                           "\t  select IOMMUFD in help text is no statement\n");
        const std::string report = cycleReport(sources);
        QVERIFY2(!report.empty(), "the tree should fail with a recursive dependency");
        auto links = parseRecursiveDependency(report);
        QCOMPARE(links.size(), std::size_t(2));
        locateRecursiveDependency(links, {"vfio/Kconfig", "iommufd/Kconfig"}, sources,
                                  Environment());
        QStringList found;
        for (const auto &l : links)
            found << QString::fromStdString(l.sentence) + QStringLiteral(" @ ") + where(l);
        found.sort();
        QCOMPARE(found, QStringList({QStringLiteral("IOMMUFD is selected by VFIO @ vfio/Kconfig:6"),
                                     QStringLiteral("VFIO depends on IOMMUFD @ vfio/Kconfig:5")}));
    }

    // A dependency from an enclosing `if` has no line in the entry: its first line stands in.
    void dependencyFromEnclosingIf()
    {
        SourceFiles sources;
        sources.setOverlay("Kconfig", "config A\n"
                                      "\tbool \"a\"\n"
                                      "\tdefault B\n"
                                      "if A\n"
                                      "config B\n"
                                      "\tbool \"b\"\n"
                                      "endif\n");
        auto links = parseRecursiveDependency(cycleReport(sources));
        QCOMPARE(links.size(), std::size_t(2));
        locateRecursiveDependency(links, {"Kconfig"}, sources, Environment());
        for (const auto &l : links) {
            if (l.kind == Kind::ValueContains)
                QCOMPARE(where(l), QStringLiteral("Kconfig:3"));
            else if (l.kind == Kind::DependsOn)
                QCOMPARE(where(l), QStringLiteral("Kconfig:5"));
            else
                QFAIL(qPrintable(QString::fromStdString(l.sentence)));
        }
    }

    void unknownSymbolStaysUnlocated()
    {
        SourceFiles sources;
        sources.setOverlay("Kconfig", "config A\n\tbool\n");
        auto links = parseRecursiveDependency("error: recursive dependency detected!\n"
                                              "\tsymbol X depends on A\n");
        locateRecursiveDependency(links, {"Kconfig", "missing/Kconfig"}, sources, Environment());
        QCOMPARE(links.size(), std::size_t(1));
        QVERIFY(links[0].file.empty());
    }
};

QTEST_APPLESS_MAIN(RecursiveDependencyTest)
#include "tst_recursivedependency.moc"
