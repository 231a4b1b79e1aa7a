// SPDX-License-Identifier: MIT
#include "analysistool.h"

#include "cliloading.h"

#include <kconfig/assignment.h>
#include <kconfig/configdiff.h>
#include <kconfig/configreader.h>
#include <kconfig/configwriter.h>
#include <kconfig/explainer.h>
#include <kconfig/explanationtext.h>
#include <kconfig/impact.h>
#include <kconfig/kerneltree.h>
#include <kconfig/patch.h>
#include <kconfig/probecache.h>
#include <kconfig/shellrunner.h>
#include <kconfig/sourcefiles.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <unistd.h>
#include <vector>

using namespace kconfig;

namespace {

struct Options
{
    std::string command;
    std::vector<std::string> positional;
    std::string tree;
    std::string kconfig = "Kconfig";
    std::string arch;
    std::string config;
    std::vector<std::string> sets;
    std::string want;
    std::string patch;
    std::vector<std::string> baselines;
    bool summary = false;
    ExplanationFormat format = ExplanationFormat::Text;
    int width = 72;
    bool noShell = false;
    bool noProbeCache = false;
};

void usage(const char *prog)
{
    std::printf(
        "Usage: %s why SYMBOL [--want y|m|n] [options]\n"
        "       %s explain --set SYMBOL=VALUE [--set ...] [options]\n"
        "       %s graph SYMBOL|--changes ... -o FILE   (see '%s graph --help')\n"
        "       %s impact --patch FILE [--baseline NAME ...] [--summary] [options]\n"
        "       %s diff CONFIG_A CONFIG_B [options]\n"
        "       %s [conf options] <kconfig-file>   (the kernel's conf, see --help)\n"
        "\n"
        "why      Explains why SYMBOL has its value, visibility and writability, and\n"
        "         what would have to change for each value it cannot take now (with\n"
        "         --want, only for that value).\n"
        "explain  Applies each --set in order, like a user in the configurator, and\n"
        "         explains every symbol that changed as a chain of causes.\n"
        "graph    Draws the dependency graph around SYMBOL, or the cause graph of\n"
        "         a change, as SVG, PNG or DOT.\n"
        "impact   Applies a patch (unified diff or git format-patch mail) to the\n"
        "         tree's Kconfig files in memory and reports, for each baseline,\n"
        "         which symbols change value, visibility or writability, and why.\n"
        "         Baselines: current, alldefconfig, allnoconfig, allmodconfig,\n"
        "         allyesconfig, defconfig (the architecture's) or a defconfig file;\n"
        "         default: all of them. Exit status 1 when the patch does not\n"
        "         apply or the patched tree does not load (e.g. a recursive\n"
        "         dependency).\n"
        "diff     Compares two .config files like scripts/diffconfig and says,\n"
        "         with a tree, how each side arrives at its value.\n"
        "\n"
        "Options:\n"
        "  --tree DIR        kernel source tree (default: $srctree, else the current directory)\n"
        "  --kconfig FILE    top-level Kconfig file, relative to the tree (default: Kconfig)\n"
        "  --arch ARCH       architecture for a kernel tree (default: $ARCH or the host's)\n"
        "  --config FILE     configuration to start from (default: $KCONFIG_CONFIG or\n"
        "                    .config in the tree, else the architecture's defaults)\n"
        "  --format F        text (default, wrapped for e-mail), markdown or json (one\n"
        "                    object per line; explain prints one per --set)\n"
        "  --width N         wrap text at N columns (default 72)\n"
        "  --no-shell        do not run $(shell,...) commands\n"
        "  --no-probe-cache  run every $(shell,...) command\n"
        "  --patch FILE      (impact) the change to try\n"
        "  --baseline NAME   (impact) a baseline to compare; repeat for several\n"
        "  --summary         (impact) counts and one line per symbol, no reasons\n",
        prog, prog, prog, prog, prog, prog, prog);
}

bool parse(int argc, char **argv, Options &o, std::string &error)
{
    o.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&](std::string &into) {
            if (i + 1 >= argc) {
                error = a + " needs a value";
                return false;
            }
            into = argv[++i];
            return true;
        };
        std::string v;
        if (a == "--tree") {
            if (!value(o.tree)) return false;
        } else if (a == "--kconfig") {
            if (!value(o.kconfig)) return false;
        } else if (a == "--arch") {
            if (!value(o.arch)) return false;
        } else if (a == "--config") {
            if (!value(o.config)) return false;
        } else if (a == "--set") {
            if (!value(v)) return false;
            o.sets.push_back(v);
        } else if (a == "--want") {
            if (!value(o.want)) return false;
        } else if (a == "--patch") {
            if (!value(o.patch)) return false;
        } else if (a == "--baseline") {
            if (!value(v)) return false;
            o.baselines.push_back(v);
        } else if (a == "--summary") {
            o.summary = true;
        } else if (a == "--format") {
            if (!value(v)) return false;
            if (v == "text")
                o.format = ExplanationFormat::Text;
            else if (v == "markdown" || v == "md")
                o.format = ExplanationFormat::Markdown;
            else if (v == "json")
                o.format = ExplanationFormat::Json;
            else {
                error = "unknown format '" + v + "' (text, markdown, json)";
                return false;
            }
        } else if (a == "--width") {
            if (!value(v)) return false;
            o.width = std::atoi(v.c_str());
            if (o.width < 20) o.width = 20;
        } else if (a == "--no-shell") {
            o.noShell = true;
        } else if (a == "--no-probe-cache") {
            o.noProbeCache = true;
        } else if (a == "-h" || a == "--help") {
            error = "help";
            return false;
        } else if (!a.empty() && a[0] == '-') {
            error = "unknown option " + a;
            return false;
        } else {
            o.positional.push_back(a);
        }
    }
    return true;
}

