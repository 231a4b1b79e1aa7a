// SPDX-License-Identifier: MIT
#include "golden.h"

#include <kconfig/autoconfwriter.h>
#include <kconfig/configreader.h>
#include <kconfig/configwriter.h>
#include <kconfig/confmodes.h>
#include <kconfig/shellrunner.h>
#include <kconfig/treeloader.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cstdlib>
#include <utime.h>

#ifndef KCS_TEST_DATA_DIR
#error "KCS_TEST_DATA_DIR must be defined"
#endif
#ifndef KCS_CLI_PATH
#error "KCS_CLI_PATH must be defined"
#endif

namespace kcstest {

namespace {

// Keep in sync with tests/accept-references.sh.
const char *const basePath = "/usr/local/bin:/usr/bin:/bin";
constexpr qint64 inputEpoch = 946684800; // mtime of the copied inputs

const QStringList metadataNames = {"README", "args", "env", "stdin"};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

bool isMetadata(const QString &relPath)
{
    if (relPath.startsWith(QLatin1String("expected/"))) return true;
    if (relPath.endsWith(QLatin1String(".expected"))) return true;
    return metadataNames.contains(relPath);
}

QString targetName(const QString &relPath)
{
    const int slash = relPath.lastIndexOf('/');
    const QString dir = relPath.left(slash + 1);
    QString base = relPath.mid(slash + 1);
    if (base.startsWith(QLatin1String("dot-"))) base = '.' + base.mid(4);
    return dir + base;
}

QMap<QString, QByteArray> readTree(const QString &root)
{
    QMap<QString, QByteArray> files;
    if (!QFileInfo(root).isDir()) return files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(root).relativeFilePath(path), readAll(path));
    }
    return files;
}

} // namespace

QString scratchRoot()
{
    static const QString root = [] {
        const QString env = qEnvironmentVariable("KCS_TEST_TMPDIR");
        if (!env.isEmpty()) return env;
        const QFileInfo shm(QStringLiteral("/dev/shm"));
        if (shm.isDir() && shm.isWritable()) return shm.absoluteFilePath();
        return QDir::tempPath();
    }();
    return root;
}

QString CaseSpec::envValue(const QString &n) const
{
    for (const auto &[k, v] : env)
        if (k == n) return v;
    return {};
}

bool CaseSpec::hasEnv(const QString &n) const
{
    for (const auto &kv : env)
        if (kv.first == n) return true;
    return false;
}

QString CaseSpec::mode() const
{
    for (const QString &a : args) {
        if (!a.startsWith(QLatin1String("--"))) continue;
        return a.section('=', 0, 0);
    }
    return QStringLiteral("--oldaskconfig");
}

QString CaseSpec::modeArgument() const
{
    for (const QString &a : args)
        if (a.startsWith(QLatin1String("--")) && a.contains('=')) return a.section('=', 1);
    return {};
}

QStringList caseDirs(const QString &area)
{
    QDir dir(QStringLiteral(KCS_TEST_DATA_DIR "/") + area);
    QStringList out;
    const auto entries = dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &fi : entries)
        if (QFileInfo::exists(fi.absoluteFilePath() + "/args")) out << fi.absoluteFilePath();
    return out;
}

CaseSpec loadCase(const QString &dir)
{
    CaseSpec c;
    c.dir = dir;
    c.name = QDir(QStringLiteral(KCS_TEST_DATA_DIR)).relativeFilePath(dir);
    c.description = QString::fromUtf8(readAll(dir + "/README")).trimmed();
    c.args = QString::fromUtf8(readAll(dir + "/args"))
                 .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    const QString envText = QString::fromUtf8(readAll(dir + "/env"));
    for (const QString &line : envText.split('\n')) {
        if (line.isEmpty() || line.startsWith('#')) continue;
        const int eq = line.indexOf('=');
        if (eq > 0) c.env.append({line.left(eq), line.mid(eq + 1)});
    }
    if (QFileInfo::exists(dir + "/stdin")) c.stdinData = readAll(dir + "/stdin");
    return c;
}

