// SPDX-License-Identifier: MIT
// The tree cache gives back a tree only while everything it was built from is
// unchanged: a cached tree must configure exactly like a fresh parse, and any
// edit of a file, an environment variable a macro read, a probe's answer, a
// file that appears where `osource` found none, or an in-memory overlay must
// make it parse again.
#include <kconfig/config.h>
#include <kconfig/configwriter.h>
#include <kconfig/diagnostic.h>
#include <kconfig/probecache.h>
#include <kconfig/shellrunner.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/treecache.h>
#include <kconfig/treeloader.h>

#include "golden.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace kconfig;

namespace {

// A shell whose answers the test sets; counts the commands it ran.
class ScriptedShell : public ShellRunner
{
public:
    std::map<std::string, std::string> answers;
    int runs = 0;
    std::string run(const std::string &command, const Environment &) override
    {
        ++runs;
        return answers[command];
    }
    int processesStarted() const override { return runs; }
};

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

} // namespace

class TreeCacheTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_tree;
    std::string m_cacheDir;
    ScriptedShell m_shell;
    std::unique_ptr<ProbeCache> m_probes;
    Environment m_env;

    LoadOptions options(const SourceFiles *sources = nullptr)
    {
        LoadOptions o;
        o.environment = m_env;
        o.shell = m_probes.get();
        o.sources = sources;
        return o;
    }

    // The .config a tree gives with every symbol at its default.
    static std::string defaults(const Tree &tree)
    {
        Config config(tree);
        Environment env;
        return ConfigWriter(config, env).dotConfigText();
    }

    // Loads through the cache; `hit` tells whether the cache served it.
    std::unique_ptr<Tree> load(bool &hit, const SourceFiles *sources = nullptr)
    {
        TreeCache cache(m_cacheDir);
        LoadOptions o = options(sources);
        DiagnosticSink probe;
        const bool servable = !sources || sources->overlays().empty();
        hit = servable && cache.load(o, probe) != nullptr;
        o.treeCache = &cache;
        DiagnosticSink sink;
        LoadResult r = loadTree(o, sink);
        for (const Diagnostic &d : sink.all())
            if (d.severity == Diagnostic::Severity::Error) qWarning("%s", d.text.c_str());
        return std::move(r.tree);
    }

    // Sleeps past the file system's time resolution so that an edit of the
    // same size shows in the fingerprint.
    static void tick() { std::this_thread::sleep_for(std::chrono::milliseconds(20)); }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(kcstest::scratchRoot() + "/kcs-treecache-XXXXXX");
        QVERIFY(m_dir->isValid());
        m_tree = m_dir->path() + "/tree";
        m_cacheDir = (m_dir->path() + "/cache").toStdString();
        writeFile(m_tree + "/Kconfig", "mainmenu \"$(TITLE)\"\n"
                                       "config CC_VERSION\n\tint\n\tdefault $(shell,cc-version)\n"
                                       "config MODULES\n\tbool\n\tdefault y\n\tmodules\n"
                                       "config A\n\tbool \"A\"\n\tdefault y\n"
                                       "source \"sub/Kconfig\"\n");
        writeFile(m_tree + "/sub/Kconfig",
                  "config B\n\ttristate \"B\"\n\tdepends on A\n\tdefault m\n");
        m_env = Environment();
        m_env.set("srctree", m_tree.toStdString());
        m_env.set("TITLE", "Cache test");
        m_shell.answers = {{"cc-version", "120200"}};
        m_shell.runs = 0;
        m_probes = std::make_unique<ProbeCache>(m_shell, (m_dir->path() + "/probes").toStdString(),
                                                m_tree.toStdString());
    }

    void cachedTreeConfiguresLikeAFreshParse()
    {
        bool hit = true;
        auto first = load(hit);
        QVERIFY(first);
        QVERIFY(!hit);
        auto second = load(hit);
        QVERIFY(second);
        QVERIFY(hit);
        QCOMPARE(defaults(*second), defaults(*first));
        QVERIFY(defaults(*second).find("CONFIG_CC_VERSION=120200\n") != std::string::npos);
        QVERIFY(defaults(*second).find("CONFIG_B=m\n") != std::string::npos);
        QCOMPARE(m_shell.runs, 1); // the probe ran once, for the first parse
    }

    void editedFileIsReparsed()
    {
        bool hit = false;
        QVERIFY(load(hit));
        tick();
        writeFile(m_tree + "/sub/Kconfig",
                  "config B\n\ttristate \"B\"\n\tdepends on A\n\tdefault y\n");
        auto tree = load(hit);
        QVERIFY(!hit);
        QVERIFY(defaults(*tree).find("CONFIG_B=y\n") != std::string::npos);
        QVERIFY(load(hit));
        QVERIFY(hit);
    }

    // conf looks for a relative name in the working directory (the objtree)
    // before $srctree: a file appearing there shadows the source tree's.
    void fileAppearingInTheObjtreeIsSeen()
    {
        SourceFiles objtree;
        objtree.setBaseDirectory((m_dir->path() + "/build").toStdString());
        QDir().mkpath(m_dir->path() + "/build");
        bool hit = false;
        QVERIFY(load(hit, &objtree));
        QVERIFY(load(hit, &objtree));
        QVERIFY(hit);
        writeFile(m_dir->path() + "/build/sub/Kconfig", "config EXTRA\n\tbool\n\tdefault y\n");
        auto tree = load(hit, &objtree);
        QVERIFY(!hit);
        QVERIFY(defaults(*tree).find("CONFIG_EXTRA=y\n") != std::string::npos);
        QVERIFY(defaults(*tree).find("CONFIG_B") == std::string::npos);
    }

    void environmentChangeIsSeen()
    {
        bool hit = false;
        QVERIFY(load(hit));
        m_env.set("TITLE", "Another title");
        auto tree = load(hit);
        QVERIFY(!hit);
        QVERIFY(defaults(*tree).find("# Another title\n") != std::string::npos);
        // Probes see the whole environment, so any other variable counts too
        // in a tree that runs them.
        QVERIFY(load(hit));
        QVERIFY(hit);
        m_env.set("UNRELATED", "1");
        QVERIFY(load(hit));
        QVERIFY(!hit);
    }

    void changedProbeAnswerIsSeen()
    {
        bool hit = false;
        QVERIFY(load(hit));
        // A new compiler: the probe cache's key changes (here: through the
        // environment the probe runs in), so its answer is asked again.
        m_shell.answers["cc-version"] = "130100";
        m_env.set("CC", "gcc-13");
        auto tree = load(hit);
        QVERIFY(!hit);
        QVERIFY(defaults(*tree).find("CONFIG_CC_VERSION=130100\n") != std::string::npos);
    }

    void overlaysAreNeitherServedNorStored()
    {
        bool hit = false;
        QVERIFY(load(hit));
        SourceFiles edited;
        edited.setOverlay("sub/Kconfig", "config B\n\ttristate \"B\"\n\tdefault n\n");
        auto patched = load(hit, &edited);
        QVERIFY(patched);
        QVERIFY(defaults(*patched).find("# CONFIG_B is not set\n") != std::string::npos);
        // The disk's tree is still what the cache gives.
        auto plain = load(hit);
        QVERIFY(hit);
        QVERIFY(defaults(*plain).find("CONFIG_B=m\n") != std::string::npos);
    }

    void corruptEntryIsIgnored()
    {
        bool hit = false;
        QVERIFY(load(hit));
        TreeCache cache(m_cacheDir);
        const QString entry = QString::fromStdString(cache.entryPath(options()));
        QVERIFY(QFile::exists(entry));
        QFile f(entry);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 64);
        f.seek(bytes.size() / 2);
        f.write(QByteArray(32, '\xff'));
        f.close();
        auto tree = load(hit);
        QVERIFY(tree);
        QVERIFY(!hit);
        QVERIFY(defaults(*tree).find("CONFIG_B=m\n") != std::string::npos);
        // Truncated to nothing.
        QVERIFY(QFile::resize(entry, 0));
        QVERIFY(load(hit));
        QVERIFY(!hit);
    }
};

QTEST_GUILESS_MAIN(TreeCacheTest)
#include "tst_treecache.moc"
