// SPDX-License-Identifier: MIT
// The menu tree model: structure as the kernel shows it, menuconfig markers,
// the three option modes, and incremental updates after value changes (rows
// appear and disappear exactly as a model built from scratch would list
// them), all under QAbstractItemModelTester.
#include "configdocument.h"
#include "menutreemodel.h"

#include <kconfig/config.h>
#include <kconfig/menunode.h>
#include <kconfig/symbol.h>
#include <kconfig/tree.h>

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace kconfig;
using OptionMode = MenuTreeModel::OptionMode;

namespace {

QString dataDir(const QString &tree)
{
    return QStringLiteral(KCS_TEST_DATA_DIR "/gui/") + tree;
}

bool waitForLoad(ConfigDocument &doc, const OpenRequest &request)
{
    QSignalSpy loaded(&doc, &ConfigDocument::loaded);
    QSignalSpy failed(&doc, &ConfigDocument::loadFailed);
    doc.open(request);
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, 60000))
        qWarning() << "loading did not finish within 60 s";
    if (!failed.isEmpty()) {
        qWarning() << "loading failed:" << failed[0][0].toString();
        for (const Diagnostic &d : doc.diagnostics())
            qWarning() << d.text.c_str();
    }
    return !loaded.isEmpty();
}

// Opens tests/data/gui/<tree> with a copy of its `config` in `work`.
bool load(ConfigDocument &doc, const QString &tree, const QTemporaryDir &work)
{
    OpenRequest request;
    request.path = dataDir(tree) + QStringLiteral("/Kconfig");
    request.configFile = work.filePath(QStringLiteral(".config"));
    request.runShell = false;
    QFile::remove(request.configFile);
    QFile::copy(dataDir(tree) + QStringLiteral("/config"), request.configFile);
    return waitForLoad(doc, request);
}

const Symbol *sym(const ConfigDocument &doc, const char *name)
{
    return doc.tree()->symbols().find(name);
}

// Every row as "indent + option | value | name".
void dump(const QAbstractItemModel *model, const QModelIndex &parent, int depth, QStringList &out)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(parent); ++column)
            cells << model->index(row, column, parent).data().toString();
        out << QString(depth * 2, QLatin1Char(' ')) + cells.join(QStringLiteral(" | "));
        dump(model, model->index(row, 0, parent), depth + 1, out);
    }
}

QStringList dump(const QAbstractItemModel *model)
{
    QStringList out;
    dump(model, QModelIndex(), 0, out);
    return out;
}

// What a model built from scratch lists for the document's current state.
QStringList freshDump(ConfigDocument *doc, OptionMode mode)
{
    MenuTreeModel fresh(doc);
    fresh.setOptionMode(mode);
    return dump(&fresh);
}

ValueMarker markerOf(const MenuTreeModel &model, const Symbol *s)
{
    return model.indexOf(s->menus.front())
        .data(MenuTreeModel::ValueMarkerRole)
        .value<ValueMarker>();
}

const QStringList normalTree = {
    QStringLiteral("[*] Enable loadable module support | y | MODULES"),
    QStringLiteral("Features  ---> |  | "),
    QStringLiteral("  [M] Foo support | m | FOO"),
    QStringLiteral("    [ ] Extra foo bits (NEW) | n | FOO_EXTRA"),
    QStringLiteral("  [*] Bar | y | BAR"),
    QStringLiteral("  -*- Locked by Bar | y | LOCKED"),
    QStringLiteral("  [ ] Baz (NEW) | n | BAZ"),
    QStringLiteral("  [ ] Lower limit set by Baz (NEW) | n | LOWER"),
    QStringLiteral("[*] Networking support (NEW)  ---> | y | NET"),
    QStringLiteral("  [ ] A networking feature (NEW) | n | NET_FEATURE"),
    QStringLiteral("Timer frequency (250 HZ)  ---> |  | "),
    QStringLiteral("  ( ) 100 HZ (NEW) | n | HZ_100"),
    QStringLiteral("  (X) 250 HZ (NEW) | y | HZ_250"),
    QStringLiteral("  ( ) 1000 HZ (NEW) | n | HZ_1000"),
    QStringLiteral("(8) Maximum number of CPUs | 8 | NR_CPUS"),
    QStringLiteral("(0x1000) Base address (NEW) | 0x1000 | BASE_ADDR"),
    QStringLiteral("(console=ttyS0) Built-in command line (NEW) | console=ttyS0 | CMDLINE"),
    QStringLiteral("*** Options above are for testing *** |  | "),
};

} // namespace

class TestMenuTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_work.isValid());
        m_doc = new ConfigDocument(this);
        QVERIFY(load(*m_doc, QStringLiteral("basic"), m_work));
        m_model = new MenuTreeModel(m_doc, m_doc);
        m_model->setFlashDuration(0);
        new QAbstractItemModelTester(
            m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, m_model);
    }
    void cleanup()
    {
        delete m_doc;
        m_doc = nullptr;
        m_model = nullptr;
    }

    void structure() { QCOMPARE(dump(m_model), normalTree); }

    void optionModes()
    {
        const Symbol *builtinOnly = sym(*m_doc, "FOO_BUILTIN_ONLY");
        const Symbol *promptless = sym(*m_doc, "PROMPTLESS");
        QVERIFY(!m_model->indexOf(builtinOnly->menus.front()).isValid());
        QVERIFY(!m_model->isListedIn(builtinOnly->menus.front(), OptionMode::Normal));
        QVERIFY(m_model->isListedIn(builtinOnly->menus.front(), OptionMode::Prompt));
        QVERIFY(!m_model->isListedIn(promptless->menus.front(), OptionMode::Prompt));
        QVERIFY(m_model->isListedIn(promptless->menus.front(), OptionMode::All));

        m_model->setOptionMode(OptionMode::Prompt);
        QVERIFY(m_model->indexOf(builtinOnly->menus.front()).isValid());
        QVERIFY(!m_model->indexOf(promptless->menus.front()).isValid());
        const QModelIndex hidden = m_model->indexOf(builtinOnly->menus.front());
        QCOMPARE(hidden.data().toString(), QStringLiteral("- - Needs Foo built in"));
        QCOMPARE(hidden.data(MenuTreeModel::VisibleRole).toBool(), false);
        QCOMPARE(hidden.data(MenuTreeModel::ValueMarkerRole).value<ValueMarker>().lock,
                 ValueMarker::Lock::Hidden);
        QCOMPARE(dump(m_model), freshDump(m_doc, OptionMode::Prompt));

        m_model->setOptionMode(OptionMode::All);
        QCOMPARE(m_model->indexOf(promptless->menus.front()).data().toString(),
                 QStringLiteral("-*- PROMPTLESS"));
        QCOMPARE(dump(m_model), freshDump(m_doc, OptionMode::All));

        m_model->setOptionMode(OptionMode::Normal);
        QCOMPARE(dump(m_model), normalTree);
    }

    void markers_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<QString>("marker");
        QTest::addColumn<int>("lock");
        QTest::newRow("tristate m") << ""
                                    << "FOO"
                                    << "[M]" << int(ValueMarker::Lock::Free);
        QTest::newRow("selected at m sets the lower limit")
            << "BAZ=m"
            << "LOWER"
            << "{M}" << int(ValueMarker::Lock::LowerLimit);
        QTest::newRow("selected at y locks") << "BAZ=y"
                                             << "LOWER"
                                             << "-*-" << int(ValueMarker::Lock::Locked);
        QTest::newRow("no longer selected") << "BAR=n"
                                            << "LOCKED"
                                            << "[ ]" << int(ValueMarker::Lock::Free);
        QTest::newRow("without modules m is y") << "MODULES=n"
                                                << "FOO"
                                                << "[*]" << int(ValueMarker::Lock::Free);
        QTest::newRow("choice member chosen") << "HZ_1000=y"
                                              << "HZ_1000"
                                              << "(X)" << int(ValueMarker::Lock::Free);
        QTest::newRow("choice member left") << "HZ_1000=y"
                                            << "HZ_250"
                                            << "( )" << int(ValueMarker::Lock::Free);
        QTest::newRow("int") << ""
                             << "NR_CPUS"
                             << "(8)" << int(ValueMarker::Lock::Free);
        QTest::newRow("hex") << ""
                             << "BASE_ADDR"
                             << "(0x1000)" << int(ValueMarker::Lock::Free);
    }

    void markers()
    {
        QFETCH(QString, assignment);
        QFETCH(QString, symbol);
        QFETCH(QString, marker);
        QFETCH(int, lock);
        if (!assignment.isEmpty()) {
            const QStringList parts = assignment.split(QLatin1Char('='));
            const Symbol *s = sym(*m_doc, qPrintable(parts[0]));
            const Tristate t = parts[1] == QLatin1String("y")   ? Tristate::Yes
                               : parts[1] == QLatin1String("m") ? Tristate::Mod
                                                                : Tristate::No;
            QVERIFY(m_doc->setTristate(s, t));
        }
        const ValueMarker m = markerOf(*m_model, sym(*m_doc, qPrintable(symbol)));
        QCOMPARE(m.marker, marker);
        QCOMPARE(int(m.lock), lock);
        QCOMPARE(dump(m_model), freshDump(m_doc, OptionMode::Normal));
    }

    void menuMarkers()
    {
        const MenuNode *net = sym(*m_doc, "NET")->menus.front();
        QCOMPARE(
            m_model->indexOf(net).data(MenuTreeModel::ValueMarkerRole).value<ValueMarker>().suffix,
            QStringLiteral("--->"));
        QVERIFY(m_doc->setTristate(sym(*m_doc, "NET"), Tristate::No));
        // menuconfig shows an empty menu as "----".
        QCOMPARE(m_model->indexOf(net).data().toString(),
                 QStringLiteral("[ ] Networking support  ----"));
        QCOMPARE(m_model->rowCount(m_model->indexOf(net)), 0);
    }

    void rowsFollowDependencies()
    {
        const Symbol *foo = sym(*m_doc, "FOO");
        const QModelIndex fooIndex = m_model->indexOf(foo->menus.front());
        QCOMPARE(m_model->rowCount(fooIndex), 1);

        QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
        QVERIFY(m_doc->setTristate(foo, Tristate::Yes));
        // FOO_BUILTIN_ONLY appears below FOO_EXTRA, nothing else moves.
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][0].value<QModelIndex>(), fooIndex);
        QCOMPARE(inserted[0][1].toInt(), 1);
        QCOMPARE(inserted[0][2].toInt(), 1);
        QCOMPARE(removed.size(), 0);
        bool fooRefreshed = false;
        for (const auto &args : changed) {
            const QModelIndex first = args[0].value<QModelIndex>(),
                              last = args[1].value<QModelIndex>();
            fooRefreshed |= first.parent() == fooIndex.parent() && first.row() <= fooIndex.row() &&
                            last.row() >= fooIndex.row();
        }
        QVERIFY(fooRefreshed);
        QCOMPARE(fooIndex.data().toString(), QStringLiteral("[*] Foo support"));

        inserted.clear();
        QVERIFY(m_doc->setTristate(foo, Tristate::No));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed[0][1].toInt(), 0);
        QCOMPARE(removed[0][2].toInt(), 1);
        QCOMPARE(m_model->rowCount(fooIndex), 0);
        QCOMPARE(dump(m_model), freshDump(m_doc, OptionMode::Normal));

        // Undo and redo move the rows back and forth as well.
        m_doc->undoStack()->undo();
        QCOMPARE(m_model->rowCount(fooIndex), 2);
        m_doc->undoStack()->undo();
        QCOMPARE(dump(m_model), normalTree);
        m_doc->undoStack()->redo();
        m_doc->undoStack()->redo();
        QCOMPARE(dump(m_model), freshDump(m_doc, OptionMode::Normal));
    }

    void hiddenRowsInAllModeStayAndDim()
    {
        m_model->setOptionMode(OptionMode::All);
        const MenuNode *extra = sym(*m_doc, "FOO_EXTRA")->menus.front();
        const QPersistentModelIndex row = m_model->indexOf(extra);
        QVERIFY(row.isValid());
        QVERIFY(row.data(MenuTreeModel::VisibleRole).toBool());
        QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(m_doc->setTristate(sym(*m_doc, "FOO"), Tristate::No));
        QCOMPARE(removed.size(), 0);
        QVERIFY(row.isValid());
        QVERIFY(!row.data(MenuTreeModel::VisibleRole).toBool());
        QCOMPARE(row.data(MenuTreeModel::ValueMarkerRole).value<ValueMarker>().lock,
                 ValueMarker::Lock::Hidden);
    }

    void flashMarksChangedRows()
    {
        m_model->setFlashDuration(150);
        QVERIFY(m_doc->setTristate(sym(*m_doc, "BAR"), Tristate::No));
        const QModelIndex bar = m_model->indexOf(sym(*m_doc, "BAR")->menus.front());
        const QModelIndex locked = m_model->indexOf(sym(*m_doc, "LOCKED")->menus.front());
        const QModelIndex foo = m_model->indexOf(sym(*m_doc, "FOO")->menus.front());
        QVERIFY(bar.data(MenuTreeModel::FlashRole).toReal() > 0);
        QVERIFY(locked.data(MenuTreeModel::FlashRole).toReal() > 0);
        QCOMPARE(foo.data(MenuTreeModel::FlashRole).toReal(), 0.0);
        QTRY_COMPARE(bar.data(MenuTreeModel::FlashRole).toReal(), 0.0);
        QTRY_COMPARE(locked.data(MenuTreeModel::FlashRole).toReal(), 0.0);
    }

    void loadingAnotherConfig()
    {
        const QString other = m_work.filePath(QStringLiteral("other.config"));
        QFile f(other);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("CONFIG_MODULES=y\nCONFIG_FOO=y\nCONFIG_NET=n\nCONFIG_HZ_100=y\n");
        f.close();
        QString error;
        QVERIFY2(m_doc->loadConfig(other, &error), qPrintable(error));
        QCOMPARE(dump(m_model), freshDump(m_doc, OptionMode::Normal));
        QCOMPARE(markerOf(*m_model, sym(*m_doc, "HZ_100")).marker, QStringLiteral("(X)"));
    }

    void reopenResets()
    {
        QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
        QVERIFY(load(*m_doc, QStringLiteral("basic"), m_work));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(dump(m_model), normalTree);
    }

    // The real tree: every incremental update lists what a fresh model lists.
    void kernelTree()
    {
        QString cache = qEnvironmentVariable("KCS_KERNEL_CACHE");
        if (cache.isEmpty()) cache = QDir::homePath() + QStringLiteral("/.cache/kconfig-studio");
        const QString tree = cache + QStringLiteral("/linux-6.12/src");
        if (!QFile::exists(tree + QStringLiteral("/Kconfig")))
            QSKIP("The Linux 6.12 tree is not prepared (tests/kernel/prepare-kernel-tree.sh)");
        ConfigDocument doc;
        OpenRequest request;
        request.path = tree;
        request.arch = QStringLiteral("x86_64");
        request.configFile = m_work.filePath(QStringLiteral("kernel.config"));
        QVERIFY(waitForLoad(doc, request));
        // (QAbstractItemModelTester re-walks all 19,000 rows on every signal:
        // too slow here; the small tree above runs under it.)
        MenuTreeModel model(&doc);
        model.setFlashDuration(0);
        for (const char *name : {"PCI", "NET", "EXPERT", "MODULES", "VFIO"}) {
            const Symbol *s = sym(doc, name);
            QVERIFY(s);
            QVERIFY(doc.toggle(s));
            QCOMPARE(dump(&model), freshDump(&doc, OptionMode::Normal));
        }
        model.setOptionMode(OptionMode::Prompt);
        QVERIFY(doc.toggle(sym(doc, "PCI")));
        QCOMPARE(dump(&model), freshDump(&doc, OptionMode::Prompt));
        model.setOptionMode(OptionMode::Normal);
        QCOMPARE(dump(&model), freshDump(&doc, OptionMode::Normal));
    }

private:
    QTemporaryDir m_work;
    ConfigDocument *m_doc = nullptr;
    MenuTreeModel *m_model = nullptr;
};

QTEST_MAIN(TestMenuTreeModel)
#include "tst_menutreemodel.moc"