void addCaseRows(const QString &area, const std::function<bool(const CaseSpec &)> &filter)
{
    QTest::addColumn<QString>("caseDir");
    int rows = 0;
    for (const QString &d : caseDirs(area)) {
        if (filter && !filter(loadCase(d))) continue;
        QTest::newRow(qPrintable(QFileInfo(d).fileName())) << d;
        ++rows;
    }
    if (rows == 0) qFatal("no test cases found under %s/%s", KCS_TEST_DATA_DIR, qPrintable(area));
}

bool expectsFile(const CaseSpec &c, const QString &suffix)
{
    const QMap<QString, QByteArray> files = readTree(c.dir + "/expected/files");
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        if (it.key() == suffix || it.key().endsWith('/' + suffix)) return true;
    return false;
}

Outputs expectedOutputs(const CaseSpec &c)
{
    Outputs o;
    const QString e = c.dir + "/expected";
    if (!QFileInfo(e + "/exitcode").exists())
        qFatal("%s has no expected outputs; run tests/accept-references.sh", qPrintable(c.dir));
    o.out = readAll(e + "/stdout");
    o.err = readAll(e + "/stderr");
    o.exitCode = readAll(e + "/exitcode").trimmed().toInt();
    o.files = readTree(e + "/files");
    return o;
}

QStringList prepareWorkDir(const CaseSpec &c, const QString &work)
{
    QStringList inputs;
    QDirIterator it(c.dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(c.dir).relativeFilePath(path);
        if (isMetadata(rel)) continue;
        const QString target = work + '/' + targetName(rel);
        if (!QFileInfo(target).isFile() || readAll(target) != readAll(path)) {
            QDir().mkpath(QFileInfo(target).absolutePath());
            QFile::remove(target);
            if (!QFile::copy(path, target)) qFatal("cannot copy %s", qPrintable(path));
        }
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                          QFile::ReadOther);
        utimbuf times{inputEpoch, inputEpoch};
        ::utime(QFile::encodeName(target).constData(), &times);
        inputs << targetName(rel);
    }
    // what an earlier run left behind goes
    for (const QString &f : readTree(work).keys())
        if (!inputs.contains(f)) QFile::remove(work + '/' + f);
    return inputs;
}

QList<QPair<QString, QString>> caseEnvironment(const CaseSpec &c)
{
    QList<QPair<QString, QString>> env;
    env.append({QStringLiteral("PATH"), QString::fromLatin1(basePath)});
    env.append({QStringLiteral("LC_ALL"), QStringLiteral("C")});
    env += c.env;
    return env;
}

Outputs runCli(const CaseSpec &c, const RunOptions &options)
{
    return runTool(QStringLiteral(KCS_CLI_PATH), c, options);
}

Outputs runTool(const QString &program, const CaseSpec &c, const RunOptions &options)
{
    QTemporaryDir scratch(scratchRoot() + "/kcs-work-XXXXXX");
    QTemporaryDir cache(scratchRoot() + "/kcs-cache-XXXXXX"); // unused when one is given
    const QString workPath = options.workDir.isEmpty() ? scratch.path() : options.workDir;
    QDir().mkpath(workPath);
    const QString cacheHome = options.cacheHome.isEmpty() ? cache.path() : options.cacheHome;
    const QStringList inputs = prepareWorkDir(c, workPath);

    QProcessEnvironment penv;
    for (const auto &[k, v] : caseEnvironment(c))
        penv.insert(k, v);
    penv.insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome);

    QProcess p;
    p.setProcessEnvironment(penv);
    p.setWorkingDirectory(workPath);
    QTemporaryDir stdinDir;
    if (c.stdinData) {
        const QString in = stdinDir.path() + "/stdin";
        QFile f(in);
        if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(in));
        f.write(*c.stdinData);
        f.close();
        p.setStandardInputFile(in);
    } else {
        p.setStandardInputFile(QProcess::nullDevice());
    }
    p.start(program, c.args);
    Outputs o;
    if (!p.waitForFinished(options.timeoutMs)) {
        p.kill();
        p.waitForFinished();
        o.err = program.toUtf8() + " did not finish in time";
        return o;
    }
    o.out = p.readAllStandardOutput();
    o.err = p.readAllStandardError();
    o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;

    const QMap<QString, QByteArray> after = readTree(workPath);
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const QFileInfo fi(workPath + '/' + it.key());
        const bool written = fi.lastModified().toSecsSinceEpoch() > inputEpoch + 86400;
        if (!inputs.contains(it.key()) || written) o.files.insert(it.key(), it.value());
    }
    return o;
}