// Loads the tree like `make` would run conf in it, and reads the configuration.
struct Session
{
    CliLoad load;
    std::string probeDir;
    Environment environment;
    std::string treeDir;
};

bool openSession(const Options &o, Session &s,
                 const std::map<std::string, std::string> &overlays = {}, bool readConfig = true)
{
    Environment env = Environment::fromProcess();
    CliLoadOptions lo;
    lo.kconfig = o.kconfig;
    lo.noShell = o.noShell;
    lo.noProbeCache = o.noProbeCache || env.isSet("KCONFIG_STUDIO_NO_PROBE_CACHE");
    lo.printUnmetWarnings = false;
    std::string treeDir = o.tree;
    if (treeDir.empty()) treeDir = env.value("srctree", ".");
    char real[4096];
    s.probeDir =
        ProbeCache::workingDirectoryFor(env, ::realpath(treeDir.c_str(), real) ? real : treeDir);
    lo.probeDirectory = s.probeDir;
    if (auto kernel = detectKernelTree(treeDir)) {
        ProcessShellRunner versions(s.probeDir);
        ProbeCache cache(versions, ProbeCache::defaultDirectory(env), s.probeDir);
        env = kernelEnvironment(*kernel, o.arch, env, o.noShell ? nullptr : &cache);
        treeDir = kernel->srctree;
    } else {
        env.set("srctree", treeDir);
    }
    lo.environment = env;
    lo.baseDirectory = treeDir;
    lo.overlays = overlays;
    s.environment = env;
    s.treeDir = treeDir;
    s.load = loadForCli(lo);
    if (!s.load.tree) return false;
    if (!readConfig) return true;

    return readConfigForCli(s.load, env, treeDir, o.config);
}

const Symbol *findSymbol(const Tree &tree, std::string name)
{
    if (name.rfind("CONFIG_", 0) == 0) name = name.substr(7);
    const Symbol *sym = tree.symbols().find(name);
    if (!sym || sym->isConst()) {
        std::fprintf(stderr, "unknown symbol %s\n", name.c_str());
        return nullptr;
    }
    return sym;
}

int runWhy(const Options &o)
{
    if (o.positional.size() != 1) {
        std::fprintf(stderr, "why: exactly one SYMBOL expected\n");
        return 2;
    }
    if (!o.want.empty() && o.want != "y" && o.want != "m" && o.want != "n") {
        std::fprintf(stderr, "why: --want takes y, m or n, not '%s'\n", o.want.c_str());
        return 2;
    }
    Session s;
    if (!openSession(o, s)) return 1;
    Config &config = *s.load.config;
    const Symbol *sym = findSymbol(*s.load.tree, o.positional[0]);
    if (!sym) return 1;
    Explainer explainer(*s.load.tree, config);
    SymbolReport report = explainer.explainSymbol(sym);
    std::string out = renderSymbolReport(report, config, o.format, o.width);
    if (o.want.empty()) {
        // Like the why panel: what it would take to give it each value it
        // cannot take now.
        const auto blocked = explainer.blockedValues(sym);
        if (o.format == ExplanationFormat::Json && !blocked.empty()) {
            if (out.size() >= 2 && out.compare(out.size() - 2, 2, "}\n") == 0)
                out.resize(out.size() - 2);
            out += ",\"blocked\":[";
            for (std::size_t i = 0; i < blocked.size(); ++i) {
                std::string reqs = renderRequirements(sym, blocked[i].value,
                                                      blocked[i].requirements, config, o.format);
                while (!reqs.empty() && reqs.back() == '\n')
                    reqs.pop_back();
                out += (i ? "," : "") + reqs;
            }
            out += "]}\n";
        } else if (o.format != ExplanationFormat::Json) {
            for (const Explainer::BlockedValue &b : blocked)
                out += renderRequirements(sym, b.value, b.requirements, config, o.format, o.width);
        }
    } else {
        const Tristate wanted = o.want == "y"   ? Tristate::Yes
                                : o.want == "m" ? Tristate::Mod
                                                : Tristate::No;
        std::string reqs = renderRequirements(sym, wanted, explainer.requirementsFor(sym, wanted),
                                              config, o.format, o.width);
        if (o.format == ExplanationFormat::Json) {
            // One document: the report's object gets the requirements as "want".
            if (out.size() >= 2 && out.compare(out.size() - 2, 2, "}\n") == 0)
                out.resize(out.size() - 2);
            while (!reqs.empty() && reqs.back() == '\n')
                reqs.pop_back();
            out += ",\"want\":" + reqs + "}\n";
        } else {
            out += reqs;
        }
    }
    std::fputs(out.c_str(), stdout);
    return 0;
}

