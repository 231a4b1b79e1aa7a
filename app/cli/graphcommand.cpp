// SPDX-License-Identifier: MIT
#include "graphcommand.h"

#include "cliloading.h"
#include "graphpicture.h"

#include <kconfig/assignment.h>
#include <kconfig/causegraph.h>
#include <kconfig/configreader.h>
#include <kconfig/dependencyindex.h>
#include <kconfig/explainer.h>
#include <kconfig/graphdot.h>
#include <kconfig/kerneltree.h>
#include <kconfig/probecache.h>
#include <kconfig/shellrunner.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

using namespace kconfig;

namespace {

struct Options
{
    std::string symbol;
    int depth = 1;
    GraphDirection direction = GraphDirection::Both;
    unsigned kinds = AllDependencyKinds & ~dependencyKindBit(DependencyKind::MenuParent);
    int budget = 60;
    bool changes = false;
    std::vector<std::string> sets;
    std::string tree;
    std::string kconfig = "Kconfig";
    std::string arch;
    std::string config;
    std::string format; // svg, png, dot
    std::string output = "-";
    int width = 0;
    int height = 0;
    bool legend = true;
    bool noShell = false;
    bool noProbeCache = false;
};

void usage(const char *prog)
{
    std::printf(
        "Usage: %s graph SYMBOL [--depth N] [--direction needs|needed-by|both] [options]\n"
        "       %s graph [SYMBOL] --changes --set SYMBOL=VALUE [--set ...] [options]\n"
        "\n"
        "Draws the symbols around SYMBOL and how their entries name each other\n"
        "(depends on, visible if, select, imply, default, range, choice, menu), or\n"
        "with --changes what the last --set changed and why (cause -> effect).\n"
        "\n"
        "Options:\n"
        "  -o FILE           output file (default: standard output, DOT only)\n"
        "  --format F        svg, png or dot (default: from the suffix of -o, else dot)\n"
        "  --depth N         edges away from SYMBOL (default 1)\n"
        "  --direction D     needs (what SYMBOL's entry names), needed-by (the entries\n"
        "                    that name SYMBOL) or both (default)\n"
        "  --kinds LIST      edge kinds to follow, comma-separated (default: all but menu):\n"
        "                    depends,visible,select,imply,default,range,choice,menu\n"
        "  --budget N        at most N nodes; the rest folds into \"+N more\" (default 60)\n"
        "  --changes         the cause graph of the last --set instead\n"
        "  --set SYM=VALUE   set a value first, like a user (repeatable)\n"
        "  --size WxH        PNG size in pixels (default: natural size)\n"
        "  --no-legend       DOT without the legend\n"
        "  --tree DIR, --kconfig FILE, --arch ARCH, --config FILE, --no-shell,\n"
        "  --no-probe-cache  as for 'why' (see '%s help')\n",
        prog, prog, prog);
}

bool parseKinds(const std::string &list, unsigned &kinds, std::string &error)
{
    kinds = 0;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t end = std::min(list.find(',', start), list.size());
        const std::string name = list.substr(start, end - start);
        DependencyKind k;
        if (!parseDependencyKind(name.c_str(), k)) {
            error = "unknown edge kind '" + name + "'";
            return false;
        }
        kinds |= dependencyKindBit(k);
        start = end + 1;
    }
    return true;
}