QString unifiedDiff(const QByteArray &expected, const QByteArray &actual, const QString &label)
{
    QTemporaryDir dir;
    const QString a = dir.path() + "/expected";
    const QString b = dir.path() + "/actual";
    for (const auto &[path, data] : {std::pair{a, expected}, std::pair{b, actual}}) {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly)) f.write(data);
    }
    QProcess p;
    p.start(QStringLiteral("diff"),
            {QStringLiteral("-u"), QStringLiteral("--label"), "expected " + label,
             QStringLiteral("--label"), "actual " + label, a, b});
    p.waitForFinished();
    QString d = QString::fromUtf8(p.readAllStandardOutput());
    if (d.isEmpty())
        d = QStringLiteral("expected:\n%1\nactual:\n%2\n")
                .arg(QString::fromUtf8(expected), QString::fromUtf8(actual));
    const QStringList lines = d.split('\n');
    if (lines.size() > 80)
        d = lines.mid(0, 80).join('\n') +
            QStringLiteral("\n[... %1 more diff lines]\n").arg(lines.size() - 80);
    return d;
}

QString compareOutputs(const Outputs &expected, const Outputs &actual)
{
    QString report;
    if (expected.exitCode != actual.exitCode)
        report += QStringLiteral("exit code: expected %1, got %2\n")
                      .arg(expected.exitCode)
                      .arg(actual.exitCode);
    if (expected.out != actual.out)
        report += unifiedDiff(expected.out, actual.out, QStringLiteral("stdout"));
    if (expected.err != actual.err)
        report += unifiedDiff(expected.err, actual.err, QStringLiteral("stderr"));
    for (auto it = expected.files.cbegin(); it != expected.files.cend(); ++it) {
        if (!actual.files.contains(it.key()))
            report += QStringLiteral("file %1: not written\n").arg(it.key());
        else if (actual.files.value(it.key()) != it.value())
            report += unifiedDiff(it.value(), actual.files.value(it.key()), it.key());
    }
    for (auto it = actual.files.cbegin(); it != actual.files.cend(); ++it)
        if (!expected.files.contains(it.key()))
            report +=
                QStringLiteral("file %1: written, but conf does not write it\n").arg(it.key());
    return report;
}

// ---------------------------------------------------------------------------

ApiCase::CurrentDirGuard::CurrentDirGuard(const QString &dir) : previous(QDir::currentPath())
{
    if (!QDir::setCurrent(dir)) qFatal("cannot change into %s", qPrintable(dir));
}

ApiCase::CurrentDirGuard::~CurrentDirGuard()
{
    QDir::setCurrent(previous);
}

ApiCase::ApiCase(const CaseSpec &c) : m_spec(c), m_work(scratchRoot() + "/kcs-api-XXXXXX")
{
    prepareWorkDir(c, m_work.path());
    for (const auto &[k, v] : caseEnvironment(c))
        m_env.set(k.toStdString(), v.toStdString());
}

ApiCase::~ApiCase() = default;

bool ApiCase::load()
{
    return inWorkDir([this] {
        kconfig::ProcessShellRunner shell(m_work.path().toStdString());
        kconfig::LoadOptions options;
        options.kconfig = m_spec.kconfigFile().toStdString();
        options.environment = m_env;
        options.shell = &shell;
        kconfig::LoadResult r = kconfig::loadTree(options, m_diag);
        if (!r) return false;
        m_tree = std::move(r.tree);
        m_config = std::make_unique<kconfig::Config>(*m_tree);
        return true;
    });
}

QByteArray ApiCase::diagnosticsStdout() const
{
    QByteArray out;
    for (const auto &d : m_diag.all())
        if (d.toStdout) out += QByteArray::fromStdString(d.text);
    return out;
}

