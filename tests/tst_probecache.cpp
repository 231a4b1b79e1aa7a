// SPDX-License-Identifier: MIT
// The probe cache answers a $(shell,...) from disk only while the answer cannot
// have changed: the same command, environment and working directory, and the
// same programs it names (found on PATH as the shell would find them, symbolic
// links followed) and directories holding them. Anything else runs the command.
#include <kconfig/environment.h>
#include <kconfig/probecache.h>
#include <kconfig/shellrunner.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <time.h>
#include <unistd.h>

using namespace kconfig;

namespace {

// Answers with a number that grows with every command it runs, so that a
// cached answer and a fresh one always differ.
class CountingShell : public ShellRunner
{
public:
    int runs = 0;
    std::string run(const std::string &command, const Environment &env) override
    {
        return execute(command, env).out;
    }
    ShellOutput execute(const std::string &command, const Environment &) override
    {
        ++runs;
        return ShellOutput{command + " #" + std::to_string(runs) + '\n', "note\n"};
    }
    int processesStarted() const override { return runs; }
};

void writeFile(const QString &path, const QByteArray &text, bool executable = true)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    if (executable) QVERIFY(f.setPermissions(f.permissions() | QFileDevice::ExeOwner));
}

// Sets a directory's modification time an hour back, as an installed one has.
void age(const QString &dir)
{
    struct timespec times[2];
    ::clock_gettime(CLOCK_REALTIME, &times[0]);
    times[0].tv_sec -= 3600;
    times[1] = times[0];
    QVERIFY(::utimensat(AT_FDCWD, dir.toLocal8Bit().constData(), times, 0) == 0);
}

std::string keyNow(ShellRunner &shell, const std::string &cacheDir, const QString &cwd,
                   const std::string &command, const Environment &env)
{
    ProbeCache cache(shell, cacheDir, cwd.toStdString());
    return cache.keyFor(command, env);
}

// File times have a granularity; wait until a rewrite gets a new one.
void nextTimestamp()
{
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

} // namespace

class ProbeCacheTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_bin, m_bin2, m_cwd;
    std::string m_cacheDir;
    Environment m_env;

    // The cache's files whose names match `pattern`.
    QStringList cacheFiles(const QString &pattern) const
    {
        QStringList out;
        QDirIterator it(QString::fromStdString(m_cacheDir), {pattern}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            out << it.next();
        return out;
    }

    // A fresh cache object, as a new load makes one (its memos start empty).
    ShellOutput ask(CountingShell &shell, const std::string &command)
    {
        ProbeCache cache(shell, m_cacheDir, m_cwd.toStdString());
        return cache.execute(command, m_env);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_bin = m_dir->path() + "/bin";
        m_bin2 = m_dir->path() + "/bin2";
        m_cwd = m_dir->path() + "/work";
        QDir().mkpath(m_cwd);
        QDir().mkpath(m_bin2);
        writeFile(m_bin + "/cc", "#!/bin/sh\necho cc 1\n");
        m_cacheDir = (m_dir->path() + "/probes").toStdString();
        m_env = Environment();
        m_env.set("PATH", (m_bin + ':' + m_bin2).toStdString());
        m_env.set("CC", "cc");
    }

    void sameProbeIsAnsweredFromTheCache()
    {
        CountingShell shell;
        const ShellOutput first = ask(shell, "cc -v --version 2>&1");
        const ShellOutput second = ask(shell, "cc -v --version 2>&1");
        QCOMPARE(shell.runs, 1);
        QCOMPARE(second.out, first.out);
        QCOMPARE(second.err, std::string("note\n"));
    }

    void otherCommandRuns()
    {
        CountingShell shell;
        ask(shell, "cc -v");
        ask(shell, "cc -V");
        QCOMPARE(shell.runs, 2);
    }

    void changedEnvironmentRuns()
    {
        CountingShell shell;
        ask(shell, "cc -v");
        m_env.set("CFLAGS", "-O2");
        ask(shell, "cc -v");
        QCOMPARE(shell.runs, 2);
        // Variables that change from run to run but that no probe reads do not count.
        m_env.set("SHLVL", "7");
        ask(shell, "cc -v");
        QCOMPARE(shell.runs, 2);
    }

    void rewrittenToolRuns()
    {
        CountingShell shell;
        ask(shell, "CC=x cc -v; true");
        nextTimestamp();
        writeFile(m_bin + "/cc", "#!/bin/sh\necho cc 22\n");
        const ShellOutput again = ask(shell, "CC=x cc -v; true");
        QCOMPARE(shell.runs, 2);
        QVERIFY(again.out.find("#2") != std::string::npos);
    }

    void toolAppearingEarlierOnPathRuns()
    {
        CountingShell shell;
        m_env.set("PATH", (m_bin2 + ':' + m_bin).toStdString());
        ask(shell, "cc -v");
        writeFile(m_bin2 + "/cc", "#!/bin/sh\necho other cc\n");
        ask(shell, "cc -v");
        QCOMPARE(shell.runs, 2);
        ProbeCache cache(shell, m_cacheDir, m_cwd.toStdString());
        const std::string key = cache.keyFor("cc -v", m_env);
        QVERIFY(key.find("tool " + (m_bin2 + "/cc").toStdString() + ' ') != std::string::npos);
    }

    void changedLinkTargetRuns()
    {
        CountingShell shell;
        writeFile(m_dir->path() + "/real/gcc-12", "#!/bin/sh\necho 12\n");
        QVERIFY(QFile::link(m_dir->path() + "/real/gcc-12", m_bin + "/gcc"));
        ask(shell, "gcc -v");
        nextTimestamp();
        writeFile(m_dir->path() + "/real/gcc-12", "#!/bin/sh\necho 12.2\n");
        ask(shell, "gcc -v");
        QCOMPARE(shell.runs, 2);
    }

    void directoryReachedByTwoNames()
    {
        // /bin and /usr/bin on merged-/usr systems: one listing, and each name
        // still resolves to its own path.
        QVERIFY(QFile::link(m_bin, m_dir->path() + "/binlink"));
        m_env.set("PATH", (m_dir->path() + "/binlink:" + m_bin).toStdString());
        CountingShell shell;
        ProbeCache cache(shell, m_cacheDir, m_cwd.toStdString());
        const std::string key = cache.keyFor("cc; nosuchtool", m_env);
        QVERIFY(key.find("tool " + (m_dir->path() + "/binlink/cc").toStdString() + ' ') !=
                std::string::npos);
        // A word found nowhere (an option, a file name) adds nothing to the key.
        QCOMPARE(key.rfind("nosuchtool"), key.find("command ") + 12);
    }

    void everyWordOfTheCommandIsLookedUp()
    {
        writeFile(m_bin + "/ld", "#!/bin/sh\n");
        writeFile(m_bin2 + "/sed", "#!/bin/sh\n");
        CountingShell shell;
        ProbeCache cache(shell, m_cacheDir, m_cwd.toStdString());
        const std::string key =
            cache.keyFor("X=1 cc -c x.c&&{ ld --version|sed 's/a/b/'; } >/dev/null", m_env);
        for (const QString &tool : {m_bin + "/cc", m_bin + "/ld", m_bin2 + "/sed"})
            QVERIFY2(key.find("tool " + tool.toStdString() + ' ') != std::string::npos,
                     qPrintable(tool));
        // A program named twice is fingerprinted once.
        const std::string twice = cache.keyFor("cc -v; cc -V", m_env);
        const std::string line = "tool " + (m_bin + "/cc").toStdString() + ' ';
        QCOMPARE(twice.find(line), twice.rfind(line));
        // A relative path that does not exist yet is noted as missing.
        QVERIFY(cache.keyFor("./configure", m_env)
                    .find("missing " + m_cwd.toStdString() + "/./configure") != std::string::npos);
    }

    void otherWorkingDirectoryRuns()
    {
        CountingShell shell;
        ask(shell, "cat input");
        m_cwd = m_dir->path() + "/elsewhere";
        ask(shell, "cat input");
        QCOMPARE(shell.runs, 2);
    }

    // Where words were found on PATH is kept for the next load while the
    // directories are unchanged; the programs found are still checked anew.
    void keptPathListingStillChecksThePrograms()
    {
        writeFile(m_bin2 + "/cc", "#!/bin/sh\necho cc 2\n");
        age(m_bin);
        age(m_bin2);
        CountingShell shell;
        const std::string first = keyNow(shell, m_cacheDir, m_cwd, "cc -v", m_env);
        QVERIFY(first.find("tool " + (m_bin + "/cc").toStdString() + ' ') != std::string::npos);
        QCOMPARE(QDir(QString::fromStdString(m_cacheDir) + "/paths").entryList({"*.path"}).size(),
                 1);
        // No longer executable: its directory does not change, the shell runs the next cc.
        QFile cc(m_bin + "/cc");
        QVERIFY(
            cc.setPermissions(cc.permissions() & ~(QFileDevice::ExeOwner | QFileDevice::ExeUser |
                                                   QFileDevice::ExeGroup | QFileDevice::ExeOther)));
        const std::string second = keyNow(shell, m_cacheDir, m_cwd, "cc -v", m_env);
        QVERIFY(second.find("tool " + (m_bin2 + "/cc").toStdString() + ' ') != std::string::npos);
    }

    // A directory changed within a timestamp's reach of the listing may have
    // changed after it with the same time: it is listed again.
    void recentlyChangedDirectoryIsListedAgain()
    {
        m_env.set("PATH", (m_bin2 + ':' + m_bin).toStdString());
        CountingShell shell;
        const std::string first = keyNow(shell, m_cacheDir, m_cwd, "cc -v", m_env);
        QVERIFY(first.find("tool " + (m_bin + "/cc").toStdString() + ' ') != std::string::npos);
        struct stat before
        {
        };
        QVERIFY(::stat(m_bin2.toLocal8Bit().constData(), &before) == 0);
        writeFile(m_bin2 + "/cc", "#!/bin/sh\necho cc 2\n");
        // The same time as before the new name: only the listing can tell.
        const struct timespec times[2] = {before.st_atim, before.st_mtim};
        QVERIFY(::utimensat(AT_FDCWD, m_bin2.toLocal8Bit().constData(), times, 0) == 0);
        const std::string second = keyNow(shell, m_cacheDir, m_cwd, "cc -v", m_env);
        QVERIFY(second.find("tool " + (m_bin2 + "/cc").toStdString() + ' ') != std::string::npos);
    }

    // The answers a load needed are kept together too, and answer the next
    // load without an entry file each; they follow the same keys.
    void answersOfTheLastLoadNeedNoEntries()
    {
        CountingShell shell;
        {
            ProbeCache load(shell, m_cacheDir, m_cwd.toStdString());
            load.execute("cc -v", m_env);
            load.execute("cc -V", m_env);
        }
        const QStringList entries = cacheFiles("*.probe");
        QCOMPARE(entries.size(), 2);
        for (const QString &e : entries)
            QVERIFY(QFile::remove(e));
        QCOMPARE(cacheFiles("*.answers").size(), 1);
        {
            ProbeCache load(shell, m_cacheDir, m_cwd.toStdString());
            QCOMPARE(load.execute("cc -v", m_env).out, std::string("cc -v #1\n"));
            QCOMPARE(load.execute("cc -V", m_env).out, std::string("cc -V #2\n"));
        }
        QCOMPARE(shell.runs, 2);
        nextTimestamp();
        writeFile(m_bin + "/cc", "#!/bin/sh\necho cc 2\n");
        ask(shell, "cc -v");
        QCOMPARE(shell.runs, 3);
    }

    void damagedOrForeignEntriesAreIgnored()
    {
        CountingShell shell;
        ask(shell, "cc -v");
        // The entry and the answers of the load: each alone would answer.
        const QStringList files = cacheFiles("*.probe") + cacheFiles("*.answers");
        QCOMPARE(files.size(), 2);
        // Readable by others: not trusted.
        for (const QString &f : files)
            QVERIFY(QFile(f).setPermissions(QFile(f).permissions() | QFileDevice::ReadOther));
        ask(shell, "cc -v");
        QCOMPARE(shell.runs, 2);
        // The run wrote them again, owner-only; now damage their length fields.
        for (const QString &f : files) {
            QFile file(f);
            QVERIFY((file.permissions() & QFileDevice::ReadOther) == 0);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QByteArray text = file.readAll();
            file.close();
            QVERIFY(text.contains("--\n"));
            text.replace("--\n", "--\n9");
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(text);
            file.close();
        }
        ask(shell, "cc -v");
        QCOMPARE(shell.runs, 3);
    }
};

QTEST_GUILESS_MAIN(ProbeCacheTest)
#include "tst_probecache.moc"
