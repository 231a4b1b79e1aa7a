// SPDX-License-Identifier: MIT
#include "explaintest.h"

#include "golden.h"
#include "kerneltree.h"

#include <kconfig/configreader.h>
#include <kconfig/configwriter.h>
#include <kconfig/shellrunner.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/treeloader.h>
#include <kconfig/valuesource.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kconfig;

namespace kcsexplain {

QString explainDataDir()
{
    return QStringLiteral(KCS_TEST_DATA_DIR "/explain");
}

QString demoDir()
{
    return QStringLiteral(KCS_DEMO_DIR);
}

QString cliPath()
{
    return QStringLiteral(KCS_CLI_PATH);
}

QStringList explainCaseDirs()
{
    QStringList out;
    const QDir dir(explainDataDir());
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        out << dir.filePath(name);
    return out;
}

const Symbol *LoadedTree::sym(const char *name) const
{
    return tree->symbols().find(name);
}

const Symbol *LoadedTree::sym(const QString &name) const
{
    return tree->symbols().find(name.toStdString());
}

QString LoadedTree::diagnosticsText() const
{
    QString out;
    for (const Diagnostic &d : diagnostics.all())
        out += QString::fromStdString(d.text);
    return out;
}

namespace {

// Loads srctree/Kconfig as conf does when run in srctree with "Kconfig", so
// that locations read "drivers/vfio/Kconfig:5".
std::unique_ptr<LoadedTree> load(std::unique_ptr<LoadedTree> t, ShellRunner *shell, QString *error)
{
    SourceFiles sources;
    sources.setBaseDirectory(t->srctree.toStdString());
    LoadOptions options;
    options.kconfig = "Kconfig";
    options.environment = t->environment;
    options.shell = shell;
    options.sources = &sources;
    LoadResult r = loadTree(options, t->diagnostics);
    if (!r.tree) {
        *error =
            QStringLiteral("%1/Kconfig does not load:\n%2").arg(t->srctree, t->diagnosticsText());
        return nullptr;
    }
    t->tree = std::move(r.tree);
    return t;
}

} // namespace

std::unique_ptr<LoadedTree> loadSmallTree(const QString &dir, QString *error)
{
    auto t = std::make_unique<LoadedTree>();
    t->srctree = dir;
    t->environment.set("srctree", dir.toStdString());
    return load(std::move(t), nullptr, error);
}

std::unique_ptr<LoadedTree> loadKernelTree(const QString &arch, QString *error)
{
    const QString problem = kcstest::kernelTreeProblem();
    if (!problem.isEmpty()) {
        *error = problem;
        return nullptr;
    }
    auto t = std::make_unique<LoadedTree>();
    t->srctree = kcstest::kernelSourceDir();
    for (const auto &[name, value] : kcstest::kernelEnvironment(arch))
        t->environment.set(name.toStdString(), value.toStdString());
    if (!t->environment.isSet("srctree")) {
        *error = QStringLiteral("tests/kernel/kernel-env.sh printed no environment");
        return nullptr;
    }
    QTemporaryDir scratch;
    ProcessShellRunner shell(scratch.path().toStdString());
    return load(std::move(t), &shell, error);
}

std::unique_ptr<Config> readConfig(LoadedTree &t, const QString &path)
{
    auto config = std::make_unique<Config>(*t.tree);
    DiagnosticSink sink;
    ConfigReader reader(*config, t.environment, sink);
    if (!reader.read(path.toStdString())) return nullptr;
    for (const Symbol *s : t.tree->symbols().all())
        config->calc(s);
    return config;
}

std::unique_ptr<Config> readConfigText(LoadedTree &t, const QByteArray &text)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config"));
    writeFile(path, text);
    return readConfig(t, path);
}

QByteArray dotConfigText(LoadedTree &t, Config &config)
{
    return QByteArray::fromStdString(ConfigWriter(config, t.environment).dotConfigText());
}

QByteArray runKernelConf(const QString &arch, const QStringList &args, const QByteArray &input,
                         QString *error)
{
    const QList<QByteArray> out = runKernelConfAll(arch, args, {input}, error);
    return out.isEmpty() ? QByteArray() : out.front();
}