QByteArray ApiCase::diagnosticsStderr() const
{
    QByteArray out;
    for (const auto &d : m_diag.all())
        if (!d.toStdout) out += QByteArray::fromStdString(d.text);
    return out;
}

bool ApiCase::applyMode()
{
    using namespace kconfig;
    return inWorkDir([this] {
        Config &config = *m_config;
        ConfigReader reader(config, m_env, m_diag);
        const QString mode = m_spec.mode();
        const bool allMode = mode == "--allnoconfig" || mode == "--allyesconfig" ||
                             mode == "--allmodconfig" || mode == "--alldefconfig" ||
                             mode == "--randconfig";
        if (mode == "--defconfig") {
            if (!reader.read(m_spec.modeArgument().toStdString())) return false;
        } else if (allMode) {
            if (const auto all = m_env.get("KCONFIG_ALLCONFIG")) {
                // Only the explicit-file form; the all*.config lookup is CLI logic.
                if (all->empty() || *all == "1" || !reader.readSimple(*all)) return false;
            }
        } else if (mode == "--olddefconfig" || mode == "--yes2modconfig" ||
                   mode == "--mod2yesconfig" || mode == "--mod2noconfig" ||
                   mode == "--savedefconfig" || mode == "--syncconfig") {
            // (syncconfig only when nothing is new: then it asks no questions)
            reader.read(std::nullopt);
        } else {
            return false;
        }

        if (mode == "--allnoconfig")
            setAllNewSymbols(config, NewSymbolMode::No);
        else if (mode == "--allyesconfig")
            setAllNewSymbols(config, NewSymbolMode::Yes);
        else if (mode == "--allmodconfig")
            setAllNewSymbols(config, NewSymbolMode::Mod);
        else if (mode == "--alldefconfig" || mode == "--defconfig")
            setAllNewSymbols(config, NewSymbolMode::Default);
        else if (mode == "--yes2modconfig")
            rewriteTristates(config, Tristate::Yes, Tristate::Mod);
        else if (mode == "--mod2yesconfig")
            rewriteTristates(config, Tristate::Mod, Tristate::Yes);
        else if (mode == "--mod2noconfig")
            rewriteTristates(config, Tristate::Mod, Tristate::No);
        else if (mode == "--randconfig") {
            const std::string seed = m_env.value("KCONFIG_SEED");
            if (seed.empty()) return false;
            std::srand(static_cast<unsigned>(std::strtol(seed.c_str(), nullptr, 0)));
            RandomProbabilities p;
            if (const auto spec = m_env.get("KCONFIG_PROBABILITY")) {
                const auto parsed = parseProbabilities(*spec);
                if (!parsed) return false;
                p = *parsed;
            }
            setAllNewSymbols(config, NewSymbolMode::Random, p, [] { return std::rand(); });
        }
        return true;
    });
}

QList<QPair<QString, QString>> parseDotConfig(const QByteArray &text)
{
    static const QRegularExpression set(QStringLiteral("^CONFIG_([A-Za-z0-9_]+)=(.*)$"));
    static const QRegularExpression unset(QStringLiteral("^# CONFIG_([A-Za-z0-9_]+) is not set$"));
    QList<QPair<QString, QString>> out;
    for (const QString &line : QString::fromUtf8(text).split('\n')) {
        if (const auto m = set.match(line); m.hasMatch())
            out.append({m.captured(1), m.captured(2)});
        else if (const auto u = unset.match(line); u.hasMatch())
            out.append({u.captured(1), QStringLiteral("n")});
    }
    return out;
}

QString checkCliAgainstExpected(const QString &caseDir)
{
    const CaseSpec c = loadCase(caseDir);
    const QString report = compareOutputs(expectedOutputs(c), runCli(c));
    if (report.isEmpty()) return {};
    return QStringLiteral("%1 (%2): kconfig-studio-cli %3 differs from conf:\n%4")
        .arg(c.name, c.description, c.args.join(' '), report);
}

