// SPDX-License-Identifier: MIT
#include "cliloading.h"

#include <kconfig/configreader.h>
#include <kconfig/exprprinter.h>
#include <kconfig/probecache.h>
#include <kconfig/shellrunner.h>
#include <kconfig/sourcefiles.h>
#include <kconfig/treecache.h>
#include <kconfig/treeloader.h>

#include <cstdio>
#include <dlfcn.h>
#include <string>

using namespace kconfig;

CliLoad loadForCli(const CliLoadOptions &o)
{
    CliLoad out;
    out.diagnostics.setHandler(
        [](const Diagnostic &d) { std::fputs(d.text.c_str(), d.toStdout ? stdout : stderr); });

    ProcessShellRunner processes(o.probeDirectory);
    ProbeCache cache(processes, ProbeCache::defaultDirectory(o.environment), o.probeDirectory);
    SourceFiles sources;
    sources.setBaseDirectory(o.baseDirectory);
    for (const auto &[name, text] : o.overlays)
        sources.setOverlay(name, text);
    LoadOptions options;
    options.kconfig = o.kconfig;
    options.environment = o.environment;
    options.sources = &sources;
    if (!o.noShell)
        options.shell = o.noProbeCache ? static_cast<ShellRunner *>(&processes) : &cache;
    // The parsed tree is cached next to the probes; it is only valid while the
    // probe cache can vouch for every $(shell) answer.
    TreeCache trees(TreeCache::defaultDirectory(o.environment));
    if (!o.noProbeCache && !o.environment.isSet("KCONFIG_STUDIO_NO_TREE_CACHE"))
        options.treeCache = &trees;

    LoadResult result = loadTree(options, out.diagnostics);
    out.probesRun = processes.processesStarted();
    out.probeCacheHits = cache.hits();
    if (!result) return out;
    out.tree = std::move(result.tree);
    out.config = std::make_unique<Config>(*out.tree);
    if (!o.printUnmetWarnings) return out;
    Config *config = out.config.get();
    out.config->setUnmetDependencyHandler([config](const Symbol *sym) {
        std::string text = "\nWARNING: unmet direct dependencies detected for " + sym->name + '\n';
        text += std::string("  Depends on [") +
                (config->dirDepValue(sym) == Tristate::Mod ? 'm' : 'n') + "]: ";
        text += exprToStringWithValues(sym->dirDep, *config) + '\n';
        text += revDepTermsWithValues(sym->revDep, *config, Tristate::Yes, "  Selected by [y]:\n");
        text += revDepTermsWithValues(sym->revDep, *config, Tristate::Mod, "  Selected by [m]:\n");
        std::fputs(text.c_str(), stderr);
    });
    return out;
}

namespace {

// The Graphviz library of this process, if any part of it links libgvc.
std::string graphvizVersion()
{
    using Context = void *(*)();
    using Version = char *(*)(void *);
    using Free = int (*)(void *);
    auto context = reinterpret_cast<Context>(::dlsym(RTLD_DEFAULT, "gvContext"));
    auto version = reinterpret_cast<Version>(::dlsym(RTLD_DEFAULT, "gvcVersion"));
    auto release = reinterpret_cast<Free>(::dlsym(RTLD_DEFAULT, "gvFreeContext"));
    if (!context || !version || !release) return {};
    void *gvc = context();
    if (!gvc) return {};
    const char *v = version(gvc);
    std::string text = v ? v : "";
    release(gvc);
    return text;
}

} // namespace

void printVersion()
{
    std::printf("kconfig-studio-cli %s\n", KCS_VERSION);
    std::printf("Kconfig language and semantics of Linux 6.12 (with 'transitional' and "
                "'depends on ... if ...' from later kernels)\n");
    const std::string graphviz = graphvizVersion();
    if (graphviz.empty())
        std::printf("Engine only: no Qt, no Graphviz, no syntax highlighter\n");
    else
        std::printf("Engine and Graphviz %s (libgvc): no Qt, no syntax highlighter\n",
                    graphviz.c_str());
}

bool readConfigForCli(CliLoad &load, const Environment &env, const std::string &treeDir,
                      const std::string &configFile)
{
    DiagnosticSink sink;
    sink.setHandler([](const Diagnostic &d) { std::fputs(d.text.c_str(), stderr); });
    ConfigReader reader(*load.config, env, sink);
    if (!configFile.empty()) {
        if (!reader.read(configFile)) {
            std::fprintf(stderr, "cannot read configuration %s\n", configFile.c_str());
            return false;
        }
    } else {
        const std::string name = env.value("KCONFIG_CONFIG", ".config");
        const std::string path = name[0] == '/' ? name : treeDir + '/' + name;
        if (!reader.read(path)) reader.read(std::nullopt);
    }
    for (const Symbol *sym : load.tree->symbols().all())
        load.config->calc(sym);
    return true;
}