QList<QByteArray> runKernelConfAll(const QString &arch, const QStringList &args,
                                   const QList<QByteArray> &inputs, QString *error)
{
    QProcessEnvironment env;
    for (const auto &[name, value] : kcstest::kernelEnvironment(arch))
        env.insert(name, value);
    // conf runs in srctree like `make` runs it, each on its own .config.
    std::vector<std::unique_ptr<QTemporaryDir>> dirs;
    std::vector<std::unique_ptr<QProcess>> processes;
    for (const QByteArray &input : inputs) {
        dirs.push_back(std::make_unique<QTemporaryDir>());
        const QString config = dirs.back()->filePath(QStringLiteral(".config"));
        writeFile(config, input);
        QProcessEnvironment e = env;
        e.insert(QStringLiteral("KCONFIG_CONFIG"), config);
        processes.push_back(std::make_unique<QProcess>());
        QProcess &p = *processes.back();
        p.setProcessEnvironment(e);
        p.setWorkingDirectory(kcstest::kernelSourceDir());
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(kcstest::kernelConf(), args + QStringList{QStringLiteral("Kconfig")});
    }
    QList<QByteArray> out;
    for (std::size_t i = 0; i < processes.size(); ++i) {
        QProcess &p = *processes[i];
        if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            *error = QStringLiteral("conf %1 failed (exit %2):\n%3")
                         .arg(args.join(QLatin1Char(' ')))
                         .arg(p.exitCode())
                         .arg(QString::fromUtf8(p.readAllStandardError()));
            return {};
        }
        out << readFile(dirs[i]->filePath(QStringLiteral(".config")));
    }
    return out;
}

QString triText(Tristate t)
{
    return QString::fromLatin1(triString(t).data(), int(triString(t).size()));
}

QString snapshotText(const SymbolSnapshot &s)
{
    return QStringLiteral("value=%1 tri=%2 visible=%3 revdep=%4 changeable=%5 written=%6")
        .arg(QString::fromStdString(s.value), triText(s.tri), triText(s.visible), triText(s.revDep))
        .arg(int(s.changeable))
        .arg(int(s.written));
}

bool isCheckedSymbol(const Symbol *s)
{
    return !s->isConst() && !s->isChoice() && s->type != SymbolType::Unknown;
}

SymbolSnapshot derivedSnapshot(const ValueDerivation &d)
{
    SymbolSnapshot s;
    s.tri = d.tri;
    s.value = d.value;
    s.visible = d.visible;
    s.revDep = d.revDep;
    s.written = d.written;
    s.changeable = d.changeable;
    return s;
}

bool hasStaleChoiceVisibility(Config &config, const Symbol *s)
{
    if (!s->isChoiceValue()) return false;
    Tristate fresh = Tristate::No;
    for (const Property *p : s->properties)
        if (p->hasText()) fresh = triOr(fresh, config.exprValue(p->condition));
    if (fresh == Tristate::Mod && config.effectiveType(s) == SymbolType::Bool)
        fresh = Tristate::Yes;
    return fresh != config.visibility(s);
}

QString derivationMismatches(const Tree &tree, Config &config, int *checked, int limit, int *stale)
{
    QString out;
    int count = 0, bad = 0;
    if (stale) *stale = 0;
    const CurrentValues now(config);
    for (const Symbol *s : tree.symbols().all()) {
        if (!isCheckedSymbol(s)) continue;
        if (hasStaleChoiceVisibility(config, s)) {
            if (stale) ++*stale;
            continue;
        }
        ++count;
        const ValueDerivation d = deriveValue(tree, s, now, &config);
        const SymbolSnapshot want = config.snapshot(s);
        SymbolSnapshot got = derivedSnapshot(d);
        const bool unmet = d.unmet;
        const bool unmetWant = s->isBoolOrTristate() && config.hasUnmetDependency(s);
        if (!(got == want) || unmet != unmetWant) {
            if (++bad <= limit)
                out += QStringLiteral("%1:\n  Config: %2 unmet=%3\n  derived: %4 unmet=%5\n")
                           .arg(QString::fromStdString(s->name), snapshotText(want))
                           .arg(int(unmetWant))
                           .arg(snapshotText(got))
                           .arg(int(unmet));
        }
    }
    if (bad > limit) out += QStringLiteral("... and %1 more\n").arg(bad - limit);
    if (checked) *checked = count;
    return out;
}