QString checkCliWarmCaches(const QString &caseDir)
{
    const CaseSpec c = loadCase(caseDir);
    const Outputs expected = expectedOutputs(c);
    QTemporaryDir scratch(scratchRoot() + "/kcs-warm-XXXXXX");
    RunOptions options;
    options.cacheHome = scratch.path() + "/cache";
    options.workDir = scratch.path() + "/work";
    QString report;
    const QString first = compareOutputs(expected, runCli(c, options));
    if (!first.isEmpty()) report += QStringLiteral("first run (empty caches):\n") + first;
    const QString treeDir = options.cacheHome + "/kconfig-studio/trees";
    const auto treeEntries = [&] {
        QStringList l;
        for (const QFileInfo &fi : QDir(treeDir).entryInfoList(QDir::Files))
            l << fi.fileName() + ' ' + QString::number(fi.lastModified().toMSecsSinceEpoch());
        return l;
    };
    const QStringList before = treeEntries();
    if (expected.exitCode == 0 && before.isEmpty() && !c.args.contains("--no-shell"))
        report += QStringLiteral("the first run stored no tree in %1\n").arg(treeDir);
    const QString second = compareOutputs(expected, runCli(c, options));
    if (!second.isEmpty()) report += QStringLiteral("second run (warm caches):\n") + second;
    if (treeEntries() != before)
        report += QStringLiteral("the second run stored a tree again instead of reusing it\n");
    if (report.isEmpty()) return {};
    return QStringLiteral("%1 (%2): %3").arg(c.name, c.description, report);
}

QString checkLoadDiagnostics(const QString &caseDir)
{
    const CaseSpec c = loadCase(caseDir);
    const Outputs expected = expectedOutputs(c);
    ApiCase api(c);
    const bool loaded = api.load();
    const QByteArray out = api.diagnosticsStdout();
    const QByteArray err = api.diagnosticsStderr();
    QByteArray expectedOut = expected.out;
    // randconfig prints its seed before parsing
    if (c.mode() == QLatin1String("--randconfig") && expectedOut.startsWith("KCONFIG_SEED="))
        expectedOut = expectedOut.mid(expectedOut.indexOf('\n') + 1);
    QString report;
    if (!loaded) {
        if (expected.exitCode == 0)
            report += QStringLiteral("loading failed, but conf loads this tree\n");
        if (out != expectedOut)
            report += unifiedDiff(expectedOut, out, QStringLiteral("stdout while loading"));
        if (err != expected.err)
            report += unifiedDiff(expected.err, err, QStringLiteral("stderr while loading"));
    } else {
        if (!expectedOut.startsWith(out))
            report += unifiedDiff(expectedOut.left(out.size()), out,
                                  QStringLiteral("stdout while loading (prefix)"));
        if (!expected.err.startsWith(err))
            report += unifiedDiff(expected.err.left(err.size()), err,
                                  QStringLiteral("stderr while loading (prefix)"));
    }
    if (report.isEmpty()) return {};
    return QStringLiteral("%1 (%2): loadTree() diagnostics differ from conf:\n%3")
        .arg(c.name, c.description, report);
}

QString checkRecordedDependencies(const QString &caseDir, bool *checked)
{
    const CaseSpec c = loadCase(caseDir);
    const Outputs expected = expectedOutputs(c);
    *checked = false;
    QByteArray cmd;
    for (auto it = expected.files.cbegin(); it != expected.files.cend(); ++it)
        if (it.key().endsWith(QLatin1String("auto.conf.cmd"))) cmd = it.value();
    if (cmd.isEmpty()) return {};
    *checked = true;

    QStringList expectedFiles;
    QStringList expectedEnv;
    static const QRegularExpression fileLine(QStringLiteral("^\t(.*) \\\\$"));
    static const QRegularExpression envLine(QStringLiteral("^ifneq \"\\$\\((.*)\\)\" \"(.*)\"$"));
    for (const QString &line : QString::fromUtf8(cmd).split('\n')) {
        if (const auto m = fileLine.match(line); m.hasMatch())
            expectedFiles << m.captured(1);
        else if (const auto e = envLine.match(line); e.hasMatch())
            expectedEnv << e.captured(1) + '=' + e.captured(2);
    }

    ApiCase api(c);
    if (!api.load()) return QStringLiteral("%1: loading failed").arg(c.name);
    QStringList files;
    for (const std::string *f : api.tree().files())
        files << QString::fromStdString(*f);
    QStringList env;
    for (const auto &[k, v] : api.tree().environmentDependencies())
        env << QString::fromStdString(k) + '=' + QString::fromStdString(v);
    QString report;
    if (files != expectedFiles)
        report += QStringLiteral("files: expected [%1], got [%2]\n")
                      .arg(expectedFiles.join(", "), files.join(", "));
    if (env != expectedEnv)
        report += QStringLiteral("environment: expected [%1], got [%2]\n")
                      .arg(expectedEnv.join(", "), env.join(", "));
    return report.isEmpty() ? QString() : c.name + ": " + report;
}

