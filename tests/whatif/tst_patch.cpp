// SPDX-License-Identifier: MIT
// Patches applied to a tree's Kconfig files in memory: git mails and plain
// `diff -u` output, offsets like patch(1), new files, missing final newlines,
// CRLF files, series that patch one file twice, and every kind of bad input
// reported with its patch line.
#include <kconfig/environment.h>
#include <kconfig/patch.h>
#include <kconfig/sourcefiles.h>

#include "golden.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kconfig;

namespace {

const char kVfio[] = "menuconfig VFIO\n"
                     "\ttristate \"VFIO\"\n"
                     "\tselect IOMMU_API\n"
                     "\tdepends on IOMMUFD || !IOMMUFD\n"
                     "\tselect INTERVAL_TREE\n"
                     "\thelp\n"
                     "\t  VFIO.\n";

const char kMail[] = "From 1234 Mon Sep 17 00:00:00 2001\n"
                     "From: Example Developer <dev@example.org>\n"
                     "Subject: [PATCH] vfio: select IOMMUFD\n"
                     "\n"
                     "Commit message.\n"
                     "---\n"
                     " drivers/vfio/Kconfig | 2 +-\n"
                     " drivers/vfio/vfio.c  | 1 +\n"
                     "\n"
                     "diff --git a/drivers/vfio/Kconfig b/drivers/vfio/Kconfig\n"
                     "index 1111111..2222222 100644\n"
                     "--- a/drivers/vfio/Kconfig\n"
                     "+++ b/drivers/vfio/Kconfig\n"
                     "@@ -2,5 +2,5 @@ menuconfig VFIO\n"
                     " \ttristate \"VFIO\"\n"
                     " \tselect IOMMU_API\n"
                     "-\tdepends on IOMMUFD || !IOMMUFD\n"
                     "+\tselect IOMMUFD\n"
                     " \tselect INTERVAL_TREE\n"
                     " \thelp\n"
                     "diff --git a/drivers/vfio/vfio.c b/drivers/vfio/vfio.c\n"
                     "--- a/drivers/vfio/vfio.c\n"
                     "+++ b/drivers/vfio/vfio.c\n"
                     "@@ -1 +1,2 @@\n"
                     " int x;\n"
                     "+int y;\n"
                     "-- \n"
                     "2.39.2\n";

} // namespace

class PatchTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir{kcstest::scratchRoot() + "/kcs-patch-XXXXXX"};
    Environment m_env;

    void write(const QString &rel, const QByteArray &text)
    {
        const QString path = m_dir.path() + '/' + rel;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }
    std::string overlay(const SourceFiles &s, const std::string &name)
    {
        auto it = s.overlays().find(name);
        return it == s.overlays().end() ? std::string("<none>") : it->second;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        write("drivers/vfio/Kconfig", kVfio);
        m_env = Environment();
        m_env.set("srctree", m_dir.path().toStdString());
    }

    void gitMail()
    {
        const Patch p = parsePatch(kMail);
        QVERIFY2(p.errors.empty(), p.errors.empty() ? "" : p.errors[0].c_str());
        QCOMPARE(p.subject, std::string("[PATCH] vfio: select IOMMUFD"));
        QCOMPARE(p.files.size(), std::size_t(2));
        QCOMPARE(p.files[0].oldPath, std::string("drivers/vfio/Kconfig"));
        QCOMPARE(p.files[0].newPath, std::string("drivers/vfio/Kconfig"));
        QCOMPARE(p.files[0].hunks.size(), std::size_t(1));
        const PatchHunk &h = p.files[0].hunks[0];
        QCOMPARE(h.oldStart, 2);
        QCOMPARE(h.oldCount, 5);
        QCOMPARE(h.newCount, 5);
        QCOMPARE(h.patchLine, 14);
        QCOMPARE(h.lines.size(), std::size_t(6));
        // The signature after the last hunk ("-- ") is not part of it.
        QCOMPARE(p.files[1].hunks[0].lines.size(), std::size_t(2));

        SourceFiles sources;
        const PatchResult r = applyPatch(p, sources, m_env);
        QVERIFY(r.ok());
        QCOMPARE(r.patched, std::vector<std::string>{"drivers/vfio/Kconfig"});
        QCOMPARE(r.ignored, std::vector<std::string>{"drivers/vfio/vfio.c"});
        std::string expected = kVfio;
        expected.replace(expected.find("\tdepends on IOMMUFD || !IOMMUFD\n"),
                         std::string("\tdepends on IOMMUFD || !IOMMUFD\n").size(),
                         "\tselect IOMMUFD\n");
        QCOMPARE(overlay(sources, "drivers/vfio/Kconfig"), expected);
        // Reading through the sources gives the patched text; the disk is untouched.
        QCOMPARE(sources.open("drivers/vfio/Kconfig", m_env)->text.str(), expected);
        QFile disk(m_dir.path() + "/drivers/vfio/Kconfig");
        QVERIFY(disk.open(QIODevice::ReadOnly));
        QCOMPARE(disk.readAll(), QByteArray(kVfio));
    }

    // Plain diff -u: no a/ b/ prefixes, dates after a tab.
    void plainDiff()
    {
        const Patch p = parsePatch("--- drivers/vfio/Kconfig\t2024-01-01 10:00:00.000000000 +0100\n"
                                   "+++ drivers/vfio/Kconfig\t2024-01-02 10:00:00.000000000 +0100\n"
                                   "@@ -6,2 +6,3 @@\n"
                                   " \thelp\n"
                                   " \t  VFIO.\n"
                                   "+\t  More help.\n");
        QVERIFY(p.errors.empty());
        QCOMPARE(p.files[0].oldPath, std::string("drivers/vfio/Kconfig"));
        SourceFiles sources;
        QVERIFY(applyPatch(p, sources, m_env).ok());
        QCOMPARE(overlay(sources, "drivers/vfio/Kconfig"), std::string(kVfio) + "\t  More help.\n");
    }

    // Like patch(1): a hunk whose lines moved applies where its context is.
    void hunkAppliesAtAnOffset()
    {
        write("drivers/vfio/Kconfig", QByteArray("# SPDX\n\n\n") + kVfio);
        SourceFiles sources;
        const PatchResult r = applyPatch(parsePatch(kMail), sources, m_env);
        QVERIFY(r.ok());
        QVERIFY(overlay(sources, "drivers/vfio/Kconfig")
                    .find("# SPDX\n\n\nmenuconfig VFIO\n\ttristate "
                          "\"VFIO\"\n\tselect IOMMU_API\n\tselect "
                          "IOMMUFD\n") == 0);
    }

    void contextMismatchIsRejected()
    {
        write("drivers/vfio/Kconfig", QByteArray(kVfio).replace("IOMMU_API", "IOMMU_SUPPORT"));
        SourceFiles sources;
        const PatchResult r = applyPatch(parsePatch(kMail), sources, m_env);
        QVERIFY(!r.ok());
        QCOMPARE(r.rejected.size(), std::size_t(1));
        QCOMPARE(r.rejected[0],
                 std::string("drivers/vfio/Kconfig: hunk #1 (patch line 14) does not "
                             "apply: its context is not in the file"));
        QVERIFY(r.patched.empty());
        QVERIFY(sources.overlays().empty()); // a rejected file stays as it was
    }

    void missingFileIsRejected()
    {
        QFile::remove(m_dir.path() + "/drivers/vfio/Kconfig");
        SourceFiles sources;
        const PatchResult r = applyPatch(parsePatch(kMail), sources, m_env);
        QCOMPARE(r.rejected,
                 std::vector<std::string>{"drivers/vfio/Kconfig: not found in the tree"});
    }

    void newFile()
    {
        const Patch p = parsePatch("diff --git a/drivers/foo/Kconfig b/drivers/foo/Kconfig\n"
                                   "new file mode 100644\n"
                                   "--- /dev/null\n"
                                   "+++ b/drivers/foo/Kconfig\n"
                                   "@@ -0,0 +1,2 @@\n"
                                   "+config FOO\n"
                                   "+\tbool \"foo\"\n");
        QVERIFY(p.errors.empty());
        QCOMPARE(p.files[0].oldPath, std::string("/dev/null"));
        SourceFiles sources;
        QVERIFY(applyPatch(p, sources, m_env).ok());
        QCOMPARE(overlay(sources, "drivers/foo/Kconfig"),
                 std::string("config FOO\n\tbool \"foo\"\n"));
    }

    void noNewlineAtEnd()
    {
        write("Kconfig", "config A\n\tbool \"a\"");
        const Patch p = parsePatch("--- a/Kconfig\n+++ b/Kconfig\n"
                                   "@@ -1,2 +1,3 @@\n"
                                   " config A\n"
                                   "-\tbool \"a\"\n"
                                   "\\ No newline at end of file\n"
                                   "+\tbool \"a\"\n"
                                   "+\tdefault y\n"
                                   "\\ No newline at end of file\n");
        QVERIFY(p.errors.empty());
        QVERIFY(p.files[0].hunks[0].noNewlineAtEnd);
        SourceFiles sources;
        QVERIFY(applyPatch(p, sources, m_env).ok());
        QCOMPARE(overlay(sources, "Kconfig"), std::string("config A\n\tbool \"a\"\n\tdefault y"));
    }

    // A file with CRLF line ends matches a patch written with LF.
    void crlfFile()
    {
        write("Kconfig", "config A\r\n\tbool \"a\"\r\n");
        SourceFiles sources;
        QVERIFY(applyPatch(parsePatch("--- a/Kconfig\n+++ b/Kconfig\n@@ -1,2 +1,3 @@\n config A\n"
                                      " \tbool \"a\"\n+\tdefault y\n"),
                           sources, m_env)
                    .ok());
        QCOMPARE(overlay(sources, "Kconfig"),
                 std::string("config A\r\n\tbool \"a\"\r\n\tdefault y\r\n"));
    }

    // A series: the second mail's hunk only applies on top of the first.
    void seriesPatchesOneFileTwice()
    {
        std::string series = kMail;
        series += "From 5678 Mon Sep 17 00:00:00 2001\n"
                  "Subject: [PATCH 2/2] vfio: more\n"
                  "---\n"
                  "--- a/drivers/vfio/Kconfig\n"
                  "+++ b/drivers/vfio/Kconfig\n"
                  "@@ -3,2 +3,3 @@\n"
                  " \tselect IOMMU_API\n"
                  " \tselect IOMMUFD\n"
                  "+\tselect VFIO_DEVICE_CDEV\n";
        const Patch p = parsePatch(series);
        QVERIFY(p.errors.empty());
        QCOMPARE(p.files.size(), std::size_t(3));
        SourceFiles sources;
        const PatchResult r = applyPatch(p, sources, m_env);
        QVERIFY(r.ok());
        QVERIFY(overlay(sources, "drivers/vfio/Kconfig")
                    .find("\tselect IOMMU_API\n\tselect IOMMUFD\n\tselect VFIO_DEVICE_CDEV\n") !=
                std::string::npos);
    }

    void malformedInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("not a diff")
            << QByteArray("hello\nworld\n")
            << QByteArray("patch:1: no file changes found (is this a unified diff?)");
        QTest::newRow("bad hunk header")
            << QByteArray("--- a/Kconfig\n+++ b/Kconfig\n@@ -x +1 @@\n")
            << QByteArray("patch:3: malformed hunk header: @@ -x +1 @@");
        QTest::newRow("truncated hunk")
            << QByteArray("--- a/Kconfig\n+++ b/Kconfig\n@@ -1,3 +1,3 @@\n config A\n")
            << QByteArray("patch:3: hunk ends early: expected 3 old and 3 new lines");
        QTest::newRow("header without hunks")
            << QByteArray("--- a/Kconfig\n+++ b/Kconfig\n")
            << QByteArray("patch:1: file header without hunks: Kconfig");
        QTest::newRow("empty") << QByteArray()
                               << QByteArray(
                                      "patch:1: no file changes found (is this a unified diff?)");
        QTest::newRow("binary junk") << (QByteArray("\0\xff\xfe\n", 4) + "--- \n+++ \n@@ @@\n")
                                     << QByteArray("patch:4: malformed hunk header: @@ @@");
    }
    void malformedInput()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, error);
        const Patch p = parsePatch(text.toStdString());
        QVERIFY(!p.errors.empty());
        QCOMPARE(QByteArray::fromStdString(p.errors[0]), error);
        SourceFiles sources;
        const PatchResult r = applyPatch(p, sources, m_env); // applies what parsed; must not crash
        QVERIFY(r.patched.empty());
    }

    void kconfigPaths()
    {
        QVERIFY(isKconfigPath("Kconfig"));
        QVERIFY(isKconfigPath("arch/x86/Kconfig.debug"));
        QVERIFY(isKconfigPath("drivers/vfio/pci/Kconfig"));
        QVERIFY(!isKconfigPath("drivers/vfio/Makefile"));
        QVERIFY(!isKconfigPath("Documentation/kbuild/kconfig-language.rst"));
        QVERIFY(!isKconfigPath("scripts/kconfig/conf.c"));
    }
};

QTEST_GUILESS_MAIN(PatchTest)
#include "tst_patch.moc"
