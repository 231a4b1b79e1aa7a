// SPDX-License-Identifier: MIT
// Golden-file test cases: a small Kconfig tree with conf arguments, run by the
// kernel's conf once (tests/accept-references.sh) to record the expected
// outputs, then run by kconfig-studio-cli (or the core API) in every test run.
// The directory layout is described in tests/accept-references.sh.
#pragma once

#include <kconfig/config.h>
#include <kconfig/diagnostic.h>
#include <kconfig/environment.h>
#include <kconfig/tree.h>

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

namespace kcstest {

struct CaseSpec
{
    QString dir;  // absolute path of the case directory
    QString name; // "<area>/<case>"
    QString description;
    QStringList args;
    QList<QPair<QString, QString>> env;
    std::optional<QByteArray> stdinData;

    QString envValue(const QString &name) const; // empty when unset
    bool hasEnv(const QString &name) const;
    QString kconfigFile() const { return args.isEmpty() ? QString() : args.last(); }
    // The conf mode option ("--olddefconfig", "--defconfig", ...), or "--oldaskconfig".
    QString mode() const;
    QString modeArgument() const; // FILE of --defconfig=FILE / --savedefconfig=FILE
};

// Where the tests create scratch directories: $KCS_TEST_TMPDIR, else /dev/shm
// when it is a writable directory (kconfig-studio-cli fsyncs what it writes,
// which is slow on some disks), else the system's temporary directory.
QString scratchRoot();

// All case directories of an area (tests/data/<area>/*), sorted.
QStringList caseDirs(const QString &area);
CaseSpec loadCase(const QString &dir);
// Declares a "caseDir" column and adds one row per case of `area` (for which
// `filter` holds, when given). Fails if no case is found.
void addCaseRows(const QString &area, const std::function<bool(const CaseSpec &)> &filter = {});
// True when conf wrote a file whose path ends with `suffix` for this case.
bool expectsFile(const CaseSpec &c, const QString &suffix);

struct Outputs
{
    QByteArray out;
    QByteArray err;
    int exitCode = -1;
    QMap<QString, QByteArray> files; // relative path -> content
};

Outputs expectedOutputs(const CaseSpec &c);
// Copies the inputs into `work` like accept-references.sh; returns their paths.
// Files already there with the right content are kept (only their dates are
// reset), anything else in `work` is removed.
QStringList prepareWorkDir(const CaseSpec &c, const QString &work);
// The environment a case runs in (fixed PATH and locale plus the case's env).
QList<QPair<QString, QString>> caseEnvironment(const CaseSpec &c);
struct RunOptions
{
    // XDG_CACHE_HOME, where kconfig-studio-cli keeps its probe and tree
    // caches; empty: a fresh directory for this run.
    QString cacheHome;
    // The working directory (emptied and filled with the inputs); empty: a
    // fresh scratch directory. The tree cache is keyed by it.
    QString workDir;
    int timeoutMs = 120000;
};
// Runs `program` (conf or kconfig-studio-cli) on the case in a working
// directory set up like accept-references.sh does.
Outputs runTool(const QString &program, const CaseSpec &c, const RunOptions &options = {});
// runTool() for kconfig-studio-cli.
Outputs runCli(const CaseSpec &c, const RunOptions &options = {});
// Empty when identical; otherwise a report with a unified diff per difference.
QString compareOutputs(const Outputs &expected, const Outputs &actual);
QString unifiedDiff(const QByteArray &expected, const QByteArray &actual, const QString &label);

// The tree of a case loaded through the core API, in a scratch copy of the
// inputs (the working directory is switched there while loading, so that
// relative paths resolve as they do for conf).
class ApiCase
{
public:
    explicit ApiCase(const CaseSpec &c);
    ~ApiCase();

    bool load(); // false when loading failed (diagnostics are still collected)
    const CaseSpec &spec() const { return m_spec; }
    QString workDir() const { return m_work.path(); }
    const kconfig::Environment &environment() const { return m_env; }
    kconfig::DiagnosticSink &diagnostics() { return m_diag; }
    kconfig::Tree &tree() { return *m_tree; }
    kconfig::Config &config() { return *m_config; }
    // Diagnostics printed so far, split like the CLI prints them.
    QByteArray diagnosticsStdout() const;
    QByteArray diagnosticsStderr() const;

    // Runs `f` with the working directory switched to the scratch copy.
    template <typename F> auto inWorkDir(F &&f)
    {
        CurrentDirGuard guard(m_work.path());
        return f();
    }

    // Reads the input like conf does for the case's mode and applies the mode
    // (olddefconfig, all*config, defconfig, randconfig, yes2mod...). Returns
    // false for modes the helper does not cover (interactive ones).
    bool applyMode();

private:
    struct CurrentDirGuard
    {
        explicit CurrentDirGuard(const QString &dir);
        ~CurrentDirGuard();
        QString previous;
    };

    CaseSpec m_spec;
    QTemporaryDir m_work;
    kconfig::Environment m_env;
    kconfig::DiagnosticSink m_diag;
    std::unique_ptr<kconfig::Tree> m_tree;
    std::unique_ptr<kconfig::Config> m_config;
};

// The checks every golden area runs; each returns an empty string on success
// and a readable report otherwise.
//
// conf's outputs for the case vs kconfig-studio-cli's.
QString checkCliAgainstExpected(const QString &caseDir);
// Two runs of kconfig-studio-cli in the same working directory with the same
// caches (the second one served by the probe and tree caches) both give conf's
// outputs; for a tree that loads, the second run must not store a new tree.
QString checkCliWarmCaches(const QString &caseDir);
// Loading the tree through the API reports exactly conf's parse-time messages:
// all of them when loading fails, a prefix of stdout/stderr otherwise.
QString checkLoadDiagnostics(const QString &caseDir);
// The Kconfig files and environment variables a loaded tree reports match the
// deps_config list and the ifneq blocks of conf's auto.conf.cmd. Cases without
// an auto.conf.cmd in their expected files pass trivially (*checked = false).
QString checkRecordedDependencies(const QString &caseDir, bool *checked);
// For cases whose mode ApiCase::applyMode() covers and where conf wrote a
// .config: the API's calculated values, written flags and choice selections
// agree with that .config, symbol by symbol.
bool apiCoversValues(const CaseSpec &c);
QString checkApiValues(const QString &caseDir);
// ConfigWriter/AutoconfWriter texts equal the files conf wrote (.config or
// the defconfig, auto.conf, autoconf.h, rustc_cfg and auto.conf.cmd).
bool apiCoversWriters(const CaseSpec &c);
QString checkApiWriters(const QString &caseDir);

// Parses "CONFIG_X=v" and "# CONFIG_X is not set" lines of a .config text
// into name -> value (n for "is not set"), in file order.
QList<QPair<QString, QString>> parseDotConfig(const QByteArray &text);

} // namespace kcstest