namespace {

const QStringList apiModes = {"--olddefconfig",  "--allnoconfig",   "--allyesconfig",
                              "--allmodconfig",  "--alldefconfig",  "--randconfig",
                              "--defconfig",     "--savedefconfig", "--yes2modconfig",
                              "--mod2yesconfig", "--mod2noconfig",  "--syncconfig"};

QString configFileName(const CaseSpec &c)
{
    const QString name = c.envValue(QStringLiteral("KCONFIG_CONFIG"));
    return name.isEmpty() ? QStringLiteral(".config") : name;
}

// The .config after conf ran: the written one, or the input when conf left it alone.
std::optional<QByteArray> dotConfigAfterRun(const CaseSpec &c, const Outputs &expected)
{
    const QString name = configFileName(c);
    if (expected.files.contains(name)) return expected.files.value(name);
    return std::nullopt;
}

bool basicApiCase(const CaseSpec &c, const Outputs &expected)
{
    if (!apiModes.contains(c.mode()) || expected.exitCode != 0) return false;
    if (c.hasEnv(QStringLiteral("KCONFIG_ALLCONFIG")) &&
        (c.envValue(QStringLiteral("KCONFIG_ALLCONFIG")).isEmpty() ||
         c.envValue(QStringLiteral("KCONFIG_ALLCONFIG")) == QLatin1String("1")))
        return false;
    // Interactive prompts (syncconfig with new symbols) are CLI behaviour.
    if (c.mode() == QLatin1String("--syncconfig") && !expected.out.isEmpty()) return false;
    return true;
}

QString valueAsWritten(kconfig::Config &config, const kconfig::Symbol *sym)
{
    using kconfig::SymbolType;
    const std::string v = config.stringValue(sym);
    if (sym->type == SymbolType::String)
        return QString::fromStdString(kconfig::escapeStringValue(v));
    return QString::fromStdString(v);
}

} // namespace

bool apiCoversValues(const CaseSpec &c)
{
    const Outputs expected = expectedOutputs(c);
    return basicApiCase(c, expected) && c.mode() != QLatin1String("--savedefconfig") &&
           dotConfigAfterRun(c, expected).has_value() && !c.hasEnv(QStringLiteral("CONFIG_"));
}