int runExplain(const Options &o)
{
    if (o.sets.empty()) {
        std::fprintf(stderr, "explain: give at least one --set SYMBOL=VALUE\n");
        return 2;
    }
    Session s;
    if (!openSession(o, s)) return 1;
    Config &config = *s.load.config;
    Explainer explainer(*s.load.tree, config);
    bool first = true;
    for (const std::string &assignment : o.sets) {
        std::string name, value;
        if (!splitAssignment(assignment, name, value)) {
            std::fprintf(stderr, "explain: '%s' is not SYMBOL=VALUE\n", assignment.c_str());
            return 2;
        }
        const Symbol *sym = findSymbol(*s.load.tree, name);
        if (!sym) return 1;
        AppliedChange change = applyAssignment(config, sym, value);
        if (!change.ok) {
            std::fprintf(stderr, "%s\n", change.error.c_str());
            // A value out of the symbol's range: what would make it possible.
            const bool tri = value == "y" || value == "m" || value == "n";
            if (sym->isBoolOrTristate() && tri) {
                const Tristate wanted = value == "y"   ? Tristate::Yes
                                        : value == "m" ? Tristate::Mod
                                                       : Tristate::No;
                const auto reqs = explainer.requirementsFor(sym, wanted);
                if (!reqs.empty())
                    std::fputs(renderRequirements(sym, wanted, reqs, config,
                                                  ExplanationFormat::Text, o.width)
                                   .c_str(),
                               stderr);
            }
            return 1;
        }
        ChangeReport report =
            explainer.explainChanges(change.description, change.subject, change.changes,
                                     change.userBefore, change.priorityBefore);
        if (!first && o.format != ExplanationFormat::Json) std::fputs("\n", stdout);
        first = false;
        std::fputs(renderChangeReport(report, config, o.format, o.width).c_str(), stdout);
    }
    return 0;
}