bool parse(int argc, char **argv, Options &o, std::string &error)
{
    std::string format;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        std::string v;
        const auto value = [&](std::string &into) {
            if (i + 1 >= argc) {
                error = a + " needs a value";
                return false;
            }
            into = argv[++i];
            return true;
        };
        const auto number = [&](int &into, int low, int high) {
            if (!value(v)) return false;
            char *end = nullptr;
            const long n = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end || n < low || n > high) {
                error = a + " wants a number from " + std::to_string(low) + " to " +
                        std::to_string(high);
                return false;
            }
            into = static_cast<int>(n);
            return true;
        };
        if (a == "-o" || a == "--output") {
            if (!value(o.output)) return false;
        } else if (a == "--format") {
            if (!value(format)) return false;
        } else if (a == "--depth") {
            if (!number(o.depth, 1, 10)) return false;
        } else if (a == "--budget") {
            if (!number(o.budget, 2, 2000)) return false;
        } else if (a == "--direction") {
            if (!value(v)) return false;
            if (v == "needs")
                o.direction = GraphDirection::Needs;
            else if (v == "needed-by")
                o.direction = GraphDirection::NeededBy;
            else if (v == "both")
                o.direction = GraphDirection::Both;
            else {
                error = "--direction wants needs, needed-by or both";
                return false;
            }
        } else if (a == "--kinds") {
            if (!value(v) || !parseKinds(v, o.kinds, error)) return false;
        } else if (a == "--changes") {
            o.changes = true;
        } else if (a == "--set") {
            if (!value(v)) return false;
            o.sets.push_back(v);
        } else if (a == "--size") {
            if (!value(v)) return false;
            if (std::sscanf(v.c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 16 ||
                o.height < 16 || o.width > 20000 || o.height > 20000) {
                error = "--size wants WIDTHxHEIGHT in pixels, e.g. 1600x1000";
                return false;
            }
        } else if (a == "--no-legend") {
            o.legend = false;
        } else if (a == "--tree") {
            if (!value(o.tree)) return false;
        } else if (a == "--kconfig") {
            if (!value(o.kconfig)) return false;
        } else if (a == "--arch") {
            if (!value(o.arch)) return false;
        } else if (a == "--config") {
            if (!value(o.config)) return false;
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
        } else if (o.symbol.empty()) {
            o.symbol = a;
        } else {
            error = "only one SYMBOL may be given";
            return false;
        }
    }
    if (format.empty()) {
        const auto endsWith = [&](const char *suffix) {
            const std::size_t n = std::strlen(suffix);
            return o.output.size() > n && o.output.compare(o.output.size() - n, n, suffix) == 0;
        };
        format = endsWith(".svg") ? "svg" : endsWith(".png") ? "png" : "dot";
    }
    if (format != "svg" && format != "png" && format != "dot") {
        error = "unknown format '" + format + "' (svg, png, dot)";
        return false;
    }
    o.format = format;
    if (o.format != "dot" && o.output == "-") {
        error = "--format " + format + " needs an output file (-o FILE)";
        return false;
    }
    if (o.changes && o.sets.empty()) {
        error = "--changes needs at least one --set SYMBOL=VALUE";
        return false;
    }
    if (!o.changes && o.symbol.empty()) {
        error = "which SYMBOL? (or --changes with --set)";
        return false;
    }
    return true;
}

// The tree as `make` would run conf in it, with the configuration read.
struct Session
{
    CliLoad load;
    std::string arch;
    std::string probeDir;
};

bool openSession(const Options &o, Session &s)
{
    Environment env = Environment::fromProcess();
    CliLoadOptions lo;
    lo.kconfig = o.kconfig;
    lo.noShell = o.noShell;
    lo.noProbeCache = o.noProbeCache || env.isSet("KCONFIG_STUDIO_NO_PROBE_CACHE");
    lo.printUnmetWarnings = false;
    std::string treeDir = o.tree;
    if (treeDir.empty()) treeDir = env.value("srctree", ".");
    // The same probe directory as the other analysis commands, so that their
    // probe cache serves this one too.
    char real[4096];
    s.probeDir =
        ProbeCache::workingDirectoryFor(env, ::realpath(treeDir.c_str(), real) ? real : treeDir);
    lo.probeDirectory = s.probeDir;
    if (auto kernel = detectKernelTree(treeDir)) {
        ProcessShellRunner versions(s.probeDir);
        ProbeCache cache(versions, ProbeCache::defaultDirectory(env), s.probeDir);
        env = kernelEnvironment(*kernel, o.arch, env, o.noShell ? nullptr : &cache);
        treeDir = kernel->srctree;
        s.arch = env.value("ARCH", "");
    } else {
        env.set("srctree", treeDir);
    }
    lo.environment = env;
    lo.baseDirectory = treeDir;
    s.load = loadForCli(lo);
    if (!s.load.tree) return false;

    return readConfigForCli(s.load, env, treeDir, o.config);
}

const Symbol *findSymbol(const Tree &tree, std::string name)
{
    if (name.rfind("CONFIG_", 0) == 0) name = name.substr(7);
    const Symbol *sym = tree.symbols().find(name);
    if (!sym || sym->isConst() || sym->menus.empty()) {
        std::fprintf(stderr, "unknown symbol %s\n", name.c_str());
        return nullptr;
    }
    return sym;
}

const char *directionText(GraphDirection d)
{
    switch (d) {
    case GraphDirection::Needs:
        return "what it needs";
    case GraphDirection::NeededBy:
        return "what needs it";
    case GraphDirection::Both:
        break;
    }
    return "needs and needed by";
}