QString checkApiValues(const QString &caseDir)
{
    using namespace kconfig;
    const CaseSpec c = loadCase(caseDir);
    const Outputs expected = expectedOutputs(c);
    ApiCase api(c);
    if (!api.load()) return QStringLiteral("%1: loading failed").arg(c.name);
    if (!api.applyMode())
        return QStringLiteral("%1: %2 could not be applied").arg(c.name, c.mode());
    Config &config = api.config();
    const auto lines = parseDotConfig(*dotConfigAfterRun(c, expected));
    QString report;
    QSet<QString> written;
    for (const auto &[name, value] : lines) {
        written.insert(name);
        const Symbol *sym = api.tree().symbols().find(name.toStdString());
        if (!sym) {
            report += QStringLiteral("%1: no such symbol\n").arg(name);
            continue;
        }
        if (!config.isWritten(sym))
            report +=
                QStringLiteral("%1: conf writes it, the API says it is not written\n").arg(name);
        const QString got = valueAsWritten(config, sym);
        if (got != value)
            report += QStringLiteral("%1: conf has %2, the API %3\n").arg(name, value, got);
    }
    for (const Symbol *sym : api.tree().symbols().hashOrder()) {
        if (sym->isChoice() || sym->isConst() || sym->type == SymbolType::Unknown) continue;
        const QString name = QString::fromStdString(sym->name);
        if (config.isWritten(sym) && !written.contains(name))
            report += QStringLiteral("%1: written according to the API, conf does not write it\n")
                          .arg(name);
    }
    // Every visible choice has the member conf wrote as y.
    api.tree().forEachMenu([&](MenuNode *m) {
        if (!m->sym || !m->sym->isChoice()) return;
        QString confChoice;
        for (const Symbol *member : m->choiceMembers)
            for (const auto &[name, value] : lines)
                if (name == QString::fromStdString(member->name) && value == QLatin1String("y"))
                    confChoice = name;
        const Symbol *sel = config.choiceSelection(m);
        const QString apiChoice = sel ? QString::fromStdString(sel->name) : QString();
        if (confChoice != apiChoice)
            report += QStringLiteral("choice \"%1\": conf selects '%2', the API '%3'\n")
                          .arg(QString::fromStdString(m->prompt ? m->prompt->text : ""), confChoice,
                               apiChoice);
    });
    return report.isEmpty() ? QString() : c.name + ":\n" + report;
}

bool apiCoversWriters(const CaseSpec &c)
{
    return basicApiCase(c, expectedOutputs(c));
}

QString checkApiWriters(const QString &caseDir)
{
    using namespace kconfig;
    const CaseSpec c = loadCase(caseDir);
    const Outputs expected = expectedOutputs(c);
    ApiCase api(c);
    if (!api.load()) return QStringLiteral("%1: loading failed").arg(c.name);
    if (!api.applyMode())
        return QStringLiteral("%1: %2 could not be applied").arg(c.name, c.mode());
    QString report;
    const auto compare = [&](const QString &file, const std::string &text) {
        const QByteArray got = QByteArray::fromStdString(text);
        if (expected.files.value(file) != got)
            report += unifiedDiff(expected.files.value(file), got, file);
    };
    api.inWorkDir([&] {
        ConfigWriter writer(api.config(), api.environment());
        if (c.mode() == QLatin1String("--savedefconfig")) {
            compare(c.modeArgument(), writer.defconfigText());
            return;
        }
        const std::string dotConfig = writer.dotConfigText();
        if (const auto conf = dotConfigAfterRun(c, expected)) {
            compare(configFileName(c), dotConfig);
        } else {
            // conf left the file alone ("No change to ..."): it must be identical
            QFile input(api.workDir() + '/' + configFileName(c));
            if (!input.open(QIODevice::ReadOnly) ||
                input.readAll() != QByteArray::fromStdString(dotConfig))
                report += QStringLiteral("conf kept %1, but the API's text differs\n")
                              .arg(configFileName(c));
        }
        const QString autoConf = c.hasEnv("KCONFIG_AUTOCONFIG")
                                     ? c.envValue("KCONFIG_AUTOCONFIG")
                                     : QStringLiteral("include/config/auto.conf");
        if (!expected.files.contains(autoConf)) return;
        AutoconfWriter autoconf(api.config(), api.environment(), api.diagnostics());
        compare(autoConf, autoconf.autoConfText());
        compare(autoConf + ".cmd", autoconf.autoConfCmdText(autoConf.toStdString()));
        compare(c.hasEnv("KCONFIG_AUTOHEADER") ? c.envValue("KCONFIG_AUTOHEADER")
                                               : QStringLiteral("include/generated/autoconf.h"),
                autoconf.autoconfHeaderText());
        compare(c.hasEnv("KCONFIG_RUSTCCFG") ? c.envValue("KCONFIG_RUSTCCFG")
                                             : QStringLiteral("include/generated/rustc_cfg"),
                autoconf.rustcCfgText());
    });
    return report.isEmpty() ? QString() : c.name + ":\n" + report;
}

} // namespace kcstest