Snapshots snapshotAll(const Tree &tree, Config &config)
{
    Snapshots out;
    out.state.resize(tree.symbols().size());
    out.stale.resize(tree.symbols().size());
    for (const Symbol *s : tree.symbols().all()) {
        if (!isCheckedSymbol(s)) continue;
        out.state[std::size_t(s->id)] = config.snapshot(s);
        out.stale[std::size_t(s->id)] = hasStaleChoiceVisibility(config, s);
    }
    return out;
}

QString earlierMismatches(const Tree &tree, Config &config, const AppliedChange &applied,
                          const Snapshots &before, int limit)
{
    const CurrentValues now(config);
    EarlierValues earlier(now);
    for (const SymbolChange &c : applied.changes)
        earlier.setState(c.symbol, c.before);
    for (const auto &[s, u] : applied.userBefore)
        earlier.setUserValue(s, u);
    for (const auto &[choice, order] : applied.priorityBefore)
        earlier.setChoicePriority(choice, order);
    QString out;
    int bad = 0;
    const auto check = [&](const Symbol *s, const SymbolSnapshot &want) {
        const SymbolSnapshot got = derivedSnapshot(deriveValue(tree, s, earlier, &config));
        if (got == want) return;
        if (++bad <= limit)
            out += QStringLiteral("%1 (%2):\n  before:  %3\n  derived: %4\n")
                       .arg(QString::fromStdString(s->name),
                            QString::fromStdString(applied.description), snapshotText(want),
                            snapshotText(got));
    };
    if (before.empty()) {
        for (const SymbolChange &c : applied.changes)
            check(c.symbol, c.before);
    } else {
        for (const Symbol *s : tree.symbols().all())
            if (isCheckedSymbol(s) && !before.stale[std::size_t(s->id)])
                check(s, before.state[std::size_t(s->id)]);
    }
    if (bad > limit) out += QStringLiteral("... and %1 more\n").arg(bad - limit);
    return out;
}

QMap<QString, QString> dotConfigValues(const QByteArray &text)
{
    QMap<QString, QString> out;
    for (const auto &[name, value] : kcstest::parseDotConfig(text))
        out.insert(name, value);
    return out;
}

QString compareWithConf(const Tree &tree, Config &config, const QByteArray &confDotConfig,
                        int limit)
{
    const QMap<QString, QString> conf = dotConfigValues(confDotConfig);
    QString out;
    int bad = 0;
    const auto report = [&](const QString &line) {
        if (++bad <= limit) out += line + QLatin1Char('\n');
    };
    QSet<QString> seen;
    for (const Symbol *s : tree.symbols().all()) {
        if (!isCheckedSymbol(s) || s->isTransitional()) continue;
        const QString name = QString::fromStdString(s->name);
        seen.insert(name);
        const bool ours = config.isWritten(s);
        QString value = QString::fromStdString(config.stringValue(s));
        if (s->type == SymbolType::String) // as .config writes it: quoted, escaped
            value = QString::fromStdString(escapeStringValue(config.stringValue(s)));
        const auto it = conf.constFind(name);
        if (ours && it == conf.cend())
            report(QStringLiteral("%1: we write %2, conf does not write it").arg(name, value));
        else if (!ours && it != conf.cend())
            report(QStringLiteral("%1: conf writes %2, we do not write it").arg(name, *it));
        else if (ours && *it != value)
            report(QStringLiteral("%1: conf has %2, we have %3").arg(name, *it, value));
    }
    for (auto it = conf.cbegin(); it != conf.cend(); ++it)
        if (!seen.contains(it.key()))
            report(QStringLiteral("%1: in conf's .config but not a symbol of ours").arg(it.key()));
    if (bad > limit) out += QStringLiteral("... and %1 more\n").arg(bad - limit);
    return out;
}

QByteArray withAssignment(const QByteArray &dotConfig, const QString &name, const QString &value)
{
    const QByteArray key = "CONFIG_" + name.toUtf8();
    const QByteArray line =
        value == QLatin1String("n") ? "# " + key + " is not set" : key + '=' + value.toUtf8();
    QList<QByteArray> lines = dotConfig.split('\n');
    bool replaced = false;
    for (QByteArray &l : lines) {
        if (l.startsWith(key + '=') || l == "# " + key + " is not set") {
            l = line;
            replaced = true;
        }
    }
    if (!replaced) {
        if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
        lines << line << QByteArray();
    }
    return lines.join('\n');
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(data);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

} // namespace kcsexplain