// The picture module next to the executable (build tree), else where it is installed.
WriteGraphPictureFunction loadPictureModule(std::string &error)
{
    char exe[4096];
    const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
    std::string dir = n > 0 ? std::string(exe, static_cast<std::size_t>(n)) : std::string();
    dir = dir.substr(0, dir.rfind('/') + 1);
    for (const std::string &candidate :
         {dir + GraphPictureModuleName,
          dir + "../" KCS_GRAPH_MODULE_DIR "/" + GraphPictureModuleName}) {
        if (::access(candidate.c_str(), R_OK) != 0) continue;
        void *module = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            error = ::dlerror();
            return nullptr;
        }
        if (auto f = reinterpret_cast<WriteGraphPictureFunction>(
                ::dlsym(module, WriteGraphPictureSymbol)))
            return f;
        error = candidate + " has no " + WriteGraphPictureSymbol;
        return nullptr;
    }
    error = std::string("SVG and PNG need ") + GraphPictureModuleName +
            " (built with the desktop application); --format dot works without it";
    return nullptr;
}

bool writeText(const std::string &path, const std::string &text)
{
    if (path == "-") return std::fputs(text.c_str(), stdout) >= 0;
    std::ofstream out(path, std::ios::binary);
    out << text;
    return static_cast<bool>(out.flush());
}

} // namespace

int runGraphCommand(int argc, char **argv)
{
    Options o;
    std::string error;
    if (!parse(argc, argv, o, error)) {
        if (error == "help") {
            usage(argv[0]);
            return 0;
        }
        std::fprintf(stderr, "%s graph: %s\n", argv[0], error.c_str());
        return 2;
    }
    Session s;
    if (!openSession(o, s)) return 1;
    Tree &tree = *s.load.tree;
    Config &config = *s.load.config;

    Explainer explainer(tree, config);
    std::unique_ptr<ChangeReport> report;
    for (const std::string &assignment : o.sets) {
        std::string name, value;
        if (!splitAssignment(assignment, name, value)) {
            std::fprintf(stderr, "graph: '%s' is not SYMBOL=VALUE\n", assignment.c_str());
            return 2;
        }
        const Symbol *sym = findSymbol(tree, name);
        if (!sym) return 1;
        AppliedChange change = applyAssignment(config, sym, value);
        if (!change.ok) {
            std::fprintf(stderr, "%s\n", change.error.c_str());
            return 1;
        }
        report = std::make_unique<ChangeReport>(explainer.explainChanges(
            change.description, change.subject, change.changes, change.userBefore));
    }

    std::string title = tree.mainMenuTitle();
    // A kernel's own title names the architecture already ("Linux/x86_64 6.12...").
    if (!s.arch.empty() && title.find(s.arch) == std::string::npos) title += " \xc2\xb7 " + s.arch;
    // The graph's edges point into the index (their written lines): it lives as long.
    std::unique_ptr<DependencyIndex> index;
    DependencyGraph graph;
    if (o.changes) {
        graph = causeGraph(*report);
        std::string what = report->description;
        if (const auto at = what.find(" -> "); at != std::string::npos)
            what.replace(at, 4, " \xe2\x86\x92 ");
        title += " \xc2\xb7 " + what;
    } else {
        const Symbol *focus = findSymbol(tree, o.symbol);
        if (!focus) return 1;
        index = std::make_unique<DependencyIndex>(tree);
        NeighbourhoodQuery q;
        q.focus = focus;
        q.depth = o.depth;
        q.direction = o.direction;
        q.kinds = o.kinds;
        q.nodeBudget = o.budget;
        graph = neighbourhoodGraph(*index, q, &config);
        title += " \xc2\xb7 " + focus->displayName() + ": " + directionText(o.direction) + ", " +
                 std::to_string(o.depth) + (o.depth == 1 ? " hop" : " hops");
    }

    if (o.format == "dot") {
        CurrentValues now(config);
        DotOptions d;
        d.title = title;
        d.now = &now;
        d.before = o.changes ? report->before.get() : nullptr;
        d.showChange = o.changes;
        d.legend = o.legend;
        if (!writeText(o.output, graphToDot(graph, d))) {
            std::fprintf(stderr, "cannot write %s\n", o.output.c_str());
            return 1;
        }
        return 0;
    }
    WriteGraphPictureFunction write = loadPictureModule(error);
    if (!write) {
        std::fprintf(stderr, "%s graph: %s\n", argv[0], error.c_str());
        return 1;
    }
    GraphPictureJob job;
    job.graph = &graph;
    job.showChange = o.changes;
    job.title = title;
    job.path = o.output;
    job.svg = o.format == "svg";
    job.width = o.width;
    job.height = o.height;
    if (!write(&job)) {
        std::fprintf(stderr, "cannot write %s: %s\n", o.output.c_str(), job.error.c_str());
        return 1;
    }
    return 0;
}