int runImpact(const Options &o)
{
    if (o.patch.empty()) {
        std::fprintf(stderr, "impact: give the change with --patch FILE\n");
        return 2;
    }
    const auto text = readConfigFile(o.patch, Environment());
    if (!text) {
        std::fprintf(stderr, "impact: cannot read %s\n", o.patch.c_str());
        return 2;
    }
    const Patch patch = parsePatch(*text);
    for (const std::string &e : patch.errors)
        std::fprintf(stderr, "%s\n", e.c_str());
    if (patch.files.empty()) return 2;

    Session original;
    if (!openSession(o, original, {}, false)) return 1;
    SourceFiles sources;
    sources.setBaseDirectory(original.treeDir);
    const PatchResult applied = applyPatch(patch, sources, original.environment);
    for (const std::string &f : applied.ignored)
        std::fprintf(stderr, "impact: %s is not a Kconfig file; ignored\n", f.c_str());
    for (const std::string &r : applied.rejected)
        std::fprintf(stderr, "impact: %s\n", r.c_str());
    if (!applied.ok()) return 1;
    if (applied.patched.empty()) {
        std::fprintf(stderr, "impact: the patch changes no Kconfig file\n");
        return 1;
    }

    Session edited;
    if (!openSession(o, edited, sources.overlays(), false)) {
        std::fprintf(stderr, "impact: the patched tree does not load (see the errors above)\n");
        return 1;
    }

    const std::string configName = original.environment.value("KCONFIG_CONFIG", ".config");
    std::string current = o.config;
    if (current.empty())
        current = configName[0] == '/' ? configName : original.treeDir + '/' + configName;
    std::string archDefconfig;
    if (auto kernel = detectKernelTree(original.treeDir)) {
        const std::string arch = original.environment.value("ARCH");
        archDefconfig = kernel->srctree + "/arch/" + sourceArchitecture(arch) + "/configs/" +
                        defaultDefconfig(*kernel, arch);
    }
    std::vector<std::string> names = o.baselines;
    if (names.empty()) {
        if (pathExists(current)) names.push_back("current");
        names.insert(names.end(), {"alldefconfig", "allnoconfig", "allmodconfig", "allyesconfig"});
        if (!archDefconfig.empty()) names.push_back("defconfig");
    }
    std::vector<Baseline> baselines;
    for (const std::string &n : names) {
        Baseline b;
        if (!Baseline::parse(n, current, archDefconfig, b) ||
            ((b.kind == Baseline::Kind::Defconfig || b.kind == Baseline::Kind::Current) &&
             !pathExists(b.file))) {
            std::fprintf(stderr, "impact: unknown baseline or missing file: %s\n", n.c_str());
            return 2;
        }
        baselines.push_back(b);
    }
    const ImpactReport report =
        analyzeImpact(*original.load.tree, *edited.load.tree, baselines, original.environment);
    if (!patch.subject.empty() && o.format != ExplanationFormat::Json)
        std::printf("%s\n\n", patch.subject.c_str());
    std::fputs(renderImpactReport(report, o.format, o.width, !o.summary).c_str(), stdout);
    return 0;
}

int runDiff(const Options &o)
{
    if (o.positional.size() != 2) {
        std::fprintf(stderr, "diff: two configuration files expected\n");
        return 2;
    }
    const Environment env = Environment::fromProcess();
    const auto a = readConfigFile(o.positional[0], Environment());
    const auto b = readConfigFile(o.positional[1], Environment());
    if (!a || !b) {
        std::fprintf(stderr, "diff: cannot read %s\n",
                     (!a ? o.positional[0] : o.positional[1]).c_str());
        return 2;
    }
    const std::string prefix = env.value("CONFIG_", "CONFIG_");
    const auto diffs = diffConfigs(*a, *b, prefix);

    // With a tree, say how each side arrives at its value.
    Session s;
    const bool explain = (!o.tree.empty() || env.isSet("srctree") || detectKernelTree(".")) &&
                         openSession(o, s, {}, false);
    std::unique_ptr<Config> configA, configB;
    if (explain) {
        DiagnosticSink quiet;
        configA = std::make_unique<Config>(*s.load.tree);
        configB = std::make_unique<Config>(*s.load.tree);
        ConfigReader(*configA, s.environment, quiet).read(o.positional[0]);
        ConfigReader(*configB, s.environment, quiet).read(o.positional[1]);
    }
    for (const ConfigDifference &d : diffs) {
        std::printf("%s\n", differenceLine(d).c_str());
        if (!explain) continue;
        const Symbol *sym = s.load.tree->symbols().find(d.symbol);
        if (!sym) {
            std::printf("    not defined by this tree\n");
            continue;
        }
        for (auto [label, cfg] :
             {std::pair<const char *, Config *>{"A", configA.get()}, {"B", configB.get()}}) {
            Explainer explainer(*s.load.tree, *cfg);
            CurrentValues now(*cfg);
            const SymbolReport report = explainer.explainSymbol(sym);
            std::string reason = report.facts.empty()
                                     ? std::string("no rule applies")
                                     : reasonLine(report.facts.front(), now, nullptr).sentence;
            std::printf("    %s: %s\n", label, reason.c_str());
        }
    }
    return 0;
}

} // namespace

bool isAnalysisCommand(const char *arg)
{
    return arg &&
           (!std::strcmp(arg, "why") || !std::strcmp(arg, "explain") ||
            !std::strcmp(arg, "impact") || !std::strcmp(arg, "diff") || !std::strcmp(arg, "help"));
}

int runAnalysisTool(int argc, char **argv)
{
    Options o;
    std::string error;
    if (!std::strcmp(argv[1], "help")) {
        usage(argv[0]);
        return 0;
    }
    if (!parse(argc, argv, o, error)) {
        if (error == "help") {
            usage(argv[0]);
            return 0;
        }
        std::fprintf(stderr, "%s: %s\n", argv[0], error.c_str());
        return 2;
    }
    if (o.command == "why") return runWhy(o);
    if (o.command == "impact") return runImpact(o);
    if (o.command == "diff") return runDiff(o);
    return runExplain(o);
}
