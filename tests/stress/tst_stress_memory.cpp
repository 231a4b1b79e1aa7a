// SPDX-License-Identifier: MIT
// Every architecture of the Linux 6.12 tree, loaded one after another in one
// process, twice over: the way the GUI opens tree after tree. Each load gets
// the kernel Makefile's environment (kernelEnvironment), the probe cache,
// a Config with every symbol calculated and the .config text; then all of it
// is destroyed. Memory must stay flat:
//
// * after each tree is destroyed (and malloc has returned what it can), the
//   resident set may exceed the one after the first tree by a few MB only;
// * in the second round, each architecture's resident set with its tree
//   loaded may exceed the first round's by a few MB only.
//
// A leak of a tree's worth of anything grows by tens of MB per load and
// fails both. The figures are printed for the README.
#include "kerneltree.h"

#include <kconfig/config.h>
#include <kconfig/configwriter.h>
#include <kconfig/diagnostic.h>
#include <kconfig/kerneltree.h>
#include <kconfig/probecache.h>
#include <kconfig/shellrunner.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/tree.h>
#include <kconfig/treeloader.h>

#include <QDir>
#include <QElapsedTimer>
#include <QTest>

#include <cstdio>
#include <malloc.h>
#include <map>
#include <unistd.h>

using namespace kconfig;

namespace {

// Bounds in MB; a tree with its Config is 40-70 MB.
constexpr long kFlatAfterDestroyMb = 16;
constexpr long kFlatLoadedMb = 16;

long residentMb()
{
    long pages = 0, resident = 0;
    if (FILE *f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * ::sysconf(_SC_PAGESIZE) / (1024 * 1024);
}

struct Figures
{
    long loadedMb = 0;
    long afterMb = 0;
    std::size_t symbols = 0;
    qint64 ms = 0;
};

} // namespace

class TestStressMemory : public QObject
{
    Q_OBJECT

private slots:
    void everyArchitecture()
    {
        const QString problem = kcstest::kernelTreeProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto info = detectKernelTree(kcstest::kernelSourceDir().toStdString());
        QVERIFY(info);
        QVERIFY(info->architectures.size() > 15);

        // Only what the kernel Makefile would see from a plain shell.
        Environment base;
        base.set("PATH",
                 qEnvironmentVariable("PATH", QStringLiteral("/usr/bin:/bin")).toStdString());
        base.set("HOME", QDir::homePath().toStdString());
        base.set("LC_ALL", "C");
        const std::string probes =
            (kcstest::kernelCacheDir() + QStringLiteral("/xdg/kconfig-studio/probes"))
                .toStdString();
        const std::string work =
            (kcstest::kernelCacheDir() + QStringLiteral("/stress")).toStdString();
        QDir().mkpath(QString::fromStdString(work));
        ProcessShellRunner processes(work);

        std::map<std::string, Figures> rounds[2];
        long firstAfter = -1;
        long worstAfter = 0;
        for (int round = 0; round < 2; ++round) {
            for (const std::string &arch : info->architectures) {
                QElapsedTimer timer;
                timer.start();
                Figures f;
                {
                    ProbeCache cache(processes, probes, work);
                    const Environment env = kernelEnvironment(*info, arch, base, &cache);
                    SourceFiles sources;
                    sources.setBaseDirectory(info->srctree);
                    LoadOptions options;
                    options.environment = env;
                    options.shell = &cache;
                    options.sources = &sources;
                    DiagnosticSink sink;
                    LoadResult loaded = loadTree(options, sink);
                    std::string messages;
                    for (const Diagnostic &d : sink.all())
                        messages += d.text;
                    QVERIFY2(loaded, qPrintable(QString::fromStdString(arch + ":\n" + messages)));
                    Config config(*loaded.tree);
                    for (const Symbol *sym : loaded.tree->symbols().hashOrder())
                        config.calc(sym);
                    ConfigWriter writer(config, env);
                    QVERIFY(!writer.dotConfigText().empty());
                    f.symbols = loaded.tree->symbols().size();
                    f.loadedMb = residentMb();
                }
                ::malloc_trim(0);
                f.afterMb = residentMb();
                f.ms = timer.elapsed();
                rounds[round][arch] = f;
                if (firstAfter < 0) firstAfter = f.afterMb;
                worstAfter = std::max(worstAfter, f.afterMb);
                qInfo("round %d %-10s %6zu symbols %5lld ms  RSS loaded %4ld MB, after %4ld MB",
                      round + 1, arch.c_str(), f.symbols, f.ms, f.loadedMb, f.afterMb);
            }
        }

        qInfo("RSS after destroying each tree: first %ld MB, highest %ld MB (bound +%ld MB)",
              firstAfter, worstAfter, kFlatAfterDestroyMb);
#if defined(__SANITIZE_ADDRESS__)
        // AddressSanitizer keeps freed memory in quarantine (256 MB by default),
        // so resident sizes say nothing here; LeakSanitizer checks for leaks at
        // exit instead, and the release build checks the bounds.
        return;
#endif
        QVERIFY2(worstAfter - firstAfter <= kFlatAfterDestroyMb,
                 qPrintable(QStringLiteral("grew by %1 MB").arg(worstAfter - firstAfter)));
        long worstGrowth = 0;
        std::string worstArch;
        for (const auto &[arch, f] : rounds[1]) {
            const long growth = f.loadedMb - rounds[0][arch].loadedMb;
            if (growth > worstGrowth) {
                worstGrowth = growth;
                worstArch = arch;
            }
        }
        qInfo("second round, loaded: largest growth over the first %ld MB (%s; bound +%ld MB)",
              worstGrowth, worstArch.empty() ? "none" : worstArch.c_str(), kFlatLoadedMb);
        QVERIFY2(worstGrowth <= kFlatLoadedMb,
                 qPrintable(QStringLiteral("%1 grew by %2 MB")
                                .arg(QString::fromStdString(worstArch))
                                .arg(worstGrowth)));
    }
};

QTEST_GUILESS_MAIN(TestStressMemory)
#include "tst_stress_memory.moc"
