// SPDX-License-Identifier: MIT
// Shared pieces of the explanation-engine tests: loading small trees, the
// demo tree and the real Linux 6.12 tree through the core API, reading
// configurations, running the kernel's conf, and comparing the derivation
// (deriveValue) and our Config with each other and with conf's .config.
#pragma once

#include <kconfig/assignment.h>
#include <kconfig/config.h>
#include <kconfig/derivation.h>
#include <kconfig/diagnostic.h>
#include <kconfig/environment.h>
#include <kconfig/tree.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace kcsexplain {

// tests/data/explain, resources/demo, the built kconfig-studio-cli.
QString explainDataDir();
QString demoDir();
QString cliPath();
// The case directories under tests/data/explain, sorted.
QStringList explainCaseDirs();

struct LoadedTree
{
    kconfig::Environment environment;
    kconfig::DiagnosticSink diagnostics;
    std::unique_ptr<kconfig::Tree> tree;
    QString srctree;

    const kconfig::Symbol *sym(const char *name) const;
    const kconfig::Symbol *sym(const QString &name) const;
    QString diagnosticsText() const;
};

// A small tree: srctree is `dir`, the top-level file dir/Kconfig, no $(shell).
// Null (and *error set) when it does not load.
std::unique_ptr<LoadedTree> loadSmallTree(const QString &dir, QString *error);
// The real Linux 6.12 tree prepared by tests/kernel/prepare-kernel-tree.sh,
// with the environment the kernel Makefile exports for ARCH (its $(shell)
// probes really run).
std::unique_ptr<LoadedTree> loadKernelTree(const QString &arch, QString *error);

// conf_read of a file or a text (like --olddefconfig before writing); every
// symbol is calculated afterwards. Null when the file cannot be read.
std::unique_ptr<kconfig::Config> readConfig(LoadedTree &t, const QString &path);
std::unique_ptr<kconfig::Config> readConfigText(LoadedTree &t, const QByteArray &text);
// .config text of `config` (ConfigWriter).
QByteArray dotConfigText(LoadedTree &t, kconfig::Config &config);

// Runs the kernel's conf for the kernel tree in a scratch directory: writes
// `input` as .config, runs `conf ARGS Kconfig`, returns the .config it wrote
// (empty with *error set on failure).
QByteArray runKernelConf(const QString &arch, const QStringList &args, const QByteArray &input,
                         QString *error);
// runKernelConf() for several inputs at once (the processes run in parallel).
QList<QByteArray> runKernelConfAll(const QString &arch, const QStringList &args,
                                   const QList<QByteArray> &inputs, QString *error);

// "y", "m", "n" as a QString.
QString triText(kconfig::Tristate t);
// "value=y visible=m revdep=n changeable=1 written=1" (for failure messages).
QString snapshotText(const kconfig::SymbolSnapshot &s);

// conf's sym_calc_choice marks every visible member of a choice as
// calculated, but recalculates the visibility only of the members it looked
// at (in priority order, up to the first one the user set to y): the others
// keep the visibility of an earlier calculation, and conf writes them to
// .config although their prompt may be hidden by now. Config reproduces
// that; the derivation evaluates the prompts afresh. True for a member whose
// visibility in `config` is such a leftover (it only happens after values
// changed within one session, never right after reading a .config).
bool hasStaleChoiceVisibility(kconfig::Config &config, const kconfig::Symbol *s);

// Every defined symbol: deriveValue(tree, sym, CurrentValues(config), &config)
// against the Config's own calculation (value, tristate, visibility,
// changeability, written flag, reverse dependency, unmet dependency). Empty
// when they agree; otherwise one line per difference (at most `limit`).
// `*checked` counts the symbols compared, `*stale` the choice members left
// out because of hasStaleChoiceVisibility().
QString derivationMismatches(const kconfig::Tree &tree, kconfig::Config &config,
                             int *checked = nullptr, int limit = 20, int *stale = nullptr);

// The state a derivation gives, in the terms of a snapshot.
kconfig::SymbolSnapshot derivedSnapshot(const kconfig::ValueDerivation &d);

// Snapshots of all symbols, by symbol id, and which choice members have a
// leftover visibility (hasStaleChoiceVisibility) at that moment.
struct Snapshots
{
    std::vector<kconfig::SymbolSnapshot> state;
    std::vector<char> stale;
    bool empty() const { return state.empty(); }
};
Snapshots snapshotAll(const kconfig::Tree &tree, kconfig::Config &config);

// After `applied` changed `config`: deriving with the EarlierValues built from
// the change set (states, user values and choice order before) must
// reproduce `before` (the snapshots of all symbols taken just before the
// action; empty to check only the changed symbols against change.before).
QString earlierMismatches(const kconfig::Tree &tree, kconfig::Config &config,
                          const kconfig::AppliedChange &applied, const Snapshots &before,
                          int limit = 20);

// Whether the derivation checks cover a symbol (defined, not constant, not
// the unnamed choice symbol).
bool isCheckedSymbol(const kconfig::Symbol *s);

// Symbol values of a .config text: name -> value ("n" for "is not set").
QMap<QString, QString> dotConfigValues(const QByteArray &text);
// Compares all symbols of `config` with conf's .config: a symbol we write
// must be there with the same value; a symbol we do not write must not be.
QString compareWithConf(const kconfig::Tree &tree, kconfig::Config &config,
                        const QByteArray &confDotConfig, int limit = 20);

// Replaces (or appends) CONFIG_<name> in a .config text.
QByteArray withAssignment(const QByteArray &dotConfig, const QString &name, const QString &value);

// Writes a file (creating directories); fails the test on error.
void writeFile(const QString &path, const QByteArray &data);
QByteArray readFile(const QString &path);

} // namespace kcsexplain
