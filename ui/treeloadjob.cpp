// SPDX-License-Identifier: MIT
#include "treeloadjob.h"

#include <kconfig/configreader.h>
#include <kconfig/kerneltree.h>
#include <kconfig/probecache.h>
#include <kconfig/shellconsent.h>
#include <kconfig/shellrunner.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/treecache.h>
#include <kconfig/treeloader.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

using namespace kconfig;

TreeLoadJob::TreeLoadJob(OpenRequest request, QObject *parent)
    : QObject(parent), m_request(std::move(request))
{
}

QString TreeLoadJob::demoDirectory()
{
    const QString installed =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/kconfig-studio/demo");
    if (QFileInfo::exists(installed + QStringLiteral("/Kconfig")))
        return QDir(installed).canonicalPath();
    return QStringLiteral(KCS_SOURCE_DEMO_DIR);
}

void TreeLoadJob::run()
{
    auto result = std::make_shared<LoadedTree>();
    result->request = m_request;
    QElapsedTimer timer;
    timer.start();

    const Environment processEnv = Environment::fromProcess();
    // Probes write scratch files into the working directory: give them one of
    // their own, like an O= build directory. It must be the same every time,
    // because the probe cache keys include the working directory.
    const std::string cacheDir = ProbeCache::defaultDirectory(processEnv);
    const QString objtree =
        QFileInfo(QString::fromStdString(cacheDir)).path() + QStringLiteral("/objtree");
    QDir().mkpath(objtree);
    QFile::setPermissions(objtree,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    ProcessShellRunner processes(objtree.toStdString());
    ProbeCache cache(processes, cacheDir, objtree.toStdString());
    const bool useCache = !processEnv.isSet("KCONFIG_STUDIO_NO_PROBE_CACHE");
    ShellRunner *runner = useCache ? static_cast<ShellRunner *>(&cache) : &processes;

    QString path = m_request.path;
    if (path.isEmpty()) {
        path = demoDirectory();
        result->isDemo = true;
    }
    const QFileInfo info(path);
    // A tree runs only the commands the user agreed to for it (see
    // shellconsent.h); with runShell off, none at all. Refused commands are
    // answered as failed ones.
    const std::string treeKey =
        QFileInfo(info.isDir() ? path : info.path()).canonicalFilePath().toStdString();
    const ShellConsentStore consents(ShellConsentStore::defaultDirectory(processEnv));
    const bool trustShell = m_request.runShell && m_request.trustShell;
    ConsentingShell consenting(*runner,
                               m_request.runShell ? consents.approved(treeKey)
                                                  : std::map<std::string, std::string>{},
                               objtree.toStdString(), trustShell);
    ShellRunner *shell = &consenting;
    Environment env = processEnv;
    if (info.isDir()) {
        if (auto kernel = detectKernelTree(path.toStdString())) {
            env = kernelEnvironment(*kernel, m_request.arch.toStdString(), processEnv, shell);
            result->srctree = QString::fromStdString(kernel->srctree);
            result->arch = QString::fromStdString(env.value("ARCH"));
            result->kernelVersion = QString::fromStdString(kernel->version);
        } else {
            result->srctree = info.canonicalFilePath();
            env.set("srctree", result->srctree.toStdString());
        }
        result->kconfigFile = QStringLiteral("Kconfig");
    } else if (info.isFile()) {
        result->srctree = info.canonicalPath();
        result->kconfigFile = info.fileName();
        env.set("srctree", result->srctree.toStdString());
    } else {
        result->error = tr("%1: no such file or directory").arg(path);
        emit finished(result);
        return;
    }

    SourceFiles sources;
    sources.setBaseDirectory(result->srctree.toStdString());
    for (const auto &[name, text] : m_request.overlays)
        sources.setOverlay(name, text);
    DiagnosticSink sink;
    // A failed load frees the file names the diagnostics point to: keep copies.
    std::vector<std::string> reportedFiles;
    sink.setHandler([&reportedFiles](const Diagnostic &d) {
        reportedFiles.push_back(d.location.file ? *d.location.file : std::string());
    });
    LoadOptions options;
    options.kconfig = result->kconfigFile.toStdString();
    options.environment = env;
    options.shell = shell;
    options.sources = &sources;
    // Without consent the tree is kept despite the holes the failed answers
    // leave; with it, errors stop the load like conf.
    options.keepGoing = !trustShell;
    TreeCache trees(TreeCache::defaultDirectory(processEnv));
    if (m_request.runShell && !processEnv.isSet("KCONFIG_STUDIO_NO_PROBE_CACHE") &&
        !processEnv.isSet("KCONFIG_STUDIO_NO_TREE_CACHE") &&
        (trustShell || !consents.approved(treeKey).empty()))
        options.treeCache = &trees;
    options.progress = [this, &processes](int files) {
        emit progress(files, processes.processesStarted());
        return !m_cancel.load();
    };
    LoadResult loaded = loadTree(options, sink);
    result->diagnostics = sink.all();
    for (std::size_t i = 0; i < result->diagnostics.size() && i < reportedFiles.size(); ++i) {
        if (result->diagnostics[i].location.file)
            result->diagnostics[i].location.file =
                &result->diagnosticFiles.emplace_back(reportedFiles[i]);
    }
    result->probesRun = processes.processesStarted();
    result->probesCached = cache.hits();
    result->environment = env;
    if (loaded.cancelled) {
        result->cancelled = true;
        emit finished(result);
        return;
    }
    for (const std::string &c : consenting.refused())
        result->refusedCommands << QString::fromStdString(c);
    if (loaded && loaded.errorCount > 0 && result->refusedCommands.isEmpty()) {
        // Every probe ran: the errors are the tree's own, and conf stops at them.
        loaded.errorCount = sink.errorCount();
        loaded.tree.reset();
    }
    if (loaded && trustShell)
        consents.approve(treeKey, consenting.allowed(), objtree.toStdString());
    result->errorsKept = loaded ? loaded.errorCount : 0;
    if (!loaded) {
        result->error =
            loaded.errorCount > 1
                ? tr("The Kconfig tree has %1 errors; see Diagnostics.").arg(loaded.errorCount)
                : tr("The Kconfig tree has an error; see Diagnostics.");
        emit finished(result);
        return;
    }
    result->tree = std::move(loaded.tree);
    result->filesParsed = static_cast<int>(result->tree->files().size());
    result->config = std::make_unique<Config>(*result->tree);

    QString configPath = m_request.configFile;
    if (configPath.isEmpty()) {
        const QString fromEnv = QString::fromStdString(env.value("KCONFIG_CONFIG"));
        configPath = fromEnv.isEmpty() ? QStringLiteral(".config") : fromEnv;
    }
    if (QFileInfo(configPath).isRelative())
        configPath = QDir(result->srctree).absoluteFilePath(configPath);
    result->configPath = configPath;

    DiagnosticSink readSink;
    ConfigReader reader(*result->config, env, readSink);
    result->configLoaded = QFileInfo::exists(configPath) && reader.read(configPath.toStdString());
    if (!result->configLoaded) {
        // Like conf: fall back to the defaults list (KCONFIG_DEFCONFIG_LIST).
        Environment noConfig = env;
        noConfig.set("KCONFIG_CONFIG", "/nonexistent/.config");
        ConfigReader fallback(*result->config, noConfig, readSink);
        fallback.read(std::nullopt);
    }
    for (const Diagnostic &d : readSink.all())
        result->diagnostics.push_back(d);
    for (const Symbol *s : result->tree->symbols().all())
        result->config->calc(s);
    result->config->setChanged(!result->configLoaded);
    result->seconds = timer.elapsed() / 1000.0;
    emit finished(result);
}
